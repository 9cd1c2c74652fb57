/**
 * The shape of a poverty standard as data, validated strictly: an unknown or misplaced key is an
 * error, so a typo in a standard file can never silently freeze or drop a value.
 *
 * Every figure, name, threshold and definition carries its provenance:
 * where it was read (instrument, article, the Vietnamese sentence, primary text or secondary
 * quote), whether that was confirmed, and whether it is carried from another standard. Code reads
 * these records; no formula holds an amount.
 *
 * @module
 */
import * as z from 'zod/mini';
import { derivationSchema } from '../derivation/parameters.js';
import { provenanceShape, referenceSchema, standardIdSchema } from './reference.js';

const isoDate = z.iso.date();
const text = () => z.string().check(z.minLength(1));

/** An amount of đồng per person per the standard's income period. */
export const amountParameterSchema = z.strictObject({ value: z.int().check(z.positive()), ...provenanceShape });
/** A whole count (deprivations, months). */
export const countParameterSchema = z.strictObject({ value: z.int().check(z.minimum(1)), ...provenanceShape });

const byArea = <T extends z.ZodMiniType>(schema: T) => z.strictObject({ rural: schema, urban: schema });

/** A name in Vietnamese and English (the standard's own name). */
export const labelSchema = z.strictObject({ vi: text(), en: text() });

/**
 * Words of the law with their provenance: a name or a threshold. `vi` is the instrument's wording
 * where it was read, and is absent (never made up) where it was not.
 */
export const termSchema = z.strictObject({
  en: text(),
  vi: z.optional(text()),
  ...provenanceShape,
});

/** The schema of an indicator: its id, dimension, labels, threshold as the law words it, provenance, and how it is derived from a roster. */
export const indicatorSchema = z.strictObject({
  /** Stable id, part of the public contract (JSON keys and CSV columns). */
  id: z.string().check(z.regex(/^[a-z][A-Za-z0-9]*$/, 'an indicator id is camelCase ASCII')),
  /** Id of one of the standard's dimensions. */
  dimension: text(),
  /** The indicator's name, and where the instrument names it. */
  label: termSchema,
  /** When a household is deprived in this indicator (the threshold, in words), and where that was read. */
  deprivedWhen: termSchema,
  /** How the indicator is derived from a survey record (member roster and dwelling). */
  derivation: z.optional(derivationSchema),
});

/** The schema of a dimension (employment, health, education …): its id and its label in Vietnamese and English. */
export const dimensionSchema = z.strictObject({ id: z.string().check(z.regex(/^[a-z][A-Za-z0-9]*$/)), label: termSchema });

/** The schema of the average-living-standard band: the incomes above the line and up to an upper bound, per area. */
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

/** The schema of a standard's rule: one income line with k deprivations (`single-line`), or a poverty and a near-poverty line (`two-tier`). */
export const ruleSchema = z.discriminatedUnion('kind', [singleLineRuleSchema, twoTierRuleSchema]);

export const averageBandSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('defined'), rural: bandSchema, urban: bandSchema }),
  z.strictObject({ status: z.literal('not-defined'), ...provenanceShape }),
]);

/** The categories of the rule. */
export const categoryIds = ['poor', 'near-poor', 'average', 'none'] as const;

/**
 * Low-income workers: the workers of a household whose category is not excluded and whose income
 * per person is at most the line (inclusive).
 */
export const lowIncomeWorkerSchema = z.strictObject({
  /** First day the line applies (it may start inside the standard's period). */
  effectiveFrom: isoDate,
  /** Eligible at most this income per person (inclusive). */
  lines: byArea(amountParameterSchema),
  /** Households of these categories are not low-income-worker households, whatever their income. */
  excludedCategories: z.strictObject({ value: z.array(z.enum(categoryIds)), ...provenanceShape }),
  /** Who counts as a worker of the household, where the law leaves it open. */
  worker: termSchema,
});

/** The children the report on children's deprivations counts (a report of the official review). */
export const childrenSchema = z.strictObject({
  /** Members under this age are children; the ages of each deprivation are those of the indicators' derivations. */
  under: z.strictObject({ value: z.int().check(z.minimum(1), z.maximum(130)), ...provenanceShape }),
});

/** The official review's scores (Circular 07/2021/TT-BLĐTBXH): score A estimates income, score B counts deprivations. */
export const reviewScoresSchema = z.strictObject({
  /** Poor or near-poor only when score A is at most this cut-off (points), per area. */
  scoreACutoffs: byArea(z.strictObject({ value: z.number().check(z.positive()), equivalentIncome: z.int().check(z.positive()), ...provenanceShape })),
  /** Points per deprived indicator. */
  pointsPerIndicator: countParameterSchema,
  /** Poor from this score B (inclusive); near-poor below it. */
  scoreBPoorFrom: countParameterSchema,
});

/** The schema of a legal instrument a standard rests on: its number, title, dates and where it was read. */
export const legalInstrumentSchema = z.strictObject({
  /** What it does for this standard (sets it, amends it, keeps it in force). */
  role: text(),
  issuedOn: z.optional(isoDate),
  /** The day the instrument takes effect. */
  effectiveFrom: z.optional(isoDate),
  /** Articles applied from another day than the instrument's, e.g. `Arts. 1-2` from 2016-01-01. */
  articlesApplyFrom: z.optional(z.array(z.strictObject({ articles: text(), from: isoDate })).check(z.minLength(1))),
  ...provenanceShape,
  /** The instrument (and the article, where one does this), and where it was read. */
  reference: referenceSchema,
});

/** The strict schema of a standard: lines, rule, band, indicators and the provenance of every value ({@link defineStandard} adds the checks across fields). */
export const standardSchema = z
  .strictObject({
    /** Stable id, e.g. `nd07-2021`. */
    id: standardIdSchema,
    name: labelSchema,
    /** `national` standards are chosen by date; `local` ones only when passed explicitly. */
    scope: z.enum(['national', 'local']),
    /** For a local standard, the province or city that set it. */
    jurisdiction: z.optional(text()),
    /** Inclusive period in which the standard applies. */
    effective: z.strictObject({ from: isoDate, to: isoDate }),
    legalBasis: z.array(legalInstrumentSchema).check(z.minLength(1)),
    /** The period income lines are expressed in, per person. */
    incomePeriod: z.enum(['month', 'year']),
    rule: ruleSchema,
    averageBand: averageBandSchema,
    lowIncomeWorker: z.optional(lowIncomeWorkerSchema),
    /** Who the report on children's deprivations counts as a child; without it, the report has no such table. */
    children: z.optional(childrenSchema),
    /** The official review's score cut-offs, where known for the standard. */
    reviewScores: z.optional(reviewScoresSchema),
    /** Months after recognition during which an escaped household counts as newly escaped. */
    newlyEscapedWindow: countParameterSchema,
    dimensions: z.array(dimensionSchema).check(z.minLength(1)),
    indicators: z.array(indicatorSchema).check(z.minLength(1)),
  })
  .check(z.superRefine((standard, ctx) => {
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
    checkProvenance(standard, [], standard.id, ctx);
    if (standard.lowIncomeWorker) {
      const excluded = standard.lowIncomeWorker.excludedCategories.value;
      excluded.forEach((c, i) => {
        if (excluded.indexOf(c) !== i) ctx.addIssue({ code: 'custom', path: ['lowIncomeWorker', 'excludedCategories', 'value', i], message: `category ${c} listed twice`, input: c });
      });
      const from = standard.lowIncomeWorker.effectiveFrom;
      if (from < standard.effective.from || from > standard.effective.to) {
        ctx.addIssue({ code: 'custom', path: ['lowIncomeWorker', 'effectiveFrom'], message: `a date within the standard's period, ${standard.effective.from} to ${standard.effective.to}`, input: from });
      }
    }
  }));

/**
 * Every value with provenance: a confirmed one cites where it was read, an unconfirmed one says in
 * its note what is not confirmed, and nothing is carried from the standard itself.
 */
function checkProvenance(value: unknown, path: (string | number)[], id: string, ctx: z.core.$RefinementCtx): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => checkProvenance(item, [...path, i], id, ctx));
    return;
  }
  if (!value || typeof value !== 'object') return;
  const node = value as Record<string, unknown>;
  if (typeof node.confirmed === 'boolean') {
    if (node.confirmed && node.reference === undefined) {
      ctx.addIssue({ code: 'custom', path: [...path, 'reference'], message: 'a confirmed value cites where it was read', input: undefined });
    }
    if (!node.confirmed && node.note === undefined) {
      ctx.addIssue({ code: 'custom', path: [...path, 'note'], message: 'an unconfirmed value says in a note what is not confirmed', input: undefined });
    }
    if (node.carriedFrom === id) ctx.addIssue({ code: 'custom', path: [...path, 'carriedFrom'], message: 'a value cannot be carried from its own standard', input: id });
  }
  for (const [key, child] of Object.entries(node)) if (key !== 'reference') checkProvenance(child, [...path, key], id, ctx);
}

/** A poverty standard as data. */
export type Standard = z.infer<typeof standardSchema>;
/** The input accepted for a standard (same as {@link Standard}: no defaults are filled in). */
export type StandardInput = z.input<typeof standardSchema>;
/** A figure with its provenance. */
export type AmountParameter = z.infer<typeof amountParameterSchema>;
/** A whole-number parameter of a standard (k, a threshold) with its provenance. */
export type CountParameter = z.infer<typeof countParameterSchema>;
/** An indicator of a standard, as validated. */
export type Indicator = z.infer<typeof indicatorSchema>;
/** A dimension of a standard, as validated. */
export type Dimension = z.infer<typeof dimensionSchema>;
/** A standard's rule, as validated. */
export type Rule = z.infer<typeof ruleSchema>;
/** The average-living-standard band, as validated. */
export type Band = z.infer<typeof bandSchema>;
/** A standard's review score cut-offs (score A and score B), as validated. */
export type ReviewScores = z.infer<typeof reviewScoresSchema>;
/** The low-income-worker rule of a standard. */
export type LowIncomeWorkerRule = z.infer<typeof lowIncomeWorkerSchema>;
/** Words of the law with their provenance (a name or a threshold). */
export type Term = z.infer<typeof termSchema>;
/** An instrument of a standard's legal basis. */
export type LegalInstrument = z.infer<typeof legalInstrumentSchema>;
/** Where a household lives, as the standards distinguish it. */
export type Area = 'rural' | 'urban';

/**
 * The JSON Schema (draft 2020-12) of a standard file, for editors and other languages; published
 * as `chuan-ngheo/standard.schema.json`. It checks the shape, every key and every type; the checks
 * across fields (dates in order, k at most the number of indicators, a confirmed value citing its
 * source …) are {@link defineStandard}'s.
 *
 * @example
 * standardJsonSchema().required //=> ['id', 'name', 'scope', 'effective', 'legalBasis', 'incomePeriod', 'rule', 'averageBand', 'newlyEscapedWindow', 'dimensions', 'indicators']
 */
export function standardJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(standardSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    title: 'chuan-ngheo poverty standard',
    description:
      'A multidimensional poverty standard as data: dated lines, rule, band, indicators and the provenance of every value. Cross-field checks (dates in order, k at most the number of indicators, a confirmed value citing its source) are made by defineStandard.',
  };
}
