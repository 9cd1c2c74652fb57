/**
 * chuan-ngheo/node: reading and writing survey files (CSV, JSON Lines, Excel workbooks) as
 * streams. Node only; the pure core is the package's main entry. exceljs is loaded only when a
 * workbook is read or written.
 *
 * @packageDocumentation
 */
export { classifyStream, summaryOf } from './classify-stream.js';
export { classifyRowsOf } from './classify-rows.js';
export type { RowsOptions } from './classify-rows.js';
export type { ClassifyStreamOptions, StreamSummary, InputFormat } from './classify-stream.js';
export { readCsvRows } from './csv-reader.js';
export type { CsvRowsBatch } from './csv-reader.js';
export { readCsvPieces } from './csv-pieces.js';
export { readJsonlBatches, jsonLineEntry } from './jsonl-reader.js';
export type { JsonlBatch, JsonlEntry, JsonlLimits } from './jsonl-reader.js';
export { csvCell, rowToCsv, rowToJsonl, csvOutputColumns } from './output.js';
export { openAtomicOutput, writeFileAtomic, OutputFileError, fileErrorReason } from './atomic-output.js';
export type { AtomicOutput, AtomicOutputOptions } from './atomic-output.js';
export type { OutputFormat } from './output.js';
export { readHouseholdBatches } from './household-reader.js';
export type { HouseholdEntry, ReadHouseholdOptions, FileColumns } from './household-reader.js';
export { readRecordBatches } from './json-records.js';
export { classifyCsvParallel } from './classify-csv-parallel.js';
export type { ClassifyCsvParallelOptions } from './classify-csv-parallel.js';
export { classifyJsonlParallel } from './classify-jsonl-parallel.js';
export { classifyJsonArray } from './classify-json-array.js';
export type { ClassifyJsonArrayOptions } from './classify-json-array.js';
export type { ClassifyJsonlParallelOptions } from './classify-jsonl-parallel.js';
export { classifyJsonlChunk } from './jsonl-chunk.js';
export { createChunkPool, parallelFromBytes, defaultWorkerUrl, standardForWorkers } from './chunk-pool.js';
export type { ChunkPool, ChunkPoolOptions, ClassifyParallelOptions, FileReadingOptions } from './chunk-pool.js';
export type { WorkerInit, WorkerRequest, WorkerResult } from './chunk-worker.js';
export { ByteWriter, emptyCounts, addCounts, tallyRow, classifyChunk } from './chunk-output.js';
export type { ChunkCounts, ChunkResult, ChunkClassifier } from './chunk-output.js';
export { compileFastRows, chunkClassifierOf } from './fast-csv.js';
export { compileFastCsv, generalRowHandler } from './csv-general-rows.js';
export type { FastCsvPlan, CsvLayout, FastDecider, SlowRowHandler } from './fast-csv.js';
export type { CompiledCsv } from './csv-general-rows.js';
export { readXlsxRows, readSheetRows } from './xlsx-reader.js';
export type { XlsxOptions, XlsxRowsBatch, SheetRowsBatch, SheetRecord } from './xlsx-reader.js';
export { classifyXlsx } from './classify-xlsx.js';
export type { ClassifyXlsxOptions } from './classify-xlsx.js';
export { writeClassifiedXlsx, writeTablesXlsx, sheetNames, xlsxMaxRows, xlsxMaxCellText } from './xlsx-writer.js';
export type { ClassifiedXlsxOptions } from './xlsx-writer.js';
export { cellText, plainNumber, dateText, isDateFormat, columnLetters } from './xlsx-cells.js';
export type { CellText, CellProblem } from './xlsx-cells.js';
