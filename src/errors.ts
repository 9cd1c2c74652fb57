/**
 * Errors as data. Every error the library raises carries a stable `code`, the `path` of the
 * offending field (as an array, like zod's issues), the value it `received`, and, where it
 * helps, what was `expected`. Messages are for people; programs should branch on `code`.
 *
 * @module
 */

/** Stable error codes. New codes may be added; existing codes never change meaning. */
export const errorCodes = [
  /** A household field has the wrong type or shape (zod-level problem). */
  'INVALID_FIELD',
  /** A required household field is missing. */
  'MISSING_FIELD',
  /** `area` is not `rural`/`urban` (or a recognised Vietnamese word for them). */
  'INVALID_AREA',
  /** `size` is not a whole number of members ≥ 1. */
  'INVALID_SIZE',
  /** An income value is negative, not a number, or not a plain decimal string. */
  'INVALID_INCOME',
  /** No income field was given. */
  'MISSING_INCOME',
  /** More than one income field was given. */
  'CONFLICTING_INCOME',
  /** A deprivation names an indicator that the chosen standard does not define. */
  'UNKNOWN_INDICATOR',
  /** The same indicator is listed twice among the deprivations. */
  'DUPLICATE_INDICATOR',
  /** A date is not a valid ISO calendar date (YYYY-MM-DD). */
  'INVALID_DATE',
  /** No national standard is in force on the requested date. */
  'NO_STANDARD_IN_FORCE',
  /** The explicitly chosen standard is not in force on the explicitly given date. */
  'STANDARD_NOT_IN_FORCE',
  /** No standard has the requested id. */
  'UNKNOWN_STANDARD',
  /** A standard object fails validation. */
  'INVALID_STANDARD',
  /** `previousCategory` / `previousRecognizedOn` are inconsistent. */
  'INVALID_PREVIOUS_STATUS',
  /** An input file or row could not be read (command line and streaming readers). */
  'INVALID_ROW',
  /** A file's header cannot be used: a column with no name or repeated, a name close to a field's, a column map that does not fit. */
  'INVALID_HEADER',
  /** A record of a file does not end within the longest record read (a quote never closed, or no line ends). */
  'RECORD_TOO_LONG',
  /** A record of a file is not valid UTF-8 text. */
  'INVALID_ENCODING',
  /** A JSON record is nested deeper than the reader allows. */
  'NESTING_TOO_DEEP',
  /** A score-A scorecard fails validation, or an answer does not fit it. */
  'INVALID_SCORECARD',
  /** The standard defines no review scores (score A / score B cut-offs). */
  'NO_REVIEW_SCORES',
  /** A survey record lacks facts that the classification depends on. */
  'UNDETERMINED_INDICATOR',
  /** The options are not an object, or one of them cannot be read or has the wrong type. */
  'INVALID_OPTIONS',
  /** A spreadsheet cell holds an error value (`#N/A`, `#DIV/0!`) or a formula without its computed value. */
  'INVALID_CELL',
  /** A workbook has no worksheet of the requested name. */
  'UNKNOWN_SHEET',
  /** A survey has invalid records ({@link assertValidSurvey}); the message lists every issue. */
  'INVALID_SURVEY',
  /** A stratum of a survey design has a single primary sampling unit, and no rule for it was chosen. */
  'LONELY_PSU',
  /** Weights named `equal`, which means one thing in one tool and another in the next: `nested` or `perIndicator` says which. */
  'AMBIGUOUS_WEIGHTS',
  /** A value the measure needs is blank or missing (an indicator, a weight, a design column), and no rule for it was chosen. */
  'MISSING_VALUE',
  /** A report table cannot be rendered without losing a column: a header or key repeated, a key not camelCase, a row of another length, a figure out of place. */
  'INVALID_TABLE',
  /** An output file could not be written (a missing directory, no permission, a full disk, a closed pipe); the file is left as it was. */
  'OUTPUT_NOT_WRITTEN',
] as const;

/** A stable error code; see {@link errorCodes}. */
export type ErrorCode = (typeof errorCodes)[number];

/** A path into the input, e.g. `['deprived', 2]` or `['incomeMonthlyTotal']`. */
export type ErrorPath = readonly (string | number)[];

/** The plain-JSON form of an error, as found in batch output and safe results. */
export interface ErrorDetail {
  readonly code: ErrorCode;
  readonly path: ErrorPath;
  readonly message: string;
  readonly received?: unknown;
  readonly expected?: string;
}

/**
 * The error thrown by every throwing function of the library.
 *
 * @example
 * const thrown = (() => {
 *   try {
 *     return classify({ area: 'rural', size: -1, incomeMonthlyTotal: 0 }, { date: '2025-12-01' });
 *   } catch (error) {
 *     return error;
 *   }
 * })();
 * thrown instanceof ChuanNgheoError //=> true
 * thrown instanceof ChuanNgheoError && thrown.toJSON()
 * //=> { code: 'INVALID_SIZE', path: ['size'], message: 'size: expected a whole number of members ≥ 1, received the number -1',
 * //     received: -1, expected: 'a whole number of members ≥ 1' }
 */
export class ChuanNgheoError extends Error implements ErrorDetail {
  /** `ChuanNgheoError`, or the name of a subclass (`CsvHeaderError`, `OutputFileError`). */
  override readonly name: string = 'ChuanNgheoError';
  readonly code: ErrorCode;
  readonly path: ErrorPath;
  readonly received?: unknown;
  readonly expected?: string;

  constructor(detail: ErrorDetail) {
    super(detail.message);
    this.code = detail.code;
    this.path = detail.path;
    if ('received' in detail) this.received = detail.received;
    if (detail.expected !== undefined) this.expected = detail.expected;
  }

  /** The plain-JSON detail of this error. */
  toJSON(): ErrorDetail {
    const out: { -readonly [K in keyof ErrorDetail]: ErrorDetail[K] } = {
      code: this.code,
      path: this.path,
      message: this.message,
    };
    if (this.received !== undefined) out.received = this.received;
    if (this.expected !== undefined) out.expected = this.expected;
    return out;
  }
}

/** The result of a safe (never-throwing) function: like zod's `safeParse`. */
export type SafeResult<T> =
  | { readonly success: true; readonly data: T }
  | { readonly success: false; readonly error: ErrorDetail };

/** Longest text quoted in full in a message; longer texts are cut, with their length. */
const QUOTED_MAX = 60;
/** Items or keys of an array or object shown in a message. */
const SHOWN_MAX = 3;

/** Characters that would be invisible or confusing in a quoted text: shown as `\uXXXX`. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u00a0\u00ad\u034f\u061c\u115f\u1160\u1680\u17b4\u17b5\u180b-\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufffb]/g;

function escapeChar(c: string): string {
  switch (c) {
    case '\n':
      return '\\n';
    case '\r':
      return '\\r';
    case '\t':
      return '\\t';
    default:
      return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
  }
}

/** A text in double quotes, escaped, cut after {@link QUOTED_MAX} characters (with its length then). */
function quote(text: string): string {
  const cut = text.length > QUOTED_MAX;
  const shown = cut ? text.slice(0, QUOTED_MAX - 3) : text;
  const body = shown.replace(/["\\]/g, (c) => `\\${c}`).replace(INVISIBLE, escapeChar);
  return cut ? `"${body}…" (${text.length.toLocaleString('en-US')} characters)` : `"${body}"`;
}

/** Digits of a long number cut in the middle, for a message. */
function shortDigits(digits: string): string {
  return digits.length > QUOTED_MAX ? `${digits.slice(0, 25)}…${digits.slice(-25)} (${digits.length.toLocaleString('en-US')} digits)` : digits;
}

/** A real `Date`'s time value (`NaN` when invalid), or `undefined` for anything else, even an imitation. */
export function dateTimeOf(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  try {
    // Throws for any object without a Date's internal slot (a Proxy, an object made from Date.prototype).
    return Date.prototype.getTime.call(value);
  } catch {
    return undefined;
  }
}

/** The name of an object's class (`Map`, `Foo`), or `undefined` for a plain or prototype-less object. */
function classNameOf(value: object): string | undefined {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null || proto === Object.prototype) return undefined;
  const ctor = Object.getOwnPropertyDescriptor(proto, 'constructor')?.value as unknown;
  const name = typeof ctor === 'function' ? Object.getOwnPropertyDescriptor(ctor, 'name')?.value : undefined;
  return typeof name === 'string' && name !== '' && name !== 'Object' ? name : undefined;
}

/** A value inside an array or object, shown without looking further in. */
function shallow(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return quote(value.length > 20 ? `${value.slice(0, 17)}...` : value);
    case 'number':
      return String(value);
    case 'bigint':
      return `${shortDigits(value.toString())}n`;
    case 'undefined':
      return 'undefined';
    case 'boolean':
      return String(value);
    case 'symbol':
      return 'a symbol';
    case 'function':
      return 'a function';
    default:
      if (value === null) return 'null';
      return Array.isArray(value) ? '[…]' : '{…}';
  }
}

/** A key of an object, as it would be written in JavaScript. */
function keyText(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key);
}

function describeObject(value: object): string {
  const time = dateTimeOf(value);
  if (time !== undefined) return Number.isNaN(time) ? 'an invalid Date' : `the Date ${new Date(time).toISOString()}`;
  if (Array.isArray(value)) {
    const n = value.length;
    if (n === 0) return 'an empty array';
    const shown: string[] = [];
    for (let i = 0; i < Math.min(n, SHOWN_MAX); i++) shown.push(shallow(Object.getOwnPropertyDescriptor(value, i)?.value));
    return `an array of ${n.toLocaleString('en-US')} item${n === 1 ? '' : 's'} [${shown.join(', ')}${n > SHOWN_MAX ? ', …' : ''}]`;
  }
  const className = classNameOf(value);
  if (className !== undefined) return `${/^[AEIOU]/.test(className) ? 'an' : 'a'} ${className} object`;
  const keys = Object.keys(value);
  if (keys.length === 0) return 'an empty object';
  const shown = keys.slice(0, SHOWN_MAX).map((k) => {
    // Read through the descriptor: a getter is named, never run.
    const d = Object.getOwnPropertyDescriptor(value, k);
    return `${keyText(k)}: ${d === undefined ? 'undefined' : 'value' in d ? shallow(d.value) : 'a getter'}`;
  });
  return `an object {${shown.join(', ')}${keys.length > SHOWN_MAX ? ', …' : ''}}`;
}

/**
 * Describes a received value in words for a message: its kind and a short rendering, e.g.
 * `the text "abc"`, `an empty text`, `the number -1`, `a BigInt 10n`, `an object {a: 1}`,
 * `an array of 2 items [1, […]]`, `nothing`. Never throws and never runs the value's own code
 * (getters, `toString`): safe for BigInts, objects without a prototype, circular and deeply
 * nested values; long texts are cut.
 */
export function describeReceived(value: unknown): string {
  try {
    switch (typeof value) {
      case 'undefined':
        return 'nothing';
      case 'string':
        return value === '' ? 'an empty text' : `the text ${quote(value)}`;
      case 'number':
        return Number.isNaN(value) ? 'NaN (not a number)' : `the number ${String(value)}`;
      case 'bigint':
        return `a BigInt ${shortDigits(value.toString())}n`;
      case 'boolean':
        return String(value);
      case 'symbol':
        return value.description ? `a symbol ${quote(value.description)}` : 'a symbol';
      case 'function':
        return 'a function';
      default:
        return value === null ? 'null' : describeObject(value as object);
    }
  } catch {
    // A Proxy whose traps throw.
    return 'an object that cannot be read';
  }
}

/** What was thrown, in words: `TypeError: boom`, or the value described. Never throws. */
export function describeThrown(thrown: unknown): string {
  try {
    if (thrown instanceof Error) {
      const name = Object.getOwnPropertyDescriptor(thrown, 'name')?.value ?? Object.getPrototypeOf(thrown)?.constructor?.name;
      const message = Object.getOwnPropertyDescriptor(thrown, 'message')?.value;
      const text = typeof message === 'string' && message !== '' ? `: ${message.length > 120 ? `${message.slice(0, 117)}...` : message}` : '';
      return `${typeof name === 'string' ? name : 'Error'}${text}`;
    }
  } catch {
    // fall through: described as a value
  }
  return describeReceived(thrown);
}

/**
 * Formats a path for a message: `deprived[2]`, `lines.rural.poverty`.
 *
 * @example
 * formatPath(['members', 2, 'dateOfBirth']) //=> 'members[2].dateOfBirth'
 * formatPath([]) //=> '(root)'
 */
export function formatPath(path: ErrorPath): string {
  if (path.length === 0) return '(root)';
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

/** Builds and throws a {@link ChuanNgheoError}. */
export function fail(code: ErrorCode, path: ErrorPath, message: string, received?: unknown, expected?: string): never {
  const detail: { -readonly [K in keyof ErrorDetail]: ErrorDetail[K] } = { code, path, message };
  if (arguments.length >= 4) detail.received = received;
  if (expected !== undefined) detail.expected = expected;
  throw new ChuanNgheoError(detail);
}

/** Whether a thrown value is the library's own error (safe for any value, a Proxy included). */
function isChuanNgheoError(thrown: unknown): thrown is ChuanNgheoError {
  try {
    return thrown instanceof ChuanNgheoError;
  } catch {
    return false;
  }
}

/**
 * Runs `run`, turning anything it throws other than a {@link ChuanNgheoError} into one with `code`
 * and `path`: a value whose reading throws (a getter, a Proxy) is bad input like any other. Causes
 * that can be foreseen are checked before; this is the last resort, and its message says what was
 * thrown (`what: expected a value that can be read, received one whose reading raised …`).
 */
export function readGuarded<T>(run: () => T, code: ErrorCode, path: ErrorPath, what: string): T {
  try {
    return run();
  } catch (error) {
    if (isChuanNgheoError(error)) throw error;
    return fail(code, path, `${what}: expected a value that can be read, received one whose reading raised ${describeThrown(error)}`, undefined, 'a value that can be read');
  }
}

/** Runs a throwing function and returns its outcome as a {@link SafeResult}; it never throws. */
export function toSafe<T>(run: () => T): SafeResult<T> {
  try {
    return { success: true, data: readGuarded(run, 'INVALID_FIELD', [], 'the input') };
  } catch (error) {
    return { success: false, error: (error as ChuanNgheoError).toJSON() };
  }
}

/** {@link toSafe} for work that ends later: resolves to its outcome as a {@link SafeResult}; it never rejects. */
export async function toSafeAsync<T>(run: () => Promise<T>): Promise<SafeResult<T>> {
  let data: T;
  try {
    data = await run();
  } catch (error) {
    return toSafe(() => {
      throw error;
    });
  }
  return { success: true, data };
}

/**
 * Reads a path written as text, `members[2].healthInsurance`, into its parts.
 *
 * @example
 * parsePath('members[2].dateOfBirth') //=> ['members', 2, 'dateOfBirth']
 */
export function parsePath(text: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const m of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return parts;
}
