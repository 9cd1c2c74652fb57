/**
 * Reading CSV as a stream of row batches by the shared CSV rules (`csv/records`): the header
 * compiled once into a row reader, then every record in order, as fields or as the error that
 * reading it raised (so each record still yields one row). Memory stays flat.
 *
 * @module
 */
import type { Readable } from 'node:stream';
import type { BatchClassifier } from '../batch.js';
import { brokenRecordError, forEachRecord, readRecord, type CsvLimits, type CsvRecord } from '../csv/records.js';
import { createRowReader, type RowReader } from '../tabular.js';
import type { ColumnOptions } from '../columns.js';
import { readCsvPieces } from './csv-pieces.js';

/** Data records of a CSV stream in batches, each with the row reader compiled from the header. */
export interface CsvRowsBatch {
  readonly reader: RowReader;
  /** The records, read into fields or with their error. */
  readonly rows: readonly CsvRecord[];
  /** 1-based record number of `rows[0]` (the header is record 1). */
  readonly firstRecord: number;
}

/**
 * Reads a CSV stream's header once (with the column options), then yields its data records with the reader for them.
 *
 * @throws {ChuanNgheoError} `INVALID_ROW` when the header cannot be read or used.
 * @example
 * const batch = createBatchClassifier({ date: '2025-12-01' });
 * const ids = [];
 * for await (const { reader, rows } of readCsvRows(fs.createReadStream('examples/households-vi.csv'), batch)) {
 *   for (const row of rows) if (!('error' in row)) ids.push(reader.toHousehold(row.fields).id);
 * }
 * ids.slice(0, 2) //=> ['HH001', 'HH002']
 */
export async function* readCsvRows(input: Readable, batch: BatchClassifier, limits: CsvLimits & ColumnOptions = {}): AsyncGenerator<CsvRowsBatch, void, undefined> {
  let reader: RowReader | undefined;
  let record = 2;
  for await (const piece of readCsvPieces(input, limits)) {
    if (piece.kind === 'header') {
      reader = createRowReader(piece.fields, batch, limits);
      // At once, with no rows: a caller can check the header before any row arrives.
      yield { reader, rows: [], firstRecord: record };
      continue;
    }
    const rows: CsvRecord[] = [];
    if (piece.kind === 'broken') rows.push({ error: brokenRecordError(piece), fields: piece.fields });
    else forEachRecord(piece.bytes, 0, piece.bytes.length, (s, e) => rows.push(readRecord(piece.bytes, s, e)));
    if (rows.length === 0) continue;
    yield { reader: reader!, rows, firstRecord: record };
    record += rows.length;
  }
}
