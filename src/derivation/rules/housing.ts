/**
 * Housing (nhà ở): quality (a non-durable dwelling) and floor area per person (under 8 m²).
 * Decree 07/2021/NĐ-CP, Art. 3(1)(b); the durable materials are standard data (unconfirmed).
 *
 * @module
 */
import { Decimal, readAmount } from '../../money.js';
import type { DerivationOf } from '../parameters.js';
import { NONE, NONE_MISSING, type DerivationContext, type RuleResult } from '../context.js';

export function housingQuality(ctx: DerivationContext, p: DerivationOf<'housingQuality'>): RuleResult {
  const d = ctx.record.dwelling;
  if (d?.hasHouse === false) return { status: 'deprived', members: NONE, missing: NONE_MISSING, because: () => 'the household has no house' };
  const parts = [
    { name: 'walls', value: d?.walls, allowed: p.durable.walls as readonly string[] },
    { name: 'roof', value: d?.roof, allowed: p.durable.roof as readonly string[] },
    { name: 'floor', value: d?.floor, allowed: p.durable.floor as readonly string[] },
  ] as const;
  let nonDurableCount = 0;
  let unknownCount = 0;
  for (const x of parts) {
    if (x.value === undefined) unknownCount++;
    else if (!x.allowed.includes(x.value)) nonDurableCount++;
  }
  const nonDurable = () => parts.filter((x) => x.value !== undefined && !x.allowed.includes(x.value));
  const list = () => nonDurable().map((x) => `${x.name} ${x.value}`).join(', ');
  if (nonDurableCount >= p.minNonDurable) {
    return { status: 'deprived', members: NONE, missing: NONE_MISSING, because: () => `${nonDurableCount} of 3 main structures are non-durable (${list()})` };
  }
  if (nonDurableCount + unknownCount < p.minNonDurable) {
    return { status: 'not-deprived', members: NONE, missing: NONE_MISSING, because: () => `${nonDurableCount} of 3 main structures are non-durable${nonDurableCount ? ` (${list()})` : ''}; fewer than ${p.minNonDurable}` };
  }
  const unknown = parts.filter((x) => x.value === undefined);
  const missing = unknown.map((x) => `dwelling.${x.name}`);
  return { status: 'undetermined', members: NONE, missing, because: () => `cannot tell: ${missing.join(', ')} missing` };
}

export function housingArea(ctx: DerivationContext, p: DerivationOf<'housingArea'>): RuleResult {
  const raw = ctx.record.dwelling?.floorArea;
  const area = raw === undefined ? undefined : readAmount(raw);
  if (area === undefined) return { status: 'undetermined', members: NONE, missing: ['dwelling.floorArea'], because: () => 'cannot tell: dwelling.floorArea missing' };
  const n = ctx.record.members.length;
  // area / n < min  ⇔  area < min × n, exactly.
  const below = typeof area === 'number' ? area < p.minPerPerson * n : area.lt(p.minPerPerson * n);
  const text = () => `${new Decimal(area).toFixed()} m² for ${n} member(s) ${below ? '<' : '≥'} ${p.minPerPerson} m² × ${n} = ${p.minPerPerson * n} m²`;
  return below
    ? { status: 'deprived', members: NONE, missing: NONE_MISSING, because: () => `floor area per person under ${p.minPerPerson} m²: ${text()}` }
    : { status: 'not-deprived', members: NONE, missing: NONE_MISSING, because: () => `floor area per person at least ${p.minPerPerson} m²: ${text()}` };
}
