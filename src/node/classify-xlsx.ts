/**
 * Classifying with a workbook on either side: an .xlsx worksheet read as a stream, or classified
 * rows written as an .xlsx workbook. Rows go through the general readers (the same row reader as
 * CSV), on the calling thread, one row out per row in, in order, errors included.
 *
 * @module
 */
import type { Readable, Writable } from 'node:stream';
import type { BatchClassifier, BatchRow } from '../batch.js';
import type { ClassifyOptions } from '../classify.js';
import type { FileReadingOptions } from './chunk-pool.js';
import { emptyCounts, tallyRow } from './chunk-output.js';
import { rowCountsOf, type RowCounts, type StreamSummary } from './run-summary.js';
import { classifyRowsOf, type InputFormat } from './classify-rows.js';
import { readRecordBatches } from './json-records.js';
import { csvOutputColumns, rowToCsv, rowToJsonl, type OutputFormat } from './output.js';
import { watchOutput } from './output-watch.js';
import { writeClassifiedXlsx } from './xlsx-writer.js';
import { batchClassifierFor, xlsxKeys } from './option-keys.js';

/** Options of {@link classifyXlsx}. */
export interface ClassifyXlsxOptions extends ClassifyOptions, FileReadingOptions {
  /** The input's format (default `xlsx`); `json` is a JSON array of records. */
  readonly input?: InputFormat | 'json';
  /** The output's format: CSV, JSON Lines, or an .xlsx workbook. */
  readonly output: OutputFormat | 'xlsx';
  /** The worksheet of an .xlsx input (default: the first visible one). */
  readonly sheet?: string;
  /** Called after each batch with the number of rows so far. */
  readonly onProgress?: (rows: number) => void;
}

/** The rows of a JSON array of records, classified. */
async function* jsonArrayRows(input: Readable, batch: BatchClassifier): AsyncGenerator<BatchRow[], void, undefined> {
  for await (const entries of readRecordBatches(input, 'json')) yield entries.map((e) => ('error' in e ? { error: e.error } : batch.classify(e.value)));
}

/**
 * Classifies a stream, writing one row out per row in, in order, where the input is an .xlsx
 * worksheet or the output an .xlsx workbook (or both). `output` is not ended.
 *
 * @returns The {@link StreamSummary}: the counts, with the standard and date used.
 * @throws {ChuanNgheoError} When the standard cannot be resolved, the stream is not a workbook, the
 * worksheet does not exist (`UNKNOWN_SHEET`) or its header cannot be used; nothing is written then.
 * @throws The output's own error when it fails (a full disk, a closed pipe): the run stops there.
 * @example
 * const counts = await classifyXlsx(fs.createReadStream('examples/households.xlsx'), fs.createWriteStream('result.csv'), { output: 'csv', date: '2025-12-01' });
 * [counts.rows, counts.invalid, counts.categories.poor] //=> [40, 0, 6]
 */
export async function classifyXlsx(input: Readable, output: Writable, options: ClassifyXlsxOptions): Promise<StreamSummary> {
  const batch = batchClassifierFor(options, xlsxKeys);
  const format = options.input ?? 'xlsx';
  const rows =
    format === 'json'
      ? jsonArrayRows(input, batch)
      : classifyRowsOf(input, format, batch, {
          ...(options.sheet !== undefined ? { sheet: options.sheet } : {}),
          ...(options.maxRecordBytes !== undefined ? { maxRecordBytes: options.maxRecordBytes } : {}),
          ...(options.maxDepth !== undefined ? { maxDepth: options.maxDepth } : {}),
          ...(options.columns ? { columns: options.columns } : {}),
          ...(options.keepColumns ? { keepColumns: options.keepColumns } : {}),
          ...(options.values ? { values: options.values } : {}),
          ...(options.onHeader ? { onHeader: options.onHeader } : {}),
        });
  const result = (counts: RowCounts): StreamSummary => ({ standard: batch.standard.id, date: batch.date, ...counts });
  if (options.output === 'xlsx') return result(await writeClassifiedXlsx(rows, output, options.onProgress ? { onProgress: options.onProgress } : {}));
  const write = options.output === 'csv' ? rowToCsv : rowToJsonl;
  const counts = emptyCounts();
  const watch = watchOutput(output);
  try {
    let started = false;
    for await (const list of rows) {
      // The CSV header goes out with the first batch: a workbook that cannot be read writes nothing.
      let text = !started && options.output === 'csv' ? `${csvOutputColumns.join(',')}\n` : '';
      started = true;
      for (const row of list) {
        tallyRow(row, counts);
        text += write(row);
      }
      if (text) await watch.write(text);
      options.onProgress?.(counts.rows);
    }
    if (watch.failure) throw watch.failure;
  } finally {
    watch.stop();
  }
  return result(rowCountsOf(counts));
}
