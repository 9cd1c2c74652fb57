/**
 * Exact fractions for measures (fraction.js, bigint-backed), and their plain-JSON form.
 *
 * @module
 */
import Fraction from 'fraction.js';
import { describeReceived, fail, type ErrorPath } from '../errors.js';

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
  return fail('INVALID_FIELD', path, `${what}: expected a number, a decimal or a fraction such as "1/6", received ${describeReceived(value)}`, value);
}

/** The plain-JSON form of a fraction. */
export function exact(f: Fraction): ExactValue {
  return { exact: f.toFraction(), value: f.valueOf() };
}
