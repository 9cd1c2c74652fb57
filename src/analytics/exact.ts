/**
 * Exact fractions for measures (fraction.js, bigint-backed), and their plain-JSON form.
 *
 * A number is read as the decimal JavaScript writes for it, exactly: `0.1` is 1/10, `1e-7` is
 * 1/10,000,000, `5e-324` is 5/10^324 and `1.5e300` is 15 × 10^299, so weights such as 0.3 and
 * 0.7 sum to exactly 1. NaN and ±Infinity are refused. A string may be a decimal, with or without
 * an exponent of at most three digits (`"0.25"`, `"1.5e-7"`), or a fraction (`"1/6"`).
 *
 * @module
 */
import Fraction from 'fraction.js';
import { describeReceived, fail, type ErrorPath } from '../errors.js';
import { BigDecimal as Decimal } from './big-decimal.js';

export { Fraction };

/** A value as plain JSON: the exact fraction and its nearest double. */
export interface ExactValue {
  /** Exact, e.g. `"3/8"` (whole numbers without a denominator). */
  readonly exact: string;
  readonly value: number;
}

/**
 * A weight, a cut-off or an achievement: a finite number, a decimal string (`"0.25"`, `"1.5e-7"`)
 * or a fraction string (`"1/6"`).
 */
export type FractionInput = number | string;

/** Sign, digits, fraction digits and exponent of a decimal, as JavaScript writes numbers. */
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d{1,3}))?$/;
const FRACTION = /^(-?\d+)\s*\/\s*(\d+)$/;

/** A received value for a message: `NaN`, `Infinity` and `1e-7` as JavaScript writes them. */
export function show(value: unknown): string {
  return typeof value === 'number' ? String(value) : describeReceived(value);
}

/** The exact value of a decimal text that matches {@link DECIMAL}, or `undefined`. */
function decimalFraction(text: string): Fraction | undefined {
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const [, sign, whole, fraction = '', exponent = '0'] = m;
  const scale = Number(exponent) - fraction.length;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  return scale >= 0 ? new Fraction(digits * 10n ** BigInt(scale), 1n) : new Fraction(digits, 10n ** BigInt(-scale));
}

/**
 * Reads a number or a string exactly, or throws `INVALID_FIELD` at `path` naming `what`.
 *
 * @throws {ChuanNgheoError} `INVALID_FIELD` for NaN, ±Infinity, a string of another form, a
 * fraction with a zero denominator, or anything else.
 */
export function toFraction(value: unknown, path: ErrorPath, what: string): Fraction {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail('INVALID_FIELD', path, `${what}: expected a finite number, received ${show(value)}`, value);
    // String() writes the shortest decimal that reads back as this number, exponent form included.
    return decimalFraction(String(value))!;
  }
  if (typeof value === 'string') {
    const text = value.trim();
    const asDecimal = decimalFraction(text);
    if (asDecimal) return asDecimal;
    const m = FRACTION.exec(text);
    if (m && !/^0+$/.test(m[2]!)) return new Fraction(BigInt(m[1]!), BigInt(m[2]!));
  }
  return fail('INVALID_FIELD', path, `${what}: expected a finite number, a decimal such as "0.25" or "1.5e-7", or a fraction such as "1/6", received ${show(value)}`, value);
}

/** Whether a text is a decimal as {@link toFraction} reads it: `12`, `-0.5`, `1.5e-7` (an exponent of at most three digits). */
export function isDecimalText(text: string): boolean {
  return DECIMAL.test(text.trim());
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const Wide = Decimal.clone({ precision: 25 });

/** The nearest double to a fraction, also when its numerator and denominator exceed a double's range. */
export function toDouble(f: Fraction): number {
  if (f.n <= SAFE && f.d <= SAFE) return f.valueOf();
  const magnitude = new Wide(f.n.toString()).div(f.d.toString()).toNumber();
  return f.s < 0n ? -magnitude : magnitude;
}

/** The plain-JSON form of a fraction. */
export function exact(f: Fraction): ExactValue {
  return { exact: f.toFraction(), value: toDouble(f) };
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
  // Through the decimal text, so that the double is the nearest to the rounded value (Number(q) / 10^d may be off by one unit).
  const digits = q.toString().padStart(decimals + 1, '0');
  const magnitude = Number(decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`);
  return f.s < 0n && q !== 0n ? -magnitude : magnitude;
}
