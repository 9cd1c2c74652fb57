/**
 * Turning the first problem zod finds into the library's error terms: a path, what was expected
 * in words, the received value, and the unknown key when there is one. Schemas state what they
 * expect in their own `error` texts; where one does not, {@link expectedInWords} words it from
 * what zod found, so that no message says zod's bare "Invalid input".
 *
 * @module
 */
import * as z from 'zod/mini';
import { describeReceived, fail, formatPath, readGuarded, type ErrorCode } from './errors.js';

/** The first issue of a zod error, in plain terms. */
export interface SchemaIssue {
  readonly path: (string | number)[];
  /** What was expected, in words (`a whole number of members ≥ 1`). */
  readonly message: string;
  readonly input: unknown;
  /** For an unknown key: the key (already appended to `path`). */
  readonly unknownKey?: string;
}

const TYPE_WORDS: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  string: 'a text',
  number: 'a finite number',
  int: 'a whole number',
  boolean: 'true or false',
  bigint: 'a BigInt',
  symbol: 'a symbol',
  undefined: 'nothing',
  null: 'null',
  date: 'a Date',
  array: 'an array',
  tuple: 'an array',
  object: 'an object',
  record: 'an object',
  map: 'a Map',
  set: 'a Set',
  function: 'a function',
  nonoptional: 'a value',
});

function plural(n: number | bigint, one: string): string {
  return `${n} ${one}${n === 1 || n === 1n ? '' : 's'}`;
}

function literal(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : typeof value === 'bigint' ? `${value}n` : String(value);
}

function bound(origin: string, limit: number | bigint, inclusive: boolean | undefined, atLeast: boolean): string {
  const op = atLeast ? (inclusive ? '≥' : '>') : inclusive ? '≤' : '<';
  switch (origin) {
    case 'string':
      if (atLeast && limit === 1) return 'a non-empty text';
      return `a text of ${atLeast ? 'at least' : 'at most'} ${plural(limit, 'character')}`;
    case 'array':
    case 'set':
      if (atLeast && limit === 1) return 'at least one item';
      return `${atLeast ? 'at least' : 'at most'} ${plural(limit, 'item')}`;
    case 'int':
      return `a whole number ${op} ${limit}`;
    default:
      return `a number ${op} ${limit}`;
  }
}

/**
 * What a schema expected where it found a problem, in words: the parse's error map (schemas' own
 * `error` texts take precedence over it). Never throws.
 */
export const expectedInWords = (issue: z.core.$ZodRawIssue): string => {
  switch (issue.code) {
    case 'invalid_type':
      return TYPE_WORDS[issue.expected] ?? `a value of type ${issue.expected}`;
    case 'too_small':
      return bound(issue.origin, issue.minimum, issue.inclusive, true);
    case 'too_big':
      return bound(issue.origin, issue.maximum, issue.inclusive, false);
    case 'invalid_value':
      return issue.values.length === 1 ? literal(issue.values[0]) : `one of ${issue.values.map(literal).join(', ')}`;
    case 'invalid_format':
      return `a text in the ${issue.format} format`;
    case 'not_multiple_of':
      return `a multiple of ${issue.divisor}`;
    case 'invalid_union': {
      // "a text or a finite number", when every alternative failed on the value itself.
      const words = issue.errors.map((branch) => (branch.length === 1 && branch[0]!.path.length === 0 ? branch[0]!.message : undefined));
      return words.length > 0 && words.every((w) => w !== undefined) ? [...new Set(words)].join(' or ') : 'a value of one of the accepted forms';
    }
    case 'invalid_key':
      return 'an object with valid keys';
    case 'invalid_element':
      return 'valid elements';
    case 'unrecognized_keys':
      return 'no other fields';
    default:
      return 'a valid value';
  }
};

/** Parses with the library's wording of what was expected, reporting each received value. */
export function safeParseInWords<T extends z.core.$ZodType>(schema: T, input: unknown): z.core.util.SafeParseResult<z.output<T>> {
  return z.safeParse(schema, input, { reportInput: true, error: expectedInWords });
}

/** Reads the first issue; an unknown key's path ends with that key. */
export function firstIssue(error: z.core.$ZodError): SchemaIssue {
  const issue = error.issues[0]!;
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    return { path: [...path, key], message: `no field ${JSON.stringify(key)}`, input: undefined, unknownKey: key };
  }
  return { path, message: issue.message, input: 'input' in issue ? issue.input : undefined };
}

/** The value of an own property, read without running a getter. */
export function ownValue(object: unknown, key: string): unknown {
  if (typeof object !== 'object' || object === null) return undefined;
  const d = Object.getOwnPropertyDescriptor(object, key);
  return d !== undefined && 'value' in d ? d.value : undefined;
}

/** Parses with a schema, or throws `code` naming what (`a standard`, `a target plan` …) and where. */
export function parseOrFail<T extends z.core.$ZodType>(schema: T, input: unknown, code: ErrorCode, what: string): z.output<T> {
  const parsed = readGuarded(() => safeParseInWords(schema, input), code, [], what);
  if (parsed.success) return parsed.data;
  const issue = firstIssue(parsed.error);
  const where = issue.path.length ? ` at ${formatPath(issue.path)}` : '';
  if (issue.unknownKey !== undefined) {
    const parent = issue.path.slice(0, -1);
    return fail(code, issue.path, `invalid ${what}${where}: expected only the fields the schema defines, received the unknown field ${JSON.stringify(issue.unknownKey)}${parent.length ? ` in ${formatPath(parent)}` : ''}`, undefined, 'a known field');
  }
  return fail(code, issue.path, `invalid ${what}${where}: expected ${issue.message}, received ${describeReceived(issue.input)}`, issue.input, issue.message);
}
