/**
 * Health insurance (bảo hiểm y tế): at least one member aged 6 or more has none.
 * Decree 07/2021/NĐ-CP, Art. 3(1)(b).
 *
 * @module
 */
import type { DerivationOf } from '../parameters.js';
import { anyMember, agePath, memberPath, type DerivationContext, type RuleResult } from '../context.js';

export function healthInsurance(ctx: DerivationContext, p: DerivationOf<'healthInsurance'>): RuleResult {
  return anyMember(
    ctx,
    (m, i, age) => {
      if (m.healthInsurance === true) return { state: false };
      if (age && age.years < p.fromAge) return { state: false };
      if (!age) return { state: undefined, missing: [agePath(i), ...(m.healthInsurance === undefined ? [memberPath(i, 'healthInsurance')] : [])] };
      if (m.healthInsurance === undefined) return { state: undefined, missing: [memberPath(i, 'healthInsurance')] };
      return { state: true };
    },
    () => ({ deprived: `aged ${p.fromAge} or more without health insurance`, none: `every member aged ${p.fromAge} or more has health insurance` }),
  );
}
