/**
 * Classifying a JSON file that holds an array of households or survey records: one output row per
 * element, in order, errors included. The array is read whole (a JSON array cannot be read in
 * pieces); for large files, JSON Lines streams.
 *
 * @module
 */
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import type { BatchRow } from '../batch.js';
import type { ClassifyOptions } from '../classify.js';
import { emptyCounts, tallyRow } from './chunk-output.js';
import { summaryOf, type StreamSummary } from './run-summary.js';
import { readRecordBatches } from './json-records.js';
import { csvOutputColumns, rowToCsv, rowToJsonl, type OutputFormat } from './output.js';
import { batchClassifierFor, jsonArrayKeys } from './option-keys.js';

/** Options of {@link classifyJsonArray}. */
export interface ClassifyJsonArrayOptions extends ClassifyOptions {
  readonly output: OutputFormat;
  /** Called after each batch with the number of rows so far. */
  readonly onProgress?: (rows: number) => void;
}

/**
 * Classifies a JSON array of households or survey records from a stream and writes one row per
 * element, in order. A file that is not valid JSON, or not an array, is one error row.
 *
 * @example
 * fs.writeFileSync('survey.json', JSON.stringify([{ id: 'HH1', area: 'rural', size: 2, incomeMonthlyTotal: 2_000_000, deprived: [] }, { id: 'HH2', area: 'rural', size: 0 }]));
 * const counts = await classifyJsonArray(fs.createReadStream('survey.json'), fs.createWriteStream('result.csv'), { output: 'csv', date: '2025-12-01' });
 * [counts.rows, counts.invalid, counts.categories['near-poor']] //=> [2, 1, 1]
 */
export async function classifyJsonArray(input: Readable, output: Writable, options: ClassifyJsonArrayOptions): Promise<StreamSummary> {
  const batch = batchClassifierFor(options, jsonArrayKeys);
  const write = options.output === 'csv' ? rowToCsv : rowToJsonl;
  const counts = emptyCounts();
  let text = options.output === 'csv' ? `${csvOutputColumns.join(',')}\n` : '';
  for await (const entries of readRecordBatches(input, 'json')) {
    for (const entry of entries) {
      const row: BatchRow = 'error' in entry ? { error: entry.error } : batch.classify(entry.value);
      tallyRow(row, counts);
      text += write(row);
      if (text.length > 1 << 20) {
        if (!output.write(text)) await once(output, 'drain');
        text = '';
      }
    }
    options.onProgress?.(counts.rows);
  }
  if (text && !output.write(text)) await once(output, 'drain');
  return summaryOf(counts, batch.standard.id, batch.date);
}
