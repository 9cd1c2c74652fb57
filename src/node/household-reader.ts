/**
 * Reading households (not yet classified) from CSV, JSON Lines or a worksheet, for reports and
 * validation.
 *
 * @module
 */
import type { Readable } from 'node:stream';
import { ChuanNgheoError, type ErrorDetail } from '../errors.js';
import type { BatchClassifier } from '../batch.js';
import type { RowReader } from '../tabular.js';
import { readCsvRows } from './csv-reader.js';
import { readJsonlBatches } from './jsonl-reader.js';
import { readXlsxRows } from './xlsx-reader.js';
import type { InputFormat, RowsOptions } from './classify-rows.js';

/** A household read from a file, or the error that reading its row raised. */
export type HouseholdEntry = { readonly record: number; readonly value: unknown } | { readonly record: number; readonly error: ErrorDetail; readonly id?: string };

/**
 * Reads the households of a CSV, JSON Lines or .xlsx stream, in batches, in order, one entry per
 * record (limits: the longest record and, for JSON, the deepest nesting; for a workbook, the
 * worksheet). A record's number is its line for JSON Lines, its record for CSV (the header is
 * record 1), its row for a worksheet.
 */
export async function* readHouseholdBatches(input: Readable, format: InputFormat, batch: BatchClassifier, limits: RowsOptions = {}): AsyncGenerator<HouseholdEntry[], void, undefined> {
  if (format === 'jsonl') {
    let record = 0;
    for await (const { entries } of readJsonlBatches(input, limits)) {
      yield entries.map((e) => ({ record: ++record, ...e }));
    }
    return;
  }
  if (format === 'xlsx') {
    for await (const { reader, rows } of readXlsxRows(input, batch, limits)) {
      const idAt = reader.header.indexOf('id');
      yield rows.map((row) => householdEntry(reader, 'error' in row ? row.error : undefined, row.fields, row.row, idAt));
    }
    return;
  }
  for await (const { reader, rows, firstRecord } of readCsvRows(input, batch, limits)) {
    const idAt = reader.header.indexOf('id');
    yield rows.map((row, i) => householdEntry(reader, 'error' in row ? row.error : undefined, row.fields, firstRecord + i, idAt));
  }
}

/** The entry of one table row: its household, or the error that reading the row (or its cells) raised. */
function householdEntry(reader: RowReader, readError: ErrorDetail | undefined, fields: readonly string[], record: number, idAt: number): HouseholdEntry {
  const named = (error: ErrorDetail): HouseholdEntry => {
    const id = idAt >= 0 ? fields[idAt] : undefined;
    return id === undefined || id === '' ? { record, error } : { record, error, id };
  };
  if (readError !== undefined) return named(readError);
  try {
    return { record, value: reader.toHousehold(fields, record) };
  } catch (error) {
    if (!(error instanceof ChuanNgheoError)) throw error;
    return named(error.toJSON());
  }
}
