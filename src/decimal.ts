/**
 * An exact decimal number on `BigInt`: whole units and a count of decimal places. Amounts of đồng
 * written with a fraction, or beyond JavaScript's safe integers, are held as these, so that no
 * comparison with a line is ever rounded. Products, comparisons and the text form are exact; the
 * only rounding is to a number ({@link Decimal.toNumber}), for display.
 *
 * @module
 */
import { describeReceived, fail, toSafe, type SafeResult } from './errors.js';

/** The largest exponent a decimal text may carry, in size (`1e1000`, `1e-1000`). */
const MAX_EXPONENT = 1000;
/** Sign, digits before the point, digits after it, exponent. */
const TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,6}))?$/;
/** What the constructor reads, in words (for messages). */
const EXPECTED = `a finite number, a BigInt or a decimal text such as "1500000.50" or "-1.5e-7" (an exponent of at most ${MAX_EXPONENT} in size)`;

const TEN = 10n;
const powers: bigint[] = [1n];
/** 10 to the power `n` (n ≥ 0), the first few remembered. */
function pow10(n: number): bigint {
  if (n < 64) {
    for (let i = powers.length; i <= n; i++) powers.push(powers[i - 1]! * TEN);
    return powers[n]!;
  }
  return TEN ** BigInt(n);
}

/** Units and places of a text, without trailing zeros after the point; `undefined` when it is not a decimal. */
function parseText(text: string): [bigint, number] | undefined {
  const m = TEXT.exec(text);
  if (m === null) return undefined;
  const whole = m[2]!;
  const fraction = m[3] ?? '';
  if (whole.length + fraction.length === 0) return undefined;
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  if (Math.abs(exponent) > MAX_EXPONENT) return undefined;
  let digits = whole + fraction;
  let scale = fraction.length - exponent;
  if (scale > 0) {
    // Trailing zeros after the point say nothing: drop them, so that equal values have one form.
    let end = digits.length;
    while (end > 0 && scale > 0 && digits.charCodeAt(end - 1) === 48) {
      end--;
      scale--;
    }
    digits = digits.slice(0, end);
  }
  const units = digits === '' ? 0n : BigInt(digits);
  if (units === 0n) return [0n, 0];
  const signed = m[1] === '-' ? -units : units;
  return scale < 0 ? [signed * pow10(-scale), 0] : [signed, scale];
}

/** Drops the trailing zeros of `units × 10^-scale` after the point. */
function normalize(units: bigint, scale: number): [bigint, number] {
  if (units === 0n) return [0n, 0];
  while (scale > 0 && units % TEN === 0n) {
    units /= TEN;
    scale--;
  }
  return [units, scale];
}

/**
 * An exact decimal number. The library reads an amount of đồng that has a fraction, or that is
 * beyond JavaScript's safe integers, into one (see {@link Amount}); {@link createDecider} accepts
 * one as an income. It holds any finite value exactly: `0.1` is one tenth, and
 * `4500000.0000000000000000000000000000000000000001` is above 4,500,000.
 *
 * It is deliberately small: comparisons, a product and the text form, which is all exact money
 * needs. (Before version 0.2 it was a decimal.js class; for general arithmetic, pass
 * {@link Decimal.toFixed}'s text to a decimal library.)
 *
 * @example
 * const income = new Decimal('4500000.10');
 * income.toFixed()           //=> '4500000.1'
 * income.cmp(4_500_000)      //=> 1
 * income.times(3).toFixed()  //=> '13500000.3'
 * new Decimal(0.1).eq('0.10') //=> true
 * new Decimal('1.5e-7').toFixed() //=> '0.00000015'
 * Decimal.safeFrom('1,5').success //=> false
 */
export class Decimal {
  /**
   * The value times 10^scale, a whole number.
   *
   * @internal
   */
  readonly units: bigint;
  /**
   * Decimal places, ≥ 0; no trailing zero after the point (`units` is not a multiple of 10 when `scale > 0`).
   *
   * @internal
   */
  readonly scale: number;

  /**
   * Reads a finite number (as the shortest decimal that reads back as it: `0.1` is one tenth), a
   * BigInt, a decimal text (an optional sign, digits with an optional point, an optional exponent
   * of at most 1000 in size: `"-12.50"`, `"1.5e-7"`; no spaces or separators), or a Decimal.
   *
   * @throws {ChuanNgheoError} `INVALID_FIELD` for anything else.
   */
  constructor(value: number | bigint | string | Decimal) {
    const read = readDecimalParts(value);
    if (read === undefined) fail('INVALID_FIELD', [], `decimal: expected ${EXPECTED}, received ${describeReceived(value)}`, value, EXPECTED);
    this.units = read[0];
    this.scale = read[1];
  }

  /** Safe twin of the constructor: the decimal, or the error it would throw (`Decimal.safeFrom('1,5').success` is false). */
  static safeFrom(value: unknown): SafeResult<Decimal> {
    return toSafe(() => new Decimal(value as number));
  }

  /** Compares with another value exactly: −1 when this is less, 0 when equal, 1 when greater. */
  cmp(other: number | bigint | string | Decimal): -1 | 0 | 1 {
    const o = other instanceof Decimal ? other : new Decimal(other);
    const [a, b] = aligned(this, o);
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /** Whether the value equals another, exactly. */
  eq(other: number | bigint | string | Decimal): boolean {
    return this.cmp(other) === 0;
  }

  /** Whether the value is less than another, exactly. */
  lt(other: number | bigint | string | Decimal): boolean {
    return this.cmp(other) < 0;
  }

  /** Whether the value is greater than another, exactly. */
  gt(other: number | bigint | string | Decimal): boolean {
    return this.cmp(other) > 0;
  }

  /** The product with another value, exactly. */
  times(other: number | bigint | string | Decimal): Decimal {
    const o = other instanceof Decimal ? other : new Decimal(other);
    return fromParts(normalize(this.units * o.units, this.scale + o.scale));
  }

  /** Whether the value is zero. */
  isZero(): boolean {
    return this.units === 0n;
  }

  /** Whether the value is a whole number. */
  isInteger(): boolean {
    return this.scale === 0;
  }

  /** The nearest number (for display and for figures that are doubles anyway; never for a decision). */
  toNumber(): number {
    return this.scale === 0 ? Number(this.units) : Number(this.toFixed());
  }

  /** The value in plain decimal digits, exactly, without exponent or trailing zeros after the point: `"-0.00000015"`, `"4500000.1"`. */
  toFixed(): string {
    const negative = this.units < 0n;
    let digits = (negative ? -this.units : this.units).toString();
    if (this.scale > 0) {
      digits = digits.padStart(this.scale + 1, '0');
      digits = `${digits.slice(0, -this.scale)}.${digits.slice(-this.scale)}`;
    }
    return negative ? `-${digits}` : digits;
  }

  /** The same as {@link Decimal.toFixed}. */
  toString(): string {
    return this.toFixed();
  }

  /** The same as {@link Decimal.toFixed}: in JSON, a decimal is its exact text. */
  toJSON(): string {
    return this.toFixed();
  }
}

/** A decimal from parts already normalized. */
function fromParts(parts: [bigint, number]): Decimal {
  const d = Object.create(Decimal.prototype) as { units: bigint; scale: number };
  d.units = parts[0];
  d.scale = parts[1];
  return d as unknown as Decimal;
}

/** The units and places of a value the constructor reads, or `undefined`. */
function readDecimalParts(value: unknown): [bigint, number] | undefined {
  if (value instanceof Decimal) return [value.units, value.scale];
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return [BigInt(value), 0];
    return Number.isFinite(value) ? parseText(String(value)) : undefined;
  }
  if (typeof value === 'bigint') return [value, 0];
  return typeof value === 'string' ? parseText(value) : undefined;
}

/** Two values' units brought to the same places. */
function aligned(a: Decimal, b: Decimal): [bigint, bigint] {
  return a.scale === b.scale ? [a.units, b.units] : a.scale > b.scale ? [a.units, b.units * pow10(a.scale - b.scale)] : [a.units * pow10(b.scale - a.scale), b.units];
}

/** A value as a decimal, without copying one that already is. */
export function toDecimal(value: number | Decimal): Decimal {
  return value instanceof Decimal ? value : new Decimal(value);
}

/**
 * `a ÷ b` on whole numbers: `a / b = (quotient × divisor + remainder) / divisor`, the quotient
 * truncated toward zero and `|remainder| < |divisor|`. `b` must not be zero.
 */
export function divide(a: Decimal, b: Decimal): { readonly quotient: bigint; readonly remainder: bigint; readonly divisor: bigint } {
  // a / b = (a.units × 10^b.scale) / (b.units × 10^a.scale).
  const n = a.units * pow10(b.scale);
  const d = b.units * pow10(a.scale);
  const quotient = n / d;
  return { quotient, remainder: n - quotient * d, divisor: d };
}

/** Number of digits before the point (0 for a value below 1), as an amount's bound counts them. */
export function digitsBeforePoint(d: Decimal): number {
  const magnitude = d.units < 0n ? -d.units : d.units;
  return Math.max(0, magnitude.toString().length - d.scale);
}
