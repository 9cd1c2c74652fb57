/**
 * Shared pieces of the command line: reading options, opening files, reporting errors.
 *
 * @module
 */
import { createReadStream, createWriteStream, openSync, readFileSync } from 'node:fs';
import type { ColumnOptions, HeaderPlan } from '../columns.js';
import { extname } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { ChuanNgheoError, formatPath } from '../errors.js';

/** A usage error: exit status 2, message on stderr. */
export class UsageError extends Error {}

/** The exit statuses of the command line. */
export const exitStatus = { ok: 0, invalidRows: 1, usage: 2 } as const;

/** Opens FILE, or standard input for `-` or no file. A file that cannot be opened fails here, before anything is written. */
export function openInput(file: string | undefined): Readable {
  if (file === undefined || file === '-') return process.stdin;
  return createReadStream(file, { fd: openSync(file, 'r'), highWaterMark: 1 << 20 });
}

/** Opens FILE for writing, or standard output. */
export function openOutput(file: string | undefined): Writable {
  return file === undefined || file === '-' ? process.stdout : createWriteStream(file);
}

/** The input format: `--input`, else the file's extension (`.jsonl`/`.ndjson` → jsonl), else csv. */
export function inputFormatOf(file: string | undefined, given: string | undefined): 'csv' | 'jsonl' {
  if (given !== undefined) return oneOf('--input', given, ['csv', 'jsonl']);
  const ext = file ? extname(file).toLowerCase() : '';
  return ext === '.jsonl' || ext === '.ndjson' ? 'jsonl' : 'csv';
}

/** Checks an option's value against its allowed values. */
export function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${option} must be one of ${allowed.join(', ')}; received ${JSON.stringify(value)}`);
  return value as T;
}

/** A one-line message for an error that stops the command. */
export function describeFatal(error: unknown): string {
  if (error instanceof ChuanNgheoError) return `${error.code} at ${formatPath(error.path)}: ${error.message}`;
  if (error instanceof UsageError) return error.message;
  if (error && typeof error === 'object' && 'code' in error && (error as { code: unknown }).code === 'ENOENT') {
    return `cannot open ${(error as { path?: string }).path ?? 'the file'}: no such file`;
  }
  return error instanceof Error ? error.message : String(error);
}

/** The standard and date options as a choice for the library (absent options stay absent). */
export function standardChoiceOf(values: { readonly standard?: string | undefined; readonly date?: string | undefined }): { standard?: string; date?: string } {
  return { ...(values.standard !== undefined ? { standard: values.standard } : {}), ...(values.date !== undefined ? { date: values.date } : {}) };
}

/** The options of the reading limits, shared by every command that reads a file. */
export const limitOptions = {
  'max-record-bytes': { type: 'string' },
  'max-depth': { type: 'string' },
} as const;

/** The usage lines of the reading limits. */
export const limitUsage = `  --max-record-bytes N  the longest record (CSV record or JSON line) in bytes; a longer one is one
                        RECORD_TOO_LONG row and reading goes on (default 1048576)
  --max-depth N         the deepest nesting of a JSON record (default 64)`;

/** A whole number written in digits, within [min, max]. */
export function wholeNumberOption(option: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d{1,15}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`${option} must be a whole number from ${min} to ${max}, written in digits; received ${JSON.stringify(value)}`);
  }
  return Number(value);
}

/** The reading limits given on the command line (absent ones stay absent: the library's defaults apply). */
export function limitsOf(values: { readonly 'max-record-bytes'?: string | undefined; readonly 'max-depth'?: string | undefined }): { maxRecordBytes?: number; maxDepth?: number } {
  return {
    ...(values['max-record-bytes'] !== undefined ? { maxRecordBytes: wholeNumberOption('--max-record-bytes', values['max-record-bytes'], 16, 1 << 30) } : {}),
    ...(values['max-depth'] !== undefined ? { maxDepth: wholeNumberOption('--max-depth', values['max-depth'], 1, 10_000) } : {}),
  };
}

/** The options that say how a file's columns are read, shared by the commands that read tables. */
export const columnOptions = {
  columns: { type: 'string' },
  'keep-column': { type: 'string', multiple: true },
} as const;

/** The usage lines of the column options. */
export const columnUsage = `  --columns MAP.json    the file's column names mapped to fields and indicator ids
                        ({"Mã hộ": "id", "BHYT": "healthInsurance"}, or {"columns": {…}, "values":
                        {"area": {"NT": "rural"}, "indicators": {"Có": 1, "Không": 0}}})
  --keep-column NAME    keep a column whose name is close to a field's as an attribute (repeatable)`;

/** The column options given on the command line, read and checked. */
export function columnOptionsOf(values: { readonly columns?: string | undefined; readonly 'keep-column'?: string[] | undefined }): ColumnOptions {
  let map: ColumnOptions = {};
  if (values.columns !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(values.columns, 'utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new UsageError(`--columns ${values.columns}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not valid JSON (${(error as Error).message})`}`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UsageError(`--columns ${values.columns}: expected a JSON object of column names, received ${Array.isArray(parsed) ? 'an array' : typeof parsed}`);
    const o = parsed as Record<string, unknown>;
    const structured = 'columns' in o || 'values' in o || 'keepColumns' in o;
    const columns = structured ? o.columns ?? {} : o;
    for (const [k, v] of Object.entries(columns as object)) {
      if (typeof v !== 'string') throw new UsageError(`--columns ${values.columns}: the column ${JSON.stringify(k)} must map to a field or indicator id (text), received ${JSON.stringify(v)}`);
    }
    if (structured) {
      for (const key of Object.keys(o)) if (!['columns', 'values', 'keepColumns'].includes(key)) throw new UsageError(`--columns ${values.columns}: unknown key ${JSON.stringify(key)} (expected columns, values, keepColumns)`);
    }
    map = {
      columns: columns as Record<string, string>,
      ...(structured && o.values !== undefined ? { values: o.values as NonNullable<ColumnOptions['values']> } : {}),
      ...(structured && Array.isArray(o.keepColumns) ? { keepColumns: o.keepColumns as string[] } : {}),
    };
  }
  const keep = [...(map.keepColumns ?? []), ...(values['keep-column'] ?? [])];
  return { ...map, ...(keep.length ? { keepColumns: keep } : {}) };
}

/** One line on stderr for each thing about a header a user should know: renamed columns, missing indicators, no id. */
export function describeHeader(plan: HeaderPlan, standard: string): string {
  let text = '';
  if (plan.renamed.length) text += `chuan-ngheo: columns read as ${plan.renamed.map((r) => `${JSON.stringify(r.column)} → ${r.as}`).join(', ')}\n`;
  if (plan.missingIndicators.length) {
    text += `chuan-ngheo: no column for ${plan.missingIndicators.join(', ')} (indicators of ${standard}): undetermined in every row; a row whose category depends on ${plan.missingIndicators.length > 1 ? 'them' : 'it'} is an UNDETERMINED_INDICATOR error\n`;
  }
  if (!plan.hasId) text += 'chuan-ngheo: no id column: each row\'s id is its record number (the header is record 1)\n';
  return text;
}
