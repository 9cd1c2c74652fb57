// Report tables from the library: every column survives every format, and a table that would lose
// one is refused.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { compareReviews, createTally, defineTargetPlan, measureTargets, safeDefineTargetPlan } from '../../src/analytics/index.js';
import { getStandard } from '../../src/index.js';
import { checkTable, profileTable, renderCsv, renderMarkdown, renderTables, renderText, safeRenderTables, summaryTable, tableToJson, targetsTable, transitionsTable, type Table } from '../../src/report/index.js';
import { ChuanNgheoError } from '../../src/errors.js';

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

  it.each([
    [{ ...base, columns: [{ key: 'name', label: '%' }, { key: 'share', label: '%', exact: true }] }, ['columns', 1, 'label'], '%'],
    [{ ...base, columns: [{ key: 'shareExact', label: 'Name' }, { key: 'share', label: 'Share %', exact: true }] }, ['columns', 1, 'key'], 'share'],
    [{ ...base, columns: [{ key: 'Name', label: 'Name' }, base.columns[1]!] }, ['columns', 0, 'key'], 'Name'],
    [{ ...base, rows: [['a', 33.33]] }, ['rows', 0, 1], 33.33],
    [{ ...base, rows: [['a']] }, ['rows', 0], ['a']],
  ] as [Table, (string | number)[], unknown][])('the error is INVALID_TABLE, with the path of the column, row or cell and the value received (%#)', (table, path, received) => {
    for (const render of [checkTable, renderText, renderCsv, renderMarkdown, tableToJson]) {
      expect(() => render(table)).toThrow(expect.objectContaining({ code: 'INVALID_TABLE', path, received }));
    }
    expect(safeRenderTables([base, table], 'json')).toMatchObject({ success: false, error: { code: 'INVALID_TABLE', path: [1, ...path], received } });
  });

  it('a value that is not a table is refused with a coded error, never a TypeError', () => {
    const cases: [unknown, (string | number)[], string][] = [
      [null, [], 'table: expected an object with id, title, columns and rows, received null'],
      [{ ...base, columns: 'name' }, ['columns'], 'table "demo": columns: expected an array of columns, received the text "name"'],
      [{ ...base, rows: [['a', { value: 1 }]] }, ['rows', 0, 1], 'table "demo": rows[0][1]: expected a cell: a text, a finite number, a figure { value, exact } or null, received an object {value: 1}'],
      [{ ...base, rows: [['a', Number.NaN]] }, ['rows', 0, 1], 'table "demo": rows[0][1]: expected a cell: a text, a finite number, a figure { value, exact } or null, received NaN (not a number)'],
      [{ ...base, columns: [{ key: 'name', label: 'Name', decimals: -1 }, base.columns[1]!] }, ['columns', 0, 'decimals'], 'table "demo": columns[0].decimals: expected a whole number of decimal places from 0 to 100, received the number -1'],
      [{ ...base, lang: 'fr' }, ['lang'], 'table "demo": lang: expected en or vi, received the text "fr"'],
    ];
    for (const [table, path, message] of cases) {
      let thrown: unknown;
      try {
        checkTable(table as Table);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ChuanNgheoError);
      expect(thrown).toMatchObject({ code: 'INVALID_TABLE', path, message });
    }
    const getter = Object.defineProperty({ ...base }, 'rows', {
      get() {
        throw new Error('boom');
      },
    });
    expect(() => checkTable(getter)).toThrow(expect.objectContaining({ code: 'INVALID_TABLE', message: expect.stringMatching(/whose reading raised Error: boom/) }));
  });

  it('renderTables refuses tables that are not an array, and a format it does not know; safeRenderTables never throws', () => {
    expect(safeRenderTables(base as never, 'csv')).toMatchObject({ success: false, error: { code: 'INVALID_TABLE', path: [] } });
    expect(safeRenderTables([base], 'html' as never)).toMatchObject({ success: false, error: { code: 'INVALID_OPTIONS', path: ['format'], received: 'html', message: 'format: expected table, csv, json or md, received the text "html"' } });
    expect(safeRenderTables([base], 'csv')).toEqual({ success: true, data: renderTables([base], 'csv') });
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

describe('a plan in both languages', () => {
  const bilingual = defineTargetPlan({
    id: 'p',
    title: { vi: 'Kế hoạch giảm nghèo', en: 'Poverty reduction plan' },
    reference: { vi: 'Kế hoạch số 1', en: 'Plan no. 1' },
    povertyRateChangePerYear: -1.5,
    coverage: [
      { indicator: 'healthInsurance', among: 'poor', minimumPercent: 100, label: { vi: 'Hộ nghèo có BHYT', en: 'Poor households insured' } },
      { indicator: 'nutrition', among: 'poor-or-near-poor', minimumPercent: 90, label: 'Nutrition (one text)' },
      { indicator: 'housingArea', among: 'poor', minimumPercent: 50 },
    ],
    notMeasured: [{ vi: 'Đào tạo nghề', en: 'Vocational training' }, 'Loans'],
  });
  const transitions = compareReviews([{ id: 1, category: 'poor' }], [{ id: 1, category: 'none' }]);
  const results = measureTargets(bilingual, result, transitions, 1.5);

  it('names each target in the report language, and by what it measures when the plan gives no label', () => {
    const names = (lang: 'vi' | 'en') => targetsTable(results, bilingual, lang, 2).rows.map((r) => r[0]);
    expect(names('vi')).toEqual(['Thay đổi tỷ lệ hộ nghèo trong 1,5 năm', 'Hộ nghèo có BHYT', 'Nutrition (one text)', 'housingArea trong hộ nghèo']);
    expect(names('en')).toEqual(['poverty rate change over 1.5 year(s)', 'Poor households insured', 'Nutrition (one text)', 'housingArea among poor households']);
    expect(results.map((r) => r.name)).toEqual(['poverty rate change over 1.5 year(s)', 'Poor households insured', 'Nutrition (one text)', 'housingArea among poor households']);
  });

  it('gives the title, reference and targets not measured in the report language', () => {
    const vi = targetsTable(results, bilingual, 'vi', 2);
    expect(vi.title).toBe('So sánh với chỉ tiêu kế hoạch: Kế hoạch giảm nghèo');
    expect(vi.note).toBe('Kế hoạch số 1. Không đo được từ các chỉ số: Đào tạo nghề; Loans. Tỷ lệ (%) làm tròn 2 chữ số thập phân (làm tròn về số chẵn).');
    const en = targetsTable(results, bilingual, 'en', 2);
    expect(en.title).toBe('Progress against the plan: Poverty reduction plan');
    expect(en.note).toBe('Plan no. 1. Not measurable from the indicators: Vocational training; Loans. Rates (%) rounded half to even to 2 decimal place(s).');
  });

  it.each([
    [{ title: { vi: 'Kế hoạch' } }, ['title']],
    [{ title: { vi: 'Kế hoạch', en: 'Plan', fr: 'Plan' } }, ['title']],
    [{ coverage: [{ indicator: 'nutrition', among: 'poor', minimumPercent: 1, label: { vi: '', en: 'x' } }] }, ['coverage', 0, 'label']],
  ])('a text in only one language, or in another, is refused: %j', (change, path) => {
    const r = safeDefineTargetPlan({ id: 'p', title: 'Plan', reference: 'Ref', ...change });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.code).toBe('INVALID_FIELD');
      expect(r.error.path.slice(0, path.length)).toEqual(path);
    }
  });

  it('the example plan has every text in both languages', () => {
    const example = defineTargetPlan(JSON.parse(readFileSync('examples/targets-bac-ninh.json', 'utf8')));
    const texts = [example.title, example.reference, ...example.coverage.map((c) => c.label), ...example.notMeasured];
    for (const text of texts) expect(text).toEqual({ vi: expect.any(String), en: expect.any(String) });
  });
});
