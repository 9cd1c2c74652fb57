/**
 * Reading households (not yet classified) from CSV or JSON Lines, for reports and validation.
 *
 * @module
 */
import type { Readable } from 'node:stream';
import { ChuanNgheoError, type ErrorDetail } from '../errors.js';
import type { BatchClassifier } from '../batch.js';
import { readCsvRows } from './csv-reader.js';
import { readJsonlBatches } from './jsonl-reader.js';
import type { InputFormat } from './classify-rows.js';

/** A household read from a file, or the error that reading its row raised. */
export type HouseholdEntry = { readonly record: number; readonly value: unknown } | { readonly record: number; readonly error: ErrorDetail; readonly id?: string };

/** What a file offers to options that name a column (a grouping key, a weight, the id). */
export type FileColumns =
  /** CSV: the header, and the columns kept as attributes (not read by the classification). */
  | { readonly format: 'csv'; readonly header: readonly string[]; readonly attributes: readonly string[] }
  /** JSON Lines: the keys of the first record that is an object, and the keys of its `attributes`. */
  | { readonly format: 'jsonl'; readonly keys: readonly string[]; readonly attributes: readonly string[] }
  /** A CSV file without a header, or JSON Lines without a record. */
  | { readonly format: 'empty'; readonly of: InputFormat };

/** Options of {@link readHouseholdBatches}. */
export interface ReadHouseholdOptions {
  /**
   * Called once, before any household is yielded: with the CSV header, or the first JSON Lines
   * record that is an object (or, for a file without either, at the end). What it throws stops
   * the reading.
   */
  readonly onColumns?: (columns: FileColumns) => void;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads the households of a CSV or JSON Lines stream, in batches, in order. */
export async function* readHouseholdBatches(input: Readable, format: InputFormat, batch: BatchClassifier, options: ReadHouseholdOptions = {}): AsyncGenerator<HouseholdEntry[], void, undefined> {
  let told = false;
  const tell = (columns: FileColumns) => {
    told = true;
    options.onColumns?.(columns);
  };
  if (format === 'jsonl') {
    let record = 0;
    for await (const { entries } of readJsonlBatches(input)) {
      if (!told) {
        const first = entries.find((e): e is { value: Record<string, unknown> } => 'value' in e && isObject(e.value));
        if (first) tell({ format: 'jsonl', keys: Object.keys(first.value), attributes: isObject(first.value.attributes) ? Object.keys(first.value.attributes) : [] });
      }
      yield entries.map((e) => ({ record: ++record, ...e }));
    }
    if (!told) tell({ format: 'empty', of: 'jsonl' });
    return;
  }
  for await (const { reader, rows, firstRecord } of readCsvRows(input, batch)) {
    if (!told) tell({ format: 'csv', header: reader.header, attributes: reader.attributeColumns });
    yield rows.map((row, i): HouseholdEntry => {
      const record = firstRecord + i;
      try {
        return { record, value: reader.toHousehold(row, record) };
      } catch (error) {
        if (!(error instanceof ChuanNgheoError)) throw error;
        return { record, error: error.toJSON() };
      }
    });
  }
  if (!told) tell({ format: 'empty', of: 'csv' });
}
