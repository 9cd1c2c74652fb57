/**
 * The CSV fast path on several cores. The main thread reads the file and cuts it at row
 * boundaries into chunks; each chunk goes to a worker thread that has room, or else the main
 * thread classifies it itself (so a worker still starting, or a busy one, never stalls the run).
 * Results are written in the original order: one row out per row in, invalid rows included.
 *
 * @module
 */
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { Readable, type Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import Papa from 'papaparse';
import { createBatchClassifier } from '../batch.js';
import type { ClassifyOptions } from '../classify.js';
import { createRowReader } from '../tabular.js';
import { addCounts, ByteWriter, emptyCounts, lastRowBoundary, type ChunkCounts } from './fast-csv.js';
import { compileFastCsv, type CompiledCsv } from './csv-general-rows.js';
import { readHeader } from './csv-header.js';
import { csvOutputColumns, rowToCsv, rowToJsonl, type OutputFormat } from './output.js';
import { classifyRowsOf } from './classify-rows.js';
import type { WorkerRequest } from './csv-worker.js';

/** Options of {@link classifyCsvParallel}. */
export interface ClassifyCsvParallelOptions extends ClassifyOptions {
  readonly output: OutputFormat;
  /** Threads that classify, the main thread included (default: the machine's available parallelism; 1: no worker). */
  readonly threads?: number;
  /** Bytes per chunk (default 1 MiB). */
  readonly chunkBytes?: number;
  /** Where the worker script is (default: `csv-worker.js` beside this module in the build). */
  readonly workerUrl?: URL;
  readonly onProgress?: (rows: number) => void;
}

/**
 * The size of CSV file from which worker threads pay on two cores (measured: at 28 MB two threads
 * were slower than one, at 48 MB faster; see docs/performance.md). Below it, a worker's start and
 * its first, not yet optimised chunks cost more than it saves.
 */
export const parallelCsvFromBytes = 40 * 1024 * 1024;

interface Slot {
  readonly worker: Worker;
  inFlight: number;
  ready: boolean;
}

/**
 * Classifies a CSV stream of households at indicator level on the fast path, using worker threads
 * when `threads` > 1.
 *
 * @returns The counts, with the standard and date used.
 * @throws {ChuanNgheoError} When the standard or the header cannot be used.
 */
export async function classifyCsvParallel(input: Readable, output: Writable, options: ClassifyCsvParallelOptions): Promise<ChunkCounts & { standard: string; date: string }> {
  const threads = Math.max(1, Math.floor(options.threads ?? availableParallelism()));
  const batch = createBatchClassifier(options);
  const chunkBytes = options.chunkBytes ?? 1 << 20;
  const total = emptyCounts();
  const slots: Slot[] = [];
  const done = new Map<number, { bytes: Uint8Array; counts: ChunkCounts }>();
  let plan: CompiledCsv | undefined;
  let nextToWrite = 0;
  let nextSeq = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };

  if (options.output === 'csv') output.write(`${csvOutputColumns.join(',')}\n`);

  const writeReady = async () => {
    for (let r = done.get(nextToWrite); r; r = done.get(nextToWrite)) {
      done.delete(nextToWrite);
      nextToWrite++;
      addCounts(total, r.counts);
      if (r.bytes.length && !output.write(r.bytes)) await once(output, 'drain');
      options.onProgress?.(total.rows);
    }
  };

  const start = (header: string[]) => {
    plan = compileFastCsv(header, batch, options.output); // a bad header fails here, before any worker starts
    const workerUrl = options.workerUrl ?? new URL('./csv-worker.js', import.meta.url);
    for (let i = 1; i < threads; i++) {
      const worker = new Worker(workerUrl);
      const slot: Slot = { worker, inFlight: 0, ready: false };
      worker.on('online', () => {
        slot.ready = true;
      });
      worker.on('message', (m: { seq: number; bytes: Uint8Array; counts: ChunkCounts }) => {
        slot.inFlight--;
        done.set(m.seq, { bytes: m.bytes, counts: m.counts });
        notify();
      });
      worker.on('error', (error) => {
        failure = error;
        notify();
      });
      const init: WorkerRequest = {
        type: 'init',
        layout: plan.layout,
        resolved: batch.standard,
        date: batch.date,
        format: options.output,
        ...(options.standard !== undefined ? { standard: typeof options.standard === 'string' ? options.standard : batch.standard } : {}),
      };
      worker.postMessage(init);
      slots.push(slot);
    }
  };

  const classifyHere = (bytes: Buffer, seq: number) => {
    const counts = emptyCounts();
    const out = new ByteWriter(bytes.length + 4096);
    plan!.classifyRows(bytes, 0, bytes.length, counts, out);
    done.set(seq, { bytes: out.result(), counts });
  };

  const dispatch = async (bytes: Buffer) => {
    if (bytes.length === 0) return;
    if (failure) throw failure;
    const seq = nextSeq++;
    const slot = slots.filter((s) => s.ready && s.inFlight < 2).sort((a, b) => a.inFlight - b.inFlight)[0];
    if (slot) {
      const copy = new Uint8Array(bytes.length);
      copy.set(bytes);
      slot.inFlight++;
      const message: WorkerRequest = { type: 'chunk', seq, bytes: copy };
      slot.worker.postMessage(message, [copy.buffer]);
    } else classifyHere(bytes, seq);
    await writeReady();
    // Bound the memory: wait while too many chunks are classified but not yet written.
    while (!failure && nextSeq - nextToWrite > 2 * threads) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        setImmediate(notify);
      });
      await writeReady();
    }
  };

  // Line ends other than LF (a file with CR only): the general reader, which detects them.
  const generalPath = async (prefix: Buffer, rest: AsyncIterator<Buffer>) => {
    async function* all(): AsyncGenerator<Buffer> {
      yield prefix;
      for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
    }
    const write = options.output === 'csv' ? rowToCsv : rowToJsonl;
    for await (const rows of classifyRowsOf(Readable.from(all()), 'csv', batch)) {
      let text = '';
      for (const row of rows) {
        total.rows++;
        if ('error' in row) total.invalid++;
        else {
          total[row.category]++;
          if (row.newlyEscaped) total.newlyEscaped++;
        }
        text += write(row);
      }
      if (text && !output.write(text)) await once(output, 'drain');
      options.onProgress?.(total.rows);
    }
    return { ...total, standard: batch.standard.id, date: batch.date };
  };

  try {
    let carry: Buffer = Buffer.alloc(0);
    const chunks = (input as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
      const chunk = next.value;
      let data = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      if (!plan) {
        const head = readHeader(data);
        if (!head) {
          if (data.indexOf(0x0d) >= 0) return await generalPath(data, chunks);
          carry = data;
          continue;
        }
        start(head.header);
        data = data.subarray(head.dataStart);
      }
      if (data.length < chunkBytes) {
        carry = data;
        continue;
      }
      const boundary = lastRowBoundary(data, 0, data.length);
      await dispatch(data.subarray(0, boundary));
      carry = data.subarray(boundary);
    }
    if (!plan) {
      // A header without a line feed, or nothing: no rows; still check the header.
      const text = carry.toString('utf8').replace(/^\uFEFF/, '');
      if (text.trim() !== '') createRowReader(Papa.parse<string[]>(text).data[0] ?? [], batch);
      return { ...total, standard: batch.standard.id, date: batch.date };
    }
    await dispatch(carry);
    while (nextToWrite < nextSeq) {
      if (failure) throw failure;
      await writeReady();
      if (nextToWrite < nextSeq) await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
  return { ...total, standard: batch.standard.id, date: batch.date };
}
