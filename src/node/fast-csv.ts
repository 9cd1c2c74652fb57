/**
 * The fast path for large CSV files of households at indicator level: rows are classified
 * straight from the bytes. A row qualifies when it is plainly valid (no quotes, the right number
 * of fields, area `rural`/`urban`, whole numbers for size and income, 0/1/empty indicator cells);
 * any other row goes through the general row reader, which gives the same results and the exact
 * errors. Tests check both paths agree.
 *
 * @module
 */
import Papa from 'papaparse';
import type { BatchClassifier, BatchRow } from '../batch.js';
import { incomeFields, type IncomeField } from '../household.js';
import type { Category } from '../rule.js';
import { createRowReader, type RowReader } from '../tabular.js';
import { rowToCsv, rowToJsonl, type OutputFormat } from './output.js';

const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const ZERO = 0x30;
const ONE = 0x31;

/** Counts of a processed chunk. */
export interface ChunkCounts {
  rows: number;
  invalid: number;
  newlyEscaped: number;
  poor: number;
  'near-poor': number;
  average: number;
  none: number;
}

/** A growing byte buffer for output. */
export class ByteWriter {
  private buf: Buffer;
  private pos = 0;
  constructor(size = 1 << 16) {
    this.buf = Buffer.allocUnsafe(size);
  }
  private ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + extra) size *= 2;
    const next = Buffer.allocUnsafe(size);
    this.buf.copy(next, 0, 0, this.pos);
    this.buf = next;
  }
  /** Appends bytes. */
  bytes(src: Buffer, start: number, end: number): void {
    const length = end - start;
    this.ensure(length);
    if (length < 32) {
      // Short runs (ids) are cheaper byte by byte than through a native copy.
      const buf = this.buf;
      let at = this.pos;
      for (let i = start; i < end; i++) buf[at++] = src[i]!;
    } else src.copy(this.buf, this.pos, start, end);
    this.pos += length;
  }
  /** Appends pre-encoded bytes. */
  encoded(src: Buffer): void {
    this.ensure(src.length);
    this.buf.set(src, this.pos);
    this.pos += src.length;
  }
  /** Appends text as UTF-8. */
  text(text: string): void {
    this.ensure(text.length * 3);
    this.pos += this.buf.write(text, this.pos, 'utf8');
  }
  get length(): number {
    return this.pos;
  }
  /** The bytes written (a view; copy before reusing the writer). */
  result(): Buffer {
    return this.buf.subarray(0, this.pos);
  }
}

/** A header compiled for the fast path. */
export interface FastCsvPlan {
  /** Classifies the rows in `bytes[start, end)` (complete rows; the last may lack its line feed) and appends their output. */
  classifyRows(bytes: Buffer, start: number, end: number, counts: ChunkCounts, out: ByteWriter): void;
  readonly reader: RowReader;
}

/** Fresh counts. */
export function emptyCounts(): ChunkCounts {
  return { rows: 0, invalid: 0, newlyEscaped: 0, poor: 0, 'near-poor': 0, average: 0, none: 0 };
}

/** Adds counts into a total. */
export function addCounts(total: ChunkCounts, part: ChunkCounts): void {
  for (const key of Object.keys(total) as (keyof ChunkCounts)[]) total[key] += part[key];
}

// Column roles, as small integers in a typed array: the hot loop stays monomorphic.
const ROLE_IGNORE = 0;
const ROLE_ID = 1;
const ROLE_AREA = 2;
const ROLE_SIZE = 3;
const ROLE_INCOME = 4;
const ROLE_INDICATOR = 5;
const ROLE_ZERO_ONLY = 6;
const ROLE_EMPTY_ONLY = 7;

const decoder = new TextDecoder();

/** Compiles a CSV header (already split into names) for a standard and review date. */
export function compileFastCsv(header: readonly string[], batch: BatchClassifier, format: OutputFormat): FastCsvPlan {
  const reader = createRowReader(header, batch);
  const names = reader.header;
  const own = new Set(reader.indicatorColumns);
  const attributes = new Set(reader.attributeColumns);
  const roles = Uint8Array.from(names, (n) => {
    if (n === 'id') return ROLE_ID;
    if (n === 'area') return ROLE_AREA;
    if (n === 'size') return ROLE_SIZE;
    if ((incomeFields as readonly string[]).includes(n)) return ROLE_INCOME;
    if (own.has(n)) return ROLE_INDICATOR;
    if (attributes.has(n)) return ROLE_IGNORE;
    if (n === 'deprived' || n === 'previousCategory' || n === 'previousRecognizedOn') return ROLE_EMPTY_ONLY;
    return ROLE_ZERO_ONLY; // an indicator column of another standard
  });
  const incomeFieldAt = names.map((n) => ((incomeFields as readonly string[]).includes(n) ? (n as IncomeField) : undefined));
  const width = roles.length;
  const standardId = batch.standard.id;
  const write = format === 'csv' ? rowToCsv : rowToJsonl;
  const encode = (text: string) => Buffer.from(text, 'utf8');
  const csvTail: Record<Category, Buffer[]> = { poor: [], 'near-poor': [], average: [], none: [] };
  const jsonTail: Record<Category, Buffer[]> = { poor: [], 'near-poor': [], average: [], none: [] };
  for (const c of Object.keys(csvTail) as Category[]) {
    for (let k = 0; k <= width; k++) {
      csvTail[c].push(encode(`,${c},${k},false,${standardId},,\n`));
      jsonTail[c].push(encode(`"category":"${c}","deprivationCount":${k},"newlyEscaped":false,"standard":"${standardId}"}\n`));
    }
  }
  const jsonOpen = encode('{');
  const jsonIdOpen = encode('{"id":"');
  const jsonIdClose = encode('",');

  const slowRow = (bytes: Uint8Array, s: number, e: number, counts: ChunkCounts, out: ByteWriter) => {
    const text = decoder.decode(bytes.subarray(s, e));
    const fields = Papa.parse<string[]>(text, { skipEmptyLines: false }).data[0] ?? [''];
    const row: BatchRow = reader.classify(fields);
    tally(row, counts);
    out.text(write(row));
  };

  /** Classifies one unquoted row on the fast path; false when it must take the general path. */
  const fastRow = (bytes: Buffer, s: number, rowEnd: number, counts: ChunkCounts, out: ByteWriter): boolean => {
    const roleOf = roles; // locals, not context slots, in the hot loop
    const fields = width;
    let field = 0;
    let p = s;
    let idStart = -1;
    let idEnd = -1;
    let area: 'rural' | 'urban' | undefined;
    let size = 0;
    let income = -1;
    let incomeField: IncomeField | undefined;
    let count = 0;
    for (;;) {
      if (field >= fields) return false;
      const role = roleOf[field]!;
      let q = p;
      switch (role) {
        case ROLE_INDICATOR: {
          const b = bytes[p];
          if (p < rowEnd && b !== COMMA) {
            if (b === ONE) count++;
            else if (b !== ZERO) return false;
            q = p + 1;
            if (q < rowEnd && bytes[q] !== COMMA) return false;
          }
          break;
        }
        case ROLE_ZERO_ONLY:
          if (p < rowEnd && bytes[p] !== COMMA) {
            if (bytes[p] !== ZERO) return false;
            q = p + 1;
            if (q < rowEnd && bytes[q] !== COMMA) return false;
          }
          break;
        case ROLE_EMPTY_ONLY:
          if (p < rowEnd && bytes[p] !== COMMA) return false;
          break;
        case ROLE_ID:
        case ROLE_IGNORE:
          while (q < rowEnd && bytes[q] !== COMMA) q++;
          if (role === ROLE_ID) {
            idStart = p;
            idEnd = q;
          }
          break;
        case ROLE_AREA:
          while (q < rowEnd && bytes[q] !== COMMA) q++;
          if (q - p !== 5) return false;
          if (bytes[p] === 0x72 && bytes[p + 1] === 0x75 && bytes[p + 2] === 0x72 && bytes[p + 3] === 0x61 && bytes[p + 4] === 0x6c) area = 'rural';
          else if (bytes[p] === 0x75 && bytes[p + 1] === 0x72 && bytes[p + 2] === 0x62 && bytes[p + 3] === 0x61 && bytes[p + 4] === 0x6e) area = 'urban';
          else return false;
          break;
        case ROLE_SIZE:
        case ROLE_INCOME: {
          let v = 0;
          while (q < rowEnd) {
            const d = bytes[q]! - ZERO;
            if (d < 0 || d > 9) break;
            v = v * 10 + d;
            q++;
          }
          if (q < rowEnd && bytes[q] !== COMMA) return false;
          const len = q - p;
          if (len > 15) return false;
          if (role === ROLE_SIZE) {
            if (len === 0 || v < 1) return false;
            size = v;
          } else if (len > 0) {
            if (incomeField !== undefined) return false;
            income = v;
            incomeField = incomeFieldAt[field];
          }
          break;
        }
      }
      field++;
      if (q >= rowEnd) break;
      p = q + 1;
    }
    if (field !== width || area === undefined || incomeField === undefined) return false;
    const category = batch.decideNumber(area, size, incomeField, income, count).category;
    counts[category]++;
    if (format === 'csv') {
      if (idStart >= 0) out.bytes(bytes, idStart, idEnd);
      out.encoded(csvTail[category][count]!);
      return true;
    }
    if (idStart < 0 || idEnd === idStart) out.encoded(jsonOpen);
    else {
      for (let i = idStart; i < idEnd; i++) {
        const b = bytes[i]!;
        if (b < 0x20 || b === 0x5c) {
          out.text(`{"id":${JSON.stringify(decoder.decode(bytes.subarray(idStart, idEnd)))},`);
          out.encoded(jsonTail[category][count]!);
          return true;
        }
      }
      out.encoded(jsonIdOpen);
      out.bytes(bytes, idStart, idEnd);
      out.encoded(jsonIdClose);
    }
    out.encoded(jsonTail[category][count]!);
    return true;
  };

  return {
    reader,
    classifyRows(bytes, start, end, counts, out) {
      const unquoted = bytes.indexOf(QUOTE, start) < 0 || bytes.indexOf(QUOTE, start) >= end;
      let s = start;
      while (s < end) {
        let e: number;
        let quoted = false;
        if (unquoted) {
          e = bytes.indexOf(LF, s);
          if (e < 0 || e > end) e = end;
        } else {
          // A quoted field may hold a line feed: find the row's end honouring quotes.
          let inQuotes = false;
          e = s;
          while (e < end) {
            const b = bytes[e]!;
            if (b === QUOTE) {
              quoted = true;
              inQuotes = !inQuotes;
            } else if (b === LF && !inQuotes) break;
            e++;
          }
        }
        const next = e + 1;
        let rowEnd = e;
        if (rowEnd > s && bytes[rowEnd - 1] === CR) rowEnd--;
        if (rowEnd > s) {
          counts.rows++;
          if (quoted || !fastRow(bytes, s, rowEnd, counts, out)) slowRow(bytes, s, rowEnd, counts, out);
        }
        s = next;
      }
    },
  };
}

function tally(row: BatchRow, counts: ChunkCounts): void {
  if ('error' in row) counts.invalid++;
  else {
    counts[row.category]++;
    if (row.newlyEscaped) counts.newlyEscaped++;
  }
}

/** The end (exclusive) of the last complete row in `bytes[start, end)`: just past its line feed, or `start` if none. */
export function lastRowBoundary(bytes: Uint8Array, start: number, end: number): number {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const quote = view.indexOf(QUOTE, start);
  if (quote < 0 || quote >= end) {
    const lf = view.lastIndexOf(LF, end - 1);
    return lf < start ? start : lf + 1;
  }
  let inQuotes = false;
  let boundary = start;
  for (let i = start; i < end; i++) {
    const b = bytes[i];
    if (b === QUOTE) inQuotes = !inQuotes;
    else if (b === LF && !inQuotes) boundary = i + 1;
  }
  return boundary;
}
