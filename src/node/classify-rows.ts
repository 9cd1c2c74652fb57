/**
 * Rows of a CSV, JSON Lines or .xlsx stream, classified in batches through the general readers:
 * every row, in order, invalid rows included.
 *
 * @module
 */
import type { Readable } from 'node:stream';
import type { BatchClassifier, BatchRow } from '../batch.js';
import type { CsvLimits } from '../csv/records.js';
import { readCsvRows } from './csv-reader.js';
import { errorRow } from './csv-general-rows.js';
import { readJsonlBatches, type JsonlLimits } from './jsonl-reader.js';
import { readXlsxRows, type XlsxOptions } from './xlsx-reader.js';

/** Input formats of the batch classification. */
export type InputFormat = 'csv' | 'jsonl' | 'xlsx';

/** Options of the general readers: the reading limits, and the worksheet of a workbook. */
export type RowsOptions = CsvLimits & JsonlLimits & XlsxOptions;

/** Classifies rows of CSV, JSON Lines or a worksheet into a sequence of batch results, in order. */
export async function* classifyRowsOf(input: Readable, format: InputFormat, batch: BatchClassifier, options: RowsOptions = {}): AsyncGenerator<BatchRow[], void, undefined> {
  if (format === 'jsonl') {
    for await (const { entries } of readJsonlBatches(input, options)) {
      yield entries.map((e) => ('error' in e ? { error: e.error } : batch.classify(e.value)));
    }
    return;
  }
  if (format === 'xlsx') {
    for await (const { reader, rows } of readXlsxRows(input, batch, options)) {
      const idAt = reader.header.indexOf('id');
      yield rows.map((row) => ('error' in row ? errorRow(row.error, idAt >= 0 ? row.fields[idAt] : undefined) : reader.classify(row.fields)));
    }
    return;
  }
  // As on the fast path, an error names no record number: the output row's position is the input row's.
  for await (const { reader, rows } of readCsvRows(input, batch, options)) {
    const idAt = reader.header.indexOf('id');
    yield rows.map((row) => ('error' in row ? errorRow(row.error, idAt >= 0 ? row.fields[idAt] : undefined) : reader.classify(row.fields)));
  }
}
