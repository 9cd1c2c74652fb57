/**
 * Reads a CSV survey into an {@link AfTable} for the Alkire-Foster measures, straight from the
 * bytes where a record is plain (no quotes): 0/1 cells are read as bytes, a decimal weight as a
 * number, and a name cell equal to the same cell of the row before is not decoded again. Any
 * other record is read by the general rules of `csv/records` (one definition of CSV), so both
 * give the same table; a test checks it.
 *
 * @module
 */
import type { Readable } from 'node:stream';
import { brokenRecordError, forEachRecord, readRecord } from '../csv/records.js';
import { fail } from '../errors.js';
import type { AfTableBuilder } from '../analytics/af-table.js';
import { readCsvPieces } from './csv-pieces.js';

const COMMA = 0x2c;
const QUOTE = 0x22;
const ZERO = 0x30;
const ONE = 0x31;
const DOT = 0x2e;
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * What the reader does with the header: returns the builder, the column position of each of the
 * builder's values in order, how many of them (the first) are indicators, and which is the weight.
 */
export type AfHeaderHandler = (header: string[]) => { builder: AfTableBuilder; positions: readonly number[]; indicators: number; weightAt: number | undefined };

/** A decimal cell (digits, at most one point, at most 15 digits) as the number `Number(text)` gives, else undefined. */
function decimalAt(bytes: Uint8Array, start: number, end: number): number | undefined {
  let whole = 0;
  let digits = 0;
  let places = -1;
  for (let i = start; i < end; i++) {
    const b = bytes[i]!;
    if (b === DOT) {
      if (places >= 0) return undefined;
      places = 0;
      continue;
    }
    const v = b - ZERO;
    if (v < 0 || v > 9) return undefined;
    whole = whole * 10 + v;
    digits++;
    if (places >= 0) places++;
  }
  if (digits === 0 || digits > 15) return undefined;
  // Both exact, so the quotient is the correctly rounded value of the decimal, as Number() reads it.
  return places > 0 ? whole / 10 ** places : whole;
}

/**
 * Reads the CSV `source` into the builder the header handler makes; `onRows(count)` after each
 * piece, for progress. Record numbers count the header as record 1.
 *
 * @throws {ChuanNgheoError} for a record that cannot be read (`INVALID_ROW`, `RECORD_TOO_LONG`,
 * `INVALID_ENCODING`), a record with another number of fields than the header, and whatever the
 * builder refuses; each names its record.
 */
export async function readAfCsv(source: Readable, onHeader: AfHeaderHandler, onRows: (count: number) => void = () => {}): Promise<AfTableBuilder | undefined> {
  let builder: AfTableBuilder | undefined;
  let positions: readonly number[] = [];
  let columns = 0;
  let record = 1;
  let values: unknown[] = [];
  // Per wanted column: whether it is read as a 0/1 byte, a number, or a name; and the last name's bytes.
  let kinds: ('flag' | 'number' | 'name')[] = [];
  let lastBytes: Uint8Array[] = [];
  let lastText: string[] = [];
  const starts = new Int32Array(4096);
  const ends = new Int32Array(4096);
  for await (const piece of readCsvPieces(source)) {
    if (piece.kind === 'header') {
      const made = onHeader(piece.fields);
      builder = made.builder;
      positions = made.positions;
      columns = piece.fields.length;
      values = new Array<unknown>(positions.length);
      kinds = positions.map((_, c) => (c < made.indicators ? 'flag' : c === made.weightAt ? 'number' : 'name'));
      lastBytes = positions.map(() => new Uint8Array(0));
      lastText = positions.map(() => '');
      continue;
    }
    if (!builder) return undefined;
    if (piece.kind === 'broken') {
      record++;
      const error = brokenRecordError(piece);
      fail(error.code, ['rows', record], `record ${record}: ${error.message}`);
    }
    const bytes = (piece as { bytes: Uint8Array }).bytes;
    forEachRecord(bytes, 0, bytes.length, (s, e) => {
      record++;
      let end = e;
      if (end > s && bytes[end - 1] === 0x0d) end--;
      // Plain records: the fields' bounds by their commas.
      let plain = columns <= starts.length && bytes.subarray(s, end).indexOf(QUOTE) < 0;
      let count = 0;
      if (plain) {
        let at = s;
        for (let i = s; i <= end; i++) {
          if (i === end || bytes[i] === COMMA) {
            if (count < starts.length) {
              starts[count] = at;
              ends[count] = i;
            }
            count++;
            at = i + 1;
          }
        }
        if (count !== columns) plain = false;
      }
      if (plain) {
        for (let c = 0; c < positions.length; c++) {
          const p = positions[c]!;
          const a = starts[p]!;
          const b = ends[p]!;
          const kind = kinds[c]!;
          if (kind === 'flag' && b - a === 1 && (bytes[a] === ZERO || bytes[a] === ONE)) {
            values[c] = bytes[a]! - ZERO;
            continue;
          }
          if (kind === 'number') {
            const v = decimalAt(bytes, a, b);
            if (v !== undefined) {
              values[c] = v;
              continue;
            }
          }
          if (kind === 'name') {
            const last = lastBytes[c]!;
            let same = last.length === b - a;
            for (let i = 0; same && i < last.length; i++) same = last[i] === bytes[a + i];
            if (same) {
              values[c] = lastText[c]!;
              continue;
            }
          }
          let text: string;
          try {
            text = decoder.decode(bytes.subarray(a, b));
          } catch {
            plain = false;
            break;
          }
          if (kind === 'name') {
            lastBytes[c] = bytes.slice(a, b);
            lastText[c] = text;
          }
          values[c] = text;
        }
      }
      if (!plain) {
        const r = readRecord(bytes, s, e);
        if ('error' in r) fail(r.error.code, ['rows', record], `record ${record}: ${r.error.message}`, r.error.received);
        if (r.fields.length !== columns) fail('INVALID_ROW', ['rows', record], `record ${record} has ${r.fields.length} fields for ${columns} columns`, r.fields.length);
        for (let c = 0; c < positions.length; c++) values[c] = r.fields[positions[c]!]!;
      }
      builder!.add(values, record);
    });
    onRows(record - 1);
  }
  return builder;
}
