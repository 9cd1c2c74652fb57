/**
 * Classifying a whole file as a stream: rows are read in batches, classified with the standard
 * resolved once, and written as they go; memory does not grow with the file.
 *
 * @module
 */
import type { Readable, Writable } from 'node:stream';
import type { ClassifyOptions } from '../classify.js';
import type { OutputFormat } from './output.js';
import { classifyCsvParallel } from './classify-csv-parallel.js';
import { classifyJsonlParallel } from './classify-jsonl-parallel.js';
import { classifyXlsx } from './classify-xlsx.js';
import type { StreamSummary } from './run-summary.js';
import type { InputFormat } from './classify-rows.js';
import { fail } from '../errors.js';
import { readOptions } from '../options.js';
import { streamKeys } from './option-keys.js';
import type { FileReadingOptions } from './chunk-pool.js';

export type { InputFormat, StreamSummary };

/** Options of {@link classifyStream}. */
export interface ClassifyStreamOptions extends ClassifyOptions, FileReadingOptions {
  readonly input: InputFormat;
  /** CSV or JSON Lines; or an .xlsx workbook (see {@link classifyXlsx}). */
  readonly output: OutputFormat | 'xlsx';
  /** The worksheet of an .xlsx input (default: the first visible one). */
  readonly sheet?: string;
  /** Called after each batch with the number of rows so far and the bytes read so far. */
  readonly onProgress?: (rows: number) => void;
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
  readOptions(options, [], streamKeys);
  const { input: format, output: to, sheet, ...rest } = options;
  if (sheet !== undefined && format !== 'xlsx') fail('INVALID_OPTIONS', ['sheet'], `options.sheet: a worksheet is chosen in an .xlsx input only, and the input is ${JSON.stringify(format)}`, sheet, "input 'xlsx'");
  if (format === 'xlsx' || to === 'xlsx') return classifyXlsx(input, output, options);
  const here = { ...rest, output: to, threads: 1 };
  return format === 'csv' ? classifyCsvParallel(input, output, here) : classifyJsonlParallel(input, output, here);
}

