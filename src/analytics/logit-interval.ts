/**
 * Confidence intervals of survey estimates: the symmetric t interval, and the logit interval of
 * a proportion that R's `survey::svyciprop` gives by default (`method = "logit"`): the interval
 * of the log-odds, `logit(p) ± t · se / (p(1 − p))`, carried back to proportions, so that it
 * stays inside (0, 1) and is not symmetric near the edges.
 *
 * @module
 */
import { normalQuantile, studentTQuantile } from './student-t.js';

/** An interval. */
export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

/**
 * The two-sided critical value of `level` with `df` degrees of freedom (`Infinity`: the normal).
 *
 * Example:
 *
 *     criticalValue(0.95, Infinity) //=> 1.959963984540055
 */
export function criticalValue(level: number, df: number): number {
  const p = 1 - (1 - level) / 2;
  return df === Infinity ? normalQuantile(p) : studentTQuantile(p, df);
}

/**
 * The symmetric interval `estimate ± t · se`, t with `df` degrees of freedom (`Infinity`: the
 * normal interval).
 *
 * Example:
 *
 *     tInterval(0.5, 0.1, Infinity, 0.95) //=> { lower: 0.3040036015459945, upper: 0.6959963984540055 }
 */
export function tInterval(estimate: number, se: number, df: number, level: number): Interval {
  const t = criticalValue(level, df);
  return { lower: estimate - t * se, upper: estimate + t * se };
}

const expit = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

/**
 * The logit interval of a proportion p with standard error se (R's `svyciprop`, method
 * `"logit"`): `expit(logit(p) ± t · se / (p(1 − p)))`. A proportion of exactly 0 or 1 has the
 * interval [p, p] (no unit differs).
 *
 * Example:
 *
 *     logitInterval(0.2, 0.01, 2999, 0.95) //=> { lower: 0.181110536086601, upper: 0.2203295150681088 }
 */
export function logitInterval(p: number, se: number, df: number, level: number): Interval {
  if (p <= 0 || p >= 1) return { lower: p, upper: p };
  const half = (criticalValue(level, df) * se) / (p * (1 - p));
  const centre = Math.log(p / (1 - p));
  return { lower: expit(centre - half), upper: expit(centre + half) };
}
