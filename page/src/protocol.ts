/**
 * The messages between the page and its worker: the page asks, the worker answers each request by
 * its number (and reports progress on the long ones).
 *
 * @module
 */
import type { Classification } from '../../src/classify.js';
import type { ErrorDetail } from '../../src/errors.js';
import type { ColumnOptions, HeaderPlan } from '../../src/columns.js';
import type { FileFormat } from '../../src/input-format.js';
import type { Table } from '../../src/report/table.js';
import type { Lang } from '../../src/report/labels.js';
import type { StandardId } from '../../src/standards/ids.js';

/** The standard and review date chosen: a shipped standard by id, a province's standard file (its JSON text), or the one in force. */
export interface Choice {
  readonly date: string;
  readonly standard?: StandardId;
  readonly standardFile?: string;
}

/** How the file is read, as the command line's `--input`, `--sheet`, `--columns` and `--keep-column` say. */
export interface ReadChoice {
  /** The format chosen (else by the file's name and content). */
  readonly input?: FileFormat;
  /** The worksheet of a workbook (else its first visible one). */
  readonly sheet?: string;
  /** The column map and the columns kept as attributes. */
  readonly columns?: ColumnOptions;
}

/** What the report is asked for, as `chuan-ngheo report` options say: `--by`, `--weight`, `--previous` (the earlier list given to the worker). */
export interface ReportChoice {
  readonly lang: Lang;
  readonly by?: string;
  readonly weight?: string;
  readonly previous?: boolean;
}

/** What the page asks of the worker. */
export type Request =
  | { readonly type: 'classify'; readonly name: string; readonly bytes: ArrayBuffer; readonly choice: Choice; readonly read: ReadChoice }
  /** The worksheets of a file read as a workbook (none for another file, or a workbook that cannot be opened). */
  | { readonly type: 'sheets'; readonly name: string; readonly bytes: ArrayBuffer; readonly read: ReadChoice }
  | { readonly type: 'explain'; readonly index: number }
  | { readonly type: 'explainOne'; readonly household: unknown; readonly choice: Choice }
  /** The earlier classified list (none: compare with nothing). */
  | { readonly type: 'previous'; readonly file?: { readonly name: string; readonly bytes: ArrayBuffer } }
  | { readonly type: 'report'; readonly report: ReportChoice }
  | { readonly type: 'download'; readonly what: Download; readonly report: ReportChoice };

/** An earlier classified list read: its households by id, and the rows left out. */
export interface Previous {
  readonly name: string;
  readonly households: number;
  /** Rows without a category (the errors of its classification). */
  readonly unclassified: number;
  /** Rows without an id. */
  readonly withoutId: number;
}

/** The files the page offers. */
export type Download = 'classified-csv' | 'classified-xlsx' | 'report-xlsx' | 'report-md';

/** Category codes of {@link Classified.category}: the index in this list, or {@link ERROR_CODE} for an error row. */
export const categoryCodes = ['poor', 'near-poor', 'average', 'none'] as const;
/** The category code of an error row. */
export const ERROR_CODE = 255;

/** A file classified: one entry per row, in columns (so that 100,000 rows cross to the page at once). */
export interface Classified {
  readonly file: string;
  readonly format: FileFormat;
  readonly standard: string;
  readonly date: string;
  /** What a table's header stands for (CSV, a worksheet). */
  readonly plan?: HeaderPlan;
  /** The worksheet read, for a workbook, and the workbook's worksheets. */
  readonly sheet?: string;
  readonly sheets?: readonly { readonly name: string; readonly visible: boolean }[];
  readonly rows: number;
  readonly ids: string[];
  /** The record number of each row (CSV: the header is record 1; a worksheet: its row; JSON Lines: its line; a JSON array: its element, from 1). */
  readonly records: Int32Array;
  readonly category: Uint8Array;
  readonly deprivationCount: Int16Array;
  readonly newlyEscaped: Uint8Array;
  /** The error of each error row, by row index. */
  readonly errors: { readonly index: number; readonly error: ErrorDetail }[];
  /** The values of the columns kept as attributes (grouping columns; JSON: the keys of the first record's attributes), by column. */
  readonly attributes: Record<string, string[]>;
  /** Seconds spent reading and classifying. */
  readonly seconds: number;
}

/** The report of the file, with what the command line says of it beside the tables. */
export interface Report {
  readonly tables: Table[];
  readonly charts: { readonly profile: string; readonly rates: string };
  /** Rows left out of the figures, and the first of them (`record N: CODE: message`). */
  readonly invalid: number;
  readonly firstError?: string;
  /** Rows left out for their weight (in `invalid` too). */
  readonly badWeights: number;
  /** JSON Lines records without the grouping key, counted as blank. */
  readonly withoutGroup: number;
  /** Households of the file without an id, left out of the comparison with the earlier list. */
  readonly withoutId: number;
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
