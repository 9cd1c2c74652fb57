// Headcounts and the targets report.
import { describe, expect, it } from 'vitest';
import { barChartSvg } from '../../src/report/index.js';
import { compareReviews, createTally, defineTargetPlan, measureTargets, safeCreateTally, safeDefineTargetPlan, safeMeasureTargets, safeTallyAll, tallyAll, type TallyItem, type TargetPlanInput } from '../../src/analytics/index.js';

const indicators = ['healthInsurance', 'housingQuality'];

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
  it('gives each rate exactly beside the rounded one, and no exact share of an empty base', () => {
    expect(r.total.personRatesExact).toEqual({ poor: '400/7', 'near-poor': '100/7', 'poor-or-near-poor': '500/7', average: '0', none: '200/7' });
    expect(r.total.householdRatesExact.poor).toBe('50');
    const groupA = r.groups.find((g) => g.group === 'A')!;
    // Group A has no near-poor household: the rounded share is 0, the exact one absent.
    expect(groupA.indicators[0]).toMatchObject({ shareOfNearPoor: 0, shareOfNearPoorExact: null });
  });
  it('profiles each indicator among all, poor and near-poor households', () => {
    expect(r.total.indicators).toEqual([
      { indicator: 'healthInsurance', all: 2, poor: 1, nearPoor: 1, shareOfAll: 50, shareOfPoor: 50, shareOfNearPoor: 100, shareOfAllExact: '50', shareOfPoorExact: '50', shareOfNearPoorExact: '100' },
      { indicator: 'housingQuality', all: 2, poor: 2, nearPoor: 0, shareOfAll: 50, shareOfPoor: 100, shareOfNearPoor: 0, shareOfAllExact: '50', shareOfPoorExact: '100', shareOfNearPoorExact: '0' },
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
    expect(w.total.householdRatesExact.poor).toBe('100/3');
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

describe('survey weights in exponent form, and weights and items that do not fit', () => {
  const poor = { category: 'poor' as const, deprived: ['healthInsurance'], size: 2 };
  const none = { category: 'none' as const, deprived: [], size: 1 };
  it.each([
    [1e-7, '3e-7', 25],
    ['1.5e-7', 4.5e-7, 25],
    [1e21, '1e21', 50],
    [5e-324, 0, 100],
  ] as const)('weights %s and %s are read exactly: poor rate %s %%', (a, b, rate) => {
    const t = createTally({ indicators });
    t.add({ ...poor, weight: a });
    t.add({ ...none, weight: b });
    expect(t.result().total.householdRates.poor).toBe(rate);
    expect(t.result().weighted).toBe(true);
  });
  it('1e-7 + 3e-7 households and 2 × 1e-7 persons, exactly', () => {
    const t = createTally({ indicators });
    t.add({ ...poor, weight: 1e-7 });
    t.add({ ...none, weight: '3e-7' });
    const r = t.result().total;
    expect(r.households).toEqual({ total: 4e-7, poor: 1e-7, 'near-poor': 0, average: 0, none: 3e-7 });
    expect(r.persons.poor).toBe(2e-7);
    expect(r.indicators[0]).toMatchObject({ all: 1e-7, poor: 1e-7 });
  });
  it('1.5e300 and 5e-324 side by side', () => {
    const t = createTally({ indicators });
    t.add({ ...poor, weight: 1.5e300 });
    t.add({ ...none, weight: 5e-324 });
    expect(t.result().total.households.total).toBe(1.5e300);
    expect(t.result().total.householdRates.poor).toBe(100);
  });
  it.each([
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -1,
    -1e-7,
    '-1',
    'abc',
    '',
    '0x10',
    '1/3',
    '1e1000',
    'Infinity',
    null,
    true,
  ])('weight %j: INVALID_FIELD with the value, and nothing counted', (weight) => {
    const t = createTally({ indicators });
    t.add(none);
    const item = { ...poor, weight } as unknown as TallyItem;
    expect(() => t.add(item)).toThrow(expect.objectContaining({ name: 'ChuanNgheoError', code: 'INVALID_FIELD', path: ['weight'], received: weight }));
    expect(t.safeAdd(item)).toMatchObject({ success: false, error: { code: 'INVALID_FIELD', path: ['weight'] } });
    expect(t.result().total.households).toEqual({ total: 1, poor: 0, 'near-poor': 0, average: 0, none: 1 });
    expect(t.result().weighted).toBe(false);
  });
  it('a message writes the value as JavaScript does', () => {
    expect(createTally({ indicators }).safeAdd({ ...poor, weight: Number.NaN })).toMatchObject({
      error: { message: 'weight: expected a finite number ≥ 0 or a decimal string such as "2.5" or "1.5e-7", received NaN' },
    });
  });
  it.each([
    [null, [], 'INVALID_FIELD'],
    [{ ...poor, category: 'rich' }, ['category'], 'INVALID_FIELD'],
    [{ ...poor, deprived: 'healthInsurance' }, ['deprived'], 'INVALID_FIELD'],
    [{ ...poor, size: 0 }, ['size'], 'INVALID_SIZE'],
    [{ ...poor, size: 2.5 }, ['size'], 'INVALID_SIZE'],
    [{ ...poor, size: '2' }, ['size'], 'INVALID_SIZE'],
    [{ ...poor, group: 7 }, ['group'], 'INVALID_FIELD'],
    [{ ...poor, children: { children: 1, withoutHealthInsurance: Number.NaN, malnourished: 0, notInSchool: 0 } }, ['children', 'withoutHealthInsurance'], 'INVALID_FIELD'],
  ])('item %j: %s %s, not a TypeError', (item, path, code) => {
    const t = createTally({ indicators });
    expect(t.safeAdd(item as unknown as TallyItem)).toMatchObject({ success: false, error: { code, path } });
    expect(t.result().total.households.total).toBe(0);
  });
  it.each([
    [null, []],
    [{ indicators: 'healthInsurance' }, ['indicators']],
    [{ indicators: [1] }, ['indicators', 0]],
    [{ indicators, decimals: -1 }, ['decimals']],
    [{ indicators, decimals: 2.5 }, ['decimals']],
    [{ indicators, decimals: 21 }, ['decimals']],
  ])('options %j: INVALID_FIELD at %j', (options, path) => {
    expect(safeCreateTally(options as never)).toMatchObject({ success: false, error: { code: 'INVALID_FIELD', path } });
    expect(() => createTally(options as never)).toThrow(expect.objectContaining({ code: 'INVALID_FIELD', path }));
  });
  it('tallyAll names the item; safeTallyAll resolves to the failure', async () => {
    const items = [none, { ...poor, weight: Number.NaN }];
    await expect(tallyAll(items, { indicators })).rejects.toMatchObject({ code: 'INVALID_FIELD', path: ['items', 1, 'weight'], message: expect.stringMatching(/^items\[1\]\.weight: /) });
    expect(await safeTallyAll(items, { indicators })).toMatchObject({ success: false, error: { path: ['items', 1, 'weight'] } });
    expect(await safeTallyAll(null as never, { indicators })).toMatchObject({ success: false, error: { path: ['items'] } });
    expect(await safeTallyAll([none], { indicators })).toMatchObject({ success: true, data: { total: { households: { total: 1 } } } });
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
      { name: 'poverty rate change over 2 year(s)', measured: -20, measuredExact: '-20', target: -0.2, targetExact: '-1/5', gap: 19.8, gapExact: '99/5', met: true, unit: 'percentage points' },
      { name: 'healthInsurance among poor households', measured: 50, measuredExact: '50', target: 100, targetExact: '100', gap: -50, gapExact: '-50', met: false, unit: 'percent' },
      { name: 'healthInsurance among poor-or-near-poor households', measured: 66.67, measuredExact: '200/3', target: 60, targetExact: '60', gap: 6.67, gapExact: '20/3', met: true, unit: 'percent' },
      { name: 'housingQuality among near-poor households', measured: 100, measuredExact: '100', target: 100, targetExact: '100', gap: 0, gapExact: '0', met: true, unit: 'percent' },
    ]);
  });
  it('decides whether a target is met on the exact value, not the rounded one', () => {
    // 1 poor household of 1,001 escapes: the rate falls by 100/1001 = 0.0999… points, shown as
    // 0.10, yet short of a fall of 0.1.
    const ids = Array.from({ length: 1001 }, (_, i) => i);
    const transitions = compareReviews(
      ids.map((id) => ({ id, category: id === 0 ? ('poor' as const) : ('none' as const) })),
      ids.map((id) => ({ id, category: 'none' as const })),
    );
    const [change] = measureTargets({ ...plan, coverage: [] }, tally.result(), transitions, 1);
    expect(change).toMatchObject({ measured: -0.1, measuredExact: '-100/1001', target: -0.1, gap: 0, gapExact: '-1/10010', met: false });
  });
  it('rounds the plan half to even and keeps it exactly', () => {
    const [a, b] = [-0.125, -0.135].map((rate) => measureTargets({ ...plan, povertyRateChangePerYear: rate, coverage: [] }, tally.result())[0]);
    expect(a).toMatchObject({ target: -0.12, targetExact: '-1/8' });
    expect(b).toMatchObject({ target: -0.14, targetExact: '-27/200' });
  });
  it('adds weighted counts exactly (0.1 + 0.2 households is 0.3)', () => {
    const weighted = createTally({ indicators });
    weighted.add({ category: 'poor', deprived: ['healthInsurance'], size: 1, weight: '0.1' });
    weighted.add({ category: 'near-poor', deprived: [], size: 1, weight: '0.2' });
    const [coverage] = measureTargets({ ...plan, povertyRateChangePerYear: undefined, coverage: [{ indicator: 'healthInsurance', among: 'poor-or-near-poor', minimumPercent: 66 }] }, weighted.result());
    expect(coverage).toMatchObject({ measured: 66.67, measuredExact: '200/3', met: true });
  });
  it('without an earlier review the rate change cannot be measured', () => {
    expect(measureTargets(plan, tally.result())[0]).toMatchObject({ measured: null, gap: null, met: null });
  });
  it('plan figures in exponent form are read exactly', () => {
    const tiny = { id: 'p', title: 'plan', reference: 'a plan', povertyRateChangePerYear: -1e-7, coverage: [{ indicator: 'healthInsurance', among: 'poor' as const, minimumPercent: 5e-324 }] };
    expect(defineTargetPlan(tiny).povertyRateChangePerYear).toBe(-1e-7);
    const noChange = compareReviews([{ id: 1, category: 'poor' }], [{ id: 1, category: 'poor' }]);
    const [rate, coverage] = measureTargets(tiny, tally.result(), noChange, 2);
    // A fall of 2 × 10^-7 points was planned and none happened: not met, though the target shows as 0.
    expect(rate).toMatchObject({ measured: 0, target: 0, gap: 0, met: false });
    expect(Object.is(rate!.target, -0)).toBe(false);
    expect(coverage).toMatchObject({ measured: 50, target: 0, met: true }); // shown rounded; exact in targetExact
    const huge = measureTargets({ ...tiny, povertyRateChangePerYear: 1.5e300, coverage: [] }, tally.result(), noChange, 2);
    expect(huge[0]).toMatchObject({ target: 3e300, gap: 3e300, met: true });
  });
  it.each([
    [{ povertyRateChangePerYear: Number.NaN }, ['povertyRateChangePerYear'], Number.NaN],
    [{ povertyRateChangePerYear: Number.POSITIVE_INFINITY }, ['povertyRateChangePerYear'], Number.POSITIVE_INFINITY],
    [{ povertyRateChangePerYear: '1e-7' }, ['povertyRateChangePerYear'], '1e-7'],
    [{ coverage: [{ indicator: 'healthInsurance', among: 'poor', minimumPercent: 1e21 }] }, ['coverage', 0, 'minimumPercent'], 1e21],
    [{ coverage: [{ indicator: 'healthInsurance', among: 'poor', minimumPercent: -1e-7 }] }, ['coverage', 0, 'minimumPercent'], -1e-7],
  ])('plan %j: INVALID_FIELD at %j with the value', (change, path, received) => {
    const r = safeDefineTargetPlan({ ...plan, ...change });
    expect(r).toMatchObject({ success: false, error: { code: 'INVALID_FIELD', path } });
    if (!r.success) expect(r.error.received).toEqual(received);
    expect(safeMeasureTargets({ ...plan, ...change } as never, tally.result())).toMatchObject({ success: false, error: { path } });
  });
  it.each([
    [null, undefined, 1, ['tally']],
    [{}, undefined, 1, ['tally']],
    ['tally', { rates: {} }, 1, ['transitions']],
    ['tally', undefined, 0, ['years']],
    ['tally', undefined, Number.NaN, ['years']],
    ['tally', undefined, Number.POSITIVE_INFINITY, ['years']],
  ])('measureTargets with tally %j, transitions %j, years %s: INVALID_FIELD at %j', (t, transitions, years, path) => {
    const args = [plan, t === 'tally' ? tally.result() : t, transitions, years] as const;
    expect(safeMeasureTargets(...(args as unknown as Parameters<typeof measureTargets>))).toMatchObject({ success: false, error: { code: 'INVALID_FIELD', path } });
    expect(() => measureTargets(...(args as unknown as Parameters<typeof measureTargets>))).toThrow(expect.objectContaining({ code: 'INVALID_FIELD', path }));
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
