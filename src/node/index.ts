/**
 * chuan-ngheo/node: classifying and reading survey files (CSV, JSON, JSON Lines, Excel workbooks)
 * as streams, on one thread or several, and writing results and reports to files safely. Node only;
 * the pure core is the package's main entry. exceljs is loaded only when a workbook is read or written.
 *
 * @packageDocumentation
 * @module chuan-ngheo/node
 */
export { classifyStream } from './classify-stream.js';
export type { ClassifyStreamOptions, InputFormat } from './classify-stream.js';
export type { StreamSummary, RowCounts } from './run-summary.js';
export { classifyCsvParallel } from './classify-csv-parallel.js';
export type { ClassifyCsvParallelOptions } from './classify-csv-parallel.js';
export { classifyJsonlParallel } from './classify-jsonl-parallel.js';
export type { ClassifyJsonlParallelOptions } from './classify-jsonl-parallel.js';
export { classifyJsonArray } from './classify-json-array.js';
export type { ClassifyJsonArrayOptions } from './classify-json-array.js';
export { classifyXlsx } from './classify-xlsx.js';
export type { ClassifyXlsxOptions } from './classify-xlsx.js';
export type { ClassifyParallelOptions, FileReadingOptions } from './chunk-pool.js';
/** @internal */
export { parallelFromBytes } from './chunk-pool.js';
export { classifyRowsOf } from './classify-rows.js';
export type { RowsOptions } from './classify-rows.js';
export { readHouseholdBatches } from './household-reader.js';
export type { HouseholdEntry, ReadHouseholdOptions, FileColumns } from './household-reader.js';
export { readRecordBatches } from './json-records.js';
export { readCsvRows } from './csv-reader.js';
export type { CsvRowsBatch } from './csv-reader.js';
export { readJsonlBatches } from './jsonl-reader.js';
export type { JsonlBatch, JsonlEntry, JsonlLimits } from './jsonl-reader.js';
export { readXlsxRows, readSheetRows } from './xlsx-reader.js';
export type { XlsxOptions, XlsxRowsBatch, SheetRowsBatch, SheetRecord } from './xlsx-reader.js';
export { rowToCsv, rowToJsonl, csvOutputColumns } from './output.js';
export type { OutputFormat } from './output.js';
export { openAtomicOutput, writeFileAtomic, safeWriteFileAtomic, OutputFileError } from './atomic-output.js';
export type { AtomicOutput, AtomicOutputOptions } from './atomic-output.js';
export { writeClassifiedXlsx, writeTablesXlsx, sheetNames, xlsxMaxRows, xlsxMaxCellText } from './xlsx-writer.js';
export type { ClassifiedXlsxOptions } from './xlsx-writer.js';
