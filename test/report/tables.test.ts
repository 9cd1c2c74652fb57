// Report tables from the library: every column survives every format, and a table that would lose
// one is refused.
import { describe, expect, it } from 'vitest';
import { compareReviews, createTally, measureTargets } from '../../src/analytics/index.js';
import { getStandard } from '../../src/index.js';
import { profileTable, renderTables, summaryTable, targetsTable, transitionsTable, type Table } from '../../src/report/index.js';

const standard = getStandard('nd07-2021');
const tally = createTally({ indicators: standard.indicators.map((i) => i.id) });
tally.add({ category: 'poor', deprived: ['healthInsurance', 'housingArea', 'nutrition'], size: 3, group: 'A' });
tally.add({ category: 'poor', deprived: ['nutrition', 'housingArea', 'employment'], size: 2, group: 'A' });
tally.add({ category: 'none', deprived: ['healthInsurance'], size: 4, group: 'A' });
const result = tally.result();

describe('renderTables', () => {
  it('JSON keeps the three rates of the profile, each with its exact value', () => {
    const [profile] = JSON.parse(renderTables([profileTable(result, standard, 'vi')], 'json')) as { id: string; rows: Record<string, unknown>[] }[];
    expect(profile!.id).toBe('deprivation-profile');
    // Health insurance: 2 of 3 households, 1 of 2 poor, none of no near-poor households.
    expect(profile!.rows.find((r) => r.indicator === 'Bảo hiểm y tế')).toEqual({
      indicator: 'Bảo hiểm y tế',
      deprivedAll: 2,
      deprivedAllRate: 66.67,
      deprivedAllRateExact: '200/3',
      deprivedPoor: 1,
      deprivedPoorRate: 50,
      deprivedPoorRateExact: '50',
      deprivedNearPoor: 0,
      deprivedNearPoorRate: null,
      deprivedNearPoorRateExact: null,
    });
  });

  it('JSON keeps each category rate beside its own count', () => {
    const [summary] = JSON.parse(renderTables([summaryTable(result, 'en', { standard: 'nd07-2021', date: '2025-12-01' })], 'json')) as { rows: Record<string, unknown>[] }[];
    expect(summary!.rows.at(-1)).toMatchObject({ households: 3, poor: 2, poorRate: 66.67, poorRateExact: '200/3', other: 1, otherRate: 33.33, otherRateExact: '100/3', persons: 9 });
  });

  it('a figure that cannot be computed is a dash, an empty CSV field, or null', () => {
    const table = profileTable(result, standard, 'en');
    expect(renderTables([table], 'table')).toMatch(/^Health insurance +2 +66\.67 +1 +50\.00 +0 +—$/m);
    expect(renderTables([table], 'md')).toContain('| Health insurance | 2 | 66.67 | 1 | 50.00 | 0 | — |');
    expect(renderTables([table], 'csv')).toContain('\nHealth insurance,2,66.67,1,50,0,\n');
  });

  const base: Table = { id: 'demo', title: 'Demo', columns: [{ key: 'name', label: 'Name' }, { key: 'share', label: 'Share %', exact: true }], rows: [['a', { value: 33.33, exact: '100/3' }]] };
  it.each([
    [{ ...base, columns: [{ key: 'name', label: '%' }, { key: 'share', label: '%', exact: true }] }, /table "demo": the header "%" appears twice/],
    [{ ...base, columns: [{ key: 'shareExact', label: 'Name' }, { key: 'share', label: 'Share %', exact: true }] }, /the key "shareExact" appears twice/],
    [{ ...base, columns: [{ key: 'Name', label: 'Name' }, base.columns[1]!] }, /the key "Name" is not camelCase/],
    [{ ...base, rows: [['a', 33.33]] }, /row 1, column share: a figure with its exact value is expected/],
    [{ ...base, rows: [['a']] }, /row 1 has 1 cell\(s\) for 2 column\(s\)/],
  ] as [Table, RegExp][])('refuses a table that would lose or mislabel a column (%#)', (table, message) => {
    for (const format of ['table', 'csv', 'md', 'json'] as const) expect(() => renderTables([table], format)).toThrow(message);
  });
});

describe('weighted reports', () => {
  it('say under the movement, and under a rate change target, that households are counted without weights', () => {
    const t = compareReviews([{ id: 1, category: 'poor' }], [{ id: 1, category: 'none' }]);
    expect(transitionsTable(t, 'en').note).toBe('Rates (%) rounded half to even to 2 decimal place(s).');
    expect(transitionsTable(t, 'en', { weighted: true }).note).toMatch(/ The movement counts households, without the survey weights\.$/);
    const plan = { id: 'p', title: 'Plan', reference: 'A plan', povertyRateChangePerYear: -1, coverage: [], notMeasured: [] };
    const results = measureTargets(plan, result, t);
    expect(targetsTable(results, plan, 'vi', 2, { weighted: true }).note).toBe('A plan. Tỷ lệ (%) làm tròn 2 chữ số thập phân (làm tròn về số chẵn). Thay đổi tỷ lệ hộ nghèo tính theo số hộ, không dùng quyền số.');
    expect(targetsTable(results, plan, 'vi', 2).note).toBe('A plan. Tỷ lệ (%) làm tròn 2 chữ số thập phân (làm tròn về số chẵn).');
  });
});
