/**
 * Child school attendance (tình trạng đi học của trẻ em): at least one child aged 3 to under 16
 * is not in school. Decree 07/2021/NĐ-CP, Art. 3(1)(b).
 *
 * @module
 */
import type { Member } from '../../survey/record.js';
import type { DerivationOf } from '../parameters.js';
import { anyMember, type Age, type DerivationContext, type Miss, type RuleResult, type Tri } from '../context.js';

type Params = DerivationOf<'childSchoolAttendance'>;

/** A child of school age not in school. */
function outOfSchool(m: Member, age: Age | undefined, p: Params, miss: Miss): Tri {
  if (m.inSchool === true) return false;
  if (!age) return miss('dateOfBirth');
  if (age.years < p.from || age.years >= p.toExclusive) return false;
  if (m.inSchool === undefined) return miss('inSchool');
  return true;
}

const words = (p: Params) => ({ deprived: `a child aged ${p.from} to under ${p.toExclusive} not in school`, none: `every child aged ${p.from} to under ${p.toExclusive} is in school` });

export function childSchoolAttendance(ctx: DerivationContext, p: Params): RuleResult {
  return anyMember(ctx, p, outOfSchool, words);
}
