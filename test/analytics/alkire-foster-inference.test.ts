// Alkire-Foster with inference: a stratified clustered case by hand, every measure against the
// design estimators computed row by row (another path than the one-pass moments), and the
// options' errors.
import { describe, expect, it } from 'vitest';
import { alkireFosterInference, planAfInference, safeAlkireFosterInference, type AfRow } from '../../src/analytics/alkire-foster-inference.js';
import { designCovariance, designMean, designRatio, estimateDifference, estimateRatio, restrictDesign, surveyDesign } from '../../src/analytics/design.js';

const close = (actual: number | null, expected: number, tolerance = 1e-12) => expect(Math.abs(actual! - expected)).toBeLessThan(tolerance);

describe('a stratified clustered survey by hand', () => {
  // Two indicators of weight 1/2 each; k = 50 per cent: poor when deprived in at least one.
  // Stratum A: PSU 1 (rows a, b), PSU 2 (row c); stratum B: PSU 3 (row d), PSU 4 (rows e, f).
  const rows = [
    { s: 'A', p: '1', w: 1, x: 1, y: 0 },
    { s: 'A', p: '1', w: 1, x: 0, y: 0 },
    { s: 'A', p: '2', w: 2, x: 1, y: 1 },
    { s: 'B', p: '3', w: 2, x: 0, y: 0 },
    { s: 'B', p: '4', w: 1, x: 0, y: 1 },
    { s: 'B', p: '4', w: 1, x: 0, y: 0 },
  ];
  const r = alkireFosterInference(rows, { indicators: ['x', 'y'], weights: 'perIndicator', k: 50, weight: 'w', strata: 's', psu: 'p' });
  const get = (measure: AfRow['measure'], indicator: string | null = null) => r.rows.find((x) => x.measure === measure && x.indicator === indicator)!;
  it('H = 4/8 = 1/2 with se² = (2·(1/8)² + 2·(1/8)²) … by hand', () => {
    // Σw = 8; poor: a (1), c (2), e (1): Σw·poor = 4, H = 1/2. z = w(poor − 1/2)/8 per row; PSU totals × 16:
    // PSU1 (1 − 1) = 0, PSU2 2·1 = 2, PSU3 2·(−1) = −2, PSU4 1 − 1 = 0.
    // A: mean 1, deviations ∓1, Σ² 2, × 2 → 4. B: mean −1, deviations ∓1, Σ² 2, × 2 → 4. V = 8/256.
    expect(get('H').exact).toBe('1/2');
    close(get('H').se, Math.sqrt(8) / 16);
    expect(r.levels[0]!.df).toBe(2);
  });
  it('M0 = (1/2 + 2·1 + 1/2)/8 = 3/8, A = 3/4; M0 se² = 2·(2·… ) by hand', () => {
    // c·poor: a 1/2, c 1, e 1/2; Σw·c·poor = 1/2 + 2 + 1/2 = 3; M0 = 3/8, A = 3/4.
    // z = w(c·poor − 3/8)/8; PSU totals × 64: PSU1 (4 − 3) + (0 − 3) = −2, PSU2 2·(8 − 3) = 10,
    // PSU3 2·(−3) = −6, PSU4 (4 − 3) + (−3) = −2. A: mean 4, deviations ∓6, Σ² 72, × 2 → 144.
    // B: mean −4, deviations ∓2, Σ² 8, × 2 → 16. V = 160/64².
    expect(get('M0').exact).toBe('3/8');
    expect(get('A').exact).toBe('3/4');
    close(get('M0').se, Math.sqrt(160) / 64);
  });
  it('hd, hdk, actb and pctb of x: 3/8, 3/8, 3/16, 1/2', () => {
    expect(get('hd', 'x').exact).toBe('3/8');
    expect(get('hdk', 'x').exact).toBe('3/8');
    expect(get('actb', 'x').exact).toBe('3/16');
    expect(get('pctb', 'x').exact).toBe('1/2');
    expect(get('actb', 'x').se).toBeNull();
    expect(get('hd', 'x').k).toBeNull();
  });
});

/** A seeded stratified clustered survey in two rounds, the same PSUs in both. */
function synthetic(seed: number) {
  let state = seed;
  const random = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const rows: Record<string, unknown>[] = [];
  for (let h = 0; h < 4; h++) {
    for (let p = 0; p < 3 + h; p++) {
      for (let year of [2016, 2020]) {
        for (let u = 0; u < 5; u++) {
          const row: Record<string, unknown> = { stratum: `S${h}`, psu: `P${h}-${p}`, year, round: year === 2016 ? 'a' : 'b', region: `R${(p + u) % 3}`, w: String(1 + Math.floor(random() * 40) / 4) };
          for (const d of ['d1', 'd2', 'd3', 'd4', 'd5']) row[d] = random() < 0.25 + 0.05 * h - (year === 2020 ? 0.08 : 0) ? '1' : '0';
          rows.push(row);
        }
      }
    }
  }
  return rows;
}

describe('every measure against the design estimators row by row', () => {
  const rows = synthetic(7);
  const dims = { one: ['d1', 'd2'], two: ['d3', 'd4', 'd5'] };
  const weights = [1 / 4, 1 / 4, 1 / 6, 1 / 6, 1 / 6];
  const ids = ['d1', 'd2', 'd3', 'd4', 'd5'];
  const r = alkireFosterInference(rows, { dimensions: dims, weights: 'nested', k: [25, 40], weight: 'w', strata: 'stratum', psu: 'psu', over: ['region'], time: 'round', year: 'year' });
  const design = surveyDesign({ weights: rows.map((x) => Number(x.w)), strata: rows.map((x) => x.stratum as string), psu: rows.map((x) => x.psu as string) });
  const score = rows.map((x) => ids.reduce((c, id, j) => c + (x[id] === '1' ? weights[j]! : 0), 0));
  for (const round of ['a', 'b']) {
    const inRound = rows.map((x) => x.round === round);
    const own = restrictDesign(design, inRound);
    for (const subgroup of ['nat', 'R0', 'R1', 'R2']) {
      const domain = rows.map((x, i) => inRound[i]! && (subgroup === 'nat' || x.region === subgroup));
      for (const k of ['25', '40']) {
        it(`round ${round}, ${subgroup}, k = ${k}: H, M0, A, hdk`, () => {
          const poor = score.map((c) => (c >= Number(k) / 100 - 1e-12 ? 1 : 0));
          const censored = score.map((c, i) => c * poor[i]!);
          const mine = (measure: string, indicator: string | null = null) => r.rows.find((x) => x.round === round && x.subgroup === subgroup && x.k === k && x.measure === measure && x.indicator === indicator)!;
          // the round's own design: the variance of the same influence totals over the round's PSUs
          const onOwn = (e: ReturnType<typeof designMean>) => ({ ...e, se: Math.sqrt(Math.max(0, designCovariance(own, e.influence))) });
          const H = onOwn(designMean(design, poor, { domain }));
          const M0 = onOwn(designMean(design, censored, { domain }));
          const A = onOwn(designRatio(design, censored, poor, { domain }));
          close(mine('H').estimate, H.estimate);
          close(mine('H').se, H.se);
          close(mine('M0').estimate, M0.estimate);
          close(mine('M0').se, M0.se);
          close(mine('A').estimate, A.estimate);
          close(mine('A').se, A.se);
          ids.forEach((id) => {
            const hdk = onOwn(designMean(design, rows.map((x, i) => (x[id] === '1' ? poor[i]! : 0)), { domain }));
            close(mine('hdk', id).se, hdk.se);
          });
        });
      }
    }
  }
  it('changes: the difference and ratio of the rounds over the pooled design', () => {
    for (const k of ['25', '40']) {
      const poor = score.map((c) => (c >= Number(k) / 100 - 1e-12 ? 1 : 0));
      const censored = score.map((c, i) => c * poor[i]!);
      const a = designMean(design, censored, { domain: rows.map((x) => x.round === 'a') });
      const b = designMean(design, censored, { domain: rows.map((x) => x.round === 'b') });
      const d = estimateDifference(design, a, b);
      const q = estimateRatio(design, a, b);
      const change = (kind: string, annualised: number) => r.rows.find((x) => x.measure === 'M0' && x.k === k && x.subgroup === 'nat' && x.change === kind && x.annualised === annualised)!;
      close(change('abs', 0).estimate, d.estimate);
      close(change('abs', 0).se, d.se);
      close(change('rel', 0).estimate, 100 * (q.estimate - 1), 1e-10);
      close(change('rel', 0).se, 100 * q.se, 1e-10);
      close(change('abs', 1).se, d.se / 4);
      // compound: 100((b/a)^(1/4) − 1), se by the delta method: 100 · (1/4) q^(−3/4) · se(q)
      close(change('rel', 1).estimate, 100 * (q.estimate ** 0.25 - 1), 1e-10);
      close(change('rel', 1).se, 100 * 0.25 * q.estimate ** -0.75 * q.se, 1e-10);
      expect(change('abs', 0).from).toBe('2016');
      expect(change('abs', 0).to).toBe('2020');
    }
  });
});

describe('options', () => {
  const rows = [{ a: 1, b: 0 }, { a: 0, b: 1 }];
  it("weights 'equal' is refused, naming both meanings", () => {
    expect(() => alkireFosterInference(rows, { indicators: ['a', 'b'], weights: 'equal' as never, k: 50 })).toThrow(
      expect.objectContaining({ code: 'AMBIGUOUS_WEIGHTS', message: expect.stringMatching(/'nested'.*'perIndicator'/s) }),
    );
  });
  it('nested weights: each dimension 1/D, split within it', () => {
    const plan = planAfInference({ dimensions: { x: ['a', 'b'], y: ['c'] }, weights: 'nested', k: 33 });
    expect(plan.weights.map((w) => w.toFraction())).toEqual(['1/4', '1/4', '1/2']);
    expect(plan.cutoffs.map((c) => c.value.toFraction())).toEqual(['33/100']);
    expect(planAfInference({ indicators: ['a'], weights: 'perIndicator', k: ['1/3'] }).cutoffs[0]!.value.toFraction()).toBe('1/3');
  });
  it('explicit weights must sum to exactly 1 and name the indicators', () => {
    expect(planAfInference({ indicators: ['a', 'b'], weights: { a: '1/3', b: '2/3' }, k: 50 }).weights.map(String)).toHaveLength(2);
    expect(() => planAfInference({ indicators: ['a', 'b'], weights: { a: 0.5, b: 0.4 }, k: 50 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS', message: expect.stringMatching(/sum to exactly 1; they sum to 9\/10/) }));
    expect(() => planAfInference({ indicators: ['a', 'b'], weights: { a: 0.5, c: 0.5 } as never, k: 50 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS', path: ['weights', 'c'] }));
  });
  it('an unknown option, a cut-off out of range, time without year', () => {
    expect(() => planAfInference({ indicators: ['a'], weights: 'perIndicator', k: 50, cutoff: 3 } as never)).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS', path: ['cutoff'] }));
    expect(() => planAfInference({ indicators: ['a'], weights: 'perIndicator', k: 150 })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS', path: ['k', 0] }));
    expect(() => planAfInference({ indicators: ['a'], weights: 'perIndicator', k: 50, time: 't' })).toThrow(expect.objectContaining({ code: 'MISSING_FIELD', path: ['year'] }));
  });
  it('a missing indicator value is an error naming the rows, unless dropped or counted as not deprived', () => {
    const gappy = [{ a: 1, b: 0 }, { a: '', b: 1 }, { a: 0, b: 'NA' }, { a: 1, b: 1 }];
    const options = { indicators: ['a', 'b'], weights: 'perIndicator', k: 50 } as const;
    expect(() => alkireFosterInference(gappy, options)).toThrow(expect.objectContaining({ code: 'MISSING_VALUE', path: ['rows', 1, 'a'], message: expect.stringMatching(/2 row\(s\).*row 1 \(a\); row 2 \(b\)/) }));
    const dropped = alkireFosterInference(gappy, { ...options, missing: 'drop' });
    expect(dropped.dropped).toBe(2);
    expect(dropped.rows.find((x) => x.measure === 'H')!.exact).toBe('1');
    const zero = alkireFosterInference(gappy, { ...options, missing: 'notDeprived' });
    expect(zero.rows.find((x) => x.measure === 'H')!.exact).toBe('3/4');
    expect(safeAlkireFosterInference(gappy, options).success).toBe(false);
  });
  it('a deprivation other than 0 or 1 is an error naming the row and column', () => {
    expect(() => alkireFosterInference([{ a: 2, b: 0 }], { indicators: ['a', 'b'], weights: 'perIndicator', k: 50 })).toThrow(expect.objectContaining({ code: 'INVALID_FIELD', path: ['rows', 0, 'a'] }));
  });
  it('weights that are not short decimals still estimate, without exact values', () => {
    const r = alkireFosterInference([{ a: 1, w: 1 / 3 }, { a: 0, w: 2 / 3 }], { indicators: ['a'], weights: 'perIndicator', k: 100, weight: 'w' });
    expect(r.exact).toBe(false);
    const H = r.rows.find((x) => x.measure === 'H')!;
    close(H.estimate, 1 / 3, 1e-15);
    expect(H.exact).toBeUndefined();
  });
});
