// The same package from CommonJS: the `require` condition and its declarations.
import { ChuanNgheoError, classify, classifyByScores, defineStandard, getStandard } from 'chuan-ngheo';
import { validateSurvey } from 'chuan-ngheo/survey';
import { classifyCsvParallel, type StreamSummary } from 'chuan-ngheo/node';

const result = classify({ area: 'urban', size: 1, incomeMonthlyPerCapita: 1 }, { date: '2025-12-01' });
// @ts-expect-error: a misspelt key
classify({ area: 'urban', sise: 1, incomeMonthlyPerCapita: 1 }, { date: '2025-12-01' });
// @ts-expect-error: a misspelt key of a standard
defineStandard({ ...getStandard('nd07-2021'), id: 'my-province-2025', scope: 'local', jurisdicton: 'My province' });
// @ts-expect-error: an unknown indicator
classifyByScores({ area: 'urban', scoreA: 100, deprived: ['employmen'] }, { date: '2025-12-01' });
const summary = (s: StreamSummary) => s.rows;

export = { result, summary, validateSurvey, classifyCsvParallel, ChuanNgheoError };
