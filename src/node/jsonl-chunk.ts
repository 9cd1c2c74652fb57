/**
 * Classifying a chunk of JSON Lines (whole lines, as bytes): each line is read as one household
 * or survey record and classified, one output row per non-blank line, errors included, exactly as
 * the streaming reader does.
 *
 * @module
 */
import { isUtf8 } from 'node:buffer';
import type { BatchClassifier, BatchRow } from '../batch.js';
import { defaultMaxRecordBytes } from '../csv/records.js';
import { defaultMaxDepth } from '../json-depth.js';
import { tallyRow, type ByteWriter, type ChunkCounts } from './chunk-output.js';
import { classifyJsonLine, jsonLineBytesEntry, jsonLineEntry, lineTooLong, type JsonlEntry, type JsonlLimits } from '../json-records.js';
import { rowToCsv, rowToJsonl, type OutputFormat } from './output.js';

// A byte-order mark is dropped only at the start of the file, by the caller; inside, it is data.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const LF = 0x0a;

/** Classifies the lines of `bytes`; `firstLine` is the 1-based number of its first line (for error messages). */
export function classifyJsonlChunk(bytes: Uint8Array, firstLine: number, batch: BatchClassifier, format: OutputFormat, counts: ChunkCounts, out: ByteWriter, limits: JsonlLimits = {}): void {
  const write = format === 'csv' ? rowToCsv : rowToJsonl;
  const maxBytes = limits.maxRecordBytes ?? defaultMaxRecordBytes;
  const maxDepth = limits.maxDepth ?? defaultMaxDepth;
  const emit = (entry: JsonlEntry, line: number) => {
    const row: BatchRow = classifyJsonLine(entry, line, batch, maxDepth);
    tallyRow(row, counts);
    out.text(write(row));
  };
  let line = firstLine;
  if (isUtf8(bytes)) {
    const text = decoder.decode(bytes);
    for (let start = 0; start < text.length; line++) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const lineText = text.slice(start, end);
      start = end + 1;
      if (lineText.length * 3 > maxBytes && Buffer.byteLength(lineText.endsWith('\r') ? lineText.slice(0, -1) : lineText) > maxBytes) {
        emit({ error: lineTooLong(line, maxBytes) }, line);
        continue;
      }
      const entry = jsonLineEntry(lineText, line);
      if (entry !== undefined) emit(entry, line);
    }
    return;
  }
  for (let s = 0; s < bytes.length; line++) {
    let e = bytes.indexOf(LF, s);
    if (e < 0) e = bytes.length;
    const entry = jsonLineBytesEntry(bytes, s, e, line, { maxRecordBytes: maxBytes });
    s = e + 1;
    if (entry !== undefined) emit(entry, line);
  }
}
