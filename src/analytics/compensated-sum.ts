/**
 * Compensated (Neumaier) summation: a running sum that carries the low-order bits each addition
 * loses, so that adding a million terms costs no more accuracy than adding two. Variances of
 * survey estimates are sums of many squared deviations; this keeps them to the last bits.
 *
 * @module
 */

/** A running compensated sum. */
export class CompensatedSum {
  private sum = 0;
  private carry = 0;

  /** Adds a term. */
  add(x: number): void {
    const t = this.sum + x;
    // Neumaier's variant: the larger of the two operands keeps its bits, the smaller's lost bits are carried.
    if (Math.abs(this.sum) >= Math.abs(x)) this.carry += this.sum - t + x;
    else this.carry += x - t + this.sum;
    this.sum = t;
  }

  /** The sum so far. */
  value(): number {
    return this.sum + this.carry;
  }
}

/**
 * The compensated sum of numbers.
 *
 * Example:
 *
 *     compensatedSum([1e16, 1, -1e16]) //=> 1
 */
export function compensatedSum(values: Iterable<number>): number {
  const s = new CompensatedSum();
  for (const x of values) s.add(x);
  return s.value();
}

/**
 * Adds `x` at `i` of a pair of arrays that hold sums and their carries (for many sums at once,
 * without an object each).
 *
 * Example:
 *
 *     const sums = new Float64Array(1), carries = new Float64Array(1);
 *     addCompensated(sums, carries, 0, 1e16); addCompensated(sums, carries, 0, 1); addCompensated(sums, carries, 0, -1e16);
 *     sums[0] + carries[0] //=> 1
 */
export function addCompensated(sums: Float64Array, carries: Float64Array, i: number, x: number): void {
  const s = sums[i]!;
  const t = s + x;
  if (Math.abs(s) >= Math.abs(x)) carries[i]! += s - t + x;
  else carries[i]! += x - t + s;
  sums[i] = t;
}
