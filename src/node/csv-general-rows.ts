/**
 * The general path of the CSV fast path: rows it does not take (quoted fields, unusual values,
 * errors) are parsed by the CSV parser and classified by the row reader, one result per row.
 *
 * @module
 */
import Papa from 'papaparse';
import type { BatchClassifier, BatchRow } from '../batch.js';
import { createRowReader, type RowReader } from '../tabular.js';
import { tallyRow, type ByteWriter, type ChunkCounts } from './chunk-output.js';
import { compileFastRows, type CsvLayout, type FastCsvPlan, type SlowRowHandler } from './fast-csv.js';
import { rowToCsv, rowToJsonl, type OutputFormat } from './output.js';

const decoder = new TextDecoder();

/** The handler of the rows the fast path does not take, for a row reader. */
export function generalRowHandler(reader: RowReader, format: OutputFormat): SlowRowHandler {
  const write = format === 'csv' ? rowToCsv : rowToJsonl;
  return (bytes: Uint8Array, start: number, end: number, counts: ChunkCounts, out: ByteWriter) => {
    const text = decoder.decode(bytes.subarray(start, end));
    // One row, already cut at its line feed: a carriage return inside it is data, as in the whole file.
    const fields = Papa.parse<string[]>(text, { skipEmptyLines: false, newline: '\n' }).data[0] ?? [''];
    const row: BatchRow = reader.classify(fields);
    tallyRow(row, counts);
    out.text(write(row));
  };
}

/** A compiled header: the fast path with its general path, and the layout to give worker threads. */
export interface CompiledCsv extends FastCsvPlan {
  readonly layout: CsvLayout;
}

/**
 * Compiles a CSV header (already split into names) for a batch classifier.
 *
 * @throws {ChuanNgheoError} `INVALID_ROW` when the header cannot be used.
 */
export function compileFastCsv(header: readonly string[], batch: BatchClassifier, format: OutputFormat): CompiledCsv {
  const reader = createRowReader(header, batch);
  const layout: CsvLayout = { header: reader.header, indicatorColumns: reader.indicatorColumns, attributeColumns: reader.attributeColumns };
  const plan = compileFastRows(layout, { standardId: batch.standard.id, decideNumber: batch.decideNumber }, format, generalRowHandler(reader, format));
  return { layout, classifyRows: plan.classifyRows };
}
