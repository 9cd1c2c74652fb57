/**
 * Movement between two reviews, matched by household id, for the poor and the near-poor lists as
 * the official templates track them: beginning, escaped (thoát), fallen back (tái nghèo / tái cận
 * nghèo: had escaped before, back on the list), newly on the list (phát sinh), moved between the
 * two lists, left (no longer in the review), end; and the change of the rates in percentage points.
 *
 * @module
 */
import { fail, toSafe, type SafeResult } from '../errors.js';
import { BigDecimal as Decimal } from './big-decimal.js';
import type { Category } from '../rule.js';
import { Fraction, show } from './exact.js';
import { checkDecimals } from './tally.js';

/** A household in one review. */
export interface ReviewEntry {
  readonly id: string | number;
  readonly category: Category;
  /**
   * In the earlier review: whether the household had already escaped poverty or near-poverty
   * (e.g. `newlyEscaped` there), so that returning to a list counts as fallen back.
   */
  readonly escaped?: 'poverty' | 'near-poverty' | null;
}

/** Movement of one list. */
export interface ListMovement {
  readonly list: 'poor' | 'near-poor';
  /** On the list in the earlier review. */
  readonly beginning: number;
  /** On the list in both. */
  readonly stayed: number;
  /** Left the list for a better category (poor → near-poor counts as escaping poverty). */
  readonly escaped: number;
  /** Of the escaped, now on the near-poor list (poor list only). */
  readonly escapedToNearPoor: number;
  /** Left the list for the poor list (near-poor list only). */
  readonly movedToPoor: number;
  /** Came from the other list (poor list: from near-poor; near-poor list: from poor). */
  readonly movedIn: number;
  /** Back on the list after an earlier escape. */
  readonly fallenBack: number;
  /** On the list for the first time (including households new to the review). */
  readonly newlyOn: number;
  /** On the list earlier, absent from the later review. */
  readonly left: number;
  /** On the list in the later review. */
  readonly end: number;
}

/** The comparison of two reviews. */
export interface Transitions {
  readonly households: { readonly before: number; readonly after: number; readonly matched: number; readonly left: number; readonly arrived: number };
  readonly poor: ListMovement;
  readonly nearPoor: ListMovement;
  /** Rates in percent, and their change in percentage points, rounded half to even to `decimals`. */
  readonly rates: {
    readonly poorBefore: number;
    readonly poorAfter: number;
    readonly poorChange: number;
    readonly nearPoorBefore: number;
    readonly nearPoorAfter: number;
    readonly nearPoorChange: number;
    readonly decimals: number;
    /**
     * The same rates and changes exactly, as fraction strings (`"600/19"`); `null` when a review
     * has no households (the rounded rate is then 0), and a change is `null` when either rate is.
     */
    readonly exact: {
      readonly poorBefore: string | null;
      readonly poorAfter: string | null;
      readonly poorChange: string | null;
      readonly nearPoorBefore: string | null;
      readonly nearPoorAfter: string | null;
      readonly nearPoorChange: string | null;
    };
  };
}

const better: Readonly<Record<'poor' | 'near-poor', ReadonlySet<Category>>> = {
  poor: new Set(['near-poor', 'average', 'none']),
  'near-poor': new Set(['average', 'none']),
};

const categorySet: ReadonlySet<unknown> = new Set<Category>(['poor', 'near-poor', 'average', 'none']);
const escapes: ReadonlySet<unknown> = new Set([undefined, null, 'poverty', 'near-poverty']);

function index(entries: Iterable<ReviewEntry>, which: 'before' | 'after'): Map<string | number, ReviewEntry> {
  if (typeof (entries as { [Symbol.iterator]?: unknown } | null | undefined)?.[Symbol.iterator] !== 'function') {
    fail('INVALID_FIELD', [which], `${which}: expected a list (or another iterable) of households with id and category, received ${show(entries)}`, entries);
  }
  const map = new Map<string | number, ReviewEntry>();
  let i = 0;
  for (const e of entries as Iterable<unknown>) {
    if (typeof e !== 'object' || e === null || Array.isArray(e)) fail('INVALID_FIELD', [which, i], `${which}[${i}]: expected a household with id and category, received ${show(e)}`, e);
    const { id, category, escaped } = e as Record<string, unknown>;
    if (typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) fail('INVALID_FIELD', [which, i, 'id'], `${which}[${i}].id: expected a string or a finite number, received ${show(id)}`, id);
    if (!categorySet.has(category)) fail('INVALID_FIELD', [which, i, 'category'], `${which}[${i}].category: expected poor, near-poor, average or none, received ${show(category)}`, category);
    if (!escapes.has(escaped)) fail('INVALID_FIELD', [which, i, 'escaped'], `${which}[${i}].escaped: expected poverty, near-poverty or null, received ${show(escaped)}`, escaped);
    if (map.has(id as string | number)) fail('INVALID_FIELD', [which, i, 'id'], `${which}[${i}]: household id ${JSON.stringify(id)} appears twice`, id);
    map.set(id as string | number, e as ReviewEntry);
    i++;
  }
  return map;
}

/**
 * Compares two reviews.
 *
 * @throws {ChuanNgheoError} `INVALID_FIELD` when an id appears twice in one review, or for an entry
 * or option that does not fit, with its path (`['after', 3, 'category']`).
 * @example
 * const t = compareReviews(
 *   [{ id: 'HH1', category: 'poor' }, { id: 'HH2', category: 'poor' }, { id: 'HH3', category: 'near-poor' }],
 *   [{ id: 'HH1', category: 'near-poor' }, { id: 'HH2', category: 'poor' }, { id: 'HH3', category: 'average' }],
 * );
 * t.poor.beginning //=> 2
 * t.poor.escaped //=> 1
 * t.poor.escapedToNearPoor //=> 1
 * t.poor.end //=> 1
 * t.rates.poorChange //=> -33.33
 */
export function compareReviews(before: Iterable<ReviewEntry>, after: Iterable<ReviewEntry>, options: { readonly decimals?: number } = {}): Transitions {
  if (typeof options !== 'object' || options === null) fail('INVALID_FIELD', [], `options: expected an object, received ${show(options)}`, options);
  const decimals = checkDecimals(options.decimals, ['decimals']);
  const a = index(before, 'before');
  const b = index(after, 'after');
  const movement = (list: 'poor' | 'near-poor'): ListMovement => {
    const other = list === 'poor' ? 'near-poor' : 'poor';
    let beginning = 0, stayed = 0, escaped = 0, escapedToNearPoor = 0, movedToPoor = 0, movedIn = 0, fallenBack = 0, newlyOn = 0, left = 0, end = 0;
    for (const [id, prev] of a) {
      if (prev.category !== list) continue;
      beginning++;
      const cur = b.get(id);
      if (!cur) left++;
      else if (cur.category === list) stayed++;
      else if (better[list].has(cur.category)) {
        escaped++;
        if (list === 'poor' && cur.category === 'near-poor') escapedToNearPoor++;
      } else movedToPoor++;
    }
    for (const [id, cur] of b) {
      if (cur.category !== list) continue;
      end++;
      const prev = a.get(id);
      if (prev?.category === list) continue;
      if (prev?.category === other) movedIn++;
      else if (prev?.escaped) fallenBack++;
      else newlyOn++;
    }
    return { list, beginning, stayed, escaped, escapedToNearPoor, movedToPoor, movedIn, fallenBack, newlyOn, left, end };
  };
  const poor = movement('poor');
  const nearPoor = movement('near-poor');
  const pct = (count: number, total: number) => (total === 0 ? new Decimal(0) : new Decimal(count).mul(100).div(total));
  const round = (d: InstanceType<typeof Decimal>) => d.toDecimalPlaces(decimals, Decimal.ROUND_HALF_EVEN).toNumber();
  const pb = pct(poor.beginning, a.size);
  const pa = pct(poor.end, b.size);
  const nb = pct(nearPoor.beginning, a.size);
  const na = pct(nearPoor.end, b.size);
  let matched = 0;
  for (const id of a.keys()) if (b.has(id)) matched++;
  const exactRate = (count: number, total: number) => (total === 0 ? null : new Fraction(count).mul(100).div(total));
  const epb = exactRate(poor.beginning, a.size);
  const epa = exactRate(poor.end, b.size);
  const enb = exactRate(nearPoor.beginning, a.size);
  const ena = exactRate(nearPoor.end, b.size);
  return {
    households: { before: a.size, after: b.size, matched, left: a.size - matched, arrived: b.size - matched },
    poor,
    nearPoor,
    // The change is computed from the exact rates, then rounded once.
    rates: {
      poorBefore: round(pb),
      poorAfter: round(pa),
      poorChange: round(pa.sub(pb)),
      nearPoorBefore: round(nb),
      nearPoorAfter: round(na),
      nearPoorChange: round(na.sub(nb)),
      decimals,
      exact: {
        poorBefore: epb?.toFraction() ?? null,
        poorAfter: epa?.toFraction() ?? null,
        poorChange: epb && epa ? epa.sub(epb).toFraction() : null,
        nearPoorBefore: enb?.toFraction() ?? null,
        nearPoorAfter: ena?.toFraction() ?? null,
        nearPoorChange: enb && ena ? ena.sub(enb).toFraction() : null,
      },
    },
  };
}

/**
 * Safe twin of {@link compareReviews}: never throws.
 *
 * @example
 * const r = safeCompareReviews([{ id: 'HH1', category: 'poor' }, { id: 'HH1', category: 'poor' }], []);
 * !r.success && r.error.path //=> ['before', 1, 'id']
 */
export function safeCompareReviews(before: Iterable<ReviewEntry>, after: Iterable<ReviewEntry>, options: { readonly decimals?: number } = {}): SafeResult<Transitions> {
  return toSafe(() => compareReviews(before, after, options));
}
