/**
 * Reading households (not yet classified) from CSV, JSON Lines or a worksheet, for reports and
 * validation.
 *
 * @module
 */
import type { Readable } from 'node:stream';
import { tableEntry, type HouseholdEntry } from '../table-rows.js';
import type { BatchClassifier } from '../batch.js';
import { readCsvRows } from './csv-reader.js';
import { readXlsxRows, type XlsxOptions } from './xlsx-reader.js';
import { readJsonlBatches, type JsonlLimits } from './jsonl-reader.js';
import type { ColumnOptions } from '../columns.js';
import type { InputFormat } from './classify-rows.js';
import { readRecordBatches } from './json-records.js';
import type { FileColumns } from '../column-check.js';

export type { HouseholdEntry } from '../table-rows.js';
export type { FileColumns } from '../column-check.js';

/** Options of {@link readHouseholdBatches}: the reading limits, how a header's columns are read, the worksheet of a workbook, and a look at the columns. */
export interface ReadHouseholdOptions extends JsonlLimits, ColumnOptions, XlsxOptions {
  /**
   * Called once, before any household is yielded: with the CSV or worksheet header, or the first JSON Lines
   * record that is an object (or, for a file without either, at the end). What it throws stops
   * the reading.
   */
  readonly onColumns?: (columns: FileColumns) => void;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads the households of a CSV, JSON Lines or .xlsx stream, in batches, in order, one entry per
 * record. A record's number is its line for JSON Lines, its record for CSV (the header is record
 * 1), its row for a worksheet; in a table without an id column, it is the household's id.
 * @example
 * const batch = createBatchClassifier({ date: '2025-12-01' });
 * let households = 0;
 * for await (const entries of readHouseholdBatches(fs.createReadStream('examples/households.csv'), 'csv', batch)) households += entries.length;
 * households //=> 40
 */
export async function* readHouseholdBatches(input: Readable, format: InputFormat | 'json', batch: BatchClassifier, options: ReadHouseholdOptions = {}): AsyncGenerator<HouseholdEntry[], void, undefined> {
  let told = false;
  const tell = (columns: FileColumns) => {
    told = true;
    options.onColumns?.(columns);
  };
  if (format === 'jsonl' || format === 'json') {
    let record = 0;
    const batches = format === 'json' ? (async function* () {
      for await (const entries of readRecordBatches(input, 'json')) yield { entries };
    })() : readJsonlBatches(input, options);
    for await (const { entries } of batches) {
      if (!told) {
        const first = entries.find((e): e is { value: Record<string, unknown> } => 'value' in e && isObject(e.value));
        if (first) tell({ format: 'jsonl', keys: Object.keys(first.value), attributes: isObject(first.value.attributes) ? Object.keys(first.value.attributes) : [] });
      }
      yield entries.map((e) => ({ record: ++record, ...e }));
    }
    if (!told) tell({ format: 'empty', of: 'jsonl' });
    return;
  }
  if (format === 'xlsx') {
    for await (const { reader, rows } of readXlsxRows(input, batch, options)) {
      if (!told) tell({ format: 'csv', header: reader.header, attributes: reader.attributeColumns });
      yield rows.map((row) => tableEntry(reader, 'error' in row ? row.error : undefined, row.fields, row.row));
    }
    return;
  }
  for await (const { reader, rows, firstRecord } of readCsvRows(input, batch, options)) {
    if (!told) tell({ format: 'csv', header: reader.header, attributes: reader.attributeColumns });
    yield rows.map((row, i) => tableEntry(reader, 'error' in row ? row.error : undefined, row.fields, firstRecord + i));
  }
  if (!told) tell({ format: 'empty', of: 'csv' });
}
