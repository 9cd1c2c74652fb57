/**
 * A quick structural check of a survey record, for large batches: it accepts only records that
 * the schema ({@link surveyRecordSchema}) certainly accepts unchanged, and answers "not sure"
 * otherwise, so that the schema itself then parses the record and reports any error. The field
 * tables are checked against the schema's keys by the test suite.
 *
 * @module
 */
import { isIsoDate } from '../dates.js';
import { readAmount } from '../money.js';
import { readArea } from '../household.js';
import {
  employmentStatuses,
  floorMaterials,
  informationDevices,
  latrineTypes,
  qualifications,
  relationships,
  roofMaterials,
  schoolLevels,
  sexes,
  wallMaterials,
  wasteHandlings,
  waterSources,
  workingCapacities,
} from './enums.js';
import type { SurveyRecord } from './record.js';

type Check = (value: unknown) => boolean;

/** One of an enumeration's ids (a short list is scanned: faster than hashing for a few values). */
const oneOf = (e: object): Check => {
  const ids = Object.keys(e);
  if (ids.length > 8) {
    const set = new Set(ids);
    return (v) => typeof v === 'string' && set.has(v);
  }
  return (v) => {
    for (let i = 0; i < ids.length; i++) if (v === ids[i]) return true;
    return false;
  };
};
const bool: Check = (v) => v === true || v === false;
const text: Check = (v) => typeof v === 'string' && v.length > 0;
const date: Check = isIsoDate;
const amount: Check = (v) => (typeof v === 'number' || typeof v === 'string') && readAmount(v) !== undefined;
const id: Check = (v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
const age: Check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 130;
/**
 * Attributes certainly valid: a plain object (or one without a prototype, as the table reader
 * makes them) of strings, finite numbers, booleans and nulls.
 */
export const surelyValidAttributes: Check = (v) => {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return false;
  for (const key in v) {
    const x = (v as Record<string, unknown>)[key];
    if (!(typeof x === 'string' || typeof x === 'boolean' || x === null || (typeof x === 'number' && Number.isFinite(x)))) return false;
  }
  return true;
};

const sexCheck = oneOf(sexes);
const relationshipCheck = oneOf(relationships);
const capacityCheck = oneOf(workingCapacities);
const employmentCheck = oneOf(employmentStatuses);
const qualificationCheck = oneOf(qualifications);
const levelCheck = oneOf(schoolLevels);

/** The member fields the quick check knows; exactly the schema's (a test compares them). */
export const memberFields = [
  'id', 'name', 'dateOfBirth', 'ageAtReview', 'sex', 'relationship', 'workingCapacity', 'employmentStatus', 'hasLabourContract',
  'healthInsurance', 'highestQualification', 'inSchool', 'schoolLevel', 'stunted', 'underweight', 'disability',
  'monthlySocialAllowance', 'usesInternet', 'usesPhoneSubscription', 'illWithoutTreatment',
] as const;

const memberFieldSet: ReadonlySet<string> = new Set(memberFields);

/**
 * A member certainly valid: one `switch` over the field names (members are most of a roster, so
 * this is the check's hot loop).
 */
function surelyValidMember(m: unknown): boolean {
  if (!plainObject(m)) return false;
  for (const key in m) {
    const v = m[key];
    if (v === undefined) {
      // An absent value is fine for a known field; an unknown key fails even when undefined.
      if (!memberFieldSet.has(key)) return false;
      continue;
    }
    switch (key) {
      case 'hasLabourContract':
      case 'healthInsurance':
      case 'inSchool':
      case 'stunted':
      case 'underweight':
      case 'disability':
      case 'monthlySocialAllowance':
      case 'usesInternet':
      case 'usesPhoneSubscription':
      case 'illWithoutTreatment':
        if (v !== true && v !== false) return false;
        break;
      case 'dateOfBirth':
        if (!date(v)) return false;
        break;
      case 'sex':
        if (!sexCheck(v)) return false;
        break;
      case 'relationship':
        if (!relationshipCheck(v)) return false;
        break;
      case 'workingCapacity':
        if (!capacityCheck(v)) return false;
        break;
      case 'employmentStatus':
        if (!employmentCheck(v)) return false;
        break;
      case 'highestQualification':
        if (!qualificationCheck(v)) return false;
        break;
      case 'schoolLevel':
        if (!levelCheck(v)) return false;
        break;
      case 'id':
      case 'name':
        if (!text(v)) return false;
        break;
      case 'ageAtReview':
        if (!age(v)) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** How each dwelling field is checked. */
export const dwellingFieldChecks: Readonly<Record<string, Check>> = {
  hasHouse: bool,
  walls: oneOf(wallMaterials),
  roof: oneOf(roofMaterials),
  floor: oneOf(floorMaterials),
  floorArea: amount,
};

const plainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

const dwellingTable = new Map(Object.entries(dwellingFieldChecks));

/** A dwelling certainly valid: known fields only, each with a valid value. */
const dwellingCheck: Check = (value) => {
  if (!plainObject(value)) return false;
  for (const key in value) {
    const check = dwellingTable.get(key);
    const v = value[key];
    if (check === undefined || (v !== undefined && !check(v))) return false;
  }
  return true;
};

const deviceCheck = oneOf(informationDevices);
const areaCheck: Check = (v) => readArea(v) !== undefined;
const waterCheck = oneOf(waterSources);
const latrineCheck = oneOf(latrineTypes);
const devicesCheck: Check = (v) => {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!deviceCheck(v[i])) return false;
  return true;
};
const membersCheck: Check = (v) => {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (!surelyValidMember(v[i])) return false;
  return true;
};

/** How each record field is checked. */
export const recordFieldChecks: Readonly<Record<string, Check>> = {
  id,
  area: areaCheck,
  size: (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1,
  incomeMonthlyPerCapita: amount,
  incomeMonthlyTotal: amount,
  incomeAnnualTotal: amount,
  scoreA: (v) => typeof v === 'number' && Number.isFinite(v) && v >= 0,
  scorecardAnswers: (v) => surelyValidAttributes(v) && Object.values(v as object).every((x) => x !== null),
  recordedCategory: (v) => v === 'poor' || v === 'near-poor' || v === 'average' || v === 'none',
  previousCategory: (v) => v === 'poor' || v === 'near-poor',
  previousRecognizedOn: date,
  leftListOn: date,
  dwelling: dwellingCheck,
  waterSource: waterCheck,
  latrineType: latrineCheck,
  informationDevices: devicesCheck,
  hearsLoudspeakers: bool,
  wasteHandling: oneOf(wasteHandlings),
  members: membersCheck,
  attributes: surelyValidAttributes,
};

const recordFieldSet: ReadonlySet<string> = new Set(Object.keys(recordFieldChecks));

/**
 * Whether the record certainly passes the schema unchanged. `false` means "let the schema decide".
 * The fields every roster has are checked in a `switch` (inlined); the others through the table.
 */
export function surelyValidRecord(value: unknown): value is SurveyRecord {
  if (!plainObject(value)) return false;
  for (const key in value) {
    const v = value[key];
    if (v === undefined) {
      if (!recordFieldSet.has(key)) return false;
      continue;
    }
    // The fields every roster has, by direct calls to their checks (the table's own functions).
    switch (key) {
      case 'members':
        if (!membersCheck(v)) return false;
        break;
      case 'id':
        if (!id(v)) return false;
        break;
      case 'area':
        if (!areaCheck(v)) return false;
        break;
      case 'incomeMonthlyPerCapita':
      case 'incomeMonthlyTotal':
      case 'incomeAnnualTotal':
        if (!amount(v)) return false;
        break;
      case 'dwelling':
        if (!dwellingCheck(v)) return false;
        break;
      case 'waterSource':
        if (!waterCheck(v)) return false;
        break;
      case 'latrineType':
        if (!latrineCheck(v)) return false;
        break;
      case 'informationDevices':
        if (!devicesCheck(v)) return false;
        break;
      case 'hearsLoudspeakers':
        if (!bool(v)) return false;
        break;
      default: {
        const check = recordFieldChecks[key];
        if (check === undefined || !Object.hasOwn(recordFieldChecks, key) || !check(v)) return false;
      }
    }
  }
  return Array.isArray(value.members) && typeof value.area === 'string';
}
