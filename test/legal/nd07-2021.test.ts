// Decree 07/2021/NĐ-CP, Art. 3 (2022-2026): one income line per area, k = 3, average band above
// the line up to 2,250,000 (rural) / 3,000,000 (urban). Each case sits exactly at a bound and one
// đồng over it, in each form of income.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';
import { householdAt, incomeForms, nd07Ids, classifyValue } from '../helpers.js';

const date = '2025-12-01';
const areas = [
  { area: 'rural' as const, line: 1_500_000, bandTop: 2_250_000 },
  { area: 'urban' as const, line: 2_000_000, bandTop: 3_000_000 },
];

describe.each(areas)('nd07-2021, $area (line $line đồng)', ({ area, line, bandTop }) => {
  describe.each(incomeForms)('income given as %s', (form) => {
    const three = { area, size: 3, deprived: nd07Ids.slice(0, 3) as unknown as string[] };
    const two = { area, size: 3, deprived: nd07Ids.slice(0, 2) as unknown as string[] };

    it('at the line with 3 deprivations: poor (≤ line AND ≥ 3)', () => {
      const r = classifyValue(householdAt(form, line, 0, three), { date });
      expect(r.category).toBe('poor');
      expect(r.branch).toBe('income-at-most-line-with-k-deprivations');
    });
    it('one đồng over the line with 3 deprivations: not poor, average living standard', () => {
      const r = classifyValue(householdAt(form, line, 1, three), { date });
      expect(r.category).toBe('average');
    });
    it('at the line with 2 deprivations: near-poor', () => {
      expect(classifyValue(householdAt(form, line, 0, two), { date }).category).toBe('near-poor');
    });
    it('one đồng over the line with 2 deprivations: average', () => {
      expect(classifyValue(householdAt(form, line, 1, two), { date }).category).toBe('average');
    });
    it('at the line with 0 deprivations: near-poor (zero included)', () => {
      expect(classifyValue(householdAt(form, line, 0, { area, size: 3, deprived: [] }), { date }).category).toBe('near-poor');
    });
    it(`at the top of the average band (${bandTop}): average`, () => {
      expect(classifyValue(householdAt(form, bandTop, 0, two), { date }).category).toBe('average');
    });
    it('one đồng over the band: none', () => {
      const r = classifyValue(householdAt(form, bandTop, 1, two), { date });
      expect(r.category).toBe('none');
      expect(r.branch).toBe('above-average-band');
    });
  });

  it('above the line a household is neither poor nor near-poor however deprived (the rule is AND)', () => {
    const r = classify({ area, size: 1, incomeMonthlyPerCapita: line + 1, deprived: [...nd07Ids] }, { date });
    expect(r.category).toBe('average');
    expect(r.deprivationCount).toBe(12);
  });
});

describe('nd07-2021 result and trace', () => {
  const r = classify(
    { id: 'HH-1', area: 'rural', size: 3, incomeMonthlyTotal: 4_500_000, deprived: ['hygienicLatrine', 'healthInsurance', 'housingArea'] },
    { date },
  );

  it('reports the lines, band and per-capita income it used', () => {
    expect(r).toMatchObject({
      id: 'HH-1',
      category: 'poor',
      standard: 'nd07-2021',
      date,
      incomeMonthlyPerCapita: 1_500_000,
      deprivationCount: 3,
      lines: { incomePeriod: 'month', poverty: 1_500_000, nearPoverty: null, minDeprivations: 3 },
      averageBand: { above: 1_500_000, atMost: 2_250_000 },
    });
  });
  it('lists deprivations in the standard order', () => {
    expect(r.deprived).toEqual(['healthInsurance', 'housingArea', 'hygienicLatrine']);
  });
  it('writes the exact comparison with the article', () => {
    const line = r.trace.find((t) => t.step === 'line')!;
    expect(line.text).toContain('4,500,000 = 1,500,000 × 3 = 4,500,000');
    expect(line.reference).toBe('Decree 07/2021/NĐ-CP, Art. 3(1)(a)');
    expect(line.confirmed).toBe(true);
    const k = r.trace.find((t) => t.step === 'min-deprivations')!;
    expect(k.values).toMatchObject({ count: 3, k: 3, met: true });
  });
  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
  it('flags the unconfirmed information-means threshold when it is used', () => {
    const u = classify({ area: 'rural', size: 1, incomeMonthlyPerCapita: 1, deprived: ['informationMeans'] }, { date });
    expect(u.unconfirmed).toContain('deprivations');
    expect(u.trace.find((t) => t.step === 'deprivations')!.note).toMatch(/informationMeans/);
    expect(r.unconfirmed).not.toContain('deprivations');
  });
  it('does not mutate its input', () => {
    const input = { area: 'rural', size: 2, incomeMonthlyTotal: '3000000', deprived: ['nutrition'] };
    const copy = structuredClone(input);
    classifyValue(input, { date });
    expect(input).toEqual(copy);
  });
});

describe('low-income workers (Decree 30/2025/NĐ-CP, from 2025-02-24)', () => {
  const base = { area: 'rural' as const, size: 2, deprived: [] };
  it('has no such line the day before it takes effect', () => {
    const r = classify({ ...base, incomeMonthlyPerCapita: 2_000_000 }, { date: '2025-02-23' });
    expect(r.lowIncomeWorker).toBeNull();
    expect(r.trace.find((t) => t.step === 'low-income-worker')!.values.effectiveFrom).toBe('2025-02-24');
  });
  it('at the rural line of 2,250,000 on 2025-02-24: eligible', () => {
    const r = classify({ ...base, incomeMonthlyPerCapita: 2_250_000 }, { date: '2025-02-24' });
    expect(r.category).toBe('average');
    expect(r.lowIncomeWorker).toMatchObject({ eligible: true, line: 2_250_000 });
  });
  it('one đồng over: not eligible', () => {
    expect(classify({ ...base, incomeMonthlyTotal: 4_500_001 }, { date: '2025-02-24' }).lowIncomeWorker!.eligible).toBe(false);
  });
  it('urban line 3,000,000', () => {
    expect(classify({ ...base, area: 'urban', incomeMonthlyPerCapita: 3_000_000 }, { date }).lowIncomeWorker!.eligible).toBe(true);
    expect(classify({ ...base, area: 'urban', incomeMonthlyPerCapita: 3_000_001 }, { date }).lowIncomeWorker!.eligible).toBe(false);
  });
  it('a near-poor household is not a low-income-worker household', () => {
    const r = classify({ ...base, incomeMonthlyPerCapita: 1_000_000 }, { date });
    expect(r.category).toBe('near-poor');
    expect(r.lowIncomeWorker!.eligible).toBe(false);
  });
});
