/**
 * Employment (việc làm): at least one member of working age, able and wanting to work, has no job,
 * or works for a wage without a labour contract. Decree 07/2021/NĐ-CP, Art. 3(1)(b).
 *
 * @module
 */
import type { DerivationOf } from '../parameters.js';
import { anyMember, agePath, memberPath, type DerivationContext, type RuleResult } from '../context.js';

type Schedule = DerivationOf<'employment'>['retirementAge']['male'];

/** Retirement age in months for a calendar year under a rising schedule. */
export function retirementMonths(schedule: Schedule, year: number): number {
  if (year < schedule.fromYear) return schedule.beforeMonths;
  return Math.min(schedule.startMonths + schedule.stepMonths * (year - schedule.fromYear), schedule.maxMonths);
}

export function employment(ctx: DerivationContext, p: DerivationOf<'employment'>): RuleResult {
  const male = retirementMonths(p.retirementAge.male, ctx.year);
  const female = retirementMonths(p.retirementAge.female, ctx.year);
  return anyMember(
    ctx,
    (m, i, age) => {
      // What the member does decides first: someone outside the labour force cannot deprive.
      const status = m.employmentStatus;
      if (status === 'notInLabourForce') return { state: false };
      if (status === 'selfEmployed' && p.wageWorkOnly) return { state: false };
      if (status === 'wageWorker' && m.hasLabourContract === true) return { state: false };
      if (m.workingCapacity === 'none') return { state: false };
      const missing: string[] = [];
      if (status === undefined) missing.push(memberPath(i, 'employmentStatus'));
      if (status === 'wageWorker' && m.hasLabourContract === undefined) missing.push(memberPath(i, 'hasLabourContract'));
      if (m.workingCapacity === undefined) missing.push(memberPath(i, 'workingCapacity'));
      // Working age: from the first year to the retirement age of the member's sex.
      if (!age) return { state: undefined, missing: [agePath(i), ...missing] };
      if (age.years < p.workingAgeFrom) return { state: false };
      const limit = m.sex === 'male' ? male : m.sex === 'female' ? female : undefined;
      if (limit === undefined) {
        if (age.monthsBelow <= Math.min(male, female)) {
          /* of working age whatever the sex */
        } else if (age.monthsAtLeast >= Math.max(male, female)) return { state: false };
        else return { state: undefined, missing: [memberPath(i, 'sex'), ...missing] };
      } else if (age.monthsAtLeast >= limit) return { state: false };
      else if (age.monthsBelow > limit) return { state: undefined, missing: [agePath(i), ...missing] };
      if (missing.length) return { state: undefined, missing };
      return { state: true };
    },
    () => ({ deprived: 'of working age, able to work, and unemployed or working for a wage without a labour contract', none: 'no member of working age is unemployed or without a labour contract' }),
  );
}
