/**
 * Worker thread of the parallel CSV path: compiles the header once, then classifies the chunks it
 * is sent and returns their output bytes and counts.
 *
 * It starts with the fast path alone (no schema, no parser to load); the general path is loaded
 * the first time a chunk holds a row the fast path does not take, and that chunk is classified
 * again from its start (classifying is pure, so nothing is counted twice).
 *
 * @module
 */
import { parentPort } from 'node:worker_threads';
import { createDecider } from '../decision-table.js';
import type { Standard, StandardInput } from '../standards/schema.js';
import { ByteWriter, compileFastRows, emptyCounts, type CsvLayout, type FastCsvPlan } from './fast-csv.js';
import type { OutputFormat } from './output.js';

/** Messages to the worker. */
export type WorkerRequest =
  | {
      readonly type: 'init';
      readonly layout: CsvLayout;
      /** The standard resolved by the main thread (the rule of the fast path). */
      readonly resolved: Standard;
      /** The standard as the caller chose it, for the general path. */
      readonly standard?: string | StandardInput;
      readonly date: string;
      readonly format: OutputFormat;
    }
  | { readonly type: 'chunk'; readonly seq: number; readonly bytes: Uint8Array };

type Init = Extract<WorkerRequest, { type: 'init' }>;

/** Thrown by the fast plan at the first row it does not take, until the general path is loaded. */
const NEEDS_GENERAL_PATH = Symbol('needs the general path');

let init: Init | undefined;
let plan: FastCsvPlan | undefined;
let general: Promise<FastCsvPlan> | undefined;

async function loadGeneral(request: Init): Promise<FastCsvPlan> {
  const [{ createBatchClassifier }, { compileFastCsv }] = await Promise.all([import('../batch.js'), import('./csv-general-rows.js')]);
  const batch = createBatchClassifier({ date: request.date, ...(request.standard !== undefined ? { standard: request.standard } : {}) });
  return compileFastCsv(request.layout.header, batch, request.format);
}

function run(current: FastCsvPlan, bytes: Buffer) {
  const counts = emptyCounts();
  const out = new ByteWriter(bytes.length + 4096);
  current.classifyRows(bytes, 0, bytes.length, counts, out);
  return { counts, result: out.result() };
}

parentPort?.on('message', async (message: WorkerRequest) => {
  if (message.type === 'init') {
    init = message;
    const { decideNumber } = createDecider(message.resolved);
    plan = compileFastRows(message.layout, { standardId: message.resolved.id, decideNumber }, message.format, () => {
      throw NEEDS_GENERAL_PATH;
    });
    return;
  }
  const bytes = Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength);
  let done: ReturnType<typeof run>;
  try {
    done = run(plan!, bytes);
  } catch (error) {
    if (error !== NEEDS_GENERAL_PATH) throw error;
    plan = await (general ??= loadGeneral(init!));
    done = run(plan, bytes);
  }
  // The writer's memory is its own: handed over, not copied.
  parentPort!.postMessage({ seq: message.seq, bytes: done.result, counts: done.counts }, [done.result.buffer as ArrayBuffer]);
});
