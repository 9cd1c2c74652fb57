/**
 * Rows of a CSV or JSON Lines stream, classified in batches through the general readers
 * (papaparse for CSV): every row, in order, invalid rows included.
 *
 * @module
 */
import type { Readable } from 'node:stream';
import type { BatchClassifier, BatchRow } from '../batch.js';
import { readCsvRows } from './csv-reader.js';
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
  // As on the fast path, an error names no record number: the output row's position is the input row's.
  for await (const { reader, rows } of readCsvRows(input, batch)) yield rows.map((row) => reader.classify(row));
}

