/**
 * Worker thread of the parallel CSV path: compiles the header once, then classifies the chunks it
 * is sent and returns their output bytes and counts.
 *
 * @module
 */
import { parentPort } from 'node:worker_threads';
import { createBatchClassifier } from '../batch.js';
import type { StandardInput } from '../standards/schema.js';
import { ByteWriter, compileFastCsv, emptyCounts, type FastCsvPlan } from './fast-csv.js';
import type { OutputFormat } from './output.js';

/** Messages to the worker. */
export type WorkerRequest =
  | { readonly type: 'init'; readonly header: string[]; readonly standard?: string | StandardInput; readonly date: string; readonly format: OutputFormat }
  | { readonly type: 'chunk'; readonly seq: number; readonly bytes: Uint8Array };

let plan: FastCsvPlan | undefined;

parentPort?.on('message', (message: WorkerRequest) => {
  if (message.type === 'init') {
    const batch = createBatchClassifier({ date: message.date, ...(message.standard !== undefined ? { standard: message.standard } : {}) });
    plan = compileFastCsv(message.header, batch, message.format);
    return;
  }
  const bytes = Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength);
  const counts = emptyCounts();
  const out = new ByteWriter(bytes.length + 4096);
  plan!.classifyRows(bytes, 0, bytes.length, counts, out);
  const result = out.result();
  // Copy into an exact-size buffer that can be transferred.
  const transfer = new Uint8Array(result.length);
  transfer.set(result);
  parentPort!.postMessage({ seq: message.seq, bytes: transfer, counts }, [transfer.buffer]);
});
