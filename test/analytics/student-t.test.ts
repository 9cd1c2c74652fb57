// Student's t and normal quantiles: against R's qt/qnorm and against the t distribution
// function of whole degrees of freedom as a finite sum (Abramowitz & Stegun 26.7.3-4), an
// independent formula.
import { describe, expect, it } from 'vitest';
import { logGamma, normalCdf, normalQuantile, studentTCdf, studentTQuantile } from '../../src/analytics/student-t.js';

/** P(T ≤ t) for a whole ν, by A&S 26.7.3 (odd ν) and 26.7.4 (even ν): a finite trigonometric sum. */
function finiteSumCdf(t: number, df: number): number {
  const theta = Math.atan(t / Math.sqrt(df));
  const c2 = Math.cos(theta) ** 2;
  let a: number;
  if (df % 2 === 1) {
    // A = (2/π)[θ + sinθ(cosθ + (2/3)cos³θ + … + (2·4…(ν−3))/(1·3…(ν−2)) cos^(ν−2)θ)]
    let sum = 0;
    if (df > 1) {
      let term = Math.cos(theta);
      sum = term;
      for (let k = 3; k <= df - 2; k += 2) {
        term *= ((k - 1) / k) * c2;
        sum += term;
      }
    }
    a = (2 / Math.PI) * (theta + Math.sin(theta) * sum);
  } else {
    // A = sinθ[1 + (1/2)cos²θ + (1·3)/(2·4)cos⁴θ + … + (1·3…(ν−3))/(2·4…(ν−2)) cos^(ν−2)θ]
    let term = 1;
    let sum = 1;
    for (let k = 2; k <= df - 2; k += 2) {
      term *= ((k - 1) / k) * c2;
      sum += term;
    }
    a = Math.sin(theta) * sum;
  }
  return 0.5 + 0.5 * a;
}

describe('studentTQuantile', () => {
  // qt(p, df) and qnorm(p) as R prints them with digits = 17, the same to the last digit as a
  // 40-digit evaluation (mpmath: the root of betainc(ν/2, 1/2, 0, ν/(ν+t²)) / 2 = 1 − p).
  it.each([
    [0.975, 1, 12.706204736174705],
    [0.975, 2, 4.3026527297494639],
    [0.975, 3, 3.1824463052837096],
    [0.975, 4, 2.7764451051977944],
    [0.975, 5, 2.5705818356363155],
    [0.975, 10, 2.2281388519862747],
    [0.975, 30, 2.0422724563012383],
    [0.975, 100, 1.9839715185235523],
    [0.975, 2999, 1.9607553192053152],
    [0.995, 10, 3.1692726726169512],
    [0.95, 1000, 1.6463788172854647],
    [0.975, Infinity, 1.9599639845400542],
  ])('qt(%s, %s) = %s as R gives it', (p, df, expected) => {
    expect(Math.abs(studentTQuantile(p, df) - expected)).toBeLessThan(1e-13 * expected);
    expect(Math.abs(studentTQuantile(1 - p, df) + expected)).toBeLessThan(1e-13 * expected);
  });
  it('qnorm(0.975) = 1.959963984540054 and qnorm(0.995) = 2.5758293035489', () => {
    expect(Math.abs(normalQuantile(0.975) - 1.959963984540054)).toBeLessThan(1e-13);
    expect(Math.abs(normalQuantile(0.995) - 2.575829303548901)).toBeLessThan(1e-12);
    expect(Math.abs(normalQuantile(0.025) + 1.959963984540054)).toBeLessThan(1e-13);
  });
  it.each([1, 2, 3, 4, 5, 7, 10, 29, 30, 101, 500, 2999, 5999])('round trip through the finite sum, ν = %s', (df) => {
    for (const p of [0.5000001, 0.6, 0.8, 0.9, 0.95, 0.975, 0.99, 0.995, 0.9995, 0.99999]) {
      const t = studentTQuantile(p, df);
      // the finite sum itself rounds in each of its ν/2 terms
      expect(Math.abs(finiteSumCdf(t, df) - p)).toBeLessThan(df > 1000 ? 1e-12 : 1e-13);
      // the quantile's own error: |Δp| / density
      expect(Math.abs(studentTCdf(t, df) - p)).toBeLessThan(1e-14);
    }
  });
  it('the Cornish-Fisher expansion beyond 100,000 degrees of freedom meets the inversion', () => {
    for (const p of [0.9, 0.975, 0.995]) {
      const below = studentTQuantile(p, 100_000);
      const above = studentTQuantile(p, 100_000.5);
      expect(Math.abs(below - above)).toBeLessThan(1e-9);
      expect(Math.abs(studentTCdf(above, 100_000.5) - p)).toBeLessThan(1e-13);
    }
    // at two million degrees of freedom t is z plus the first term (z³ + z)/(4ν), to 1e-12
    const z = normalQuantile(0.975);
    expect(Math.abs(studentTQuantile(0.975, 2_000_000) - z - (z ** 3 + z) / 8_000_000)).toBeLessThan(1e-12);
  });
  it('edges: p = 0, 1/2, 1, and what cannot be a quantile', () => {
    expect(studentTQuantile(0.5, 7)).toBe(0);
    expect(studentTQuantile(0, 7)).toBe(-Infinity);
    expect(studentTQuantile(1, 7)).toBe(Infinity);
    expect(studentTQuantile(1.5, 7)).toBeNaN();
    expect(studentTQuantile(0.9, 0)).toBeNaN();
    expect(studentTQuantile(NaN, 3)).toBeNaN();
  });
});

describe('normalCdf and logGamma', () => {
  it('Φ(1.959963984540054) = 0.975 and Φ(−x) = 1 − Φ(x)', () => {
    expect(Math.abs(normalCdf(1.959963984540054) - 0.975)).toBeLessThan(1e-15);
    expect(Math.abs(normalCdf(-1.2) - (1 - normalCdf(1.2)))).toBeLessThan(1e-15);
    expect(normalCdf(0)).toBe(0.5);
  });
  it('ln Γ of whole and half numbers', () => {
    expect(Math.abs(Math.exp(logGamma(5)) - 24)).toBeLessThan(1e-12);
    expect(Math.abs(logGamma(0.5) - 0.5 * Math.log(Math.PI))).toBeLessThan(1e-14);
    // ln 20! = 42.335616460753485
    expect(Math.abs(logGamma(21) - 42.335616460753485)).toBeLessThan(1e-12);
  });
});
