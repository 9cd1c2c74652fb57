/**
 * Classifying a file in chunks of whole rows on several threads. Each chunk goes to a worker
 * thread that has room, or else the calling thread classifies it itself (so a worker still
 * starting, or a busy one, never stalls the run). Results are written in the original order: one
 * row out per row in, invalid rows included. Memory is bounded: the reader waits while too many
 * chunks are classified but not yet written. An error of the output (a full disk, a closed pipe)
 * fails the run at once, as a failing worker does.
 *
 * @module
 */
import type { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { addCounts, classifyChunk, emptyCounts, type ChunkClassifier, type ChunkCounts, type ChunkResult } from './chunk-output.js';
import type { WorkerInit, WorkerRequest, WorkerResult } from './chunk-worker.js';
import type { ClassifyOptions } from '../classify.js';
import type { Standard } from '../standards/schema.js';
import type { StandardId } from '../standards/ids.js';
import type { OutputFormat } from './output.js';
import type { ColumnOptions, HeaderPlan } from '../columns.js';
import { watchOutput } from './output-watch.js';

/** How a file is read, whatever its format: the reading limits and how a header's columns are read. */
export interface FileReadingOptions {
  /**
   * The longest record (a CSV record, or a JSON line), in bytes (default 1 MiB): a longer one is
   * one `RECORD_TOO_LONG` row and reading goes on.
   */
  readonly maxRecordBytes?: number;
  /** The deepest nesting of a JSON record (default 64): a deeper one is one `NESTING_TOO_DEEP` row. */
  readonly maxDepth?: number;
  /** How a CSV header's columns are read: a map of the file's names to fields and indicators, columns kept as attributes on purpose. */
  readonly columns?: ColumnOptions['columns'];
  readonly keepColumns?: ColumnOptions['keepColumns'];
  readonly values?: ColumnOptions['values'];
  /** Called once the CSV header is read, with what its columns stand for (before any row is classified). */
  readonly onHeader?: (plan: HeaderPlan, standard: string) => void;
}

/** Options of the parallel classifiers ({@link classifyCsvParallel}, {@link classifyJsonlParallel}). */
export interface ClassifyParallelOptions extends ClassifyOptions, FileReadingOptions {
  readonly output: OutputFormat;
  /** Threads that classify, the main thread included (default: the machine's available parallelism; 1: no worker). */
  readonly threads?: number;
  /** Bytes per chunk (default 1 MiB). */
  readonly chunkBytes?: number;
  /** Where the worker script is (default: `chunk-worker.js` beside this module in the build). */
  readonly workerUrl?: URL;
  /** Called as rows are written, with the number of rows so far. */
  readonly onProgress?: (rows: number) => void;
}

/** The worker script beside this module in the build. */
export const defaultWorkerUrl = (): URL => new URL('./chunk-worker.js', import.meta.url);

/** The standard as the caller chose it, for workers to resolve again: an id as given, else the standard resolved. */
export function standardForWorkers(choice: ClassifyOptions['standard'], resolved: Standard): { readonly standard?: StandardId | Standard } {
  return choice === undefined ? {} : { standard: typeof choice === 'string' ? choice : resolved };
}

/** How a pool classifies. */
export interface ChunkPoolOptions {
  /** Threads that classify, the calling thread included (1: no worker). */
  readonly threads: number;
  readonly output: Writable;
  /** The worker script. */
  readonly workerUrl: URL;
  /** What each worker is told before its first chunk. */
  readonly init: WorkerInit;
  /** How the calling thread classifies a chunk. */
  readonly classifyHere: ChunkClassifier;
  /** Called as rows are written, with the number of rows so far. */
  readonly onProgress?: (rows: number) => void;
}

/** A running pool. */
export interface ChunkPool {
  /** Classifies a chunk of whole rows (here or in a worker) and writes what is ready, in order. */
  dispatch(bytes: Buffer, firstLine: number): Promise<void>;
  /** Adds a result made by the caller (one row, say) at this place in the output order. */
  put(result: ChunkResult): Promise<void>;
  /** Waits for every chunk to be written; resolves to the total counts. */
  finish(): Promise<ChunkCounts>;
  /** Stops the workers (and stops listening to the output). */
  close(): Promise<void>;
}

/**
 * The file size from which worker threads pay on two cores. Measured with the command line: CSV
 * at indicator level, 28 MB slower with two threads than with one, 48 MB faster; survey records
 * in JSON Lines, 25 MB slower, 38 MB even, 254 MB a third faster (see docs/performance.md).
 * Below it, a worker's start and its first, not yet optimised chunks cost more than it saves.
 *
 * @internal The command line's choice, exported for the benchmark.
 */
export const parallelFromBytes = 40 * 1024 * 1024;

/**
 * A worker's young generation, in MB (V8's default is about 48 on this machine). Rows are garbage
 * as soon as they are written, so a larger nursery only holds more of it: on 200,000 rosters in
 * JSON Lines, peak memory went from about 230 MB to about 205 MB at the same speed.
 */
const WORKER_YOUNG_GENERATION_MB = 16;

interface Slot {
  readonly worker: Worker;
  inFlight: number;
  ready: boolean;
}

/** Starts the workers of a pool (none for one thread). */
export function createChunkPool(options: ChunkPoolOptions): ChunkPool {
  const { threads, output } = options;
  const total = emptyCounts();
  const slots: Slot[] = [];
  const done = new Map<number, ChunkResult>();
  const spare: ArrayBuffer[] = [];
  let nextToWrite = 0;
  let nextSeq = 0;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const watch = watchOutput(output, (error) => {
    failure ??= error;
    notify();
  });

  for (let i = 1; i < threads; i++) {
    const worker = new Worker(options.workerUrl, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    const slot: Slot = { worker, inFlight: 0, ready: false };
    worker.on('online', () => {
      slot.ready = true;
    });
    worker.on('message', (m: WorkerResult) => {
      slot.inFlight--;
      if (m.input) spare.push(m.input);
      done.set(m.seq, { bytes: m.bytes, counts: m.counts });
      notify();
    });
    worker.on('error', (error) => {
      failure = error;
      notify();
    });
    worker.on('exit', (code) => {
      // A worker that stops with chunks unanswered (without an error event) must not leave the run waiting.
      if (slot.inFlight > 0) failure ??= new Error(`a worker thread stopped (exit code ${code}) before answering ${slot.inFlight} chunk(s)`);
      notify();
    });
    worker.postMessage(options.init);
    slots.push(slot);
  }

  const writeReady = async () => {
    for (let r = done.get(nextToWrite); r; r = done.get(nextToWrite)) {
      done.delete(nextToWrite);
      nextToWrite++;
      addCounts(total, r.counts);
      if (r.bytes.length) await watch.write(r.bytes);
      options.onProgress?.(total.rows);
    }
  };

  return {
    async dispatch(bytes, firstLine) {
      if (bytes.length === 0) return;
      if (failure) throw failure;
      const seq = nextSeq++;
      const slot = slots.filter((s) => s.ready && s.inFlight < 2).sort((a, b) => a.inFlight - b.inFlight)[0];
      if (slot) {
        // A buffer a worker gave back, if one is large enough; else a new one.
        const reuse = spare.pop();
        const copy = reuse && reuse.byteLength >= bytes.length ? new Uint8Array(reuse, 0, bytes.length) : new Uint8Array(bytes.length);
        copy.set(bytes);
        slot.inFlight++;
        const message: WorkerRequest = { type: 'chunk', seq, firstLine, bytes: copy };
        slot.worker.postMessage(message, [copy.buffer]);
      } else done.set(seq, classifyChunk(options.classifyHere, bytes, firstLine));
      await writeReady();
      while (!failure && nextSeq - nextToWrite > 2 * threads) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          setImmediate(notify);
        });
        await writeReady();
      }
      if (failure) throw failure;
    },
    async put(result) {
      if (failure) throw failure;
      done.set(nextSeq++, result);
      await writeReady();
    },
    async finish() {
      while (nextToWrite < nextSeq) {
        if (failure) throw failure;
        await writeReady();
        if (nextToWrite < nextSeq) await new Promise<void>((resolve) => (wake = resolve));
      }
      return total;
    },
    async close() {
      watch.stop();
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
