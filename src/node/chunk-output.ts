/**
 * What classifying a chunk of a file produces: its output bytes and its counts.
 *
 * @module
 */
import type { BatchRow } from '../batch.js';

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

/**
 * A growing byte buffer for output. Its memory is its own, never Node's shared buffer pool, so the
 * `buffer` of its {@link ByteWriter.result} can be transferred to another thread.
 */
export class ByteWriter {
  private buf: Buffer;
  private pos = 0;
  constructor(size = 1 << 16) {
    this.buf = Buffer.allocUnsafeSlow(size);
  }
  private ensure(extra: number): void {
    if (this.pos + extra <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + extra) size *= 2;
    const next = Buffer.allocUnsafeSlow(size);
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

/** Fresh counts. */
export function emptyCounts(): ChunkCounts {
  return { rows: 0, invalid: 0, newlyEscaped: 0, poor: 0, 'near-poor': 0, average: 0, none: 0 };
}

/** Adds counts into a total. */
export function addCounts(total: ChunkCounts, part: ChunkCounts): void {
  for (const key of Object.keys(total) as (keyof ChunkCounts)[]) total[key] += part[key];
}

/** Counts one classified row. */
export function tallyRow(row: BatchRow, counts: ChunkCounts): void {
  counts.rows++;
  if ('error' in row) counts.invalid++;
  else {
    counts[row.category]++;
    if (row.newlyEscaped) counts.newlyEscaped++;
  }
}

/** A classified chunk: its output and its counts. */
export interface ChunkResult {
  readonly bytes: Uint8Array;
  readonly counts: ChunkCounts;
}

/** Classifies a chunk of whole rows (`firstLine`: the 1-based line number of its first row) into counts and a writer. */
export type ChunkClassifier = (bytes: Buffer, firstLine: number, counts: ChunkCounts, out: ByteWriter) => void;

/** Classifies a chunk into fresh counts and an output of its own. */
export function classifyChunk(classify: ChunkClassifier, bytes: Buffer, firstLine: number): ChunkResult {
  const counts = emptyCounts();
  const out = new ByteWriter(bytes.length + 4096);
  classify(bytes, firstLine, counts, out);
  return { bytes: out.result(), counts };
}
