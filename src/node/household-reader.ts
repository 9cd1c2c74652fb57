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
import type { InputFormat } from './classify-rows.js';

/** A household read from a file, or the error that reading its row raised. */
export type HouseholdEntry = { readonly record: number; readonly value: unknown } | { readonly record: number; readonly error: ErrorDetail; readonly id?: string };

/** Reads the households of a CSV or JSON Lines stream, in batches, in order, one entry per record (limits: the longest record and, for JSON, the deepest nesting). */
export async function* readHouseholdBatches(input: Readable, format: InputFormat, batch: BatchClassifier, limits: JsonlLimits = {}): AsyncGenerator<HouseholdEntry[], void, undefined> {
  if (format === 'jsonl') {
    let record = 0;
    for await (const { entries } of readJsonlBatches(input, limits)) {
      yield entries.map((e) => ({ record: ++record, ...e }));
    }
    return;
  }
  for await (const { reader, rows, firstRecord } of readCsvRows(input, batch, limits)) {
    const idAt = reader.header.indexOf('id');
    yield rows.map((row, i): HouseholdEntry => {
      const record = firstRecord + i;
      if ('error' in row) {
        const id = idAt >= 0 ? row.fields[idAt] : undefined;
        return id === undefined || id === '' ? { record, error: row.error } : { record, error: row.error, id };
      }
      try {
        return { record, value: reader.toHousehold(row.fields, record) };
      } catch (error) {
        if (!(error instanceof ChuanNgheoError)) throw error;
        const id = idAt >= 0 ? row.fields[idAt] : undefined;
        return id === undefined || id === '' ? { record, error: error.toJSON() } : { record, error: error.toJSON(), id };
      }
    });
  }
}
