/**
 * Reading households (not yet classified) from CSV or JSON Lines, for reports and validation.
 *
 * @module
 */
import type { Readable } from 'node:stream';
import { ChuanNgheoError, type ErrorDetail } from '../errors.js';
import type { BatchClassifier } from '../batch.js';
import { createRowReader, type RowReader } from '../tabular.js';
import { readCsvBatches } from './csv-reader.js';
import { readJsonlBatches } from './jsonl-reader.js';
import type { InputFormat } from './classify-rows.js';

/** A household read from a file, or the error that reading its row raised. */
export type HouseholdEntry = { readonly record: number; readonly value: unknown } | { readonly record: number; readonly error: ErrorDetail; readonly id?: string };

/** Reads the households of a CSV or JSON Lines stream, in batches, in order. */
export async function* readHouseholdBatches(input: Readable, format: InputFormat, batch: BatchClassifier): AsyncGenerator<HouseholdEntry[], void, undefined> {
  if (format === 'jsonl') {
    let record = 0;
    for await (const { entries } of readJsonlBatches(input)) {
      yield entries.map((e) => ({ record: ++record, ...e }));
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
    const out: HouseholdEntry[] = [];
    for (let i = start; i < rows.length; i++) {
      const record = firstRecord + i;
      try {
        out.push({ record, value: reader.toHousehold(rows[i]!, record) });
      } catch (error) {
        if (!(error instanceof ChuanNgheoError)) throw error;
        out.push({ record, error: error.toJSON() });
      }
    }
    yield out;
  }
}
