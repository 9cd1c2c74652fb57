/**
 * Reading a worksheet of an Excel workbook (.xlsx) as a stream of rows: memory does not grow with
 * the number of rows (beyond the workbook's table of shared strings, which the format keeps apart
 * from the rows and every row refers to).
 *
 * The first row that is not empty is the header; each later row that is not empty is one record,
 * its cells read by their type (`xlsx/cells`), then classified by the same row reader as a CSV
 * record (`createRowReader`): the same data gives the same rows, ids and errors. A cell holding an
 * error value, or a value to the right of the header's last column, makes its row one error row.
 *
 * The archive is read through its central directory (unzipper), so that the parts that give the
 * cells their meaning (the sheet names, the shared strings, the styles that say a number is a
 * date) are read before the worksheet, whatever order a writer stored them in; exceljs's
 * streaming workbook reader parses each part and the worksheet's rows. (Read in one pass, as
 * exceljs's reader does on its own, an archive loses entries when its reader pauses between them,
 * and a worksheet stored before the styles reads its dates as numbers.) A stream that is not a file
 * is first copied into a temporary file (its compressed bytes), removed afterwards.
 *
 * exceljs and unzipper are loaded the first time a workbook is read, so that nothing else pays for
 * them.
 *
 * @module
 */
import { createWriteStream, fstat, fstatSync, read, ReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { BatchClassifier } from '../batch.js';
import { ChuanNgheoError, fail } from '../errors.js';
import { createRowReader, type RowReader } from '../tabular.js';
import type { ColumnOptions } from '../columns.js';
import { cellErrorByField, chooseSheet, headerOf, recordOf, rowCells, type SheetRecord, type SheetRow } from '../xlsx/records.js';

export type { SheetRecord } from '../xlsx/records.js';

/** Options of the workbook readers. */
export interface XlsxOptions {
  /** The worksheet to read, by name (default: the first visible worksheet, in the order of the tabs). */
  readonly sheet?: string;
  /** Rows per batch (default 1,024). */
  readonly batchRows?: number;
}

/** Rows of a worksheet in batches, after its header. */
export interface SheetRowsBatch {
  /** The worksheet's name. */
  readonly sheet: string;
  /** The header's cells, as text. */
  readonly header: readonly string[];
  /** The records, in order; empty rows are left out. The first batch, at once after the header, has none. */
  readonly rows: readonly SheetRecord[];
}

/** Rows of a worksheet in batches, with the row reader compiled from its header. */
export interface XlsxRowsBatch {
  readonly reader: RowReader;
  readonly sheet: string;
  readonly rows: readonly SheetRecord[];
}

type ExcelJs = typeof import('exceljs');
type Unzipper = typeof import('unzipper');
type ZipFile = import('unzipper').File;

const interop = <T>(m: unknown): T => ((m as { default?: T }).default ?? m) as T;
let loaded: Promise<ExcelJs> | undefined;
let loadedZip: Promise<Unzipper> | undefined;

/** exceljs, loaded once, on first use. */
export function loadExcelJs(): Promise<ExcelJs> {
  loaded ??= import('exceljs').then((m) => interop<ExcelJs>(m));
  return loaded;
}

function loadUnzipper(): Promise<Unzipper> {
  loadedZip ??= import('unzipper').then((m) => interop<Unzipper>(m));
  return loadedZip;
}

type Relationship = { readonly Id: string; readonly Type: string; readonly Target: string; readonly TargetMode?: string };

/** What is used of exceljs's streaming workbook reader beyond its typed interface: the parsers of each part. */
interface ReaderInternals {
  workbookRels: readonly Relationship[] | undefined;
  model?: { readonly sheets?: readonly { readonly name: string; readonly rId: string; readonly state?: string }[] };
  properties?: { readonly model?: { readonly date1904?: boolean } };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: Readable, sheetNo: string): Generator<{ eventType: string; value: WorksheetStream }>;
}

/** What is used of a worksheet being read. */
interface WorksheetStream {
  [Symbol.asyncIterator](): AsyncGenerator<SheetRow>;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

function checkHead(head: Buffer): void {
  if (ZIP.every((b, i) => head[i] === b)) return;
  if (head.length === 0) fail('INVALID_ROW', [], 'the file is empty: it is not an .xlsx workbook');
  if (OLE.every((b, i) => head[i] === b)) {
    fail('INVALID_ROW', [], 'the file is not an .xlsx workbook: it is an Excel 97-2003 workbook (.xls) or a password-protected one; save it as an .xlsx workbook without a password', head.subarray(0, 8).toString('hex'));
  }
  const text = head.subarray(0, 24).toString('utf8');
  fail('INVALID_ROW', [], `the file is not an .xlsx workbook (an .xlsx file is a zip archive); it begins with ${JSON.stringify(text)}`, text);
}

/**
 * The bytes of an open file from `start` to `end` (or its end), read at their positions: the
 * descriptor is shared by several such reads and never closed by one (as an fs read stream's
 * `destroy` would). A read that completes after the stream is destroyed is dropped.
 */
function readAt(fd: number, start: number, end?: number): Readable {
  let position = start;
  return new Readable({
    highWaterMark: 1 << 16,
    read(size) {
      const want = end === undefined ? size : Math.min(size, end - position);
      if (want <= 0) {
        this.push(null);
        return;
      }
      const buffer = Buffer.allocUnsafe(want);
      read(fd, buffer, 0, want, position, (error, n) => {
        if (this.destroyed) return;
        if (error) {
          this.destroy(error);
          return;
        }
        position += n;
        this.push(n === 0 ? null : n < want ? buffer.subarray(0, n) : buffer);
      });
    },
  });
}

/** An open file holding the workbook, and how to let it go. */
interface WorkbookFile {
  readonly fd: number;
  release(): Promise<void>;
}

/** The first bytes of an open file. */
async function headOf(fd: number): Promise<Buffer> {
  const buffer = Buffer.alloc(24);
  const bytesRead = await new Promise<number>((resolve, reject) => read(fd, buffer, 0, buffer.length, 0, (error, n) => (error ? reject(error) : resolve(n))));
  return buffer.subarray(0, bytesRead);
}

/**
 * The file a stream is about to read from its start, when it is a regular file: the workbook is
 * then read in place (its descriptor, or its path when not yet opened).
 */
async function inPlace(input: Readable): Promise<WorkbookFile | undefined> {
  if (!(input instanceof ReadStream) || input.bytesRead !== 0 || (input as { start?: number }).start !== undefined) return undefined;
  const fd = (input as unknown as { fd?: unknown }).fd;
  if (typeof fd === 'number') {
    if (!fstatSync(fd).isFile()) return undefined;
    // The stream owns the descriptor: destroying it closes the file.
    return { fd, release: async () => void input.destroy() };
  }
  if (typeof input.path !== 'string') return undefined;
  const handle = await open(input.path, 'r');
  if (!(await handle.stat()).isFile()) {
    await handle.close();
    return undefined;
  }
  return {
    fd: handle.fd,
    release: async () => {
      input.destroy();
      await handle.close();
    },
  };
}

/**
 * The workbook as an open file: the input's own file when it is one, else a temporary copy of
 * the stream. Its first bytes are checked first, so that a file that is not a workbook is refused
 * before anything else is read.
 */
async function workbookFile(input: Readable): Promise<WorkbookFile> {
  const own = await inPlace(input);
  if (own !== undefined) {
    try {
      checkHead(await headOf(own.fd));
    } catch (error) {
      await own.release();
      throw error;
    }
    return own;
  }
  const reads = (input as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  const next = async () => {
    const r = await reads.next();
    return r.done ? undefined : typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
  };
  let head = Buffer.alloc(0);
  try {
    while (head.length < 4) {
      const chunk = await next();
      if (chunk === undefined) break;
      head = Buffer.concat([head, chunk]);
    }
    checkHead(head);
  } catch (error) {
    await reads.return?.();
    throw error;
  }
  const dir = await mkdtemp(join(tmpdir(), 'chuan-ngheo-xlsx-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, 'input.xlsx');
  const out = createWriteStream(path);
  try {
    for (let chunk: Buffer | undefined = head; chunk !== undefined; chunk = await next()) {
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await finished(out);
  } catch (error) {
    out.destroy();
    await reads.return?.();
    await remove();
    fail('INVALID_ROW', [], `the file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  const handle = await open(path, 'r');
  return {
    fd: handle.fd,
    release: async () => {
      await handle.close();
      await remove();
    },
  };
}

/** A part's path in the archive from a relationship's target, relative to the part `from` (or from the root). */
function partPath(from: string, target: string): string {
  const joined = target.startsWith('/') ? target.slice(1) : posix.join(posix.dirname(from), target);
  return posix.normalize(joined).replace(/^\.\//, '');
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
const relsOf = (part: string) => posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);

/**
 * A part's text, decoded as one stream: a character whose bytes fall across two reads stays whole
 * (exceljs decodes each read on its own, which turns such a character into two U+FFFD).
 */
async function* utf8(bytes: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const read of bytes) {
    const text = typeof read === 'string' ? read : decoder.decode(read, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/** The text of an inline string's runs, joined: `<is><r><t>Xã </t></r><r><t>Tân Lập</t></r></is>` → `<is><t>Xã Tân Lập</t></is>`. */
function joinRuns(element: string): string {
  if (!/<r[\s>]/.test(element)) return element;
  const texts = [...element.replace(/<rPh[\s>][\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => m[1]);
  return `<is><t xml:space="preserve">${texts.join('')}</t></is>`;
}

/**
 * A worksheet's text with each inline string of several runs (rich text written in the cell, as
 * some writers do) made one run: exceljs keeps only the last run of such a string.
 */
async function* inlineRunsJoined(text: AsyncIterable<string>): AsyncGenerator<string> {
  let carry = '';
  for await (const read of text) {
    const t = carry + read;
    let out = '';
    let i = 0;
    for (;;) {
      const start = t.indexOf('<is>', i);
      if (start < 0) {
        // Keep what may be the beginning of `<is>`.
        const safe = Math.max(i, t.length - 3);
        out += t.slice(i, safe);
        carry = t.slice(safe);
        break;
      }
      const end = t.indexOf('</is>', start);
      if (end < 0) {
        out += t.slice(i, start);
        carry = t.slice(start);
        break;
      }
      out += t.slice(i, start) + joinRuns(t.slice(start, end + 5));
      i = end + 5;
    }
    if (out !== '') yield out;
  }
  if (carry !== '') yield carry;
}

/** A worksheet of an opened archive, with exceljs's reader of its parts (sheet names, shared strings, styles) read. */
async function openWorksheet(fd: number, wanted: string | undefined, reads: Set<Readable>): Promise<{ name: string; rows: WorksheetStream; date1904: boolean }> {
  const [excel, unzipper] = await Promise.all([loadExcelJs(), loadUnzipper()]);
  let files: Map<string, ZipFile>;
  try {
    // Reads at given positions of the file; the descriptor is the caller's, never closed here.
    const directory = await unzipper.Open.custom({
      size: () => new Promise<number>((resolve, reject) => fstat(fd, (error, stats) => (error ? reject(error) : resolve(stats.size)))),
      stream: (offset: number, length?: number) => {
        const stream = readAt(fd, offset, length ? offset + length : undefined);
        reads.add(stream);
        stream.once('close', () => reads.delete(stream));
        return stream;
      },
    });
    files = new Map(directory.files.map((f) => [f.path.replace(/^\//, ''), f]));
  } catch (error) {
    return fail('INVALID_ROW', [], `the file is not a readable .xlsx workbook: ${error instanceof Error ? error.message : String(error)}`);
  }
  const part = (name: string): Readable | undefined => {
    const file = files.get(name);
    return file && Readable.from(utf8(file.stream()));
  };
  const reader = new excel.stream.xlsx.WorkbookReader('', { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore', entries: 'ignore' }) as unknown as ReaderInternals;
  const rels = async (of: string): Promise<readonly Relationship[]> => {
    const stream = part(relsOf(of));
    if (stream === undefined) return [];
    await reader._parseRels(stream);
    return reader.workbookRels ?? [];
  };
  // The workbook part, as the package's relationships name it (xl/workbook.xml in practice).
  const officeDocument = (await rels('')).find((r) => r.Type.endsWith('/officeDocument'));
  const main = officeDocument ? partPath('', officeDocument.Target) : 'xl/workbook.xml';
  const workbookPart = part(main);
  if (workbookPart === undefined) fail('INVALID_ROW', [], `the file is not an .xlsx workbook: it has no workbook part (${main})`);
  const workbookRels = await rels(main);
  await reader._parseWorkbook(workbookPart);
  const target = (type: string) => workbookRels.find((r) => r.Type.endsWith(`/${type}`) && r.TargetMode !== 'External');
  const strings = target('sharedStrings');
  const stringsPart = strings && part(partPath(main, strings.Target));
  if (stringsPart) for await (const _ of reader._parseSharedStrings(stringsPart));
  const styles = target('styles');
  const stylesPart = styles && part(partPath(main, styles.Target));
  if (stylesPart) await reader._parseStyles(stylesPart);

  const sheets = (reader.model?.sheets ?? []).flatMap((s) => {
    const rel = workbookRels.find((r) => r.Id === s.rId && r.Type.endsWith('/worksheet'));
    return rel ? [{ name: s.name, visible: s.state === undefined || s.state === 'visible', part: partPath(main, rel.Target) }] : [];
  });
  const sheet = chooseSheet(sheets, wanted);
  const file = files.get(sheet.part);
  if (file === undefined) fail('INVALID_ROW', [], `the workbook names the worksheet ${JSON.stringify(sheet.name)}, but the file has no part ${sheet.part}`);
  const stream = Readable.from(inlineRunsJoined(utf8(file.stream())));
  const worksheet = [...reader._parseWorksheet(stream, '1')].find((e) => e.eventType === 'worksheet')?.value;
  if (worksheet === undefined) fail('INVALID_ROW', [], `the worksheet ${JSON.stringify(sheet.name)} cannot be read`);
  return { name: sheet.name, rows: worksheet, date1904: reader.properties?.model?.date1904 === true };
}

/**
 * Reads a worksheet of an .xlsx stream: its header (the first row that is not empty), then its
 * records in batches, in order, empty rows left out, each record as fields or as the error of a
 * cell that cannot be read.
 *
 * @throws {ChuanNgheoError} `INVALID_ROW` when the stream is not an .xlsx workbook, cannot be read,
 * or its worksheet is empty; `INVALID_HEADER` for a header with a column without a name;
 * `INVALID_CELL` for a header cell without a value; `UNKNOWN_SHEET`
 * when the workbook has no worksheet of the name asked for (the message lists its worksheets).
 * @example
 * const rows = [];
 * for await (const { header, rows: batch } of readSheetRows(fs.createReadStream('examples/households.xlsx'))) {
 *   for (const row of batch) rows.push({ header: header.length, row: row.row, ...('error' in row ? { error: row.error.code } : { first: row.fields[0] }) });
 * }
 * rows.length //=> 40
 * rows[0] //=> { header: 20, row: 2, first: 'HH001' }
 */
export async function* readSheetRows(input: Readable, options: XlsxOptions = {}): AsyncGenerator<SheetRowsBatch, void, undefined> {
  const batchRows = Math.max(1, options.batchRows ?? 1024);
  const file = await workbookFile(input);
  // The reads of the archive's parts, ended before the file is let go (a part is read up to the end of the file as needed).
  const reads = new Set<Readable>();
  try {
    let opened: Awaited<ReturnType<typeof openWorksheet>>;
    try {
      opened = await openWorksheet(file.fd, options.sheet, reads);
    } catch (error) {
      if (error instanceof ChuanNgheoError) throw error;
      return fail('INVALID_ROW', [], `the workbook cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    const { name, date1904 } = opened;
    let header: string[] | undefined;
    let names: string[] = [];
    let rows: SheetRecord[] = [];
    const iterator = opened.rows[Symbol.asyncIterator]();
    for (;;) {
      let next: IteratorResult<SheetRow>;
      try {
        next = await iterator.next();
      } catch (error) {
        return fail('INVALID_ROW', [], `the worksheet ${JSON.stringify(name)} cannot be read: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (next.done) break;
      const row = next.value;
      const cells = rowCells(row, date1904);
      if (cells.length === 0) continue; // an empty row, as a blank line in CSV
      if (header === undefined) {
        header = headerOf(cells, row.number);
        names = header.map((h) => h.trim());
        // At once, with no rows: a caller can check the header before any row arrives.
        yield { sheet: name, header, rows: [] };
        continue;
      }
      rows.push(recordOf(cells, row.number, names));
      if (rows.length >= batchRows) {
        yield { sheet: name, header, rows };
        rows = [];
      }
    }
    if (header === undefined) fail('INVALID_ROW', [], `the worksheet ${JSON.stringify(name)} is empty: it has no header row`);
    if (rows.length) yield { sheet: name, header, rows };
  } finally {
    for (const stream of reads) stream.destroy();
    await file.release();
  }
}

/**
 * Reads a worksheet of an .xlsx stream into batches of records, with the row reader compiled
 * from its header for a batch classifier (as {@link readCsvRows} does for CSV).
 *
 * @throws {ChuanNgheoError} As {@link readSheetRows}; `INVALID_HEADER` when the header cannot be used (as a CSV header).
 * @example
 * const batch = createBatchClassifier({ date: '2025-12-01' });
 * const found: string[] = [];
 * for await (const { reader, rows } of readXlsxRows(fs.createReadStream('examples/households.xlsx'), batch)) {
 *   for (const row of rows) {
 *     const result = 'error' in row ? undefined : reader.classify(row.fields);
 *     found.push(result === undefined ? 'unreadable' : isBatchFailure(result) ? result.error.code : result.category);
 *   }
 * }
 * found.slice(0, 3) //=> ['poor', 'average', 'near-poor']
 */
export async function* readXlsxRows(input: Readable, batch: BatchClassifier, options: XlsxOptions & ColumnOptions = {}): AsyncGenerator<XlsxRowsBatch, void, undefined> {
  let reader: RowReader | undefined;
  let header: readonly string[] | undefined;
  for await (const b of readSheetRows(input, options)) {
    if (b.header !== header) {
      header = b.header;
      reader = createRowReader(b.header, batch, options);
    }
    const own = reader!;
    yield { reader: own, sheet: b.sheet, rows: b.rows.map((row) => cellErrorByField(row, b.header, own.header)) };
  }
}
