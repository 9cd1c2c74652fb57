/**
 * The messages between the page and its worker: the page asks, the worker answers each request by
 * its number (and reports progress on the long ones).
 *
 * @module
 */
import type { Classification } from '../../src/classify.js';
import type { ErrorDetail } from '../../src/errors.js';
import type { HeaderPlan } from '../../src/columns.js';
import type { Table } from '../../src/report/table.js';
import type { Lang } from '../../src/report/labels.js';
import type { StandardId } from '../../src/standards/ids.js';

/** The standard and review date chosen: a shipped standard by id, a province's standard file (its JSON text), or the one in force. */
export interface Choice {
  readonly date: string;
  readonly standard?: StandardId;
  readonly standardFile?: string;
}

/** What the page asks of the worker. */
export type Request =
  | { readonly type: 'classify'; readonly name: string; readonly bytes: ArrayBuffer; readonly choice: Choice }
  | { readonly type: 'explain'; readonly index: number }
  | { readonly type: 'explainOne'; readonly household: unknown; readonly choice: Choice }
  | { readonly type: 'report'; readonly lang: Lang; readonly by?: string }
  | { readonly type: 'download'; readonly what: Download; readonly lang: Lang; readonly by?: string };

/** The files the page offers. */
export type Download = 'classified-csv' | 'classified-xlsx' | 'report-xlsx' | 'report-md';

/** Category codes of {@link Classified.category}: the index in this list, or {@link ERROR_CODE} for an error row. */
export const categoryCodes = ['poor', 'near-poor', 'average', 'none'] as const;
/** The category code of an error row. */
export const ERROR_CODE = 255;

/** A file classified: one entry per row, in columns (so that 100,000 rows cross to the page at once). */
export interface Classified {
  readonly file: string;
  readonly format: 'csv' | 'xlsx';
  readonly standard: string;
  readonly date: string;
  readonly plan: HeaderPlan;
  /** The worksheet read, for a workbook. */
  readonly sheet?: string;
  readonly rows: number;
  readonly ids: string[];
  /** The record number of each row (CSV: the header is record 1; a worksheet: its row). */
  readonly records: Int32Array;
  readonly category: Uint8Array;
  readonly deprivationCount: Int16Array;
  readonly newlyEscaped: Uint8Array;
  /** The error of each error row, by row index. */
  readonly errors: { readonly index: number; readonly error: ErrorDetail }[];
  /** The values of the columns kept as attributes (grouping columns), by column. */
  readonly attributes: Record<string, string[]>;
  /** Seconds spent reading and classifying. */
  readonly seconds: number;
}

/** The report of the file. */
export interface Report {
  readonly tables: Table[];
  readonly charts: { readonly profile: string; readonly rates: string };
  readonly invalid: number;
}

/** A household's explanation, or the error that stops it. */
export type Explained = { readonly record?: number; readonly household?: unknown; readonly classification: Classification } | { readonly record?: number; readonly error: ErrorDetail };

/** A file to save. */
export interface Saved {
  readonly name: string;
  readonly type: string;
  readonly bytes: ArrayBuffer;
}

/** What the worker sends back. */
export type Response =
  | { readonly id: number; readonly type: 'progress'; readonly done: number; readonly total: number }
  | { readonly id: number; readonly type: 'result'; readonly data: unknown }
  | { readonly id: number; readonly type: 'failure'; readonly error: ErrorDetail };
