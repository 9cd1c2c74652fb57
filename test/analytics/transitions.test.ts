// Movement between two reviews, case by case (the official templates: beginning, escaped, fallen
// back, newly poor, moved between lists, end).
import { describe, expect, it } from 'vitest';
import { compareReviews, safeCompareReviews, type ReviewEntry } from '../../src/analytics/index.js';

const before: ReviewEntry[] = [
  { id: 'stays-poor', category: 'poor' },
  { id: 'poor-to-near', category: 'poor' },
  { id: 'poor-to-average', category: 'poor' },
  { id: 'poor-leaves', category: 'poor' },
  { id: 'near-stays', category: 'near-poor' },
  { id: 'near-to-poor', category: 'near-poor' },
  { id: 'near-to-none', category: 'near-poor' },
  { id: 'escaped-falls-back', category: 'average', escaped: 'poverty' },
  { id: 'never-becomes-poor', category: 'none' },
  { id: 'escaped-near-falls-back', category: 'none', escaped: 'near-poverty' },
];
const after: ReviewEntry[] = [
  { id: 'stays-poor', category: 'poor' },
  { id: 'poor-to-near', category: 'near-poor' },
  { id: 'poor-to-average', category: 'average' },
  { id: 'near-stays', category: 'near-poor' },
  { id: 'near-to-poor', category: 'poor' },
  { id: 'near-to-none', category: 'none' },
  { id: 'escaped-falls-back', category: 'poor' },
  { id: 'never-becomes-poor', category: 'poor' },
  { id: 'escaped-near-falls-back', category: 'near-poor' },
  { id: 'new-household', category: 'near-poor' },
];

describe('compareReviews', () => {
  const t = compareReviews(before, after);
  it('poor list', () => {
    expect(t.poor).toEqual({
      list: 'poor',
      beginning: 4,
      stayed: 1,
      escaped: 2,
      escapedToNearPoor: 1,
      movedToPoor: 0,
      movedIn: 1, // near-to-poor
      fallenBack: 1, // escaped-falls-back
      newlyOn: 1, // never-becomes-poor
      left: 1, // poor-leaves
      end: 4,
    });
  });
  it('near-poor list', () => {
    expect(t.nearPoor).toEqual({
      list: 'near-poor',
      beginning: 3,
      stayed: 1,
      escaped: 1, // near-to-none
      escapedToNearPoor: 0,
      movedToPoor: 1, // near-to-poor
      movedIn: 1, // poor-to-near
      fallenBack: 1, // escaped-near-falls-back
      newlyOn: 1, // new-household
      left: 0,
      end: 4,
    });
  });
  it('balances: beginning − outflows + inflows = end', () => {
    for (const m of [t.poor, t.nearPoor]) {
      expect(m.beginning - m.escaped - m.movedToPoor - m.left + m.movedIn + m.fallenBack + m.newlyOn).toBe(m.end);
    }
  });
  it('rates and their change in percentage points, from exact rates', () => {
    expect(t.households).toEqual({ before: 10, after: 10, matched: 9, left: 1, arrived: 1 });
    expect(t.rates).toMatchObject({ poorBefore: 40, poorAfter: 40, poorChange: 0, nearPoorBefore: 30, nearPoorAfter: 40, nearPoorChange: 10 });
    // 1/3 → 1/6: 33.33 → 16.67, change −16.67 (not −16.66 from the rounded rates).
    const r = compareReviews(
      [{ id: 1, category: 'poor' }, { id: 2, category: 'none' }, { id: 3, category: 'none' }],
      [1, 2, 3, 4, 5, 6].map((id) => ({ id, category: id === 1 ? ('poor' as const) : ('none' as const) })),
    );
    expect(r.rates).toMatchObject({ poorBefore: 33.33, poorAfter: 16.67, poorChange: -16.67 });
    expect(r.rates.exact).toMatchObject({ poorBefore: '100/3', poorAfter: '50/3', poorChange: '-50/3' });
    expect(compareReviews([], [{ id: 1, category: 'poor' }]).rates.exact).toEqual({
      poorBefore: null,
      poorAfter: '100',
      poorChange: null,
      nearPoorBefore: null,
      nearPoorAfter: '0',
      nearPoorChange: null,
    });
  });
  it('a repeated id is an error naming it', () => {
    expect(() => compareReviews([{ id: 'a', category: 'poor' }, { id: 'a', category: 'none' }], [])).toThrow(expect.objectContaining({ code: 'INVALID_FIELD', path: ['before', 1, 'id'] }));
  });
  it.each([
    [null, [], ['before']],
    [[null], [], ['before', 0]],
    [[{ category: 'poor' }], [], ['before', 0, 'id']],
    [[{ id: Number.NaN, category: 'poor' }], [], ['before', 0, 'id']],
    [[], [{ id: 1, category: 'rich' }], ['after', 0, 'category']],
    [[{ id: 1, category: 'poor', escaped: 'yes' }], [], ['before', 0, 'escaped']],
  ])('%j → %j: INVALID_FIELD at %j, not a TypeError', (a, b, path) => {
    expect(safeCompareReviews(a as never, b as never)).toMatchObject({ success: false, error: { code: 'INVALID_FIELD', path } });
    expect(() => compareReviews(a as never, b as never)).toThrow(expect.objectContaining({ code: 'INVALID_FIELD', path }));
  });
  it.each([-1, 2.5, 21, Number.NaN])('decimals %s: INVALID_FIELD', (decimals) => {
    expect(safeCompareReviews([], [], { decimals })).toMatchObject({ success: false, error: { code: 'INVALID_FIELD', path: ['decimals'], received: decimals } });
  });
  it('safeCompareReviews gives the comparison', () => {
    expect(safeCompareReviews(before, after)).toEqual({ success: true, data: t });
  });
});
