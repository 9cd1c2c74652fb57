// Variance under a stratified clustered design, computed by hand in each case (the arithmetic is
// written out), and the intervals of R's survey package.
import { describe, expect, it } from 'vitest';
import {
  designCovariance,
  designMean,
  designRatio,
  designTotal,
  estimateDifference,
  estimateRatio,
  proportionInterval,
  confidenceInterval,
  psuTotals,
  restrictDesign,
  safeSurveyDesign,
  surveyDesign,
} from '../../src/analytics/design.js';
import { logitInterval } from '../../src/analytics/logit-interval.js';

// Two strata: A with PSUs 1 and 2, B with PSUs 3, 4 and 5; seven rows.
const strata = ['A', 'A', 'A', 'B', 'B', 'B', 'B'];
const psu = [1, 1, 2, 3, 4, 4, 5];
const weights = [2, 2, 2, 3, 3, 3, 3];
const y = [1, 0, 1, 0, 1, 1, 0];
const close = (actual: number, expected: number, tolerance = 1e-15) => expect(Math.abs(actual - expected)).toBeLessThan(tolerance);

describe('a stratified clustered design by hand', () => {
  const design = surveyDesign({ weights, strata, psu });
  it('df = 5 PSUs − 2 strata = 3', () => {
    expect(design.df).toBe(3);
    expect(design.psuCount).toBe(5);
  });
  it('mean: 10/18 = 5/9; se² = (100 + 1521) / 162²', () => {
    // Σw = 18, Σwy = 10, m = 5/9. Influence z_i = w_i(y_i − m)/18; PSU totals × 162:
    // PSU1 2·4/9 − 2·5/9 → −2, PSU2 8, PSU3 −15, PSU4 24, PSU5 −15 (they sum to 0).
    // Stratum A: mean 3, deviations ∓5, Σ² 50, × 2/(2−1) → 100.
    // Stratum B: mean −2, deviations −13, 26, −13, Σ² 1014, × 3/(3−1) → 1521.
    const m = designMean(design, y);
    close(m.estimate, 5 / 9);
    close(m.se, Math.sqrt(1621) / 162);
    expect(m.df).toBe(3);
    expect(Array.from(m.influence, (z) => Math.round(z * 162 * 1e9) / 1e9)).toEqual([-2, 8, -15, 24, -15]);
  });
  it('a domain keeps every PSU: mean 5/8, se² = (36 + 441) / 64²', () => {
    // Domain rows 0, 3, 4: Σw = 8, Σwy = 5, m = 5/8; z × 64: row0 2·3/8·8 = 6, row3 −15, row4 9.
    // PSU totals × 64: 6, 0, −15, 9, 0. A: mean 3, Σ(±3)² = 18, × 2 → 36.
    // B: mean −2, deviations −13, 11, 2, Σ² 294, × 3/2 → 441.
    const domain = [1, 0, 0, 1, 1, 0, 0];
    const m = designMean(design, y, { domain });
    close(m.estimate, 5 / 8);
    close(m.se, Math.sqrt(477) / 64);
  });
  it('finite population correction: 4 PSUs in A, 6 in B (f = 1/2 each) halves each stratum', () => {
    const fpc = [4, 4, 4, 6, 6, 6, 6];
    const m = designMean(surveyDesign({ weights, strata, psu, fpc }), y);
    close(m.se, Math.sqrt((100 + 1521) / 2) / 162);
    // the same as sampling fractions
    const f = designMean(surveyDesign({ weights, strata, psu, fpc: fpc.map(() => 0.5) }), y);
    close(f.se, m.se);
  });
  it('total: 10, the PSU totals of w·y are 2, 2, 0, 6, 0', () => {
    // A: mean 2, deviations 0, 0 → 0. B: mean 2, deviations −2, 4, −2, Σ² 24, × 3/2 → 36.
    const t = designTotal(design, y);
    close(t.estimate, 10);
    close(t.se, 6);
  });
  it('ratio: Σwy / Σw·2 is half the mean, with half its se', () => {
    const r = designRatio(design, y, y.map(() => 2));
    close(r.estimate, 5 / 18);
    close(r.se, Math.sqrt(1621) / 324);
  });
  it('PSU ids repeated across strata: an error, unless nested', () => {
    const psuAgain = [1, 1, 2, 1, 2, 2, 3];
    expect(() => surveyDesign({ weights, strata, psu: psuAgain })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS', message: expect.stringMatching(/nest: true/) }));
    const nested = surveyDesign({ weights, strata, psu: psuAgain, nest: true });
    close(designMean(nested, y).se, Math.sqrt(1621) / 162);
  });
});

describe('a stratum with a single PSU', () => {
  const strata3 = [...strata, 'C'];
  const psu3 = [...psu, 6];
  const w3 = [...weights, 2];
  const y3 = [...y, 1];
  it('is an error naming the stratum by default', () => {
    expect(() => surveyDesign({ weights: w3, strata: strata3, psu: psu3 })).toThrow(expect.objectContaining({ code: 'LONELY_PSU', path: ['strata', 'C'], message: expect.stringMatching(/stratum "C" has a single PSU/) }));
    const r = safeSurveyDesign({ weights: w3, strata: strata3, psu: psu3 });
    expect(r.success).toBe(false);
  });
  it('certainty: it adds nothing; adjust: its deviation from the mean of all PSU totals', () => {
    // Σw = 20, Σwy = 12, m = 3/5. PSU totals × 100 (z = w(y − m)/20): PSU1 2·2/5 − 2·3/5 → −2/5·… in
    // units of 1/100: PSU1 (0.8 − 1.2)·5 = −2, PSU2 4, PSU3 −9, PSU4 12, PSU5 −9, PSU6 4 (sum 0).
    // A: mean 1, Σ(∓3)² = 18, × 2 → 36. B: mean −2, deviations −7, 14, −7, Σ² 294, × 3/2 → 441.
    // C alone: certainty 0; adjust (4 − 0)² × 1 = 16 (the mean of all PSU totals is 0).
    const certain = designMean(surveyDesign({ weights: w3, strata: strata3, psu: psu3, lonelyPsu: 'certainty' }), y3);
    close(certain.estimate, 3 / 5);
    close(certain.se, Math.sqrt(36 + 441) / 100);
    expect(certain.df).toBe(3);
    const adjusted = designMean(surveyDesign({ weights: w3, strata: strata3, psu: psu3, lonelyPsu: 'adjust' }), y3);
    close(adjusted.se, Math.sqrt(36 + 441 + 16) / 100);
  });
});

describe('two rounds with the same PSUs', () => {
  // One stratum, PSUs p and q, one row of each in each round, weight 1.
  // Round 1: y = 1, 0 (m1 = 1/2); round 2: y = 1, 1/2 (m2 = 3/4).
  const design = surveyDesign({ psu: ['p', 'q', 'p', 'q'] });
  const values = [1, 0, 1, 0.5];
  const round1 = [1, 1, 0, 0];
  const round2 = [0, 0, 1, 1];
  const m1 = designMean(design, values, { domain: round1 });
  const m2 = designMean(design, values, { domain: round2 });
  it('the difference counts their covariance: se = 1/4, not √(5/16)', () => {
    // z1 per PSU: (1 − 1/2)/2 = 1/4, −1/4; z2: (1 − 3/4)/2 = 1/8, −1/8. z2 − z1 = −1/8, 1/8:
    // variance 2/(2−1)·(1/64 + 1/64) = 1/16. Apart: var1 = 2·(1/16 + 1/16) = 1/4, var2 = 1/16.
    const d = estimateDifference(design, m1, m2);
    close(d.estimate, 1 / 4);
    close(d.se, 1 / 4);
    close(m1.se ** 2 + m2.se ** 2, 5 / 16);
    close(designCovariance(design, m1.influence, m2.influence), 1 / 8);
  });
  it('ratio m2/m1 = 3/2 with the delta method: gradient (−3, 2)', () => {
    // z = 2·z2 − 3·z1 = (1/4 − 3/4, −1/4 + 3/4) = (−1/2, 1/2): variance 2·(1/4 + 1/4) = 1.
    const r = estimateRatio(design, m1, m2);
    close(r.estimate, 3 / 2);
    close(r.se, 1);
  });
  it('a round alone is its own design: its PSUs, its strata, its degrees of freedom', () => {
    const only = restrictDesign(surveyDesign({ psu: ['p', 'q', 'r', 's'], strata: [1, 1, 2, 2] }), [1, 1, 0, 0]);
    expect(only.df).toBe(1);
    expect(() => restrictDesign(surveyDesign({ psu: ['p', 'q', 'r', 's'], strata: [1, 1, 2, 2] }), [1, 0, 1, 0])).toThrow(expect.objectContaining({ code: 'LONELY_PSU' }));
    expect(Array.from(psuTotals(only, [1, 2, 3, 4]))).toEqual([1, 2, 3, 4]);
  });
});

describe('intervals', () => {
  it('t interval with the design df: 5/9 ± qt(0.975, 3)·se', () => {
    const design = surveyDesign({ weights, strata, psu });
    const m = designMean(design, y);
    const ci = confidenceInterval(m);
    // R: qt(0.975, 3) = 3.1824463052837096
    close(ci.lower, 5 / 9 - 3.1824463052837096 * m.se, 1e-14);
    close(ci.upper, 5 / 9 + 3.1824463052837096 * m.se, 1e-14);
  });
  it('logit interval: expit(logit(0.2) ± 1.959963984540054 · 0.01 / 0.16)', () => {
    const ci = logitInterval(0.2, 0.01, Infinity, 0.95);
    const half = (1.959963984540054 * 0.01) / 0.16;
    const expit = (x: number) => 1 / (1 + Math.exp(-x));
    close(ci.lower, expit(Math.log(0.25) - half), 1e-15);
    close(ci.upper, expit(Math.log(0.25) + half), 1e-15);
    expect(ci.upper - 0.2).toBeGreaterThan(0.2 - ci.lower);
    expect(proportionInterval({ estimate: 0, se: 0, df: 3 })).toEqual({ lower: 0, upper: 0 });
  });
});
