/**
 * Access to healthcare (2016-2021): a member was ill and got no examination or treatment.
 * Decision 59/2015/QĐ-TTg (threshold unconfirmed).
 *
 * @module
 */
import type { Member } from '../../survey/record.js';
import type { DerivationOf } from '../parameters.js';
import { anyMember, type DerivationContext, type Miss, type RuleResult, type Tri } from '../context.js';

type Params = DerivationOf<'healthcareAccess'>;

/** A member ill without examination or treatment. */
function untreated(m: Member, _age: unknown, _p: Params, miss: Miss): Tri {
  return m.illWithoutTreatment === undefined ? miss('illWithoutTreatment') : m.illWithoutTreatment;
}

const words = () => ({ deprived: 'ill without examination or treatment', none: 'no member was ill without treatment' });

export function healthcareAccess(ctx: DerivationContext, p: Params): RuleResult {
  return anyMember(ctx, p, untreated, words);
}
