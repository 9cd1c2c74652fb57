/**
 * How each indicator is derived from a survey record, as data: the rule to apply and its
 * parameters (ages, lists of qualifying materials, sources, devices …). The law leaves several of
 * these unconfirmed, so they live in the standard's data, flagged, and a corrected definition is a
 * data change.
 *
 * @module
 */
import * as z from 'zod/mini';
import {
  enumIds,
  floorMaterials,
  informationDevices,
  latrineTypes,
  qualifications,
  roofMaterials,
  wallMaterials,
  wasteHandlings,
  waterSources,
} from '../survey/enums.js';
import { provenanceShape as provenance } from '../standards/reference.js';
const age = z.int().check(z.minimum(0), z.maximum(130));
const qualification = z.enum(enumIds(qualifications));

/** Retirement age that rises by a step each year to a ceiling (Labour Code 2019; Decree 135/2020/NĐ-CP). */
export const retirementScheduleSchema = z.strictObject({
  /** Year of the first value. */
  fromYear: z.int(),
  /** Retirement age in months in `fromYear`. */
  startMonths: z.int().check(z.positive()),
  /** Months added each later year. */
  stepMonths: z.int().check(z.minimum(0)),
  /** Ceiling in months. */
  maxMonths: z.int().check(z.positive()),
  /** Retirement age in months before `fromYear`. */
  beforeMonths: z.int().check(z.positive()),
});

/** The schema of an indicator's derivation from a roster: the rule's name and its parameters (ages, lists of materials, sources and devices), as a standard's data holds them. */
export const derivationSchema = z.discriminatedUnion('rule', [
  z.strictObject({
    rule: z.literal('employment'),
    /** First year of working age. */
    workingAgeFrom: age,
    retirementAge: z.strictObject({ male: retirementScheduleSchema, female: retirementScheduleSchema }),
    /** Only wage work without a contract deprives (not self-employment). */
    wageWorkOnly: z.boolean(),
    ...provenance,
  }),
  z.strictObject({
    rule: z.literal('dependants'),
    /** Children under this age are dependants. */
    childUnder: age,
    /** Elderly from this age are dependants (when `elderlyNeedsAllowance`, only with a monthly allowance). */
    elderlyFrom: age,
    elderlyNeedsAllowance: z.boolean(),
    /** Disabled members receiving a monthly allowance are dependants. */
    disabledWithAllowance: z.boolean(),
    /** Deprived when dependants are more than this share of members (numerator/denominator). */
    shareAbove: z.strictObject({ numerator: z.int().check(z.minimum(0)), denominator: z.int().check(z.positive()) }),
    ...provenance,
  }),
  z.strictObject({ rule: z.literal('nutrition'), childUnder: age, ...provenance }),
  z.strictObject({ rule: z.literal('healthInsurance'), fromAge: age, ...provenance }),
  z.strictObject({
    rule: z.literal('adultEducation'),
    /** Age bands (inclusive `from`, exclusive `toExclusive`) and the qualifications that suffice in each; studying always suffices. */
    bands: z.array(z.strictObject({ from: age, toExclusive: age, sufficient: z.array(qualification).check(z.minLength(1)) })).check(z.minLength(1)),
    ...provenance,
  }),
  z.strictObject({
    rule: z.literal('adultEducationByBirthYear'),
    fromAge: age,
    bornFromYear: z.int(),
    sufficient: z.array(qualification).check(z.minLength(1)),
    ...provenance,
  }),
  z.strictObject({ rule: z.literal('childSchoolAttendance'), from: age, toExclusive: age, ...provenance }),
  z.strictObject({
    rule: z.literal('housingQuality'),
    durable: z.strictObject({
      walls: z.array(z.enum(enumIds(wallMaterials))),
      roof: z.array(z.enum(enumIds(roofMaterials))),
      floor: z.array(z.enum(enumIds(floorMaterials))),
    }),
    /** Deprived when at least this many of the three structures are non-durable (or there is no house). */
    minNonDurable: z.int().check(z.minimum(1), z.maximum(3)),
    ...provenance,
  }),
  z.strictObject({ rule: z.literal('housingArea'), minPerPerson: z.int().check(z.positive()), ...provenance }),
  z.strictObject({ rule: z.literal('domesticWater'), safeSources: z.array(z.enum(enumIds(waterSources))).check(z.minLength(1)), ...provenance }),
  z.strictObject({ rule: z.literal('hygienicLatrine'), hygienicTypes: z.array(z.enum(enumIds(latrineTypes))).check(z.minLength(1)), ...provenance }),
  z.strictObject({ rule: z.literal('telecomServices'), phoneSubscriptionCounts: z.boolean(), ...provenance }),
  z.strictObject({
    rule: z.literal('informationMeans'),
    devices: z.array(z.enum(enumIds(informationDevices))).check(z.minLength(1)),
    loudspeakersCount: z.boolean(),
    ...provenance,
  }),
  z.strictObject({ rule: z.literal('wasteTreatment'), hygienic: z.array(z.enum(enumIds(wasteHandlings))).check(z.minLength(1)), ...provenance }),
  z.strictObject({ rule: z.literal('healthcareAccess'), ...provenance }),
]);

/** How one indicator is derived from a survey record. */
export type Derivation = z.infer<typeof derivationSchema>;
/** The derivation of a given rule. */
export type DerivationOf<R extends Derivation['rule']> = Extract<Derivation, { rule: R }>;
