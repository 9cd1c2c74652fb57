/**
 * Rows of a CSV or JSON Lines stream, classified in batches through the general readers: every
 * row, in order, invalid rows included.
 *
 * @module
 */
import type { Readable } from 'node:stream';
import type { BatchClassifier, BatchRow } from '../batch.js';
import { readCsvRows } from './csv-reader.js';
import { errorRow } from './csv-general-rows.js';
import { readJsonlBatches } from './jsonl-reader.js';
import type { ColumnOptions } from '../columns.js';

/** Input formats of the batch classification. */
export type InputFormat = 'csv' | 'jsonl';

/** Classifies rows of CSV or JSON Lines into a sequence of batch results, in order. */
export async function* classifyRowsOf(input: Readable, format: InputFormat, batch: BatchClassifier, options: ColumnOptions = {}): AsyncGenerator<BatchRow[], void, undefined> {
  if (format === 'jsonl') {
    for await (const { entries } of readJsonlBatches(input)) {
      yield entries.map((e) => ('error' in e ? { error: e.error } : batch.classify(e.value)));
    }
    return;
  }
  // As on the fast path, an error names no record number: the output row's position is the input row's.
  for await (const { reader, rows, firstRecord } of readCsvRows(input, batch, options)) {
    const idAt = reader.header.indexOf('id');
    yield rows.map((row, i) => {
      const out = 'error' in row ? errorRow(row.error, idAt >= 0 ? row.fields[idAt] : undefined) : reader.classify(row.fields);
      // A file without an id column: the record number (the header is record 1) is the id.
      return idAt >= 0 ? out : { id: String(firstRecord + i), ...out };
    });
  }
}
