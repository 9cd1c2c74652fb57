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
import { Decimal, digitsBeforePoint, divide, toDecimal } from './decimal.js';

/** Most digits an amount may have before its decimal point, and after it. */
export const AMOUNT_DIGITS = 40;

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

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
    return digitsBeforePoint(dec) <= AMOUNT_DIGITS && dec.scale <= AMOUNT_DIGITS ? dec : undefined;
  }
  if (typeof value === 'string') {
    if (value.length > AMOUNT_TEXT_MAX || !AMOUNT_TEXT.test(value)) return undefined;
    if (value.length <= 15 && !value.includes('.')) return Number(value);
    const dec = new Decimal(value);
    return dec.scale === 0 && dec.units <= MAX_SAFE ? Number(dec.units) : dec;
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
  return toDecimal(amount).times(amountFactor).cmp(new Decimal(line).times(lineFactor));
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
  const { quotient, remainder, divisor: whole } = divide(toDecimal(amount), new Decimal(divisor));
  const twice = remainder * 2n;
  const up = twice > whole || (twice === whole && quotient % 2n !== 0n);
  return Number(up ? quotient + 1n : quotient);
}

/** Whether `amount ÷ divisor` is a whole number, exactly. */
export function dividesExactly(amount: Amount, divisor: number): boolean {
  if (typeof amount === 'number') return amount % divisor === 0;
  return divide(amount, new Decimal(divisor)).remainder === 0n;
}

/** The amount as JSON: a number when whole and safe, otherwise its exact decimal string. */
export function amountToJSON(amount: Amount): number | string {
  return typeof amount === 'number' ? amount : amount.toFixed();
}
