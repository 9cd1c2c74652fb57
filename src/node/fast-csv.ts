/**
 * The fast path for large CSV files of households at indicator level: rows are classified
 * straight from the bytes. A row qualifies when it is plainly valid (no quotes, the right number
 * of fields, area `rural`/`urban`, whole numbers for size and income, 0/1/empty indicator cells);
 * any other row goes to a handler for the general path (see `csv-general-rows`), which gives the
 * same results and the exact errors. Tests check both paths agree.
 *
 * This module needs no schema or parser, so that a worker thread starts with little to load.
 *
 * @module
 */
import type { Category, Decision } from '../rule.js';
import { incomeFields, type IncomeField } from '../income.js';
import type { Area } from '../standards/schema.js';
import type { OutputFormat } from './output.js';
import type { ColumnOptions } from '../columns.js';
import type { ByteWriter, ChunkClassifier, ChunkCounts } from './chunk-output.js';
import { isUtf8 } from 'node:buffer';
import { aboveNearPovertyStandard } from '../escape.js';
import { firstLineEnd, recordEnd } from '../csv/records.js';

const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const ZERO = 0x30;
const ONE = 0x31;

/** A header compiled for the fast path. */
export interface FastCsvPlan {
  /** For a file without an id column: the id of the next row (its record number), counted by the caller for a row it makes itself. */
  nextRowNumber(): string;
  /** Classifies the records in `bytes[start, end)` (whole records; the last may lack its line end) and appends their output. */
  classifyRows(bytes: Buffer, start: number, end: number, counts: ChunkCounts, out: ByteWriter): void;
}

/** A plan as a classifier of whole chunks (CSV records carry no line numbers). */
export function chunkClassifierOf(plan: FastCsvPlan): ChunkClassifier {
  return (bytes, _firstLine, counts, out) => plan.classifyRows(bytes, 0, bytes.length, counts, out);
}

/** The columns of a header, as the general row reader read them. */
export interface CsvLayout {
  /** What each column stands for: a field or indicator id, or (an attribute) its trimmed name. */
  readonly header: readonly string[];
  /** The header as the file has it, and the options it was read with (for a worker to read it again). */
  readonly source: readonly string[];
  readonly columnOptions: ColumnOptions;
  /** The columns that are indicators of the standard. */
  readonly indicatorColumns: readonly string[];
  /** The columns kept as attributes. */
  readonly attributeColumns: readonly string[];
  /** How many indicators of the standard have no column (undetermined in every row). */
  readonly missingIndicators: number;
  /** The file has no id column: each row's id is its record number (the header is record 1). */
  readonly rowNumbers: boolean;
}

/** What the fast path needs of a standard: its id and the rule on whole-đồng incomes. */
export interface FastDecider {
  readonly standardId: string;
  /** The review date, `YYYY-MM-DD` (a previous status must be recognised on or before it). */
  readonly reviewDate: string;
  decideNumber(area: Area, size: number, field: IncomeField, income: number, deprivationCount: number): Decision;
}

/**
 * Handles a row the fast path does not take (`bytes[start, end)`, without its line end): counts it
 * and appends its output; `rowId` is the id to give a row of a file without an id column.
 */
export type SlowRowHandler = (bytes: Uint8Array, start: number, end: number, counts: ChunkCounts, out: ByteWriter, rowId?: string) => void;

// Column roles, as small integers in a typed array: the hot loop stays monomorphic.
const ROLE_IGNORE = 0;
const ROLE_ID = 1;
const ROLE_AREA = 2;
const ROLE_SIZE = 3;
const ROLE_INCOME = 4;
const ROLE_INDICATOR = 5;
const ROLE_ZERO_ONLY = 6;
const ROLE_EMPTY_ONLY = 7;
const ROLE_PREVIOUS_CATEGORY = 8;
const ROLE_PREVIOUS_DATE = 9;

const PREVIOUS_NONE = 0;
const PREVIOUS_POOR = 1;
const PREVIOUS_NEAR_POOR = 2;
const POOR = Buffer.from('poor');
const NEAR_POOR = Buffer.from('near-poor');
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Whether `bytes[p, p + 10)` is a calendar date `YYYY-MM-DD` on or before `review` (its bytes). */
function dateOnOrBefore(bytes: Uint8Array, p: number, review: Uint8Array): boolean {
  let year = 0;
  let month = 0;
  let day = 0;
  for (let i = 0; i < 10; i++) {
    const b = bytes[p + i]!;
    if (i === 4 || i === 7) {
      if (b !== 0x2d) return false;
      continue;
    }
    const d = b - ZERO;
    if (d < 0 || d > 9) return false;
    if (i < 4) year = year * 10 + d;
    else if (i < 7) month = month * 10 + d;
    else day = day * 10 + d;
  }
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > DAYS_IN_MONTH[month - 1]! + (leap ? 1 : 0)) return false;
  for (let i = 0; i < 10; i++) {
    const a = bytes[p + i]!;
    const r = review[i]!;
    if (a !== r) return a < r;
  }
  return true;
}

const decoder = new TextDecoder();

/**
 * Compiles a header layout for the fast path of a standard, with the handler of the rows it does
 * not take.
 */
export function compileFastRows(layout: CsvLayout, decider: FastDecider, format: OutputFormat, slowRow: SlowRowHandler): FastCsvPlan {
  const names = layout.header;
  const own = new Set(layout.indicatorColumns);
  const attributes = new Set(layout.attributeColumns);
  const roles = Uint8Array.from(names, (n) => {
    if (n === 'id') return ROLE_ID;
    if (n === 'area') return ROLE_AREA;
    if (n === 'size') return ROLE_SIZE;
    if ((incomeFields as readonly string[]).includes(n)) return ROLE_INCOME;
    if (own.has(n)) return ROLE_INDICATOR;
    if (attributes.has(n)) return ROLE_IGNORE;
    if (n === 'previousCategory') return ROLE_PREVIOUS_CATEGORY;
    if (n === 'previousRecognizedOn') return ROLE_PREVIOUS_DATE;
    // A household that left its list at an earlier review takes the general path (its window is counted there).
    if (n === 'deprived' || n === 'leftListOn') return ROLE_EMPTY_ONLY;
    return ROLE_ZERO_ONLY; // an indicator column of another standard
  });
  // For each indicator column, how many indicator columns follow it in a row (itself included).
  const runOf = new Uint8Array(roles.length);
  for (let i = roles.length - 1; i >= 0; i--) runOf[i] = roles[i] === ROLE_INDICATOR ? Math.min(255, 1 + (runOf[i + 1] ?? 0)) : 0;
  const incomeFieldAt = names.map((n) => ((incomeFields as readonly string[]).includes(n) ? (n as IncomeField) : undefined));
  const width = roles.length;
  const standardId = decider.standardId;
  const encode = (text: string) => Buffer.from(text, 'utf8');
  // The end of each output row, by escape, category and deprivation count.
  const tails = (escaped: boolean) => {
    const csv: Record<Category, Buffer[]> = { poor: [], 'near-poor': [], average: [], none: [] };
    const json: Record<Category, Buffer[]> = { poor: [], 'near-poor': [], average: [], none: [] };
    for (const c of Object.keys(csv) as Category[]) {
      for (let k = 0; k <= width; k++) {
        csv[c].push(encode(`,${c},${k},${escaped},${standardId},,\n`));
        json[c].push(encode(`"category":"${c}","deprivationCount":${k},"newlyEscaped":${escaped},"standard":"${standardId}"}\n`));
      }
    }
    return { csv, json };
  };
  const stay = tails(false);
  const left = tails(true);
  const review = encode(decider.reviewDate);
  const jsonOpen = encode('{');
  const missing = layout.missingIndicators;
  const numbered = layout.rowNumbers;
  /** The record number of the last row (the header is record 1), for files without an id column. */
  let rowNumber = 1;
  const jsonIdOpen = encode('{"id":"');
  const jsonIdClose = encode('",');

  /**
   * Classifies the unquoted row that starts at `s` on the fast path, finding its end on the way.
   * Returns the index of its line feed (or `end`), or -1, having written nothing, when the row
   * must take the general path.
   */
  const fastRow = (bytes: Buffer, s: number, end: number, counts: ChunkCounts, out: ByteWriter): number => {
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
    let previous = PREVIOUS_NONE;
    let previousDated = false;
    let lineFeed: number;
    for (;;) {
      if (field >= fields) return -1;
      const role = roleOf[field]!;
      // After the switch, q is where the field ends: a comma, the line end, or a byte that disqualifies the row.
      let q = p;
      switch (role) {
        case ROLE_INDICATOR: {
          // A run of indicator columns at once: cells of 0, 1 or nothing, each but the last followed by a comma.
          const last = field + runOf[field]! - 1;
          for (; field < last; field++) {
            const b = bytes[q];
            if (b !== COMMA) {
              if (b === ONE) count++;
              else if (b !== ZERO) return -1;
              if (bytes[++q] !== COMMA) return -1;
            }
            q++;
          }
          const b = bytes[q];
          if (b === ONE) {
            count++;
            q++;
          } else if (b === ZERO) q++;
          break;
        }
        case ROLE_ZERO_ONLY:
          if (bytes[p] === ZERO) q++;
          break;
        case ROLE_EMPTY_ONLY:
          break;
        case ROLE_PREVIOUS_CATEGORY:
          if (bytes[p] === 0x70) {
            if (bytes.compare(POOR, 0, 4, p, p + 4) !== 0) return -1;
            previous = PREVIOUS_POOR;
            q = p + 4;
          } else if (bytes[p] === 0x6e) {
            if (bytes.compare(NEAR_POOR, 0, 9, p, p + 9) !== 0) return -1;
            previous = PREVIOUS_NEAR_POOR;
            q = p + 9;
          }
          break;
        case ROLE_PREVIOUS_DATE:
          if (q < end && bytes[p] !== COMMA && bytes[p] !== LF && bytes[p] !== CR) {
            if (p + 10 > end || !dateOnOrBefore(bytes, p, review)) return -1;
            previousDated = true;
            q = p + 10;
          }
          break;
        case ROLE_ID:
        case ROLE_IGNORE:
          while (q < end) {
            const b = bytes[q]!;
            if (b === COMMA || b === LF || b === CR) break;
            q++;
          }
          if (role === ROLE_ID) {
            idStart = p;
            idEnd = q;
          }
          break;
        case ROLE_AREA:
          if (bytes[p] === 0x72 && bytes[p + 1] === 0x75 && bytes[p + 2] === 0x72 && bytes[p + 3] === 0x61 && bytes[p + 4] === 0x6c) area = 'rural';
          else if (bytes[p] === 0x75 && bytes[p + 1] === 0x72 && bytes[p + 2] === 0x62 && bytes[p + 3] === 0x61 && bytes[p + 4] === 0x6e) area = 'urban';
          else return -1;
          q = p + 5;
          break;
        case ROLE_SIZE:
        case ROLE_INCOME: {
          let v = 0;
          while (q < end) {
            const d = bytes[q]! - ZERO;
            if (d < 0 || d > 9) break;
            v = v * 10 + d;
            q++;
          }
          const len = q - p;
          if (len > 15) return -1;
          if (role === ROLE_SIZE) {
            if (len === 0 || v < 1) return -1;
            size = v;
          } else if (len > 0) {
            if (incomeField !== undefined) return -1;
            income = v;
            incomeField = incomeFieldAt[field];
          }
          break;
        }
      }
      field++;
      if (q >= end) {
        if (q > end) return -1;
        lineFeed = end;
        break;
      }
      const t = bytes[q];
      if (t === COMMA) p = q + 1;
      else if (t === LF) {
        lineFeed = q;
        break;
      } else if (t === CR) {
        lineFeed = q;
        break;
      } else return -1;
    }
    if (field !== width || area === undefined || incomeField === undefined) return -1;
    // The previous category and its date go together (the general path words the error).
    if ((previous !== PREVIOUS_NONE) !== previousDated) return -1;
    const category = decider.decideNumber(area, size, incomeField, income, count).category;
    // Indicators without a column: the row takes the general path (and its error) when its category depends on them.
    if (missing > 0 && decider.decideNumber(area, size, incomeField, income, count + missing).category !== category) return -1;
    counts[category]++;
    // Newly escaped (Decision 28/2015/QĐ-TTg): was on a list, income now above the near-poverty
    // standard (read exactly from the category), and it leaves the list at this review.
    const escaped = previous !== PREVIOUS_NONE && aboveNearPovertyStandard(category);
    if (escaped) counts.newlyEscaped++;
    const csvTail = escaped ? left.csv : stay.csv;
    const jsonTail = escaped ? left.json : stay.json;
    if (numbered) {
      const id = String(++rowNumber);
      out.text(format === 'csv' ? id : `{"id":"${id}",`);
      out.encoded((format === 'csv' ? csvTail : jsonTail)[category][count]!);
      return lineFeed;
    }
    if (format === 'csv') {
      if (idStart >= 0) out.bytes(bytes, idStart, idEnd);
      out.encoded(csvTail[category][count]!);
      return lineFeed;
    }
    if (idStart < 0 || idEnd === idStart) out.encoded(jsonOpen);
    else {
      for (let i = idStart; i < idEnd; i++) {
        const b = bytes[i]!;
        if (b < 0x20 || b === 0x5c || b === QUOTE) {
          out.text(`{"id":${JSON.stringify(decoder.decode(bytes.subarray(idStart, idEnd)))},`);
          out.encoded(jsonTail[category][count]!);
          return lineFeed;
        }
      }
      out.encoded(jsonIdOpen);
      out.bytes(bytes, idStart, idEnd);
      out.encoded(jsonIdClose);
    }
    out.encoded(jsonTail[category][count]!);
    return lineFeed;
  };

  return {
    nextRowNumber: () => String(++rowNumber),
    classifyRows(bytes, start, end, counts, out) {
      const range = bytes.subarray(start, end);
      // Quotes change where records end; invalid UTF-8 makes a row an error: both are checked per record only when present.
      const quotes = range.indexOf(QUOTE) >= 0;
      const utf8 = isUtf8(range);
      let s = start;
      while (s < end) {
        const b = bytes[s];
        if (b === LF || b === CR) {
          s++; // an empty line, or the LF of a CR LF
          continue;
        }
        if (!quotes && utf8) {
          const lineEnd = fastRow(bytes, s, end, counts, out);
          if (lineEnd >= 0) {
            counts.rows++;
            s = lineEnd + 1;
            continue;
          }
        }
        let e = quotes ? recordEnd(bytes, s, end) : firstLineEnd(bytes, s, end);
        if (e < 0) e = end;
        const record = bytes.subarray(s, e);
        if ((quotes || !utf8) && (utf8 || isUtf8(record)) && record.indexOf(QUOTE) < 0 && fastRow(bytes, s, e, counts, out) >= 0) counts.rows++;
        else slowRow(bytes, s, e, counts, out, numbered ? String(++rowNumber) : undefined);
        s = e + 1;
      }
    },
  };
}
