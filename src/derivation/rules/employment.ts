/**
 * Employment (việc làm): at least one member of working age, able and wanting to work, has no job,
 * or works for a wage without a labour contract. Decree 07/2021/NĐ-CP, Art. 3(1)(b).
 *
 * @module
 */
import type { DerivationOf } from '../parameters.js';
import type { Member } from '../../survey/record.js';
import { anyMember, type Age, type DerivationContext, type Miss, type RuleResult, type Tri } from '../context.js';

type Schedule = DerivationOf<'employment'>['retirementAge']['male'];

/**
 * Retirement age in months for a calendar year under a rising schedule.
 *
 * @example
 * // Men under Decree 135/2020/NĐ-CP, as the employment indicator of nd07-2021 holds it:
 * const men = { fromYear: 2021, startMonths: 723, stepMonths: 3, maxMonths: 744, beforeMonths: 720 };
 * retirementMonths(men, 2020) //=> 720
 * retirementMonths(men, 2025) //=> 735
 * retirementMonths(men, 2040) //=> 744
 */
export function retirementMonths(schedule: Schedule, year: number): number {
  if (year < schedule.fromYear) return schedule.beforeMonths;
  return Math.min(schedule.startMonths + schedule.stepMonths * (year - schedule.fromYear), schedule.maxMonths);
}

/** Notes the member's employment facts that are missing. */
function missingFacts(m: Member, miss: Miss): undefined {
  if (m.employmentStatus === undefined) miss('employmentStatus');
  if (m.employmentStatus === 'wageWorker' && m.hasLabourContract === undefined) miss('hasLabourContract');
  return m.workingCapacity === undefined ? miss('workingCapacity') : undefined;
}

const words = () => ({ deprived: 'of working age, able to work, and unemployed or working for a wage without a labour contract', none: 'no member of working age is unemployed or without a labour contract' });

type Params = DerivationOf<'employment'>;

/** A member of working age, able to work, unemployed or working for a wage without a contract. */
function withoutDecentWork(m: Member, age: Age | undefined, p: Params, miss: Miss, ctx: DerivationContext): Tri {
  // What the member does decides first: someone outside the labour force cannot deprive.
  const status = m.employmentStatus;
  if (status === 'notInLabourForce') return false;
  if (status === 'selfEmployed' && p.wageWorkOnly) return false;
  if (status === 'wageWorker' && m.hasLabourContract === true) return false;
  if (m.workingCapacity === 'none') return false;
  // Working age: from the first year to the retirement age of the member's sex.
  if (!age) {
    miss('dateOfBirth');
    return missingFacts(m, miss);
  }
  if (age.years < p.workingAgeFrom) return false;
  const male = retirementMonths(p.retirementAge.male, ctx.year);
  const female = retirementMonths(p.retirementAge.female, ctx.year);
  const limit = m.sex === 'male' ? male : m.sex === 'female' ? female : undefined;
  if (limit === undefined) {
    if (age.monthsBelow <= Math.min(male, female)) {
      /* of working age whatever the sex */
    } else if (age.monthsAtLeast >= Math.max(male, female)) return false;
    else {
      miss('sex');
      return missingFacts(m, miss);
    }
  } else if (age.monthsAtLeast >= limit) return false;
  else if (age.monthsBelow > limit) {
    miss('dateOfBirth');
    return missingFacts(m, miss);
  }
  if (status === undefined || (status === 'wageWorker' && m.hasLabourContract === undefined) || m.workingCapacity === undefined) {
    return missingFacts(m, miss);
  }
  return true;
}

export function employment(ctx: DerivationContext, p: Params): RuleResult {
  return anyMember(ctx, p, withoutDecentWork, words);
}
