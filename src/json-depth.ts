/**
 * The nesting depth of a JSON value, measured without recursion (a value nested thousands deep
 * must not exhaust the stack of whoever reads it).
 *
 * @module
 */

/** The default deepest nesting of a record read from a file: 64 levels. */
export const defaultMaxDepth = 64;

/** Whether `value` nests arrays or objects more than `max` levels deep (a plain value is level 0). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  const stack: unknown[] = [value];
  const depths: number[] = [1];
  while (stack.length) {
    const v = stack.pop() as object;
    const d = depths.pop()!;
    if (d > max) return true;
    const children = Array.isArray(v) ? v : Object.values(v);
    for (const c of children) {
      if (c !== null && typeof c === 'object') {
        stack.push(c);
        depths.push(d + 1);
      }
    }
  }
  return false;
}
