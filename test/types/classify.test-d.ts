// What the compiler catches in a call to classify and the other typed entry points (defineStandard,
// classifyByScores, deriveIndicators, defineScorecard, defineTargetPlan), and what it lets through. Checked by
// `npm run typecheck` (tsc over test/): an `@ts-expect-error` line that compiles fails the check,
// as does an `expectTypeOf` assertion that does not hold.
import { describe, expectTypeOf, it } from 'vitest';
import {
  classify,
  classifyByScores,
  defineScorecard,
  defineStandard,
  getStandard,
  householdSchema,
  safeClassify,
  safeClassifyByScores,
  safeDefineScorecard,
  safeDefineStandard,
  standardIds,
  type Area,
  type AreaInput,
  type Category,
  type Classification,
  type DeepReadonly,
  type ClassifyOptions,
  type HouseholdInput,
  type IndicatorId,
  type IndicatorIdOf,
  type SafeResult,
  type ScoreClassification,
  type ScoredHouseholdInput,
  type Scorecard,
  type Standard,
  type StandardInput,
  type StandardId,
  type SurveyRecordInput,
} from '../../src/index.js';
import { deriveIndicators, safeDeriveIndicators, type IndicatorDerivation } from '../../src/survey/index.js';
import { defineTargetPlan, safeDefineTargetPlan, type TargetPlan } from '../../src/analytics/index.js';
import type { z } from 'zod';

const date = '2025-12-01';

describe('classify: the compiler catches', () => {
  it('a misspelt key, area or indicator, a second income, a missing field', () => {
    // @ts-expect-error: `sizee` is not a field
    classify({ area: 'rural', sizee: 3, incomeMonthlyTotal: 4_500_000 }, { date });
    // @ts-expect-error: 'rurall' is not an area
    classify({ area: 'rurall', size: 3, incomeMonthlyTotal: 4_500_000 }, { date });
    // @ts-expect-error: 'employmen' is no standard's indicator
    classify({ area: 'rural', size: 3, incomeMonthlyTotal: 4_500_000, deprived: ['employmen'] }, { date });
    // @ts-expect-error: two income fields
    classify({ area: 'rural', size: 3, incomeMonthlyTotal: 4_500_000, incomeAnnualTotal: 54_000_000 }, { date });
    // @ts-expect-error: no income field
    classify({ area: 'rural', size: 3 }, { date });
    // @ts-expect-error: no size
    classify({ area: 'rural', incomeMonthlyTotal: 4_500_000 }, { date });
    // @ts-expect-error: previousCategory is poor or near-poor
    classify({ area: 'rural', size: 3, incomeMonthlyTotal: 4_500_000, previousCategory: 'average', previousRecognizedOn: '2024-12-10' }, { date });
  });

  it("an indicator the chosen standard does not have, and a standard id that does not exist", () => {
    // @ts-expect-error: nd351-2025 has wasteTreatment, not informationMeans
    classify({ area: 'rural', size: 3, incomeMonthlyTotal: 4_500_000, deprived: ['informationMeans'] }, { standard: 'nd351-2025', date: '2027-06-01' });
    // @ts-expect-error: nd07-2021 has no wasteTreatment indicator
    classify({ area: 'rural', size: 3, incomeMonthlyTotal: 4_500_000, deprived: ['wasteTreatment'] }, { standard: 'nd07-2021', date });
    // @ts-expect-error: qd59-2015 has no employment indicator
    classify({ area: 'rural', size: 3, incomeMonthlyPerCapita: 700_000, deprived: ['employment'] }, { standard: 'qd59-2015', date: '2020-06-01' });
    // @ts-expect-error: 'nd07' is not a standard id
    classify({ area: 'rural', size: 3, incomeMonthlyTotal: 4_500_000 }, { standard: 'nd07', date });
    // @ts-expect-error: `dat` is not an option
    classify({ area: 'rural', size: 3, incomeMonthlyTotal: 4_500_000 }, { dat: date });
    // @ts-expect-error: `standrd` is not an option, even beside one that is
    classify({ area: 'rural', size: 3, incomeMonthlyTotal: 4_500_000 }, { date, standrd: 'nd07-2021' });
  });

  it('a survey record with a misspelt key or an unknown enum value', () => {
    // @ts-expect-error: `member` is not a field (members is)
    classify({ area: 'rural', member: [] }, { date });
    // @ts-expect-error: 'well' is not a water source
    classify({ area: 'rural', waterSource: 'well', members: [{ ageAtReview: 40 }] }, { date });
    // @ts-expect-error: 'rurall' is not an area
    classify({ area: 'rurall', members: [{ ageAtReview: 40 }] }, { date });
  });
});

describe('classify: the compiler lets through', () => {
  it('a household at indicator level, under a date or a standard, with its types', () => {
    const r = classify({ area: 'rural', size: 3, incomeMonthlyTotal: 4_500_000, deprived: ['healthInsurance', 'housingArea', 'hygienicLatrine'] }, { date });
    expectTypeOf(r).toEqualTypeOf<Classification<IndicatorId>>();
    expectTypeOf(r.category).toEqualTypeOf<Category>();
    expectTypeOf(r.area).toEqualTypeOf<Area>();
    expectTypeOf(r.deprived).toEqualTypeOf<readonly IndicatorId[]>();

    const late = classify({ area: 'nông thôn', size: 2, incomeMonthlyPerCapita: '1500000.50', deprived: ['wasteTreatment'] }, { standard: 'nd351-2025', date: '2027-06-01' });
    expectTypeOf(late.deprived).toEqualTypeOf<readonly IndicatorIdOf<'nd351-2025'>[]>();
    expectTypeOf<'wasteTreatment'>().toExtend<(typeof late.deprived)[number]>();
  });

  it('a survey record, and a standard object of ones own with its own indicators', () => {
    const record: SurveyRecordInput = { area: 'urban', incomeMonthlyTotal: 9_000_000, members: [{ ageAtReview: 40, healthInsurance: true }] };
    expectTypeOf(classify(record, { date })).toEqualTypeOf<Classification<IndicatorId>>();
    const own = { ...getStandard('nd07-2021'), id: 'my-province-2025', scope: 'local' as const, jurisdiction: 'My province' };
    const mine = classify({ area: 'rural', size: 1, incomeMonthlyTotal: 1, deprived: ['anyIndicator'] }, { standard: own, date });
    expectTypeOf(mine.deprived).toEqualTypeOf<readonly string[]>();
  });

  it('options held in a variable, and typed households', () => {
    const options: ClassifyOptions = { date };
    const household: HouseholdInput<IndicatorIdOf<'nd07-2021'>> = { area: 'urban', size: 4, incomeAnnualTotal: 120_000_000, deprived: ['informationMeans'] };
    classify(household, options);
    classify(household, { standard: 'nd07-2021', date });
    const anyShipped: HouseholdInput = { area: 'rural', size: 1, incomeMonthlyPerCapita: 1 };
    classify(anyShipped, { date });
  });

  it('untrusted data through safeClassify only', () => {
    const parsed: unknown = JSON.parse('{"area":"rural","size":3,"incomeMonthlyTotal":4500000}');
    expectTypeOf(safeClassify(parsed, { date })).toEqualTypeOf<SafeResult<Classification>>();
    // @ts-expect-error: classify takes a household or a record; unknown data goes through safeClassify
    classify(parsed, { date });
  });
});

describe('the id types', () => {
  it('name the shipped standards and areas', () => {
    expectTypeOf(standardIds).toEqualTypeOf<readonly StandardId[]>();
    expectTypeOf<StandardId>().toEqualTypeOf<'qd59-2015' | 'nd07-2021' | 'nd351-2025' | 'dong-nai-2022-2025'>();
    expectTypeOf<Area>().toEqualTypeOf<'rural' | 'urban'>();
    expectTypeOf<Area>().toExtend<AreaInput>();
    expectTypeOf<Category>().toEqualTypeOf<'poor' | 'near-poor' | 'average' | 'none'>();
  });

  it('HouseholdInput has the fields of the run-time schema, no more and no fewer', () => {
    type SchemaKeys = keyof z.input<typeof householdSchema>;
    expectTypeOf<keyof HouseholdInput>().toEqualTypeOf<SchemaKeys>();
  });
});

describe('defineStandard: the compiler catches', () => {
  const nd07 = getStandard('nd07-2021');
  it('a misspelt key, at the top or deep inside, and a value outside its enum', () => {
    // @ts-expect-error: `jurisdicton` is not a field (jurisdiction is)
    defineStandard({ ...nd07, id: 'my-province-2025', scope: 'local', jurisdicton: 'My province' });
    // @ts-expect-error: `minDeprivation` is not a field of the rule (minDeprivations is)
    defineStandard({ ...nd07, id: 'my-province-2025', scope: 'local', jurisdiction: 'My province', rule: { ...nd07.rule, minDeprivation: nd07.rule.minDeprivations } });
    // @ts-expect-error: 'provincial' is not a scope
    defineStandard({ ...nd07, id: 'my-province-2025', scope: 'provincial', jurisdiction: 'My province' });
    // @ts-expect-error: an id is text
    defineStandard({ ...nd07, id: 2025 });
  });

  it('untrusted data, which goes through safeDefineStandard only', () => {
    const parsed: unknown = JSON.parse('{}');
    // @ts-expect-error: defineStandard takes a standard; data of unknown shape goes through safeDefineStandard
    defineStandard(parsed);
    expectTypeOf(safeDefineStandard(parsed)).toEqualTypeOf<SafeResult<Standard>>();
  });
});

describe('defineStandard: the compiler lets through', () => {
  it('a copy of a shipped standard with its own id, and a standard held in a variable', () => {
    const mine = defineStandard({ ...getStandard('nd07-2021'), id: 'my-province-2025', scope: 'local', jurisdiction: 'My province' });
    expectTypeOf(mine).toEqualTypeOf<Standard>();
    const input: StandardInput = { ...getStandard('nd351-2025'), id: 'my-province-2027', scope: 'local', jurisdiction: 'My province' };
    expectTypeOf(defineStandard(input)).toEqualTypeOf<Standard>();
    expectTypeOf(defineStandard).parameter(0).toEqualTypeOf<DeepReadonly<StandardInput>>();
    // Parts written `as const` fit (readonly arrays and literal types).
    const source = { instrument: 'Resolution 12/2024/NQ-HĐND', article: 'Art. 1', source: 'primary', seenIn: ['the provincial gazette'] } as const;
    const lines = { rural: { value: 1_800_000, reference: source, confirmed: true }, urban: { value: 2_300_000, reference: source, confirmed: true } } as const;
    defineStandard({ ...getStandard('nd07-2021'), id: 'tinh-x-2025', scope: 'local', jurisdiction: 'Province X', rule: { ...getStandard('nd07-2021').rule, kind: 'single-line', lines } });
  });
});

describe('classifyByScores: the compiler catches', () => {
  it('a misspelt key, a misspelt area, an unknown indicator, a household without score A or B', () => {
    // @ts-expect-error: `scoreAA` is not a field
    classifyByScores({ area: 'rural', scoreAA: 140, deprived: ['nutrition'] }, { date });
    // @ts-expect-error: `deprivd` is not a field
    classifyByScores({ area: 'rural', scoreA: 140, deprivd: ['nutrition'] }, { date });
    // @ts-expect-error: 'rurall' is not an area
    classifyByScores({ area: 'rurall', scoreA: 140, deprived: ['nutrition'] }, { date });
    // @ts-expect-error: 'employmen' is no standard's indicator
    classifyByScores({ area: 'rural', scoreA: 140, deprived: ['employmen'] }, { date });
    // @ts-expect-error: nd07-2021 has no wasteTreatment indicator
    classifyByScores({ area: 'rural', scoreA: 140, deprived: ['wasteTreatment'] }, { standard: 'nd07-2021', date });
    // @ts-expect-error: no score A (nor answers to compute it)
    classifyByScores({ area: 'rural', deprived: ['nutrition'] }, { date });
    // @ts-expect-error: no score B (nor deprivations)
    classifyByScores({ area: 'rural', scoreA: 140 }, { date });
    // @ts-expect-error: score A given and computed: one of the two
    classifyByScores({ area: 'rural', scoreA: 140, scorecardAnswers: { roof: 'tile' }, scoreB: 30 }, { date });
    // @ts-expect-error: 'nd07' is not a standard id
    classifyByScores({ area: 'rural', scoreA: 140, scoreB: 30 }, { standard: 'nd07', date });
    // @ts-expect-error: `scorecards` is not an option
    classifyByScores({ area: 'rural', scoreA: 140, scoreB: 30 }, { date, scorecards: {} });
  });

  it('untrusted data, which goes through safeClassifyByScores only', () => {
    const parsed: unknown = JSON.parse('{"area":"rural","scoreA":140,"scoreB":30}');
    // @ts-expect-error: classifyByScores takes a scored household or a record; unknown data goes through safeClassifyByScores
    classifyByScores(parsed, { date });
    expectTypeOf(safeClassifyByScores(parsed, { date })).toEqualTypeOf<SafeResult<ScoreClassification>>();
  });
});

describe('classifyByScores: the compiler lets through', () => {
  it('a scored household, under a date or a standard, with its types', () => {
    const r = classifyByScores({ area: 'nông thôn', scoreA: 140, deprived: ['nutrition', 'housingArea', 'hygienicLatrine'] }, { date });
    expectTypeOf(r).toEqualTypeOf<ScoreClassification<IndicatorId>>();
    expectTypeOf(r.category).toEqualTypeOf<'poor' | 'near-poor' | 'none'>();
    const chosen = classifyByScores({ area: 'urban', scoreA: 150, scoreB: 30 }, { standard: 'nd07-2021', date });
    expectTypeOf(chosen.deprived).toEqualTypeOf<readonly IndicatorIdOf<'nd07-2021'>[] | null>();
  });

  it('score A from a scorecard, a survey record, and households held in variables', () => {
    const card = defineScorecard({ id: 'card', title: 'Score A', reference: 'as held by the district', confirmed: false, areas: { rural: { questions: [{ id: 'roof', label: 'Roof', options: [{ value: 'tile', points: 140 }] }] } } });
    expectTypeOf(card).toEqualTypeOf<Scorecard>();
    classifyByScores({ area: 'rural', scorecardAnswers: { roof: 'tile' }, deprived: ['nutrition'] }, { date, scorecard: card });
    const record: SurveyRecordInput = { area: 'rural', scoreA: 120, members: [{ ageAtReview: 40, healthInsurance: false }] };
    expectTypeOf(classifyByScores(record, { date })).toEqualTypeOf<ScoreClassification<IndicatorId>>();
    const household: ScoredHouseholdInput<IndicatorIdOf<'nd07-2021'>> = { area: 'rural', scoreA: 120, deprived: ['informationMeans'] };
    classifyByScores(household, { standard: 'nd07-2021', date });
    // @ts-expect-error: a household typed for nd07-2021 may hold its indicators only
    const wrong: ScoredHouseholdInput<IndicatorIdOf<'nd07-2021'>> = { area: 'rural', scoreA: 120, deprived: ['wasteTreatment'] };
    void wrong;
  });
});

describe('the other typed definitions', () => {
  it('deriveIndicators, defineScorecard and defineTargetPlan catch a misspelt key; untrusted data goes through their safe twins', () => {
    // @ts-expect-error: `member` is not a field (members is)
    deriveIndicators({ area: 'rural', member: [] }, { date });
    // @ts-expect-error: 'well' is not a water source
    deriveIndicators({ area: 'rural', waterSource: 'well', members: [{ ageAtReview: 40 }] }, { date });
    // @ts-expect-error: `titel` is not a field (title is)
    defineScorecard({ id: 'card', titel: 'Score A', reference: 'r', confirmed: false, areas: {} });
    // @ts-expect-error: `povertyRateChange` is not a field (povertyRateChangePerYear is)
    defineTargetPlan({ id: 'x-2025', title: 'Plan 2025', reference: 'Plan 12/KH-UBND', povertyRateChange: -1.5 });
    const parsed: unknown = JSON.parse('{}');
    // @ts-expect-error: data of unknown shape goes through safeDeriveIndicators
    deriveIndicators(parsed, { date });
    // @ts-expect-error: data of unknown shape goes through safeDefineScorecard
    defineScorecard(parsed);
    // @ts-expect-error: data of unknown shape goes through safeDefineTargetPlan
    defineTargetPlan(parsed);
    expectTypeOf(safeDeriveIndicators(parsed, { date })).toEqualTypeOf<SafeResult<IndicatorDerivation>>();
    expectTypeOf(safeDefineScorecard(parsed)).toEqualTypeOf<SafeResult<Scorecard>>();
    expectTypeOf(safeDefineTargetPlan(parsed)).toEqualTypeOf<SafeResult<TargetPlan>>();
  });
});
