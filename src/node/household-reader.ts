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

/**
 * A household read from a file, or the error that reading its row raised. `missingIndicators`:
 * the standard's indicators the file has no column for (see `undeterminedError` in the core).
 */
export type HouseholdEntry =
  | { readonly record: number; readonly value: unknown; readonly missingIndicators?: readonly string[] }
  | { readonly record: number; readonly error: ErrorDetail; readonly id?: string };

/** Reads the households of a CSV or JSON Lines stream, in batches, in order, one entry per record (limits: the longest record and, for JSON, the deepest nesting). */
export async function* readHouseholdBatches(input: Readable, format: InputFormat, batch: BatchClassifier, limits: JsonlLimits & ColumnOptions = {}): AsyncGenerator<HouseholdEntry[], void, undefined> {
  if (format === 'jsonl') {
    let record = 0;
    for await (const { entries } of readJsonlBatches(input, limits)) {
      yield entries.map((e) => ({ record: ++record, ...e }));
    }
    return;
  }
  for await (const { reader, rows, firstRecord } of readCsvRows(input, batch, limits)) {
    const idAt = reader.header.indexOf('id');
    const missing = reader.plan.missingIndicators;
    yield rows.map((row, i): HouseholdEntry => {
      const record = firstRecord + i;
      if ('error' in row) {
        const id = idAt >= 0 ? row.fields[idAt] : String(record);
        return id === undefined || id === '' ? { record, error: row.error } : { record, error: row.error, id };
      }
      try {
        const value = reader.toHousehold(row.fields, record);
        const household = idAt >= 0 ? value : { id: String(record), ...value };
        return missing.length ? { record, value: household, missingIndicators: missing } : { record, value: household };
      } catch (error) {
        if (!(error instanceof ChuanNgheoError)) throw error;
        const id = idAt >= 0 ? row.fields[idAt] : String(record);
        return id === undefined || id === '' ? { record, error: error.toJSON() } : { record, error: error.toJSON(), id };
      }
    });
  }
}
