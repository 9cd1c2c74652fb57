/**
 * Classifying a chunk of JSON Lines (whole lines, as bytes): each line is read as one household
 * or survey record and classified, one output row per non-blank line, errors included, exactly as
 * the streaming reader does.
 *
 * @module
 */
import type { BatchClassifier, BatchRow } from '../batch.js';
import { tallyRow, type ByteWriter, type ChunkCounts } from './chunk-output.js';
import { jsonLineEntry } from './jsonl-reader.js';
import { rowToCsv, rowToJsonl, type OutputFormat } from './output.js';

// A byte-order mark is dropped only at the start of the file, by the caller; inside, it is data.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Classifies the lines of `bytes`; `firstLine` is the 1-based number of its first line (for error messages). */
export function classifyJsonlChunk(bytes: Uint8Array, firstLine: number, batch: BatchClassifier, format: OutputFormat, counts: ChunkCounts, out: ByteWriter): void {
  const text = decoder.decode(bytes);
  const write = format === 'csv' ? rowToCsv : rowToJsonl;
  let line = firstLine;
  for (let start = 0; start < text.length; line++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const entry = jsonLineEntry(text.slice(start, end), line);
    start = end + 1;
    if (entry === undefined) continue;
    const row: BatchRow = 'error' in entry ? { error: entry.error } : batch.classify(entry.value);
    tallyRow(row, counts);
    out.text(write(row));
  }
}
