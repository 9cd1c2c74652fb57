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

import { ByteWriter, emptyCounts, tallyRow } from './chunk-output.js';
import { summaryOf, type StreamSummary } from './run-summary.js';
import { defaultMaxRecordBytes } from '../csv/records.js';
import { defaultMaxDepth } from '../json-depth.js';
import { lineTooLong, readJsonlPieces } from './jsonl-reader.js';
import { rowToCsv, rowToJsonl } from './output.js';
import { createChunkPool, defaultWorkerUrl, standardForWorkers, type ClassifyParallelOptions } from './chunk-pool.js';
import { classifyJsonlChunk } from './jsonl-chunk.js';
import { csvOutputColumns } from './output.js';
import { watchOutput } from './output-watch.js';
import { batchClassifierFor, jsonlParallelKeys } from './option-keys.js';

/** Options of {@link classifyJsonlParallel}. */
export type ClassifyJsonlParallelOptions = ClassifyParallelOptions;

/**
 * Classifies a JSON Lines stream of households or survey records, using worker threads when
 * `threads` > 1.
 *
 * @returns The {@link StreamSummary}: the counts, with the standard and date used.
 * @throws {ChuanNgheoError} When the standard cannot be resolved.
 * @throws The output's own error when it fails (a full disk, a closed pipe): the run stops there.
 * @example
 * const counts = await classifyJsonlParallel(fs.createReadStream('examples/roster.jsonl'), fs.createWriteStream('result.csv'), { output: 'csv', date: '2025-12-01', threads: 2 });
 * [counts.rows, counts.invalid] //=> [36, 0]
 */
export async function classifyJsonlParallel(input: Readable, output: Writable, options: ClassifyJsonlParallelOptions): Promise<StreamSummary> {
  const threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
  const batch = batchClassifierFor(options, jsonlParallelKeys);
  const chunkBytes = options.chunkBytes ?? 1 << 20;
  const watch = watchOutput(output);
  const limits = { maxRecordBytes: options.maxRecordBytes ?? defaultMaxRecordBytes, maxDepth: options.maxDepth ?? defaultMaxDepth };
  const pool = createChunkPool({
    threads,
    output,
    workerUrl: options.workerUrl ?? defaultWorkerUrl(),
    init: {
      type: 'init',
      input: 'jsonl',
      date: batch.date,
      format: options.output,
      limits,
      ...standardForWorkers(options.standard, batch.standard),
    },
    classifyHere: (bytes, firstLine, counts, out) => classifyJsonlChunk(bytes, firstLine, batch, options.output, counts, out, limits),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  try {
    if (options.output === 'csv') await watch.write(`${csvOutputColumns.join(',')}\n`);
    for await (const piece of readJsonlPieces(input, { chunkBytes, maxRecordBytes: limits.maxRecordBytes })) {
      if (watch.failure) throw watch.failure;
      if ('tooLong' in piece) {
        const row = { error: lineTooLong(piece.tooLong, limits.maxRecordBytes) };
        const counts = emptyCounts();
        tallyRow(row, counts);
        const out = new ByteWriter(256);
        out.text((options.output === 'csv' ? rowToCsv : rowToJsonl)(row));
        await pool.put({ bytes: out.result(), counts });
      } else await pool.dispatch(Buffer.from(piece.bytes.buffer, piece.bytes.byteOffset, piece.bytes.byteLength), piece.firstLine);
    }
    return summaryOf(await pool.finish(), batch.standard.id, batch.date);
  } finally {
    watch.stop();
    await pool.close();
  }
}
