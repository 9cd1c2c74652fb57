/**
 * A household survey record: the facts a commune officer records (people and the dwelling), from
 * which the indicators are derived. Every field but `area` and `members` is optional: a missing
 * fact makes the indicators that need it "undetermined", never silently "not deprived".
 *
 * @module
 */
import * as z from 'zod/mini';
import { strictObject } from '../strict-object.js';
import { isIsoDate } from '../dates.js';
import { AMOUNT_EXPECTED, AMOUNT_TEXT_RULE, readAmount } from '../money.js';
import { ID_EXPECTED, readArea, type AreaInput } from '../household.js';
import {
  employmentStatuses,
  enumIds,
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

const isoDate = z.string({ error: 'a calendar date YYYY-MM-DD' }).check(z.refine(isIsoDate, { error: 'a calendar date YYYY-MM-DD' }));
const amount = z.union([z.number(), z.string()], { error: AMOUNT_EXPECTED }).check(z.refine((v) => readAmount(v) !== undefined, { error: AMOUNT_EXPECTED }));
const FLOOR_AREA = `m² ≥ 0: a number, or a decimal text (${AMOUNT_TEXT_RULE})`;
const oneOf = <T extends string>(values: readonly [T, ...T[]]) => z.enum(values, { error: `one of ${values.join(', ')}` });
const yesNo = z.boolean({ error: 'true or false' });

/** One member of the household roster. */
export const memberSchema = strictObject({
  /** Your identifier of the person (used to catch a member listed twice). */
  id: z.optional(z.string({ error: 'a non-empty text' }).check(z.minLength(1, { error: 'a non-empty text' }))),
  name: z.optional(z.string({ error: 'a non-empty text' }).check(z.minLength(1, { error: 'a non-empty text' }))),
  /** Date of birth; or give `ageAtReview`. */
  dateOfBirth: z.optional(isoDate),
  /** Age in whole years on the review date, when the date of birth is unknown. */
  ageAtReview: z.optional(z.int({ error: 'whole years ≥ 0' }).check(z.minimum(0, { error: 'whole years ≥ 0' }), z.maximum(130, { error: 'at most 130' }))),
  sex: z.optional(oneOf(enumIds(sexes))),
  relationship: z.optional(oneOf(enumIds(relationships))),
  workingCapacity: z.optional(oneOf(enumIds(workingCapacities))),
  employmentStatus: z.optional(oneOf(enumIds(employmentStatuses))),
  /** For wage workers: whether they have a labour contract. */
  hasLabourContract: z.optional(yesNo),
  healthInsurance: z.optional(yesNo),
  highestQualification: z.optional(oneOf(enumIds(qualifications))),
  /** Currently in school or training. */
  inSchool: z.optional(yesNo),
  schoolLevel: z.optional(oneOf(enumIds(schoolLevels))),
  /** Children: height-for-age below the norm. */
  stunted: z.optional(yesNo),
  /** Children: weight-for-age below the norm. */
  underweight: z.optional(yesNo),
  disability: z.optional(yesNo),
  /** Receives a monthly social allowance. */
  monthlySocialAllowance: z.optional(yesNo),
  usesInternet: z.optional(yesNo),
  /** Has a telephone subscription (2016-2021 definition). */
  usesPhoneSubscription: z.optional(yesNo),
  /** Was ill (bedridden, needed care, stopped normal activity) and got no examination or treatment (2016-2021). */
  illWithoutTreatment: z.optional(yesNo),
}, { error: 'a member: an object of facts about one person' });

/** The dwelling. */
export const dwellingSchema = strictObject({
  /** `false` when the household has no house of its own to live in. */
  hasHouse: z.optional(yesNo),
  walls: z.optional(oneOf(enumIds(wallMaterials))),
  roof: z.optional(oneOf(enumIds(roofMaterials))),
  floor: z.optional(oneOf(enumIds(floorMaterials))),
  /** Floor area in m² (a number or a decimal string). */
  floorArea: z.optional(z.union([z.number(), z.string()], { error: FLOOR_AREA }).check(z.refine((v) => readAmount(v) !== undefined, { error: FLOOR_AREA }))),
}, { error: 'a dwelling: an object of facts about the house' });

/** A household survey record (member roster and dwelling). */
export const surveyRecordSchema = strictObject({
  id: z.optional(z.union([z.string(), z.number()], { error: ID_EXPECTED })),
  area: z.string({ error: 'rural or urban' }).check(z.refine((v) => readArea(v) !== undefined, { error: 'rural or urban (nông thôn, thành thị, đô thị)' })),
  /** Members; when given it must equal the roster's length. */
  size: z.optional(z.int({ error: 'a whole number of members ≥ 1' }).check(z.minimum(1, { error: 'a whole number of members ≥ 1' }))),
  incomeMonthlyPerCapita: z.optional(amount),
  incomeMonthlyTotal: z.optional(amount),
  incomeAnnualTotal: z.optional(amount),
  /** Score A of the official review (Phiếu B1), computed elsewhere or by a scorecard. */
  scoreA: z.optional(z.number({ error: 'points ≥ 0' }).check(z.minimum(0, { error: 'points ≥ 0' }))),
  /** Answers to a user-supplied score-A scorecard, by question id. */
  scorecardAnswers: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()], { error: 'an answer: a text, a finite number, true or false' }), { error: 'an object of answers by question id' })),
  /** The category on an existing list, to audit it against the computed one. */
  recordedCategory: z.optional(oneOf(['poor', 'near-poor', 'average', 'none'])),
  previousCategory: z.optional(oneOf(['poor', 'near-poor'])),
  previousRecognizedOn: z.optional(isoDate),
  /** The date the household left that list, when it left at an earlier review. */
  leftListOn: z.optional(isoDate),
  dwelling: z.optional(dwellingSchema),
  waterSource: z.optional(oneOf(enumIds(waterSources))),
  latrineType: z.optional(oneOf(enumIds(latrineTypes))),
  informationDevices: z.optional(z.array(oneOf(enumIds(informationDevices)), { error: 'an array of information devices' })),
  /** Whether the commune or village loudspeakers can be heard at home. */
  hearsLoudspeakers: z.optional(yesNo),
  /** How household waste is handled (2027-2030 indicator). */
  wasteHandling: z.optional(oneOf(enumIds(wasteHandlings))),
  members: z.array(memberSchema, { error: 'an array of members' }),
  attributes: z.optional(
    z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()], { error: 'a text, a finite number, true, false or null' }), { error: 'an object of grouping fields' }),
  ),
}, { error: 'a survey record: an object with area and members' });

/** A member of a household, as validated. */
export type Member = z.infer<typeof memberSchema>;
/** The dwelling of a household, as validated. */
export type Dwelling = z.infer<typeof dwellingSchema>;
/** A household survey record. */
export type SurveyRecord = z.infer<typeof surveyRecordSchema>;
/**
 * A household survey record as given to {@link classify}: the area is one of its words
 * ({@link AreaInput}), every enum one of its ids; an unknown key does not compile.
 */
export type SurveyRecordInput = Omit<z.input<typeof surveyRecordSchema>, 'area'> & { readonly area: AreaInput };

/**
 * Whether an input looks like a survey record (it has a member roster).
 *
 * @example
 * isSurveyRecord({ area: 'rural', members: [] }) //=> true
 * isSurveyRecord({ area: 'rural', size: 3, incomeMonthlyTotal: 0 }) //=> false
 */
export function isSurveyRecord(input: unknown): boolean {
  return typeof input === 'object' && input !== null && !Array.isArray(input) && 'members' in input;
}

/**
 * The JSON Schema of a survey record (draft 2020-12), for other languages and form builders.
 *
 * @example
 * surveyRecordJsonSchema().required //=> ['area', 'members']
 */
export function surveyRecordJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(surveyRecordSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
