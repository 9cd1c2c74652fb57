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
import { anyMember, type Age, type DerivationContext, type Miss, type RuleResult, type Tri } from '../context.js';

/** Whether the member is studying or holds one of the sufficient qualifications. */
function educated(m: Member, sufficient: readonly Qualification[]): Tri {
  if (m.inSchool === true) return true;
  if (m.highestQualification !== undefined && sufficient.includes(m.highestQualification)) return true;
  if (m.inSchool === false && m.highestQualification !== undefined) return false;
  return undefined;
}

/** Notes the schooling facts that are missing. */
function educationMissing(m: Member, miss: Miss): undefined {
  if (m.inSchool === undefined) miss('inSchool');
  return m.highestQualification === undefined ? miss('highestQualification') : undefined;
}

type Band = DerivationOf<'adultEducation'>['bands'][number];

/** The age band a member's age falls in, if any. */
function bandOf(bands: readonly Band[], years: number): Band | undefined {
  for (let i = 0; i < bands.length; i++) {
    const b = bands[i]!;
    if (years >= b.from && years < b.toExclusive) return b;
  }
  return undefined;
}

type ByAge = DerivationOf<'adultEducation'>;
type ByBirthYear = DerivationOf<'adultEducationByBirthYear'>;

/** A member of the ages neither in training nor qualified for their age. */
function underqualified(m: Member, age: Age | undefined, p: ByAge, miss: Miss): Tri {
  if (m.inSchool === true) return false;
  if (!age) return miss('dateOfBirth');
  const band = bandOf(p.bands, age.years);
  if (!band) return false;
  const ok = educated(m, band.sufficient);
  if (ok === undefined) return educationMissing(m, miss);
  return !ok;
}

function byAgeWords(p: ByAge) {
  const first = Math.min(...p.bands.map((b) => b.from));
  const last = Math.max(...p.bands.map((b) => b.toExclusive)) - 1;
  return { deprived: 'neither in training nor holding the qualification for their age', none: `every member aged ${first} to ${last} is in training or qualified for their age` };
}

export function adultEducation(ctx: DerivationContext, p: ByAge): RuleResult {
  return anyMember(ctx, p, underqualified, byAgeWords);
}

/** A member of the age, born in or after the year, without the qualification and not in school. */
function unschooledSince(m: Member, age: Age | undefined, p: ByBirthYear, miss: Miss, ctx: DerivationContext): Tri {
  if (m.inSchool === true) return false;
  if (!age) return miss('dateOfBirth');
  if (age.years < p.fromAge) return false;
  const birthYear = age.birthYear;
  if (birthYear === undefined) {
    // From the age alone the birth year is one of two.
    const latest = ctx.year - age.years;
    if (latest < p.bornFromYear) return false;
    if (latest - 1 < p.bornFromYear) return miss('dateOfBirth');
  } else if (birthYear < p.bornFromYear) return false;
  const ok = educated(m, p.sufficient);
  if (ok === undefined) return educationMissing(m, miss);
  return !ok;
}

const byBirthYearWords = (p: ByBirthYear) => ({ deprived: `aged ${p.fromAge} or more, born in ${p.bornFromYear} or later, without the qualification and not in school`, none: 'no member lacks the required schooling' });

export function adultEducationByBirthYear(ctx: DerivationContext, p: ByBirthYear): RuleResult {
  return anyMember(ctx, p, unschooledSince, byBirthYearWords);
}
