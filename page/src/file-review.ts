/**
 * A file of households read and classified in the worker, as the command line reads it: a CSV
 * file or a worksheet (its header planned once, with the column map), JSON Lines or a JSON array;
 * one result per row in order (errors included), as `chuan-ngheo classify` writes it, and one entry
 * per row as `chuan-ngheo report` counts it.
 *
 * @module
 */
import * as ExcelJS from 'exceljs';
import { createBatchClassifier, type BatchClassifier, type BatchRow } from '../../src/batch.js';
import { classifyOn, type Classification } from '../../src/classify.js';
import type { FileColumns } from '../../src/column-check.js';
import type { ColumnOptions, HeaderPlan } from '../../src/columns.js';
import { brokenRecordError, CsvCutter, defaultMaxRecordBytes, forEachRecord, readRecord } from '../../src/csv/records.js';
import { ChuanNgheoError, fail, toSafe, type ErrorDetail } from '../../src/errors.js';
import { formatByContent, formatByName, formatNames, extensionOf, type FileFormat } from '../../src/input-format.js';
import { defaultMaxDepth } from '../../src/json-depth.js';
import { classifyJsonLine, jsonArrayEntries, jsonLineBytesEntry, type JsonlEntry } from '../../src/json-records.js';
import { ownValue } from '../../src/schema-issues.js';
import { loadStandard } from '../../src/standards/registry.js';
import { createRowReader, type RowReader } from '../../src/tabular.js';
import { tableEntry, tableRow, type HouseholdEntry } from '../../src/table-rows.js';
import { cellErrorByField, chooseSheet, headerOf, recordOf, rowCells, type SheetRecord, type SheetRow } from '../../src/xlsx/records.js';
import type { Choice, ReadChoice } from './protocol.js';

/** A row classified as `chuan-ngheo classify` writes it, with its record number and the values of the grouping columns. */
export interface FileRow {
  readonly record: number;
  readonly row: BatchRow;
  readonly groups: readonly string[];
}

/** A file read: its rows, classified or as the report reads them, one at a time. */
export interface ReadFile {
  readonly format: FileFormat;
  /** How many rows the file has (records after a header; non-blank lines; elements). */
  readonly count: number;
  /** What a table's header stands for. */
  readonly plan?: HeaderPlan;
  /** The columns a report may group or weight by: a table's attribute columns, the keys of the first JSON record's attributes. */
  readonly groupColumns: readonly string[];
  /** What the file offers to options that name a column, as the command line checks them. */
  readonly columns: FileColumns;
  /** The worksheet read, and the workbook's worksheets. */
  readonly sheet?: string;
  readonly sheets?: readonly { readonly name: string; readonly visible: boolean }[];
  /** The row at an index (0 for the first), classified. */
  row(index: number): FileRow;
  /** The row at an index as the report reads it. */
  entry(index: number): HouseholdEntry;
  /** The row at an index as the classification reads it (for its explanation). */
  household(index: number): HouseholdEntry;
}

/** The classifier of a choice: a province's standard file is read strictly, as `--standard-file` reads it. */
export function classifierOf(choice: Choice): BatchClassifier {
  const standard = choice.standardFile !== undefined ? loadStandard(choice.standardFile) : choice.standard;
  return createBatchClassifier({ date: choice.date, ...(standard !== undefined ? { standard } : {}) });
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The first bytes of an Excel 97-2003 workbook (or a password-protected one). */
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** Whether a file is a workbook: by its name, or a zip archive's (or an older workbook's) first bytes. */
export function isWorkbook(name: string, bytes: Uint8Array): boolean {
  return /\.xls[xm]?$/i.test(name) || ZIP.every((b, i) => bytes[i] === b) || OLE.every((b, i) => bytes[i] === b);
}

/**
 * The format a file is read as: the one chosen, else as the command line decides (`--input`
 * left out): its name's extension, else its first bytes; a name and content that disagree are an
 * error, not a row of errors.
 */
export function formatOf(name: string, bytes: Uint8Array, chosen: FileFormat | undefined): FileFormat {
  if (chosen !== undefined) return chosen;
  const byName = formatByName(name);
  const byContent = formatByContent(bytes.subarray(0, 4096));
  if (byName !== undefined && byContent !== undefined && byName !== byContent) {
    const start = byContent === 'csv' ? 'a header row' : byContent === 'xlsx' ? 'the bytes of a workbook' : JSON.stringify(byContent === 'json' ? '[' : '{');
    fail('INVALID_ROW', [], `${name} is named as ${formatNames[byName]} (${extensionOf(name)}) but holds ${formatNames[byContent]} (it starts with ${start}); rename it, or choose to read it as ${formatNames[byContent]}`, byContent, formatNames[byName]);
  }
  return byName ?? byContent ?? 'csv';
}

/** Reads a file as the command line reads it (`undefined`: a CSV file without even a header). */
export async function readFile(name: string, bytes: Uint8Array, batch: BatchClassifier, read: ReadChoice): Promise<ReadFile | undefined> {
  const format = formatOf(name, bytes, read.input);
  const columns = read.columns ?? {};
  if ((format === 'jsonl' || format === 'json') && (columns.columns !== undefined || columns.values !== undefined || columns.keepColumns?.length)) {
    const what = columns.keepColumns?.length && columns.columns === undefined && columns.values === undefined ? 'Columns kept as attributes apply' : 'A column map applies';
    fail('INVALID_OPTIONS', [], `${what} to the columns of a CSV file or a worksheet; ${name} is read as ${formatNames[format]}, whose records name their own fields`, format, 'CSV or a worksheet');
  }
  if (format !== 'xlsx' && read.sheet !== undefined) fail('INVALID_OPTIONS', ['sheet'], `a worksheet is chosen, but ${name} is read as ${formatNames[format]}`, read.sheet, 'an Excel workbook');
  switch (format) {
    case 'xlsx':
      return readWorkbookFile(bytes, batch, columns, read.sheet);
    case 'jsonl':
      return readJsonLinesFile(bytes, batch);
    case 'json':
      return readJsonArrayFile(bytes, batch);
    case 'csv':
      return readCsvFile(bytes, batch, columns);
  }
}

/** A row of a table: its record number, its fields, and the error that reading it raised. */
interface TableRecord {
  readonly record: number;
  readonly fields: readonly string[];
  readonly error?: ErrorDetail;
}

/** A table's rows, classified by its header's reader. */
function tableFile(format: 'csv' | 'xlsx', reader: RowReader, count: number, recordAt: (index: number) => TableRecord, sheets?: { sheet: string; sheets: { name: string; visible: boolean }[] }): ReadFile {
  const groupColumns = reader.attributeColumns;
  const at = groupColumns.map((c) => reader.header.indexOf(c));
  const entry = (index: number) => {
    const r = recordAt(index);
    return tableEntry(reader, r.error, r.fields, r.record);
  };
  return {
    format,
    count,
    plan: reader.plan,
    groupColumns,
    columns: { format: 'csv', header: reader.header, attributes: reader.attributeColumns },
    ...(sheets ?? {}),
    row: (index) => {
      const r = recordAt(index);
      return { record: r.record, row: tableRow(reader, r.error, r.fields, r.record), groups: at.map((k) => r.fields[k] ?? '') };
    },
    entry,
    household: entry,
  };
}

/**
 * Reads a CSV file by the library's CSV rules (`csv/records`, as the command line reads it): its
 * header planned, then where each record lies (the header is record 1). A record's fields are read
 * when it is asked for, so that a large file is not held as millions of strings.
 */
export function readCsvFile(bytes: Uint8Array, batch: BatchClassifier, columns: ColumnOptions = {}): ReadFile | undefined {
  const cutter = new CsvCutter({ chunkBytes: Math.max(1, bytes.length) });
  let header: string[] | undefined;
  const pieces: Uint8Array[] = [];
  const pieceOf: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const broken = new Map<number, TableRecord>();
  for (const piece of [...cutter.push(bytes), ...cutter.end()]) {
    if (piece.kind === 'header') header = piece.fields;
    else if (piece.kind === 'broken') {
      broken.set(starts.length, { record: starts.length + 2, fields: piece.fields, error: brokenRecordError(piece) });
      pieceOf.push(-1);
      starts.push(0);
      ends.push(0);
    } else {
      pieces.push(piece.bytes);
      forEachRecord(piece.bytes, 0, piece.bytes.length, (start, end) => {
        pieceOf.push(pieces.length - 1);
        starts.push(start);
        ends.push(end);
      });
    }
  }
  if (header === undefined) return undefined;
  const reader = createRowReader(header, batch, columns);
  const at = { piece: Int32Array.from(pieceOf), start: Int32Array.from(starts), end: Int32Array.from(ends) };
  return tableFile('csv', reader, starts.length, (index) => {
    const gone = broken.get(index);
    if (gone) return gone;
    const r = readRecord(pieces[at.piece[index]!]!, at.start[index]!, at.end[index]!);
    return 'error' in r ? { record: index + 2, fields: r.fields, error: r.error } : { record: index + 2, fields: r.fields };
  });
}

/** exceljs's type of a formula cell. */
const FORMULA = 6;

/**
 * A row of a whole workbook as the command line's streaming reader gives it: there, a formula
 * whose result is an error value has the result NaN (and its message names the formula), where a
 * whole workbook gives the error value itself.
 */
function asStreamed(row: SheetRow): SheetRow {
  return {
    number: row.number,
    eachCell: (iteratee) =>
      row.eachCell((cell, column) => {
        const result = cell.model.result;
        const isError = cell.type === FORMULA && typeof result === 'object' && result !== null && 'error' in result;
        iteratee(isError ? { type: cell.type, value: cell.value, model: { ...cell.model, result: Number.NaN }, ...(cell.numFmt !== undefined ? { numFmt: cell.numFmt } : {}) } : cell, column);
      }),
  };
}

/** A workbook loaded whole, with its worksheets in order (`visible`: not hidden). */
export async function loadWorkbook(bytes: Uint8Array): Promise<{ workbook: ExcelJS.Workbook; sheets: { name: string; visible: boolean; worksheet: ExcelJS.Worksheet }[] }> {
  if (OLE.every((b, i) => bytes[i] === b)) {
    fail('INVALID_ROW', [], 'the file is not an .xlsx workbook: it is an Excel 97-2003 workbook (.xls) or a password-protected one; save it as an .xlsx workbook without a password');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    fail('INVALID_ROW', [], `the file is not a readable .xlsx workbook: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { workbook, sheets: workbook.worksheets.map((w) => ({ name: w.name, visible: w.state === undefined || w.state === 'visible', worksheet: w })) };
}

/** A worksheet's header (its first row that is not empty) and records, as the command line's reader reads them; no header: an empty sheet. */
export function sheetRecords(workbook: ExcelJS.Workbook, worksheet: ExcelJS.Worksheet): { header?: string[]; records: SheetRecord[] } {
  const date1904 = (workbook.properties as { date1904?: boolean }).date1904 === true;
  let header: string[] | undefined;
  let names: string[] = [];
  const records: SheetRecord[] = [];
  worksheet.eachRow((row) => {
    const cells = rowCells(asStreamed(row as unknown as SheetRow), date1904);
    if (!cells.length) return;
    if (header === undefined) {
      header = headerOf(cells, row.number);
      names = header.map((h) => h.trim());
    } else records.push(recordOf(cells, row.number, names));
  });
  return header === undefined ? { records } : { header, records };
}

/** Reads a worksheet of a workbook as the command line reads it (the first visible one, or `--sheet`): the first row that is not empty is the header. */
export async function readWorkbookFile(bytes: Uint8Array, batch: BatchClassifier, columns: ColumnOptions = {}, wanted?: string): Promise<ReadFile> {
  const { workbook, sheets } = await loadWorkbook(bytes);
  const { worksheet, name } = chooseSheet(sheets, wanted);
  const { header, records } = sheetRecords(workbook, worksheet);
  if (header === undefined) fail('INVALID_ROW', [], `the worksheet ${JSON.stringify(name)} is empty: it has no header row`);
  const reader = createRowReader(header, batch, columns);
  const mapped: TableRecord[] = records.map((r) => {
    if (!('error' in r)) return { record: r.row, fields: r.fields };
    const fixed = cellErrorByField(r, header, reader.header);
    return 'error' in fixed ? { record: r.row, fields: r.fields, error: fixed.error } : { record: r.row, fields: r.fields };
  });
  return tableFile('xlsx', reader, mapped.length, (index) => mapped[index]!, { sheet: name, sheets: sheets.map((s) => ({ name: s.name, visible: s.visible })) });
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What the keys of a JSON file offer, as the command line reads them off its first record that is
 * an object, and the columns a report may group or weight by (the keys of that record's attributes).
 */
function jsonColumns(first: unknown): { columns: FileColumns; groupColumns: readonly string[] } {
  if (!isObject(first)) return { columns: { format: 'empty', of: 'jsonl' }, groupColumns: [] };
  const attributes = isObject(first.attributes) ? Object.keys(first.attributes) : [];
  return { columns: { format: 'jsonl', keys: Object.keys(first), attributes }, groupColumns: attributes };
}

/** The values of the grouping columns of a JSON record (its attributes; blank when it has none). */
function groupsOf(entry: JsonlEntry, columns: readonly string[]): string[] {
  const attributes = 'value' in entry && isObject(entry.value) ? entry.value.attributes : undefined;
  return columns.map((c) => {
    const raw = ownValue(attributes, c);
    return raw === undefined || raw === null ? '' : String(raw);
  });
}

/** Bytes that leave a line blank: space, tab, line tabulation, form feed, carriage return. */
const BLANK_BYTES = new Set([0x20, 0x09, 0x0b, 0x0c, 0x0d]);
const LF = 0x0a;

/**
 * Reads JSON Lines as `--input jsonl` reads them: one record per line that is not blank (a
 * byte-order mark at the start dropped), each line read when it is asked for; a line that is not
 * JSON, not UTF-8 or too long is one error row.
 */
export function readJsonLinesFile(bytes: Uint8Array, batch: BatchClassifier): ReadFile {
  const first = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const starts: number[] = [];
  const ends: number[] = [];
  const lines: number[] = [];
  let firstObject: unknown;
  let line = 1;
  for (let s = first; s < bytes.length; line++) {
    let e = bytes.indexOf(LF, s);
    if (e < 0) e = bytes.length;
    let blank = true;
    let ascii = true;
    for (let i = s; i < e && blank; i++) {
      const b = bytes[i]!;
      if (b >= 0x80) ascii = false;
      else if (!BLANK_BYTES.has(b)) blank = false;
    }
    // A line of blank bytes and others beyond ASCII is blank only if they decode to blank space; a blank line too long is an error row.
    if (!blank || ((!ascii || e - s > defaultMaxRecordBytes) && jsonLineBytesEntry(bytes, s, e, line) !== undefined)) {
      if (firstObject === undefined) {
        const entry = jsonLineBytesEntry(bytes, s, e, line, { maxDepth: defaultMaxDepth });
        if (entry && 'value' in entry && isObject(entry.value)) firstObject = entry.value;
      }
      starts.push(s);
      ends.push(e);
      lines.push(line);
    }
    s = e + 1;
  }
  const { columns, groupColumns } = jsonColumns(firstObject);
  const at = { start: Int32Array.from(starts), end: Int32Array.from(ends), line: Int32Array.from(lines) };
  const lineEntry = (index: number, maxDepth?: number): JsonlEntry => jsonLineBytesEntry(bytes, at.start[index]!, at.end[index]!, at.line[index]!, maxDepth === undefined ? {} : { maxDepth })!;
  return {
    format: 'jsonl',
    count: starts.length,
    groupColumns,
    columns,
    row: (index) => {
      const entry = lineEntry(index);
      return { record: at.line[index]!, row: classifyJsonLine(entry, at.line[index]!, batch), groups: groupsOf(entry, groupColumns) };
    },
    // The report numbers the records in order (the n-th record that is not a blank line).
    entry: (index) => ({ record: index + 1, ...lineEntry(index, defaultMaxDepth) }),
    household: (index) => ({ record: at.line[index]!, ...lineEntry(index) }),
  };
}

/** Reads a JSON array of records as `--input json` reads it: one row per element (a file that is not an array is one error row). */
export function readJsonArrayFile(bytes: Uint8Array, batch: BatchClassifier): ReadFile {
  const entries = jsonArrayEntries(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes));
  const first = entries.find((e): e is { value: Record<string, unknown> } => 'value' in e && isObject(e.value));
  const { columns, groupColumns } = jsonColumns(first?.value);
  const entry = (index: number): HouseholdEntry => ({ record: index + 1, ...entries[index]! });
  return {
    format: 'json',
    count: entries.length,
    groupColumns,
    columns,
    row: (index) => {
      const e = entries[index]!;
      return { record: index + 1, row: 'error' in e ? { error: e.error } : batch.classify(e.value), groups: groupsOf(e, groupColumns) };
    },
    entry,
    household: entry,
  };
}

/** The explanation of one row: its classification with every step, or the error of its row. */
export function explainEntry(entry: HouseholdEntry, batch: BatchClassifier, row: BatchRow): { household?: unknown; classification?: Classification; error?: ErrorDetail } {
  if ('error' in entry) return { error: entry.error };
  const result = toSafe(() => classifyOn(entry.value, batch.standard, batch.date));
  if (!result.success) return { household: entry.value, error: result.error };
  // The row's own error (an indicator the file has no column for) stands beside the steps.
  return 'error' in row ? { household: entry.value, classification: result.data, error: row.error } : { household: entry.value, classification: result.data };
}

/** Any failure as an error detail with a code. */
export function detailOf(error: unknown): ErrorDetail {
  if (error instanceof ChuanNgheoError) return error.toJSON();
  return { code: 'INVALID_ROW', path: [], message: error instanceof Error ? error.message : String(error) };
}
