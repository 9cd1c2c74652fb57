/**
 * Reading CSV as a stream of row batches, with papaparse (the fastest well-kept parser we
 * measured; see docs/performance.md). Quoted fields, embedded commas, quotes and newlines, a
 * UTF-8 byte-order mark and CRLF line ends are all handled. Memory stays flat: the parser pauses
 * while its consumer is behind.
 *
 * @module
 */
import type { Readable } from 'node:stream';
import Papa from 'papaparse';
import type { BatchClassifier } from '../batch.js';
import { createRowReader, type RowReader } from '../tabular.js';

/** A batch of parsed rows; `firstLine` is the 1-based record number of the first (header = 1). */
export interface CsvBatch {
  readonly rows: string[][];
  readonly firstRecord: number;
}

const BOM = '\uFEFF';

/**
 * Parses CSV from a readable stream of bytes or text into batches of rows (header included as
 * the first row of the first batch). Blank lines are skipped.
 */
export async function* readCsvBatches(input: Readable, chunkSize = 1 << 20): AsyncGenerator<CsvBatch, void, undefined> {
  input.setEncoding('utf8');
  const queue: string[][][] = [];
  let done = false;
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  let parserRef: Papa.Parser | undefined;
  let paused = false;
  const notify = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };

  Papa.parse<string[]>(input as unknown as File, {
    chunkSize,
    skipEmptyLines: true,
    chunk(results, parser) {
      parserRef = parser;
      if (results.data.length) queue.push(results.data);
      if (queue.length >= 2 && !paused) {
        paused = true;
        parser.pause();
      }
      notify();
    },
    complete() {
      done = true;
      notify();
    },
    error(error: Error) {
      failure = error;
      done = true;
      notify();
    },
  });
  input.on('error', (error) => {
    failure = error;
    done = true;
    notify();
  });

  let record = 1;
  let first = true;
  for (;;) {
    const rows = queue.shift();
    if (rows) {
      if (first && rows.length && rows[0]!.length && rows[0]![0]!.startsWith(BOM)) rows[0]![0] = rows[0]![0]!.slice(1);
      first = false;
      const firstRecord = record;
      record += rows.length;
      yield { rows, firstRecord };
      continue;
    }
    if (failure) throw failure;
    if (done) return;
    if (paused && parserRef) {
      paused = false;
      parserRef.resume();
    }
    await new Promise<void>((resolve) => {
      wake = resolve;
      if (queue.length || done) notify();
    });
  }
}

/** Data rows of a CSV stream in batches, each with the row reader compiled from the header. */
export interface CsvRowsBatch {
  readonly reader: RowReader;
  readonly rows: readonly string[][];
  /** 1-based record number of `rows[0]` (the header is record 1). */
  readonly firstRecord: number;
}

/** Reads a CSV stream's header once, then yields its data rows with the reader for them. */
export async function* readCsvRows(input: Readable, batch: BatchClassifier): AsyncGenerator<CsvRowsBatch, void, undefined> {
  let reader: RowReader | undefined;
  for await (const { rows, firstRecord } of readCsvBatches(input)) {
    if (!reader) {
      reader = createRowReader(rows[0]!, batch);
      yield { reader, rows: rows.slice(1), firstRecord: firstRecord + 1 };
    } else yield { reader, rows, firstRecord };
  }
}
