// Every error code, with the path of the field and the value received; and the safe twin.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { errorCodes, safeClassify, ChuanNgheoError, getStandard, safeCreateBatchClassifier, safeResolveStandard, safeClassifyByScores, type ClassifyOptions } from '../src/index.js';
import { safeDeriveIndicators, safeValidateSurvey } from '../src/survey/index.js';
import { describeReceived } from '../src/errors.js';
import { classifyValue } from './helpers.js';

const date = '2025-12-01';
const ok = { area: 'rural', size: 2, incomeMonthlyTotal: 3_000_000, deprived: [] as string[] };

function errorOf(input: unknown, options: object = { date }) {
  const r = safeClassify(input, options as ClassifyOptions);
  if (r.success) throw new Error('expected an error');
  return r.error;
}

describe('household errors', () => {
  it.each([
    ['INVALID_FIELD', { ...ok, incomeMonthlyTotl: 1 }, ['incomeMonthlyTotl'], 1],
    ['INVALID_FIELD', 'a string', [], 'a string'],
    ['INVALID_FIELD', { ...ok, deprived: 'healthInsurance' }, ['deprived'], 'healthInsurance'],
    ['INVALID_FIELD', { ...ok, deprived: [3] }, ['deprived', 0], 3],
    ['MISSING_FIELD', { size: 2, incomeMonthlyTotal: 1 }, ['area'], undefined],
    ['MISSING_FIELD', { area: 'rural', incomeMonthlyTotal: 1 }, ['size'], undefined],
    ['INVALID_AREA', { ...ok, area: 'suburb' }, ['area'], 'suburb'],
    ['INVALID_AREA', { ...ok, area: 7 }, ['area'], 7],
    ['INVALID_SIZE', { ...ok, size: 0 }, ['size'], 0],
    ['INVALID_SIZE', { ...ok, size: 2.5 }, ['size'], 2.5],
    ['INVALID_SIZE', { ...ok, size: '3' }, ['size'], '3'],
    ['INVALID_INCOME', { ...ok, incomeMonthlyTotal: -1 }, ['incomeMonthlyTotal'], -1],
    ['INVALID_INCOME', { ...ok, incomeMonthlyTotal: 'abc' }, ['incomeMonthlyTotal'], 'abc'],
    ['INVALID_INCOME', { ...ok, incomeMonthlyTotal: '1.500.000' }, ['incomeMonthlyTotal'], '1.500.000'],
    ['INVALID_INCOME', { ...ok, incomeMonthlyTotal: Number.NaN }, ['incomeMonthlyTotal'], Number.NaN],
    ['INVALID_INCOME', { ...ok, incomeMonthlyTotal: '-5' }, ['incomeMonthlyTotal'], '-5'],
    ['CONFLICTING_INCOME', { ...ok, incomeAnnualTotal: 36_000_000 }, ['incomeAnnualTotal'], ['incomeMonthlyTotal', 'incomeAnnualTotal']],
    ['UNKNOWN_INDICATOR', { ...ok, deprived: ['nutrition', 'healthcareAccess'] }, ['deprived', 1], 'healthcareAccess'],
    ['DUPLICATE_INDICATOR', { ...ok, deprived: ['nutrition', 'nutrition'] }, ['deprived', 1], 'nutrition'],
    ['INVALID_DATE', { ...ok, previousCategory: 'poor', previousRecognizedOn: '2025-02-30' }, ['previousRecognizedOn'], '2025-02-30'],
    ['INVALID_PREVIOUS_STATUS', { ...ok, previousCategory: 'rich', previousRecognizedOn: '2025-01-01' }, ['previousCategory'], 'rich'],
  ])('%s for %j', (code, input, path, received) => {
    const e = errorOf(input);
    expect(e.code).toBe(code);
    expect(e.path).toEqual(path);
    expect(e.received).toEqual(received);
    expect(e.message.length).toBeGreaterThan(10);
  });

  it('MISSING_INCOME names the three fields', () => {
    const { incomeMonthlyTotal: _, ...noIncome } = ok;
    const e = errorOf(noIncome);
    expect(e).toMatchObject({ code: 'MISSING_INCOME', path: ['income'] });
    expect(e.message).toMatch(/incomeMonthlyPerCapita, incomeMonthlyTotal, incomeAnnualTotal/);
  });

  it('messages name the field and the value', () => {
    expect(errorOf({ ...ok, area: 'suburb' }).message).toBe('area: expected rural or urban (nông thôn, thành thị, đô thị), received the text "suburb"');
    expect(errorOf({ ...ok, size: 0 }).message).toBe('size: expected a whole number of members ≥ 1, received the number 0');
  });
});

describe('a required field misspelt', () => {
  it('the missing field is named with the key that looks like it', () => {
    const e = errorOf({ area: 'rural', sizee: 3, incomeMonthlyTotal: 1 });
    expect(e).toMatchObject({ code: 'MISSING_FIELD', path: ['size'] });
    expect(e.message).toBe('size: expected a whole number of members ≥ 1, received nothing (the field is required; the household has "sizee": did you mean size?)');
    expect(errorOf({ arae: 'rural', size: 3, incomeMonthlyTotal: 1 }).message).toMatch(/the household has "arae": did you mean area\?\)$/);
    // A key unlike the field is not offered as it.
    expect(errorOf({ area: 'rural', persons: 3, incomeMonthlyTotal: 1 }).message).toMatch(/received nothing \(the field is required\)$/);
  });
});

describe('options errors', () => {
  it.each([
    ['INVALID_DATE', { date: '01/12/2025' }, '01/12/2025'],
    ['INVALID_DATE', { date: '2025-13-01' }, '2025-13-01'],
    ['NO_STANDARD_IN_FORCE', { date: '2015-12-31' }, '2015-12-31'],
    ['UNKNOWN_STANDARD', { standard: 'nd07', date }, 'nd07'],
    ['STANDARD_NOT_IN_FORCE', { standard: 'qd59-2015', date }, date],
  ] as const)('%s', (code, options, received) => {
    const e = errorOf(ok, options);
    expect(e.code).toBe(code);
    expect(e.received).toBe(received);
  });

  it.each([
    ['null', null, [], /^options: expected an object such as \{ date: "2025-12-01" \}, or nothing, received null$/],
    ['a text', '2025-12-01', [], /received the text "2025-12-01"$/],
    ['an array', [date], [], /received an array of 1 item \["2025-12-01"\]$/],
    ['a getter that throws', Object.defineProperty({}, 'date', { get: () => { throw new Error('boom'); }, enumerable: true }), ['date'], /^options\.date: expected a value that can be read, received one whose reading raised Error: boom$/],
    ['a today that is not a function', { today: '2025-12-01' }, ['today'], /^options\.today: expected a function returning today's date YYYY-MM-DD, received the text "2025-12-01"$/],
    ['a today that throws', { today: () => { throw new RangeError('no clock'); } }, ['today'], /reading raised RangeError: no clock$/],
  ])('INVALID_OPTIONS for %s', (_, options, path, message) => {
    const e = errorOf(ok, options as never);
    expect(e).toMatchObject({ code: 'INVALID_OPTIONS', path });
    expect(e.message).toMatch(message);
  });

  it('an option the function does not know is named with the nearest one, not ignored', () => {
    // Ignored, a misspelt standard would classify under the one in force on the date.
    const e = errorOf(ok, { date, standrd: 'qd59-2015' } as never);
    expect(e).toMatchObject({ code: 'INVALID_OPTIONS', path: ['standrd'], received: 'standrd' });
    expect(e.message).toBe('options.standrd: not an option here; did you mean standard? (the options are standard, date, today)');
    expect(errorOf(ok, { date, explain: false } as never)).toMatchObject({ code: 'INVALID_OPTIONS', path: ['explain'] });
    expect(classifyValue(ok, { date, standard: undefined }).standard).toBe('nd07-2021');
  });

  it('the other functions that choose a standard refuse an unknown option too; the review scores take their scorecard', () => {
    const unknownOption = { code: 'INVALID_OPTIONS', path: ['dat'] };
    expect(safeCreateBatchClassifier({ dat: date } as never)).toMatchObject({ success: false, error: unknownOption });
    expect(safeResolveStandard({ dat: date })).toMatchObject({ success: false, error: unknownOption });
    expect(safeDeriveIndicators({ area: 'rural', incomeMonthlyTotal: 1, members: [] }, { dat: date } as never)).toMatchObject({ success: false, error: unknownOption });
    expect(safeValidateSurvey([], { dat: date } as never)).toMatchObject({ success: false, error: unknownOption });
    expect(safeClassifyByScores({ area: 'rural', scoreA: 140 }, { date, scorcard: undefined } as never)).toMatchObject({ success: false, error: { code: 'INVALID_OPTIONS', path: ['scorcard'] } });
    expect(safeClassifyByScores({ area: 'rural', scoreA: 200, scoreB: 40 }, { date, scorecard: undefined } as never)).toMatchObject({ success: true });
  });

  it.each([
    ['a BigInt', 10n, /^date: expected a calendar date YYYY-MM-DD \(years 0001 to 9999\) or a valid Date, received a BigInt 10n$/],
    ['an invalid Date', new Date(Number.NaN), /received an invalid Date$/],
    ['a Date beyond year 9999', new Date(8.64e15), /received the Date \+275760-09-13T00:00:00\.000Z$/],
    ['an imitation of a Date', Object.create(Date.prototype), /received a Date object$/],
  ])('INVALID_DATE for %s as the date', (_, value, message) => {
    const e = errorOf(ok, { date: value as never });
    expect(e).toMatchObject({ code: 'INVALID_DATE', path: ['date'] });
    expect(e.message).toMatch(message);
  });

  it('a today that gives a calendar date is used; one that gives anything else is INVALID_DATE', () => {
    expect(classifyValue(ok, { today: () => '2024-01-02' }).date).toBe('2024-01-02');
    expect(errorOf(ok, { today: () => 10n as never })).toMatchObject({ code: 'INVALID_DATE', path: ['today'] });
  });
});

describe('describing a received value', () => {
  const circular: Record<string, unknown> = { a: 1 };
  circular.self = circular;
  let deep: unknown = [];
  for (let i = 0; i < 5_000; i++) deep = [deep];
  const nullPrototype = Object.assign(Object.create(null) as object, { x: 10n });
  let getterRan = false;
  const withGetter = Object.defineProperty({}, 'g', { get: () => (getterRan = true), enumerable: true });
  // Values built inside each case: the test runner would itself trip over a deep or circular title.
  it.each([
    ['nothing', () => undefined],
    ['null', () => null],
    ['an empty text', () => ''],
    ['the text "abc"', () => 'abc'],
    ['the text " 1\\u00a0\\t\\"\\\\"', () => ' 1\u00a0\t"\\'],
    [`the text "${'x'.repeat(57)}…" (100 characters)`, () => 'x'.repeat(100)],
    ['the number 0', () => 0],
    ['the number -1.5', () => -1.5],
    ['NaN (not a number)', () => Number.NaN],
    ['the number Infinity', () => Number.POSITIVE_INFINITY],
    ['a BigInt 10n', () => 10n],
    [`a BigInt ${'1'}${'0'.repeat(24)}…${'0'.repeat(25)} (101 digits)n`, () => 10n ** 100n],
    ['true', () => true],
    ['a symbol "s"', () => Symbol('s')],
    ['a function', () => () => 1],
    ['an empty object', () => ({})],
    ['an empty array', () => []],
    ['an object {a: 1, "b c": "x", d: […], …}', () => ({ a: 1, 'b c': 'x', d: [1], e: {} })],
    ['an array of 4 items [1, "a", null, …]', () => [1, 'a', null, 4]],
    ['an object {x: 10n}', () => nullPrototype],
    ['an object {a: 1, self: {…}}', () => circular],
    ['an array of 1 item [[…]]', () => deep],
    ['a Map object', () => new Map()],
    ['the Date 2025-12-01T00:00:00.000Z', () => new Date(Date.UTC(2025, 11, 1))],
    ['an object {g: a getter}', () => withGetter],
    ['an object that cannot be read', () => new Proxy({}, { ownKeys: () => { throw new Error('x'); }, getPrototypeOf: () => { throw new Error('x'); } })],
  ] as [string, () => unknown][])('%s', (words, value) => {
    expect(describeReceived(value())).toBe(words);
    expect(getterRan).toBe(false);
  });
});

describe('the error class', () => {
  it('is a ChuanNgheoError with a plain-JSON detail', () => {
    try {
      classifyValue({ ...ok, size: -1 }, { date });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ChuanNgheoError);
      expect(JSON.parse(JSON.stringify(error))).toEqual({ code: 'INVALID_SIZE', path: ['size'], message: expect.any(String), received: -1, expected: 'a whole number of members ≥ 1' });
    }
  });
  it('every code in the list is exercised by some test', () => {
    // INVALID_STANDARD is covered in local-standard.test.ts, INVALID_ROW by the file readers.
    expect(errorCodes).toEqual(
      expect.arrayContaining(['INVALID_FIELD', 'MISSING_FIELD', 'INVALID_AREA', 'INVALID_SIZE', 'INVALID_INCOME', 'MISSING_INCOME', 'CONFLICTING_INCOME', 'UNKNOWN_INDICATOR', 'DUPLICATE_INDICATOR', 'INVALID_DATE', 'NO_STANDARD_IN_FORCE', 'STANDARD_NOT_IN_FORCE', 'UNKNOWN_STANDARD', 'INVALID_STANDARD', 'INVALID_PREVIOUS_STATUS', 'INVALID_ROW', 'INVALID_OPTIONS']),
    );
  });
});

describe('safeClassify never throws', () => {
  it('on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const r = safeClassify(input, { date });
        expect(typeof r.success).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
  it('on arbitrary near-valid households', () => {
    const ids = getStandard('nd07-2021').indicators.map((i) => i.id);
    fc.assert(
      fc.property(
        fc.record({
          area: fc.oneof(fc.constantFrom('rural', 'urban', 'nông thôn', 'x'), fc.anything()),
          size: fc.oneof(fc.integer({ min: -2, max: 20 }), fc.double(), fc.string()),
          incomeMonthlyTotal: fc.oneof(fc.integer({ min: -10, max: 1e10 }), fc.string(), fc.double()),
          deprived: fc.array(fc.oneof(fc.constantFrom(...ids), fc.string()), { maxLength: 5 }),
        }),
        (input) => {
          const r = safeClassify(input, { date });
          if (!r.success) expect(errorCodes).toContain(r.error.code);
        },
      ),
      { numRuns: 500 },
    );
  });
});
