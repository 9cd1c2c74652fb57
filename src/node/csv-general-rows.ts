/**
 * The general path of the CSV fast path: records it does not take (quoted fields, unusual values,
 * errors) are read into fields by the shared CSV rules and classified by the row reader, one
 * result per record.
 *
 * @module
 */
import type { BatchClassifier, BatchRow } from '../batch.js';
import { brokenRecordError, readRecord, type CsvPiece } from '../csv/records.js';
import { errorRow } from '../table-rows.js';

export { errorRow } from '../table-rows.js';
import type { ColumnOptions } from '../columns.js';
import { createRowReader, type RowReader } from '../tabular.js';
import { tallyRow, type ByteWriter, type ChunkCounts } from './chunk-output.js';
import { compileFastRows, type CsvLayout, type FastCsvPlan, type SlowRowHandler } from './fast-csv.js';
import { rowToCsv, rowToJsonl, type OutputFormat } from './output.js';

/** The row of a record that could not be read whole, named by its id when its first line holds it. */
export function brokenRow(piece: Extract<CsvPiece, { kind: 'broken' }>, header: readonly string[]): BatchRow {
  const idAt = header.indexOf('id');
  return errorRow(brokenRecordError(piece), idAt >= 0 ? piece.fields[idAt] : undefined);
}

/** The handler of the records the fast path does not take, for a row reader. */
export function generalRowHandler(reader: RowReader, format: OutputFormat): SlowRowHandler {
  const write = format === 'csv' ? rowToCsv : rowToJsonl;
  const idAt = reader.header.indexOf('id');
  return (bytes: Uint8Array, start: number, end: number, counts: ChunkCounts, out: ByteWriter, rowId?: string) => {
    const record = readRecord(bytes, start, end);
    let row: BatchRow = 'error' in record ? errorRow(record.error, idAt >= 0 ? record.fields[idAt] : undefined) : reader.classify(record.fields);
    if (rowId !== undefined) row = { id: rowId, ...row };
    tallyRow(row, counts);
    out.text(write(row));
  };
}

/** A compiled header: the fast path with its general path, and the layout to give worker threads. */
export interface CompiledCsv extends FastCsvPlan {
  readonly layout: CsvLayout;
  /** The row reader of the header (what its columns stand for: `reader.plan`). */
  readonly reader: RowReader;
}

/**
 * Compiles a CSV header (already split into names) for a batch classifier.
 *
 * @throws {ChuanNgheoError} `INVALID_ROW` when the header cannot be used.
 */
export function compileFastCsv(header: readonly string[], batch: BatchClassifier, format: OutputFormat, options: ColumnOptions = {}): CompiledCsv {
  const reader = createRowReader(header, batch, options);
  const layout: CsvLayout = {
    header: reader.header,
    source: header,
    columnOptions: options,
    indicatorColumns: reader.indicatorColumns,
    attributeColumns: reader.attributeColumns,
    missingIndicators: reader.plan.missingIndicators.length,
    rowNumbers: !reader.plan.hasId,
  };
  const plan = compileFastRows(layout, { standardId: batch.standard.id, reviewDate: batch.date, decideNumber: batch.decideNumber }, format, generalRowHandler(reader, format));
  return { layout, reader, classifyRows: plan.classifyRows, nextRowNumber: plan.nextRowNumber };
}
