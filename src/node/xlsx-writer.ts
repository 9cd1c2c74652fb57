/**
 * Writing Excel workbooks (.xlsx): classified rows as a stream (memory does not grow with the
 * rows), and report tables one sheet per table. Numbers are written as numbers, text as text,
 * the header row in bold.
 *
 * @module
 */
import { PassThrough, type Writable } from 'node:stream';
import type { BatchRow } from '../batch.js';
import type { Table } from '../report/table.js';
import { emptyCounts, tallyRow } from './chunk-output.js';
import { rowCountsOf, type RowCounts } from './run-summary.js';
import { csvOutputColumns } from './output.js';
import { loadExcelJs } from './xlsx-reader.js';
import { addTableSheets, classifiedColumnWidths, classifiedRowValues, xlsxMaxRows } from '../xlsx/workbook.js';

export { sheetNames, xlsxMaxRows, xlsxMaxCellText } from '../xlsx/workbook.js';

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
    sheet.columns = classifiedColumnWidths.map((width) => ({ width }));
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
      sheet!.addRow(classifiedRowValues(row)).commit();
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
  addTableSheets(workbook, tables);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  await new Promise<void>((resolve, reject) => output.write(bytes, (error) => (error ? reject(error) : resolve())));
}
