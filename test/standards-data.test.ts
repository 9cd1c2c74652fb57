// The shipped standards data, checked strictly against the specification: every confirmed figure
// with its reference, every unconfirmed one flagged.
import { describe, expect, it } from 'vitest';
import { getStandard, localStandards, nationalStandards, standardIds, standardSchema, getStandard as get } from '../src/index.js';
import { nd07Ids, nd351Ids, qd59Ids } from './helpers.js';

describe('shipped standards', () => {
  it('pass the strict schema', () => {
    for (const s of [...nationalStandards, ...localStandards]) expect(standardSchema.safeParse(s).success).toBe(true);
  });
  it('have the public ids', () => {
    expect(standardIds).toEqual(['qd59-2015', 'nd07-2021', 'nd351-2025', 'dong-nai-2022-2025']);
  });
  it('cover 2016-01-01 … 2030-12-31 without gap or overlap', () => {
    expect(nationalStandards.map((s) => [s.effective.from, s.effective.to])).toEqual([
      ['2016-01-01', '2021-12-31'],
      ['2022-01-01', '2026-12-31'],
      ['2027-01-01', '2030-12-31'],
    ]);
  });
  it('have the public indicator ids', () => {
    expect(get('qd59-2015').indicators.map((i) => i.id)).toEqual([...qd59Ids]);
    expect(get('nd07-2021').indicators.map((i) => i.id)).toEqual([...nd07Ids]);
    expect(get('nd351-2025').indicators.map((i) => i.id)).toEqual([...nd351Ids]);
  });
  it('every indicator has Vietnamese and English labels, a threshold and a reference', () => {
    for (const s of nationalStandards) {
      for (const i of s.indicators) {
        expect(i.label.vi.length).toBeGreaterThan(2);
        expect(i.label.en.length).toBeGreaterThan(2);
        expect(i.deprivedWhen.en.length).toBeGreaterThan(5);
        expect(i.reference).toMatch(/Decision 59\/2015|Decree 07\/2021|Decree 351\/2025/);
        if (!i.confirmed) expect(i.note).toBeDefined();
      }
    }
  });
});

describe('figures of the specification', () => {
  it('qd59-2015: 700,000/900,000 and 1,000,000/1,300,000, k = 3, band figures with unconfirmed bounds', () => {
    const s = getStandard('qd59-2015');
    if (s.rule.kind !== 'two-tier') throw new Error('two-tier expected');
    expect([s.rule.povertyLines.rural.value, s.rule.povertyLines.urban.value]).toEqual([700_000, 900_000]);
    expect([s.rule.nearPovertyLines.rural.value, s.rule.nearPovertyLines.urban.value]).toEqual([1_000_000, 1_300_000]);
    expect(s.rule.minDeprivations.value).toBe(3);
    expect(s.rule.povertyLines.rural.confirmed).toBe(true);
    if (s.averageBand.status !== 'defined') throw new Error('band expected');
    expect([s.averageBand.rural.atMost.value, s.averageBand.urban.atMost.value]).toEqual([1_500_000, 1_950_000]);
    expect(s.averageBand.rural.atMost.confirmed).toBe(false);
    expect(s.indicators.every((i) => !i.confirmed)).toBe(true);
  });
  it('nd07-2021: 1,500,000/2,000,000, band to 2,250,000/3,000,000, low-income worker from 2025-02-24', () => {
    const s = getStandard('nd07-2021');
    if (s.rule.kind !== 'single-line' || s.averageBand.status !== 'defined') throw new Error('shape');
    expect([s.rule.lines.rural.value, s.rule.lines.urban.value]).toEqual([1_500_000, 2_000_000]);
    expect([s.averageBand.rural.atMost.value, s.averageBand.urban.atMost.value]).toEqual([2_250_000, 3_000_000]);
    expect(s.lowIncomeWorker).toMatchObject({ effectiveFrom: '2025-02-24', lines: { rural: { value: 2_250_000 }, urban: { value: 3_000_000 } } });
    expect(s.rule.lines.rural.reference).toBe('Decree 07/2021/NĐ-CP, Art. 3(1)(a)');
    expect(s.indicators.filter((i) => !i.confirmed).map((i) => i.id)).toEqual(['informationMeans']);
    expect(s.indicators.find((i) => i.id === 'employment')!.note).toMatch(/working-age/);
  });
  it('nd351-2025: 2,200,000/2,800,000, k = 3, no band', () => {
    const s = getStandard('nd351-2025');
    if (s.rule.kind !== 'single-line') throw new Error('shape');
    expect([s.rule.lines.rural.value, s.rule.lines.urban.value]).toEqual([2_200_000, 2_800_000]);
    expect(s.averageBand).toMatchObject({ status: 'not-defined', confirmed: false });
  });
  it('the newly-escaped window is 36 months and unconfirmed everywhere', () => {
    for (const s of nationalStandards) expect(s.newlyEscapedWindow).toMatchObject({ value: 36, confirmed: false });
  });
});

describe('shipped standards parse to themselves', () => {
  it('the strict schema adds and drops nothing', () => {
    for (const s of [...nationalStandards, ...localStandards]) {
      const parsed = standardSchema.parse(JSON.parse(JSON.stringify(s)));
      expect(parsed).toEqual(JSON.parse(JSON.stringify(s)));
    }
  });
});
