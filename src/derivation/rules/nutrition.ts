/**
 * Nutrition (dinh dưỡng): at least one child under 16 is stunted or underweight.
 * Decree 07/2021/NĐ-CP, Art. 3(1)(b).
 *
 * @module
 */
import type { DerivationOf } from '../parameters.js';
import { anyMember, type DerivationContext, type RuleResult } from '../context.js';

export function nutrition(ctx: DerivationContext, p: DerivationOf<'nutrition'>): RuleResult {
  return anyMember(
    ctx,
    (m, _i, age, miss) => {
      const malnourished = m.stunted === true || m.underweight === true ? true : m.stunted === false && m.underweight === false ? false : undefined;
      if (malnourished === false) return false;
      if (!age) return miss('dateOfBirth');
      if (age.years >= p.childUnder) return false;
      if (malnourished === true) return true;
      return miss(m.stunted === undefined ? 'stunted' : 'underweight');
    },
    () => ({ deprived: `a child under ${p.childUnder} who is stunted or underweight`, none: `no child under ${p.childUnder} is stunted or underweight` }),
  );
}
