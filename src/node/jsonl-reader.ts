/**
 * Reading JSON Lines as a stream of batches: one JSON value per line, blank lines skipped, a
 * UTF-8 byte-order mark and CRLF line ends accepted. A line that is not JSON becomes an error
 * entry, so it still yields exactly one output row.
 *
 * @module
 */
import type { Readable } from 'node:stream';
import type { ErrorDetail } from '../errors.js';

/** A parsed line: its value, or the error that reading it raised. */
export type JsonlEntry = { readonly value: unknown } | { readonly error: ErrorDetail };

/** A batch of entries; `firstLine` is the 1-based line number of the first. */
export interface JsonlBatch {
  readonly entries: JsonlEntry[];
}

/**
 * One line of JSON Lines (without its line feed; a CR before it is dropped): its value, or the
 * error that reading it raised; `undefined` for a blank line. `line` is its 1-based number.
 */
export function jsonLineEntry(text: string, line: number): JsonlEntry | undefined {
  const trimmed = text.endsWith('\r') ? text.slice(0, -1) : text;
  if (trimmed.trim() === '') return undefined;
  try {
    return { value: JSON.parse(trimmed) };
  } catch (error) {
    return {
      error: { code: 'INVALID_ROW', path: [], message: `line ${line} is not valid JSON: ${(error as Error).message}`, received: trimmed.length > 60 ? `${trimmed.slice(0, 57)}...` : trimmed },
    };
  }
}

/** Parses JSON Lines from a readable stream into batches. */
export async function* readJsonlBatches(input: Readable): AsyncGenerator<JsonlBatch, void, undefined> {
  input.setEncoding('utf8');
  let carry = '';
  let line = 0;
  let first = true;
  const parseLine = (text: string, entries: JsonlEntry[]) => {
    const entry = jsonLineEntry(text, ++line);
    if (entry) entries.push(entry);
  };
  for await (const chunk of input as AsyncIterable<string>) {
    let text = carry + chunk;
    if (first) {
      if (text.startsWith('\uFEFF')) text = text.slice(1);
      first = false;
    }
    const entries: JsonlEntry[] = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      parseLine(text.slice(start, nl), entries);
      start = nl + 1;
    }
    carry = text.slice(start);
    if (entries.length) yield { entries };
  }
  if (carry !== '') {
    const entries: JsonlEntry[] = [];
    parseLine(carry, entries);
    if (entries.length) yield { entries };
  }
}
