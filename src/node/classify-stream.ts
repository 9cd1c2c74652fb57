/**
 * Classifying a whole file as a stream: rows are read in batches, classified with the standard
 * resolved once, and written as they go; memory does not grow with the file.
 *
 * @module
 */
import { once } from 'node:events';
import type { Readable, Writable } from 'node:stream';
import { createBatchClassifier } from '../batch.js';
import { classifyRowsOf } from './classify-rows.js';
import type { ClassifyOptions } from '../classify.js';
import type { Category } from '../rule.js';
import { csvOutputColumns, rowToCsv, rowToJsonl, type OutputFormat } from './output.js';
import { classifyCsvParallel } from './classify-csv-parallel.js';
import type { ChunkCounts } from './fast-csv.js';

import type { InputFormat } from './classify-rows.js';

export type { InputFormat };

/** Options of {@link classifyStream}. */
export interface ClassifyStreamOptions extends ClassifyOptions {
  readonly input: InputFormat;
  readonly output: OutputFormat;
  /** Called after each batch with the number of rows so far and the bytes read so far. */
  readonly onProgress?: (rows: number) => void;
}

/** Counts of a finished stream. */
export interface StreamSummary {
  readonly standard: string;
  readonly date: string;
  readonly rows: number;
  readonly invalid: number;
  readonly categories: Readonly<Record<Category, number>>;
  readonly newlyEscaped: number;
}

/**
 * Classifies a CSV or JSON Lines stream and writes one row out per row in, in order.
 *
 * @throws {ChuanNgheoError} When the standard cannot be resolved or the CSV header is unusable.
 * @example
 * const summary = await classifyStream(fs.createReadStream('survey.csv'), process.stdout, { input: 'csv', output: 'csv', date: '2025-12-01' });
 * summary.invalid //=> 0
 */
export async function classifyStream(input: Readable, output: Writable, options: ClassifyStreamOptions): Promise<StreamSummary> {
  if (options.input === 'csv') {
    // CSV takes the fast path (same results, errors included), on this thread.
    return summaryOf(await classifyCsvParallel(input, output, { ...options, threads: 1 }));
  }
  const batch = createBatchClassifier(options);
  const categories: Record<Category, number> = { poor: 0, 'near-poor': 0, average: 0, none: 0 };
  let rows = 0;
  let invalid = 0;
  let newlyEscaped = 0;
  const format = options.output === 'csv' ? rowToCsv : rowToJsonl;
  if (options.output === 'csv') output.write(`${csvOutputColumns.join(',')}\n`);
  for await (const results of classifyRowsOf(input, options.input, batch)) {
    let text = '';
    for (const row of results) {
      if ('error' in row) invalid++;
      else {
        categories[row.category]++;
        if (row.newlyEscaped) newlyEscaped++;
      }
      text += format(row);
    }
    rows += results.length;
    if (!output.write(text)) await once(output, 'drain');
    options.onProgress?.(rows);
  }
  return { standard: batch.standard.id, date: batch.date, rows, invalid, categories, newlyEscaped };
}

/** The summary of the counts of the fast CSV path. */
export function summaryOf(c: ChunkCounts & { readonly standard: string; readonly date: string }): StreamSummary {
  return {
    standard: c.standard,
    date: c.date,
    rows: c.rows,
    invalid: c.invalid,
    categories: { poor: c.poor, 'near-poor': c['near-poor'], average: c.average, none: c.none },
    newlyEscaped: c.newlyEscaped,
  };
}
