/**
 * Writing Excel workbooks (.xlsx): classified rows as a stream (memory does not grow with the
 * rows), and report tables one sheet per table. Numbers are written as numbers, text as text,
 * the header row in bold.
 *
 * @module
 */
import { PassThrough, type Writable } from 'node:stream';
import type { BatchRow } from '../batch.js';
import { checkTable, type Cell, type Table } from '../report/table.js';
import { emptyCounts, tallyRow } from './chunk-output.js';
import { rowCountsOf, type RowCounts } from './run-summary.js';
import { csvOutputColumns } from './output.js';
import { loadExcelJs } from './xlsx-reader.js';

/** The most rows a worksheet holds (Excel's limit), its header row included. */
export const xlsxMaxRows = 1_048_576;
/** The longest text a cell holds (Excel's limit). */
export const xlsxMaxCellText = 32_767;
/** The longest sheet name (Excel's limit). */
const MAX_SHEET_NAME = 31;

/**
 * Sheet names for titles, within Excel's rules: at most 31 characters, none of `[ ] : * ? / \`,
 * not beginning or ending with an apostrophe, not `History`, and distinct (Excel compares them
 * without case); a repeated name gets ` (2)`, ` (3)` ….
 * @example
 * sheetNames(['Households by category', 'Kết quả: xã/phường [2025]', 'households by category'])
 * //=> ['Households by category', 'Kết quả- xã-phường -2025-', 'households by category (2)']
 */
export function sheetNames(titles: readonly string[]): string[] {
  const taken = new Set<string>();
  return titles.map((title, i) => {
    let base = title
      .replace(/[[\]:*?/\\]/g, '-')
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^'+|'+$/g, '')
      .trim();
    if (base === '' || base.toLowerCase() === 'history') base = `${base === '' ? 'Sheet' : base} ${i + 1}`;
    const withinLimit = (text: string, suffix = '') => `${[...text].slice(0, MAX_SHEET_NAME - suffix.length).join('').trimEnd()}${suffix}`;
    let name = withinLimit(base);
    if (name.length < base.length && base[name.length] !== ' ') {
      // Cut at the last whole word when that keeps most of the title.
      const space = name.lastIndexOf(' ');
      if (space >= 16) name = name.slice(0, space).replace(/[\s,;.-]+$/, '');
    }
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = withinLimit(base, ` (${n})`);
    taken.add(name.toLowerCase());
    return name;
  });
}

/** A text within a cell's limit (a longer one is cut, with an ellipsis). */
const cellString = (text: string) => (text.length > xlsxMaxCellText ? `${text.slice(0, xlsxMaxCellText - 1)}…` : text);

/** A stream into which a workbook is written, copied to `output` without ending it; `done` resolves once all is copied. */
function copyInto(output: Writable): { stream: PassThrough; done: Promise<void> } {
  const stream = new PassThrough();
  stream.pipe(output, { end: false });
  const done = new Promise<void>((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    output.once('error', failed);
    stream.once('end', () => {
      output.off('error', failed);
      resolve();
    });
  });
  return { stream, done };
}

/** The stream exceljs's streaming writer writes a worksheet into (its internals: not in its types). */
type SheetStream = { readonly stream?: { readonly pipes?: readonly PipeTarget[] } };
type PipeTarget = {
  readonly _writableState?: { readonly length?: number };
  once(event: string, listener: () => void): unknown;
  off(event: string, listener: () => void): unknown;
};

/**
 * Waits until the archive has compressed all but a few MiB of what was written into the
 * worksheet: exceljs writes on without waiting, so that a fast input would otherwise pile up in
 * memory ahead of the compression.
 */
async function compressed(sheet: unknown): Promise<void> {
  const target = (sheet as SheetStream).stream?.pipes?.[0];
  while ((target?._writableState?.length ?? 0) > 4 << 20) {
    await new Promise<void>((resolve) => {
      const done = () => {
        for (const event of ['drain', 'error', 'close']) target!.off(event, done);
        resolve();
      };
      for (const event of ['drain', 'error', 'close']) target!.once(event, done);
    });
  }
  await new Promise((resolve) => setImmediate(resolve));
}

/** Options of {@link writeClassifiedXlsx}. */
export interface ClassifiedXlsxOptions {
  /** The worksheet's name (default `Households`); a file of more rows than a worksheet holds continues on `Households (2)` …. */
  readonly sheet?: string;
  /** Rows per worksheet, the header included (default and most: {@link xlsxMaxRows}). */
  readonly rowsPerSheet?: number;
  /** Called after each batch with the number of rows so far. */
  readonly onProgress?: (rows: number) => void;
}

/**
 * Writes classified rows as a workbook, streaming: the columns of the CSV output (`id`,
 * `category`, `deprivationCount` as a number, `newlyEscaped` as a boolean, `standard`,
 * `errorCode`, `errorMessage`), one row per row, in order, errors included. More rows than a
 * worksheet holds (1,048,575 after its header) continue on a second worksheet. `output` is not
 * ended.
 *
 * @returns The {@link RowCounts} of the rows written.
 * @example
 * const batch = createBatchClassifier({ date: '2025-12-01' });
 * const counts = await writeClassifiedXlsx(classifyRowsOf(fs.createReadStream('examples/households.csv'), 'csv', batch), fs.createWriteStream('result.xlsx'));
 * counts.rows //=> 40
 * fs.readFileSync('result.xlsx').subarray(0, 2).toString() //=> 'PK'
 */
export async function writeClassifiedXlsx(batches: AsyncIterable<readonly BatchRow[]>, output: Writable, options: ClassifiedXlsxOptions = {}): Promise<RowCounts> {
  const excel = await loadExcelJs();
  // Nothing is written before the first batch: an input that cannot be read leaves the output untouched.
  const iterator = batches[Symbol.asyncIterator]();
  const first = await iterator.next();
  const { stream, done } = copyInto(output);
  const workbook = new excel.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  const base = options.sheet ?? 'Households';
  const counts = emptyCounts();
  const perSheet = Math.min(xlsxMaxRows, Math.max(2, options.rowsPerSheet ?? xlsxMaxRows));
  let sheets = 0;
  let sheet: ReturnType<typeof workbook.addWorksheet> | undefined;
  let rowsInSheet = 0;
  const open = () => {
    sheets++;
    sheet = workbook.addWorksheet(sheets === 1 ? base : `${base} (${sheets})`, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = [{ width: 14 }, { width: 12 }, { width: 18 }, { width: 14 }, { width: 12 }, { width: 22 }, { width: 60 }];
    const header = sheet.addRow([...csvOutputColumns]);
    header.font = { bold: true };
    header.commit();
    rowsInSheet = 1;
  };
  open();
  for (let next = first; !next.done; next = await iterator.next()) {
    const rows = next.value;
    for (const row of rows) {
      if (rowsInSheet >= perSheet) {
        sheet!.commit();
        open();
      }
      const id = row.id === undefined ? null : cellString(String(row.id));
      const values = 'error' in row ? [id, null, null, null, null, row.error.code, cellString(row.error.message)] : [id, row.category, row.deprivationCount, row.newlyEscaped, row.standard, null, null];
      sheet!.addRow(values).commit();
      rowsInSheet++;
      tallyRow(row, counts);
    }
    options.onProgress?.(counts.rows);
    await compressed(sheet!);
  }
  sheet!.commit();
  await workbook.commit();
  await done;
  return rowCountsOf(counts);
}

/** The number format of a column shown with `decimals` places: `0.00` for 2, `0` for none. */
const numberFormat = (decimals: number) => (decimals > 0 ? `0.${'0'.repeat(decimals)}` : '0');

/** A report cell as a worksheet value: a number (or a figure's rounded value) stays a number; nothing to show, or an empty text, is an empty cell. */
function sheetValue(cell: Cell): string | number | null {
  if (cell === null || cell === '') return null;
  if (typeof cell === 'number') return cell;
  if (typeof cell === 'string') return cellString(cell);
  return cell.value;
}

/**
 * Writes report tables as a workbook, one worksheet per table (named after its title, within
 * Excel's rules: see {@link sheetNames}): the header row (the columns' labels) in bold, numbers as
 * numbers (a figure by its rounded value, as the other formats show it; a column with fixed
 * decimals, such as a rate, gets the number format `0.00`), text as text, nothing to show as an
 * empty cell, and the table's note two rows below it. `output` is not ended.
 *
 * @example
 * const tally = await tallyAll([{ category: 'poor', deprived: [], size: 3, group: 'Xã A' }], { indicators: [] });
 * await writeTablesXlsx([summaryTable(tally, 'vi', { standard: 'nd07-2021', date: '2025-12-01' })], fs.createWriteStream('report.xlsx'));
 * fs.readFileSync('report.xlsx').subarray(0, 2).toString() //=> 'PK'
 */
export async function writeTablesXlsx(tables: readonly Table[], output: Writable): Promise<void> {
  const excel = await loadExcelJs();
  const workbook = new excel.Workbook();
  const names = sheetNames(tables.map((t) => t.title));
  tables.forEach(checkTable);
  tables.forEach((table, t) => {
    const sheet = workbook.addWorksheet(names[t]!, { views: [{ state: 'frozen', ySplit: 1 }] });
    const header = sheet.addRow(table.columns.map((c) => cellString(c.label)));
    header.font = { bold: true };
    for (const cells of table.rows) {
      const values = cells.map(sheetValue);
      const row = sheet.addRow(values);
      values.forEach((value, i) => {
        const decimals = table.columns[i]?.decimals;
        if (typeof value === 'number' && decimals !== undefined) row.getCell(i + 1).numFmt = numberFormat(decimals);
      });
    }
    table.columns.forEach((column, i) => {
      const widest = Math.max(column.label.length, ...table.rows.map((r) => String(sheetValue(r[i] ?? null) ?? '').length + 1));
      sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, widest + 2));
    });
    if (table.note) sheet.getCell(table.rows.length + 3, 1).value = cellString(table.note);
  });
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  await new Promise<void>((resolve, reject) => output.write(bytes, (error) => (error ? reject(error) : resolve())));
}
