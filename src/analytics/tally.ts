/**
 * Headcounts of the legal classification: counts and rates per category, overall and by group,
 * by households and by persons, optionally with survey weights; and, for each indicator, how many
 * households are deprived among all, among the poor and among the near-poor.
 *
 * Counts are exact: whole numbers without weights, exact decimals with them. Rates are percentages
 * rounded half to even to a stated number of decimal places, each with its exact value beside it
 * (a fraction string such as `"100/7"`).
 *
 * @module
 */
import { ChuanNgheoError, fail, formatPath, toSafe, type ErrorPath, type SafeResult } from '../errors.js';
import { AMOUNT_DIGITS } from '../money.js';
import { BigDecimal as Decimal } from './big-decimal.js';
import type { Category } from '../rule.js';
import type { ChildFacts } from './children.js';
import { exactPercent, isDecimalText, show } from './exact.js';

/** The categories, in report order. */
export const categories: readonly Category[] = ['poor', 'near-poor', 'average', 'none'];

/** One classified household, as the tally needs it. */
export interface TallyItem {
  readonly category: Category;
  readonly deprived: readonly string[];
  /** Members of the household (for counts by persons). */
  readonly size: number;
  /**
   * Survey weight (default 1): a finite number ≥ 0 or a decimal string (`"2.5"`, `"1.5e-7"`), read
   * exactly as the decimal it is written as.
   */
  readonly weight?: number | string;
  /** The household's value of the grouping key (default: all in one group). */
  readonly group?: string;
  /** Children's deprivations, when the household came from a roster. */
  readonly children?: ChildFacts;
}

/** Counts of one unit (households or persons). */
export interface CategoryCounts {
  readonly total: number;
  readonly poor: number;
  readonly 'near-poor': number;
  readonly average: number;
  readonly none: number;
}

/** Percentages of one unit, rounded as stated in {@link Tally.rounding}. */
export interface CategoryRates {
  readonly poor: number;
  readonly 'near-poor': number;
  /** Poor and near-poor together. */
  readonly 'poor-or-near-poor': number;
  readonly average: number;
  readonly none: number;
}

/**
 * The exact percentages behind {@link CategoryRates}: fraction strings such as `"100/7"` (whole
 * numbers without a denominator), or `null` when there is nothing to take a share of (no
 * households, or persons, in the base; the rounded rate is then 0).
 */
export type CategoryRatesExact = { readonly [K in keyof CategoryRates]: string | null };

/** Households deprived in one indicator among all, poor and near-poor households. */
export interface IndicatorCounts {
  readonly indicator: string;
  readonly all: number;
  readonly poor: number;
  readonly nearPoor: number;
  /** Percentages, rounded as stated in {@link Tally.rounding} (0 when the base is empty). */
  readonly shareOfAll: number;
  readonly shareOfPoor: number;
  readonly shareOfNearPoor: number;
  /** The same percentages exactly, as fraction strings; `null` when the base is empty. */
  readonly shareOfAllExact: string | null;
  readonly shareOfPoorExact: string | null;
  readonly shareOfNearPoorExact: string | null;
}

/** Children of poor and near-poor households and their deprivations. */
export interface ChildCounts {
  readonly among: 'poor' | 'near-poor';
  readonly children: number;
  readonly withoutHealthInsurance: number;
  readonly malnourished: number;
  readonly notInSchool: number;
}

/** The figures of one group (or of all households). */
export interface GroupTally {
  readonly group: string;
  readonly households: CategoryCounts;
  readonly persons: CategoryCounts;
  readonly householdRates: CategoryRates;
  readonly personRates: CategoryRates;
  /** The rates exactly. */
  readonly householdRatesExact: CategoryRatesExact;
  readonly personRatesExact: CategoryRatesExact;
  readonly indicators: readonly IndicatorCounts[];
  /** Total deprivations counted among poor and near-poor households. */
  readonly deprivationsOfPoor: number;
  readonly deprivationsOfNearPoor: number;
  /** Present when any household came from a roster. */
  readonly children?: readonly ChildCounts[];
}

/** The result of a tally. */
export interface Tally {
  readonly total: GroupTally;
  readonly groups: readonly GroupTally[];
  readonly weighted: boolean;
  /** How rates are rounded: percentages, half to even, to `decimals` places. */
  readonly rounding: { readonly unit: 'percent'; readonly mode: 'half-even'; readonly decimals: number };
}

/** Options of {@link createTally}. */
export interface TallyOptions {
  /** Indicator ids, in report order (usually the standard's). */
  readonly indicators: readonly string[];
  /** Decimal places of rates in percent: a whole number from 0 to 20 (default 2). */
  readonly decimals?: number;
}

/** A tally being filled: `add` each classified household, then read `result()`. */
export interface TallyBuilder {
  /** Adds a household. @throws {ChuanNgheoError} For an item that does not fit (`INVALID_FIELD`, `INVALID_SIZE`), with its path; nothing is counted then. */
  add(item: TallyItem): void;
  /** Safe twin of `add`: never throws; a refused item is not counted. */
  safeAdd(item: TallyItem): SafeResult<void>;
  /** The tally of the households added so far. */
  result(): Tally;
}

/**
 * A survey weight, exactly: a whole number as a plain number while it is a safe integer, otherwise
 * a decimal; `undefined` for anything but a finite number ≥ 0 or a decimal string (an exponent of at
 * most three digits allowed) that is not negative.
 */
export function readWeight(value: unknown): number | Decimal | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined;
    return Number.isSafeInteger(value) ? value : new Decimal(value);
  }
  // As an amount is written: no spaces around it, at most AMOUNT_DIGITS digits before the point and after.
  if (typeof value === 'string' && value === value.trim() && isDecimalText(value) && !value.startsWith('-')) {
    const [whole = '', fraction = ''] = value.split(/[eE]/)[0]!.split('.');
    return whole.length > AMOUNT_DIGITS || fraction.length > AMOUNT_DIGITS ? undefined : new Decimal(value);
  }
  return undefined;
}

/** Checks a number of decimal places: a whole number from 0 to 20. */
export function checkDecimals(value: unknown, path: ErrorPath): number {
  if (value === undefined) return 2;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 20) {
    return fail('INVALID_FIELD', path, `${formatPath(path)}: expected a whole number of decimal places from 0 to 20, received ${show(value)}`, value);
  }
  return value;
}

const categorySet: ReadonlySet<unknown> = new Set<Category>(['poor', 'near-poor', 'average', 'none']);
const childKeys = ['children', 'withoutHealthInsurance', 'malnourished', 'notInSchool'] as const;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks an item before anything is counted; returns its weight. Paths start with `at`. */
function checkItem(item: unknown, at: ErrorPath): number | Decimal {
  const where = (...rest: (string | number)[]): [ErrorPath, string] => {
    const path = [...at, ...rest];
    return [path, path.length === 0 ? 'item' : formatPath(path)];
  };
  const refuse = (rest: (string | number)[], expected: string, value: unknown, code: 'INVALID_FIELD' | 'INVALID_SIZE' = 'INVALID_FIELD'): never => {
    const [path, name] = where(...rest);
    return fail(code, path, `${name}: expected ${expected}, received ${show(value)}`, value);
  };
  if (!isObject(item)) return refuse([], 'an object with category, deprived and size', item);
  if (!categorySet.has(item.category)) refuse(['category'], 'poor, near-poor, average or none', item.category);
  if (!Array.isArray(item.deprived)) refuse(['deprived'], 'a list of indicator ids', item.deprived);
  if (!Number.isSafeInteger(item.size) || (item.size as number) < 1) refuse(['size'], 'a whole number of members ≥ 1', item.size, 'INVALID_SIZE');
  if (item.group !== undefined && typeof item.group !== 'string') refuse(['group'], 'a string', item.group);
  if (item.children !== undefined) {
    if (!isObject(item.children)) refuse(['children'], 'counts of children', item.children);
    const children = item.children as Record<string, unknown>;
    for (const key of childKeys) if (!Number.isSafeInteger(children[key]) || (children[key] as number) < 0) refuse(['children', key], 'a whole number ≥ 0', children[key]);
  }
  if (item.weight === undefined) return 1;
  return readWeight(item.weight) ?? refuse(['weight'], 'a finite number ≥ 0 or a decimal string such as "2.5" or "1.5e-7"', item.weight);
}

/**
 * An exact sum: whole numbers in a plain number while they stay safe integers (the usual case,
 * unweighted counts), a decimal from the first fractional weight or unsafe total on.
 */
class ExactSum {
  private whole = 0;
  private decimal: Decimal | undefined;
  add(amount: number | Decimal): void {
    if (this.decimal === undefined && typeof amount === 'number' && Number.isSafeInteger(this.whole + amount)) this.whole += amount;
    else this.decimal = (this.decimal ?? new Decimal(this.whole)).add(amount);
  }
  get value(): Decimal {
    return this.decimal ?? new Decimal(this.whole);
  }
}

/** A weight times a whole number, exactly: a number while it is a safe integer. */
function times(weight: number | Decimal, n: number): number | Decimal {
  if (typeof weight === 'number') {
    const product = weight * n;
    if (Number.isSafeInteger(product)) return product;
  }
  return new Decimal(weight).mul(n);
}

const sums = () => ({ total: new ExactSum(), poor: new ExactSum(), 'near-poor': new ExactSum(), average: new ExactSum(), none: new ExactSum() });

class Accumulator {
  households: Record<'total' | Category, ExactSum> = sums();
  persons: Record<'total' | Category, ExactSum> = sums();
  deprived = new Map<string, { all: ExactSum; poor: ExactSum; nearPoor: ExactSum }>();
  deprivationsOfPoor = new ExactSum();
  deprivationsOfNearPoor = new ExactSum();
  children: Record<'poor' | 'near-poor', { children: ExactSum; withoutHealthInsurance: ExactSum; malnourished: ExactSum; notInSchool: ExactSum }> | undefined;
  constructor(readonly indicators: readonly string[]) {
    for (const id of indicators) this.deprived.set(id, { all: new ExactSum(), poor: new ExactSum(), nearPoor: new ExactSum() });
  }
  /** Adds a household with its weight: a whole number, or an exact decimal. */
  add(item: TallyItem, weight: number | Decimal): void {
    const persons = times(weight, item.size);
    this.households.total.add(weight);
    this.households[item.category].add(weight);
    this.persons.total.add(persons);
    this.persons[item.category].add(persons);
    for (const id of item.deprived) {
      const d = this.deprived.get(id);
      if (!d) continue;
      d.all.add(weight);
      if (item.category === 'poor') d.poor.add(weight);
      if (item.category === 'near-poor') d.nearPoor.add(weight);
    }
    if (item.category === 'poor') this.deprivationsOfPoor.add(times(weight, item.deprived.length));
    if (item.category === 'near-poor') this.deprivationsOfNearPoor.add(times(weight, item.deprived.length));
    if (item.children) {
      const zero = () => ({ children: new ExactSum(), withoutHealthInsurance: new ExactSum(), malnourished: new ExactSum(), notInSchool: new ExactSum() });
      this.children ??= { poor: zero(), 'near-poor': zero() };
      if (item.category === 'poor' || item.category === 'near-poor') {
        const c = this.children[item.category];
        c.children.add(times(weight, item.children.children));
        c.withoutHealthInsurance.add(times(weight, item.children.withoutHealthInsurance));
        c.malnourished.add(times(weight, item.children.malnourished));
        c.notInSchool.add(times(weight, item.children.notInSchool));
      }
    }
  }
}

/** The tally itself; `at` is the path of the next item when the caller numbers them. */
function startTally(options: TallyOptions): TallyBuilder & { addAt(item: TallyItem, at: ErrorPath): void } {
  if (!isObject(options)) fail('INVALID_FIELD', [], `options: expected an object with indicators, received ${show(options)}`, options);
  const indicatorList: unknown = options.indicators;
  if (!Array.isArray(indicatorList)) fail('INVALID_FIELD', ['indicators'], `indicators: expected a list of indicator ids, received ${show(indicatorList)}`, indicatorList);
  (indicatorList as unknown[]).forEach((id, i) => {
    if (typeof id !== 'string') fail('INVALID_FIELD', ['indicators', i], `indicators[${i}]: expected an indicator id, received ${show(id)}`, id);
  });
  const decimals = checkDecimals(options.decimals, ['decimals']);
  const total = new Accumulator(options.indicators);
  const groups = new Map<string, Accumulator>();
  let weighted = false;

  const percent = (part: Decimal, whole: Decimal): number =>
    whole.isZero() ? 0 : part.mul(100).div(whole).toDecimalPlaces(decimals, Decimal.ROUND_HALF_EVEN).toNumber();
  const finish = (name: string, acc: Accumulator): GroupTally => {
    const counts = (sums: Record<'total' | Category, ExactSum>): CategoryCounts => ({
      total: sums.total.value.toNumber(),
      poor: sums.poor.value.toNumber(),
      'near-poor': sums['near-poor'].value.toNumber(),
      average: sums.average.value.toNumber(),
      none: sums.none.value.toNumber(),
    });
    /** The rates of each category (and poor or near-poor) among all, by one way of dividing. */
    const ratesBy =
      <T>(divide: (part: ExactSum['value'], whole: ExactSum['value']) => T) =>
      (sums: Record<'total' | Category, ExactSum>) => {
        const whole = sums.total.value;
        return {
          poor: divide(sums.poor.value, whole),
          'near-poor': divide(sums['near-poor'].value, whole),
          'poor-or-near-poor': divide(sums.poor.value.add(sums['near-poor'].value), whole),
          average: divide(sums.average.value, whole),
          none: divide(sums.none.value, whole),
        };
      };
    const rates: (sums: Record<'total' | Category, ExactSum>) => CategoryRates = ratesBy(percent);
    const ratesExact: (sums: Record<'total' | Category, ExactSum>) => CategoryRatesExact = ratesBy(exactPercent);
    const all = acc.households.total.value;
    const poor = acc.households.poor.value;
    const near = acc.households['near-poor'].value;
    return {
      group: name,
      households: counts(acc.households),
      persons: counts(acc.persons),
      householdRates: rates(acc.households),
      personRates: rates(acc.persons),
      householdRatesExact: ratesExact(acc.households),
      personRatesExact: ratesExact(acc.persons),
      indicators: options.indicators.map((id) => {
        const d = acc.deprived.get(id)!;
        return {
          indicator: id,
          all: d.all.value.toNumber(),
          poor: d.poor.value.toNumber(),
          nearPoor: d.nearPoor.value.toNumber(),
          shareOfAll: percent(d.all.value, all),
          shareOfPoor: percent(d.poor.value, poor),
          shareOfNearPoor: percent(d.nearPoor.value, near),
          shareOfAllExact: exactPercent(d.all.value, all),
          shareOfPoorExact: exactPercent(d.poor.value, poor),
          shareOfNearPoorExact: exactPercent(d.nearPoor.value, near),
        };
      }),
      deprivationsOfPoor: acc.deprivationsOfPoor.value.toNumber(),
      deprivationsOfNearPoor: acc.deprivationsOfNearPoor.value.toNumber(),
      ...(acc.children
        ? {
            children: (['poor', 'near-poor'] as const).map((among) => {
              const c = acc.children![among];
              return { among, children: c.children.value.toNumber(), withoutHealthInsurance: c.withoutHealthInsurance.value.toNumber(), malnourished: c.malnourished.value.toNumber(), notInSchool: c.notInSchool.value.toNumber() };
            }),
          }
        : {}),
    };
  };

  const addAt = (item: TallyItem, at: ErrorPath): void => {
    // Whole weights stay plain numbers (exact as safe integers); others are exact decimals.
    const weight = checkItem(item, at);
    if (item.weight !== undefined) weighted = true;
    total.add(item, weight);
    if (item.group !== undefined) {
      let acc = groups.get(item.group);
      if (!acc) groups.set(item.group, (acc = new Accumulator(options.indicators)));
      acc.add(item, weight);
    }
  };

  return {
    addAt,
    add: (item) => addAt(item, []),
    safeAdd: (item) => toSafe(() => addAt(item, [])),
    result() {
      return {
        total: finish('total', total),
        groups: [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'vi')).map(([name, acc]) => finish(name, acc)),
        weighted,
        rounding: { unit: 'percent', mode: 'half-even', decimals },
      };
    },
  };
}

/**
 * Starts a streaming tally: `add` each classified household, then read `result()`.
 *
 * @throws {ChuanNgheoError} `INVALID_FIELD` for options that do not fit (indicators not a list of
 * ids, decimals not a whole number from 0 to 20).
 * @example
 * const tally = createTally({ indicators: ['healthInsurance'] });
 * tally.add({ category: 'poor', deprived: ['healthInsurance'], size: 4, group: 'Xã A' });
 * tally.add({ category: 'none', deprived: [], size: 2, group: 'Xã A' });
 * tally.result().total.householdRates.poor //=> 50
 */
export function createTally(options: TallyOptions): TallyBuilder {
  const { add, safeAdd, result } = startTally(options);
  return { add, safeAdd, result };
}

/**
 * Safe twin of {@link createTally}: never throws.
 *
 * @example
 * const r = safeCreateTally({ indicators: ['healthInsurance'], decimals: 1.5 });
 * !r.success && r.error.path //=> ['decimals']
 */
export function safeCreateTally(options: TallyOptions): SafeResult<TallyBuilder> {
  return toSafe(() => createTally(options));
}

/**
 * Tallies an iterable or async iterable of classified households.
 *
 * @throws {ChuanNgheoError} As {@link createTally}, and for an item that does not fit, with its
 * place in the path (`['items', 3, 'weight']`).
 * @example
 * const tally = await tallyAll(
 *   [
 *     { category: 'poor', deprived: ['healthInsurance', 'housingArea'], size: 4, group: 'Xã A' },
 *     { category: 'near-poor', deprived: ['housingArea'], size: 3, group: 'Xã A' },
 *     { category: 'none', deprived: [], size: 2, group: 'Xã B' },
 *   ],
 *   { indicators: ['healthInsurance', 'housingArea'] },
 * );
 * tally.total.households //=> { total: 3, poor: 1, 'near-poor': 1, average: 0, none: 1 }
 * tally.total.householdRates.poor //=> 33.33
 * tally.total.householdRatesExact.poor //=> '100/3'
 * tally.groups.map((g) => [g.group, g.persons.total]) //=> [['Xã A', 7], ['Xã B', 2]]
 */
export async function tallyAll(items: Iterable<TallyItem> | AsyncIterable<TallyItem>, options: TallyOptions): Promise<Tally> {
  const tally = startTally(options);
  const source = items as { [Symbol.iterator]?: unknown; [Symbol.asyncIterator]?: unknown } | null | undefined;
  if (typeof source?.[Symbol.iterator] !== 'function' && typeof source?.[Symbol.asyncIterator] !== 'function') {
    fail('INVALID_FIELD', ['items'], `items: expected a list or an (async) iterable of classified households, received ${show(items)}`, items);
  }
  let index = 0;
  for await (const item of items) tally.addAt(item, ['items', index++]);
  return tally.result();
}

/**
 * Safe twin of {@link tallyAll}: resolves to a failure instead of rejecting for input that does not fit.
 *
 * @example
 * const r = await safeTallyAll([{ category: 'poor', deprived: [], size: 0 }], { indicators: [] });
 * !r.success && r.error.path //=> ['items', 0, 'size']
 */
export async function safeTallyAll(items: Iterable<TallyItem> | AsyncIterable<TallyItem>, options: TallyOptions): Promise<SafeResult<Tally>> {
  try {
    return { success: true, data: await tallyAll(items, options) };
  } catch (error) {
    if (error instanceof ChuanNgheoError) return { success: false, error: error.toJSON() };
    throw error;
  }
}
