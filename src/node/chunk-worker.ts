/**
 * Worker thread of the parallel paths: told once what it classifies (CSV at indicator level, or
 * JSON Lines), it classifies the chunks it is sent and returns their output bytes and counts.
 *
 * For CSV it starts with the fast path alone (no schema, no parser to load); the general path is
 * loaded the first time a chunk holds a row the fast path does not take, and that chunk is
 * classified again from its start (classifying is pure, so nothing is counted twice).
 *
 * @module
 */
import { parentPort } from 'node:worker_threads';
import { createDecider } from '../decision-table.js';
import type { Standard, StandardInput } from '../standards/schema.js';
import type { StandardId } from '../standards/ids.js';
import { classifyChunk, type ChunkClassifier, type ChunkCounts, type ChunkResult } from './chunk-output.js';
import { chunkClassifierOf, compileFastRows, type CsvLayout } from './fast-csv.js';
import type { OutputFormat } from './output.js';

/** What a worker is told before its first chunk. */
export type WorkerInit =
  | {
      readonly type: 'init';
      readonly input: 'csv';
      readonly layout: CsvLayout;
      /** The standard resolved by the main thread (the rule of the fast path). */
      readonly resolved: Standard;
      /** The standard as the caller chose it, for the general path. */
      readonly standard?: StandardId | StandardInput;
      readonly date: string;
      readonly format: OutputFormat;
    }
  | {
      readonly type: 'init';
      readonly input: 'jsonl';
      readonly standard?: StandardId | StandardInput;
      readonly date: string;
      readonly format: OutputFormat;
      readonly limits: { readonly maxRecordBytes: number; readonly maxDepth: number };
    };

/** Messages to the worker. */
export type WorkerRequest = WorkerInit | { readonly type: 'chunk'; readonly seq: number; readonly firstLine: number; readonly bytes: Uint8Array };

/** A worker's answer to a chunk. */
export interface WorkerResult {
  readonly seq: number;
  readonly bytes: Uint8Array;
  readonly counts: ChunkCounts;
  /** The chunk's buffer, given back for the next chunk. */
  readonly input?: ArrayBuffer;
}

/** Thrown by the fast CSV path at the first row it does not take, until the general path is loaded. */
const NEEDS_GENERAL_PATH = Symbol('needs the general path');

let init: WorkerInit | undefined;
let classifier: ChunkClassifier | Promise<ChunkClassifier> | undefined;
let general: Promise<ChunkClassifier> | undefined;

/** The general path: the batch classifier, with the CSV row reader or the JSON Lines reader. */
async function loadGeneral(request: WorkerInit): Promise<ChunkClassifier> {
  const { createBatchClassifier } = await import('../batch.js');
  const batch = createBatchClassifier({ date: request.date, ...(request.standard !== undefined ? { standard: request.standard } : {}) });
  if (request.input === 'jsonl') {
    const { classifyJsonlChunk } = await import('./jsonl-chunk.js');
    return (bytes, firstLine, counts, out) => classifyJsonlChunk(bytes, firstLine, batch, request.format, counts, out, request.limits);
  }
  const { compileFastCsv } = await import('./csv-general-rows.js');
  return chunkClassifierOf(compileFastCsv(request.layout.source, batch, request.format, request.layout.columnOptions));
}

parentPort?.on('message', async (message: WorkerRequest) => {
  if (message.type === 'init') {
    init = message;
    if (message.input === 'csv') {
      const { decideNumber } = createDecider(message.resolved);
      const plan = compileFastRows(message.layout, { standardId: message.resolved.id, reviewDate: message.date, decideNumber }, message.format, () => {
        throw NEEDS_GENERAL_PATH;
      });
      classifier = chunkClassifierOf(plan);
    } else classifier = general = loadGeneral(message);
    return;
  }
  const bytes = Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength);
  let done: ChunkResult;
  try {
    done = classifyChunk(await classifier!, bytes, message.firstLine);
  } catch (error) {
    if (error !== NEEDS_GENERAL_PATH) throw error;
    classifier = await (general ??= loadGeneral(init!));
    done = classifyChunk(classifier, bytes, message.firstLine);
  }
  // The writer's memory is its own: handed over, not copied.
  const input = message.bytes.buffer as ArrayBuffer;
  const result: WorkerResult = { seq: message.seq, bytes: done.bytes, counts: done.counts, input };
  parentPort!.postMessage(result, [done.bytes.buffer as ArrayBuffer, input]);
});
