/**
 * The CSV fast path on several cores: the main thread reads the file, compiles its header and cuts
 * the rest at row boundaries into chunks for a {@link createChunkPool | chunk pool}, which keeps
 * the output in order, one row out per row in, invalid rows included.
 *
 * @module
 */
import { availableParallelism } from 'node:os';
import type { Readable, Writable } from 'node:stream';

import { ByteWriter, emptyCounts, tallyRow, type ChunkCounts } from './chunk-output.js';
import { createChunkPool, defaultWorkerUrl, standardForWorkers, type ChunkPool, type ClassifyParallelOptions } from './chunk-pool.js';
import { brokenRow, compileFastCsv } from './csv-general-rows.js';
import { chunkClassifierOf } from './fast-csv.js';
import { readCsvPieces } from './csv-pieces.js';
import { csvOutputColumns, rowToCsv, rowToJsonl } from './output.js';
import { watchOutput } from './output-watch.js';
import { summaryOf, type StreamSummary } from './run-summary.js';
import { batchClassifierFor, csvParallelKeys } from './option-keys.js';

/** Options of {@link classifyCsvParallel}. */
export type ClassifyCsvParallelOptions = ClassifyParallelOptions;

/**
 * Classifies a CSV stream of households at indicator level on the fast path, using worker threads
 * when `threads` > 1.
 *
 * @returns The {@link StreamSummary}: the counts, with the standard and date used.
 * @throws {ChuanNgheoError} When the standard or the header cannot be used.
 * @throws The output's own error when it fails (a full disk, a closed pipe): the run stops there.
 * @example
 * const counts = await classifyCsvParallel(fs.createReadStream('examples/households.csv'), fs.createWriteStream('result.jsonl'), { output: 'jsonl', date: '2025-12-01', threads: 2 });
 * [counts.rows, counts.invalid, counts.categories.poor] //=> [40, 0, 6]
 * JSON.parse(fs.readFileSync('result.jsonl', 'utf8').split('\n')[0]!)
 * //=> { id: 'HH001', category: 'poor', deprivationCount: 3, newlyEscaped: false, standard: 'nd07-2021' }
 */
export async function classifyCsvParallel(input: Readable, output: Writable, options: ClassifyCsvParallelOptions): Promise<StreamSummary> {
  const threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
  const batch = batchClassifierFor(options, csvParallelKeys);
  const chunkBytes = options.chunkBytes ?? 1 << 20;
  let pool: ChunkPool | undefined;
  const result = (counts: ChunkCounts) => summaryOf(counts, batch.standard.id, batch.date);

  const watch = watchOutput(output);

  let plan: ReturnType<typeof compileFastCsv> | undefined;
  const start = (header: string[]): ChunkPool => {
    const columnOptions = { ...(options.columns ? { columns: options.columns } : {}), ...(options.keepColumns ? { keepColumns: options.keepColumns } : {}), ...(options.values ? { values: options.values } : {}) };
    plan = compileFastCsv(header, batch, options.output, columnOptions); // a bad header fails here, before any worker starts
    options.onHeader?.(plan.reader.plan, batch.standard.id);
    return createChunkPool({
      // Row numbers as ids (no id column) are counted in file order: one thread.
      threads: plan.layout.rowNumbers ? 1 : threads,
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

  const pieces = readCsvPieces(input, { chunkBytes, ...(options.maxRecordBytes !== undefined ? { maxRecordBytes: options.maxRecordBytes } : {}) });
  try {
    if (options.output === 'csv') await watch.write(`${csvOutputColumns.join(',')}\n`);
    for await (const piece of pieces) {
      if (watch.failure) throw watch.failure;
      if (piece.kind === 'header') {
        pool = start(piece.fields);
      } else if (piece.kind === 'records') {
        if (watch.failure) throw watch.failure;
        await pool!.dispatch(Buffer.from(piece.bytes.buffer, piece.bytes.byteOffset, piece.bytes.byteLength), 0);
      } else {
        let row = brokenRow(piece, plan!.reader.header);
        if (plan!.layout.rowNumbers) row = { id: plan!.nextRowNumber(), ...row };
        const counts = emptyCounts();
        tallyRow(row, counts);
        const out = new ByteWriter(256);
        out.text((options.output === 'csv' ? rowToCsv : rowToJsonl)(row));
        await pool!.put({ bytes: out.result(), counts });
      }
    }
    return result(pool ? await pool.finish() : emptyCounts());
  } finally {
    watch.stop();
    await pool?.close();
    await pieces.return(); // a run that stopped early stops reading too
  }
}
