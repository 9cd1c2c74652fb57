/**
 * Excel workbooks on the command line: an .xlsx FILE is read by its extension or content (or
 * `--input xlsx`), its first visible worksheet unless `--sheet NAME`; classified rows and report
 * tables are written as .xlsx with `--format xlsx --out FILE` (a workbook is not text: never to a
 * terminal).
 *
 * @module
 */
import { extname } from 'node:path';
import type { ReviewEntry } from '../analytics/transitions.js';
import { ChuanNgheoError } from '../errors.js';
import { renderTables, type ReportFormat, type Table } from '../report/table.js';
import { addClassifiedSheet, type ClassifiedReview } from '../report/review.js';
import type { OutputFormat } from '../node/output.js';
import { readSheetRows } from '../node/xlsx-reader.js';
import { writeTablesXlsx } from '../node/xlsx-writer.js';
import { oneOf, openInput, openOutput, UsageError, writeStandardOutput, type FileFormat, type OutputTarget } from './args.js';
import { checkColumns } from './columns.js';

/** The `--sheet` option. */
export const sheetOption = { sheet: { type: 'string' } } as const;

/** The usage line of `--sheet`. */
export const sheetUsage = `  --sheet NAME          the worksheet of an .xlsx FILE (default: the first visible one); the header
                        is its first row that is not empty`;

/** Whether a file name is a workbook's (.xlsx, or .xlsm with macros). */
export const isWorkbookFile = (file: string | undefined): boolean => ['.xlsx', '.xlsm'].includes(extname(file ?? '').toLowerCase());

/** The `--sheet` option, which only a workbook has. */
export function sheetOf(sheet: string | undefined, input: FileFormat): { sheet?: string } {
  if (sheet === undefined) return {};
  if (input !== 'xlsx') throw new UsageError(`--sheet names a worksheet of an .xlsx FILE; this input is read as ${input} (--input xlsx to read it as a workbook)`);
  return { sheet };
}

/** A workbook goes to a file, never to a terminal or a pipe by default. */
function needsOut(out: string | undefined): void {
  if (out === undefined || out === '-') throw new UsageError('--format xlsx writes a workbook, which is not text: give --out FILE.xlsx');
}

/** classify's output: `--format`, else a workbook for `--out FILE.xlsx`, else CSV for CSV and a workbook, JSON Lines for JSON. */
export function classifyOutputOf(format: string | undefined, input: FileFormat, out: string | undefined): OutputFormat | 'xlsx' {
  const chosen =
    format !== undefined ? oneOf('--format', format, ['csv', 'jsonl', 'xlsx']) : extname(out ?? '').toLowerCase() === '.xlsx' ? 'xlsx' : input === 'csv' || input === 'xlsx' ? 'csv' : 'jsonl';
  if (chosen === 'xlsx') needsOut(out);
  return chosen;
}

/** report's format: `--format`, else a workbook for `--out FILE.xlsx`, else the aligned table. */
export function reportFormatOf(format: string | undefined, out: string | undefined): ReportFormat | 'xlsx' {
  const chosen = format !== undefined ? oneOf('--format', format, ['table', 'csv', 'json', 'md', 'xlsx']) : extname(out ?? '').toLowerCase() === '.xlsx' ? 'xlsx' : 'table';
  if (chosen === 'xlsx') needsOut(out);
  return chosen;
}

/** Where the report goes: `--out FILE` (opened at once, written whole or not at all), else standard output. */
export function openReportOutput(out: string | undefined): OutputTarget | undefined {
  return out === undefined || out === '-' ? undefined : openOutput(out);
}

/** Writes the report's tables: a workbook (one sheet per table) or text, to the output opened for `--out`, else text to standard output. */
export async function writeReport(tables: readonly Table[], format: ReportFormat | 'xlsx', output: OutputTarget | undefined): Promise<void> {
  if (output === undefined) {
    if (format === 'xlsx') throw new UsageError('--format xlsx writes a workbook, which is not text: give --out FILE.xlsx');
    await writeStandardOutput(renderTables(tables, format));
    return;
  }
  if (format === 'xlsx') await writeTablesXlsx(tables, output.stream);
  else output.stream.write(renderTables(tables, format));
  await output.commit();
}

/** validate reads survey records, which a worksheet row cannot hold: a workbook is a usage error. */
export function refuseWorkbook(file: string, input: string | undefined): void {
  if (input === 'xlsx' || (input === undefined && isWorkbookFile(file))) {
    throw new UsageError(
      `validate reads survey records (a roster of members and a dwelling each) as JSON or JSON Lines, which a worksheet row cannot hold; to classify the households of ${file}, use 'chuan-ngheo classify' or 'chuan-ngheo report'`,
    );
  }
}

/** A classified workbook's households by id, and the rows left out. */
export type ClassifiedWorkbook = ClassifiedReview;

/**
 * Reads a classified workbook (e.g. from `classify --format xlsx`): the rows of its first sheet,
 * and of the sheets its rows go on in (`Households (2)` …), by id and category; undefined when it
 * has no category column.
 *
 * @throws {UsageError} when it has categories but no id column to match households by.
 */
export async function readClassifiedWorkbook(file: string, idFor: string): Promise<ClassifiedWorkbook | undefined> {
  const review = { entries: [] as ReviewEntry[], withoutId: 0, unclassified: 0 };
  let base: string | undefined;
  for (let part = 1; ; part++) {
    try {
      for await (const { sheet, header, rows } of readSheetRows(openInput(file), base === undefined ? {} : { sheet: `${base} (${part})` })) {
        base ??= sheet;
        if (!addClassifiedSheet(review, header, rows, (columns) => checkColumns(columns, { file, idFor }))) return part === 1 ? undefined : review;
      }
    } catch (error) {
      if (part > 1 && error instanceof ChuanNgheoError && error.code === 'UNKNOWN_SHEET') return review;
      throw error;
    }
  }
}
