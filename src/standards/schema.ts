/**
 * The shape of a poverty standard as data, validated strictly: an unknown or misplaced key is an
 * error, so a typo in a standard file can never silently freeze or drop a value.
 *
 * Every figure is a {@link Parameter}: its value, the legal text it comes from, and whether that
 * text was confirmed. Code reads these records; no formula holds an amount.
 *
 * @module
 */
import { z } from 'zod';
import { derivationSchema } from '../derivation/parameters.js';

const isoDate = z.iso.date();

/** Legal provenance of a value: where it comes from and whether that was confirmed. */
const provenance = {
  /** Citation, e.g. `Decree 07/2021/NĐ-CP, Art. 3`. */
  reference: z.string().min(1),
  /** `true` when seen in a cited source; `false` when inferred or remembered. */
  confirmed: z.boolean(),
  /** What is uncertain, or how the value was read. */
  note: z.string().min(1).optional(),
};

/** An amount of đồng per person per the standard's income period. */
export const amountParameterSchema = z.strictObject({ value: z.int().positive(), ...provenance });
/** A whole count (deprivations, months). */
export const countParameterSchema = z.strictObject({ value: z.int().min(1), ...provenance });

const byArea = <T extends z.ZodType>(schema: T) => z.strictObject({ rural: schema, urban: schema });

export const labelSchema = z.strictObject({ vi: z.string().min(1), en: z.string().min(1) });

export const indicatorSchema = z.strictObject({
  /** Stable id, part of the public contract (JSON keys and CSV columns). */
  id: z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'an indicator id is camelCase ASCII'),
  /** Id of one of the standard's dimensions. */
  dimension: z.string().min(1),
  label: labelSchema,
  /** When a household is deprived in this indicator (the threshold, in words). */
  deprivedWhen: labelSchema.partial({ vi: true }),
  ...provenance,
  /** How the indicator is derived from a survey record (member roster and dwelling). */
  derivation: derivationSchema.optional(),
});

export const dimensionSchema = z.strictObject({ id: z.string().regex(/^[a-z][A-Za-z0-9]*$/), label: labelSchema });

export const bandSchema = z.strictObject({
  /** Lower bound, exclusive ("trên X"). */
  above: amountParameterSchema,
  /** Upper bound, inclusive ("đến Y"). */
  atMost: amountParameterSchema,
});

export const singleLineRuleSchema = z.strictObject({
  /**
   * One income line: poor when income ≤ line and deprived in ≥ k indicators; near-poor when
   * income ≤ line and deprived in fewer than k.
   */
  kind: z.literal('single-line'),
  lines: byArea(amountParameterSchema),
  minDeprivations: countParameterSchema,
});

export const twoTierRuleSchema = z.strictObject({
  /**
   * Two income lines: poor when income ≤ poverty line, or when it is above the poverty line, at
   * most the near-poverty line and deprived in ≥ k; near-poor in that middle band with fewer than k.
   */
  kind: z.literal('two-tier'),
  povertyLines: byArea(amountParameterSchema),
  nearPovertyLines: byArea(amountParameterSchema),
  minDeprivations: countParameterSchema,
});

export const ruleSchema = z.discriminatedUnion('kind', [singleLineRuleSchema, twoTierRuleSchema]);

export const averageBandSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('defined'), rural: bandSchema, urban: bandSchema }),
  z.strictObject({ status: z.literal('not-defined'), ...provenance }),
]);

export const lowIncomeWorkerSchema = z.strictObject({
  /** First day the line applies (it may start inside the standard's period). */
  effectiveFrom: isoDate,
  lines: byArea(amountParameterSchema),
  /** Who counts as a worker, where the law leaves it open. */
  note: z.string().min(1).optional(),
});

/** The official review's scores (Circular 07/2021/TT-BLĐTBXH): score A estimates income, score B counts deprivations. */
export const reviewScoresSchema = z.strictObject({
  /** Poor or near-poor only when score A is at most this cut-off (points), per area. */
  scoreACutoffs: byArea(z.strictObject({ value: z.number().positive(), equivalentIncome: z.int().positive(), ...provenance })),
  /** Points per deprived indicator. */
  pointsPerIndicator: countParameterSchema,
  /** Poor from this score B (inclusive); near-poor below it. */
  scoreBPoorFrom: countParameterSchema,
});

export const legalInstrumentSchema = z.strictObject({
  /** e.g. `Decree 07/2021/NĐ-CP`. */
  title: z.string().min(1),
  issuedOn: isoDate.optional(),
  effectiveFrom: isoDate.optional(),
  /** What it does for this standard (sets it, amends it, extends it). */
  role: z.string().min(1),
  confirmed: z.boolean(),
});

export const standardSchema = z
  .strictObject({
    /** Stable id, e.g. `nd07-2021`. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a standard id is lower-case letters, digits and dashes'),
    name: labelSchema,
    /** `national` standards are chosen by date; `local` ones only when passed explicitly. */
    scope: z.enum(['national', 'local']),
    /** For a local standard, the province or city that set it. */
    jurisdiction: z.string().min(1).optional(),
    /** Inclusive period in which the standard applies. */
    effective: z.strictObject({ from: isoDate, to: isoDate }),
    legalBasis: z.array(legalInstrumentSchema).min(1),
    /** The period income lines are expressed in, per person. */
    incomePeriod: z.enum(['month', 'year']),
    rule: ruleSchema,
    averageBand: averageBandSchema,
    lowIncomeWorker: lowIncomeWorkerSchema.optional(),
    /** The official review's score cut-offs, where known for the standard. */
    reviewScores: reviewScoresSchema.optional(),
    /** Months after recognition during which an escaped household counts as newly escaped. */
    newlyEscapedWindow: countParameterSchema,
    dimensions: z.array(dimensionSchema).min(1),
    indicators: z.array(indicatorSchema).min(1),
  })
  .superRefine((standard, ctx) => {
    if (standard.effective.from > standard.effective.to) {
      ctx.addIssue({ code: 'custom', path: ['effective'], message: 'a period whose from is on or before its to', input: standard.effective });
    }
    if (standard.scope === 'local' && standard.jurisdiction === undefined) {
      ctx.addIssue({ code: 'custom', path: ['jurisdiction'], message: 'a jurisdiction: a local standard names its own', input: undefined });
    }
    const dimensionIds = new Set<string>();
    standard.dimensions.forEach((d, i) => {
      if (dimensionIds.has(d.id)) ctx.addIssue({ code: 'custom', path: ['dimensions', i, 'id'], message: 'a dimension id not used before', input: d.id });
      dimensionIds.add(d.id);
    });
    const indicatorIds = new Set<string>();
    standard.indicators.forEach((indicator, i) => {
      if (indicatorIds.has(indicator.id)) ctx.addIssue({ code: 'custom', path: ['indicators', i, 'id'], message: 'an indicator id not used before', input: indicator.id });
      indicatorIds.add(indicator.id);
      if (!dimensionIds.has(indicator.dimension)) ctx.addIssue({ code: 'custom', path: ['indicators', i, 'dimension'], message: `one of the standard's dimensions (${[...dimensionIds].join(', ')})`, input: indicator.dimension });
    });
    const k = standard.rule.minDeprivations.value;
    if (k > standard.indicators.length) {
      ctx.addIssue({ code: 'custom', path: ['rule', 'minDeprivations', 'value'], message: `a k of at most ${standard.indicators.length}, the number of indicators`, input: k });
    }
    for (const area of ['rural', 'urban'] as const) {
      const rule = standard.rule;
      if (rule.kind === 'two-tier' && rule.nearPovertyLines[area].value <= rule.povertyLines[area].value) {
        ctx.addIssue({ code: 'custom', path: ['rule', 'nearPovertyLines', area, 'value'], message: `a near-poverty line above the poverty line of ${rule.povertyLines[area].value}`, input: rule.nearPovertyLines[area].value });
      }
      if (standard.averageBand.status === 'defined') {
        const band = standard.averageBand[area];
        if (band.atMost.value <= band.above.value) {
          ctx.addIssue({ code: 'custom', path: ['averageBand', area, 'atMost', 'value'], message: `an upper bound above the lower bound of ${band.above.value}`, input: band.atMost.value });
        }
      }
    }
    if (standard.lowIncomeWorker) {
      const from = standard.lowIncomeWorker.effectiveFrom;
      if (from < standard.effective.from || from > standard.effective.to) {
        ctx.addIssue({ code: 'custom', path: ['lowIncomeWorker', 'effectiveFrom'], message: `a date within the standard's period, ${standard.effective.from} to ${standard.effective.to}`, input: from });
      }
    }
  });

/** A poverty standard as data. */
export type Standard = z.infer<typeof standardSchema>;
/** The input accepted for a standard (same as {@link Standard}: no defaults are filled in). */
export type StandardInput = z.input<typeof standardSchema>;
/** A figure with its provenance. */
export type AmountParameter = z.infer<typeof amountParameterSchema>;
export type CountParameter = z.infer<typeof countParameterSchema>;
export type Indicator = z.infer<typeof indicatorSchema>;
export type Dimension = z.infer<typeof dimensionSchema>;
export type Rule = z.infer<typeof ruleSchema>;
export type Band = z.infer<typeof bandSchema>;
export type ReviewScores = z.infer<typeof reviewScoresSchema>;
/** Where a household lives, as the standards distinguish it. */
export type Area = 'rural' | 'urban';
