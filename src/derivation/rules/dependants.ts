/**
 * Dependants (người phụ thuộc): dependants are more than half of the household's members.
 * Decree 07/2021/NĐ-CP, Art. 3(1)(b); who is a dependant is standard data (unconfirmed).
 *
 * @module
 */
import type { DerivationOf } from '../parameters.js';
import type { Member } from '../../survey/record.js';
import { COUNTED, NONE_MISSING, agePath, memberLabel, memberPath, type Age, type DerivationContext, type RuleResult, type Tri } from '../context.js';

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

export function dependants(ctx: DerivationContext, p: DerivationOf<'dependants'>): RuleResult {
  const members = ctx.record.members;
  const n = members.length;
  const explain = ctx.explain;
  const known: number[] = [];
  const missing: string[] = [];
  let knownCount = 0;
  let unknownCount = 0;
  for (let i = 0; i < n; i++) {
    const m = members[i]!;
    const age = ctx.ages[i];
    const state = isDependant(m, age, p);
    if (state === true) {
      knownCount++;
      if (explain) known.push(i);
    } else if (state === undefined) {
      unknownCount++;
      if (explain) {
        if (!age) missing.push(agePath(i));
        if (m.monthlySocialAllowance === undefined) missing.push(memberPath(i, 'monthlySocialAllowance'));
        if (p.disabledWithAllowance && m.disability === undefined) missing.push(memberPath(i, 'disability'));
      }
    }
  }
  // More than the share: count / n > numerator / denominator, in integers.
  const above = (count: number) => count * p.shareAbove.denominator > p.shareAbove.numerator * n;
  const share = `${p.shareAbove.numerator}/${p.shareAbove.denominator}`;
  if (above(knownCount)) {
    if (!explain) return COUNTED.deprived;
    return { status: 'deprived', members: known, missing: NONE_MISSING, because: () => `${known.length} of ${n} members are dependants (more than ${share}): ${known.map((i) => memberLabel(ctx, i)).join('; ')}` };
  }
  if (!above(knownCount + unknownCount)) {
    if (!explain) return COUNTED['not-deprived'];
    return { status: 'not-deprived', members: known, missing: NONE_MISSING, because: () => `${known.length} of ${n} members are dependants (not more than ${share})` };
  }
  if (!explain) return COUNTED.undetermined;
  return { status: 'undetermined', members: known, missing, because: () => `cannot tell: ${missing.join(', ')} missing` };
}
