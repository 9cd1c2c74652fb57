// Which standard is in force: Decision 59/2015 from 2016-01-01 (kept for 2021 by Decree 07/2021
// Art. 2), Decree 07/2021 from 2022-01-01 (kept for 2026 by Decree 351/2025), Decree 351/2025 from
// 2027-01-01 to 2030-12-31. Outside 2016-2030 there is no standard: an error, never a default.
import { describe, expect, it } from 'vitest';
import { classify, safeClassify, safeStandardInForce, standardInForce } from '../../src/index.js';
import { classifyValue } from '../helpers.js';

describe('standard in force by date', () => {
  it.each([
    ['2016-01-01', 'qd59-2015'],
    ['2021-12-31', 'qd59-2015'],
    ['2022-01-01', 'nd07-2021'],
    ['2026-12-31', 'nd07-2021'],
    ['2027-01-01', 'nd351-2025'],
    ['2030-12-31', 'nd351-2025'],
  ])('%s → %s', (date, id) => {
    expect(standardInForce(date).id).toBe(id);
  });

  it.each(['2015-12-31', '2031-01-01'])('%s: NO_STANDARD_IN_FORCE', (date) => {
    expect(() => standardInForce(date)).toThrow(expect.objectContaining({ code: 'NO_STANDARD_IN_FORCE', path: ['date'], received: date }));
    const safe = safeStandardInForce(date);
    expect(safe.success).toBe(false);
  });

  it('accepts a Date for its calendar day', () => {
    expect(standardInForce(new Date(2022, 0, 1)).id).toBe('nd07-2021');
  });

  it('the same household changes standard across 2021-12-31 / 2022-01-01', () => {
    const h = { area: 'rural', size: 1, incomeMonthlyPerCapita: 800_000, deprived: ['healthInsurance'] };
    expect(classifyValue(h, { date: '2021-12-31' })).toMatchObject({ standard: 'qd59-2015', category: 'near-poor' });
    expect(classifyValue(h, { date: '2022-01-01' })).toMatchObject({ standard: 'nd07-2021', category: 'near-poor' });
  });

  it('the same household changes standard across 2026-12-31 / 2027-01-01', () => {
    const h = { area: 'urban', size: 2, incomeMonthlyTotal: 5_000_000, deprived: [] };
    expect(classifyValue(h, { date: '2026-12-31' })).toMatchObject({ standard: 'nd07-2021', category: 'average' });
    expect(classifyValue(h, { date: '2027-01-01' })).toMatchObject({ standard: 'nd351-2025', category: 'near-poor' });
  });

  it('an explicit standard must be in force on an explicit date', () => {
    expect(() => classify({ area: 'rural', size: 1, incomeMonthlyPerCapita: 1, deprived: [] }, { standard: 'nd351-2025', date: '2025-12-01' })).toThrow(
      expect.objectContaining({ code: 'STANDARD_NOT_IN_FORCE', path: ['date'], received: '2025-12-01' }),
    );
  });

  it('without a date, uses today (injectable) and the standard in force then', () => {
    const r = classify({ area: 'rural', size: 1, incomeMonthlyPerCapita: 1, deprived: [] }, { today: () => '2028-03-01' });
    expect(r).toMatchObject({ standard: 'nd351-2025', date: '2028-03-01' });
  });
});

describe('a chosen standard without a date is checked against today', () => {
  const household = { area: 'rural', size: 1, incomeMonthlyTotal: 1, deprived: [] };
  it('refuses Decision 59 on a day it is not in force, and says to give the date', () => {
    const error = safeClassify(household, { standard: 'qd59-2015', today: () => '2026-12-02' });
    expect(error).toMatchObject({ success: false, error: { code: 'STANDARD_NOT_IN_FORCE', path: ['date'], received: '2026-12-02' } });
    if (!error.success) expect(error.error.message).toMatch(/not today \(2026-12-02\); give the review date/);
  });
  it('refuses a local standard past its period, and takes it within', () => {
    expect(safeClassify(household, { standard: 'dong-nai-2022-2025', today: () => '2026-01-01' })).toMatchObject({ success: false, error: { code: 'STANDARD_NOT_IN_FORCE' } });
    expect(classifyValue(household, { standard: 'dong-nai-2022-2025', today: () => '2025-12-31' }).standard).toBe('dong-nai-2022-2025');
  });
  it('takes a standard in force today, and the trace states the date it checked', () => {
    const result = classifyValue(household, { standard: 'nd07-2021', today: () => '2026-06-01' });
    expect(result.date).toBe('2026-06-01');
    expect(result.trace[0]!.text).toContain('2026-06-01');
  });
});
