/**
 * Finding the standard that applies: by id, by date, or from a user's own standard object.
 *
 * @module
 */
import { describeReceived, fail, readGuarded, toSafe, type SafeResult } from '../errors.js';
import { parseOrFail } from '../schema-issues.js';
import { readOptions } from '../options.js';
import { toIsoDate, today, type IsoDate } from '../dates.js';
import { standardSchema, type Standard, type StandardInput } from './schema.js';
import type { StandardId } from './ids.js';
import type { DeepReadonly } from '../readonly.js';
import qd59_2015 from './data/qd59-2015.json' with { type: 'json' };
import nd07_2021 from './data/nd07-2021.json' with { type: 'json' };
import nd351_2025 from './data/nd351-2025.json' with { type: 'json' };
import dongNai_2022_2025 from './data/dong-nai-2022-2025.json' with { type: 'json' };

const validated = new WeakSet<object>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * Validates a standard object strictly (unknown keys fail) and returns it frozen.
 * Use it for a province's local standard; the national standards are already defined.
 *
 * The input is typed as {@link StandardInput} (readonly at every depth, so that parts written
 * `as const` fit): a misspelt key, a missing field or a value of the wrong kind does not compile. For a standard whose shape is not known until run time (a parsed
 * file, a request body), use {@link safeDefineStandard}, which takes `unknown` and never throws,
 * or {@link loadStandard} for JSON text.
 *
 * @throws {ChuanNgheoError} `INVALID_STANDARD`, naming the path of the first problem.
 * @example
 * const local = defineStandard({ ...getStandard('nd07-2021'), id: 'my-province-2022', scope: 'local', jurisdiction: 'My province' });
 * local.rule.minDeprivations.value //=> 3
 */
export function defineStandard(input: DeepReadonly<StandardInput>): Standard {
  return readStandard(input);
}

/**
 * Validates a value of any shape as a standard: the run-time check behind {@link defineStandard},
 * {@link safeDefineStandard} and {@link loadStandard}.
 */
export function readStandard(input: unknown): Standard {
  if (input && typeof input === 'object' && validated.has(input)) return input as Standard;
  const standard = deepFreeze(parseOrFail(standardSchema, input, 'INVALID_STANDARD', 'standard'));
  validated.add(standard);
  return standard;
}

/**
 * Safe twin of {@link defineStandard}, and the entry for untrusted data: takes any value, checks it
 * at run time and returns `{ success, data | error }`; it never throws, whatever its argument.
 *
 * @example
 * const r = safeDefineStandard({ ...getStandard('nd07-2021'), id: '' });
 * r.success //=> false
 * !r.success && r.error.code //=> 'INVALID_STANDARD'
 * !r.success && r.error.path //=> ['id']
 * const parsed: unknown = JSON.parse(JSON.stringify({ ...getStandard('nd07-2021'), id: 'my-province-2025', scope: 'local', jurisdiction: 'My province' }));
 * const s = safeDefineStandard(parsed);
 * s.success && s.data.id //=> 'my-province-2025'
 */
export function safeDefineStandard(input: unknown): SafeResult<Standard> {
  return toSafe(() => readStandard(input));
}

/**
 * Reads a standard from JSON text (a file a province wrote, or a copy of a shipped standard as
 * `chuan-ngheo standards ID --format json` prints it, with its figures and id changed) and
 * validates it as {@link defineStandard} does.
 *
 * @throws {ChuanNgheoError} `INVALID_STANDARD`: text that is not JSON (path `[]`), or a standard
 * that fails validation, naming the path of the first problem.
 * @example
 * const text = JSON.stringify({ ...getStandard('nd07-2021'), id: 'my-province-2025', scope: 'local', jurisdiction: 'My province' });
 * loadStandard(text).id //=> 'my-province-2025'
 */
export function loadStandard(json: string): Standard {
  if (typeof json !== 'string') fail('INVALID_STANDARD', [], `standard: expected JSON text, received ${describeReceived(json)}`, json, 'JSON text');
  let parsed: unknown;
  try {
    parsed = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch (error) {
    fail('INVALID_STANDARD', [], `standard: expected JSON text, received text that is not JSON (${(error as Error).message})`, json.length > 200 ? `${json.slice(0, 200)}…` : json, 'JSON text');
  }
  return readStandard(parsed);
}

/**
 * Safe twin of {@link loadStandard}.
 *
 * @example
 * const r = safeLoadStandard('{ "id": ');
 * !r.success && r.error.code //=> 'INVALID_STANDARD'
 */
export function safeLoadStandard(json: string): SafeResult<Standard> {
  return toSafe(() => loadStandard(json));
}

/**
 * A standard shipped with the library, read from its JSON file (bundled at build time, so the core
 * reads no file): frozen and marked valid without parsing it again at every start-up (the build
 * and the test suite check each file against the strict schema).
 */
function shipped(input: unknown): Standard {
  const standard = deepFreeze(input as Standard);
  validated.add(standard);
  return standard;
}

/** The national standards, oldest first: `qd59-2015`, `nd07-2021`, `nd351-2025`. */
export const nationalStandards: readonly Standard[] = Object.freeze([qd59_2015, nd07_2021, nd351_2025].map(shipped));

/** Local standards shipped as examples of the data model (chosen only by id, never by date). */
export const localStandards: readonly Standard[] = Object.freeze([shipped(dongNai_2022_2025)]);

/** Ids of every standard shipped with the library. */
export const standardIds: readonly StandardId[] = Object.freeze([...nationalStandards, ...localStandards].map((s) => s.id as StandardId));

/**
 * Whether a value is the id of a shipped standard: narrows a text read at run time (an argument, a
 * setting) to {@link StandardId}.
 *
 * @example
 * isStandardId('nd07-2021') //=> true
 * isStandardId('nd07') //=> false
 */
export function isStandardId(value: unknown): value is StandardId {
  return typeof value === 'string' && (standardIds as readonly string[]).includes(value);
}

/**
 * The shipped standard with this id.
 *
 * @throws {ChuanNgheoError} `UNKNOWN_STANDARD`.
 * @example
 * getStandard('nd07-2021').rule.kind //=> 'single-line'
 */
export function getStandard(id: StandardId | (string & {})): Standard {
  const found = [...nationalStandards, ...localStandards].find((s) => s.id === id);
  if (!found) fail('UNKNOWN_STANDARD', ['standard'], `standard: expected the id of a standard (${standardIds.join(', ')}), received ${describeReceived(id)}`, id, standardIds.join(' | '));
  return found;
}

/**
 * Safe twin of {@link getStandard}: takes any value (an id read from a file or a request) and
 * returns `{ success, data | error }`; it never throws.
 *
 * @example
 * const r = safeGetStandard('nd07');
 * !r.success && r.error.code //=> 'UNKNOWN_STANDARD'
 * const s = safeGetStandard('nd351-2025');
 * s.success && s.data.indicators.length //=> 12
 */
export function safeGetStandard(id: unknown): SafeResult<Standard> {
  return toSafe(() => getStandard(id as string));
}

/**
 * The national standard in force on a date.
 *
 * @throws {ChuanNgheoError} `INVALID_DATE`, or `NO_STANDARD_IN_FORCE` before 2016-01-01 and after 2030-12-31.
 * @example
 * standardInForce('2021-12-31').id //=> 'qd59-2015'
 * standardInForce('2022-01-01').id //=> 'nd07-2021'
 */
export function standardInForce(date: IsoDate | Date): Standard {
  const day = toIsoDate(date, ['date']);
  const found = nationalStandards.find((s) => s.effective.from <= day && day <= s.effective.to);
  if (!found) {
    const first = nationalStandards[0]!.effective.from;
    const last = nationalStandards[nationalStandards.length - 1]!.effective.to;
    fail('NO_STANDARD_IN_FORCE', ['date'], `date: expected a date from ${first} to ${last} (when a national poverty standard is in force), received ${day}`, day, `a date from ${first} to ${last}`);
  }
  return found;
}

/**
 * Safe twin of {@link standardInForce}.
 *
 * @example
 * const r = safeStandardInForce('2031-01-01');
 * !r.success && r.error.code //=> 'NO_STANDARD_IN_FORCE'
 * const s = safeStandardInForce('2025-12-01');
 * s.success && s.data.id //=> 'nd07-2021'
 */
export function safeStandardInForce(date: IsoDate | Date): SafeResult<Standard> {
  return toSafe(() => standardInForce(date));
}

/** How the standard and the review date were chosen. */
export interface StandardChoice {
  /** The id of a shipped standard, or a standard object of one's own (validated strictly). */
  readonly standard?: StandardId | DeepReadonly<StandardInput> | undefined;
  /** The review date (`YYYY-MM-DD` or a `Date`); today when omitted. */
  readonly date?: IsoDate | Date | undefined;
}

/** The standard and review date a classification uses. */
export interface ResolvedStandard {
  readonly standard: Standard;
  readonly date: IsoDate;
  /** `true` when the date was not given and today's date was used. */
  readonly dateDefaulted: boolean;
}

/**
 * Resolves the standard and the review date. With only a date, the national standard in force;
 * with only a standard, that standard at today's date; with both, they must agree. The options
 * are read defensively: any value may be passed, and a bad one is an error with a code.
 *
 * @param choice - `standard`, `date`, and optionally `today` (a function giving today's date,
 *   which takes precedence over `todayDate`).
 * @param todayDate - Today's date when `date` is omitted (the system's by default).
 * @throws {ChuanNgheoError} `INVALID_OPTIONS`, `UNKNOWN_STANDARD`, `INVALID_STANDARD`,
 * `INVALID_DATE`, `NO_STANDARD_IN_FORCE`, `STANDARD_NOT_IN_FORCE`.
 * @example
 * resolveStandard({ date: '2025-12-01' }).standard.id //=> 'nd07-2021'
 * resolveStandard({ standard: 'dong-nai-2022-2025', date: '2024-06-01' }).date //=> '2024-06-01'
 * resolveStandard({ standard: 'qd59-2015', date: '2025-12-01' }) //=> throws STANDARD_NOT_IN_FORCE
 */
export function resolveStandard(choice: StandardChoice & { readonly today?: () => IsoDate } = {}, todayDate: () => IsoDate = today): ResolvedStandard {
  return resolveStandardAmong(choice, [], todayDate);
}

/** The options that choose a standard and a review date. */
const standardOptions = ['standard', 'date', 'today'] as const;

/**
 * {@link resolveStandard} for a function whose options are the standard choice and `others`: an
 * option outside both is an `INVALID_OPTIONS` error naming it.
 */
export function resolveStandardAmong(choice: unknown, others: readonly string[], todayDate: () => IsoDate = today): ResolvedStandard {
  const options = readOptions(choice, standardOptions, [...standardOptions, ...others]);
  const dateGiven = options.date !== undefined;
  const date = dateGiven ? toIsoDate(options.date, ['date']) : todayOf(options.today ?? todayDate);
  const chosen = options.standard;
  if (chosen === undefined) return { standard: standardInForce(date), date, dateDefaulted: !dateGiven };
  const standard = typeof chosen === 'string' ? getStandard(chosen) : readGuarded(() => readStandard(chosen), 'INVALID_STANDARD', ['standard'], 'the standard');
  // Checked whether the date was given or is today's: a result never says a standard applies on a date it does not.
  if (date < standard.effective.from || date > standard.effective.to) {
    fail(
      'STANDARD_NOT_IN_FORCE',
      ['date'],
      dateGiven
        ? `date: expected a date from ${standard.effective.from} to ${standard.effective.to}, when standard ${standard.id} applies, received ${date}`
        : `date: standard ${standard.id} applies from ${standard.effective.from} to ${standard.effective.to}, not today (${date}); give the review date (date) within that period`,
      date,
      `a date from ${standard.effective.from} to ${standard.effective.to}`,
    );
  }
  return { standard, date, dateDefaulted: !dateGiven };
}

/**
 * Safe twin of {@link resolveStandard}: takes any value as the choice and returns
 * `{ success, data | error }`; it never throws.
 *
 * @example
 * const r = safeResolveStandard({ standard: 'qd59-2015', date: '2025-12-01' });
 * !r.success && r.error.code //=> 'STANDARD_NOT_IN_FORCE'
 * const s = safeResolveStandard({ date: '2027-06-01' });
 * s.success && s.data.standard.id //=> 'nd351-2025'
 */
export function safeResolveStandard(choice: unknown, todayDate: () => IsoDate = today): SafeResult<ResolvedStandard> {
  return toSafe(() => resolveStandard(choice as StandardChoice, todayDate));
}

/** Today's date from the `today` option (or the default), checked like a given date. */
function todayOf(todayOption: unknown): IsoDate {
  if (typeof todayOption !== 'function') {
    fail('INVALID_OPTIONS', ['today'], `options.today: expected a function returning today's date YYYY-MM-DD, received ${describeReceived(todayOption)}`, todayOption, 'a function');
  }
  const value = readGuarded(() => (todayOption as () => unknown)(), 'INVALID_OPTIONS', ['today'], 'options.today()');
  return toIsoDate(value, ['today']);
}
