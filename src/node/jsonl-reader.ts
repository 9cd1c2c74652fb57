/**
 * Reading JSON Lines as a stream of batches: one JSON value per line, blank lines skipped, a
 * UTF-8 byte-order mark (at the start of the file) and CRLF line ends accepted. A line that is
 * not JSON, not UTF-8, longer than the longest record or nested too deep becomes an error entry,
 * so it still yields exactly one output row, and reading goes on. Memory holds one line at most
 * (bounded by the longest record).
 *
 * @module
 */
import type { Readable } from 'node:stream';
import { defaultMaxRecordBytes } from '../csv/records.js';
import { defaultMaxDepth } from '../json-depth.js';
import { jsonLineBytesEntry, lineTooLong, type JsonlEntry, type JsonlLimits } from '../json-records.js';

export { jsonLineBytesEntry, jsonLineEntry, lineTooDeep, lineTooLong, type JsonlEntry, type JsonlLimits } from '../json-records.js';

/** A batch of entries. */
export interface JsonlBatch {
  readonly entries: JsonlEntry[];
}

const LF = 0x0a;

/**
 * Cuts a JSON Lines byte stream into pieces of whole lines (about `chunkBytes` each) and lines
 * too long to hold, in file order; `firstLine` is the 1-based number of a piece's first line.
 * A byte-order mark at the start of the file is dropped.
 */
export async function* readJsonlPieces(
  input: Readable | AsyncIterable<Uint8Array | string>,
  options: { readonly chunkBytes?: number; readonly maxRecordBytes?: number } = {},
): AsyncGenerator<{ readonly bytes: Uint8Array; readonly firstLine: number } | { readonly tooLong: number }, void, undefined> {
  const chunkBytes = Math.max(1, options.chunkBytes ?? 1 << 20);
  const limit = options.maxRecordBytes ?? defaultMaxRecordBytes;
  let carry: Buffer = Buffer.alloc(0);
  let line = 1;
  let skipping = false;
  let first = true;
  const lineFeeds = (b: Uint8Array) => {
    let n = 0;
    for (let i = b.indexOf(LF); i >= 0; i = b.indexOf(LF, i + 1)) n++;
    return n;
  };
  for await (const read of input as AsyncIterable<Uint8Array | string>) {
    let chunk: Buffer = typeof read === 'string' ? Buffer.from(read) : Buffer.from(read.buffer, read.byteOffset, read.byteLength);
    if (skipping) {
      const lf = chunk.indexOf(LF);
      if (lf < 0) continue;
      chunk = chunk.subarray(lf + 1);
      skipping = false;
      line++;
    }
    let data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
    if (first) {
      if (data.length < 3 && data.length === [0xef, 0xbb, 0xbf].slice(0, data.length).filter((b, i) => data[i] === b).length) {
        carry = data;
        continue;
      }
      if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) data = data.subarray(3);
      first = false;
    }
    // Pieces of about chunkBytes, each ending after a line feed (a longer line makes a longer piece).
    let offset = 0;
    for (;;) {
      if (data.length - offset < chunkBytes) {
        const lf = data.lastIndexOf(LF);
        if (lf < offset) break;
        yield { bytes: data.subarray(offset, lf + 1), firstLine: line };
        line += lineFeeds(data.subarray(offset, lf + 1));
        offset = lf + 1;
        break;
      }
      let boundary = data.lastIndexOf(LF, offset + chunkBytes - 1) + 1;
      if (boundary <= offset) boundary = data.indexOf(LF, offset + chunkBytes) + 1;
      if (boundary <= offset) break;
      yield { bytes: data.subarray(offset, boundary), firstLine: line };
      line += lineFeeds(data.subarray(offset, boundary));
      offset = boundary;
    }
    carry = data.subarray(offset);
    if (carry.length > limit + 1) {
      // A line that has not ended within the limit: one error row, then skip to its end.
      yield { tooLong: line };
      carry = Buffer.alloc(0);
      skipping = true;
    }
  }
  if (!skipping && carry.length) yield { bytes: carry, firstLine: line };
}

/**
 * Parses JSON Lines from a readable stream into batches (every line's value depth-checked).
 *
 * @example
 * const ids = [];
 * for await (const { entries } of readJsonlBatches(fs.createReadStream('examples/roster.jsonl'))) {
 *   for (const entry of entries) ids.push('error' in entry ? entry.error.code : (entry.value as { id: string }).id);
 * }
 * ids.slice(0, 2) //=> ['HH001', 'HH002']
 */
export async function* readJsonlBatches(input: Readable, limits: JsonlLimits = {}): AsyncGenerator<JsonlBatch, void, undefined> {
  const maxBytes = limits.maxRecordBytes ?? defaultMaxRecordBytes;
  const checked = { maxRecordBytes: maxBytes, maxDepth: limits.maxDepth ?? defaultMaxDepth };
  for await (const piece of readJsonlPieces(input, { maxRecordBytes: maxBytes })) {
    if ('tooLong' in piece) {
      yield { entries: [{ error: lineTooLong(piece.tooLong, maxBytes) }] };
      continue;
    }
    const entries: JsonlEntry[] = [];
    const { bytes } = piece;
    let line = piece.firstLine;
    for (let s = 0; s < bytes.length; line++) {
      let e = bytes.indexOf(LF, s);
      if (e < 0) e = bytes.length;
      const entry = jsonLineBytesEntry(bytes, s, e, line, checked);
      if (entry) entries.push(entry);
      s = e + 1;
    }
    if (entries.length) yield { entries };
  }
}
