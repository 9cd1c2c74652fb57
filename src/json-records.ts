/**
 * JSON records, whatever reads them (the command line's streams, the review page's whole file):
 * a line of JSON Lines as its value or the error that reading it raised, a JSON array's elements,
 * and a record classified as `chuan-ngheo classify` classifies it. Pure: it runs in a browser.
 *
 * @module
 */
import type { BatchClassifier, BatchRow } from './batch.js';
import { defaultMaxRecordBytes } from './csv/records.js';
import { describeReceived, type ErrorDetail } from './errors.js';
import { defaultMaxDepth, nestsDeeperThan } from './json-depth.js';

/** A parsed line: its value, or the error that reading it raised. */
export type JsonlEntry = { readonly value: unknown } | { readonly error: ErrorDetail };

/** Limits of the JSON Lines readers. */
export interface JsonlLimits {
  /** The longest line, in bytes without its line end (default 1 MiB). */
  readonly maxRecordBytes?: number;
  /** The deepest nesting of a line's value (default 64). */
  readonly maxDepth?: number;
}

const CR = 0x0d;
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The error of a line longer than the limit. */
export function lineTooLong(line: number, limit: number): ErrorDetail {
  return { code: 'RECORD_TOO_LONG', path: [], message: `line ${line} is longer than ${limit} bytes (the longest record read); it is skipped`, expected: 'a line within the limit' };
}

/** The error of a line nested deeper than the limit. */
export function lineTooDeep(line: number, limit: number): ErrorDetail {
  return { code: 'NESTING_TOO_DEEP', path: [], message: `line ${line} nests arrays or objects more than ${limit} levels deep`, expected: `at most ${limit} levels` };
}

/**
 * One line of JSON Lines (without its line feed; a CR before it is dropped): its value, or the
 * error that reading it raised; `undefined` for a blank line. `line` is its 1-based number.
 * `checkDepth` measures the nesting of the value (callers that only meet deep values in records
 * that fail anyway may check those alone).
 */
export function jsonLineEntry(text: string, line: number, maxDepth?: number): JsonlEntry | undefined {
  const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
  if (trimmed.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    return {
      error: { code: 'INVALID_ROW', path: [], message: `line ${line} is not valid JSON: ${(error as Error).message}`, received: trimmed.length > 60 ? `${trimmed.slice(0, 57)}...` : trimmed },
    };
  }
  if (maxDepth !== undefined && nestsDeeperThan(value, maxDepth)) return { error: lineTooDeep(line, maxDepth) };
  return { value };
}

/** One line given as bytes (`bytes[start, end)`, without its LF): as {@link jsonLineEntry}, with the length and UTF-8 checked. */
export function jsonLineBytesEntry(bytes: Uint8Array, start: number, end: number, line: number, limits: JsonlLimits = {}): JsonlEntry | undefined {
  const maxBytes = limits.maxRecordBytes ?? defaultMaxRecordBytes;
  let e = end;
  if (e > start && bytes[e - 1] === CR) e--;
  if (e - start > maxBytes) return { error: lineTooLong(line, maxBytes) };
  let text: string;
  try {
    text = strict.decode(bytes.subarray(start, e));
  } catch {
    return { error: { code: 'INVALID_ENCODING', path: [], message: `line ${line} is not valid UTF-8 text; save the file as UTF-8`, expected: 'UTF-8 text' } };
  }
  return jsonLineEntry(text, line, limits.maxDepth === undefined ? undefined : limits.maxDepth);
}

/** Deeper than any valid record (survey record → members → member → list). */
const SHALLOW = 8;

/**
 * A JSON Lines record classified as `chuan-ngheo classify` classifies it: its reading error, or
 * its classification; a record nested deeper than `maxDepth` is an error (measured, under the
 * usual limits, only for a record that fails: records that pass the schema nest a few levels).
 */
export function classifyJsonLine(entry: JsonlEntry, line: number, batch: BatchClassifier, maxDepth: number = defaultMaxDepth): BatchRow {
  if ('error' in entry) return { error: entry.error };
  let row: BatchRow;
  try {
    row = batch.classify(entry.value);
  } catch {
    row = { error: { code: 'INVALID_ROW', path: [], message: `line ${line} could not be classified` } };
  }
  if ((maxDepth < SHALLOW || 'error' in row) && nestsDeeperThan(entry.value, maxDepth)) row = { error: lineTooDeep(line, maxDepth) };
  return row;
}

/**
 * The records of a JSON file holding an array (its text, a byte-order mark dropped): one entry per
 * element, or one error entry for text that is not JSON, or JSON that is not an array.
 */
export function jsonArrayEntries(text: string): JsonlEntry[] {
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    return [{ error: { code: 'INVALID_ROW', path: [], message: `the file is not valid JSON: ${(error as Error).message}` } }];
  }
  if (!Array.isArray(value)) return [{ error: { code: 'INVALID_ROW', path: [], message: `the file: expected a JSON array of records, received ${describeReceived(value)}`, received: typeof value } }];
  return value.map((v) => ({ value: v }));
}
