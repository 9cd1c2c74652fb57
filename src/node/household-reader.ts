/**
 * Reading households (not yet classified) from CSV or JSON Lines, for reports and validation.
 *
 * @module
 */
import type { Readable } from 'node:stream';
import { ChuanNgheoError, type ErrorDetail } from '../errors.js';
import type { BatchClassifier } from '../batch.js';
import { readCsvRows } from './csv-reader.js';
import { readJsonlBatches, type JsonlLimits } from './jsonl-reader.js';
import type { ColumnOptions } from '../columns.js';
import type { InputFormat } from './classify-rows.js';
import { readRecordBatches } from './json-records.js';

/**
 * A household read from a file, or the error that reading its row raised. `missingIndicators`:
 * the standard's indicators the file has no column for (see `undeterminedError` in the core).
 */
export type HouseholdEntry =
  | { readonly record: number; readonly value: unknown; readonly missingIndicators?: readonly string[] }
  | { readonly record: number; readonly error: ErrorDetail; readonly id?: string };

/** What a file offers to options that name a column (a grouping key, a weight, the id). */
export type FileColumns =
  /** CSV: the header, and the columns kept as attributes (not read by the classification). */
  | { readonly format: 'csv'; readonly header: readonly string[]; readonly attributes: readonly string[] }
  /** JSON Lines: the keys of the first record that is an object, and the keys of its `attributes`. */
  | { readonly format: 'jsonl'; readonly keys: readonly string[]; readonly attributes: readonly string[] }
  /** A CSV file without a header, or JSON Lines without a record. */
  | { readonly format: 'empty'; readonly of: InputFormat };

/** Options of {@link readHouseholdBatches}: the reading limits, how a CSV header's columns are read, and a look at the columns. */
export interface ReadHouseholdOptions extends JsonlLimits, ColumnOptions {
  /**
   * Called once, before any household is yielded: with the CSV header, or the first JSON Lines
   * record that is an object (or, for a file without either, at the end). What it throws stops
   * the reading.
   */
  readonly onColumns?: (columns: FileColumns) => void;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads the households of a CSV or JSON Lines stream, in batches, in order, one entry per record. */
export async function* readHouseholdBatches(input: Readable, format: InputFormat | 'json', batch: BatchClassifier, options: ReadHouseholdOptions = {}): AsyncGenerator<HouseholdEntry[], void, undefined> {
  let told = false;
  const tell = (columns: FileColumns) => {
    told = true;
    options.onColumns?.(columns);
  };
  if (format === 'jsonl' || format === 'json') {
    let record = 0;
    const batches = format === 'json' ? (async function* () {
      for await (const entries of readRecordBatches(input, 'json')) yield { entries };
    })() : readJsonlBatches(input, options);
    for await (const { entries } of batches) {
      if (!told) {
        const first = entries.find((e): e is { value: Record<string, unknown> } => 'value' in e && isObject(e.value));
        if (first) tell({ format: 'jsonl', keys: Object.keys(first.value), attributes: isObject(first.value.attributes) ? Object.keys(first.value.attributes) : [] });
      }
      yield entries.map((e) => ({ record: ++record, ...e }));
    }
    if (!told) tell({ format: 'empty', of: 'jsonl' });
    return;
  }
  for await (const { reader, rows, firstRecord } of readCsvRows(input, batch, options)) {
    if (!told) tell({ format: 'csv', header: reader.header, attributes: reader.attributeColumns });
    const idAt = reader.header.indexOf('id');
    const missing = reader.plan.missingIndicators;
    const errorEntry = (record: number, error: ErrorDetail, fields: readonly string[]): HouseholdEntry => {
      // A file without an id column: the record number (the header is record 1) is the id.
      const id = idAt >= 0 ? fields[idAt] : String(record);
      return id === undefined || id === '' ? { record, error } : { record, error, id };
    };
    yield rows.map((row, i): HouseholdEntry => {
      const record = firstRecord + i;
      if ('error' in row) return errorEntry(record, row.error, row.fields);
      try {
        const value = reader.toHousehold(row.fields, record);
        const household = idAt >= 0 ? value : { id: String(record), ...value };
        return missing.length ? { record, value: household, missingIndicators: missing } : { record, value: household };
      } catch (error) {
        if (!(error instanceof ChuanNgheoError)) throw error;
        return errorEntry(record, error.toJSON(), row.fields);
      }
    });
  }
  if (!told) tell({ format: 'empty', of: 'csv' });
}
