/**
 * Access to healthcare (2016-2021): a member was ill and got no examination or treatment.
 * Decision 59/2015/QĐ-TTg (threshold unconfirmed).
 *
 * @module
 */
import type { DerivationOf } from '../parameters.js';
import { anyMember, type DerivationContext, type RuleResult } from '../context.js';

export function healthcareAccess(ctx: DerivationContext, _p: DerivationOf<'healthcareAccess'>): RuleResult {
  return anyMember(
    ctx,
    (m, _i, _age, miss) => (m.illWithoutTreatment === undefined ? miss('illWithoutTreatment') : m.illWithoutTreatment),
    () => ({ deprived: 'ill without examination or treatment', none: 'no member was ill without treatment' }),
  );
}
