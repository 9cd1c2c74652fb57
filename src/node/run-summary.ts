/**
 * The summary every file classifier returns ({@link classifyStream}, {@link classifyCsvParallel},
 * {@link classifyJsonlParallel}, {@link classifyJsonArray}, {@link classifyXlsx}): one shape,
 * whichever path read the file.
 *
 * @module
 */
import type { Category } from '../rule.js';
import type { ChunkCounts } from './chunk-output.js';

/** Counts of the rows written: all of them, the invalid ones, and each category. */
export interface RowCounts {
  /** Rows written, invalid ones included (one per row read). */
  readonly rows: number;
  /** Rows written as errors. */
  readonly invalid: number;
  /** Valid rows by category. */
  readonly categories: Readonly<Record<Category, number>>;
  /** Valid rows of newly escaped households. */
  readonly newlyEscaped: number;
}

/** Counts of a finished run, with the standard and review date it used. */
export interface StreamSummary extends RowCounts {
  /** The id of the standard applied. */
  readonly standard: string;
  /** The review date, `YYYY-MM-DD`. */
  readonly date: string;
}

/** The public counts of a run's internal tally. */
export function rowCountsOf(c: ChunkCounts): RowCounts {
  return {
    rows: c.rows,
    invalid: c.invalid,
    categories: { poor: c.poor, 'near-poor': c['near-poor'], average: c.average, none: c.none },
    newlyEscaped: c.newlyEscaped,
  };
}

/** The summary of a run: its counts, the standard and the date. */
export function summaryOf(c: ChunkCounts, standard: string, date: string): StreamSummary {
  return { standard, date, ...rowCountsOf(c) };
}
