/**
 * Health insurance (bảo hiểm y tế): at least one member aged 6 or more has none.
 * Decree 07/2021/NĐ-CP, Art. 3(1)(b).
 *
 * @module
 */
import type { Member } from '../../survey/record.js';
import type { DerivationOf } from '../parameters.js';
import { anyMember, type Age, type DerivationContext, type Miss, type RuleResult, type Tri } from '../context.js';

type Params = DerivationOf<'healthInsurance'>;

/** A member of the age without health insurance. */
function uninsured(m: Member, age: Age | undefined, p: Params, miss: Miss): Tri {
  if (m.healthInsurance === true) return false;
  if (age && age.years < p.fromAge) return false;
  if (!age) miss('dateOfBirth');
  if (m.healthInsurance === undefined) return miss('healthInsurance');
  return age ? true : undefined;
}

const words = (p: Params) => ({ deprived: `aged ${p.fromAge} or more without health insurance`, none: `every member aged ${p.fromAge} or more has health insurance` });

export function healthInsurance(ctx: DerivationContext, p: Params): RuleResult {
  return anyMember(ctx, p, uninsured, words);
}
