/**
 * Student's t and the normal distribution: distribution functions and quantiles to about 1e-14,
 * for the intervals of survey estimates (R's `qt` and `qnorm` give the same figures).
 *
 * The t distribution function is the regularized incomplete beta function,
 * `P(|T| > t) = I_x(ν/2, 1/2)` with `x = ν / (ν + t²)`, evaluated by its continued fraction
 * (modified Lentz); the normal one is the regularized incomplete gamma function,
 * `P(Z > z) = Q(1/2, z²/2) / 2`. Quantiles invert them by safeguarded Newton steps. Beyond
 * 100,000 degrees of freedom the t quantile is the normal one corrected by the Cornish-Fisher
 * expansion in 1/ν (Abramowitz & Stegun 26.7.5), whose first omitted term is below 1e-19 there.
 *
 * @module
 */

const LN_SQRT_PI = 0.5 * Math.log(Math.PI);
const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/** The Stirling series' correction `ln Γ(z) − ((z − 1/2) ln z − z + ln √(2π))`, for z ≥ 8. */
function stirlingCorrection(z: number): number {
  const z2 = z * z;
  return (1 / 12 - (1 / 360 - (1 / 1260 - (1 / 1680 - 1 / (1188 * z2)) / z2) / z2) / z2) / z;
}

/**
 * ln Γ(x) for x > 0 (Lanczos, g = 7; Stirling's series from 8 on).
 *
 * Example:
 *
 *     Math.exp(logGamma(5)) //=> 23.99999999999996 (24 to 1e-13)
 */
export function logGamma(x: number): number {
  if (x >= 8) return (x - 0.5) * Math.log(x) - x + LN_SQRT_2PI + stirlingCorrection(x);
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (z + i);
  return LN_SQRT_2PI + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** ln B(a, 1/2), without the cancellation of ln Γ(a) − ln Γ(a + 1/2) for large a. */
function logBetaHalf(a: number): number {
  if (a < 8) return logGamma(a) + LN_SQRT_PI - logGamma(a + 0.5);
  // ln Γ(a + 1/2) − ln Γ(a) = a·ln(1 + 1/(2a)) + ln(a)/2 − 1/2 + S(a + 1/2) − S(a).
  const difference = a * Math.log1p(1 / (2 * a)) + 0.5 * Math.log(a) - 0.5 + stirlingCorrection(a + 0.5) - stirlingCorrection(a);
  return LN_SQRT_PI - difference;
}

/** The continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 1_000_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return h;
}

/**
 * `P(|T| > t)` for t ≥ 0 with ν degrees of freedom: `I_x(ν/2, 1/2)`, `x = ν/(ν + t²)`, with
 * `1 − x = t²/(ν + t²)` computed as such (no cancellation in either tail).
 */
function twoSidedTail(t: number, df: number): number {
  if (t === 0) return 1;
  const a = df / 2;
  const b = 0.5;
  const t2 = t * t;
  // x and y = 1 − x, each without cancellation.
  const x = df > t2 ? 1 / (1 + t2 / df) : df / (df + t2);
  const y = t2 > df ? 1 / (1 + df / t2) : t2 / (df + t2);
  // ln x and ln y through log1p: a·ln x, with a large, must not carry the rounding of x itself.
  const logX = df > t2 ? -Math.log1p(t2 / df) : Math.log(x);
  const logY = t2 > df ? -Math.log1p(df / t2) : Math.log(y);
  const front = Math.exp(a * logX + b * logY - logBetaHalf(a));
  if (x < (a + 1) / (a + b + 2)) return (front * betaFraction(a, b, x)) / a;
  return 1 - (front * betaFraction(b, a, y)) / b;
}

/** The t density at t with ν degrees of freedom. */
function tDensity(t: number, df: number): number {
  return Math.exp(-logBetaHalf(df / 2) - 0.5 * Math.log(df) - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

/** The regularized upper incomplete gamma function Q(1/2, x) = erfc(√x). */
function upperGammaHalf(x: number): number {
  const a = 0.5;
  if (x <= 0) return 1;
  const front = Math.exp(-x + a * Math.log(x) - LN_SQRT_PI);
  if (x < a + 1) {
    // Series for P(a, x).
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 10_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    return 1 - sum * front;
  }
  // Continued fraction for Q(a, x) (modified Lentz).
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return front * h;
}

/** `P(Z > z)` for the standard normal. */
function normalUpper(z: number): number {
  const q = 0.5 * upperGammaHalf((z * z) / 2);
  return z >= 0 ? q : 1 - q;
}

/**
 * The standard normal distribution function, `P(Z ≤ z)`.
 *
 * Example:
 *
 *     normalCdf(1.959963984540054) //=> 0.975
 */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return NaN;
  return z >= 0 ? 1 - normalUpper(z) : normalUpper(-z);
}

/**
 * Student's t distribution function, `P(T ≤ t)` with `df` degrees of freedom (`Infinity`: the
 * normal).
 *
 * Example:
 *
 *     studentTCdf(2.228138851986274, 10) //=> 0.9749999999999999 (0.975 to 1e-14)
 */
export function studentTCdf(t: number, df: number): number {
  if (Number.isNaN(t) || !(df > 0)) return NaN;
  if (df === Infinity) return normalCdf(t);
  const tail = twoSidedTail(Math.abs(t), df) / 2;
  return t >= 0 ? 1 - tail : tail;
}

/** Solves `upper(x) = q` for x ≥ 0, `upper` decreasing with derivative `−density`, from a start. */
function invertUpper(q: number, upper: (x: number) => number, density: (x: number) => number, start: number): number {
  let lo = 0;
  let hi = Math.max(start, 1);
  while (upper(hi) > q) {
    lo = hi;
    hi *= 2;
    if (!Number.isFinite(hi)) return Infinity;
  }
  let x = Math.min(Math.max(start, lo), hi);
  for (let i = 0; i < 200; i++) {
    const f = upper(x) - q;
    if (f === 0) return x;
    if (f > 0) lo = x;
    else hi = x;
    let next = x + f / density(x);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * Math.max(1, Math.abs(x))) return next;
    x = next;
  }
  return x;
}

/** A start for the normal quantile of an upper tail q ≤ 1/2 (Abramowitz & Stegun 26.2.23, |error| < 4.5e-4). */
function normalStart(q: number): number {
  const t = Math.sqrt(-2 * Math.log(q));
  return t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
}

/**
 * The standard normal quantile: z with `P(Z ≤ z) = p`.
 *
 * Example:
 *
 *     normalQuantile(0.975) //=> 1.959963984540055
 */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  const q = Math.min(p, 1 - p);
  const z = invertUpper(q, normalUpper, (x) => Math.exp(-0.5 * x * x - LN_SQRT_2PI), normalStart(q));
  return p < 0.5 ? -z : z;
}

/**
 * The Student t quantile: t with `P(T ≤ t) = p` with `df` degrees of freedom (> 0, not
 * necessarily whole; `Infinity`: the normal quantile). Agrees with R's `qt` to about 1e-13.
 *
 * Example:
 *
 *     studentTQuantile(0.975, 10) //=> 2.2281388519862753 (R: 2.228138851986274)
 *     studentTQuantile(0.975, 1)  //=> 12.706204736174696 (R: 12.706204736174707)
 */
export function studentTQuantile(p: number, df: number): number {
  if (!(p >= 0 && p <= 1) || !(df > 0)) return NaN;
  if (df === Infinity) return normalQuantile(p);
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  if (p === 0.5) return 0;
  const q = Math.min(p, 1 - p);
  let t: number;
  if (df === 1) t = Math.tan(Math.PI * (0.5 - q));
  else if (df === 2) t = (1 - 2 * q) / Math.sqrt(2 * q * (1 - q));
  else if (df > 1e5) {
    // Cornish-Fisher: t = z + g1/ν + g2/ν² + g3/ν³ + g4/ν⁴ (A&S 26.7.5).
    const z = normalQuantile(1 - q);
    const z2 = z * z;
    const g1 = (z * (z2 + 1)) / 4;
    const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
    const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
    const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
    t = z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
  } else {
    const z = normalStart(q);
    const start = z + (z * (z * z + 1)) / (4 * df);
    t = invertUpper(2 * q, (x) => twoSidedTail(x, df), (x) => 2 * tDensity(x, df), start);
  }
  return p < 0.5 ? -t : t;
}
