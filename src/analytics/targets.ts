/**
 * A plan's targets as data, and a report of measured value, target and gap for each: the rate of
 * poverty falling by some points a year, and minimum coverage of an indicator among poor or
 * near-poor households (e.g. "100 % of poor households have health insurance" is a coverage of 100 %
 * in healthInsurance among the poor). Bắc Ninh's plan 121/KH-UBND (2023-2025) is of this kind.
 *
 * @module
 */
import { z } from 'zod';
import { describeReceived, fail } from '../errors.js';
import { parseOrFail } from '../schema-issues.js';
import { Decimal } from '../money.js';
import type { Tally } from './tally.js';
import type { Transitions } from './transitions.js';

export const targetPlanSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  /** The plan's citation, e.g. `Plan 121/KH-UBND of Bắc Ninh province (2023-2025)`. */
  reference: z.string().min(1),
  /** Poverty rate change per year, in percentage points (negative: a fall). */
  povertyRateChangePerYear: z.number().optional(),
  coverage: z
    .array(
      z.strictObject({
        /** Indicator id of the standard. */
        indicator: z.string().min(1),
        among: z.enum(['poor', 'near-poor', 'poor-or-near-poor']),
        /** Minimum share of those households NOT deprived in the indicator, in percent. */
        minimumPercent: z.number().min(0).max(100),
        label: z.string().min(1).optional(),
      }),
    )
    .default([]),
  /** Targets the library cannot measure from the standard's indicators, kept for the record. */
  notMeasured: z.array(z.string().min(1)).default([]),
});

export type TargetPlan = z.infer<typeof targetPlanSchema>;
export type TargetPlanInput = z.input<typeof targetPlanSchema>;

/** One line of the targets report. */
export interface TargetResult {
  readonly name: string;
  /** Measured value, in percent or percentage points; null when it cannot be measured (no households in the group, no earlier review). */
  readonly measured: number | null;
  readonly target: number;
  /** measured − target for coverage (negative is short); target − measured for the rate change (negative is short). */
  readonly gap: number | null;
  readonly met: boolean | null;
  readonly unit: 'percent' | 'percentage points';
}

/** Validates a plan. @throws {ChuanNgheoError} `INVALID_FIELD` with the path. */
export function defineTargetPlan(input: unknown): TargetPlan {
  return parseOrFail(targetPlanSchema, input, 'INVALID_FIELD', 'target plan');
}

/**
 * Measures a plan's targets on a tally (and, for the rate change, the transitions from the earlier
 * review over `years`).
 *
 * @throws {ChuanNgheoError} `UNKNOWN_INDICATOR` when a target names an indicator the tally lacks.
 */
export function measureTargets(plan: TargetPlan | TargetPlanInput, tally: Tally, transitions?: Transitions, years = 1): readonly TargetResult[] {
  const p = defineTargetPlan(plan);
  const decimals = tally.rounding.decimals;
  const round = (d: InstanceType<typeof Decimal>) => d.toDecimalPlaces(decimals, Decimal.ROUND_HALF_EVEN).toNumber();
  const results: TargetResult[] = [];
  if (p.povertyRateChangePerYear !== undefined) {
    const target = new Decimal(p.povertyRateChangePerYear).mul(years);
    const measured = transitions ? new Decimal(transitions.rates.poorChange) : null;
    results.push({
      name: `poverty rate change over ${years} year(s)`,
      measured: measured === null ? null : measured.toNumber(),
      target: round(target),
      gap: measured === null ? null : round(target.sub(measured)),
      met: measured === null ? null : measured.lte(target),
      unit: 'percentage points',
    });
  }
  p.coverage.forEach((c, i) => {
    const counts = tally.total.indicators.find((x) => x.indicator === c.indicator);
    if (!counts) fail('UNKNOWN_INDICATOR', ['coverage', i, 'indicator'], `coverage[${i}].indicator: expected an indicator of the standard, received ${describeReceived(c.indicator)}`, c.indicator);
    const households = c.among === 'poor' ? tally.total.households.poor : c.among === 'near-poor' ? tally.total.households['near-poor'] : tally.total.households.poor + tally.total.households['near-poor'];
    const deprived = c.among === 'poor' ? counts.poor : c.among === 'near-poor' ? counts.nearPoor : counts.poor + counts.nearPoor;
    const measured = households === 0 ? null : new Decimal(households - deprived).mul(100).div(households);
    results.push({
      name: c.label ?? `${c.indicator} among ${c.among} households`,
      measured: measured === null ? null : round(measured),
      target: c.minimumPercent,
      gap: measured === null ? null : round(measured.sub(c.minimumPercent)),
      met: measured === null ? null : measured.gte(c.minimumPercent),
      unit: 'percent',
    });
  });
  return results;
}
