/**
 * chuan-ngheo/tabular: reading households from rows of a table (a CSV file, a worksheet): the CSV
 * record reader, the header plan that maps columns (English or Vietnamese names) to fields, and the
 * row reader that turns each row into a classification. Pure (no I/O): give it text or rows; the
 * file and stream readers are in `chuan-ngheo/node`.
 *
 * @packageDocumentation
 * @module chuan-ngheo/tabular
 */
export { createRowReader, safeCreateRowReader, fieldColumns } from '../tabular.js';
export type { RowReader } from '../tabular.js';
export { planHeader, safePlanHeader, normalizeColumnName, vietnameseFieldNames, parseColumnMap, safeParseColumnMap } from '../columns.js';
export type { HeaderPlan, ColumnOptions } from '../columns.js';
export { readCsv, safeReadCsv, splitRecord, CsvCutter, CsvHeaderError, defaultMaxRecordBytes } from './records.js';
export type { CsvPiece, CsvRecord, RecordFields, CsvLimits, CsvCutterOptions } from './records.js';
