/**
 * CSV records as the library reads them: one definition, shared by every path that reads CSV (the
 * byte fast path, the general row reader, reports, validation, worker threads), whatever the size
 * of the reads. The rules:
 *
 * 1. Fields are separated by commas. The delimiter is always the comma: it is never guessed.
 * 2. A record ends at a line end outside a quoted field: LF, CR or CR LF. An empty line is no
 *    record (so CR LF is one line end however the bytes arrive).
 * 3. A field that begins with a double quote is quoted: it runs to the next quote that is not
 *    doubled, and may hold commas, line ends and doubled quotes (`""` is one quote). Text between
 *    its closing quote and the next comma or line end makes the record invalid.
 * 4. A quote anywhere else is an ordinary character (`5"00` is the text `5"00`), as papaparse and
 *    Python's csv module read it.
 * 5. A byte-order mark is dropped at the start of the file only; elsewhere it is data.
 * 6. The text is UTF-8: a record that is not valid UTF-8 is an invalid row (never copied out).
 * 7. A record must end within {@link CsvLimits.maxRecordBytes} bytes of its start (1 MiB unless
 *    set). One that does not (a quote that never closes, or a file without line ends), and a quoted
 *    field still open at the end of the file, is one invalid row, and reading resumes after the
 *    first line end that follows the record's start, quotes ignored.
 *
 * This module is pure (bytes in, pieces out) so that the same rules run in a browser.
 *
 * @module
 */

import { ChuanNgheoError, describeReceived, fail, toSafe, type ErrorDetail, type SafeResult } from '../errors.js';

/** Line feed. */
export const LF = 0x0a;
/** Carriage return. */
export const CR = 0x0d;
/** The field delimiter. */
export const COMMA = 0x2c;
/** The double quote. */
export const QUOTE = 0x22;

/** Limits of the CSV reader. */
export interface CsvLimits {
  /** The longest record, in bytes from its start to its line end (default 1 MiB). */
  readonly maxRecordBytes?: number;
}

/** The default longest record: 1 MiB. */
export const defaultMaxRecordBytes = 1 << 20;

// Where a scan stands between two bytes.
/** At the start of a field (of a record, or after a comma). */
const FIELD_START = 0;
/** Inside a field that does not begin with a quote. */
const UNQUOTED = 1;
/** Inside a quoted field. */
const QUOTED = 2;
/** Just after a quote inside a quoted field: the closing quote, or the first of a doubled one. */
const QUOTE_IN_QUOTED = 3;
type ScanState = typeof FIELD_START | typeof UNQUOTED | typeof QUOTED | typeof QUOTE_IN_QUOTED;

/** The state after one byte. */
function step(state: ScanState, b: number): ScanState {
  switch (state) {
    case QUOTED:
      return b === QUOTE ? QUOTE_IN_QUOTED : QUOTED;
    case QUOTE_IN_QUOTED:
      if (b === QUOTE) return QUOTED;
      return b === COMMA || b === LF || b === CR ? FIELD_START : UNQUOTED;
    case FIELD_START:
      if (b === QUOTE) return QUOTED;
      return b === COMMA || b === LF || b === CR ? FIELD_START : UNQUOTED;
    default:
      return b === COMMA || b === LF || b === CR ? FIELD_START : UNQUOTED;
  }
}

/** Whether a line end at this state ends the record. */
const endsRecord = (state: ScanState) => state !== QUOTED;

/**
 * The end of the record that starts at `start` (a record start): the index of the line-end byte
 * that ends it, or -1 when `bytes[start, end)` holds no end of it.
 */
export function recordEnd(bytes: Uint8Array, start: number, end: number): number {
  let state: ScanState = FIELD_START;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (state === QUOTED) {
      const q = bytes.indexOf(QUOTE, i);
      if (q < 0 || q >= end) return -1;
      i = q;
      state = QUOTE_IN_QUOTED;
      continue;
    }
    if ((b === LF || b === CR) && endsRecord(state)) return i;
    state = step(state, b);
  }
  return -1;
}

/** The first line end (LF or CR) in `bytes[start, end)`, quotes ignored, or -1. */
export function firstLineEnd(bytes: Uint8Array, start: number, end: number): number {
  let lf = bytes.indexOf(LF, start);
  if (lf < 0 || lf > end) lf = end;
  // A CR is looked for only before that LF: a search to the end of the buffer would make a chunk's rows quadratic.
  const cr = bytes.subarray(start, lf).indexOf(CR);
  if (cr >= 0) return start + cr;
  return lf < end ? lf : -1;
}

/** The last line end (LF or CR) in `bytes[start, end)`, quotes ignored, or -1. */
function lastLineEnd(bytes: Uint8Array, start: number, end: number): number {
  if (end <= start) return -1;
  let lf = bytes.lastIndexOf(LF, end - 1);
  if (lf < start) lf = start - 1;
  const cr = bytes.subarray(lf + 1, end).lastIndexOf(CR);
  if (cr >= 0) return lf + 1 + cr;
  return lf >= start ? lf : -1;
}

/** The fields of one record's text (without its line end), and what is wrong with it if anything. */
export interface RecordFields {
  readonly fields: string[];
  /** Set when a quoted field is followed by text before its delimiter, or is never closed. */
  readonly problem?: string;
}

/**
 * Splits one record's text into fields by the rules above.
 *
 * @example
 * splitRecord('HH1,"Xã A, huyện B",5"00') //=> { fields: ['HH1', 'Xã A, huyện B', '5"00'] }
 * splitRecord('HH1,"open') //=> { fields: ['HH1', 'open'], problem: 'field 2 opens a quote that is never closed' }
 */
export function splitRecord(text: string): RecordFields {
  const fields: string[] = [];
  let problem: string | undefined;
  let i = 0;
  const n = text.length;
  for (;;) {
    if (text.charCodeAt(i) === QUOTE) {
      let value = '';
      let from = i + 1;
      let closed = false;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q < 0) {
          value += text.slice(from);
          i = n;
          break;
        }
        value += text.slice(from, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          from = q + 2;
          continue;
        }
        i = q + 1;
        closed = true;
        break;
      }
      if (!closed) problem ??= `field ${fields.length + 1} opens a quote that is never closed`;
      const comma = text.indexOf(',', i);
      const stop = comma < 0 ? n : comma;
      if (stop > i) {
        problem ??= `field ${fields.length + 1} has text after its closing quote: ${JSON.stringify(text.slice(i, Math.min(stop, i + 20)))}`;
        value += text.slice(i, stop);
      }
      fields.push(value);
      if (comma < 0) break;
      i = comma + 1;
    } else {
      const comma = text.indexOf(',', i);
      if (comma < 0) {
        fields.push(text.slice(i));
        break;
      }
      fields.push(text.slice(i, comma));
      i = comma + 1;
    }
  }
  return problem === undefined ? { fields } : { fields, problem };
}

/** A piece of a CSV file, in file order. */
export type CsvPiece =
  /** The header record's fields (the first record; comes first, once). */
  | { readonly kind: 'header'; readonly fields: string[] }
  /** Whole data records (with their line ends; empty lines may be among them). */
  | { readonly kind: 'records'; readonly bytes: Uint8Array }
  /**
   * A record that could not be read whole (rule 7): one invalid row. `fields` are the complete
   * fields of its first line, so that its id can still be named.
   */
  | { readonly kind: 'broken'; readonly reason: 'tooLong' | 'unclosedQuote'; readonly message: string; readonly fields: readonly string[] };

/** Options of a {@link CsvCutter}. */
export interface CsvCutterOptions extends CsvLimits {
  /** About how many bytes of whole records each `records` piece holds (default 1 MiB). */
  readonly chunkBytes?: number;
}

const BOM = [0xef, 0xbb, 0xbf];
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
/** The first line of a broken record is read for its fields up to this many bytes. */
const BROKEN_PREFIX_BYTES = 1 << 16;

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Cuts a CSV byte stream into a header, pieces of whole records and broken records, by the rules
 * above, whatever the size of the pushed reads: push each read, then call `end()`. Memory holds at
 * most one record (bounded by `maxRecordBytes`) beyond the pieces returned.
 *
 * @example
 * const cutter = new CsvCutter();
 * const pieces = [...cutter.push(new TextEncoder().encode('id,area\nHH1,rural\n')), ...cutter.end()];
 * pieces.map((p) => p.kind) //=> ['header', 'records']
 */
export class CsvCutter {
  private readonly chunkBytes: number;
  private readonly maxRecordBytes: number;
  /** Bytes not yet handed out; `buf[0]` is a record start. */
  private buf: Uint8Array = new Uint8Array(0);
  private started = false;
  private headerDone = false;
  /** Discarding up to the next line end (after a broken record whose first line is longer than the limit). */
  private skipping = false;

  constructor(options: CsvCutterOptions = {}) {
    this.chunkBytes = Math.max(1, options.chunkBytes ?? 1 << 20);
    this.maxRecordBytes = Math.max(1, options.maxRecordBytes ?? defaultMaxRecordBytes);
  }

  /** Takes the next bytes of the file; returns the pieces now complete. */
  push(bytes: Uint8Array): CsvPiece[] {
    const out: CsvPiece[] = [];
    let chunk = bytes;
    if (this.skipping) {
      const j = firstLineEnd(chunk, 0, chunk.length);
      if (j < 0) return out;
      chunk = chunk.subarray(j + 1);
      this.skipping = false;
    }
    this.buf = this.buf.length ? concatBytes(this.buf, chunk) : chunk;
    this.drain(false, out);
    return out;
  }

  /** Ends the file; returns the last pieces. */
  end(): CsvPiece[] {
    const out: CsvPiece[] = [];
    if (!this.skipping) this.drain(true, out);
    this.buf = new Uint8Array(0);
    return out;
  }

  private drain(final: boolean, out: CsvPiece[]): void {
    if (!this.started) {
      const b = this.buf;
      const n = Math.min(3, b.length);
      let prefix = true;
      for (let i = 0; i < n; i++) if (b[i] !== BOM[i]) prefix = false;
      if (prefix && n < 3 && !final) return; // perhaps a byte-order mark still arriving
      if (prefix && n === 3) this.buf = b.subarray(3);
      this.started = true;
    }
    for (;;) {
      if (!this.headerDone) {
        let s = 0;
        while (s < this.buf.length && (this.buf[s] === LF || this.buf[s] === CR)) s++;
        this.buf = this.buf.subarray(s);
        if (this.buf.length === 0) return;
        const e = recordEnd(this.buf, 0, Math.min(this.buf.length, this.maxRecordBytes + 1));
        if (e < 0) {
          if (this.buf.length > this.maxRecordBytes || final) {
            out.push({ kind: 'header', fields: this.headerFields(final && this.buf.length <= this.maxRecordBytes) });
            this.buf = new Uint8Array(0);
            this.headerDone = true;
          }
          return;
        }
        out.push({ kind: 'header', fields: this.headerFields(true, e) });
        this.buf = this.buf.subarray(e + 1);
        this.headerDone = true;
        continue;
      }
      const cut = this.scan(final);
      if (cut.records > 0) this.emitRecords(this.buf.subarray(0, cut.records), out);
      if (cut.broken < 0) {
        this.buf = this.buf.subarray(cut.records);
        if (final && this.buf.length) {
          // Bytes left at the end are a last record without a line end: whole unless a quote is open.
          this.emitRecords(this.buf, out);
          this.buf = new Uint8Array(0);
        }
        return;
      }
      // A broken record at cut.broken (== cut.records): one invalid row, then resume after its first line end.
      const start = cut.broken;
      const limitReached = cut.reason === 'tooLong';
      out.push({
        kind: 'broken',
        reason: cut.reason,
        message: limitReached
          ? `the record does not end within ${this.maxRecordBytes} bytes of its start (the longest record read); reading resumes after the first line end that follows its start`
          : 'a quoted field of the record is still open at the end of the file; reading resumes after the first line end that follows its start',
        fields: this.firstLineFields(start),
      });
      const j = firstLineEnd(this.buf, start, this.buf.length);
      if (j < 0) {
        this.buf = new Uint8Array(0);
        this.skipping = !final;
        return;
      }
      this.buf = this.buf.subarray(j + 1);
    }
  }

  /** The header's fields: the record in `buf[0, end)` (or all of `buf`). */
  private headerFields(whole: boolean, end = this.buf.length): string[] {
    if (!whole) {
      throw new CsvHeaderError(`the header row does not end within ${this.maxRecordBytes} bytes`, headerStart(this.buf), `a header row that ends within ${this.maxRecordBytes} bytes`);
    }
    const bytes = this.buf.subarray(0, end);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      throw new CsvHeaderError('the header row is not valid UTF-8 text', headerStart(bytes), 'UTF-8 text');
    }
    const { fields, problem } = splitRecord(text);
    if (problem !== undefined) throw new CsvHeaderError(`the header row cannot be read: ${problem}`, cut(text), 'column names separated by commas');
    return fields;
  }

  /** The complete fields of the first line of the record at `start` (for naming it). */
  private firstLineFields(start: number): string[] {
    let end = firstLineEnd(this.buf, start, Math.min(this.buf.length, start + BROKEN_PREFIX_BYTES));
    if (end < 0) end = Math.min(this.buf.length, start + BROKEN_PREFIX_BYTES);
    const text = decoder.decode(this.buf.subarray(start, end));
    const fields: string[] = [];
    let i = 0;
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) break; // a quoted field: not complete on this line
      const comma = text.indexOf(',', i);
      if (comma < 0) break; // the last field may be cut
      fields.push(text.slice(i, comma));
      i = comma + 1;
    }
    return fields;
  }

  /** Hands out whole records in pieces of about `chunkBytes`, each ending after a record. */
  private emitRecords(bytes: Uint8Array, out: CsvPiece[]): void {
    let offset = 0;
    while (bytes.length - offset > 2 * this.chunkBytes) {
      const boundary = lastRecordEnd(bytes, offset, offset + this.chunkBytes);
      if (boundary <= offset) break;
      out.push({ kind: 'records', bytes: bytes.subarray(offset, boundary) });
      offset = boundary;
    }
    if (offset < bytes.length) out.push({ kind: 'records', bytes: bytes.subarray(offset) });
  }

  /**
   * Finds, in `buf` (from a record start), the end of the whole records to hand out now, and the
   * first broken record if any: `records` is just past the last whole record's line end (0 if
   * none); `broken` is the start of a record that does not end within the limit (or, at the end
   * of the file, whose quote is still open), else -1.
   */
  private scan(final: boolean): { records: number; broken: number; reason: 'tooLong' | 'unclosedQuote' } {
    const buf = this.buf;
    const n = buf.length;
    const limit = this.maxRecordBytes;
    if (buf.indexOf(QUOTE) < 0) {
      // No quotes: every line end ends a record; a record too long is a stretch without one.
      const records = lastLineEnd(buf, 0, n) + 1;
      if (n <= limit) return { records, broken: -1, reason: 'tooLong' };
      // A stretch without a line end longer than the limit covers a whole window of half the limit.
      const half = Math.max(1, limit >> 1);
      for (let w = 0; w + half <= n; w += half) {
        if (firstLineEnd(buf, w, w + half) >= 0) continue;
        const start = lastLineEnd(buf, 0, w) + 1;
        const after = firstLineEnd(buf, w + half, n);
        if ((after < 0 ? n : after) - start > limit) return { records: start, broken: start, reason: 'tooLong' };
        if (after < 0) break;
      }
      return { records, broken: -1, reason: 'tooLong' };
    }
    // Quotes: follow the state, record by record.
    let state: ScanState = FIELD_START;
    let recordStart = 0;
    let lastEnd = 0;
    for (let i = 0; i < n; i++) {
      if (i - recordStart > limit) return { records: lastEnd, broken: recordStart, reason: 'tooLong' };
      if (state === QUOTED) {
        let q = buf.indexOf(QUOTE, i);
        if (q < 0) q = n;
        if (q - recordStart > limit) return { records: lastEnd, broken: recordStart, reason: 'tooLong' };
        if (q === n) {
          i = n;
          break;
        }
        i = q;
        state = QUOTE_IN_QUOTED;
        continue;
      }
      const b = buf[i]!;
      if (b === LF || b === CR) {
        state = FIELD_START;
        lastEnd = i + 1;
        recordStart = i + 1;
        continue;
      }
      state = step(state, b);
    }
    if (n - recordStart > limit) return { records: lastEnd, broken: recordStart, reason: 'tooLong' };
    if (final && state === QUOTED && n > recordStart) return { records: lastEnd, broken: recordStart, reason: 'unclosedQuote' };
    return { records: lastEnd, broken: -1, reason: 'tooLong' };
  }
}

/** The end (exclusive) of the last whole record in `bytes[start, end)`, `start` being a record start; `start` if none. */
export function lastRecordEnd(bytes: Uint8Array, start: number, end: number): number {
  if (bytes.subarray(start, end).indexOf(QUOTE) < 0) return lastLineEnd(bytes, start, end) + 1 || start;
  let state: ScanState = FIELD_START;
  let last = start;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if ((b === LF || b === CR) && endsRecord(state)) {
      last = i + 1;
      state = FIELD_START;
      continue;
    }
    state = step(state, b);
  }
  return last;
}

/** Longest text of a header kept as the received value of its error. */
const RECEIVED_CHARS = 200;

/** A text cut to {@link RECEIVED_CHARS} characters, with `…` when cut. */
const cut = (text: string) => (text.length > RECEIVED_CHARS ? `${text.slice(0, RECEIVED_CHARS)}…` : text);

/** The start of a header that cannot be decoded or does not end, as text (bad bytes as U+FFFD). */
const headerStart = (bytes: Uint8Array) => cut(decoder.decode(bytes.subarray(0, RECEIVED_CHARS * 4)));

/**
 * A header row that cannot be read (it does not end within the longest record read, is not UTF-8
 * text, or has text after a closing quote): the file cannot be classified. A
 * {@link ChuanNgheoError} with the code `INVALID_ROW`, the path `[]`, and the start of the header
 * row as the received value (at most 200 characters).
 *
 * @example
 * const thrown = (() => {
 *   try {
 *     return readCsv('"id"x,area\nHH1,rural\n');
 *   } catch (error) {
 *     return error;
 *   }
 * })();
 * thrown instanceof CsvHeaderError && thrown instanceof ChuanNgheoError //=> true
 * thrown instanceof CsvHeaderError && thrown.toJSON()
 * //=> { code: 'INVALID_ROW', path: [], message: 'the header row cannot be read: field 1 has text after its closing quote: "x"',
 * //     received: '"id"x,area', expected: 'column names separated by commas' }
 */
export class CsvHeaderError extends ChuanNgheoError {
  override readonly name: string = 'CsvHeaderError';

  /**
   * @param message - What is wrong with the header row, in words.
   * @param received - The header row, or its start.
   * @param expected - What a header row should be.
   */
  constructor(message: string, received: string, expected: string) {
    super({ code: 'INVALID_ROW', path: [], message, received, expected });
  }
}

/**
 * Calls `visit(start, end)` for each record of `bytes[start, end)` (whole records, from a record
 * start), `end` being the index of its line end (or the range's end); empty lines are skipped.
 */
export function forEachRecord(bytes: Uint8Array, start: number, end: number, visit: (start: number, end: number) => void): void {
  let s = start;
  const quotes = bytes.subarray(start, end).indexOf(QUOTE) >= 0;
  while (s < end) {
    const b = bytes[s];
    if (b === LF || b === CR) {
      s++;
      continue;
    }
    let e = quotes ? recordEnd(bytes, s, end) : firstLineEnd(bytes, s, end);
    if (e < 0) e = end;
    visit(s, e);
    s = e + 1;
  }
}

const strictDecoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A record read into fields, or the reason it cannot be (with the fields that could be read, to name it). */
export type CsvRecord = { readonly fields: string[] } | { readonly error: ErrorDetail; readonly fields: readonly string[] };

/** Reads the record `bytes[start, end)` (without its line end) into fields, by the rules above. */
export function readRecord(bytes: Uint8Array, start: number, end: number): CsvRecord {
  let text: string;
  try {
    text = strictDecoder.decode(bytes.subarray(start, end));
  } catch {
    const lossy = decoder.decode(bytes.subarray(start, end));
    const at = invalidUtf8Offset(bytes, start, end);
    return {
      error: {
        code: 'INVALID_ENCODING',
        path: [],
        message: `the row is not valid UTF-8 text (byte 0x${bytes[start + at]!.toString(16).padStart(2, '0')} at byte ${at + 1} of the row); save the file as UTF-8`,
        received: lossy.length > 60 ? `${lossy.slice(0, 57)}...` : lossy,
        expected: 'UTF-8 text',
      },
      fields: splitRecord(lossy).fields,
    };
  }
  const { fields, problem } = splitRecord(text);
  if (problem === undefined) return { fields };
  return { error: { code: 'INVALID_ROW', path: [], message: `the row cannot be read as CSV: ${problem}`, received: text.length > 60 ? `${text.slice(0, 57)}...` : text }, fields };
}

/** The offset in `bytes[start, end)` of the first byte that is not part of valid UTF-8. */
function invalidUtf8Offset(bytes: Uint8Array, start: number, end: number): number {
  for (let i = start; i < end; ) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0 || i + length > end) return i - start;
    let ok = true;
    for (let k = 1; k < length; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) ok = false;
    if (ok && length > 1) {
      try {
        strictDecoder.decode(bytes.subarray(i, i + length));
      } catch {
        ok = false;
      }
    }
    if (!ok) return i - start;
    i += length;
  }
  return 0;
}

/** The error of a broken record (rule 7). */
export function brokenRecordError(piece: Extract<CsvPiece, { kind: 'broken' }>): ErrorDetail {
  return piece.reason === 'tooLong'
    ? { code: 'RECORD_TOO_LONG', path: [], message: piece.message, expected: 'a record that ends within the limit' }
    : { code: 'INVALID_ROW', path: [], message: piece.message, expected: 'a closing quote' };
}

/**
 * A whole CSV text or file read at once: its header and records (for small files and pages). A
 * record that cannot be read is one record with its `error`; a header that cannot be read stops
 * the reading.
 *
 * @throws {CsvHeaderError} `INVALID_ROW` when the header row cannot be read ({@link ChuanNgheoError}
 * `INVALID_ROW` too for an input that is neither text nor bytes).
 * @example
 * const { header, records } = readCsv('id,area,size\r\nHH1,rural,"3"\nHH2,"urban, ward 2",2\n');
 * header //=> ['id', 'area', 'size']
 * records.map((r) => r.fields) //=> [['HH1', 'rural', '3'], ['HH2', 'urban, ward 2', '2']]
 */
export function readCsv(input: Uint8Array | string, options: CsvLimits = {}): { header: string[] | undefined; records: CsvRecord[] } {
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) {
    fail('INVALID_ROW', [], `the CSV input: expected text or bytes (a Uint8Array), received ${describeReceived(input)}`, input, 'text or bytes');
  }
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const cutter = new CsvCutter({ ...options, chunkBytes: Math.max(1, bytes.length) });
  let header: string[] | undefined;
  const records: CsvRecord[] = [];
  for (const piece of [...cutter.push(bytes), ...cutter.end()]) {
    if (piece.kind === 'header') header = piece.fields;
    else if (piece.kind === 'broken') records.push({ error: brokenRecordError(piece), fields: piece.fields });
    else forEachRecord(piece.bytes, 0, piece.bytes.length, (s, e) => records.push(readRecord(piece.bytes, s, e)));
  }
  return { header, records };
}

/**
 * Safe twin of {@link readCsv}: never throws, whatever its arguments; a header that cannot be read
 * is the error of the result.
 *
 * @example
 * const r = safeReadCsv(new Uint8Array([0x69, 0x64, 0xff, 0x0a]));
 * !r.success && r.error //=> { code: 'INVALID_ROW', path: [], message: 'the header row is not valid UTF-8 text', received: 'id\ufffd', expected: 'UTF-8 text' }
 * const ok = safeReadCsv('id,area\nHH1,rural\n');
 * ok.success && ok.data.header //=> ['id', 'area']
 */
export function safeReadCsv(input: Uint8Array | string, options: CsvLimits = {}): SafeResult<{ header: string[] | undefined; records: CsvRecord[] }> {
  return toSafe(() => readCsv(input, options));
}
