/**
 * Housing (nhà ở): quality (a non-durable dwelling) and floor area per person (under 8 m²).
 * Decree 07/2021/NĐ-CP, Art. 3; the durable materials are standard data (unconfirmed).
 *
 * @module
 */
import { Decimal, readAmount } from '../../money.js';
import type { DerivationOf } from '../parameters.js';
import type { DerivationContext, RuleResult } from '../context.js';

export function housingQuality(ctx: DerivationContext, p: DerivationOf<'housingQuality'>): RuleResult {
  const d = ctx.record.dwelling;
  if (d?.hasHouse === false) return { status: 'deprived', members: [], missing: [], because: () => 'the household has no house' };
  const parts = [
    { name: 'walls', value: d?.walls, durable: (p.durable.walls as readonly string[]).includes(d?.walls ?? '') },
    { name: 'roof', value: d?.roof, durable: (p.durable.roof as readonly string[]).includes(d?.roof ?? '') },
    { name: 'floor', value: d?.floor, durable: (p.durable.floor as readonly string[]).includes(d?.floor ?? '') },
  ];
  const nonDurable = parts.filter((x) => x.value !== undefined && !x.durable);
  const unknown = parts.filter((x) => x.value === undefined);
  const list = nonDurable.map((x) => `${x.name} ${x.value}`).join(', ');
  if (nonDurable.length >= p.minNonDurable) {
    return { status: 'deprived', members: [], missing: [], because: () => `${nonDurable.length} of 3 main structures are non-durable (${list})` };
  }
  if (nonDurable.length + unknown.length < p.minNonDurable) {
    return { status: 'not-deprived', members: [], missing: [], because: () => `${nonDurable.length} of 3 main structures are non-durable${list ? ` (${list})` : ''}; fewer than ${p.minNonDurable}` };
  }
  const missing = unknown.map((x) => `dwelling.${x.name}`);
  return { status: 'undetermined', members: [], missing, because: () => `cannot tell: ${missing.join(', ')} missing` };
}

export function housingArea(ctx: DerivationContext, p: DerivationOf<'housingArea'>): RuleResult {
  const raw = ctx.record.dwelling?.floorArea;
  const area = raw === undefined ? undefined : readAmount(raw);
  if (area === undefined) return { status: 'undetermined', members: [], missing: ['dwelling.floorArea'], because: () => 'cannot tell: dwelling.floorArea missing' };
  const n = ctx.record.members.length;
  // area / n < min  ⇔  area < min × n, exactly.
  const below = typeof area === 'number' ? area < p.minPerPerson * n : area.lt(p.minPerPerson * n);
  const text = () => `${new Decimal(area).toFixed()} m² for ${n} member(s) ${below ? '<' : '≥'} ${p.minPerPerson} m² × ${n} = ${p.minPerPerson * n} m²`;
  return below
    ? { status: 'deprived', members: [], missing: [], because: () => `floor area per person under ${p.minPerPerson} m²: ${text()}` }
    : { status: 'not-deprived', members: [], missing: [], because: () => `floor area per person at least ${p.minPerPerson} m²: ${text()}` };
}
