/**
 * Adult education (trình độ giáo dục của người lớn): at least one member aged 16 to 30 is neither
 * in training nor holds the qualification for their age. Decree 07/2021/NĐ-CP, Art. 3(1)(b); the
 * qualification for each age is standard data (unconfirmed). The 2016-2021 variant counts members
 * aged 15 or more born in or after a year.
 *
 * @module
 */
import type { Qualification } from '../../survey/enums.js';
import type { Member } from '../../survey/record.js';
import type { DerivationOf } from '../parameters.js';
import { anyMember, agePath, memberPath, type DerivationContext, type RuleResult, type Tri } from '../context.js';

/** Whether the member is studying or holds one of the sufficient qualifications. */
function educated(m: Member, sufficient: readonly Qualification[]): Tri {
  if (m.inSchool === true) return true;
  if (m.highestQualification !== undefined && sufficient.includes(m.highestQualification)) return true;
  if (m.inSchool === false && m.highestQualification !== undefined) return false;
  return undefined;
}

function educationMissing(m: Member, i: number): string[] {
  return [...(m.inSchool === undefined ? [memberPath(i, 'inSchool')] : []), ...(m.highestQualification === undefined ? [memberPath(i, 'highestQualification')] : [])];
}

export function adultEducation(ctx: DerivationContext, p: DerivationOf<'adultEducation'>): RuleResult {
  const first = Math.min(...p.bands.map((b) => b.from));
  const last = Math.max(...p.bands.map((b) => b.toExclusive)) - 1;
  return anyMember(
    ctx,
    (m, i, age) => {
      if (m.inSchool === true) return { state: false };
      if (!age) return { state: undefined, missing: [agePath(i)] };
      const band = p.bands.find((b) => age.years >= b.from && age.years < b.toExclusive);
      if (!band) return { state: false };
      const ok = educated(m, band.sufficient);
      if (ok === undefined) return { state: undefined, missing: educationMissing(m, i) };
      return { state: !ok };
    },
    () => ({ deprived: 'neither in training nor holding the qualification for their age', none: `every member aged ${first} to ${last} is in training or qualified for their age` }),
  );
}

export function adultEducationByBirthYear(ctx: DerivationContext, p: DerivationOf<'adultEducationByBirthYear'>): RuleResult {
  return anyMember(
    ctx,
    (m, i, age) => {
      if (m.inSchool === true) return { state: false };
      if (!age) return { state: undefined, missing: [agePath(i)] };
      if (age.years < p.fromAge) return { state: false };
      const birthYear = age.birthYear;
      if (birthYear === undefined) {
        // From the age alone the birth year is one of two.
        const latest = ctx.year - age.years;
        if (latest < p.bornFromYear) return { state: false };
        if (latest - 1 < p.bornFromYear) return { state: undefined, missing: [agePath(i)] };
      } else if (birthYear < p.bornFromYear) return { state: false };
      const ok = educated(m, p.sufficient);
      if (ok === undefined) return { state: undefined, missing: educationMissing(m, i) };
      return { state: !ok };
    },
    () => ({ deprived: `aged ${p.fromAge} or more, born in ${p.bornFromYear} or later, without the qualification and not in school`, none: 'no member lacks the required schooling' }),
  );
}
