/**
 * Classifying a whole file as a stream: rows are read in batches, classified with the standard
 * resolved once, and written as they go; memory does not grow with the file.
 *
 * @module
 */
import type { Readable, Writable } from 'node:stream';
import type { ClassifyOptions } from '../classify.js';
import type { Category } from '../rule.js';
import type { OutputFormat } from './output.js';
import { classifyCsvParallel } from './classify-csv-parallel.js';
import { classifyJsonlParallel } from './classify-jsonl-parallel.js';
import { classifyXlsx } from './classify-xlsx.js';
import type { ChunkCounts } from './chunk-output.js';
import type { InputFormat } from './classify-rows.js';

export type { InputFormat };

/** Options of {@link classifyStream}. */
export interface ClassifyStreamOptions extends ClassifyOptions {
  readonly input: InputFormat;
  /** CSV or JSON Lines; or an .xlsx workbook (see {@link classifyXlsx}). */
  readonly output: OutputFormat | 'xlsx';
  /** The worksheet of an .xlsx input (default: the first visible one). */
  readonly sheet?: string;
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
 * Classifies a CSV, JSON Lines or .xlsx stream and writes one row out per row in, in order.
 *
 * @throws {ChuanNgheoError} When the standard cannot be resolved or the CSV header is unusable.
 * @example
 * const summary = await classifyStream(fs.createReadStream('examples/households.csv'), fs.createWriteStream('result.csv'), { input: 'csv', output: 'csv', date: '2025-12-01' });
 * summary //=> { standard: 'nd07-2021', date: '2025-12-01', rows: 40, invalid: 0, categories: { poor: 6, 'near-poor': 13, average: 8, none: 13 }, newlyEscaped: 8 }
 * fs.readFileSync('result.csv', 'utf8').split('\n').slice(0, 2)
 * //=> ['id,category,deprivationCount,newlyEscaped,standard,errorCode,errorMessage', 'HH001,poor,3,false,nd07-2021,,']
 */
export async function classifyStream(input: Readable, output: Writable, options: ClassifyStreamOptions): Promise<StreamSummary> {
  // On this thread: CSV takes the fast path, JSON Lines its chunked reader (same results, errors included).
  const { input: format, output: to } = options;
  if (format === 'xlsx' || to === 'xlsx') return summaryOf(await classifyXlsx(input, output, options));
  const here = { ...options, output: to, threads: 1 };
  return summaryOf(format === 'csv' ? await classifyCsvParallel(input, output, here) : await classifyJsonlParallel(input, output, here));
}

/** The summary of the counts of a chunked run. */
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
