/**
 * Information (thông tin): use of telecommunication services (no member uses the internet) and
 * means of access to information (none of the listed devices, and the loudspeakers cannot be
 * heard). Decree 07/2021/NĐ-CP, Art. 3(1)(b); the device list is standard data (unconfirmed).
 *
 * @module
 */
import type { DerivationOf } from '../parameters.js';
import { COUNTED, NONE_MISSING, NONE, memberPath, type DerivationContext, type RuleResult } from '../context.js';

export function telecomServices(ctx: DerivationContext, p: DerivationOf<'telecomServices'>): RuleResult {
  const members = ctx.record.members;
  const explain = ctx.explain;
  const uses = () => (p.phoneSubscriptionCounts ? 'a telephone subscription or the internet' : 'the internet');
  const users: number[] = [];
  const missing: string[] = [];
  let unknown = false;
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    if (m.usesInternet === true || (p.phoneSubscriptionCounts && m.usesPhoneSubscription === true)) {
      if (!explain) return COUNTED['not-deprived'];
      users.push(i);
    } else {
      if (m.usesInternet === undefined) {
        unknown = true;
        if (explain) missing.push(memberPath(i, 'usesInternet'));
      }
      if (p.phoneSubscriptionCounts && m.usesPhoneSubscription === undefined) {
        unknown = true;
        if (explain) missing.push(memberPath(i, 'usesPhoneSubscription'));
      }
    }
  }
  if (!explain) return unknown ? COUNTED.undetermined : COUNTED.deprived;
  if (users.length) return { status: 'not-deprived', members: users, missing: NONE_MISSING, because: () => `${users.length} member(s) use ${uses()}` };
  if (missing.length) return { status: 'undetermined', members: NONE, missing, because: () => `cannot tell: ${missing.join(', ')} missing` };
  return { status: 'deprived', members: NONE, missing: NONE_MISSING, because: () => `no member uses ${uses()}` };
}

export function informationMeans(ctx: DerivationContext, p: DerivationOf<'informationMeans'>): RuleResult {
  const owned = ctx.record.informationDevices;
  const hears = ctx.record.hearsLoudspeakers;
  const devices = p.devices as readonly string[];
  if (owned?.some((d) => devices.includes(d))) {
    if (!ctx.explain) return COUNTED['not-deprived'];
    const listed = owned.filter((d) => devices.includes(d));
    return { status: 'not-deprived', members: NONE, missing: NONE_MISSING, because: () => `the household has ${listed.join(', ')}` };
  }
  if (p.loudspeakersCount && hears === true) {
    if (!ctx.explain) return COUNTED['not-deprived'];
    return { status: 'not-deprived', members: NONE, missing: NONE_MISSING, because: () => 'the commune or village loudspeakers can be heard' };
  }
  const unknown = owned === undefined || (p.loudspeakersCount && hears === undefined);
  if (!ctx.explain) return unknown ? COUNTED.undetermined : COUNTED.deprived;
  if (unknown) {
    const missing = [...(owned === undefined ? ['informationDevices'] : []), ...(p.loudspeakersCount && hears === undefined ? ['hearsLoudspeakers'] : [])];
    return { status: 'undetermined', members: NONE, missing, because: () => `cannot tell: ${missing.join(', ')} missing` };
  }
  return { status: 'deprived', members: NONE, missing: NONE_MISSING, because: () => `none of ${p.devices.join(', ')}${p.loudspeakersCount ? ', and the loudspeakers cannot be heard' : ''}` };
}
