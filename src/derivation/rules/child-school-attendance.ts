/**
 * Child school attendance (tình trạng đi học của trẻ em): at least one child aged 3 to under 16
 * is not in school. Decree 07/2021/NĐ-CP, Art. 3(1)(b).
 *
 * @module
 */
import type { DerivationOf } from '../parameters.js';
import { anyMember, type DerivationContext, type RuleResult } from '../context.js';

export function childSchoolAttendance(ctx: DerivationContext, p: DerivationOf<'childSchoolAttendance'>): RuleResult {
  return anyMember(
    ctx,
    (m, _i, age, miss) => {
      if (m.inSchool === true) return false;
      if (!age) return miss('dateOfBirth');
      if (age.years < p.from || age.years >= p.toExclusive) return false;
      if (m.inSchool === undefined) return miss('inSchool');
      return true;
    },
    () => ({ deprived: `a child aged ${p.from} to under ${p.toExclusive} not in school`, none: `every child aged ${p.from} to under ${p.toExclusive} is in school` }),
  );
}
