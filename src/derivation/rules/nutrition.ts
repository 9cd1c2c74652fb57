/**
 * Nutrition (dinh dưỡng): at least one child under 16 is stunted or underweight.
 * Decree 07/2021/NĐ-CP, Art. 3(1)(b).
 *
 * @module
 */
import type { DerivationOf } from '../parameters.js';
import { anyMember, agePath, memberPath, type DerivationContext, type RuleResult } from '../context.js';

export function nutrition(ctx: DerivationContext, p: DerivationOf<'nutrition'>): RuleResult {
  return anyMember(
    ctx,
    (m, i, age) => {
      const malnourished = m.stunted === true || m.underweight === true ? true : m.stunted === false && m.underweight === false ? false : undefined;
      if (malnourished === false) return { state: false };
      if (!age) return { state: undefined, missing: [agePath(i)] };
      if (age.years >= p.childUnder) return { state: false };
      if (malnourished === true) return { state: true };
      return { state: undefined, missing: [m.stunted === undefined ? memberPath(i, 'stunted') : memberPath(i, 'underweight')] };
    },
    () => ({ deprived: `a child under ${p.childUnder} who is stunted or underweight`, none: `no child under ${p.childUnder} is stunted or underweight` }),
  );
}
