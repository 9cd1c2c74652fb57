/**
 * Money in đồng, compared exactly.
 *
 * Amounts arrive as numbers or decimal strings. Whole amounts within JavaScript's safe-integer
 * range stay plain numbers (the fast, common case); any other amount becomes a `Decimal`.
 * Comparisons are made against `line × factor` (e.g. the per-person line times the number of
 * members times 12 months), never by dividing, so no rounding ever decides a classification.
 *
 * @module
 */
import { Decimal as DecimalBase } from 'decimal.js';

/** decimal.js with enough precision for any product of a line, a household size and 12. */
export const Decimal = DecimalBase.clone({ precision: 60, rounding: DecimalBase.ROUND_HALF_EVEN });
/** A decimal.js value from the library's own configuration. */
export type Decimal = InstanceType<typeof Decimal>;

/** An amount in đồng: a safe integer, or an exact decimal. */
export type Amount = number | Decimal;

const DECIMAL_TEXT = /^\s*(?:\d+(?:\.\d*)?|\.\d+)\s*$/;

/**
 * Reads an amount of đồng from a number or a decimal string (digits with an optional `.`
 * fraction; no sign, exponent or thousands separators). Returns `undefined` when the value is not
 * a non-negative finite amount, so the caller can raise an error that names its field.
 */
export function readAmount(value: unknown): Amount | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return undefined;
    return Number.isSafeInteger(value) ? value : new Decimal(value);
  }
  if (typeof value === 'string') {
    if (!DECIMAL_TEXT.test(value)) return undefined;
    const text = value.trim();
    if (!text.includes('.') && text.length <= 15) return Number(text);
    const dec = new Decimal(text);
    return dec.isInteger() && dec.lte(Number.MAX_SAFE_INTEGER) ? dec.toNumber() : dec;
  }
  return undefined;
}

/**
 * Compares `amount × amountFactor` with `line × lineFactor` exactly: −1 below, 0 equal, 1 above.
 * The factors and the line are whole numbers (counts of months and members, đồng).
 */
export function compareToScaledLine(
  amount: Amount,
  amountFactor: number,
  line: number,
  lineFactor: number,
): -1 | 0 | 1 {
  if (typeof amount === 'number') {
    const left = amount * amountFactor;
    const right = line * lineFactor;
    if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left < right ? -1 : left > right ? 1 : 0;
  }
  const left = new Decimal(amount).mul(amountFactor);
  return left.cmp(new Decimal(line).mul(lineFactor)) as -1 | 0 | 1;
}

/** `amount ÷ divisor` rounded half to even to a whole đồng (for display, never for decisions). */
export function divideRounded(amount: Amount, divisor: number): number {
  if (typeof amount === 'number') {
    let quotient = Math.floor(amount / divisor);
    let remainder = amount - quotient * divisor;
    // The float division may be one off for amounts near 2^53: settle it in integers.
    if (remainder < 0) {
      quotient -= 1;
      remainder += divisor;
    } else if (remainder >= divisor) {
      quotient += 1;
      remainder -= divisor;
    }
    const twice = remainder * 2;
    if (twice > divisor || (twice === divisor && quotient % 2 === 1)) return quotient + 1;
    return quotient;
  }
  return amount.div(divisor).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toNumber();
}

/** The amount as JSON: a number when whole and safe, otherwise its exact decimal string. */
export function amountToJSON(amount: Amount): number | string {
  return typeof amount === 'number' ? amount : amount.toFixed();
}
