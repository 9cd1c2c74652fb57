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
import { tableRow } from '../table-rows.js';
import { readJsonlBatches, type JsonlLimits } from './jsonl-reader.js';
import { readXlsxRows, type XlsxOptions } from './xlsx-reader.js';
import type { ColumnOptions, HeaderPlan } from '../columns.js';

/** Input formats of the batch classification. */
export type InputFormat = 'csv' | 'jsonl' | 'xlsx';

/** Options of the general readers: the reading limits, how a header's columns are read, and the worksheet of a workbook. */
export type RowsOptions = CsvLimits &
  JsonlLimits &
  ColumnOptions &
  XlsxOptions & {
    /** Called once a CSV or worksheet header is read, with what its columns stand for (before any row is classified). */
    readonly onHeader?: (plan: HeaderPlan, standard: string) => void;
  };

/**
 * Classifies rows of CSV, JSON Lines or a worksheet into a sequence of batch results, in order.
 *
 * @example
 * const batch = createBatchClassifier({ date: '2025-12-01' });
 * const rows = [];
 * for await (const batchRows of classifyRowsOf(fs.createReadStream('examples/roster.jsonl'), 'jsonl', batch)) rows.push(...batchRows);
 * rows.length //=> 36
 * rows[0] //=> { id: 'HH001', category: 'none', deprivationCount: 2, newlyEscaped: false, standard: 'nd07-2021' }
 */
export async function* classifyRowsOf(input: Readable, format: InputFormat, batch: BatchClassifier, options: RowsOptions = {}): AsyncGenerator<BatchRow[], void, undefined> {
  if (format === 'jsonl') {
    for await (const { entries } of readJsonlBatches(input, options)) {
      yield entries.map((e) => ('error' in e ? { error: e.error } : batch.classify(e.value)));
    }
    return;
  }
  if (format === 'xlsx') {
    // A row of a worksheet is numbered as the sheet numbers it.
    let told = false;
    for await (const { reader, rows } of readXlsxRows(input, batch, options)) {
      if (!told) options.onHeader?.(reader.plan, batch.standard.id);
      told = true;
      yield rows.map((row) => tableRow(reader, 'error' in row ? row.error : undefined, row.fields, row.row));
    }
    return;
  }
  // As on the fast path, an error names no record number: the output row's position is the input row's.
  // A file without an id column: the record number (the header is record 1) is the id.
  let told = false;
  for await (const { reader, rows, firstRecord } of readCsvRows(input, batch, options)) {
    if (!told) options.onHeader?.(reader.plan, batch.standard.id);
    told = true;
    yield rows.map((row, i) => tableRow(reader, 'error' in row ? row.error : undefined, row.fields, firstRecord + i));
  }
}
