// What the compiler catches in a call to classify, and what it lets through. Checked by
// `npm run typecheck` (tsc over test/): an `@ts-expect-error` line that compiles fails the check,
// as does an `expectTypeOf` assertion that does not hold.
import { describe, expectTypeOf, it } from 'vitest';
import {
  classify,
  getStandard,
  householdSchema,
  safeClassify,
  standardIds,
  type Area,
  type AreaInput,
  type Category,
  type Classification,
  type ClassifyOptions,
  type HouseholdInput,
  type IndicatorId,
  type IndicatorIdOf,
  type SafeResult,
  type StandardId,
  type SurveyRecordInput,
} from '../../src/index.js';
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
