/**
 * Health insurance (bảo hiểm y tế): at least one member aged 6 or more has none.
 * Decree 07/2021/NĐ-CP, Art. 3(1)(b).
 *
 * @module
 */
import type { DerivationOf } from '../parameters.js';
import { anyMember, type DerivationContext, type RuleResult } from '../context.js';

export function healthInsurance(ctx: DerivationContext, p: DerivationOf<'healthInsurance'>): RuleResult {
  return anyMember(
    ctx,
    (m, _i, age, miss) => {
      if (m.healthInsurance === true) return false;
      if (age && age.years < p.fromAge) return false;
      if (!age) miss('dateOfBirth');
      if (m.healthInsurance === undefined) return miss('healthInsurance');
      return age ? true : undefined;
    },
    () => ({ deprived: `aged ${p.fromAge} or more without health insurance`, none: `every member aged ${p.fromAge} or more has health insurance` }),
  );
}
