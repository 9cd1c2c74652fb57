import { describe, expect, it } from 'vitest';
import { addCompensated, CompensatedSum, compensatedSum } from '../../src/analytics/compensated-sum.js';

describe('compensated summation', () => {
  it('keeps what plain addition loses: 1e16 + 1 − 1e16 = 1', () => {
    expect(1e16 + 1 - 1e16).toBe(0);
    expect(compensatedSum([1e16, 1, -1e16])).toBe(1);
  });
  it('a million tenths make exactly 100000 (plain addition drifts)', () => {
    const s = new CompensatedSum();
    let plain = 0;
    for (let i = 0; i < 1_000_000; i++) {
      s.add(0.1);
      plain += 0.1;
    }
    expect(Math.abs(s.value() - 100000)).toBeLessThan(1e-9);
    expect(Math.abs(plain - 100000)).toBeGreaterThan(1e-7);
  });
  it('many sums at once in two arrays', () => {
    const sums = new Float64Array(2);
    const carries = new Float64Array(2);
    for (const x of [1e16, 1, -1e16]) addCompensated(sums, carries, 1, x);
    expect(sums[1]! + carries[1]!).toBe(1);
    expect(sums[0]).toBe(0);
  });
});
