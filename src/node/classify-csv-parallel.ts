/**
 * The CSV fast path on several cores: the main thread reads the file, compiles its header and cuts
 * the rest at row boundaries into chunks for a {@link createChunkPool | chunk pool}, which keeps
 * the output in order, one row out per row in, invalid rows included.
 *
 * @module
 */
import { availableParallelism } from 'node:os';
import { Readable, type Writable } from 'node:stream';
import Papa from 'papaparse';
import { createBatchClassifier } from '../batch.js';
import { createRowReader } from '../tabular.js';
import { emptyCounts, tallyRow, type ChunkCounts } from './chunk-output.js';
import { createChunkPool, defaultWorkerUrl, standardForWorkers, type ChunkPool, type ClassifyParallelOptions } from './chunk-pool.js';
import { compileFastCsv } from './csv-general-rows.js';
import { chunkClassifierOf, lastRowBoundary } from './fast-csv.js';
import { readHeader } from './csv-header.js';
import { csvOutputColumns, rowToCsv, rowToJsonl } from './output.js';
import { classifyRowsOf } from './classify-rows.js';
import { watchOutput } from './output-watch.js';

/** Options of {@link classifyCsvParallel}. */
export type ClassifyCsvParallelOptions = ClassifyParallelOptions;

/**
 * Classifies a CSV stream of households at indicator level on the fast path, using worker threads
 * when `threads` > 1.
 *
 * @returns The counts, with the standard and date used.
 * @throws {ChuanNgheoError} When the standard or the header cannot be used.
 * @throws The output's own error when it fails (a full disk, a closed pipe): the run stops there.
 */
export async function classifyCsvParallel(input: Readable, output: Writable, options: ClassifyCsvParallelOptions): Promise<ChunkCounts & { standard: string; date: string }> {
  const threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
  const batch = createBatchClassifier(options);
  const chunkBytes = options.chunkBytes ?? 1 << 20;
  let pool: ChunkPool | undefined;
  const result = (counts: ChunkCounts) => ({ ...counts, standard: batch.standard.id, date: batch.date });

  const watch = watchOutput(output);
  const dispatch = async (into: ChunkPool, bytes: Buffer) => {
    if (watch.failure) throw watch.failure;
    await into.dispatch(bytes, 0);
  };

  const start = (header: string[]): ChunkPool => {
    const plan = compileFastCsv(header, batch, options.output); // a bad header fails here, before any worker starts
    return createChunkPool({
      threads,
      output,
      workerUrl: options.workerUrl ?? defaultWorkerUrl(),
      init: {
        type: 'init',
        input: 'csv',
        layout: plan.layout,
        resolved: batch.standard,
        date: batch.date,
        format: options.output,
        ...standardForWorkers(options.standard, batch.standard),
      },
      classifyHere: chunkClassifierOf(plan),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
  };

  // Line ends other than LF (a file with CR only): the general reader, which detects them.
  const generalPath = async (prefix: Buffer, rest: AsyncIterator<Buffer | string>) => {
    async function* all(): AsyncGenerator<Buffer | string> {
      yield prefix;
      for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
    }
    const total = emptyCounts();
    const write = options.output === 'csv' ? rowToCsv : rowToJsonl;
    for await (const rows of classifyRowsOf(Readable.from(all()), 'csv', batch)) {
      let text = '';
      for (const row of rows) {
        tallyRow(row, total);
        text += write(row);
      }
      if (text) await watch.write(text);
      options.onProgress?.(total.rows);
    }
    return result(total);
  };

  const chunks = (input as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  try {
    if (options.output === 'csv') await watch.write(`${csvOutputColumns.join(',')}\n`);
    let carry: Buffer = Buffer.alloc(0);
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      let data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      if (!pool) {
        const head = readHeader(data);
        if (!head) {
          if (data.indexOf(0x0d) >= 0) return await generalPath(data, chunks);
          carry = data;
          continue;
        }
        pool = start(head.header);
        data = data.subarray(head.dataStart);
      }
      // Pieces of about chunkBytes, each ending after a row (a longer row makes a longer piece).
      let offset = 0;
      while (data.length - offset >= chunkBytes) {
        let boundary = lastRowBoundary(data, offset, offset + chunkBytes);
        if (boundary === offset) boundary = lastRowBoundary(data, offset, data.length);
        if (boundary === offset) break;
        await dispatch(pool, data.subarray(offset, boundary));
        offset = boundary;
      }
      carry = data.subarray(offset);
    }
    if (!pool) {
      // A header without a line feed, or nothing: no rows; still check the header.
      const text = carry.toString('utf8').replace(/^\uFEFF/, '');
      if (text.trim() !== '') createRowReader(Papa.parse<string[]>(text).data[0] ?? [], batch);
      return result(emptyCounts());
    }
    await dispatch(pool, carry);
    return result(await pool.finish());
  } finally {
    watch.stop();
    await pool?.close();
    await chunks.return?.(); // a run that stopped early stops reading too
  }
}
