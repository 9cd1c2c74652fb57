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

/** Most digits an amount may have before its decimal point, and after it. */
export const AMOUNT_DIGITS = 40;

/**
 * Significant digits of the library's decimal arithmetic: more than any exact result on amounts
 * it accepts can need (an amount spans at most 40 + 40 digits; times a household size and 12,
 * or summed over any number of households, it stays under 120), so comparisons and sums never
 * round. Only divisions (rates, display) round, half to even.
 */
const PRECISION = 200;

/**
 * decimal.js with enough precision that no product or sum of accepted amounts is rounded.
 *
 * @example
 * new Decimal('4500000.1').minus('0.1').toString() //=> '4500000'
 */
export const Decimal = DecimalBase.clone({ precision: PRECISION, rounding: DecimalBase.ROUND_HALF_EVEN });
/** A decimal.js value from the library's own configuration. */
export type Decimal = InstanceType<typeof Decimal>;

/** An amount in đồng: a safe integer, or an exact decimal. */
export type Amount = number | Decimal;

/** The longest amount text: 40 digits, a point, 40 digits. */
const AMOUNT_TEXT_MAX = 2 * AMOUNT_DIGITS + 1;
/** Digits with an optional `.` fraction: no sign, exponent, separator or space. */
const AMOUNT_TEXT = new RegExp(`^(?:\\d{1,${AMOUNT_DIGITS}}(?:\\.\\d{0,${AMOUNT_DIGITS}})?|\\.\\d{1,${AMOUNT_DIGITS}})$`);

/** How an amount may be written as text, in words (for messages). */
export const AMOUNT_TEXT_RULE = `digits with at most one point, no sign, separator or space, at most ${AMOUNT_DIGITS} digits before the point and ${AMOUNT_DIGITS} after`;

/** What an amount of đồng must be, in words (for messages). */
export const AMOUNT_EXPECTED = `an amount of đồng ≥ 0: a number, or a decimal text such as "1500000" or "1500000.50" (${AMOUNT_TEXT_RULE})`;

/**
 * Reads an amount of đồng from a number or a decimal string (digits with an optional `.`
 * fraction; no sign, exponent, thousands separators or surrounding spaces; at most 40 digits
 * before the point and 40 after, checked before any digit is read). Returns `undefined` when the
 * value is not such an amount, so the caller can raise an error that names its field.
 */
export function readAmount(value: unknown): Amount | undefined {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return value >= 0 ? value : undefined;
    if (!Number.isFinite(value) || value < 0) return undefined;
    const dec = new Decimal(value);
    // The same bounds as for a text, on the number's shortest decimal form.
    return dec.e < AMOUNT_DIGITS && dec.decimalPlaces() <= AMOUNT_DIGITS ? dec : undefined;
  }
  if (typeof value === 'string') {
    if (value.length > AMOUNT_TEXT_MAX || !AMOUNT_TEXT.test(value)) return undefined;
    if (value.length <= 15 && !value.includes('.')) return Number(value);
    const dec = new Decimal(value);
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
  if (typeof amount === 'number' && Number.isSafeInteger(amount)) {
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
  // In decimals, exactly: the whole quotient, then the remainder against half the divisor.
  const exact = new Decimal(amount);
  const quotient = exact.divToInt(divisor);
  const twice = exact.sub(quotient.mul(divisor)).mul(2);
  const up = twice.gt(divisor) || (twice.eq(divisor) && !quotient.mod(2).isZero());
  return (up ? quotient.add(1) : quotient).toNumber();
}

/** The amount as JSON: a number when whole and safe, otherwise its exact decimal string. */
export function amountToJSON(amount: Amount): number | string {
  return typeof amount === 'number' ? amount : amount.toFixed();
}
