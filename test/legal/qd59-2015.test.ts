// Decision 59/2015/QĐ-TTg (2016-2021): two income lines. Poor: income ≤ poverty line; or poverty
// line < income ≤ near-poverty line AND ≥ 3 of 10 deprivations. Near-poor: that middle band with
// fewer than 3. Average band: above the near-poverty line up to 1,500,000 / 1,950,000.
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';
import { householdAt, incomeForms, qd59Ids, classifyValue } from '../helpers.js';

const date = '2020-06-30';
const areas = [
  { area: 'rural' as const, poverty: 700_000, near: 1_000_000, bandTop: 1_500_000 },
  { area: 'urban' as const, poverty: 900_000, near: 1_300_000, bandTop: 1_950_000 },
];

describe.each(areas)('qd59-2015, $area', ({ area, poverty, near, bandTop }) => {
  describe.each(incomeForms)('income given as %s', (form) => {
    const none = { area, size: 4, deprived: [] as string[] };
    const three = { area, size: 4, deprived: qd59Ids.slice(0, 3) as unknown as string[] };
    const two = { area, size: 4, deprived: qd59Ids.slice(0, 2) as unknown as string[] };

    it('at the poverty line, no deprivation: poor by income alone', () => {
      const r = classifyValue(householdAt(form, poverty, 0, none), { date });
      expect(r.category).toBe('poor');
      expect(r.branch).toBe('income-at-most-poverty-line');
    });
    it('one đồng over the poverty line, no deprivation: near-poor', () => {
      expect(classifyValue(householdAt(form, poverty, 1, none), { date }).category).toBe('near-poor');
    });
    it('one đồng over the poverty line, 3 deprivations: poor', () => {
      expect(classifyValue(householdAt(form, poverty, 1, three), { date }).branch).toBe('middle-band-with-k-deprivations');
    });
    it('at the near-poverty line, 3 deprivations: poor; 2: near-poor', () => {
      expect(classifyValue(householdAt(form, near, 0, three), { date }).category).toBe('poor');
      expect(classifyValue(householdAt(form, near, 0, two), { date }).category).toBe('near-poor');
    });
    it('one đồng over the near-poverty line: average, however deprived', () => {
      expect(classifyValue(householdAt(form, near, 1, three), { date }).category).toBe('average');
    });
    it('at the top of the band: average; one đồng over: none', () => {
      expect(classifyValue(householdAt(form, bandTop, 0, two), { date }).category).toBe('average');
      expect(classifyValue(householdAt(form, bandTop, 1, two), { date }).category).toBe('none');
    });
  });
});

describe('qd59-2015 data', () => {
  it('reports both lines and flags the unconfirmed band bounds', () => {
    const r = classify({ area: 'rural', size: 1, incomeMonthlyPerCapita: 1_200_000, deprived: [] }, { date });
    expect(r.lines).toEqual({ incomePeriod: 'month', poverty: 700_000, nearPoverty: 1_000_000, minDeprivations: 3 });
    expect(r.unconfirmed).toEqual(expect.arrayContaining(['average-band-lower', 'average-band-upper']));
  });
  it('does not cite a threshold to the Decision: Art. 1 names the indicators only', () => {
    const r = classify({ area: 'rural', size: 1, incomeMonthlyPerCapita: 800_000, deprived: ['healthInsurance', 'housingArea'] }, { date });
    expect(r.trace.find((t) => t.step === 'deprivations')).toMatchObject({
      reference: 'no source read (unconfirmed)',
      confirmed: false,
      note: 'unconfirmed threshold for healthInsurance, housingArea',
    });
    expect(r.unconfirmed).toContain('deprivations');
  });
  it('has no low-income-worker line', () => {
    expect(classify({ area: 'urban', size: 1, incomeMonthlyPerCapita: 1, deprived: [] }, { date }).lowIncomeWorker).toBeNull();
  });
  it('rejects a 2022 indicator it does not define', () => {
    expect(() => classify({ area: 'urban', size: 1, incomeMonthlyPerCapita: 1, deprived: ['nutrition'] }, { date })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_INDICATOR', path: ['deprived', 0], received: 'nutrition' }),
    );
  });
});
