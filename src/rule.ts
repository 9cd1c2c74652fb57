/**
 * The classification rule of a standard, in one place: given how the household's income compares
 * with each line and how many indicators it is deprived in, which category and why.
 *
 * Both the explaining {@link classify} and the batch paths call {@link decide}, so what is
 * reported as the reason is exactly what decided.
 *
 * @module
 */
import type { AmountParameter, Area, Standard } from './standards/schema.js';

/** The legal categories a household can fall in. `none`: above every line and outside the band. */
export type Category = 'poor' | 'near-poor' | 'average' | 'none';

/** The branch of the rule that decided, a stable id for the trace and for analysis. */
export type Branch =
  /** two-tier: income ≤ poverty line, poor whatever the deprivations. */
  | 'income-at-most-poverty-line'
  /** two-tier: poverty line < income ≤ near-poverty line and deprivations ≥ k. */
  | 'middle-band-with-k-deprivations'
  /** two-tier: poverty line < income ≤ near-poverty line and deprivations < k. */
  | 'middle-band-below-k-deprivations'
  /** single-line: income ≤ line and deprivations ≥ k. */
  | 'income-at-most-line-with-k-deprivations'
  /** single-line: income ≤ line and deprivations < k. */
  | 'income-at-most-line-below-k-deprivations'
  /** above the line(s), inside the average-living-standard band. */
  | 'inside-average-band'
  /** above the line(s), outside the band. */
  | 'above-average-band'
  /** above the line(s), between the line and a band that starts higher. */
  | 'below-average-band'
  /** above the line(s) where the standard defines no band. */
  | 'no-average-band';

/** Which line of the standard an income is compared with. */
export type LineRole = 'line' | 'poverty-line' | 'near-poverty-line' | 'average-band-lower' | 'average-band-upper';

/**
 * Compares the household's income with a per-person line: −1 below, 0 at, 1 above. The role and
 * the parameter let an explaining caller record each comparison as it is made.
 */
export type IncomeComparator = (line: AmountParameter, role: LineRole) => -1 | 0 | 1;

/** A decision and the lines it was compared with. */
export interface Decision {
  readonly category: Category;
  readonly branch: Branch;
}

const DECISIONS: Readonly<Record<Branch, Decision>> = {
  'income-at-most-poverty-line': { category: 'poor', branch: 'income-at-most-poverty-line' },
  'middle-band-with-k-deprivations': { category: 'poor', branch: 'middle-band-with-k-deprivations' },
  'middle-band-below-k-deprivations': { category: 'near-poor', branch: 'middle-band-below-k-deprivations' },
  'income-at-most-line-with-k-deprivations': { category: 'poor', branch: 'income-at-most-line-with-k-deprivations' },
  'income-at-most-line-below-k-deprivations': { category: 'near-poor', branch: 'income-at-most-line-below-k-deprivations' },
  'inside-average-band': { category: 'average', branch: 'inside-average-band' },
  'above-average-band': { category: 'none', branch: 'above-average-band' },
  'below-average-band': { category: 'none', branch: 'below-average-band' },
  'no-average-band': { category: 'none', branch: 'no-average-band' },
};

/**
 * Applies a standard's rule. `compare` places the income against a line; `deprivations` is the
 * number of indicators the household is deprived in.
 * @example
 * // An income above the line (compare returns 1) with 3 deprivations, rural, under Decree 07/2021:
 * decide(getStandard('nd07-2021'), 'rural', () => 1, 3)
 * //=> { category: 'none', branch: 'above-average-band' }
 * decide(getStandard('nd07-2021'), 'rural', () => -1, 3)
 * //=> { category: 'poor', branch: 'income-at-most-line-with-k-deprivations' }
 */
export function decide(standard: Standard, area: Area, compare: IncomeComparator, deprivations: number): Decision {
  const rule = standard.rule;
  const k = rule.minDeprivations.value;
  if (rule.kind === 'two-tier') {
    if (compare(rule.povertyLines[area], 'poverty-line') <= 0) return DECISIONS['income-at-most-poverty-line'];
    if (compare(rule.nearPovertyLines[area], 'near-poverty-line') <= 0) {
      return DECISIONS[deprivations >= k ? 'middle-band-with-k-deprivations' : 'middle-band-below-k-deprivations'];
    }
  } else if (compare(rule.lines[area], 'line') <= 0) {
    return DECISIONS[deprivations >= k ? 'income-at-most-line-with-k-deprivations' : 'income-at-most-line-below-k-deprivations'];
  }
  const band = standard.averageBand;
  if (band.status === 'not-defined') return DECISIONS['no-average-band'];
  if (compare(band[area].above, 'average-band-lower') <= 0) return DECISIONS['below-average-band'];
  return DECISIONS[compare(band[area].atMost, 'average-band-upper') <= 0 ? 'inside-average-band' : 'above-average-band'];
}
