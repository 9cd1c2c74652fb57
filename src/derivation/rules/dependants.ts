/**
 * Dependants (người phụ thuộc): dependants are more than half of the household's members.
 * Decree 07/2021/NĐ-CP, Art. 3(1)(b); who is a dependant is standard data (unconfirmed).
 *
 * @module
 */
import type { DerivationOf } from '../parameters.js';
import { NONE_MISSING, agePath, memberLabel, memberPath, type DerivationContext, type RuleResult, type Tri } from '../context.js';

export function dependants(ctx: DerivationContext, p: DerivationOf<'dependants'>): RuleResult {
  const known: number[] = [];
  const unknown: number[] = [];
  const missing: string[] = [];
  ctx.record.members.forEach((m, i) => {
    const age = ctx.ages[i];
    const disabled: Tri = p.disabledWithAllowance
      ? m.disability === false || m.monthlySocialAllowance === false
        ? false
        : m.disability === true && m.monthlySocialAllowance === true
          ? true
          : undefined
      : false;
    let state: Tri;
    if (disabled === true) state = true;
    else if (!age) state = undefined;
    else if (age.years < p.childUnder) state = true;
    else if (age.years >= p.elderlyFrom) state = p.elderlyNeedsAllowance ? m.monthlySocialAllowance : true;
    else state = disabled;
    if (state === true) known.push(i);
    else if (state === undefined) {
      unknown.push(i);
      if (!age) missing.push(agePath(i));
      if (m.monthlySocialAllowance === undefined) missing.push(memberPath(i, 'monthlySocialAllowance'));
      if (p.disabledWithAllowance && m.disability === undefined) missing.push(memberPath(i, 'disability'));
    }
  });
  const n = ctx.record.members.length;
  const above = (count: number) => count * p.shareAbove.denominator > p.shareAbove.numerator * n;
  const share = `${p.shareAbove.numerator}/${p.shareAbove.denominator}`;
  if (above(known.length)) {
    return { status: 'deprived', members: known, missing: NONE_MISSING, because: () => `${known.length} of ${n} members are dependants (more than ${share}): ${known.map((i) => memberLabel(ctx, i)).join('; ')}` };
  }
  if (!above(known.length + unknown.length)) {
    return { status: 'not-deprived', members: known, missing: NONE_MISSING, because: () => `${known.length} of ${n} members are dependants (not more than ${share})` };
  }
  return { status: 'undetermined', members: known, missing, because: () => `cannot tell: ${missing.join(', ')} missing` };
}
