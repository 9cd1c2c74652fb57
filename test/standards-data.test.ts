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
  it('every indicator has an English name and threshold, and a Vietnamese name only where one was read or carried', () => {
    for (const s of nationalStandards) {
      for (const i of s.indicators) {
        expect(i.label.en.length).toBeGreaterThan(2);
        expect(i.deprivedWhen.en.length).toBeGreaterThan(5);
        expect(i.label.reference?.instrument).toMatch(/^(Decision 59\/2015\/QĐ-TTg|Decree 07\/2021\/NĐ-CP|Decree 351\/2025\/NĐ-CP)$/);
        if (i.label.vi === undefined) expect(i.label.note).toMatch(/Vietnamese wording was not read/);
        if (i.label.carriedFrom !== undefined) expect(i.label).toMatchObject({ confirmed: false, note: expect.stringMatching(/carried/) });
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
    expect(s.rule.povertyLines.rural).toMatchObject({ confirmed: true, reference: { instrument: 'Decision 59/2015/QĐ-TTg', source: 'primary' } });
    if (s.averageBand.status !== 'defined') throw new Error('band expected');
    expect([s.averageBand.rural.atMost.value, s.averageBand.urban.atMost.value]).toEqual([1_500_000, 1_950_000]);
    expect(s.averageBand.rural.atMost.confirmed).toBe(false);
  });
  it('qd59-2015: in force from 05/01/2016, Arts. 1-2 applied from 01/01/2016', () => {
    expect(getStandard('qd59-2015').legalBasis[0]).toMatchObject({
      effectiveFrom: '2016-01-05',
      articlesApplyFrom: [{ articles: 'Arts. 1-2', from: '2016-01-01' }],
      reference: { instrument: 'Decision 59/2015/QĐ-TTg' },
    });
  });
  it('qd59-2015: Art. 1 names the ten indicators; their thresholds are not cited to it and are unconfirmed', () => {
    for (const i of getStandard('qd59-2015').indicators) {
      expect(i.label).toMatchObject({ confirmed: true, reference: { instrument: 'Decision 59/2015/QĐ-TTg', article: 'Art. 1' } });
      expect(i.deprivedWhen.confirmed).toBe(false);
      expect(i.deprivedWhen.reference).toBeUndefined();
      expect(i.derivation!.confirmed).toBe(false);
      expect(i.derivation!.reference).toBeUndefined();
    }
  });
  it('nd07-2021: 1,500,000/2,000,000, band to 2,250,000/3,000,000, low-income worker from 2025-02-24', () => {
    const s = getStandard('nd07-2021');
    if (s.rule.kind !== 'single-line' || s.averageBand.status !== 'defined') throw new Error('shape');
    expect([s.rule.lines.rural.value, s.rule.lines.urban.value]).toEqual([1_500_000, 2_000_000]);
    expect([s.averageBand.rural.atMost.value, s.averageBand.urban.atMost.value]).toEqual([2_250_000, 3_000_000]);
    expect(s.lowIncomeWorker).toMatchObject({ effectiveFrom: '2025-02-24', lines: { rural: { value: 2_250_000 }, urban: { value: 3_000_000 } } });
    expect(s.rule.lines.rural.reference).toEqual({
      instrument: 'Decree 07/2021/NĐ-CP',
      article: 'Art. 3(1)(a)',
      source: 'primary',
      seenIn: ['english.luatvietnam.vn (English text of Arts. 1-3)'],
    });
    expect(s.indicators.filter((i) => !i.deprivedWhen.confirmed).map((i) => i.id)).toEqual(['informationMeans']);
    expect(s.indicators.find((i) => i.id === 'informationMeans')!.deprivedWhen.reference).toBeUndefined();
    expect(s.indicators.find((i) => i.id === 'employment')!.deprivedWhen.note).toMatch(/working-age/);
  });
  it('nd07-2021: Decree 07/2021 in force from 15/3/2021', () => {
    expect(getStandard('nd07-2021').legalBasis[0]).toMatchObject({ issuedOn: '2021-01-27', effectiveFrom: '2021-03-15', reference: { instrument: 'Decree 07/2021/NĐ-CP' } });
  });
  it('nd07-2021: review scores 140/175, 10 points per indicator, poor from 30, quoted by district portals; no score table ships', () => {
    const r = getStandard('nd07-2021').reviewScores!;
    expect(Object.keys(r).sort()).toEqual(['pointsPerIndicator', 'scoreACutoffs', 'scoreBPoorFrom']);
    expect([r.scoreACutoffs.rural.value, r.scoreACutoffs.urban.value, r.pointsPerIndicator.value, r.scoreBPoorFrom.value]).toEqual([140, 175, 10, 30]);
    for (const p of [r.scoreACutoffs.rural, r.scoreACutoffs.urban, r.pointsPerIndicator, r.scoreBPoorFrom]) {
      expect(p).toMatchObject({ confirmed: true, reference: { instrument: 'Circular 07/2021/TT-BLĐTBXH', article: 'Art. 1', source: 'secondary' } });
    }
  });
  it('nd351-2025: 2,200,000/2,800,000 and k = 3 as quoted by the press, no band', () => {
    const s = getStandard('nd351-2025');
    if (s.rule.kind !== 'single-line') throw new Error('shape');
    expect([s.rule.lines.rural.value, s.rule.lines.urban.value]).toEqual([2_200_000, 2_800_000]);
    for (const p of [s.rule.lines.rural, s.rule.lines.urban, s.rule.minDeprivations]) {
      expect(p).toMatchObject({ confirmed: true, reference: { instrument: 'Decree 351/2025/NĐ-CP', source: 'secondary' } });
    }
    expect(s.rule.minDeprivations.value).toBe(3);
    expect(s.averageBand).toMatchObject({ status: 'not-defined', confirmed: false });
    expect(s.legalBasis[0]).toMatchObject({ issuedOn: '2025-12-30' });
  });
  it('nd351-2025: the new and reoriented indicators carry no made-up Vietnamese name, and no threshold is confirmed', () => {
    const s = getStandard('nd351-2025');
    for (const id of ['wasteTreatment', 'telecomServices']) {
      const i = s.indicators.find((x) => x.id === id)!;
      expect(i.label.vi).toBeUndefined();
      expect(i.label).toMatchObject({ confirmed: true, note: expect.stringMatching(/Vietnamese wording was not read/) });
    }
    expect(s.indicators.every((i) => !i.deprivedWhen.confirmed && i.deprivedWhen.reference === undefined)).toBe(true);
    expect(s.dimensions.find((d) => d.id === 'waterSanitationEnvironment')!.label.vi).toBeUndefined();
  });
  it('the newly-escaped window is 3 years (36 months), quoted from Decision 28/2015 by secondary sources', () => {
    for (const s of nationalStandards) {
      expect(s.newlyEscapedWindow).toMatchObject({
        value: 36,
        confirmed: true,
        reference: { instrument: 'Decision 28/2015/QĐ-TTg (as amended by Decision 02/2021/QĐ-TTg)', source: 'secondary', quote: expect.stringMatching(/ra khỏi danh sách hộ nghèo, hộ cận nghèo tối đa là 3 năm$/) },
      });
    }
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
