/**
 * The rule of a standard as a table, for batches: the category depends on the income only through
 * its position among the standard's lines (below, at, or between them) and on the deprivations
 * only through "k or more", so asking {@link decide} once per position gives a table that is the
 * rule itself, read without re-walking it for every household of a large file.
 *
 * @module
 */
import type { Amount } from './money.js';
import { Decimal } from './decimal.js';
import { amountFactorOf, compareIncome, incomeScale, lineFactorOf } from './income.js';
import type { IncomeField } from './household.js';
import { decide, type Decision } from './rule.js';
import type { Area, Standard } from './standards/schema.js';

/** The decisions of one area: for each position of the income among the lines, with and without k deprivations. */
export interface AreaTable {
  /** The lines the rule compares with, ascending, without repeats. */
  readonly lines: readonly number[];
  readonly maxLine: number;
  /** Indexed by position: 2j below line j, 2j + 1 at line j, 2n above every line. */
  readonly withK: readonly Decision[];
  readonly belowK: readonly Decision[];
}

/**
 * Tabulates {@link decide} for a standard.
 *
 * @example
 * const table = decisionTable(getStandard('nd07-2021'));
 * table.k //=> 3
 * table.rural.lines //=> [1500000, 2250000]
 */
export function decisionTable(standard: Standard): { readonly k: number; readonly rural: AreaTable; readonly urban: AreaTable } {
  const k = standard.rule.minDeprivations.value;
  const forArea = (area: Area): AreaTable => {
    // Collect every line decide may consult: start from incomes below and above all lines, then
    // from every position among the lines found, until no new line appears.
    const found = new Set<number>();
    const explore = (sign: (value: number) => -1 | 0 | 1) => {
      for (const count of [0, k]) decide(standard, area, (line) => (found.add(line.value), sign(line.value)), count);
    };
    explore(() => -1);
    explore(() => 1);
    for (let size = 0; size !== found.size; ) {
      size = found.size;
      const known = [...found].sort((a, b) => a - b);
      for (const v of known) {
        explore((line) => (Math.sign(v - line) as -1 | 0 | 1));
        explore((line) => (line === v ? 1 : (Math.sign(v - line) as -1 | 0 | 1)));
      }
    }
    const used = [...found];
    const lines = [...new Set(used)].sort((a, b) => a - b);
    const at = (position: number, count: number): Decision =>
      decide(standard, area, (line) => Math.sign(position - (2 * lines.indexOf(line.value) + 1)) as -1 | 0 | 1, count);
    const positions = Array.from({ length: 2 * lines.length + 1 }, (_, p) => p);
    return { lines, maxLine: Math.max(...lines), withK: positions.map((p) => at(p, k)), belowK: positions.map((p) => at(p, 0)) };
  };
  return { k, rural: forArea('rural'), urban: forArea('urban') };
}


/** A household reduced to what the rule needs. */
export interface DecisionInput {
  readonly area: Area;
  readonly size: number;
  readonly incomeField: IncomeField;
  readonly income: Amount;
  readonly deprivationCount: number;
}

/** The rule of a standard, ready for many households. */
export interface Decider {
  /** Any exact income. */
  decideCompact(h: DecisionInput): Decision;
  /** A whole-đồng income, read from the table without allocating. */
  decideNumber(area: Area, size: number, field: IncomeField, income: number, deprivationCount: number): Decision;
}

/**
 * Builds the decider of a standard (its table is made once).
 *
 * @example
 * const decider = createDecider(getStandard('nd07-2021'));
 * decider.decideNumber('rural', 3, 'incomeMonthlyTotal', 4_500_000, 3) //=> { category: 'poor', branch: 'income-at-most-line-with-k-deprivations' }
 * decider.decideCompact({ area: 'urban', size: 2, incomeField: 'incomeMonthlyPerCapita', income: new Decimal('2000000.5'), deprivationCount: 0 })
 * //=> { category: 'average', branch: 'inside-average-band' }
 */
export function createDecider(standard: Standard): Decider {
  const table = decisionTable(standard);
  const period = standard.incomePeriod;
  const decideCompact = (h: DecisionInput): Decision => {
    if (typeof h.income === 'number') return decideNumber(h.area, h.size, h.incomeField, h.income, h.deprivationCount);
    const scale = incomeScale(h.incomeField, h.size, standard.incomePeriod);
    return decide(standard, h.area, (line) => compareIncome(h.income, scale, line.value), h.deprivationCount);
  };
  const decideNumber = (area: Area, size: number, field: IncomeField, income: number, deprivationCount: number): Decision => {
    const lineFactor = lineFactorOf(field, size, period);
    const scaled = income * amountFactorOf(field, period);
    const t = area === 'rural' ? table.rural : table.urban;
    if (!Number.isSafeInteger(scaled) || !Number.isSafeInteger(t.maxLine * lineFactor)) {
      return decideCompact({ area, size, incomeField: field, income: new Decimal(income), deprivationCount });
    }
    const lines = t.lines;
    let position = 2 * lines.length;
    for (let j = 0; j < lines.length; j++) {
      const bound = lines[j]! * lineFactor;
      if (scaled < bound) {
        position = 2 * j;
        break;
      }
      if (scaled === bound) {
        position = 2 * j + 1;
        break;
      }
    }
    return (deprivationCount >= table.k ? t.withK : t.belowK)[position]!;
  };
  return { decideCompact, decideNumber };
}
