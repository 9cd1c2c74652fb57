/**
 * JSON Lines on several cores: the main thread reads the file and cuts it after line feeds into
 * chunks for a {@link createChunkPool | chunk pool}; each line is one household or survey record.
 * The output is in order, one row per non-blank line, invalid lines included, as with
 * {@link classifyStream}.
 *
 * @module
 */
import { availableParallelism } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { createBatchClassifier } from '../batch.js';
import type { ChunkCounts } from './chunk-output.js';
import { createChunkPool, defaultWorkerUrl, standardForWorkers, type ClassifyParallelOptions } from './chunk-pool.js';
import { classifyJsonlChunk } from './jsonl-chunk.js';
import { csvOutputColumns } from './output.js';
import { watchOutput } from './output-watch.js';

/** Options of {@link classifyJsonlParallel}. */
export type ClassifyJsonlParallelOptions = ClassifyParallelOptions;

const LF = 0x0a;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The number of line feeds in `bytes`. */
function lineFeeds(bytes: Buffer): number {
  let n = 0;
  for (let i = bytes.indexOf(LF); i >= 0; i = bytes.indexOf(LF, i + 1)) n++;
  return n;
}

/**
 * Classifies a JSON Lines stream of households or survey records, using worker threads when
 * `threads` > 1.
 *
 * @returns The counts, with the standard and date used.
 * @throws {ChuanNgheoError} When the standard cannot be resolved.
 * @throws The output's own error when it fails (a full disk, a closed pipe): the run stops there.
 */
export async function classifyJsonlParallel(input: Readable, output: Writable, options: ClassifyJsonlParallelOptions): Promise<ChunkCounts & { standard: string; date: string }> {
  const threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
  const batch = createBatchClassifier(options);
  const chunkBytes = options.chunkBytes ?? 1 << 20;
  const watch = watchOutput(output);
  const pool = createChunkPool({
    threads,
    output,
    workerUrl: options.workerUrl ?? defaultWorkerUrl(),
    init: {
      type: 'init',
      input: 'jsonl',
      date: batch.date,
      format: options.output,
      ...standardForWorkers(options.standard, batch.standard),
    },
    classifyHere: (bytes, firstLine, counts, out) => classifyJsonlChunk(bytes, firstLine, batch, options.output, counts, out),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  try {
    if (options.output === 'csv') await watch.write(`${csvOutputColumns.join(',')}\n`);
    let carry: Buffer = Buffer.alloc(0);
    let line = 1;
    let first = true;
    const dispatch = async (bytes: Buffer) => {
      // The byte-order mark, at the start of the file only (the first piece holds whole lines, so all of it).
      const piece = first && bytes.subarray(0, 3).equals(BOM) ? bytes.subarray(3) : bytes;
      first = false;
      if (watch.failure) throw watch.failure;
      await pool.dispatch(piece, line);
      line += lineFeeds(piece);
    };
    for await (const read of input as AsyncIterable<Buffer | string>) {
      const chunk = typeof read === 'string' ? Buffer.from(read) : read;
      const data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      // Pieces of about chunkBytes, each ending after a line feed (a longer line makes a longer piece).
      let offset = 0;
      while (data.length - offset >= chunkBytes) {
        let boundary = data.lastIndexOf(LF, offset + chunkBytes - 1) + 1;
        if (boundary <= offset) boundary = data.indexOf(LF, offset + chunkBytes) + 1;
        if (boundary <= offset) break;
        await dispatch(data.subarray(offset, boundary));
        offset = boundary;
      }
      carry = data.subarray(offset);
    }
    if (carry.length) await dispatch(carry);
    return { ...(await pool.finish()), standard: batch.standard.id, date: batch.date };
  } finally {
    watch.stop();
    await pool.close();
  }
}
