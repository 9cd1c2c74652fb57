// A province's local standard is data: Đồng Nai 2022-2025 (line 2,000,000 rural / 2,500,000 urban,
// poor at 2 or more deprivations, band to 3,000,000 / 3,750,000).
import { describe, expect, it } from 'vitest';
import { classify, defineStandard, getStandard, loadStandard, nationalStandards, safeDefineStandard, safeLoadStandard, type StandardInput } from '../../src/index.js';
import { classifyValue } from '../helpers.js';

const date = '2024-06-01';

describe('Đồng Nai 2022-2025', () => {
  it('is poor at 2 deprivations, near-poor at 1, at its own line', () => {
    const base = { area: 'rural', size: 2, incomeMonthlyTotal: 4_000_000 } as const;
    expect(classify({ ...base, deprived: ['employment', 'nutrition'] as const }, { standard: 'dong-nai-2022-2025', date }).category).toBe('poor');
    expect(classify({ ...base, deprived: ['employment'] as const }, { standard: 'dong-nai-2022-2025', date }).category).toBe('near-poor');
    expect(classify({ ...base, incomeMonthlyTotal: 4_000_001, deprived: ['employment', 'nutrition'] }, { standard: 'dong-nai-2022-2025', date }).category).toBe('average');
  });
  it('is never chosen by date', () => {
    expect(classify({ area: 'rural', size: 1, incomeMonthlyPerCapita: 1, deprived: [] }, { date }).standard).toBe('nd07-2021');
  });
  it('urban band top 3,750,000', () => {
    expect(classify({ area: 'urban', size: 1, incomeMonthlyPerCapita: 3_750_000, deprived: [] }, { standard: 'dong-nai-2022-2025', date }).category).toBe('average');
    expect(classify({ area: 'urban', size: 1, incomeMonthlyPerCapita: 3_750_001, deprived: [] }, { standard: 'dong-nai-2022-2025', date }).category).toBe('none');
  });
});

describe("a user's own standard object", () => {
  const nd07 = getStandard('nd07-2021');
  const local = { instrument: 'local decision', source: 'primary' } as const;
  const annual: StandardInput = {
    ...structuredClone(nd07),
    id: 'annual-city-2024',
    scope: 'local',
    jurisdiction: 'A city',
    effective: { from: '2024-01-01', to: '2025-12-31' },
    incomePeriod: 'year',
    rule: {
      kind: 'single-line',
      lines: { rural: { value: 36_000_000, reference: local, confirmed: true }, urban: { value: 36_000_000, reference: local, confirmed: true } },
      minDeprivations: { value: 3, reference: local, confirmed: true },
    },
    averageBand: { status: 'not-defined', reference: local, confirmed: true },
  };
  delete (annual as { lowIncomeWorker?: unknown }).lowIncomeWorker;

  it('may express lines per year: an annual total of exactly 36,000,000 × members is at the line', () => {
    const s = defineStandard(annual);
    expect(classify({ area: 'urban', size: 2, incomeAnnualTotal: 72_000_000, deprived: [] }, { standard: s, date }).category).toBe('near-poor');
    expect(classify({ area: 'urban', size: 2, incomeAnnualTotal: 72_000_001, deprived: [] }, { standard: s, date }).category).toBe('none');
    expect(classify({ area: 'urban', size: 2, incomeMonthlyTotal: 6_000_000, deprived: [] }, { standard: annual, date }).category).toBe('near-poor');
    expect(classify({ area: 'urban', size: 1, incomeMonthlyPerCapita: '3000000.01', deprived: [] }, { standard: annual, date }).category).toBe('none');
  });

  it('is validated strictly: an unknown key fails with its path', () => {
    const bad = { ...structuredClone(nd07), lines: {} };
    expect(() => defineStandard(bad)).toThrow(expect.objectContaining({ code: 'INVALID_STANDARD', path: ['lines'] }));
    const misplaced = structuredClone(nd07) as unknown as { rule: { lines: { rural: Record<string, unknown> } } };
    misplaced.rule.lines.rural.confirmd = true;
    const r = safeDefineStandard(misplaced);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.path).toEqual(['rule', 'lines', 'rural', 'confirmd']);
  });

  it('rejects k above the number of indicators, an empty band, and an unknown dimension', () => {
    const k = structuredClone(nd07) as StandardInput;
    k.rule.minDeprivations.value = 13;
    expect(safeDefineStandard(k)).toMatchObject({ success: false, error: { code: 'INVALID_STANDARD', path: ['rule', 'minDeprivations', 'value'] } });
    const band = structuredClone(nd07) as StandardInput;
    if (band.averageBand.status === 'defined') band.averageBand.rural.atMost.value = 1_000_000;
    expect(safeDefineStandard(band)).toMatchObject({ success: false, error: { path: ['averageBand', 'rural', 'atMost', 'value'] } });
    const dim = structuredClone(nd07) as StandardInput;
    dim.indicators[0]!.dimension = 'leisure';
    expect(safeDefineStandard(dim)).toMatchObject({ success: false, error: { path: ['indicators', 0, 'dimension'] } });
  });

  it('checks provenance: a confirmed value cites its source, an unconfirmed one says why, nothing is carried from itself', () => {
    const uncited = structuredClone(nd07) as StandardInput;
    delete (uncited.rule.minDeprivations as { reference?: unknown }).reference;
    expect(safeDefineStandard(uncited)).toMatchObject({ success: false, error: { code: 'INVALID_STANDARD', path: ['rule', 'minDeprivations', 'reference'] } });
    const silent = structuredClone(nd07) as StandardInput;
    silent.indicators[2]!.deprivedWhen = { en: 'a child is stunted', confirmed: false };
    expect(safeDefineStandard(silent)).toMatchObject({ success: false, error: { path: ['indicators', 2, 'deprivedWhen', 'note'] } });
    const self = structuredClone(nd07) as StandardInput;
    self.newlyEscapedWindow.carriedFrom = 'nd07-2021';
    expect(safeDefineStandard(self)).toMatchObject({ success: false, error: { path: ['newlyEscapedWindow', 'carriedFrom'], received: 'nd07-2021' } });
    const kind = structuredClone(nd07) as unknown as { rule: { lines: { urban: { reference: { source: string } } } } };
    kind.rule.lines.urban.reference.source = 'hearsay';
    expect(safeDefineStandard(kind)).toMatchObject({ success: false, error: { path: ['rule', 'lines', 'urban', 'reference', 'source'], received: 'hearsay' } });
  });

  it('a malformed standard passed to classify is an INVALID_STANDARD error', () => {
    expect(() => classify({ area: 'rural', size: 1, incomeMonthlyPerCapita: 1 }, { standard: { id: 'x' } as unknown as StandardInput })).toThrow(
      expect.objectContaining({ code: 'INVALID_STANDARD' }),
    );
  });

  it('the national standards are frozen', () => {
    expect(Object.isFrozen(nationalStandards[1]!.rule.minDeprivations)).toBe(true);
  });
});

describe('a standard read from JSON text (loadStandard)', () => {
  const text = JSON.stringify(getStandard('nd07-2021'));

  it('a shipped standard, printed as JSON and read back, is the same standard', () => {
    expect(loadStandard(text)).toEqual(getStandard('nd07-2021'));
    expect(Object.isFrozen(loadStandard(text).rule.minDeprivations)).toBe(true);
  });
  it("a province's copy with its own id and figures classifies by them", () => {
    const copy = JSON.parse(text) as StandardInput;
    copy.id = 'tinh-x-2025';
    copy.scope = 'local';
    copy.jurisdiction = 'Tỉnh X';
    if (copy.rule.kind === 'single-line') copy.rule.lines.rural.value = 1_800_000;
    const mine = loadStandard(`\uFEFF${JSON.stringify(copy, null, 2)}`);
    const h = { area: 'rural', size: 1, incomeMonthlyPerCapita: 1_800_000, deprived: ['employment', 'nutrition', 'housingArea'] };
    expect(classifyValue(h, { standard: mine, date })).toMatchObject({ standard: 'tinh-x-2025', category: 'poor' });
    expect(classifyValue(h, { standard: 'nd07-2021', date }).category).toBe('average');
  });
  it('text that is not JSON is INVALID_STANDARD at the root, with the text received', () => {
    expect(() => loadStandard('{"id": "x",')).toThrow(expect.objectContaining({ code: 'INVALID_STANDARD', path: [], received: '{"id": "x",' }));
    expect(safeLoadStandard(42 as unknown as string)).toMatchObject({ success: false, error: { code: 'INVALID_STANDARD', path: [], received: 42 } });
  });
  it('a standard that fails validation names the path; the safe twin returns it', () => {
    const copy = JSON.parse(text) as { rule: { minDeprivations: { value: unknown } } };
    copy.rule.minDeprivations.value = 'three';
    expect(safeLoadStandard(JSON.stringify(copy))).toMatchObject({ success: false, error: { code: 'INVALID_STANDARD', path: ['rule', 'minDeprivations', 'value'], received: 'three' } });
  });
});

describe('the low-income-worker rule is data (Decree 30/2025/NĐ-CP)', () => {
  const nd07 = getStandard('nd07-2021');
  const atLine = { area: 'rural', size: 1, incomeMonthlyPerCapita: 1_400_000, deprived: [] };
  const date = '2025-06-01';
  it('Decree 07/2021 as amended: a near-poor household is excluded, whatever its income', () => {
    expect(nd07.lowIncomeWorker!.excludedCategories).toMatchObject({ value: ['poor', 'near-poor'], confirmed: true, reference: { instrument: 'Decree 30/2025/NĐ-CP' } });
    expect(nd07.lowIncomeWorker!.worker).toMatchObject({ confirmed: false, note: expect.stringMatching(/working age or employed/) });
    const r = classifyValue(atLine, { date });
    expect(r).toMatchObject({ category: 'near-poor', lowIncomeWorker: { eligible: false } });
    expect(r.trace.find((t) => t.step === 'low-income-worker')!.text).toBe('Workers of this household are not low-income workers: the household is poor or near-poor.');
  });
  it('a standard that excludes only poor households makes a near-poor one eligible at its line', () => {
    const mine = structuredClone(nd07) as StandardInput;
    mine.id = 'only-poor-excluded';
    mine.lowIncomeWorker!.excludedCategories.value = ['poor'];
    const r = classifyValue(atLine, { standard: defineStandard(mine), date });
    expect(r).toMatchObject({ category: 'near-poor', lowIncomeWorker: { eligible: true, line: 2_250_000 } });
  });
  it('a category listed twice is an error with its path', () => {
    const twice = structuredClone(nd07) as StandardInput;
    twice.lowIncomeWorker!.excludedCategories.value = ['poor', 'poor'];
    expect(safeDefineStandard(twice)).toMatchObject({ success: false, error: { code: 'INVALID_STANDARD', path: ['lowIncomeWorker', 'excludedCategories', 'value', 1] } });
  });
});
