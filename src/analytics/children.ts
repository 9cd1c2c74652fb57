/**
 * Deprivations of children (the official report on children of poor and near-poor households):
 * children without health insurance, malnourished, or not in school, read from the roster with
 * the standard's own ages: who is a child (`children.under`), and the ages of the health-insurance
 * and school-attendance indicators' derivations. No age is fixed in code.
 *
 * @module
 */
import type { IsoDate } from '../dates.js';
import { ageOf } from '../derivation/context.js';
import type { Standard } from '../standards/schema.js';
import type { SurveyRecord } from '../survey/record.js';

/** Counts of a household's children and their deprivations. */
export interface ChildFacts {
  /** Children: members under the standard's `children.under` (16 under Decree 07/2021). */
  readonly children: number;
  readonly withoutHealthInsurance: number;
  readonly malnourished: number;
  readonly notInSchool: number;
}

/** The ages the report on children uses, all read from a standard's data. */
export interface ChildAges {
  /** A member under this age is a child. */
  readonly under: number;
  /** Without health insurance counts from this age (the health-insurance indicator's). */
  readonly insuredFrom: number;
  /** Not in school counts from this age (inclusive) to this one (exclusive): the school-attendance indicator's. */
  readonly schoolFrom: number;
  readonly schoolUnder: number;
}

/**
 * The ages of the report on children under a standard, or `undefined` when the standard does not
 * define them all (no `children`, or no derivation of health insurance or school attendance).
 *
 * @example
 * childAges(getStandard('nd07-2021')) //=> { under: 16, insuredFrom: 6, schoolFrom: 3, schoolUnder: 16 }
 */
export function childAges(standard: Standard): ChildAges | undefined {
  const derivations = standard.indicators.map((i) => i.derivation);
  const insurance = derivations.find((d) => d?.rule === 'healthInsurance');
  const school = derivations.find((d) => d?.rule === 'childSchoolAttendance');
  if (!standard.children || insurance?.rule !== 'healthInsurance' || school?.rule !== 'childSchoolAttendance') return undefined;
  return { under: standard.children.under.value, insuredFrom: insurance.fromAge, schoolFrom: school.from, schoolUnder: school.toExclusive };
}

/**
 * Counts the children of a record and their deprivations, with the standard's ages; `undefined`
 * when the standard does not define them ({@link childAges}).
 * @example
 * const record = readSurveyRecord({
 *   area: 'rural', incomeMonthlyTotal: 3_000_000,
 *   members: [
 *     { dateOfBirth: '1990-01-01', healthInsurance: true },
 *     { dateOfBirth: '2015-05-01', healthInsurance: false, inSchool: false },
 *     { dateOfBirth: '2019-09-01', healthInsurance: true, stunted: true, inSchool: true },
 *   ],
 * });
 * childFacts(record, getStandard('nd07-2021'), '2025-12-01')
 * //=> { children: 2, withoutHealthInsurance: 1, malnourished: 1, notInSchool: 1 }
 */
export function childFacts(record: SurveyRecord, standard: Standard, date: IsoDate): ChildFacts | undefined {
  const ages = childAges(standard);
  if (!ages) return undefined;
  let children = 0, withoutHealthInsurance = 0, malnourished = 0, notInSchool = 0;
  for (const m of record.members) {
    const age = ageOf(m, date);
    if (!age || age.years >= ages.under) continue;
    children++;
    if (age.years >= ages.insuredFrom && m.healthInsurance === false) withoutHealthInsurance++;
    if (m.stunted === true || m.underweight === true) malnourished++;
    if (age.years >= ages.schoolFrom && age.years < ages.schoolUnder && m.inSchool === false) notInSchool++;
  }
  return { children, withoutHealthInsurance, malnourished, notInSchool };
}
