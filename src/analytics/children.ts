/**
 * Deprivations of children (the official report on children of poor and near-poor households):
 * children without health insurance, malnourished, or not in school, read from the roster with
 * the standard's own ages.
 *
 * @module
 */
import type { IsoDate } from '../dates.js';
import { ageOf } from '../derivation/context.js';
import type { Standard } from '../standards/schema.js';
import type { SurveyRecord } from '../survey/record.js';

/** Counts of a household's children and their deprivations. */
export interface ChildFacts {
  /** Children under the nutrition age (16 under Decree 07/2021). */
  readonly children: number;
  readonly withoutHealthInsurance: number;
  readonly malnourished: number;
  readonly notInSchool: number;
}

/** Counts the children of a record and their deprivations, with the standard's ages. */
export function childFacts(record: SurveyRecord, standard: Standard, date: IsoDate): ChildFacts {
  const param = <R extends string>(rule: R) => standard.indicators.map((i) => i.derivation).find((d) => d?.rule === rule);
  const nutrition = param('nutrition');
  const insurance = param('healthInsurance');
  const school = param('childSchoolAttendance');
  const under = nutrition?.rule === 'nutrition' ? nutrition.childUnder : 16;
  const insuredFrom = insurance?.rule === 'healthInsurance' ? insurance.fromAge : 6;
  const [schoolFrom, schoolTo] = school?.rule === 'childSchoolAttendance' ? [school.from, school.toExclusive] : [3, 16];
  let children = 0, withoutHealthInsurance = 0, malnourished = 0, notInSchool = 0;
  for (const m of record.members) {
    const age = ageOf(m, date);
    if (!age || age.years >= under) continue;
    children++;
    if (age.years >= insuredFrom && m.healthInsurance === false) withoutHealthInsurance++;
    if (m.stunted === true || m.underweight === true) malnourished++;
    if (age.years >= schoolFrom && age.years < schoolTo && m.inSchool === false) notInSchool++;
  }
  return { children, withoutHealthInsurance, malnourished, notInSchool };
}
