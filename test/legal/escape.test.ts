// Escape from poverty (Decision 24/2021/QĐ-TTg: the commune recognises escaped households) and
// "newly escaped" (hộ mới thoát nghèo), Decision 28/2015/QĐ-TTg as amended by Decision 02/2021/QĐ-TTg,
// quoted the same way by the Quảng Trị labour department's portal and a legal publisher:
//
//   "hộ gia đình đã từng là hộ nghèo, hộ cận nghèo, qua điều tra, rà soát hằng năm có thu nhập bình
//   quân đầu người cao hơn chuẩn cận nghèo theo quy định của pháp luật hiện hành, được UBND cấp xã
//   xác nhận và thời gian kể từ khi ra khỏi danh sách hộ nghèo, hộ cận nghèo tối đa là 3 năm"
//
// Newly escaped on a review date: (1) was on the poor or near-poor list; (2) income per person now
// above the near-poverty standard (Decision 59/2015: the near-poverty line; Decrees 07/2021 and
// 351/2025: the single line); (3) at most 3 years since leaving the list. Left on D: newly escaped
// through D + 3 years (the same calendar date; 29 February → 28 February), not the day after.
import { describe, expect, it } from 'vitest';
import { addYears } from 'date-fns/addYears';
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { readFileSync } from 'node:fs';
import { classify, createBatchClassifier } from '../../src/index.js';
import { classifyValue } from '../helpers.js';

const date = '2025-12-01'; // Decree 07/2021/NĐ-CP: rural line 1,500,000 đồng per person per month, k = 3
const households = {
  poor: { area: 'rural', size: 1, incomeMonthlyPerCapita: 1_400_000, deprived: ['employment', 'nutrition', 'housingArea'] },
  'near-poor': { area: 'rural', size: 1, incomeMonthlyPerCapita: 1_400_000, deprived: [] },
  average: { area: 'rural', size: 1, incomeMonthlyPerCapita: 1_600_000, deprived: [] },
  none: { area: 'rural', size: 1, incomeMonthlyPerCapita: 20_000_000, deprived: [] },
} as const;
const recognised = '2021-12-01';

/** Left the list: 2 years 364 days, exactly 3 years, and 3 years and a day before the review. */
const leftAgo = { '2 years 364 days': '2022-12-02', 'exactly 3 years': '2022-12-01', '3 years and a day': '2022-11-30' } as const;

describe('newly escaped: previous list × category now × time since leaving the list', () => {
  for (const previousCategory of ['poor', 'near-poor'] as const) {
    for (const now of ['poor', 'near-poor', 'average', 'none'] as const) {
      for (const [ago, leftListOn] of Object.entries(leftAgo)) {
        const onList = now === 'poor' || (previousCategory === 'near-poor' && now === 'near-poor');
        const above = now === 'average' || now === 'none';
        const expected = above && ago !== '3 years and a day';
        it(`on the ${previousCategory} list, now ${now}, left ${ago} ago: ${expected ? '' : 'not '}newly escaped`, () => {
          const input = { ...households[now], previousCategory, previousRecognizedOn: recognised, leftListOn };
          const r = classify(input, { date });
          expect(r.category).toBe(now);
          expect(r.newlyEscaped).toBe(expected);
          expect(r.escape === null).toBe(onList);
          if (r.escape) {
            expect(r.escape).toMatchObject({ leftListOn, incomeAboveNearPovertyStandard: above, withinWindow: ago !== '3 years and a day', windowMonths: 36 });
          }
          const step = r.trace.find((t) => t.step === 'escape')!;
          expect(step).toMatchObject({ reference: 'Decision 28/2015/QĐ-TTg (as amended by Decision 02/2021/QĐ-TTg)', confirmed: true });
          expect(step.values).toMatchObject({ newlyEscaped: expected, incomeAboveNearPovertyStandard: above });
          const batch = createBatchClassifier({ date });
          expect(batch.classify(input)).toMatchObject({ newlyEscaped: expected });
          expect(batch.classifyWithFacts(input)).toMatchObject({ newlyEscaped: expected });
        });
      }
    }
  }
});

describe('escape status', () => {
  it('previously poor, now average, leaving at this review: newly escaped for 3 years from the review', () => {
    const r = classify({ ...households.average, previousCategory: 'poor', previousRecognizedOn: '2024-12-10' }, { date });
    expect(r.newlyEscaped).toBe(true);
    expect(r.escape).toEqual({
      from: 'poverty',
      previousCategory: 'poor',
      previousRecognizedOn: '2024-12-10',
      recognizedOn: date,
      leftListOn: date,
      incomeAboveNearPovertyStandard: true,
      windowMonths: 36,
      windowEndsOn: '2028-12-01',
      withinWindow: true,
      windowConfirmed: true,
    });
    expect(r.unconfirmed).not.toContain('escape');
    const step = r.trace.find((t) => t.step === 'escape')!;
    expect(step.text).toContain('(1) was on the poor list: holds');
    expect(step.text).toContain('(2) income above the near-poverty standard (the rural line of 1,500,000 đồng per person per month): holds');
    expect(step.text).toContain('(3) at most 36 months since leaving the list on 2025-12-01, through 2028-12-01: holds');
  });
  it('previously poor, now near-poor: escaped poverty (it left the poor list), not newly escaped', () => {
    const r = classify({ ...households['near-poor'], previousCategory: 'poor', previousRecognizedOn: '2024-12-10' }, { date });
    expect(r.escape).toMatchObject({ from: 'poverty', incomeAboveNearPovertyStandard: false });
    expect(r.newlyEscaped).toBe(false);
    expect(r.trace.find((t) => t.step === 'escape')!.text).toContain('(2) income above the near-poverty standard (the rural line of 1,500,000 đồng per person per month): does not hold');
  });
  it('income at the line is not above it; one đồng more is (3 members: 4,500,000 and 4,500,001 a month)', () => {
    const at = { area: 'rural', size: 3, incomeMonthlyTotal: 4_500_000, previousCategory: 'near-poor', previousRecognizedOn: '2024-12-10' } as const;
    expect(classify(at, { date }).newlyEscaped).toBe(false);
    expect(classify({ ...at, incomeMonthlyTotal: 4_500_001 }, { date }).newlyEscaped).toBe(true);
  });
  it('Decision 59/2015: above the near-poverty line, not merely the poverty line', () => {
    const d = '2019-12-01'; // rural poverty line 700,000, near-poverty line 1,000,000
    const h = { area: 'rural', size: 1, deprived: [], previousCategory: 'poor', previousRecognizedOn: '2018-12-01' } as const;
    const nearPoor = classify({ ...h, incomeMonthlyPerCapita: 1_000_000 }, { date: d });
    expect([nearPoor.category, nearPoor.newlyEscaped]).toEqual(['near-poor', false]);
    const above = classify({ ...h, incomeMonthlyPerCapita: 1_000_001 }, { date: d });
    expect(above.newlyEscaped).toBe(true);
    expect(above.trace.find((t) => t.step === 'escape')!.text).toContain('the rural near-poverty line of 1,000,000 đồng');
  });
  it('previously poor, still poor: no escape', () => {
    const r = classify({ ...households.poor, previousCategory: 'poor', previousRecognizedOn: '2024-12-10' }, { date });
    expect(r.newlyEscaped).toBe(false);
    expect(r.escape).toBeNull();
  });
  it('previously near-poor, now above the line: escaped near-poverty', () => {
    expect(classify({ ...households.average, previousCategory: 'near-poor', previousRecognizedOn: '2024-12-10' }, { date }).escape!.from).toBe('near-poverty');
  });
  it('left on 29 February 2024: newly escaped through 28 February 2027, not on 1 March 2027', () => {
    const h = { ...households.none, previousCategory: 'poor', previousRecognizedOn: '2023-12-10', leftListOn: '2024-02-29' } as const;
    const last = classify(h, { date: '2027-02-28' });
    expect(last.escape).toMatchObject({ windowEndsOn: '2027-02-28', withinWindow: true });
    expect(last.newlyEscaped).toBe(true);
    expect(classify(h, { date: '2027-03-01' }).newlyEscaped).toBe(false);
  });
  it('left at the end of a month (31 March 2023): through 31 March 2026, not 1 April 2026', () => {
    const h = { ...households.none, previousCategory: 'near-poor', previousRecognizedOn: '2022-12-10', leftListOn: '2023-03-31' } as const;
    expect(classify(h, { date: '2026-03-31' }).newlyEscaped).toBe(true);
    expect(classify(h, { date: '2026-04-01' }).newlyEscaped).toBe(false);
  });
  it('the window ends on the date date-fns addYears gives (36 months = 3 years)', () => {
    for (const left of ['2024-02-29', '2023-03-31', '2022-12-01', '2023-01-31', '2024-08-31']) {
      const r = classify({ ...households.none, previousCategory: 'poor', previousRecognizedOn: '2022-01-01', leftListOn: left }, { date: '2025-12-01' });
      expect(r.escape!.windowEndsOn).toBe(format(addYears(parseISO(left), 3), 'yyyy-MM-dd'));
    }
  });
  it('a survey record carries leftListOn too: the same status on every path', () => {
    const record = JSON.parse(readFileSync('examples/roster.jsonl', 'utf8').split('\n')[0]!) as Record<string, unknown>;
    const batch = createBatchClassifier({ date });
    for (const [leftListOn, expected] of [['2022-12-01', true], ['2022-11-30', false]] as const) {
      const input = { ...record, previousCategory: 'poor', previousRecognizedOn: '2021-12-01', leftListOn };
      const r = classifyValue(input, { date });
      expect([r.category, r.newlyEscaped]).toEqual(['none', expected]);
      expect(batch.classify(input)).toMatchObject({ newlyEscaped: expected });
      expect(batch.classifyWithFacts(input)).toMatchObject({ newlyEscaped: expected, escaped: 'poverty' });
    }
  });
  it('without a previous category there is no escape', () => {
    expect(classify(households.average, { date }).escape).toBeNull();
  });
  it('a previous recognition after the review date is an error', () => {
    expect(() => classify({ ...households.average, previousCategory: 'poor', previousRecognizedOn: '2025-12-02' }, { date })).toThrow(
      expect.objectContaining({ code: 'INVALID_PREVIOUS_STATUS', path: ['previousRecognizedOn'], received: '2025-12-02' }),
    );
  });
  it('leaving the list on the review date is allowed; the day after is an error', () => {
    const h = { ...households.average, previousCategory: 'poor', previousRecognizedOn: '2024-12-10' } as const;
    expect(classify({ ...h, leftListOn: '2025-12-01' }, { date }).newlyEscaped).toBe(true);
    expect(() => classify({ ...h, leftListOn: '2025-12-02' }, { date })).toThrow(expect.objectContaining({ code: 'INVALID_PREVIOUS_STATUS', path: ['leftListOn'], received: '2025-12-02' }));
  });
  it('leaving the list on the day it was recognised is allowed; the day before is an error', () => {
    const h = { ...households.average, previousCategory: 'poor', previousRecognizedOn: '2024-12-10' } as const;
    expect(classify({ ...h, leftListOn: '2024-12-10' }, { date }).newlyEscaped).toBe(true);
    expect(() => classify({ ...h, leftListOn: '2024-12-09' }, { date })).toThrow(expect.objectContaining({ code: 'INVALID_PREVIOUS_STATUS', path: ['leftListOn'] }));
  });
  it('leftListOn must be a calendar date, and needs the list it left', () => {
    const h = { ...households.average, previousCategory: 'poor', previousRecognizedOn: '2024-12-10' } as const;
    expect(() => classify({ ...h, leftListOn: '2025-02-29' }, { date })).toThrow(expect.objectContaining({ code: 'INVALID_DATE', path: ['leftListOn'] }));
    expect(() => classify({ ...households.average, leftListOn: '2025-01-01' }, { date })).toThrow(expect.objectContaining({ code: 'INVALID_PREVIOUS_STATUS', path: ['leftListOn'] }));
  });
  it('the category and its date go together', () => {
    expect(() => classify({ ...households.average, previousCategory: 'poor' }, { date })).toThrow(expect.objectContaining({ code: 'INVALID_PREVIOUS_STATUS', path: ['previousRecognizedOn'] }));
    expect(() => classify({ ...households.average, previousRecognizedOn: '2024-12-10' }, { date })).toThrow(expect.objectContaining({ code: 'INVALID_PREVIOUS_STATUS', path: ['previousCategory'] }));
  });
});
