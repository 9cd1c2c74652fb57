/**
 * Shared pieces of the command line: reading options, opening files, reporting errors.
 *
 * @module
 */
import { createReadStream, createWriteStream, openSync, readFileSync } from 'node:fs';
import { extname } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { ChuanNgheoError, formatPath } from '../errors.js';
import { loadStandard } from '../standards/registry.js';
import type { Standard } from '../standards/schema.js';

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

/**
 * The standard and date options as a choice for the library (absent options stay absent). A
 * `--standard-file` is read and validated here, so that a bad file stops the command before it
 * reads any record, and the standard reaches worker threads as data.
 */
export function standardChoiceOf(values: {
  readonly standard?: string | undefined;
  readonly 'standard-file'?: string | undefined;
  readonly date?: string | undefined;
}): { standard?: string | Standard; date?: string } {
  const file = values['standard-file'];
  if (file !== undefined && values.standard !== undefined) throw new UsageError('give --standard ID or --standard-file FILE, not both');
  const standard = file !== undefined ? readStandardFile(file) : values.standard;
  return { ...(standard !== undefined ? { standard } : {}), ...(values.date !== undefined ? { date: values.date } : {}) };
}

/** Reads a standard of the user's own from a JSON file, validated strictly. */
export function readStandardFile(file: string): Standard {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--standard-file ${file}: ${describeFatal(error)}`);
  }
  try {
    return loadStandard(text);
  } catch (error) {
    throw new UsageError(`--standard-file ${file}: ${describeFatal(error)}`);
  }
}

/** The option of a standard of the user's own, shared by every command that classifies. */
export const standardFileOption = { 'standard-file': { type: 'string' } } as const;

/** The usage lines of `--standard-file`. */
export const standardFileUsage = `  --standard-file FILE  classify under a standard of your own: JSON in the form that
                        'chuan-ngheo standards ID --format json' prints (copy a shipped standard,
                        change its id and figures), validated strictly; errors name the path`;

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
