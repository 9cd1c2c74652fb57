/**
 * A file of households read and classified in the worker, as the command line reads it: a CSV
 * file or a worksheet, its header planned once, one result per row in order (errors included),
 * and the report's tally counted as `chuan-ngheo report` counts it.
 *
 * @module
 */
import * as ExcelJS from 'exceljs';
import { createBatchClassifier, type BatchClassifier, type BatchRow } from '../../src/batch.js';
import { classifyOn, type Classification } from '../../src/classify.js';
import { brokenRecordError, CsvCutter, forEachRecord, readRecord } from '../../src/csv/records.js';
import { ChuanNgheoError, fail, toSafe, type ErrorDetail } from '../../src/errors.js';
import type { HouseholdInput } from '../../src/household.js';
import { createTally, type Tally } from '../../src/analytics/tally.js';
import { ownValue } from '../../src/schema-issues.js';
import { loadStandard } from '../../src/standards/registry.js';
import { createRowReader, undeterminedError, type RowReader } from '../../src/tabular.js';
import { tableEntry, tableRow } from '../../src/table-rows.js';
import { cellErrorByField, chooseSheet, headerOf, recordOf, rowCells, type SheetRow } from '../../src/xlsx/records.js';
import type { Choice } from './protocol.js';

/** A row of the file: its record number, its fields, and the error that reading it raised. */
export interface FileRecord {
  readonly record: number;
  readonly fields: readonly string[];
  readonly error?: ErrorDetail;
}

/** A file read: its rows with the reader of its header. */
export interface ReadFile {
  readonly format: 'csv' | 'xlsx';
  readonly reader: RowReader;
  /** How many rows (records after the header) the file has. */
  readonly count: number;
  /** The row at an index (0 for the first after the header). */
  recordAt(index: number): FileRecord;
  readonly sheet?: string;
}

/** The classifier of a choice: a province's standard file is read strictly, as `--standard-file` reads it. */
export function classifierOf(choice: Choice): BatchClassifier {
  const standard = choice.standardFile !== undefined ? loadStandard(choice.standardFile) : choice.standard;
  return createBatchClassifier({ date: choice.date, ...(standard !== undefined ? { standard } : {}) });
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The first bytes of an Excel 97-2003 workbook (or a password-protected one). */
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** Whether a file is a workbook: by its name, or a zip archive's first bytes. */
export function isWorkbook(name: string, bytes: Uint8Array): boolean {
  return /\.xls[xm]?$/i.test(name) || ZIP.every((b, i) => bytes[i] === b) || OLE.every((b, i) => bytes[i] === b);
}

/**
 * Reads a CSV file by the library's CSV rules (`csv/records`, as the command line reads it): its
 * header planned, then where each record lies (the header is record 1). A record's fields are read
 * when it is asked for, so that a large file is not held as millions of strings.
 */
export function readCsvFile(bytes: Uint8Array, batch: BatchClassifier): ReadFile | undefined {
  const cutter = new CsvCutter({ chunkBytes: Math.max(1, bytes.length) });
  let header: string[] | undefined;
  const pieces: Uint8Array[] = [];
  const pieceOf: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const broken = new Map<number, FileRecord>();
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
  const reader = createRowReader(header, batch);
  const at = { piece: Int32Array.from(pieceOf), start: Int32Array.from(starts), end: Int32Array.from(ends) };
  return {
    format: 'csv',
    reader,
    count: starts.length,
    recordAt: (index) => {
      const gone = broken.get(index);
      if (gone) return gone;
      const r = readRecord(pieces[at.piece[index]!]!, at.start[index]!, at.end[index]!);
      return 'error' in r ? { record: index + 2, fields: r.fields, error: r.error } : { record: index + 2, fields: r.fields };
    },
  };
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

/** Reads the first visible worksheet of a workbook as the command line reads it: the first row that is not empty is the header. */
export async function readWorkbookFile(bytes: Uint8Array, batch: BatchClassifier): Promise<ReadFile> {
  if (OLE.every((b, i) => bytes[i] === b)) {
    fail('INVALID_ROW', [], 'the file is not an .xlsx workbook: it is an Excel 97-2003 workbook (.xls) or a password-protected one; save it as an .xlsx workbook without a password');
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (error) {
    fail('INVALID_ROW', [], `the file is not a readable .xlsx workbook: ${error instanceof Error ? error.message : String(error)}`);
  }
  const sheets = workbook.worksheets.map((w) => ({ name: w.name, visible: w.state === undefined || w.state === 'visible', worksheet: w }));
  const { worksheet, name } = chooseSheet(sheets, undefined);
  const date1904 = (workbook.properties as { date1904?: boolean }).date1904 === true;
  let header: string[] | undefined;
  let names: string[] = [];
  const raw: { row: number; cells: ReturnType<typeof rowCells> }[] = [];
  worksheet.eachRow((row) => {
    const cells = rowCells(asStreamed(row as unknown as SheetRow), date1904);
    if (cells.length) raw.push({ row: row.number, cells });
  });
  const records: FileRecord[] = [];
  for (const { row, cells } of raw) {
    if (header === undefined) {
      header = headerOf(cells, row);
      names = header.map((h) => h.trim());
      continue;
    }
    const r = recordOf(cells, row, names);
    records.push('error' in r ? { record: r.row, fields: r.fields, error: r.error } : { record: r.row, fields: r.fields });
  }
  if (header === undefined) fail('INVALID_ROW', [], `the worksheet ${JSON.stringify(name)} is empty: it has no header row`);
  const reader = createRowReader(header, batch);
  const mapped = records.map((r) => {
    if (r.error === undefined) return r;
    const fixed = cellErrorByField({ row: r.record, fields: [...r.fields], error: r.error }, header!, reader.header);
    return 'error' in fixed ? { record: r.record, fields: r.fields, error: fixed.error } : r;
  });
  return { format: 'xlsx', reader, count: mapped.length, recordAt: (index) => mapped[index]!, sheet: name };
}

/** A row classified, as `chuan-ngheo classify` writes it. */
export function classifyRecord(file: ReadFile, r: FileRecord): BatchRow {
  return tableRow(file.reader, r.error, r.fields, r.record);
}

/** The blank group: households with no value for the grouping column. */
const BLANK_GROUP = '(blank)';

/** The tally of a file as `chuan-ngheo report` counts it (grouped by an attribute column, or by area), and the rows left out. */
export function tallyFile(file: ReadFile | undefined, batch: BatchClassifier, by: string | undefined): { tally: Tally; invalid: number } {
  const tally = createTally({ indicators: batch.standard.indicators.map((i) => i.id) });
  let invalid = 0;
  for (let i = 0; i < (file?.count ?? 0); i++) {
    const r = file!.recordAt(i);
    const entry = tableEntry(file!.reader, r.error, r.fields, r.record);
    let result = 'error' in entry ? { error: entry.error } : batch.classifyWithFacts(entry.value);
    if (!('error' in result) && 'missingIndicators' in entry && entry.missingIndicators) {
      const error = undeterminedError(batch, entry.value as HouseholdInput, result.category, result.deprived.length, entry.missingIndicators);
      if (error) result = { error };
    }
    if ('error' in result) {
      invalid++;
      continue;
    }
    const value = (entry as { value: Record<string, unknown> }).value;
    let group: string | undefined;
    if (by === 'area') group = result.area;
    else if (by !== undefined) {
      const raw = ownValue(value.attributes, by);
      group = raw === undefined || raw === null || raw === '' ? BLANK_GROUP : String(raw);
    }
    tally.add({ category: result.category, deprived: result.deprived, size: result.size, ...(group !== undefined ? { group } : {}) });
  }
  return { tally: tally.result(), invalid };
}

/** The explanation of one row: its classification with every step, or the error of its row. */
export function explainRecord(file: ReadFile, batch: BatchClassifier, r: FileRecord, row: BatchRow): { household?: unknown; classification?: Classification; error?: ErrorDetail } {
  const entry = tableEntry(file.reader, r.error, r.fields, r.record);
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
