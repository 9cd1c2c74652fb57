/**
 * Turning the first problem zod finds into the library's error terms: a path, a message, the
 * received value, and the unknown key when there is one.
 *
 * @module
 */
import type { z } from 'zod';
import { fail, formatPath, type ErrorCode } from './errors.js';

/** The first issue of a zod error, in plain terms. */
export interface SchemaIssue {
  readonly path: (string | number)[];
  readonly message: string;
  readonly input: unknown;
  /** For an unknown key: the key (already appended to `path`). */
  readonly unknownKey?: string;
}

/** Reads the first issue; an unknown key's path ends with that key. */
export function firstIssue(error: z.ZodError): SchemaIssue {
  const issue = error.issues[0]!;
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    return { path: [...path, key], message: `unknown key(s) ${issue.keys.join(', ')}`, input: undefined, unknownKey: key };
  }
  return { path, message: issue.message, input: 'input' in issue ? issue.input : undefined };
}

/** Parses with a schema, or throws `code` naming what (`a standard`, `a target plan` …) and where. */
export function parseOrFail<T extends z.ZodType>(schema: T, input: unknown, code: ErrorCode, what: string): z.infer<T> {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  const issue = firstIssue(parsed.error);
  return fail(code, issue.path, `invalid ${what} at ${formatPath(issue.path)}: ${issue.message}`, issue.input);
}
