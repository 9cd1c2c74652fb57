/**
 * Table rows (CSV records, worksheet rows) as results, one per row, whatever reads the file: a row
 * classified, or a household read for a report, with the error that reading it raised. In a table
 * without an id column, a row's record number is its id. Pure: it runs in a browser.
 *
 * @module
 */
import type { BatchRow } from './batch.js';
import { ChuanNgheoError, type ErrorDetail } from './errors.js';
import type { RowReader } from './tabular.js';

/** An error row, with the id when the record's id cell could be read. */
export function errorRow(error: ErrorDetail, id: string | undefined): BatchRow {
  return id === undefined || id === '' ? { error } : { id, error };
}

/**
 * A household read from a file, or the error that reading its row raised. `missingIndicators`:
 * the standard's indicators the file has no column for (see `undeterminedError` in the core).
 */
export type HouseholdEntry =
  | { readonly record: number; readonly value: unknown; readonly missingIndicators?: readonly string[] }
  | { readonly record: number; readonly error: ErrorDetail; readonly id?: string };

/** A table row classified: its error, or its classification; in a file without an id column, its record number as the id. */
export function tableRow(reader: RowReader, readError: ErrorDetail | undefined, fields: readonly string[], record: number): BatchRow {
  const idAt = reader.header.indexOf('id');
  const out = readError !== undefined ? errorRow(readError, idAt >= 0 ? fields[idAt] : undefined) : reader.classify(fields);
  return idAt >= 0 ? out : { id: String(record), ...out };
}

/** The entry of a table row (CSV or a worksheet): its household, or the error that reading the row or its cells raised. */
export function tableEntry(reader: RowReader, readError: ErrorDetail | undefined, fields: readonly string[], record: number): HouseholdEntry {
  const idAt = reader.header.indexOf('id');
  const missing = reader.plan.missingIndicators;
  const errorEntry = (error: ErrorDetail): HouseholdEntry => {
    // A file without an id column: the record number is the id.
    const id = idAt >= 0 ? fields[idAt] : String(record);
    return id === undefined || id === '' ? { record, error } : { record, error, id };
  };
  if (readError !== undefined) return errorEntry(readError);
  try {
    const value = reader.toHousehold(fields, record);
    const household = idAt >= 0 ? value : { id: String(record), ...value };
    return missing.length ? { record, value: household, missingIndicators: missing } : { record, value: household };
  } catch (error) {
    if (!(error instanceof ChuanNgheoError)) throw error;
    return errorEntry(error.toJSON());
  }
}
