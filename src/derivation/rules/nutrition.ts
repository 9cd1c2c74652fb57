/**
 * Nutrition (dinh dưỡng): at least one child under 16 is stunted or underweight.
 * Decree 07/2021/NĐ-CP, Art. 3(1)(b).
 *
 * @module
 */
import type { Member } from '../../survey/record.js';
import type { DerivationOf } from '../parameters.js';
import { anyMember, type Age, type DerivationContext, type Miss, type RuleResult, type Tri } from '../context.js';

type Params = DerivationOf<'nutrition'>;

/** A child who is stunted or underweight. */
function malnourishedChild(m: Member, age: Age | undefined, p: Params, miss: Miss): Tri {
  const malnourished = m.stunted === true || m.underweight === true ? true : m.stunted === false && m.underweight === false ? false : undefined;
  if (malnourished === false) return false;
  if (!age) return miss('dateOfBirth');
  if (age.years >= p.childUnder) return false;
  if (malnourished === true) return true;
  return miss(m.stunted === undefined ? 'stunted' : 'underweight');
}

const words = (p: Params) => ({ deprived: `a child under ${p.childUnder} who is stunted or underweight`, none: `no child under ${p.childUnder} is stunted or underweight` });

export function nutrition(ctx: DerivationContext, p: Params): RuleResult {
  return anyMember(ctx, p, malnourishedChild, words);
}
