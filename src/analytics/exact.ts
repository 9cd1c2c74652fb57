/**
 * Exact fractions for measures (fraction.js, bigint-backed), and their plain-JSON form.
 *
 * @module
 */
import Fraction from 'fraction.js';
import { fail, type ErrorPath } from '../errors.js';

export { Fraction };

/** A value as plain JSON: the exact fraction and its nearest double. */
export interface ExactValue {
  /** Exact, e.g. `"3/8"` (whole numbers without a denominator). */
  readonly exact: string;
  readonly value: number;
}

/** A weight, a cut-off or an achievement: a number, a decimal string or a fraction string (`"1/6"`). */
export type FractionInput = number | string;

/** Reads a number or string exactly (a number through its shortest decimal form). */
export function toFraction(value: unknown, path: ErrorPath, what: string): Fraction {
  if (typeof value === 'number' && Number.isFinite(value)) return new Fraction(String(value));
  if (typeof value === 'string' && /^\s*-?(\d+(\.\d+)?|\d+\s*\/\s*\d+)\s*$/.test(value) && !/\/\s*0+\s*$/.test(value)) return new Fraction(value.replace(/\s+/g, ''));
  return fail('INVALID_FIELD', path, `${what}: expected a number, a decimal or a fraction such as "1/6", received ${JSON.stringify(value)}`, value);
}

/** The plain-JSON form of a fraction. */
export function exact(f: Fraction): ExactValue {
  return { exact: f.toFraction(), value: f.valueOf() };
}

/** A decimal.js value as an exact fraction. */
export function fractionOfDecimal(value: { toFixed(): string }): Fraction {
  return new Fraction(value.toFixed());
}

/**
 * `part` as a percentage of `whole`, exactly, as a fraction string (`"100/7"`, `"15"`); `null`
 * when `whole` is zero (there is nothing to take a share of).
 */
export function exactPercent(part: { toFixed(): string }, whole: { toFixed(): string; isZero(): boolean }): string | null {
  if (whole.isZero()) return null;
  return fractionOfDecimal(part).mul(100).div(fractionOfDecimal(whole)).toFraction();
}

/** A fraction rounded half to even to `decimals` places, as the nearest double of the result. */
export function roundHalfEven(f: Fraction, decimals: number): number {
  const scale = 10n ** BigInt(decimals);
  const scaled = f.n * scale;
  let q = scaled / f.d;
  const twice = (scaled - q * f.d) * 2n;
  if (twice > f.d || (twice === f.d && q % 2n === 1n)) q += 1n;
  const magnitude = Number(q) / Number(scale);
  return f.s < 0n && q !== 0n ? -magnitude : magnitude;
}
