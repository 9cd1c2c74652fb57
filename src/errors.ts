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

/** The error thrown by every throwing function of the library. */
export class ChuanNgheoError extends Error implements ErrorDetail {
  override readonly name = 'ChuanNgheoError';
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

/** Formats a received value for a message: short, quoted when a string. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (value === undefined) return 'nothing';
  if (typeof value === 'bigint') return `${value}n`;
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return String(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return String(value);
  }
}

/** Formats a path for a message: `deprived[2]`, `lines.rural.poverty`. */
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

/** Runs a throwing function and returns its outcome as a {@link SafeResult}. */
export function toSafe<T>(run: () => T): SafeResult<T> {
  try {
    return { success: true, data: run() };
  } catch (error) {
    if (error instanceof ChuanNgheoError) return { success: false, error: error.toJSON() };
    throw error;
  }
}

/** Reads a path written as text, `members[2].healthInsurance`, into its parts. */
export function parsePath(text: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const m of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return parts;
}
