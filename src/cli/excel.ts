/**
 * Excel workbooks on the command line: an .xlsx FILE is read by its extension (or `--input
 * xlsx`), its first visible worksheet unless `--sheet NAME`; classified rows and report tables are
 * written as .xlsx with `--format xlsx --out FILE` (a workbook is not text: never to a terminal).
 *
 * @module
 */
import { extname } from 'node:path';
import { finished } from 'node:stream/promises';
import { categories } from '../analytics/tally.js';
import { ChuanNgheoError } from '../errors.js';
import type { ReviewEntry } from '../analytics/transitions.js';
import { renderTables, type ReportFormat, type Table } from '../report/table.js';
import type { Category } from '../rule.js';
import type { InputFormat } from '../node/classify-rows.js';
import type { OutputFormat } from '../node/output.js';
import { readSheetRows } from '../node/xlsx-reader.js';
import { writeTablesXlsx } from '../node/xlsx-writer.js';
import { oneOf, openInput, openOutput, UsageError } from './args.js';

/** The `--sheet` option. */
export const sheetOption = { sheet: { type: 'string' } } as const;

/** The usage line of `--sheet`. */
export const sheetUsage = `  --sheet NAME          the worksheet of an .xlsx FILE (default: the first visible one); the header
                        is its first row that is not empty`;

/** Whether a file name is a workbook's (.xlsx, or .xlsm with macros). */
export const isWorkbookFile = (file: string | undefined): boolean => ['.xlsx', '.xlsm'].includes(extname(file ?? '').toLowerCase());

/** The `--sheet` option, which only a workbook has. */
export function sheetOf(sheet: string | undefined, input: InputFormat): { sheet?: string } {
  if (sheet === undefined) return {};
  if (input !== 'xlsx') throw new UsageError(`--sheet names a worksheet of an .xlsx FILE; this input is read as ${input} (--input xlsx to read it as a workbook)`);
  return { sheet };
}

/** A workbook goes to a file, never to a terminal or a pipe by default. */
function needsOut(out: string | undefined): void {
  if (out === undefined || out === '-') throw new UsageError('--format xlsx writes a workbook, which is not text: give --out FILE.xlsx');
}

/** classify's output: `--format`, else a workbook for `--out FILE.xlsx`, else the input's format (CSV for a workbook). */
export function classifyOutputOf(format: string | undefined, input: InputFormat, out: string | undefined): OutputFormat | 'xlsx' {
  const chosen = format !== undefined ? oneOf('--format', format, ['csv', 'jsonl', 'xlsx']) : extname(out ?? '').toLowerCase() === '.xlsx' ? 'xlsx' : input === 'xlsx' ? 'csv' : input;
  if (chosen === 'xlsx') needsOut(out);
  return chosen;
}

/** report's format: `--format`, else a workbook for `--out FILE.xlsx`, else the aligned table. */
export function reportFormatOf(format: string | undefined, out: string | undefined): ReportFormat | 'xlsx' {
  const chosen = format !== undefined ? oneOf('--format', format, ['table', 'csv', 'json', 'md', 'xlsx']) : extname(out ?? '').toLowerCase() === '.xlsx' ? 'xlsx' : 'table';
  if (chosen === 'xlsx') needsOut(out);
  return chosen;
}

/** Writes the report's tables: a workbook (one sheet per table) to `--out`, or text to `--out` or standard output. */
export async function writeReport(tables: readonly Table[], format: ReportFormat | 'xlsx', out: string | undefined): Promise<void> {
  if (format !== 'xlsx' && (out === undefined || out === '-')) {
    process.stdout.write(renderTables(tables, format));
    return;
  }
  const sink = openOutput(out);
  if (format === 'xlsx') await writeTablesXlsx(tables, sink);
  else sink.write(renderTables(tables, format));
  sink.end();
  await finished(sink);
}

/** validate reads survey records, which a worksheet row cannot hold: a workbook is a usage error. */
export function refuseWorkbook(file: string, input: string | undefined): void {
  if (input === 'xlsx' || (input === undefined && isWorkbookFile(file))) {
    throw new UsageError(
      `validate reads survey records (a roster of members and a dwelling each) as JSON or JSON Lines, which a worksheet row cannot hold; to classify the households of ${file}, use 'chuan-ngheo classify' or 'chuan-ngheo report'`,
    );
  }
}

/**
 * Reads a classified workbook (e.g. from `classify --format xlsx`): the rows with an id and a
 * category of its first sheet, and of the sheets its rows go on in (`Households (2)` …);
 * undefined without those columns.
 */
export async function readClassifiedWorkbook(file: string): Promise<ReviewEntry[] | undefined> {
  const entries: ReviewEntry[] = [];
  const known = new Set<string>(categories);
  let base: string | undefined;
  for (let part = 1; ; part++) {
    try {
      for await (const { sheet, header, rows } of readSheetRows(openInput(file), base === undefined ? {} : { sheet: `${base} (${part})` })) {
        base ??= sheet;
        const names = header.map((h) => h.trim());
        const idAt = names.indexOf('id');
        const catAt = names.indexOf('category');
        const escAt = names.indexOf('newlyEscaped');
        if (idAt < 0 || catAt < 0) return part === 1 ? undefined : entries;
        for (const { fields } of rows) {
          if (known.has(fields[catAt]!) && fields[idAt] !== '') entries.push({ id: fields[idAt]!, category: fields[catAt] as Category, escaped: fields[escAt] === 'true' ? 'poverty' : null });
        }
      }
    } catch (error) {
      if (part > 1 && error instanceof ChuanNgheoError && error.code === 'UNKNOWN_SHEET') return entries;
      throw error;
    }
  }
}
