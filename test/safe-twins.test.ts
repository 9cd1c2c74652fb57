// The safe twins never throw, and the throwing functions throw only ChuanNgheoError, whatever
// they are given as input and as options: any value fast-check makes (BigInts, objects without a
// prototype, boxed values, dates, maps, sparse arrays …) and values built to break code that
// trusts its input (nesting 5,000 deep, circular objects, getters and Proxies that throw).
// Every failure is a coded error with a path and a message naming what was expected and what
// was received. In continuous integration the main property runs 100,000 times and the others
// 10,000 to 20,000, with the fixed seed of test/setup.ts; locally fewer runs explore new inputs
// each time.
import { describe, it } from 'vitest';
import fc from 'fast-check';
import { ChuanNgheoError, createBatchClassifier, errorCodes, getStandard, safeClassify, safeClassifyByScores, safeComputeScoreA, safeDefineStandard, safeStandardInForce, type ErrorDetail, type SafeResult } from '../src/index.js';
import { safeAlkireFoster } from '../src/analytics/index.js';
import { safeDeriveIndicators } from '../src/survey/index.js';
import { safeParseColumnMap } from '../src/csv/index.js';
import { classifyValue } from './helpers.js';

const RUNS = process.env.CI ? 100_000 : 2_000;
const NEAR_RUNS = process.env.CI ? 20_000 : 1_000;
const FEWER_RUNS = process.env.CI ? 10_000 : 500;
const date = '2025-12-01';

/** Nested arrays (or objects) `depth` deep. */
function nested(depth: number, inObjects = false): unknown {
  let value: unknown = inObjects ? {} : [];
  for (let i = 0; i < depth; i++) value = inObjects ? { members: value } : [value];
  return value;
}

const boom = () => {
  throw new Error('boom');
};

/** Values whose mere reading throws, or that break code trusting them; made afresh for each run. */
const makeHostile: Readonly<Record<string, () => unknown>> = {
  deepArray: () => nested(5_000),
  deepObject: () => nested(5_000, true),
  circular: () => {
    const o: Record<string, unknown> = { area: 'rural', size: 1 };
    o.self = o;
    o.members = [o];
    return o;
  },
  throwingGetter: () => Object.defineProperty({ area: 'rural' }, 'size', { get: boom, enumerable: true }),
  throwingGetterDate: () => Object.defineProperty({}, 'date', { get: boom, enumerable: true }),
  throwingProxy: () => new Proxy({}, { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, getPrototypeOf: boom }),
  throwingArrayProxy: () => new Proxy([], { get: boom, has: boom, ownKeys: boom, getOwnPropertyDescriptor: boom }),
  revokedProxy: () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  },
  throwingConversions: () => ({ toString: boom, valueOf: boom, toJSON: boom, [Symbol.toPrimitive]: boom }),
  nullPrototypeBigInt: () => Object.assign(Object.create(null) as object, { x: 10n, area: 10n }),
  fakeDate: () => Object.create(Date.prototype) as object,
  invalidDate: () => new Date(Number.NaN),
  farDate: () => new Date(8.64e15),
  hugeIncome: () => ({ area: 'rural', size: 3, incomeMonthlyTotal: '9'.repeat(100_000) }),
  rosterWithBigInt: () => ({ area: 'rural', incomeMonthlyTotal: 1, members: [{ ageAtReview: 10n }, 10n] }),
  deepDeprived: () => ({ area: 'rural', size: 1, incomeMonthlyTotal: 1, deprived: nested(5_000) }),
  deepMembers: () => ({ area: 'rural', incomeMonthlyTotal: 1, members: nested(5_000) }),
  protoKeys: () => JSON.parse('{"__proto__": {"area": "rural"}, "constructor": 1, "area": "rural", "size": 1, "incomeMonthlyTotal": 1}') as unknown,
  throwingToday: () => ({ today: boom }),
  badToday: () => ({ today: () => 10n }),
};
/**
 * A hostile value stands in the generated data as its name, and is made only inside the property:
 * fast-check itself looks into generated values, and some of these throw when looked into.
 */
class Hostile {
  constructor(readonly name: string) {}
}
const hostile = fc.constantFrom(...Object.keys(makeHostile)).map((name) => new Hostile(name));

/** The value itself for a {@link Hostile}, and for each field of a plain object (one level down). */
function materialize(value: unknown): unknown {
  if (value instanceof Hostile) return makeHostile[value.name]!();
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v instanceof Hostile ? makeHostile[v.name]!() : v]));
}

const keys = fc.oneof(
  fc.constantFrom(
    'id', 'area', 'size', 'incomeMonthlyPerCapita', 'incomeMonthlyTotal', 'incomeAnnualTotal', 'deprived', 'previousCategory',
    'previousRecognizedOn', 'attributes', 'members', 'dwelling', 'ageAtReview', 'healthInsurance', 'floorArea', 'scoreA', 'scoreB',
    'scorecardAnswers', 'date', 'standard', 'today', 'indicators', 'k', 'units', '__proto__', 'constructor', 'toString', 'valueOf',
  ),
  fc.string(),
);
const leaves = [
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constantFrom('rural', 'urban', 'nông thôn', date, '2024-12-10', 'nd07-2021', 'healthInsurance', 'nutrition', 'poor', 1_500_000, '4500000', ' 123 ', '\u00a0123', '', 10n, Number.POSITIVE_INFINITY),
];
const anyValue = fc.anything({
  key: keys,
  values: leaves,
  depthSize: 'small',
  withBigInt: true,
  withNullPrototype: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withTypedArray: true,
  withSparseArray: true,
  withObjectString: true,
  withUnicodeString: true,
});
const anyOrHostile = fc.oneof({ arbitrary: anyValue, weight: 4 }, { arbitrary: hostile, weight: 1 });

/** A household or roster with some fields valid and any of them replaced. */
const nearHousehold = fc.record(
  {
    id: fc.oneof(fc.string(), fc.integer(), anyOrHostile),
    area: fc.oneof(fc.constantFrom('rural', 'urban'), anyOrHostile),
    size: fc.oneof(fc.integer({ min: 1, max: 9 }), anyOrHostile),
    incomeMonthlyTotal: fc.oneof(fc.integer({ min: 0, max: 9_000_000 }), anyOrHostile),
    deprived: fc.oneof(fc.subarray(getStandard('nd07-2021').indicators.map((i) => i.id)), anyOrHostile),
    members: fc.oneof(fc.array(fc.record({ ageAtReview: fc.integer({ min: 0, max: 90 }), healthInsurance: fc.boolean() }), { maxLength: 3 }), anyOrHostile),
    attributes: fc.oneof(fc.dictionary(keys, fc.string()), anyOrHostile),
  },
  { requiredKeys: [] },
);
const anyInput = fc.oneof(anyValue, hostile, nearHousehold);

const anyOptions = fc.oneof(
  anyValue,
  hostile,
  fc.record(
    {
      date: fc.oneof(fc.constantFrom(date, '2019-06-01', '2031-01-01'), fc.date(), anyOrHostile),
      standard: fc.oneof(fc.constantFrom('nd07-2021', 'qd59-2015', 'dong-nai-2022-2025', 'nd07'), anyOrHostile),
      today: fc.oneof(fc.constant(() => date), fc.constant(boom), anyOrHostile),
      scorecard: anyOrHostile,
    },
    { requiredKeys: [] },
  ),
);

/** A value inside the input or options that throws when read: there, and only there, the last resort may speak. */
const LAST_RESORT = /whose reading raised/;
/** What a message must never say: zod's bare wording, an object turned into text, or nothing received. */
const MEANINGLESS = /Invalid input|\[object |received\s*$|received\s*[,;)]|received undefined/;
const codes: ReadonlySet<string> = new Set(errorCodes);

/** Checks an error (plain checks, not `expect`: they run hundreds of thousands of times). */
function assertCoded(error: ErrorDetail, hostileAllowed: boolean): void {
  const problem = !codes.has(error.code)
    ? 'an unknown code'
    : !Array.isArray(error.path) || !error.path.every((p) => typeof p === 'string' || typeof p === 'number')
      ? 'a path that is not an array of keys'
      : typeof error.message !== 'string' || error.message.trim() === ''
        ? 'no message'
        : MEANINGLESS.test(error.message)
          ? 'a message that does not say what was expected and received'
          : !hostileAllowed && LAST_RESORT.test(error.message)
            ? 'the last resort on a value that can be read (a cause left unfixed)'
            : undefined;
  if (problem !== undefined) throw new Error(`${problem}: ${JSON.stringify({ code: error.code, path: error.path, message: error.message })}`);
}

function assertSafe<T>(run: () => SafeResult<T>, hostileAllowed: boolean): void {
  let result: SafeResult<T>;
  try {
    result = run();
  } catch (error) {
    throw new Error(`a safe twin threw ${error instanceof Error ? `${error.name}: ${error.message}` : typeof error}`);
  }
  if (result.success === false) assertCoded(result.error, hostileAllowed);
  else if (result.success !== true) throw new Error('a safe result without success');
}

const categories: ReadonlySet<string> = new Set(['poor', 'near-poor', 'average', 'none']);

describe('classify', () => {
  const batch = createBatchClassifier({ date });
  const withFacts = createBatchClassifier({ standard: 'nd07-2021', date });

  const check = (input: unknown, options: unknown, hostileAllowed: boolean) => {
    assertSafe(() => safeClassify(input, options as never), hostileAllowed);
    try {
      classifyValue(input, options as never);
    } catch (error) {
      if (!(error instanceof ChuanNgheoError)) throw new Error(`classify threw ${String(error)}`);
    }
    for (const row of [batch.classify(input), withFacts.classifyWithFacts(input)]) {
      if ('error' in row) assertCoded(row.error, hostileAllowed);
      else if (!categories.has(row.category)) throw new Error(`a row without a category: ${row.category}`);
      // An id in a row is one a file can be written with.
      if (row.id !== undefined && typeof row.id !== 'string' && !Number.isFinite(row.id)) throw new Error(`a row with the id ${row.id}`);
    }
  };

  it('never throws for any value fast-check makes, as the input and as the options', () => {
    fc.assert(
      fc.property(anyValue, fc.oneof(anyValue, fc.constant({ date }), fc.constant(undefined)), (input, options) => check(input, options, false)),
      { numRuns: RUNS },
    );
  }, 600_000);

  it('never throws for near-valid households and rosters, and hostile input and options', () => {
    fc.assert(
      fc.property(anyInput, anyOptions, (input, options) => check(materialize(input), materialize(options), true)),
      { numRuns: NEAR_RUNS },
    );
  }, 600_000);

  it.each(Object.keys(makeHostile))('gives a coded error for %s, as the input and as the options', (name) => {
    check(makeHostile[name]!(), { date }, true);
    check({ area: 'rural', size: 1, incomeMonthlyTotal: 1 }, makeHostile[name]!(), true);
    check({ area: 'rural', size: 1, incomeMonthlyTotal: 1 }, { date: makeHostile[name]!() }, true);
  });
});

describe('the other safe twins', () => {
  it('safeDefineStandard and safeStandardInForce never throw', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        assertSafe(() => safeDefineStandard(value), false);
        assertSafe(() => safeStandardInForce(value as never), false);
      }),
      { numRuns: FEWER_RUNS },
    );
    fc.assert(
      fc.property(anyInput, (value) => {
        assertSafe(() => safeDefineStandard(materialize(value)), true);
        assertSafe(() => safeStandardInForce(materialize(value) as never), true);
      }),
      { numRuns: FEWER_RUNS },
    );
  }, 600_000);

  it('safeDeriveIndicators and safeClassifyByScores never throw', () => {
    fc.assert(
      fc.property(anyValue, fc.oneof(anyValue, fc.constant({ date })), (input, options) => {
        assertSafe(() => safeDeriveIndicators(input, options as never), false);
        assertSafe(() => safeClassifyByScores(input, options as never), false);
      }),
      { numRuns: FEWER_RUNS },
    );
    fc.assert(
      fc.property(anyInput, anyOptions, (input, options) => {
        assertSafe(() => safeDeriveIndicators(materialize(input), materialize(options) as never), true);
        assertSafe(() => safeClassifyByScores(materialize(input), materialize(options) as never), true);
      }),
      { numRuns: FEWER_RUNS },
    );
  }, 600_000);

  it('safeParseColumnMap never throws, whatever the text or value', () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        assertSafe(() => safeParseColumnMap(value as never), false);
        // As JSON text too (where the value can be written as JSON), in each place of the structured form.
        for (const shape of [value, { columns: value, values: value, keepColumns: value }, { values: { area: value, indicators: value } }]) {
          let text: string | undefined;
          try {
            text = JSON.stringify(shape);
          } catch {
            text = undefined;
          }
          if (typeof text === 'string') assertSafe(() => safeParseColumnMap(text), false);
        }
      }),
      { numRuns: FEWER_RUNS },
    );
    for (const name of Object.keys(makeHostile)) assertSafe(() => safeParseColumnMap(makeHostile[name]!() as never), true);
  });

  it('safeComputeScoreA and safeAlkireFoster never throw', () => {
    const card = {
      id: 'card',
      title: 'A scorecard',
      reference: 'test',
      confirmed: false,
      areas: { rural: { questions: [{ id: 'roof', label: 'Roof', options: [{ value: 'tile', points: 10 }] }] } },
    };
    fc.assert(
      fc.property(fc.oneof(anyValue, fc.constant(card)), fc.oneof(anyValue, fc.constantFrom('rural', 'urban')), anyValue, (c, area, answers) => {
        assertSafe(() => safeComputeScoreA(c, area as never, answers as never), false);
      }),
      { numRuns: FEWER_RUNS },
    );
    const indicators = [{ id: 'a', dimension: 'x' }, { id: 'b', dimension: 'y' }];
    fc.assert(
      fc.property(
        fc.oneof(anyValue, fc.array(fc.record({ deprived: fc.oneof(fc.subarray(['a', 'b']), anyValue), weight: anyValue, group: anyValue }, { requiredKeys: [] }))),
        fc.oneof(anyValue, fc.record({ indicators: fc.oneof(fc.constant(indicators), anyValue), k: fc.oneof(fc.constantFrom('1/2', 1, 0.5), anyValue), weights: anyValue }, { requiredKeys: [] })),
        (units, options) => assertSafe(() => safeAlkireFoster(units as never, options as never), false),
      ),
      { numRuns: FEWER_RUNS },
    );
    for (const name of Object.keys(makeHostile)) {
      assertSafe(() => safeAlkireFoster(makeHostile[name]!() as never, { indicators, k: '1/2' }), true);
      assertSafe(() => safeAlkireFoster([makeHostile[name]!()] as never, { indicators, k: '1/2' }), true);
      assertSafe(() => safeAlkireFoster([{ deprived: ['a'] }], makeHostile[name]!() as never), true);
      assertSafe(() => safeComputeScoreA(card, 'rural', makeHostile[name]!() as never), true);
    }
  }, 600_000);
});
