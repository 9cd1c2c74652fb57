/**
 * A plan's targets as data, and a report of measured value, target and gap for each: the rate of
 * poverty falling by some points a year, and minimum coverage of an indicator among poor or
 * near-poor households (e.g. "100 % of poor households have health insurance" is a coverage of 100 %
 * in healthInsurance among the poor). Bắc Ninh's plan 121/KH-UBND (2023-2025) is of this kind.
 *
 * @module
 */
import * as z from 'zod/mini';
import { fail, toSafe, type SafeResult } from '../errors.js';
import { parseOrFail } from '../schema-issues.js';
import { BigDecimal as Decimal } from './big-decimal.js';
import { show } from './exact.js';
import type { Tally } from './tally.js';
import type { Transitions } from './transitions.js';
import { Fraction, fractionOfDecimal, roundHalfEven } from './exact.js';
import type { DeepReadonly } from '../readonly.js';

/** A non-empty text. */
const text = () => z.string().check(z.minLength(1));

/**
 * A text of a plan: one text for every report, or one per report language (`{ "vi": "…", "en": "…" }`),
 * so that a report in Vietnamese and one in English each read in their own words.
 */
export const planTextSchema = z.union([text(), z.strictObject({ vi: text(), en: text() })]);

/** A text of a plan: one for every language, or one per language. */
export type PlanText = string | { vi: string; en: string };

// The schema reads exactly a PlanText.
const _planTextMatches: [PlanText, z.infer<typeof planTextSchema>] extends [z.infer<typeof planTextSchema>, PlanText] ? true : never = true;
void _planTextMatches;

/**
 * A plan's text in a language: its own words there, or the one text it has.
 *
 * Example:
 *
 *     planText({ vi: 'Hộ nghèo có BHYT', en: 'Poor households insured' }, 'vi') //=> 'Hộ nghèo có BHYT'
 *     planText('Poor households insured', 'vi') //=> 'Poor households insured'
 */
export function planText(text: PlanText, lang: 'vi' | 'en'): string {
  return typeof text === 'string' ? text : text[lang];
}

/** The schema of a plan's targets: coverage of indicators among poor or near-poor households, and the poverty rate's change per year. */
export const targetPlanSchema = z.strictObject({
  id: text(),
  title: planTextSchema,
  /** The plan's citation, e.g. `Plan 121/KH-UBND of Bắc Ninh province (2023-2025)`. */
  reference: planTextSchema,
  /**
   * Poverty rate change per year, in percentage points (negative: a fall). Figures are finite JSON
   * numbers, read exactly as the decimal they are written as (`-1.5`, `1e-7`).
   */
  povertyRateChangePerYear: z.optional(z.number()),
  coverage: z._default(
    z.array(
      z.strictObject({
        /** Indicator id of the standard. */
        indicator: text(),
        among: z.enum(['poor', 'near-poor', 'poor-or-near-poor']),
        /** Minimum share of those households NOT deprived in the indicator, in percent. */
        minimumPercent: z.number().check(z.minimum(0), z.maximum(100)),
        label: z.optional(planTextSchema),
      }),
    ),
    [],
  ),
  /** Targets the library cannot measure from the standard's indicators, kept for the record. */
  notMeasured: z._default(z.array(planTextSchema), []),
});

/** A validated plan of targets. */
export type TargetPlan = z.infer<typeof targetPlanSchema>;
/** A plan of targets as given (its JSON), before validation. */
export type TargetPlanInput = z.input<typeof targetPlanSchema>;

/** What a target measures: the poverty rate's change over some years, or an indicator's coverage among a list. */
export type TargetMeasure =
  | { readonly kind: 'poverty-rate-change'; readonly years: number }
  | { readonly kind: 'coverage'; readonly indicator: string; readonly among: 'poor' | 'near-poor' | 'poor-or-near-poor' };

/**
 * One line of the targets report. Figures are rounded half to even to the tally's decimals; each
 * has its exact value beside it as a fraction string (`measuredExact` and so on), and `met` is
 * decided on the exact values.
 */
export interface TargetResult {
  /** The target's name in English: the plan's label (its English text), else what it measures. */
  readonly name: string;
  /** What the target measures, for a report to name it in its own language. */
  readonly measures: TargetMeasure;
  /** The plan's label of the target, as the plan gives it. */
  readonly label?: PlanText;
  /** Measured value, in percent or percentage points; null when it cannot be measured (no households in the group, no earlier review). */
  readonly measured: number | null;
  readonly measuredExact: string | null;
  readonly target: number;
  readonly targetExact: string;
  /** measured − target for coverage (negative is short); target − measured for the rate change (negative is short). */
  readonly gap: number | null;
  readonly gapExact: string | null;
  readonly met: boolean | null;
  readonly unit: 'percent' | 'percentage points';
}

/**
 * Validates a plan strictly. The input is typed as {@link TargetPlanInput}: a misspelt key does not
 * compile. For a plan whose shape is not known until run time (a parsed file), use
 * {@link safeDefineTargetPlan}, which takes `unknown` and never throws.
 *
 * @throws {ChuanNgheoError} `INVALID_FIELD` with the path (NaN, Infinity or a string as a figure among others).
 * @example
 * const plan = defineTargetPlan({ id: 'x-2025', title: 'Plan 2025', reference: 'Plan 12/KH-UBND', povertyRateChangePerYear: -1.5 });
 * plan.coverage //=> []
 * defineTargetPlan({ id: 'x-2025', title: 'Plan 2025', reference: 'Plan 12/KH-UBND', povertyRateChangePerYear: Number.NaN }) //=> throws INVALID_FIELD
 */
export function defineTargetPlan(input: DeepReadonly<TargetPlanInput>): TargetPlan {
  return readTargetPlan(input);
}

/** Validates a value of any shape as a plan: the run-time check behind {@link defineTargetPlan} and its safe twin. */
export function readTargetPlan(input: unknown): TargetPlan {
  return parseOrFail(targetPlanSchema, input, 'INVALID_FIELD', 'target plan');
}

/**
 * Safe twin of {@link defineTargetPlan}, and the entry for untrusted data (a plan read from a
 * file): takes any value and returns `{ success, data | error }`; it never throws.
 *
 * @example
 * const r = safeDefineTargetPlan({ id: 'x-2025', title: 'Plan 2025' });
 * !r.success && r.error.path //=> ['reference']
 */
export function safeDefineTargetPlan(input: unknown): SafeResult<TargetPlan> {
  return toSafe(() => readTargetPlan(input));
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The parts of a tally and of transitions that the targets read, checked for shape. */
function checkInputs(tally: unknown, transitions: unknown, years: unknown): void {
  const total = isObject(tally) ? tally.total : undefined;
  const rounding = isObject(tally) ? tally.rounding : undefined;
  if (!isObject(total) || !isObject(total.households) || !Array.isArray(total.indicators) || !isObject(rounding) || !Number.isInteger(rounding.decimals)) {
    fail('INVALID_FIELD', ['tally'], `tally: expected the result of createTally or tallyAll, received ${show(tally)}`, tally);
  }
  if (transitions !== undefined && !(isObject(transitions) && isObject(transitions.rates) && Number.isFinite(transitions.rates.poorChange))) {
    fail('INVALID_FIELD', ['transitions'], `transitions: expected the result of compareReviews, received ${show(transitions)}`, transitions);
  }
  if (typeof years !== 'number' || !Number.isFinite(years) || years <= 0) fail('INVALID_FIELD', ['years'], `years: expected a finite number > 0, received ${show(years)}`, years);
}

/**
 * Measures a plan's targets on a tally (and, for the rate change, the transitions from the earlier
 * review over `years`).
 *
 * @throws {ChuanNgheoError} `INVALID_FIELD` for a plan that fails {@link defineTargetPlan}, a
 * tally or transitions of another shape, or years that are not a finite number > 0;
 * `UNKNOWN_INDICATOR` when a target names an indicator the tally lacks.
 * @example
 * const tally = await tallyAll(
 *   [
 *     { category: 'poor', deprived: ['healthInsurance'], size: 4 },
 *     { category: 'poor', deprived: [], size: 3 },
 *     { category: 'near-poor', deprived: [], size: 2 },
 *   ],
 *   { indicators: ['healthInsurance'] },
 * );
 * const plan = defineTargetPlan({
 *   id: 'x-2025', title: 'Plan 2025', reference: 'Plan 12/KH-UBND',
 *   coverage: [{ indicator: 'healthInsurance', among: 'poor-or-near-poor', minimumPercent: 100, label: 'Health insurance' }],
 * });
 * measureTargets(plan, tally)
 * //=> [{ name: 'Health insurance', measures: { kind: 'coverage', indicator: 'healthInsurance', among: 'poor-or-near-poor' }, label: 'Health insurance',
 * //     measured: 66.67, measuredExact: '200/3', target: 100, targetExact: '100', gap: -33.33, gapExact: '-100/3', met: false, unit: 'percent' }]
 */
export function measureTargets(plan: TargetPlan | DeepReadonly<TargetPlanInput>, tally: Tally, transitions?: Transitions, years = 1): readonly TargetResult[] {
  const p = readTargetPlan(plan);
  checkInputs(tally, transitions, years);
  const decimals = tally.rounding.decimals;
  // Rounded half to even; a value that rounds to zero is 0, never -0.
  const round = (f: Fraction) => roundHalfEven(f, decimals) || 0;
  const figures = (measured: Fraction | null, target: Fraction, gap: (m: Fraction) => Fraction) => {
    const g = measured === null ? null : gap(measured);
    return {
      measured: measured === null ? null : round(measured),
      measuredExact: measured === null ? null : measured.toFraction(),
      target: round(target),
      targetExact: target.toFraction(),
      gap: g === null ? null : round(g),
      gapExact: g === null ? null : g.toFraction(),
    };
  };
  const results: TargetResult[] = [];
  if (p.povertyRateChangePerYear !== undefined) {
    const target = fractionOfDecimal(new Decimal(p.povertyRateChangePerYear)).mul(fractionOfDecimal(new Decimal(years)));
    const change = transitions?.rates.exact.poorChange;
    const measured = change === undefined || change === null ? null : new Fraction(change);
    results.push({
      name: `poverty rate change over ${years} year(s)`,
      measures: { kind: 'poverty-rate-change', years },
      ...figures(measured, target, (m) => target.sub(m)),
      met: measured === null ? null : measured.lte(target),
      unit: 'percentage points',
    });
  }
  p.coverage.forEach((c, i) => {
    const counts = tally.total.indicators.find((x) => x.indicator === c.indicator);
    if (!counts) fail('UNKNOWN_INDICATOR', ['coverage', i, 'indicator'], `coverage[${i}]: the standard has no indicator ${JSON.stringify(c.indicator)}`, c.indicator);
    // Counts are exact decimals (weights): added as fractions, never as doubles.
    const exactly = (n: number) => fractionOfDecimal(new Decimal(n));
    const whole = c.among === 'poor' ? exactly(tally.total.households.poor) : c.among === 'near-poor' ? exactly(tally.total.households['near-poor']) : exactly(tally.total.households.poor).add(exactly(tally.total.households['near-poor']));
    const deprived = c.among === 'poor' ? exactly(counts.poor) : c.among === 'near-poor' ? exactly(counts.nearPoor) : exactly(counts.poor).add(exactly(counts.nearPoor));
    const measured = whole.equals(0) ? null : whole.sub(deprived).mul(100).div(whole);
    const target = fractionOfDecimal(new Decimal(c.minimumPercent));
    results.push({
      name: c.label !== undefined ? planText(c.label, 'en') : `${c.indicator} among ${c.among} households`,
      measures: { kind: 'coverage', indicator: c.indicator, among: c.among },
      ...(c.label !== undefined ? { label: c.label } : {}),
      ...figures(measured, target, (m) => m.sub(target)),
      met: measured === null ? null : measured.gte(target),
      unit: 'percent',
    });
  });
  return results;
}

/**
 * Safe twin of {@link measureTargets}: never throws.
 *
 * @example
 * const tally = await tallyAll([{ category: 'poor', deprived: [], size: 4 }], { indicators: ['healthInsurance'] });
 * const r = safeMeasureTargets({ id: 'x', title: 'Plan', reference: 'Plan 12/KH-UBND', coverage: [{ indicator: 'nutrition', among: 'poor', minimumPercent: 100 }] }, tally);
 * !r.success && r.error.code //=> 'UNKNOWN_INDICATOR'
 */
export function safeMeasureTargets(plan: TargetPlan | DeepReadonly<TargetPlanInput>, tally: Tally, transitions?: Transitions, years = 1): SafeResult<readonly TargetResult[]> {
  return toSafe(() => measureTargets(plan, tally, transitions, years));
}
