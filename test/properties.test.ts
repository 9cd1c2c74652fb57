// Invariants of the rule, for every national standard: more income never makes a household
// poorer; one more deprivation never makes it less poor; batch results equal single results.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createBatchClassifier, nationalStandards, type Category } from '../src/index.js';
import { expectBatchAgrees, classifyValue } from './helpers.js';

const severity: Record<Category, number> = { poor: 2, 'near-poor': 1, average: 0, none: 0 };
const dateOf: Record<string, string> = { 'qd59-2015': '2019-06-01', 'nd07-2021': '2025-12-01', 'nd351-2025': '2028-06-01' };

const householdArb = (ids: readonly string[]) =>
  fc.record({
    area: fc.constantFrom('rural', 'urban'),
    size: fc.integer({ min: 1, max: 15 }),
    income: fc.integer({ min: 0, max: 5_000_000 }),
    deprived: fc.subarray([...ids]),
  });

describe.each(nationalStandards.map((s) => [s.id, s] as const))('%s', (id, standard) => {
  const ids = standard.indicators.map((i) => i.id);
  const date = dateOf[id]!;

  it('more income never makes a household poorer', () => {
    fc.assert(
      fc.property(householdArb(ids), fc.integer({ min: 0, max: 3_000_000 }), (h, extra) => {
        const base = { area: h.area, size: h.size, deprived: h.deprived };
        const a = classifyValue({ ...base, incomeMonthlyPerCapita: h.income }, { date });
        const b = classifyValue({ ...base, incomeMonthlyPerCapita: h.income + extra }, { date });
        expect(severity[b.category]).toBeLessThanOrEqual(severity[a.category]);
      }),
      { numRuns: 300 },
    );
  });

  it('one more deprivation never makes a household less poor', () => {
    fc.assert(
      fc.property(householdArb(ids), (h) => {
        const missing = ids.filter((i) => !h.deprived.includes(i));
        fc.pre(missing.length > 0);
        const base = { area: h.area, size: h.size, incomeMonthlyTotal: h.income * h.size };
        const a = classifyValue({ ...base, deprived: h.deprived }, { date });
        const b = classifyValue({ ...base, deprived: [...h.deprived, missing[0]!] }, { date });
        expect(severity[b.category]).toBeGreaterThanOrEqual(severity[a.category]);
      }),
      { numRuns: 300 },
    );
  });

  it('the three income forms agree when they state the same income', () => {
    fc.assert(
      fc.property(householdArb(ids), (h) => {
        const base = { area: h.area, size: h.size, deprived: h.deprived };
        const a = classifyValue({ ...base, incomeMonthlyPerCapita: h.income }, { date }).category;
        expect(classifyValue({ ...base, incomeMonthlyTotal: h.income * h.size }, { date }).category).toBe(a);
        expect(classifyValue({ ...base, incomeAnnualTotal: String(h.income * h.size * 12) }, { date }).category).toBe(a);
      }),
      { numRuns: 300 },
    );
  });

  it('batch rows equal single results, errors included', () => {
    const batch = createBatchClassifier({ date });
    const anyHousehold = fc.oneof(
      householdArb(ids).map((h) => ({ id: 'h', area: h.area, size: h.size, incomeMonthlyTotal: h.income, deprived: h.deprived })),
      fc.record(
        {
          id: fc.oneof(fc.string(), fc.integer()),
          area: fc.constantFrom('rural', 'urban', 'Nông thôn', 'đô thị', 'x'),
          size: fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constant('2')),
          incomeMonthlyPerCapita: fc.oneof(fc.integer({ min: -1, max: 4_000_000 }), fc.constantFrom('1500000', '1500000.5', 'x')),
          incomeAnnualTotal: fc.integer({ min: 0, max: 9e7 }),
          deprived: fc.array(fc.constantFrom(...ids, 'bogus'), { maxLength: 4 }),
          previousCategory: fc.constantFrom('poor', 'near-poor', 'rich'),
          previousRecognizedOn: fc.constantFrom('2024-12-10', '2030-12-31', 'soon'),
          attributes: fc.oneof(
            fc.dictionary(fc.constantFrom('commune', 'weight', 'ethnicity'), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))),
            fc.constantFrom('Xã A', { commune: ['Xã A'] }, { weight: Number.POSITIVE_INFINITY }, { commune: undefined }),
          ),
        },
        { requiredKeys: ['area'] },
      ),
    );
    fc.assert(
      fc.property(anyHousehold, (h) => expectBatchAgrees(batch, h)),
      { numRuns: 2000 },
    );
  });
});

describe('exact comparisons', () => {
  const date = '2025-12-01';
  const base = { area: 'rural', size: 3, deprived: ['employment', 'nutrition', 'housingArea'] };
  it('an annual total of exactly 12 × size × line is at the line', () => {
    expect(classifyValue({ ...base, incomeAnnualTotal: 12 * 3 * 1_500_000 }, { date }).category).toBe('poor');
    expect(classifyValue({ ...base, incomeAnnualTotal: 12 * 3 * 1_500_000 + 1 }, { date }).category).toBe('average');
  });
  it('decimal strings compare exactly: 4500000.00 is at the line, 4500000.01 above', () => {
    expect(classifyValue({ ...base, incomeMonthlyTotal: '4500000.00' }, { date }).category).toBe('poor');
    expect(classifyValue({ ...base, incomeMonthlyTotal: '4500000.01' }, { date }).category).toBe('average');
  });
  it('an income above 2^53 stays exact', () => {
    expect(classifyValue({ ...base, incomeMonthlyTotal: '90071992547409930' }, { date }).category).toBe('none');
  });
  it('per-capita display is rounded half to even; the decision is not', () => {
    // 4,500,001 / 3 = 1,500,000.33…: shown as 1,500,000, yet above the line.
    const r = classifyValue({ ...base, incomeMonthlyTotal: 4_500_001 }, { date });
    expect(r.incomeMonthlyPerCapita).toBe(1_500_000);
    expect(r.category).toBe('average');
    expect(r.trace.find((t) => t.step === 'income')!.text).toContain('rounded for display');
    const whole = classifyValue({ ...base, incomeMonthlyTotal: 4_500_000 }, { date });
    expect(whole.trace.find((t) => t.step === 'income')!.text).not.toContain('rounded');
    expect(whole.trace.every((t) => !('note' in t) || typeof t.note === 'string')).toBe(true);
    expect(classifyValue({ ...base, size: 2, incomeMonthlyTotal: 5 }, { date }).incomeMonthlyPerCapita).toBe(2);
    expect(classifyValue({ ...base, size: 2, incomeMonthlyTotal: 7 }, { date }).incomeMonthlyPerCapita).toBe(4);
  });
  it('Vietnamese area words are accepted', () => {
    expect(classifyValue({ ...base, area: 'Thành thị', incomeMonthlyTotal: 6_000_000 }, { date }).area).toBe('urban');
    expect(classifyValue({ ...base, area: 'nông thôn', incomeMonthlyTotal: 6_000_000 }, { date }).area).toBe('rural');
    expect(() => classifyValue({ ...base, area: 'constructor', incomeMonthlyTotal: 1 }, { date })).toThrow(expect.objectContaining({ code: 'INVALID_AREA' }));
  });
});
