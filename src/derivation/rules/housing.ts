/**
 * Housing (nhà ở): quality (a non-durable dwelling) and floor area per person (under 8 m²).
 * Decree 07/2021/NĐ-CP, Art. 3(1)(b); the durable materials are standard data (unconfirmed).
 *
 * @module
 */
import { readAmount, type Amount } from '../../money.js';
import type { DerivationOf } from '../parameters.js';
import type { SurveyRecord } from '../../survey/record.js';
import { COUNTED, NONE, NONE_MISSING, type DerivationContext, type RuleOutcome, type RuleResult } from '../context.js';

const structures = ['walls', 'roof', 'floor'] as const;

type Quality = DerivationOf<'housingQuality'>;

const UNKNOWN = -1;

/** A main structure's material against the durable ones: 1 non-durable, 0 durable, {@link UNKNOWN} not given. */
function structure<T extends string>(value: T | undefined, durable: readonly T[]): number {
  if (value === undefined) return UNKNOWN;
  return durable.includes(value) ? 0 : 1;
}
type Dwelling = SurveyRecord['dwelling'];

export function housingQuality(ctx: DerivationContext, p: Quality): RuleResult {
  const d = ctx.record.dwelling;
  if (d?.hasHouse === false) return ctx.explain ? { status: 'deprived', members: NONE, missing: NONE_MISSING, because: () => 'the household has no house' } : COUNTED.deprived;
  // Each structure: 1 when non-durable, 0 when durable, UNKNOWN when not given.
  const walls = structure(d?.walls, p.durable.walls);
  const roof = structure(d?.roof, p.durable.roof);
  const floor = structure(d?.floor, p.durable.floor);
  const unknownCount = (walls === UNKNOWN ? 1 : 0) + (roof === UNKNOWN ? 1 : 0) + (floor === UNKNOWN ? 1 : 0);
  const nonDurableCount = (walls === 1 ? 1 : 0) + (roof === 1 ? 1 : 0) + (floor === 1 ? 1 : 0);
  const status = nonDurableCount >= p.minNonDurable ? 'deprived' : nonDurableCount + unknownCount < p.minNonDurable ? 'not-deprived' : 'undetermined';
  return ctx.explain ? explainQuality(d, p, status, nonDurableCount) : COUNTED[status];
}

function explainQuality(d: Dwelling, p: Quality, status: RuleOutcome['status'], nonDurableCount: number): RuleResult {
  const parts = structures.map((name) => ({ name, value: d?.[name], allowed: p.durable[name] as readonly string[] }));
  const list = () =>
    parts
      .filter((x) => x.value !== undefined && !x.allowed.includes(x.value))
      .map((x) => `${x.name} ${x.value}`)
      .join(', ');
  if (status === 'deprived') {
    return { status, members: NONE, missing: NONE_MISSING, because: () => `${nonDurableCount} of 3 main structures are non-durable (${list()})` };
  }
  if (status === 'not-deprived') {
    return { status, members: NONE, missing: NONE_MISSING, because: () => `${nonDurableCount} of 3 main structures are non-durable${nonDurableCount ? ` (${list()})` : ''}; fewer than ${p.minNonDurable}` };
  }
  const missing = parts.filter((x) => x.value === undefined).map((x) => `dwelling.${x.name}`);
  return { status, members: NONE, missing, because: () => `cannot tell: ${missing.join(', ')} missing` };
}

type Area = DerivationOf<'housingArea'>;

export function housingArea(ctx: DerivationContext, p: Area): RuleResult {
  const raw = ctx.record.dwelling?.floorArea;
  const area = raw === undefined ? undefined : readAmount(raw);
  if (area === undefined) return ctx.explain ? { status: 'undetermined', members: NONE, missing: ['dwelling.floorArea'], because: () => 'cannot tell: dwelling.floorArea missing' } : COUNTED.undetermined;
  const n = ctx.record.members.length;
  // area / n < min  ⇔  area < min × n, exactly.
  const below = typeof area === 'number' ? area < p.minPerPerson * n : area.lt(p.minPerPerson * n);
  if (!ctx.explain) return below ? COUNTED.deprived : COUNTED['not-deprived'];
  return explainArea(area, n, below, p);
}

function explainArea(area: Amount, n: number, below: boolean, p: Area): RuleResult {
  const text = () => `${String(area)} m² for ${n} member(s) ${below ? '<' : '≥'} ${p.minPerPerson} m² × ${n} = ${p.minPerPerson * n} m²`;
  return below
    ? { status: 'deprived', members: NONE, missing: NONE_MISSING, because: () => `floor area per person under ${p.minPerPerson} m²: ${text()}` }
    : { status: 'not-deprived', members: NONE, missing: NONE_MISSING, because: () => `floor area per person at least ${p.minPerPerson} m²: ${text()}` };
}
