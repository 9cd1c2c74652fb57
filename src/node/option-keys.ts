/**
 * The options each file classifier takes, by name, so that one it does not take (a misspelt
 * `standrd`, `threads` where no thread is started) is an `INVALID_OPTIONS` error rather than
 * ignored; and the classifier of the standard and date they choose.
 *
 * @module
 */
import { createBatchClassifier, type BatchClassifier } from '../batch.js';
import type { ClassifyOptions } from '../classify.js';
import { readOptions } from '../options.js';

/** The options that choose the standard and the review date. */
export const standardChoiceKeys = ['standard', 'date', 'today'] as const;
/** How a file is read: its limits and how a header's columns are read. */
export const fileReadingKeys = ['maxRecordBytes', 'maxDepth', 'columns', 'keepColumns', 'values', 'onHeader'] as const;
/** What the parallel classifiers take besides the choice and the reading options. */
const parallelRunKeys = ['output', 'threads', 'chunkBytes', 'workerUrl', 'onProgress'] as const;
/** The options of the parallel classifier of CSV: a CSV record has no nesting, so no `maxDepth`. */
export const csvParallelKeys = [...standardChoiceKeys, ...fileReadingKeys.filter((k) => k !== 'maxDepth'), ...parallelRunKeys] as const;
/** The options of the parallel classifier of JSON Lines: records name their own fields, so no column options and no header. */
export const jsonlParallelKeys = [...standardChoiceKeys, 'maxRecordBytes', 'maxDepth', ...parallelRunKeys] as const;
/** The options of the classifier of workbooks (and of the rows of any table written to one). */
export const xlsxKeys = [...standardChoiceKeys, ...fileReadingKeys, 'input', 'output', 'sheet', 'onProgress'] as const;
/** The options of the classifier of a JSON array. */
export const jsonArrayKeys = [...standardChoiceKeys, 'output', 'onProgress'] as const;
/** The options of the classifier of any stream, which hands the file to one of the others. */
export const streamKeys = [...standardChoiceKeys, ...fileReadingKeys, 'input', 'output', 'sheet', 'onProgress'] as const;

/**
 * Checks that `options` holds only `known` options, then binds a classifier to the standard and
 * date they choose.
 *
 * @throws {ChuanNgheoError} `INVALID_OPTIONS` for an option not known; the errors of
 * {@link createBatchClassifier}.
 */
export function batchClassifierFor(options: ClassifyOptions, known: readonly string[]): BatchClassifier {
  const { standard, date, today } = readOptions(options, standardChoiceKeys, known) as ClassifyOptions;
  return createBatchClassifier({ ...(standard !== undefined ? { standard } : {}), ...(date !== undefined ? { date } : {}), ...(today !== undefined ? { today } : {}) });
}
