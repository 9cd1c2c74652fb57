/**
 * Information (thông tin): use of telecommunication services (no member uses the internet) and
 * means of access to information (none of the listed devices, and the loudspeakers cannot be
 * heard). Decree 07/2021/NĐ-CP, Art. 3(1)(b); the device list is standard data (unconfirmed).
 *
 * @module
 */
import type { DerivationOf } from '../parameters.js';
import type { Member } from '../../survey/record.js';
import { COUNTED, NONE_MISSING, NONE, memberPath, type DerivationContext, type RuleOutcome, type RuleResult, type Tri } from '../context.js';

/** Whether the member uses the internet (or, where it counts, a telephone subscription): `undefined` when it cannot be told. */
function connected(m: Member, p: DerivationOf<'telecomServices'>): Tri {
  if (m.usesInternet === true || (p.phoneSubscriptionCounts && m.usesPhoneSubscription === true)) return true;
  if (m.usesInternet === undefined || (p.phoneSubscriptionCounts && m.usesPhoneSubscription === undefined)) return undefined;
  return false;
}

export function telecomServices(ctx: DerivationContext, p: DerivationOf<'telecomServices'>): RuleResult {
  const members = ctx.record.members;
  let status: RuleOutcome['status'] = 'deprived';
  for (let i = 0; i < members.length; i++) {
    const state = connected(members[i]!, p);
    if (state === true) {
      status = 'not-deprived';
      break;
    }
    if (state === undefined) status = 'undetermined';
  }
  return ctx.explain ? explainTelecom(ctx, p, status) : COUNTED[status];
}

function explainTelecom(ctx: DerivationContext, p: DerivationOf<'telecomServices'>, status: RuleOutcome['status']): RuleResult {
  const members = ctx.record.members;
  const uses = p.phoneSubscriptionCounts ? 'a telephone subscription or the internet' : 'the internet';
  const users: number[] = [];
  const missing: string[] = [];
  for (let i = 0; i < members.length; i++) {
    const m = members[i]!;
    if (connected(m, p) === true) users.push(i);
    else {
      if (m.usesInternet === undefined) missing.push(memberPath(i, 'usesInternet'));
      if (p.phoneSubscriptionCounts && m.usesPhoneSubscription === undefined) missing.push(memberPath(i, 'usesPhoneSubscription'));
    }
  }
  if (status === 'not-deprived') return { status, members: users, missing: NONE_MISSING, because: () => `${users.length} member(s) use ${uses}` };
  if (status === 'undetermined') return { status, members: NONE, missing, because: () => `cannot tell: ${missing.join(', ')} missing` };
  return { status, members: NONE, missing: NONE_MISSING, because: () => `no member uses ${uses}` };
}

function ownsAny(owned: readonly string[], devices: readonly string[]): boolean {
  for (let i = 0; i < owned.length; i++) if (devices.includes(owned[i]!)) return true;
  return false;
}

export function informationMeans(ctx: DerivationContext, p: DerivationOf<'informationMeans'>): RuleResult {
  const owned = ctx.record.informationDevices;
  const hears = ctx.record.hearsLoudspeakers;
  const status =
    (owned !== undefined && ownsAny(owned, p.devices)) || (p.loudspeakersCount && hears === true)
      ? 'not-deprived'
      : owned === undefined || (p.loudspeakersCount && hears === undefined)
        ? 'undetermined'
        : 'deprived';
  return ctx.explain ? explainMeans(owned, hears, p, status) : COUNTED[status];
}

function explainMeans(owned: readonly string[] | undefined, hears: boolean | undefined, p: DerivationOf<'informationMeans'>, status: RuleOutcome['status']): RuleResult {
  const devices = p.devices as readonly string[];
  const listed = owned?.filter((d) => devices.includes(d)) ?? [];
  if (status === 'not-deprived') {
    return { status, members: NONE, missing: NONE_MISSING, because: () => (listed.length ? `the household has ${listed.join(', ')}` : 'the commune or village loudspeakers can be heard') };
  }
  if (status === 'undetermined') {
    const missing = [...(owned === undefined ? ['informationDevices'] : []), ...(p.loudspeakersCount && hears === undefined ? ['hearsLoudspeakers'] : [])];
    return { status, members: NONE, missing, because: () => `cannot tell: ${missing.join(', ')} missing` };
  }
  return { status, members: NONE, missing: NONE_MISSING, because: () => `none of ${p.devices.join(', ')}${p.loudspeakersCount ? ', and the loudspeakers cannot be heard' : ''}` };
}
