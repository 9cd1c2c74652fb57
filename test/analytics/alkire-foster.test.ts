// Alkire-Foster measures against the public vectors of the specification (measures.md, section 3),
// in exact arithmetic.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal, errorCodes } from '../../src/index.js';
import { alkireFoster, measureChange, safeAlkireFoster, safeMeasureChange, type AfIndicator } from '../../src/analytics/index.js';

// Alkire & Foster (2011), Journal of Public Economics 95:476-487, section 2.
const y = [
  [13.1, 14, 4, 1],
  [15.2, 7, 5, 0],
  [12.5, 10, 1, 0],
  [20, 11, 3, 1],
];
const indicators: AfIndicator[] = [13, 12, 3, 1].map((cutoff, j) => ({ id: `d${j + 1}`, cutoff }));
const units = y.map((achievements) => ({ achievements }));

describe('Alkire & Foster (2011) example', () => {
  it('k = 2 of 4: H = 1/2, A = 3/4, M0 = 3/8, M1 = 171/832, M2 = 21475/129792', () => {
    const r = alkireFoster(units, { indicators, k: '2/4' });
    expect(r.H.exact).toBe('1/2');
    expect(r.A!.exact).toBe('3/4');
    expect(r.M0.exact).toBe('3/8');
    expect(r.M1!.exact).toBe('171/832');
    expect(r.M2!.exact).toBe('21475/129792');
    expect(r.indicators.map((i) => i.uncensoredHeadcount.exact)).toEqual(['1/4', '3/4', '1/4', '1/2']);
    expect(r.indicators.map((i) => i.censoredHeadcount.exact)).toEqual(['1/4', '1/2', '1/4', '1/2']);
  });
  it('contributions sum to exactly 1', () => {
    const r = alkireFoster(units, { indicators, k: '1/2' });
    const sum = r.indicators.map((i) => i.contribution!.exact).reduce((a, b) => addFractions(a, b));
    expect(sum).toBe('1');
  });
  it('k = 1 of 4: H = 3/4, A = 7/12, M0 = 7/16', () => {
    const r = alkireFoster(units, { indicators, k: '1/4' });
    expect([r.H.exact, r.A!.exact, r.M0.exact]).toEqual(['3/4', '7/12', '7/16']);
  });
  it.each(['3/4', '1'])('k = %s: H = 1/4, A = 1, M0 = 1/4', (k) => {
    const r = alkireFoster(units, { indicators, k });
    expect([r.H.exact, r.A!.exact, r.M0.exact]).toEqual(['1/4', '1', '1/4']);
  });
  it('the deprivation matrix can be given directly', () => {
    const g0 = [
      [0, 0, 0, 0],
      [0, 1, 0, 1],
      [1, 1, 1, 1],
      [0, 1, 0, 0],
    ] as (0 | 1)[][];
    const r = alkireFoster(g0.map((deprived) => ({ deprived })), { indicators: indicators.map(({ id }) => ({ id })), k: 0.5 });
    expect(r.M0.exact).toBe('3/8');
    expect(r.M1).toBeUndefined();
  });
});

describe('Global MPI weights (UNDP/OPHI)', () => {
  const global: AfIndicator[] = [
    { id: 'nutrition', dimension: 'health' },
    { id: 'childMortality', dimension: 'health' },
    { id: 'schooling', dimension: 'education' },
    { id: 'attendance', dimension: 'education' },
    ...['cookingFuel', 'sanitation', 'water', 'electricity', 'housing', 'assets'].map((id) => ({ id, dimension: 'living' })),
  ];
  it('nested weights are 1/6 and 1/18; one education and three living-standard deprivations score exactly 1/3: poor', () => {
    const r = alkireFoster([{ deprived: ['schooling', 'water', 'electricity', 'assets'] }], { indicators: global, weights: 'nested', k: '1/3' });
    expect(r.indicators.map((i) => i.weight.exact)).toEqual(['1/6', '1/6', '1/6', '1/6', '1/18', '1/18', '1/18', '1/18', '1/18', '1/18']);
    expect(r.H.exact).toBe('1');
    expect(r.A!.exact).toBe('1/3');
  });
  it('given weights give the same; one deprivation less is vulnerable, not poor', () => {
    const given = global.map((i) => ({ ...i, weight: i.dimension === 'living' ? '1/18' : '1/6' }));
    const r = alkireFoster([{ deprived: ['schooling', 'water', 'electricity'] }], { indicators: given, weights: 'given', k: '1/3' });
    expect(r.H.exact).toBe('0');
    expect(r.vulnerable.exact).toBe('1'); // 1/6 + 2/18 = 5/18 ≥ 1/5
  });
  it('severe at c ≥ 1/2, and contributions by dimension', () => {
    const r = alkireFoster(
      [{ deprived: ['nutrition', 'childMortality', 'schooling'] }, { deprived: [] as string[] }],
      { indicators: global, weights: 'nested', k: '1/3' },
    );
    expect(r.severe.exact).toBe('1/2');
    expect(r.dimensions).toEqual([
      { dimension: 'health', contribution: { exact: '2/3', value: 2 / 3 } },
      { dimension: 'education', contribution: { exact: '1/3', value: 1 / 3 } },
      { dimension: 'living', contribution: { exact: '0', value: 0 } },
    ]);
  });
});

describe('weights, subgroups and changes', () => {
  it('persons: each household weighted by its size', () => {
    const r = alkireFoster([{ deprived: [1, 1], weight: 5 }, { deprived: [0, 0], weight: 3 }], { indicators: [{ id: 'a' }, { id: 'b' }], k: 1 });
    expect(r.H.exact).toBe('5/8');
  });
  it('subgroup decomposition: M0 = Σ (n_g / n) M0_g and group contributions sum to 1', () => {
    const r = alkireFoster(
      y.map((achievements, i) => ({ achievements, group: i < 2 ? 'north' : 'south' })),
      { indicators, k: '2/4' },
    );
    const [north, south] = r.groups;
    expect(north!.M0.exact).toBe('1/4');
    expect(south!.M0.exact).toBe('1/2');
    expect(addFractions(north!.contribution!.exact, south!.contribution!.exact)).toBe('1');
    expect(north!.populationShare.exact).toBe('1/2');
  });
  it('changes over time', () => {
    const c = measureChange('1/4', '1/5', 2);
    expect(c.absolute.exact).toBe('-1/20');
    expect(c.relative!.exact).toBe('-1/5');
    expect(c.annualisedAbsolute.exact).toBe('-1/40');
    expect(c.annualisedRelative).toBeCloseTo(Math.sqrt(0.8) - 1, 12);
  });
  it("refuses 'equal', which mpitbR reads as nested weights, naming both readings", () => {
    const r = safeAlkireFoster([{ deprived: [1, 0, 0] }], { indicators: [{ id: 'a', dimension: 'x' }, { id: 'b', dimension: 'y' }, { id: 'c', dimension: 'y' }], weights: 'equal' } as never);
    expect(r).toMatchObject({ success: false, error: { code: 'AMBIGUOUS_WEIGHTS', path: ['weights'], received: 'equal' } });
    expect(r.success ? '' : r.error.message).toMatch(/'nested'.*'perIndicator'/);
  });
  it('with dimensions, the weighting must be named: nested and per-indicator weights differ', () => {
    const indicators3 = [{ id: 'a', dimension: 'x' }, { id: 'b', dimension: 'y' }, { id: 'c', dimension: 'y' }];
    const missing = safeAlkireFoster([{ deprived: [1, 0, 0] }], { indicators: indicators3, k: '1/2' });
    expect(missing).toMatchObject({ success: false, error: { code: 'MISSING_FIELD', path: ['weights'] } });
    // One deprivation in a dimension of its own: 1/2 nested, 1/3 per indicator.
    expect(alkireFoster([{ deprived: [1, 0, 0] }], { indicators: indicators3, weights: 'nested', k: '1/2' }).H.exact).toBe('1');
    expect(alkireFoster([{ deprived: [1, 0, 0] }], { indicators: indicators3, weights: 'perIndicator', k: '1/2' }).H.exact).toBe('0');
    // Without dimensions the two agree, and 1/d each is the default.
    expect(alkireFoster([{ deprived: [1, 0, 0] }], { indicators: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], k: '1/3' }).M0.exact).toBe('1/3');
  });
  it.each([
    [{ indicators: [{ id: 'a', weight: '1/2' }, { id: 'b', weight: '1/3' }], weights: 'given', k: '1/2' }, ['indicators']],
    [{ indicators: [{ id: 'a' }], k: 0 }, ['k']],
    [{ indicators: [{ id: 'a' }], k: '3/2' }, ['k']],
    [{ indicators: [{ id: 'a' }], k: 'half' }, ['k']],
  ] as const)('rejects %j', (options, path) => {
    const r = safeAlkireFoster([{ deprived: [1] }], options as never);
    expect(r).toMatchObject({ success: false, error: { path } });
  });
  it('rejects a unit of the wrong length with its path', () => {
    expect(safeAlkireFoster([{ deprived: [1] }, { deprived: [1, 0] }], { indicators: [{ id: 'a' }], k: 1 })).toMatchObject({ success: false, error: { path: ['units', 1, 'deprived'] } });
  });
});

describe('numbers JavaScript writes in exponent form are read exactly', () => {
  const two = [{ id: 'a' }, { id: 'b' }];
  it.each([
    [1e-7, '1/10000000'],
    ['1e-7', '1/10000000'],
    ['1.5E-1', '3/20'],
    [5e-324, `1/2${'0'.repeat(323)}`],
  ])('k = %s is %s', (k, expected) => {
    const r = alkireFoster([{ deprived: [1, 0] }, { deprived: [0, 0] }], { indicators: two, k });
    expect(r.k.exact).toBe(expected);
    expect(r.H.exact).toBe('1/2');
  });
  it('a unit weight of 1e21 counts 10^21 units', () => {
    const r = alkireFoster([{ deprived: [1, 1], weight: 1e21 }, { deprived: [0, 0], weight: '1e21' }], { indicators: two, k: 1 });
    expect(r.n.exact).toBe(`2${'0'.repeat(21)}`);
    expect(r.H.exact).toBe('1/2');
  });
  it('weights of 1.5e300 and 5e-324 together: the total is exact and its double is the nearest', () => {
    const r = alkireFoster([{ deprived: [1, 1], weight: 1.5e300 }, { deprived: [0, 0], weight: 5e-324 }], { indicators: two, k: 1 });
    // 15 × 10^299 + 5 × 10^-324 = (3 × 10^623 + 1) / (2 × 10^323)
    expect(r.n.exact).toBe(`${3n * 10n ** 623n + 1n}/${2n * 10n ** 323n}`);
    expect(r.n.value).toBe(1.5e300);
    expect(r.H.value).toBe(1);
    expect(r.H.exact).not.toBe('1');
  });
  it('given weights 1e-7 and 0.9999999 sum to exactly 1, as numbers or strings', () => {
    for (const weight of [1e-7, '1e-7', '0.0000001']) {
      const r = alkireFoster([{ deprived: ['a'] }], { indicators: [{ id: 'a', weight }, { id: 'b', weight: 0.9999999 }], weights: 'given', k: 1e-7 });
      expect(r.indicators[0]!.weight.exact).toBe('1/10000000');
      expect(r.H.exact).toBe('1');
    }
  });
  it('a weight is the decimal the number is written as: 0.3 and 0.7 sum to 1', () => {
    const r = alkireFoster([{ deprived: ['b'] }], { indicators: [{ id: 'a', weight: 0.3 }, { id: 'b', weight: 0.7 }], weights: 'given', k: 0.7 });
    expect(r.H.exact).toBe('1');
  });
  it('cardinal cut-offs and achievements in exponent form', () => {
    const r = alkireFoster([{ achievements: [5e-8, 1e21] }], { indicators: [{ id: 'a', cutoff: 1e-7 }, { id: 'b', cutoff: '1e21' }], k: '1/2' });
    expect(r.M1!.exact).toBe('1/4'); // gap (1e-7 − 5e-8) / 1e-7 = 1/2, weight 1/2
  });
});

describe('bad numbers and shapes are coded errors with path and value', () => {
  const indicators2 = [{ id: 'a' }, { id: 'b' }];
  const errorOf = (units: unknown, options: unknown) => {
    const r = safeAlkireFoster(units as never, options as never);
    if (r.success) throw new Error('expected an error');
    expect(() => alkireFoster(units as never, options as never)).toThrow(expect.objectContaining({ name: 'ChuanNgheoError', code: r.error.code }));
    return r.error;
  };
  it.each([
    ['k NaN', [], { indicators: indicators2, k: Number.NaN }, 'INVALID_FIELD', ['k'], Number.NaN],
    ['k Infinity', [], { indicators: indicators2, k: Number.POSITIVE_INFINITY }, 'INVALID_FIELD', ['k'], Number.POSITIVE_INFINITY],
    ['k -1e-7', [], { indicators: indicators2, k: -1e-7 }, 'INVALID_FIELD', ['k'], -1e-7],
    ['k 1e21', [], { indicators: indicators2, k: 1e21 }, 'INVALID_FIELD', ['k'], 1e21],
    ['k "1e1000" (an exponent of four digits)', [], { indicators: indicators2, k: '1e1000' }, 'INVALID_FIELD', ['k'], '1e1000'],
    ['k "0x1"', [], { indicators: indicators2, k: '0x1' }, 'INVALID_FIELD', ['k'], '0x1'],
    ['k "1/0"', [], { indicators: indicators2, k: '1/0' }, 'INVALID_FIELD', ['k'], '1/0'],
    ['no k', [], { indicators: indicators2 }, 'MISSING_FIELD', ['k'], undefined],
    ['an indicator weight NaN', [], { indicators: [{ id: 'a', weight: Number.NaN }, { id: 'b', weight: 1 }], weights: 'given', k: 1 }, 'INVALID_FIELD', ['indicators', 0, 'weight'], Number.NaN],
    ['an indicator weight -1e-7', [], { indicators: [{ id: 'a', weight: -1e-7 }, { id: 'b', weight: 1.0000001 }], weights: 'given', k: 1 }, 'INVALID_FIELD', ['indicators', 0, 'weight'], -1e-7],
    ['a unit weight NaN', [{ deprived: [1, 0], weight: Number.NaN }], { indicators: indicators2, k: 1 }, 'INVALID_FIELD', ['units', 0, 'weight'], Number.NaN],
    ['a unit weight -Infinity', [{ deprived: [1, 0], weight: Number.NEGATIVE_INFINITY }], { indicators: indicators2, k: 1 }, 'INVALID_FIELD', ['units', 0, 'weight'], Number.NEGATIVE_INFINITY],
    ['a negative unit weight', [{ deprived: [1, 0] }, { deprived: [1, 0], weight: -5e-324 }], { indicators: indicators2, k: 1 }, 'INVALID_FIELD', ['units', 1, 'weight'], -5e-324],
    ['a cut-off of 0', [{ achievements: [0, 0] }], { indicators: [{ id: 'a', cutoff: 0 }, { id: 'b', cutoff: 1 }], k: 1 }, 'INVALID_FIELD', ['indicators', 0, 'cutoff'], 0],
    ['a negative achievement', [{ achievements: [-1e-7, 0] }], { indicators: [{ id: 'a', cutoff: 1 }, { id: 'b', cutoff: 1 }], k: 1 }, 'INVALID_FIELD', ['units', 0, 'achievements', 0], -1e-7],
    ['vulnerableFrom NaN', [], { indicators: indicators2, k: 1, vulnerableFrom: Number.NaN }, 'INVALID_FIELD', ['vulnerableFrom'], Number.NaN],
    ['severeFrom 2', [], { indicators: indicators2, k: 1, severeFrom: 2 }, 'INVALID_FIELD', ['severeFrom'], 2],
  ] as const)('%s', (_, units, options, code, path, received) => {
    const e = errorOf(units, options);
    expect(e).toMatchObject({ code, path });
    expect(e.received).toEqual(received);
    expect(e.message).toMatch(path.length ? String(path[0]) : /./);
  });
  it('a message writes NaN, Infinity and exponents as JavaScript does', () => {
    expect(errorOf([], { indicators: indicators2, k: Number.NaN }).message).toBe('k: expected a finite number, received NaN');
    expect(errorOf([], { indicators: indicators2, k: 1e21 }).message).toBe('k must satisfy 0 < k ≤ 1, received 1e+21');
  });
  it.each([
    ['options null', [], null, []],
    ['options a string', [], 'k=1', []],
    ['indicators null', [], { indicators: null, k: 1 }, ['indicators']],
    ['no indicators', [], { indicators: [], k: 1 }, ['indicators']],
    ['an indicator null', [], { indicators: [null], k: 1 }, ['indicators', 0]],
    ['a hole in the indicators', [], { indicators: [{ id: 'a' }, , { id: 'c' }], k: 1 }, ['indicators', 1]],
    ['an indicator without an id', [], { indicators: [{ dimension: 'x' }], k: 1 }, ['indicators', 0, 'id']],
    ['an id twice', [], { indicators: [{ id: 'a' }, { id: 'a' }], k: 1 }, ['indicators', 1, 'id']],
    ['a dimension that is not a string', [], { indicators: [{ id: 'a', dimension: 1 }], k: 1 }, ['indicators', 0, 'dimension']],
    ['an unknown weighting', [], { indicators: [{ id: 'a' }], weights: 'equl', k: 1 }, ['weights']],
    ['units null', null, { indicators: [{ id: 'a' }], k: 1 }, ['units']],
    ['units a number', 3, { indicators: [{ id: 'a' }], k: 1 }, ['units']],
    ['a unit null', [null], { indicators: [{ id: 'a' }], k: 1 }, ['units', 0]],
    ['deprived a string', [{ deprived: 'a' }], { indicators: [{ id: 'a' }], k: 1 }, ['units', 0, 'deprived']],
    ['achievements a number', [{ achievements: 1 }], { indicators: [{ id: 'a', cutoff: 1 }], k: 1 }, ['units', 0, 'achievements']],
    ['an id that is not a string after one that is', [{ deprived: ['a', 1] }], { indicators: [{ id: 'a' }], k: 1 }, ['units', 0, 'deprived', 1]],
    ['a group that is not a string', [{ deprived: [1], group: 7 }], { indicators: [{ id: 'a' }], k: 1 }, ['units', 0, 'group']],
  ] as const)('%s: INVALID_FIELD, not a TypeError', (_, units, options, path) => {
    expect(errorOf(units, options)).toMatchObject({ code: 'INVALID_FIELD', path });
  });
  it('an unknown indicator id names its place', () => {
    expect(errorOf([{ deprived: ['a', 'z'] }], { indicators: [{ id: 'a' }], k: 1 })).toMatchObject({ code: 'UNKNOWN_INDICATOR', path: ['units', 0, 'deprived', 1], received: 'z' });
  });
});

describe('measureChange when a measure is not defined', () => {
  const indicators2 = [{ id: 'a' }, { id: 'b' }];
  const nobodyPoor = alkireFoster([{ deprived: [0, 0] }, { deprived: [1, 0] }], { indicators: indicators2, k: 1 });
  const somePoor = alkireFoster([{ deprived: [1, 1] }, { deprived: [1, 0] }], { indicators: indicators2, k: 1 });
  it('A is null where nobody is poor; the change of H and M0 is defined, that of A is not', () => {
    expect(nobodyPoor.A).toBeNull();
    expect(measureChange(nobodyPoor.H, somePoor.H, 2)).toMatchObject({ defined: true, absolute: { exact: '1/2' }, relative: null });
    expect(measureChange(nobodyPoor.M0, somePoor.M0, 2)).toMatchObject({ defined: true, absolute: { exact: '1/2' }, annualisedAbsolute: { exact: '1/4' } });
    expect(measureChange(nobodyPoor.A, somePoor.A, 2)).toEqual({
      defined: false,
      absolute: null,
      relative: null,
      annualisedAbsolute: null,
      annualisedRelative: null,
      reason: 'from is null: the measure is not defined at the earlier time (as the intensity A is not where nobody is poor), so neither is its change',
    });
  });
  it('either end, or both', () => {
    expect(measureChange(somePoor.A, nobodyPoor.A, 1)).toMatchObject({ defined: false, reason: expect.stringMatching(/^to is null: .* later time/) });
    expect(measureChange(null, null, 1)).toMatchObject({ defined: false, reason: expect.stringMatching(/^from and to are null/) });
  });
  it('the years are still checked', () => {
    expect(safeMeasureChange(null, '1/2', 0)).toMatchObject({ success: false, error: { code: 'INVALID_FIELD', path: ['years'], received: 0 } });
  });
  it('reads exponent forms exactly and stays finite on huge ratios', () => {
    expect(measureChange(1e-7, '2e-7', 1)).toMatchObject({ absolute: { exact: '1/10000000' }, relative: { exact: '1' }, annualisedRelative: 1 });
    // (1.5e300 / 5e-324)^(1/1000) − 1, through logarithms: the ratio is beyond a double.
    const c = measureChange(5e-324, 1.5e300, 1000);
    expect(c.annualisedRelative).toBeCloseTo(Math.exp((Math.log(3) + 623 * Math.LN10) / 1000) - 1, 10);
    expect(c.relative!.value).toBe(Number.POSITIVE_INFINITY);
  });
  it('no annualised rate between measures of opposite signs', () => {
    expect(measureChange(-1, 1, 2).annualisedRelative).toBeNull();
    expect(measureChange('1/2', 0, 2).annualisedRelative).toBe(-1);
  });
  it.each([
    [undefined, '1/2', 1, ['from']],
    [{}, '1/2', 1, ['from']],
    [{ exact: 'x' }, '1/2', 1, ['from', 'exact']],
    ['1/2', Number.NaN, 1, ['to']],
    ['1/2', '1/3', Number.POSITIVE_INFINITY, ['years']],
    ['1/2', '1/3', -1e-7, ['years']],
    ['1/2', '1/3', '1e-7', null],
  ] as const)('safeMeasureChange(%j, %j, %j)', (from, to, years, path) => {
    const r = safeMeasureChange(from as never, to as never, years as never);
    if (path === null) expect(r.success).toBe(true);
    else expect(r).toMatchObject({ success: false, error: { code: 'INVALID_FIELD', path } });
    if (!r.success) expect(errorCodes).toContain(r.error.code);
  });
});

describe('safeAlkireFoster never throws', () => {
  // Mostly input that fits, so that the measures are computed, with any value put in its place now
  // and then: doubles (NaN, ±Infinity, -0 and subnormals included), the exponent forms JavaScript
  // writes, exponent strings in and out of range, fractions with a zero denominator, and junk.
  const junk = fc.oneof(
    fc.double(),
    fc.constantFrom(-1e-7, -1.5e300, -5e-324, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 1e21, 2),
    fc.tuple(fc.integer({ min: -99, max: 99 }), fc.integer({ min: -1200, max: 1200 })).map(([m, e]) => `${m}e${e}`),
    fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: 0, max: 5 })).map(([n, d]) => `${n}/${d}`),
    fc.constantFrom('1e1000', '1e-1000', '0x10', 'NaN', 'Infinity', '', '.5', '5.', '1e', 'e5', '1/0'),
    fc.anything({ maxDepth: 1 }),
  );
  const sometimesJunk = <T,>(good: fc.Arbitrary<T>) => fc.oneof({ weight: 30, arbitrary: good }, { weight: 1, arbitrary: junk });
  const exponentString = (min: number, max: number) => fc.tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min, max })).map(([m, e]) => `${m}e${e}`);
  const unitWeight = sometimesJunk(
    fc.oneof(
      fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }),
      fc.constantFrom(1, 1e-7, 1e21, 5e-324, 1.5e300, '2.5', '1/3'),
      exponentString(-400, 400),
    ),
  );
  const cut = sometimesJunk(fc.oneof(fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true }), fc.constantFrom(1e-7, 5e-324, '1/3', '1e-7', '5e-1', 1), exponentString(-400, -2)));
  const positive = sometimesJunk(fc.oneof(fc.double({ min: Number.MIN_VALUE, max: Number.MAX_VALUE, noNaN: true }), fc.constantFrom(1e-7, 1e21, '1.5e300'), exponentString(-400, 400)));
  const achievement = sometimesJunk(fc.oneof(fc.double({ min: 0, max: Number.MAX_VALUE, noNaN: true }), fc.constantFrom(0, 5e-324, 1e21), exponentString(-400, 400)));

  const scenario = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { minLength: 1, maxLength: 4 }).chain((ids) => {
    const d = ids.length;
    const given = fc.constantFrom<readonly (number | string)[]>(
      ids.map(() => `1/${d}`),
      ids.map((_, j) => (j === 0 ? (d === 1 ? 1 : 1e-7) : j === 1 ? `${1 - 1e-7 * (d - 1)}` : 1e-7)),
    );
    const deprived = fc.oneof(fc.array(fc.constantFrom(0, 1, true, false), { minLength: d, maxLength: d }), fc.subarray(ids));
    return fc.record({
      cardinal: fc.boolean(),
      mode: fc.constantFrom('perIndicator', 'nested', 'given'),
      given,
      dimensions: fc.array(fc.constantFrom('x', 'y'), { minLength: d, maxLength: d }),
      cutoffs: fc.array(positive, { minLength: d, maxLength: d }),
      k: cut,
      vulnerableFrom: fc.option(cut, { nil: undefined }),
      severeFrom: fc.option(cut, { nil: undefined }),
      units: fc.array(
        fc.record({
          deprived: sometimesJunk(deprived),
          achievements: fc.array(achievement, { minLength: d, maxLength: d }),
          weight: fc.option(unitWeight, { nil: undefined }),
          group: fc.option(sometimesJunk(fc.constantFrom('north', 'south')), { nil: undefined }),
        }),
        { maxLength: 6 },
      ),
      broken: fc.oneof({ weight: 30, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('options', 'units', 'indicator', 'unit') }),
      junk,
    }).map((x) => {
      const indicators = ids.map((id, j) => ({ id, dimension: x.dimensions[j], ...(x.mode === 'given' ? { weight: x.given[j] } : {}), ...(x.cardinal ? { cutoff: x.cutoffs[j] } : {}) }));
      const units = x.units.map((u) => ({ ...(x.cardinal ? { achievements: u.achievements } : { deprived: u.deprived }), ...(u.weight !== undefined ? { weight: u.weight } : {}), ...(u.group !== undefined ? { group: u.group } : {}) }));
      const options = { indicators, weights: x.mode, k: x.k, ...(x.vulnerableFrom !== undefined ? { vulnerableFrom: x.vulnerableFrom } : {}), ...(x.severeFrom !== undefined ? { severeFrom: x.severeFrom } : {}) };
      if (x.broken === 'options') return { units, options: x.junk };
      if (x.broken === 'units') return { units: x.junk, options };
      if (x.broken === 'indicator') return { units, options: { ...options, indicators: [...indicators.slice(1), x.junk] } };
      if (x.broken === 'unit') return { units: [...units, x.junk], options };
      return { units, options };
    });
  });

  it('for arbitrary weights, k and units: a coded error, or figures between 0 and 1', () => {
    fc.assert(
      fc.property(scenario, ({ units: us, options: opts }) => {
        const r = safeAlkireFoster(us as never, opts as never);
        if (!r.success) {
          expect(errorCodes).toContain(r.error.code);
          expect(Array.isArray(r.error.path)).toBe(true);
          expect(r.error.message).not.toMatch(/Invalid argument|Division by Zero|TypeError/);
          return;
        }
        const { H, M0, A } = r.data;
        for (const v of [H, M0]) expect(v.value >= 0 && v.value <= 1).toBe(true);
        expect(A === null ? r.data.q.exact === '0' : A.value > 0 && A.value <= 1).toBe(true);
        expect(Number.isNaN(r.data.n.value)).toBe(false);
        expect(() => JSON.stringify(r.data)).not.toThrow();
      }),
      { numRuns: 1000 },
    );
  });

  it('a number and its decimal written out in full give the same exact figures', () => {
    const weight = fc.double({ min: 0, noNaN: true, noDefaultInfinity: true, max: Number.MAX_VALUE });
    fc.assert(
      fc.property(weight, weight, fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true }), (w1, w2, k) => {
        const measure = (a: number | string, b: number | string, cut: number | string) =>
          alkireFoster([{ deprived: [1, 0], weight: a }, { deprived: [0, 1], weight: b }], { indicators: [{ id: 'a', weight: '1/3' }, { id: 'b', weight: '2/3' }], weights: 'given', k: cut });
        const written = (x: number) => new Decimal(x).toFixed();
        expect(measure(w1, w2, k)).toEqual(measure(written(w1), written(w2), written(k)));
      }),
      { numRuns: 300 },
    );
  });
});

function addFractions(a: string, b: string): string {
  const [an, ad = '1'] = a.split('/');
  const [bn, bd = '1'] = b.split('/');
  const n = BigInt(an!) * BigInt(bd) + BigInt(bn!) * BigInt(ad);
  const d = BigInt(ad) * BigInt(bd);
  const g = gcd(n < 0n ? -n : n, d);
  return d / g === 1n ? `${n / g}` : `${n / g}/${d / g}`;
}
function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}
