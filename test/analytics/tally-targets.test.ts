// Headcounts and the targets report.
import { describe, expect, it } from 'vitest';
import { barChartSvg, compareReviews, createBatchClassifier, createRowReader, createTally, measureTargets, tallyAll, type TargetPlanInput } from '../../src/index.js';

const indicators = ['healthInsurance', 'housingQuality'];

describe('grouping names that objects know', () => {
  const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
  it('a table column named like them is an attribute of its own, and a household tallies under its value', () => {
    const batch = createBatchClassifier({ date: '2025-12-01' });
    const reader = createRowReader(['id', 'area', 'size', 'incomeMonthlyTotal', ...names], batch);
    const h = reader.toHousehold(['A', 'rural', '1', '1', 'X', 'C', 'T', 'H', 'V']);
    const attributes = h.attributes as Record<string, unknown>;
    expect(names.map((n) => [n, Object.hasOwn(attributes, n) ? attributes[n] : 'missing'])).toEqual(names.map((n, i) => [n, ['X', 'C', 'T', 'H', 'V'][i]]));
    expect(batch.classify(h)).toMatchObject({ id: 'A', category: 'near-poor' });
    const tally = createTally({ indicators });
    tally.add({ category: 'poor', deprived: [], size: 1, group: attributes.__proto__ as string });
    expect(tally.result().groups.map((g) => [g.group, g.households.poor])).toEqual([['X', 1]]);
  });
  it('groups named like them are ordinary groups, and no prototype is touched', () => {
    const tally = createTally({ indicators });
    for (const group of names) tally.add({ category: 'poor', deprived: ['healthInsurance'], size: 2, group });
    tally.add({ category: 'none', deprived: [], size: 1, group: '__proto__' });
    const r = tally.result();
    expect(r.groups.map((g) => [g.group, g.households.total, g.households.poor])).toEqual(
      [...names].sort((a, b) => a.localeCompare(b, 'vi')).map((n) => [n, n === '__proto__' ? 2 : 1, 1]),
    );
    expect(r.total.households.total).toBe(6);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(Object.keys(Object.prototype)).toEqual([]);
    expect(({} as Record<string, unknown>).poor).toBeUndefined();
    expect(typeof ({}).toString).toBe('function');
  });
  it('an unknown category, size or weight is an error naming the field, not a crash', () => {
    const tally = createTally({ indicators });
    expect(() => tally.add({ category: '__proto__' as never, deprived: [], size: 1 })).toThrow(expect.objectContaining({ code: 'INVALID_FIELD', path: ['category'] }));
    expect(() => tally.add({ category: 'poor', deprived: [], size: -1 })).toThrow(expect.objectContaining({ code: 'INVALID_FIELD', path: ['size'] }));
    expect(() => tally.add({ category: 'poor', deprived: [], size: 1, weight: '-1' })).toThrow(expect.objectContaining({ code: 'INVALID_FIELD', path: ['weight'] }));
    expect(tally.result().total.households.total).toBe(0);
  });
});

describe('createTally', () => {
  const tally = createTally({ indicators });
  tally.add({ category: 'poor', deprived: ['healthInsurance', 'housingQuality'], size: 5, group: 'A' });
  tally.add({ category: 'poor', deprived: ['housingQuality'], size: 3, group: 'A' });
  tally.add({ category: 'near-poor', deprived: ['healthInsurance'], size: 2, group: 'B' });
  tally.add({ category: 'none', deprived: [], size: 4, group: 'B' });
  const r = tally.result();
  it('counts households and persons by category', () => {
    expect(r.total.households).toEqual({ total: 4, poor: 2, 'near-poor': 1, average: 0, none: 1 });
    expect(r.total.persons).toEqual({ total: 14, poor: 8, 'near-poor': 2, average: 0, none: 4 });
    expect(r.total.householdRates).toEqual({ poor: 50, 'near-poor': 25, 'poor-or-near-poor': 75, average: 0, none: 25 });
    expect(r.total.personRates.poor).toBe(57.14); // 8/14 = 57.142…
  });
  it('profiles each indicator among all, poor and near-poor households', () => {
    expect(r.total.indicators).toEqual([
      { indicator: 'healthInsurance', all: 2, poor: 1, nearPoor: 1, shareOfAll: 50, shareOfPoor: 50, shareOfNearPoor: 100 },
      { indicator: 'housingQuality', all: 2, poor: 2, nearPoor: 0, shareOfAll: 50, shareOfPoor: 100, shareOfNearPoor: 0 },
    ]);
    expect(r.total.deprivationsOfPoor).toBe(3);
  });
  it('groups, sorted', () => {
    expect(r.groups.map((g) => [g.group, g.households.total, g.householdRates.poor])).toEqual([
      ['A', 2, 100],
      ['B', 2, 0],
    ]);
  });
  it('weights are exact decimals', async () => {
    const w = await tallyAll(
      (async function* () {
        yield { category: 'poor' as const, deprived: [], size: 1, weight: '0.1' };
        yield { category: 'none' as const, deprived: [], size: 1, weight: '0.2' };
      })(),
      { indicators },
    );
    expect(w.total.households.total).toBe(0.3);
    expect(w.total.householdRates.poor).toBe(33.33);
    expect(w.weighted).toBe(true);
  });
  it('stays exact when whole counts meet a fractional weight, and beyond the safe integers', () => {
    const t = createTally({ indicators });
    t.add({ category: 'poor', deprived: ['healthInsurance'], size: 3 });
    t.add({ category: 'poor', deprived: ['healthInsurance'], size: 2, weight: 2 });
    t.add({ category: 'near-poor', deprived: ['healthInsurance'], size: 3, weight: '0.1' });
    const mixed = t.result().total;
    expect(mixed.households).toEqual({ total: 3.1, poor: 3, 'near-poor': 0.1, average: 0, none: 0 });
    expect(mixed.persons.total).toBe(7.3); // 3 + 2 × 2 + 0.1 × 3
    expect(mixed.indicators[0]).toMatchObject({ all: 3.1, poor: 3, nearPoor: 0.1 });
    expect(mixed.householdRates.poor).toBe(96.77); // 3 / 3.1 = 96.774…
    const big = createTally({ indicators });
    big.add({ category: 'poor', deprived: [], size: 1, weight: Number.MAX_SAFE_INTEGER });
    big.add({ category: 'poor', deprived: [], size: 1, weight: 2 });
    // 2^53 + 1 is not a double: the exact total is kept, and the rate is exactly 100.
    expect(big.result().total.householdRates.poor).toBe(100);
    expect(big.result().total.households.total).toBe(Number.MAX_SAFE_INTEGER + 2);
  });
});

describe('measureTargets', () => {
  const tally = createTally({ indicators });
  tally.add({ category: 'poor', deprived: ['healthInsurance'], size: 1 });
  tally.add({ category: 'poor', deprived: [], size: 1 });
  tally.add({ category: 'near-poor', deprived: [], size: 1 });
  tally.add({ category: 'none', deprived: ['healthInsurance'], size: 1 });
  const plan: TargetPlanInput = {
    id: 'p',
    title: 'plan',
    reference: 'a plan',
    povertyRateChangePerYear: -0.1,
    coverage: [
      { indicator: 'healthInsurance', among: 'poor', minimumPercent: 100 },
      { indicator: 'healthInsurance', among: 'poor-or-near-poor', minimumPercent: 60 },
      { indicator: 'housingQuality', among: 'near-poor', minimumPercent: 100 },
    ],
  };
  it('gives measured, target, gap and whether met', () => {
    const transitions = compareReviews(
      [1, 2, 3, 4, 5].map((id) => ({ id, category: id <= 3 ? ('poor' as const) : ('none' as const) })),
      [1, 2, 3, 4, 5].map((id) => ({ id, category: id <= 2 ? ('poor' as const) : ('none' as const) })),
    );
    const results = measureTargets(plan, tally.result(), transitions, 2);
    expect(results).toEqual([
      { name: 'poverty rate change over 2 year(s)', measured: -20, target: -0.2, gap: 19.8, met: true, unit: 'percentage points' },
      { name: 'healthInsurance among poor households', measured: 50, target: 100, gap: -50, met: false, unit: 'percent' },
      { name: 'healthInsurance among poor-or-near-poor households', measured: 66.67, target: 60, gap: 6.67, met: true, unit: 'percent' },
      { name: 'housingQuality among near-poor households', measured: 100, target: 100, gap: 0, met: true, unit: 'percent' },
    ]);
  });
  it('without an earlier review the rate change cannot be measured', () => {
    expect(measureTargets(plan, tally.result())[0]).toMatchObject({ measured: null, gap: null, met: null });
  });
  it('a target on an unknown indicator is an error', () => {
    expect(() => measureTargets({ ...plan, coverage: [{ indicator: 'x', among: 'poor', minimumPercent: 1 }] }, tally.result())).toThrow(expect.objectContaining({ code: 'UNKNOWN_INDICATOR', path: ['coverage', 0, 'indicator'] }));
  });
});

describe('barChartSvg', () => {
  it('draws one bar per value, escapes text, and scales to the maximum', () => {
    const svg = barChartSvg({ title: 'A & B <test>', series: ['x', 'y'], groups: [{ label: 'Xã Tân Lập', values: [50, 25] }], unit: '%', max: 100 });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('A &amp; B &lt;test&gt;');
    expect(svg.match(/<rect [^>]*><title>/g)).toHaveLength(2);
    expect(svg).toContain('width="230.00"'); // 50 % of a 460-pixel plot
    expect(svg).toContain('width="115.00"');
  });
});
