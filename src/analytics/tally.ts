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
import { Decimal } from '../money.js';
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
  /** Survey weight (default 1); a number or a decimal string. */
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

class Accumulator {
  households = new Map<string, Decimal>();
  persons = new Map<string, Decimal>();
  deprived = new Map<string, { all: Decimal; poor: Decimal; nearPoor: Decimal }>();
  deprivationsOfPoor = new Decimal(0);
  deprivationsOfNearPoor = new Decimal(0);
  children: Record<'poor' | 'near-poor', { children: Decimal; withoutHealthInsurance: Decimal; malnourished: Decimal; notInSchool: Decimal }> | undefined;
  constructor(readonly indicators: readonly string[]) {
    for (const c of ['total', ...categories]) {
      this.households.set(c, new Decimal(0));
      this.persons.set(c, new Decimal(0));
    }
    for (const id of indicators) this.deprived.set(id, { all: new Decimal(0), poor: new Decimal(0), nearPoor: new Decimal(0) });
  }
  add(item: TallyItem, weight: Decimal): void {
    const persons = weight.mul(item.size);
    for (const key of ['total', item.category]) {
      this.households.set(key, this.households.get(key)!.add(weight));
      this.persons.set(key, this.persons.get(key)!.add(persons));
    }
    for (const id of item.deprived) {
      const d = this.deprived.get(id);
      if (!d) continue;
      d.all = d.all.add(weight);
      if (item.category === 'poor') d.poor = d.poor.add(weight);
      if (item.category === 'near-poor') d.nearPoor = d.nearPoor.add(weight);
    }
    if (item.category === 'poor') this.deprivationsOfPoor = this.deprivationsOfPoor.add(weight.mul(item.deprived.length));
    if (item.category === 'near-poor') this.deprivationsOfNearPoor = this.deprivationsOfNearPoor.add(weight.mul(item.deprived.length));
    if (item.children) {
      const zero = () => ({ children: new Decimal(0), withoutHealthInsurance: new Decimal(0), malnourished: new Decimal(0), notInSchool: new Decimal(0) });
      this.children ??= { poor: zero(), 'near-poor': zero() };
      if (item.category === 'poor' || item.category === 'near-poor') {
        const c = this.children[item.category];
        c.children = c.children.add(weight.mul(item.children.children));
        c.withoutHealthInsurance = c.withoutHealthInsurance.add(weight.mul(item.children.withoutHealthInsurance));
        c.malnourished = c.malnourished.add(weight.mul(item.children.malnourished));
        c.notInSchool = c.notInSchool.add(weight.mul(item.children.notInSchool));
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
    const counts = (map: Map<string, Decimal>): CategoryCounts => ({
      total: map.get('total')!.toNumber(),
      poor: map.get('poor')!.toNumber(),
      'near-poor': map.get('near-poor')!.toNumber(),
      average: map.get('average')!.toNumber(),
      none: map.get('none')!.toNumber(),
    });
    const rates = (map: Map<string, Decimal>): CategoryRates => {
      const whole = map.get('total')!;
      return {
        poor: percent(map.get('poor')!, whole),
        'near-poor': percent(map.get('near-poor')!, whole),
        'poor-or-near-poor': percent(map.get('poor')!.add(map.get('near-poor')!), whole),
        average: percent(map.get('average')!, whole),
        none: percent(map.get('none')!, whole),
      };
    };
    const all = acc.households.get('total')!;
    const poor = acc.households.get('poor')!;
    const near = acc.households.get('near-poor')!;
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
          all: d.all.toNumber(),
          poor: d.poor.toNumber(),
          nearPoor: d.nearPoor.toNumber(),
          shareOfAll: percent(d.all, all),
          shareOfPoor: percent(d.poor, poor),
          shareOfNearPoor: percent(d.nearPoor, near),
        };
      }),
      deprivationsOfPoor: acc.deprivationsOfPoor.toNumber(),
      deprivationsOfNearPoor: acc.deprivationsOfNearPoor.toNumber(),
      ...(acc.children
        ? {
            children: (['poor', 'near-poor'] as const).map((among) => {
              const c = acc.children![among];
              return { among, children: c.children.toNumber(), withoutHealthInsurance: c.withoutHealthInsurance.toNumber(), malnourished: c.malnourished.toNumber(), notInSchool: c.notInSchool.toNumber() };
            }),
          }
        : {}),
    };
  };

  return {
    add(item) {
      if (item.weight !== undefined) weighted = true;
      const weight = new Decimal(item.weight ?? 1);
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
