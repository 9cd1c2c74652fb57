// Alkire-Foster measures against the public vectors of the specification (measures.md, section 3),
// in exact arithmetic.
import { describe, expect, it } from 'vitest';
import { alkireFoster, measureChange, safeAlkireFoster, type AfIndicator } from '../../src/index.js';

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
