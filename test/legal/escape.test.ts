// Escape from poverty (Decision 24/2021/QĐ-TTg: the commune recognises escaped households) and
// the "newly escaped" window: "thời gian kể từ khi ra khỏi danh sách hộ nghèo, hộ cận nghèo tối
// đa là 3 năm" (Decision 28/2015/QĐ-TTg, as quoted by a provincial portal and a legal publisher).
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';

const date = '2025-12-01';
const above = { area: 'rural', size: 1, incomeMonthlyPerCapita: 1_600_000, deprived: [] };
const nearPoor = { area: 'rural', size: 1, incomeMonthlyPerCapita: 1_400_000, deprived: [] };
const poor = { area: 'rural', size: 1, incomeMonthlyPerCapita: 1_400_000, deprived: ['employment', 'nutrition', 'housingArea'] };

describe('escape status', () => {
  it('previously poor, now average: newly escaped poverty, window of 36 months from this review', () => {
    const r = classify({ ...above, previousCategory: 'poor', previousRecognizedOn: '2024-12-10' }, { date });
    expect(r.newlyEscaped).toBe(true);
    expect(r.escape).toEqual({
      from: 'poverty',
      previousCategory: 'poor',
      previousRecognizedOn: '2024-12-10',
      recognizedOn: date,
      windowMonths: 36,
      windowEndsOn: '2028-12-01',
      windowConfirmed: true,
    });
    expect(r.unconfirmed).not.toContain('escape');
    expect(r.trace.find((t) => t.step === 'escape')).toMatchObject({ reference: 'Decision 28/2015/QĐ-TTg', confirmed: true });
  });
  it('previously poor, now near-poor: escaped poverty', () => {
    expect(classify({ ...nearPoor, previousCategory: 'poor', previousRecognizedOn: '2024-12-10' }, { date }).escape!.from).toBe('poverty');
  });
  it('previously poor, still poor: no escape', () => {
    const r = classify({ ...poor, previousCategory: 'poor', previousRecognizedOn: '2024-12-10' }, { date });
    expect(r.newlyEscaped).toBe(false);
    expect(r.escape).toBeNull();
  });
  it('previously near-poor, now above the line: escaped near-poverty', () => {
    expect(classify({ ...above, previousCategory: 'near-poor', previousRecognizedOn: '2024-12-10' }, { date }).escape!.from).toBe('near-poverty');
  });
  it('previously near-poor, now poor: no escape', () => {
    expect(classify({ ...poor, previousCategory: 'near-poor', previousRecognizedOn: '2024-12-10' }, { date }).newlyEscaped).toBe(false);
  });
  it('a window ending at the end of February is clamped (2024-02-29 + 36 months = 2027-02-28)', () => {
    const r = classify({ ...above, previousCategory: 'poor', previousRecognizedOn: '2023-12-10' }, { date: '2024-02-29' });
    expect(r.escape!.windowEndsOn).toBe('2027-02-28');
  });
  it('without a previous category there is no escape', () => {
    expect(classify(above, { date }).escape).toBeNull();
  });
  it('a previous recognition after the review date is an error', () => {
    expect(() => classify({ ...above, previousCategory: 'poor', previousRecognizedOn: '2025-12-02' }, { date })).toThrow(
      expect.objectContaining({ code: 'INVALID_PREVIOUS_STATUS', path: ['previousRecognizedOn'], received: '2025-12-02' }),
    );
  });
  it('the category and its date go together', () => {
    expect(() => classify({ ...above, previousCategory: 'poor' }, { date })).toThrow(expect.objectContaining({ code: 'INVALID_PREVIOUS_STATUS', path: ['previousRecognizedOn'] }));
    expect(() => classify({ ...above, previousRecognizedOn: '2024-12-10' }, { date })).toThrow(expect.objectContaining({ code: 'INVALID_PREVIOUS_STATUS', path: ['previousCategory'] }));
  });
});
