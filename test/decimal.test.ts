// The exact decimal of the classification's path (BigInt units and decimal places) against
// decimal.js, on random values: reading, text, comparison, products, and the money operations
// built on it (comparison with a scaled line, rounding half to even, exact division).
import { Decimal as DecimalJs } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../src/index.js';
import { AMOUNT_DIGITS, compareToScaledLine, divideRounded, dividesExactly, readAmount } from '../src/money.js';

/** decimal.js with more digits than any value here has, so that its results are exact. */
const Reference = DecimalJs.clone({ precision: 1000, rounding: DecimalJs.ROUND_HALF_EVEN, toExpNeg: -9e15, toExpPos: 9e15 });

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
/** A decimal text: sign, digits, an optional point and fraction, an optional exponent. */
const decimalText = fc
  .record({
    sign: fc.constantFrom('', '-', '+'),
    whole: digits(0, 45),
    fraction: fc.option(digits(0, 45), { nil: undefined }),
    exponent: fc.option(fc.integer({ min: -60, max: 60 }), { nil: undefined }),
  })
  .filter((p) => p.whole.length + (p.fraction?.length ?? 0) > 0)
  .map((p) => `${p.sign}${p.whole}${p.fraction === undefined ? '' : `.${p.fraction}`}${p.exponent === undefined ? '' : `e${p.exponent}`}`);
/** An amount as a text within the limits (40 digits before the point and 40 after). */
const amountText = fc
  .record({ whole: digits(1, AMOUNT_DIGITS), fraction: fc.option(digits(0, AMOUNT_DIGITS), { nil: undefined }) })
  .map((p) => (p.fraction === undefined ? p.whole : `${p.whole}.${p.fraction}`));
const double = fc.double({ noNaN: true, noDefaultInfinity: true });
const value = fc.oneof(decimalText, double, fc.bigInt({ min: -(10n ** 50n), max: 10n ** 50n }));

describe('Decimal against decimal.js', () => {
  it('reads texts, numbers and BigInts to the same exact value and writes the same digits', () => {
    fc.assert(
      fc.property(value, (v) => {
        const mine = new Decimal(v);
        const theirs = new Reference(typeof v === 'bigint' ? v.toString() : v);
        expect(mine.toFixed()).toBe(theirs.toFixed());
        expect(String(mine)).toBe(theirs.toFixed());
        expect(JSON.stringify({ v: mine })).toBe(JSON.stringify({ v: theirs.toFixed() }));
        // The same number; a decimal has no negative zero (decimal.js keeps one).
        expect(mine.toNumber() === theirs.toNumber()).toBe(true);
        expect(mine.isZero()).toBe(theirs.isZero());
        expect(mine.isInteger()).toBe(theirs.isInteger());
      }),
      { numRuns: 2000 },
    );
  });

  it('compares and multiplies exactly', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        const [x, y] = [new Decimal(a), new Decimal(b)];
        const [rx, ry] = [new Reference(x.toFixed()), new Reference(y.toFixed())];
        expect(x.cmp(y)).toBe(rx.cmp(ry));
        expect(x.eq(b)).toBe(rx.eq(ry));
        expect(x.lt(b)).toBe(rx.lt(ry));
        expect(x.gt(b)).toBe(rx.gt(ry));
        expect(x.times(y).toFixed()).toBe(rx.mul(ry).toFixed());
      }),
      { numRuns: 2000 },
    );
  });

  it('a value one unit of its last place away is not equal, however many digits', () => {
    fc.assert(
      fc.property(amountText, (text) => {
        const at = new Decimal(text);
        const places = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
        const up = new Decimal(`1e-${places}`);
        const over = new Decimal(new Reference(text).plus(up.toFixed()).toFixed());
        expect(at.cmp(over)).toBe(-1);
        expect(over.cmp(at)).toBe(1);
        expect(at.cmp(text)).toBe(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('money on Decimal against decimal.js', () => {
  const factor = fc.integer({ min: 1, max: 12 * 60 });
  const line = fc.integer({ min: 1, max: 100_000_000 });

  it('compares an amount times a factor with a line times a factor as decimal.js does', () => {
    fc.assert(
      fc.property(amountText, factor, line, factor, (text, amountFactor, l, lineFactor) => {
        const amount = readAmount(text)!;
        expect(amount).toBeDefined();
        const expected = new Reference(text).mul(amountFactor).cmp(new Reference(l).mul(lineFactor));
        expect(compareToScaledLine(amount, amountFactor, l, lineFactor)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('at the line exactly and one đồng over, with 40 places and 40 digits', () => {
    fc.assert(
      fc.property(line, factor, fc.integer({ min: 0, max: AMOUNT_DIGITS }), (l, size, zeros) => {
        const total = BigInt(l) * BigInt(size);
        const at = readAmount(`${total}.${'0'.repeat(zeros)}`)!;
        expect(compareToScaledLine(at, 1, l, size)).toBe(0);
        expect(compareToScaledLine(readAmount(`${total + 1n}`)!, 1, l, size)).toBe(1);
        expect(compareToScaledLine(readAmount(`${total}.${'0'.repeat(AMOUNT_DIGITS - 1)}1`)!, 1, l, size)).toBe(1);
        expect(compareToScaledLine(readAmount(`${total - 1n}.${'9'.repeat(AMOUNT_DIGITS)}`)!, 1, l, size)).toBe(-1);
      }),
      { numRuns: 500 },
    );
    // 40 digits before the point, against a line that large.
    const wide = `${'9'.repeat(AMOUNT_DIGITS)}`;
    expect(compareToScaledLine(readAmount(`${wide}.${'0'.repeat(AMOUNT_DIGITS)}`)!, 1, 1, 1)).toBe(1);
    expect(compareToScaledLine(readAmount(`${wide}.${'9'.repeat(AMOUNT_DIGITS)}`)!, 12, Number.MAX_SAFE_INTEGER, 12)).toBe(1);
  });

  it('rounds a quotient half to even, and tells an exact one, as decimal.js does', () => {
    fc.assert(
      fc.property(amountText, fc.integer({ min: 1, max: 12 * 60 }), (text, divisor) => {
        const amount = readAmount(text)!;
        const exact = new Reference(text);
        const quotient = exact.divToInt(divisor);
        const twice = exact.sub(quotient.mul(divisor)).mul(2);
        const up = twice.gt(divisor) || (twice.eq(divisor) && !quotient.mod(2).isZero());
        expect(divideRounded(amount, divisor)).toBe((up ? quotient.add(1) : quotient).toNumber());
        expect(dividesExactly(amount, divisor)).toBe(exact.mod(divisor).isZero());
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the amounts decimal.js read, to the same value and kind', () => {
    fc.assert(
      fc.property(fc.oneof(amountText, fc.double({ min: 0, noNaN: true, noDefaultInfinity: true })), (v) => {
        const amount = readAmount(v);
        const r = new Reference(v);
        const fits = r.e < AMOUNT_DIGITS && r.decimalPlaces() <= AMOUNT_DIGITS;
        if (!fits) {
          expect(amount).toBeUndefined();
          return;
        }
        const safe = typeof v === 'number' ? Number.isSafeInteger(v) : r.isInteger() && r.lte(Number.MAX_SAFE_INTEGER);
        if (safe) expect(amount).toBe(r.toNumber());
        else expect(amount).toBeInstanceOf(Decimal);
        expect(String(amount)).toBe(r.toFixed());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('Decimal', () => {
  it('keeps one form for equal values: no trailing zeros after the point, no negative zero', () => {
    expect(new Decimal('1500000.500').toFixed()).toBe('1500000.5');
    expect(new Decimal('-0.000').toFixed()).toBe('0');
    expect(new Decimal(-0).toFixed()).toBe('0');
    expect(new Decimal('.5').toFixed()).toBe('0.5');
    expect(new Decimal('5.').toFixed()).toBe('5');
    expect(new Decimal('1.5e21').toFixed()).toBe('1500000000000000000000');
    expect(new Decimal(1e-7).toFixed()).toBe('0.0000001');
    expect(new Decimal(new Decimal('2.50')).eq(2.5)).toBe(true);
  });

  it.each([
    ['a text with a comma', '1,5'],
    ['a text with spaces', ' 1'],
    ['an empty text', ''],
    ['a lone point', '.'],
    ['an exponent beyond 1000', '1e1001'],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['NaN', Number.NaN],
    ['an object', { units: 1 }],
    ['nothing', undefined],
  ])('refuses %s with INVALID_FIELD, and its safe twin says so', (_, v) => {
    expect(() => new Decimal(v as never)).toThrow(expect.objectContaining({ code: 'INVALID_FIELD', path: [] }));
    const safe = Decimal.safeFrom(v);
    expect(safe.success).toBe(false);
    if (!safe.success) expect(safe.error.message).toMatch(/^decimal: expected a finite number, a BigInt or a decimal text/);
    expect(Decimal.safeFrom('1.5')).toEqual({ success: true, data: new Decimal('1.5') });
  });

  it('reads the widest exponent allowed', () => {
    expect(new Decimal('1e1000').toFixed()).toBe(`1${'0'.repeat(1000)}`);
    expect(new Decimal('1e-1000').toFixed()).toBe(`0.${'0'.repeat(999)}1`);
    expect(new Decimal(Number.MIN_VALUE).toFixed()).toBe(new Reference(Number.MIN_VALUE).toFixed());
  });
});
