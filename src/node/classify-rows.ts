/**
 * Rows of a CSV or JSON Lines stream, classified in batches through the general readers
 * (papaparse for CSV): every row, in order, invalid rows included.
 *
 * @module
 */
import type { Readable } from 'node:stream';
import type { BatchClassifier, BatchRow } from '../batch.js';
import { createRowReader, type RowReader } from '../tabular.js';
import { readCsvBatches } from './csv-reader.js';
import { readJsonlBatches } from './jsonl-reader.js';

/** Input formats of the batch classification. */
export type InputFormat = 'csv' | 'jsonl';

/** Classifies rows of CSV or JSON Lines into a sequence of batch results, in order. */
export async function* classifyRowsOf(input: Readable, format: InputFormat, batch: BatchClassifier): AsyncGenerator<BatchRow[], void, undefined> {
  if (format === 'jsonl') {
    for await (const { entries } of readJsonlBatches(input)) {
      yield entries.map((e) => ('error' in e ? { error: e.error } : batch.classify(e.value)));
    }
    return;
  }
  let reader: RowReader | undefined;
  for await (const { rows, firstRecord } of readCsvBatches(input)) {
    let start = 0;
    if (!reader) {
      reader = createRowReader(rows[0]!, batch);
      start = 1;
    }
    const out: BatchRow[] = new Array(rows.length - start);
    for (let i = start; i < rows.length; i++) out[i - start] = reader.classify(rows[i]!, firstRecord + i);
    yield out;
  }
}

