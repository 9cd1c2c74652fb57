/**
 * Comparing a household's income with a per-person line, exactly, whatever form the income was
 * given in and whatever period the standard's lines use.
 *
 * `incomeMonthlyTotal ≤ line × members` is the same test as `income per person ≤ line`, without
 * a division; an annual total is compared with `line × members × 12`.
 *
 * @module
 */
import { amountToJSON, compareToScaledLine, divideRounded, dividesExactly, type Amount } from './money.js';

/** The three ways to give income; exactly one must be present. */
export const incomeFields = ['incomeMonthlyPerCapita', 'incomeMonthlyTotal', 'incomeAnnualTotal'] as const;
/** One of {@link incomeFields}. */
export type IncomeField = (typeof incomeFields)[number];

/** The period a standard's lines are expressed in. */
export type IncomePeriod = 'month' | 'year';

/** The integer factors that make `amount × amountFactor` comparable with `line × lineFactor`. */
export interface IncomeScale {
  readonly amountFactor: number;
  readonly lineFactor: number;
}

/** The factor of the income: 12 when a monthly income meets annual lines, else 1. */
export function amountFactorOf(field: IncomeField, period: IncomePeriod): number {
  return field !== 'incomeAnnualTotal' && period === 'year' ? 12 : 1;
}

/** The factor of the per-person line: the members for a total, times 12 when an annual total meets monthly lines. */
export function lineFactorOf(field: IncomeField, size: number, period: IncomePeriod): number {
  if (field === 'incomeMonthlyPerCapita') return 1;
  return field === 'incomeAnnualTotal' && period === 'month' ? 12 * size : size;
}

/** How to scale an income given as `field`, for a household of `size`, against lines per `period`. */
export function incomeScale(field: IncomeField, size: number, period: IncomePeriod): IncomeScale {
  return { amountFactor: amountFactorOf(field, period), lineFactor: lineFactorOf(field, size, period) };
}

/** Compares an income with a per-person line: −1 below, 0 at the line, 1 above. */
export function compareIncome(amount: Amount, scale: IncomeScale, line: number): -1 | 0 | 1 {
  return compareToScaledLine(amount, scale.amountFactor, line, scale.lineFactor);
}

/** What divides an income given as `field` into income per person per month. */
function perCapitaMonthlyDivisor(field: IncomeField, size: number): number {
  return field === 'incomeMonthlyPerCapita' ? 1 : field === 'incomeMonthlyTotal' ? size : 12 * size;
}

/** Monthly income per person, rounded half to even to a whole đồng, for display. */
export function monthlyPerCapita(field: IncomeField, amount: Amount, size: number): number {
  return divideRounded(amount, perCapitaMonthlyDivisor(field, size));
}

/** Whether the monthly income per person is a whole number of đồng (no display rounding). */
export function isExactPerCapita(field: IncomeField, amount: Amount, size: number): boolean {
  return dividesExactly(amount, perCapitaMonthlyDivisor(field, size));
}

const vnd = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });

/** Formats đồng with thousands separators: `1,500,000`. */
export function formatDong(amount: Amount | number): string {
  const json = amountToJSON(amount as Amount);
  if (typeof json === 'number') return vnd.format(json);
  const [whole, fraction] = json.split('.');
  return fraction ? `${vnd.format(BigInt(whole!))}.${fraction}` : vnd.format(BigInt(whole!));
}

/** The comparison written out, e.g. `4,500,000 ≤ 1,500,000 × 3 = 4,500,000`. */
export function describeComparison(amount: Amount, scale: IncomeScale, line: number, result: -1 | 0 | 1): string {
  const op = result < 0 ? '<' : result === 0 ? '=' : '>';
  const left = scale.amountFactor === 1 ? formatDong(amount) : `${formatDong(amount)} × ${scale.amountFactor}`;
  const right = scale.lineFactor === 1 ? formatDong(line) : `${formatDong(line)} × ${scale.lineFactor} = ${formatDong(line * scale.lineFactor)}`;
  return `${left} ${op} ${right}`;
}
