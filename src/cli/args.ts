/**
 * Shared pieces of the command line: reading options, opening files, reporting errors.
 *
 * @module
 */
import { createReadStream, createWriteStream, openSync } from 'node:fs';
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
