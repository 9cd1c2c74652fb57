import type { Member, SurveyRecordInput } from '../../src/index.js';

export const review = '2025-12-01';

/** An adult who deprives in nothing under Decree 07/2021. */
export const okAdult: Member = {
  dateOfBirth: '1985-05-05',
  sex: 'female',
  workingCapacity: 'full',
  employmentStatus: 'selfEmployed',
  healthInsurance: true,
  highestQualification: 'upperSecondary',
  inSchool: false,
  usesInternet: true,
  disability: false,
  monthlySocialAllowance: false,
};

/** A record that deprives in nothing, with the members given. */
export function recordWith(members: Member[], extra: Partial<SurveyRecordInput> = {}): SurveyRecordInput {
  return {
    area: 'rural',
    incomeMonthlyTotal: 1_000_000 * Math.max(members.length, 1),
    dwelling: { hasHouse: true, walls: 'brick', roof: 'tile', floor: 'concrete', floorArea: 100 },
    waterSource: 'piped',
    latrineType: 'septic',
    informationDevices: ['tv'],
    hearsLoudspeakers: true,
    wasteHandling: 'collected',
    members,
    ...extra,
  };
}

/** The date of birth of someone who turns `years` old `daysAfter` days after the review (0: on the review date). */
export function bornTurning(years: number, daysAfter = 0): string {
  const d = new Date(Date.UTC(2025 - years, 11, 1 + daysAfter));
  return d.toISOString().slice(0, 10);
}
