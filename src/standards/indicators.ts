/**
 * Looking up a standard's indicators by id.
 *
 * @module
 */
import type { Standard } from './schema.js';

const idSets = new WeakMap<Standard, ReadonlySet<string>>();

/**
 * The ids of a standard's indicators (cached per standard object).
 *
 * @example
 * indicatorIdSet(getStandard('nd07-2021')).has('nutrition') //=> true
 * indicatorIdSet(getStandard('qd59-2015')).has('nutrition') //=> false
 */
export function indicatorIdSet(standard: Standard): ReadonlySet<string> {
  let ids = idSets.get(standard);
  if (!ids) {
    ids = new Set(standard.indicators.map((i) => i.id));
    idSets.set(standard, ids);
  }
  return ids;
}
