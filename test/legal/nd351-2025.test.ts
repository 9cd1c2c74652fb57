// Decree 351/2025/NĐ-CP (2027-2030): line 2,200,000 rural / 2,800,000 urban, k = 3. No average
// band has been found: above the line a household is "none", and the result says so.
import { describe, expect, it } from 'vitest';
import { classify, getStandard } from '../../src/index.js';
import { householdAt, incomeForms, nd351Ids, classifyValue } from '../helpers.js';

const date = '2027-01-01';

describe.each([
  { area: 'rural' as const, line: 2_200_000 },
  { area: 'urban' as const, line: 2_800_000 },
])('nd351-2025, $area', ({ area, line }) => {
  describe.each(incomeForms)('income given as %s', (form) => {
    const three = { area, size: 5, deprived: nd351Ids.slice(-3) as unknown as string[] };
    const two = { area, size: 5, deprived: nd351Ids.slice(0, 2) as unknown as string[] };
    it('at the line: poor with 3 deprivations, near-poor with 2', () => {
      expect(classifyValue(householdAt(form, line, 0, three), { date }).category).toBe('poor');
      expect(classifyValue(householdAt(form, line, 0, two), { date }).category).toBe('near-poor');
    });
    it('one đồng over: none, and no band is defined', () => {
      const r = classifyValue(householdAt(form, line, 1, three), { date });
      expect(r.category).toBe('none');
      expect(r.branch).toBe('no-average-band');
      expect(r.averageBand).toBeNull();
      expect(r.averageBandNote).toMatch(/no average-living-standard band/);
      expect(r.unconfirmed).toContain('average-band');
    });
  });
});

describe('nd351-2025 indicators', () => {
  it('adds wasteTreatment, drops informationMeans, and flags every threshold as unconfirmed', () => {
    const s = getStandard('nd351-2025');
    expect(s.indicators.map((i) => i.id)).toEqual([...nd351Ids]);
    expect(s.indicators.every((i) => i.deprivedWhen.confirmed === false)).toBe(true);
    expect(() => classify({ area: 'rural', size: 1, incomeMonthlyPerCapita: 1, deprived: ['informationMeans'] }, { date })).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_INDICATOR' }),
    );
  });
  it('flags the deprivations step when any is counted', () => {
    const r = classify({ area: 'rural', size: 1, incomeMonthlyPerCapita: 1, deprived: ['wasteTreatment'] }, { date });
    expect(r.trace.find((t) => t.step === 'deprivations')!.confirmed).toBe(false);
  });
});
