// A new app's first lines against the installed package, under strict settings: what must compile
// compiles, and each mistake below is a compile error (an `@ts-expect-error` that is not one fails).
import { ChuanNgheoError, classify, classifyByScores, defineStandard, getStandard, safeClassify, safeClassifyByScores, safeDefineStandard, type HouseholdInput, type IndicatorIdOf, type StandardId } from 'chuan-ngheo';
import { validateSurvey, type SurveyRecordInput } from 'chuan-ngheo/survey';
import { alkireFoster } from 'chuan-ngheo/measures';
import { renderTables, type Table } from 'chuan-ngheo/report';
import { planHeader } from 'chuan-ngheo/tabular';
import { classifyStream, type StreamSummary } from 'chuan-ngheo/node';

const date = '2025-12-01';
const result = classify({ area: 'rural', size: 3, incomeMonthlyTotal: 4_500_000, deprived: ['healthInsurance', 'housingArea', 'hygienicLatrine'] }, { date });
const category: 'poor' | 'near-poor' | 'average' | 'none' = result.category;

// @ts-expect-error: a misspelt key
classify({ area: 'rural', sizee: 3, incomeMonthlyTotal: 4_500_000 }, { date });
// @ts-expect-error: a misspelt area
classify({ area: 'rurall', size: 3, incomeMonthlyTotal: 4_500_000 }, { date });
// @ts-expect-error: an unknown indicator
classify({ area: 'rural', size: 3, incomeMonthlyTotal: 4_500_000, deprived: ['employmen'] }, { date });
// @ts-expect-error: an indicator the chosen standard does not have
classify({ area: 'rural', size: 3, incomeMonthlyTotal: 4_500_000, deprived: ['wasteTreatment'] }, { standard: 'nd07-2021', date });
// @ts-expect-error: an unknown standard id
classify({ area: 'rural', size: 3, incomeMonthlyTotal: 4_500_000 }, { standard: 'nd07', date });
// @ts-expect-error: data of unknown shape goes through safeClassify
classify(JSON.parse('{}') as unknown, { date });

// @ts-expect-error: a misspelt option beside a correct one
classify({ area: 'rural', size: 3, incomeMonthlyTotal: 4_500_000 }, { date, standrd: 'nd07-2021' });

// A standard of one's own, typed as the schema reads it.
const mine = defineStandard({ ...getStandard('nd07-2021'), id: 'my-province-2025', scope: 'local', jurisdiction: 'My province' });
// @ts-expect-error: a misspelt key of a standard
defineStandard({ ...getStandard('nd07-2021'), id: 'my-province-2025', scope: 'local', jurisdicton: 'My province' });
// @ts-expect-error: a standard of unknown shape goes through safeDefineStandard
defineStandard(JSON.parse('{}') as unknown);
const checked = safeDefineStandard(JSON.parse('{}') as unknown);

// The review scores, typed as classify is.
const scored = classifyByScores({ area: 'rural', scoreA: 140, deprived: ['nutrition', 'housingArea', 'hygienicLatrine'] }, { date });
const scoredCategory: 'poor' | 'near-poor' | 'none' = scored.category;
// @ts-expect-error: a misspelt key of a scored household
classifyByScores({ area: 'rural', scoreA: 140, deprivd: ['nutrition'] }, { date });
// @ts-expect-error: an unknown indicator
classifyByScores({ area: 'rural', scoreA: 140, deprived: ['employmen'] }, { date });
// @ts-expect-error: an indicator the chosen standard does not have
classifyByScores({ area: 'rural', scoreA: 140, deprived: ['wasteTreatment'] }, { standard: 'nd07-2021', date });
// @ts-expect-error: data of unknown shape goes through safeClassifyByScores
classifyByScores(JSON.parse('{}') as unknown, { date });
const scoredOutcome = safeClassifyByScores(JSON.parse('{}') as unknown, { date });

const outcome = safeClassify(JSON.parse('{"area":"rural"}') as unknown, { date });
const code: string | undefined = outcome.success ? undefined : outcome.error.code;
const household: HouseholdInput<IndicatorIdOf<'nd351-2025'>> = { area: 'thành thị', size: 2, incomeMonthlyPerCapita: '2500000', deprived: ['wasteTreatment'] };
const id: StandardId = 'nd351-2025';
const record: SurveyRecordInput = { area: 'rural', members: [{ ageAtReview: 30, healthInsurance: true }] };
const report = validateSurvey([record], { date });
const measures = alkireFoster([], { indicators: [], k: 1 });
const tables: readonly Table[] = [];
const text: string = renderTables(tables, 'md');
const plan = planHeader(['id', 'area'], getStandard(id));
const isCoreError = (error: unknown): error is ChuanNgheoError => error instanceof ChuanNgheoError;
const run = (summary: StreamSummary) => summary.categories.poor + summary.invalid;

export { category, code, household, report, measures, text, plan, isCoreError, run, classifyStream, mine, checked, scoredCategory, scoredOutcome };
