/**
 * What the workbooks hold, whatever writes them (the streaming writer of the command line, or a
 * whole workbook built in a browser): the classified rows' columns and cells, and report tables one
 * worksheet per table. Pure: it runs in a browser (exceljs is given by the caller).
 *
 * @module
 */
import type { Workbook } from 'exceljs';
import type { BatchRow } from '../batch.js';
import { checkTable, type Cell, type Table } from '../report/table.js';

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
 *
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
export const cellString = (text: string) => (text.length > xlsxMaxCellText ? `${text.slice(0, xlsxMaxCellText - 1)}…` : text);

/** The widths of the classified rows' columns (those of the CSV output, in its order). */
export const classifiedColumnWidths: readonly number[] = [14, 12, 18, 14, 12, 22, 60];

/**
 * The cells of a classified row, in the columns of the CSV output: `deprivationCount` a number,
 * `newlyEscaped` a boolean, nothing as an empty cell.
 *
 * Example:
 *
 *     classifiedRowValues({ id: 'HH01', category: 'poor', deprivationCount: 3, newlyEscaped: false, standard: 'nd07-2021' })
 *     //=> ['HH01', 'poor', 3, false, 'nd07-2021', null, null]
 */
export function classifiedRowValues(row: BatchRow): (string | number | boolean | null)[] {
  const id = row.id === undefined ? null : cellString(String(row.id));
  return 'error' in row ? [id, null, null, null, null, row.error.code, cellString(row.error.message)] : [id, row.category, row.deprivationCount, row.newlyEscaped, row.standard, null, null];
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
 * Adds report tables to a workbook, one worksheet per table (named after its title, within Excel's
 * rules: see {@link sheetNames}): the header row (the columns' labels) in bold, numbers as numbers
 * (a figure by its rounded value, as the other formats show it; a column with fixed decimals, such
 * as a rate, gets the number format `0.00`), text as text, nothing to show as an empty cell, and the
 * table's note two rows below it.
 *
 * Example:
 *
 *     const workbook = new ExcelJS.Workbook();
 *     addTableSheets(workbook, [summaryTable(tally, 'vi', { standard: 'nd07-2021', date: '2025-12-01' })]);
 *     workbook.worksheets.map((s) => s.name); //=> ['Kết quả phân loại hộ']
 */
export function addTableSheets(workbook: Workbook, tables: readonly Table[]): void {
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
}
