/**
 * A worksheet's rows as records, whatever reads the workbook (the streaming reader of the command
 * line, or a whole workbook loaded in a browser): the header is the first row that is not empty,
 * each later row that is not empty is one record of fields, and a cell without a value, or a value
 * to the right of the header's last column, makes its row one error row. Pure: it runs in a browser.
 *
 * @module
 */
import { fail, type ErrorDetail } from '../errors.js';
import { cellText, columnLetters, isCellProblem, type CellProblem } from './cells.js';

/** A worksheet row: its fields (one per header column, `''` for an empty cell), or the error that makes it unreadable. */
export type SheetRecord =
  | { readonly row: number; readonly fields: string[] }
  | { readonly row: number; readonly fields: string[]; readonly error: ErrorDetail };

/** A cell of a worksheet row, as exceljs gives it (the streaming reader's and the workbook's alike). */
export interface SheetCell {
  readonly type: number;
  readonly value: unknown;
  readonly model: { readonly formula?: string; readonly sharedFormula?: string; readonly result?: unknown };
  readonly numFmt?: string;
}

/** A worksheet row, as exceljs gives it. */
export interface SheetRow {
  readonly number: number;
  eachCell(iteratee: (cell: SheetCell, column: number) => void): void;
}

/** A cell of a row that holds something: its column (1-based) and its text, or why it has none. */
export interface RowCell {
  readonly column: number;
  readonly text: string | CellProblem;
}

/** exceljs's type of a formula cell. */
const FORMULA = 6;

/**
 * The cells of a row that hold something, in column order, read by their type (`xlsx/cells`);
 * `date1904`: the workbook's date system.
 */
export function rowCells(row: SheetRow, date1904: boolean): RowCell[] {
  const cells: RowCell[] = [];
  row.eachCell((cell, column) => {
    // A formula's value is taken from the cell's model: `cell.value` leaves out a result that is 0, false or empty.
    const value = cell.type === FORMULA ? { formula: cell.model.formula ?? '', result: cell.model.result } : cell.value;
    const text = cellText(value, cell.numFmt, date1904);
    if (text !== '') cells.push({ column, text });
  });
  return cells;
}

/** The worksheet to read among the workbook's worksheets, by the option. */
export function chooseSheet<S extends { name: string; visible: boolean }>(sheets: readonly S[], wanted: string | undefined): S {
  if (wanted === undefined) {
    const first = sheets.find((s) => s.visible) ?? sheets[0];
    if (first === undefined) fail('INVALID_ROW', [], 'the workbook holds no worksheet (only charts, or nothing)');
    return first;
  }
  const exact = sheets.find((s) => s.name === wanted);
  if (exact) return exact;
  // Excel's sheet names differ by more than case.
  const folded = sheets.find((s) => s.name.toLocaleLowerCase() === wanted.toLocaleLowerCase());
  if (folded) return folded;
  const list = sheets.length ? sheets.map((s) => JSON.stringify(s.name)).join(', ') : 'none';
  return fail('UNKNOWN_SHEET', ['sheet'], `the workbook has no worksheet ${JSON.stringify(wanted)}; its worksheets: ${list}`, wanted, `one of ${list}`);
}

/** The message of a cell without a value. */
export function problemMessage(ref: string, column: string | undefined, p: CellProblem): string {
  const where = column === undefined ? `cell ${ref}` : `cell ${ref} (${column})`;
  switch (p.problem) {
    case 'error':
      return p.received.startsWith('#') ? `${where} holds the error ${p.received}` : `${where} holds an error value, the result of its formula ${p.received}`;
    case 'noValue':
      return `${where} holds a formula (${p.received}) whose value was never computed; open and save the workbook in a spreadsheet program to compute it`;
    default:
      return `${where} holds a value that cannot be read as text or a number: ${p.received}`;
  }
}

/** The header of a worksheet from its first row that is not empty: every column from A to the last named one must be named. */
export function headerOf(cells: readonly RowCell[], row: number): string[] {
  const width = cells[cells.length - 1]!.column;
  const header: string[] = Array.from({ length: width }, () => '');
  for (const { column, text } of cells) {
    const ref = `${columnLetters(column)}${row}`;
    if (isCellProblem(text)) fail('INVALID_CELL', [ref], `the header row (row ${row}) cannot be read: ${problemMessage(ref, undefined, text)}`, text.received);
    header[column - 1] = text;
  }
  const gap = header.findIndex((h) => h.trim() === '');
  if (gap >= 0) {
    const ref = `${columnLetters(gap + 1)}${row}`;
    fail('INVALID_HEADER', [ref], `the header row (row ${row}, the first row that is not empty) has no name in cell ${ref}: the header names every column from A to the last one`, header[gap]);
  }
  return header;
}

/** One record: its fields, or the error of its first cell that cannot be read. */
export function recordOf(cells: readonly RowCell[], row: number, names: readonly string[]): SheetRecord {
  const width = names.length;
  const fields: string[] = Array.from({ length: width }, () => '');
  let error: ErrorDetail | undefined;
  for (const { column, text } of cells) {
    const ref = `${columnLetters(column)}${row}`;
    if (column > width) {
      error ??= {
        code: 'INVALID_ROW',
        path: [ref],
        message: `cell ${ref} holds a value to the right of the header's last column (${columnLetters(width)}, ${names[width - 1]})`,
        received: isCellProblem(text) ? text.received : text,
      };
      continue;
    }
    if (isCellProblem(text)) {
      const column_ = names[column - 1]!;
      error ??= { code: 'INVALID_CELL', path: [column_], message: problemMessage(ref, column_, text), received: text.received };
      continue;
    }
    fields[column - 1] = text;
  }
  return error === undefined ? { row, fields } : { row, fields, error };
}

/**
 * A record whose cell cannot be read, its error naming the column as the row reader does (a
 * column read under another name by its field); `header`: the worksheet's header, `fields`: what
 * the row reader reads each column as.
 */
export function cellErrorByField(row: SheetRecord, header: readonly string[], fields: readonly string[]): SheetRecord {
  if (!('error' in row) || row.error.code !== 'INVALID_CELL') return row;
  const raw = header.map((h) => h.trim());
  const at = raw.indexOf(String(row.error.path[0]));
  return at < 0 || fields[at] === raw[at] ? row : { ...row, error: { ...row.error, path: [fields[at]!] } };
}
