/**
 * Headcounts of the legal classification: counts and rates per category, overall and by group,
 * by households and by persons, optionally with survey weights; and, for each indicator, how many
 * households are deprived among all, among the poor and among the near-poor.
 *
 * Counts are exact: whole numbers without weights, exact decimals with them. Rates are percentages
 * rounded half to even to a stated number of decimal places.
 *
 * @module
 */
import { describeReceived, fail } from '../errors.js';
import { Decimal, readAmount, AMOUNT_TEXT_RULE } from '../money.js';
import type { Category } from '../rule.js';
import type { ChildFacts } from './children.js';

/** The categories, in report order. */
export const categories: readonly Category[] = ['poor', 'near-poor', 'average', 'none'];

/** One classified household, as the tally needs it. */
export interface TallyItem {
  readonly category: Category;
  readonly deprived: readonly string[];
  /** Members of the household (for counts by persons). */
  readonly size: number;
  /** Survey weight (default 1): a number ≥ 0 or a decimal string, as an amount is written. */
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

/** Households deprived in one indicator among all, poor and near-poor households. */
export interface IndicatorCounts {
  readonly indicator: string;
  readonly all: number;
  readonly poor: number;
  readonly nearPoor: number;
  readonly shareOfAll: number;
  readonly shareOfPoor: number;
  readonly shareOfNearPoor: number;
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
  /** Decimal places of rates in percent (default 2). */
  readonly decimals?: number;
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

/** Sums by category; items are checked first, so only a category ever indexes them. */
const sums = (): Record<'total' | Category, ExactSum> => ({ total: new ExactSum(), poor: new ExactSum(), 'near-poor': new ExactSum(), average: new ExactSum(), none: new ExactSum() });

const isCategory = (value: unknown): value is Category => value === 'poor' || value === 'near-poor' || value === 'average' || value === 'none';

/** Checks an item's fields; the weight is returned as a whole number or an exact decimal. */
function checkedWeight(item: TallyItem): number | Decimal {
  if (!isCategory(item.category)) fail('INVALID_FIELD', ['category'], `category: expected poor, near-poor, average or none, received ${describeReceived(item.category)}`, item.category);
  if (!Number.isSafeInteger(item.size) || item.size < 0) fail('INVALID_FIELD', ['size'], `size: expected a whole number of members ≥ 0, received ${describeReceived(item.size)}`, item.size);
  if (!Array.isArray(item.deprived)) fail('INVALID_FIELD', ['deprived'], `deprived: expected an array of indicator ids, received ${describeReceived(item.deprived)}`, item.deprived);
  if (item.group !== undefined && typeof item.group !== 'string') fail('INVALID_FIELD', ['group'], `group: expected a text, received ${describeReceived(item.group)}`, item.group);
  const given = item.weight ?? 1;
  // Whole weights stay plain numbers (exact as safe integers); others are read as exact decimals.
  if (typeof given === 'number' && Number.isSafeInteger(given) && given >= 0) return given;
  const weight = readAmount(given);
  if (weight === undefined) fail('INVALID_FIELD', ['weight'], `weight: expected a weight ≥ 0: a number, or a decimal text (${AMOUNT_TEXT_RULE}), received ${describeReceived(given)}`, given);
  return weight;
}

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

/**
 * Starts a streaming tally: `add` each classified household, then read `result()`.
 *
 * @example
 * const tally = createTally({ indicators: ['healthInsurance'] });
 * tally.add({ category: 'poor', deprived: ['healthInsurance'], size: 4, group: 'Xã A' });
 * tally.add({ category: 'none', deprived: [], size: 2, group: 'Xã A' });
 * tally.result().total.householdRates.poor //=> 50
 */
export function createTally(options: TallyOptions): { add(item: TallyItem): void; result(): Tally } {
  const decimals = options.decimals ?? 2;
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
    const rates = (sums: Record<'total' | Category, ExactSum>): CategoryRates => {
      const whole = sums.total.value;
      return {
        poor: percent(sums.poor.value, whole),
        'near-poor': percent(sums['near-poor'].value, whole),
        'poor-or-near-poor': percent(sums.poor.value.add(sums['near-poor'].value), whole),
        average: percent(sums.average.value, whole),
        none: percent(sums.none.value, whole),
      };
    };
    const all = acc.households.total.value;
    const poor = acc.households.poor.value;
    const near = acc.households['near-poor'].value;
    return {
      group: name,
      households: counts(acc.households),
      persons: counts(acc.persons),
      householdRates: rates(acc.households),
      personRates: rates(acc.persons),
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

  return {
    add(item) {
      const weight = checkedWeight(item);
      if (item.weight !== undefined) weighted = true;
      total.add(item, weight);
      if (item.group !== undefined) {
        let acc = groups.get(item.group);
        if (!acc) groups.set(item.group, (acc = new Accumulator(options.indicators)));
        acc.add(item, weight);
      }
    },
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
 * Tallies an iterable or async iterable of classified households.
 *
 * @example
 * const tally = await tallyAll(households, { indicators: standard.indicators.map((i) => i.id) });
 */
export async function tallyAll(items: Iterable<TallyItem> | AsyncIterable<TallyItem>, options: TallyOptions): Promise<Tally> {
  const tally = createTally(options);
  for await (const item of items) tally.add(item);
  return tally.result();
}
