/**
 * The derivation data of the national standards: how each indicator is read from a survey
 * record. Where the law's definition is not confirmed, `confirmed` is false and the note says
 * what was assumed.
 *
 * @module
 */
import type { Derivation, DerivationOf } from '../derivation/parameters.js';

const ND07 = 'Decree 07/2021/NĐ-CP, Art. 3(1)(b)';
const QD59 = 'Decision 59/2015/QĐ-TTg';

const sufficientAfter16 = ['lowerSecondary', 'upperSecondary', 'vocationalElementary', 'vocationalIntermediate', 'college', 'university'] as const;
const sufficientAfter18 = ['upperSecondary', 'vocationalElementary', 'vocationalIntermediate', 'college', 'university'] as const;

const durable: DerivationOf<'housingQuality'>['durable'] = {
  walls: ['concrete', 'brick', 'durableWood', 'metalSheet'],
  roof: ['concrete', 'tile', 'metalSheet', 'fibreCement'],
  floor: ['concrete', 'tile', 'durableWood'],
};

/** Decree 07/2021/NĐ-CP (2022-2026), by indicator id. */
export const nd07Derivations = {
  employment: {
    rule: 'employment',
    workingAgeFrom: 15,
    retirementAge: {
      male: { fromYear: 2021, startMonths: 60 * 12 + 3, stepMonths: 3, maxMonths: 62 * 12, beforeMonths: 60 * 12 },
      female: { fromYear: 2021, startMonths: 55 * 12 + 4, stepMonths: 4, maxMonths: 60 * 12, beforeMonths: 55 * 12 },
    },
    wageWorkOnly: true,
    reference: `${ND07}; working age: Labour Code 2019, Art. 169 and Decree 135/2020/NĐ-CP`,
    confirmed: false,
    note: 'working age (15 to the statutory retirement age, rising 3 months a year for men and 4 for women from 2021) and the "wage work" qualifier are unconfirmed for this indicator',
  },
  dependants: {
    rule: 'dependants',
    childUnder: 16,
    elderlyFrom: 60,
    elderlyNeedsAllowance: true,
    disabledWithAllowance: true,
    shareAbove: { numerator: 1, denominator: 2 },
    reference: ND07,
    confirmed: false,
    note: 'the share (more than 50 %) is confirmed; who is a dependant is taken from a 2026-2030 draft: children under 16, elderly (60+) or disabled people receiving a monthly social allowance',
  },
  nutrition: { rule: 'nutrition', childUnder: 16, reference: ND07, confirmed: true },
  healthInsurance: { rule: 'healthInsurance', fromAge: 6, reference: ND07, confirmed: true },
  adultEducation: {
    rule: 'adultEducation',
    bands: [
      { from: 16, toExclusive: 18, sufficient: [...sufficientAfter16] },
      { from: 18, toExclusive: 31, sufficient: [...sufficientAfter18] },
    ],
    reference: ND07,
    confirmed: false,
    note: 'ages 16-30 are confirmed; the qualification for each age (16 to under 18: lower secondary; 18 to 30: upper secondary or vocational) is not',
  },
  childSchoolAttendance: {
    rule: 'childSchoolAttendance',
    from: 3,
    toExclusive: 16,
    reference: ND07,
    confirmed: true,
    note: 'derived as "not in school"; whether the child is at the level right for its age is not checked',
  },
  housingQuality: {
    rule: 'housingQuality',
    durable,
    minNonDurable: 2,
    reference: ND07,
    confirmed: false,
    note: 'non-durable taken as: at least 2 of the 3 main structures (walls or columns, roof, floor) of non-durable material, or no house; the list of durable materials is unconfirmed',
  },
  housingArea: { rule: 'housingArea', minPerPerson: 8, reference: ND07, confirmed: true },
  domesticWater: {
    rule: 'domesticWater',
    safeSources: ['piped', 'drilledWell', 'protectedDugWell', 'protectedSpring', 'rainwater', 'bottled'],
    reference: ND07,
    confirmed: false,
    note: 'the list of safe sources is unconfirmed',
  },
  hygienicLatrine: {
    rule: 'hygienicLatrine',
    hygienicTypes: ['septic', 'semiSeptic', 'pourFlush', 'ventilatedPit', 'doubleVault', 'ecological'],
    reference: ND07,
    confirmed: false,
    note: 'the list of hygienic latrine types is unconfirmed',
  },
  telecomServices: { rule: 'telecomServices', phoneSubscriptionCounts: false, reference: ND07, confirmed: true },
  informationMeans: {
    rule: 'informationMeans',
    devices: ['tv', 'radio', 'computer', 'smartphone'],
    loudspeakersCount: true,
    reference: ND07,
    confirmed: false,
    note: 'the list of devices is unconfirmed and may be incomplete',
  },
} as const satisfies Record<string, Derivation>;

/** The 2027-2030 waste indicator. */
export const wasteTreatmentDerivation = {
  rule: 'wasteTreatment',
  hygienic: ['collected', 'treatedOnSite'],
  reference: 'Decree 351/2025/NĐ-CP',
  confirmed: false,
  note: 'the threshold is unconfirmed: waste neither collected nor treated hygienically on site',
} as const satisfies Derivation;

/** Decision 59/2015/QĐ-TTg (2016-2021): every threshold unconfirmed. */
export const qd59Derivations = {
  healthcareAccess: { rule: 'healthcareAccess', reference: QD59, confirmed: false, note: 'threshold unconfirmed: a member ill without examination or treatment' },
  healthInsurance: { rule: 'healthInsurance', fromAge: 6, reference: QD59, confirmed: false },
  adultEducation: {
    rule: 'adultEducationByBirthYear',
    fromAge: 15,
    bornFromYear: 1986,
    sufficient: [...sufficientAfter16],
    reference: QD59,
    confirmed: false,
    note: 'threshold unconfirmed: aged 15 or more, born in 1986 or later, without a lower-secondary diploma and not in school',
  },
  childSchoolAttendance: { rule: 'childSchoolAttendance', from: 5, toExclusive: 15, reference: QD59, confirmed: false },
  housingQuality: { rule: 'housingQuality', durable, minNonDurable: 2, reference: QD59, confirmed: false, note: 'threshold and material lists unconfirmed' },
  housingArea: { rule: 'housingArea', minPerPerson: 8, reference: QD59, confirmed: false },
  domesticWater: { ...nd07DerivationCopy('domesticWater'), reference: QD59 },
  hygienicLatrine: { ...nd07DerivationCopy('hygienicLatrine'), reference: QD59 },
  telecomServices: { rule: 'telecomServices', phoneSubscriptionCounts: true, reference: QD59, confirmed: false },
  informationMeans: { rule: 'informationMeans', devices: ['tv', 'radio', 'computer'], loudspeakersCount: true, reference: QD59, confirmed: false },
} as const satisfies Record<string, Derivation>;

function nd07DerivationCopy<K extends 'domesticWater' | 'hygienicLatrine'>(id: K) {
  return { ...nd07Derivations[id], confirmed: false as const };
}
