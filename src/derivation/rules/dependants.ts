/**
 * Dependants (người phụ thuộc): dependants are more than half of the household's members.
 * Decree 07/2021/NĐ-CP, Art. 3(1)(b); who is a dependant is standard data (unconfirmed).
 *
 * @module
 */
import type { DerivationOf } from '../parameters.js';
import type { Member } from '../../survey/record.js';
import { COUNTED, NONE_MISSING, agePath, memberLabel, memberPath, type Age, type DerivationContext, type RuleOutcome, type RuleResult, type Tri } from '../context.js';

/** Whether a member is a dependant: `undefined` when it cannot be told. */
function isDependant(m: Member, age: Age | undefined, p: DerivationOf<'dependants'>): Tri {
  const disabled: Tri = p.disabledWithAllowance
    ? m.disability === false || m.monthlySocialAllowance === false
      ? false
      : m.disability === true && m.monthlySocialAllowance === true
        ? true
        : undefined
    : false;
  if (disabled === true) return true;
  if (!age) return undefined;
  if (age.years < p.childUnder) return true;
  if (age.years >= p.elderlyFrom) return p.elderlyNeedsAllowance ? m.monthlySocialAllowance : true;
  return disabled;
}

/** Whether `count` of `n` members is more than the share: count / n > numerator / denominator, in integers. */
function moreThanShare(count: number, n: number, p: DerivationOf<'dependants'>): boolean {
  return count * p.shareAbove.denominator > p.shareAbove.numerator * n;
}

export function dependants(ctx: DerivationContext, p: DerivationOf<'dependants'>): RuleResult {
  const members = ctx.record.members;
  const n = members.length;
  let known = 0;
  let unknown = 0;
  for (let i = 0; i < n; i++) {
    const state = isDependant(members[i]!, ctx.ages[i], p);
    if (state === true) known++;
    else if (state === undefined) unknown++;
  }
  const status = moreThanShare(known, n, p) ? 'deprived' : !moreThanShare(known + unknown, n, p) ? 'not-deprived' : 'undetermined';
  return ctx.explain ? explainDependants(ctx, p, status) : COUNTED[status];
}

/** The members who are dependants, those who cannot be told, and the words. */
function explainDependants(ctx: DerivationContext, p: DerivationOf<'dependants'>, status: RuleOutcome['status']): RuleResult {
  const members = ctx.record.members;
  const n = members.length;
  const known: number[] = [];
  const missing: string[] = [];
  for (let i = 0; i < n; i++) {
    const m = members[i]!;
    const age = ctx.ages[i];
    const state = isDependant(m, age, p);
    if (state === true) known.push(i);
    else if (state === undefined) {
      if (!age) missing.push(agePath(i));
      if (m.monthlySocialAllowance === undefined) missing.push(memberPath(i, 'monthlySocialAllowance'));
      if (p.disabledWithAllowance && m.disability === undefined) missing.push(memberPath(i, 'disability'));
    }
  }
  const share = `${p.shareAbove.numerator}/${p.shareAbove.denominator}`;
  if (status === 'deprived') {
    return { status, members: known, missing: NONE_MISSING, because: () => `${known.length} of ${n} members are dependants (more than ${share}): ${known.map((i) => memberLabel(ctx, i)).join('; ')}` };
  }
  if (status === 'not-deprived') return { status, members: known, missing: NONE_MISSING, because: () => `${known.length} of ${n} members are dependants (not more than ${share})` };
  return { status, members: known, missing, because: () => `cannot tell: ${missing.join(', ')} missing` };
}
