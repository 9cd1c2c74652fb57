// Each indicator derived from the roster and dwelling, at its age and size edges (Decree 07/2021/
// NĐ-CP, Art. 3; the unconfirmed parts are the standard's data). Ages are on the review date: a
// child who turns 16 on that day is 16.
import { describe, expect, it } from 'vitest';
import { deriveIndicators } from '../../src/survey/index.js';
import { type Member } from '../../src/index.js';
import { bornTurning, okAdult, recordWith, review } from './helpers.js';

const derive = (members: Member[], extra = {}, date = review) => deriveIndicators(recordWith(members, extra), { date });
const status = (members: Member[], id: string, extra = {}, date = review) => derive(members, extra, date).indicators.find((i) => i.indicator === id)!;

describe('a complete record deprived in nothing', () => {
  it('derives all 12 indicators as not deprived', () => {
    const d = derive([okAdult]);
    expect(d.indicators.map((i) => i.status)).toEqual(Array(12).fill('not-deprived'));
    expect(d.deprived).toEqual([]);
    expect(d.undetermined).toEqual([]);
  });
});

describe('nutrition: a child under 16 stunted or underweight', () => {
  it('a stunted child of 15 (turning 16 tomorrow) deprives', () => {
    const r = status([okAdult, { dateOfBirth: bornTurning(16, 1), stunted: true, underweight: false }], 'nutrition');
    expect(r.status).toBe('deprived');
    expect(r.members).toEqual([1]);
  });
  it('a stunted child who turns 16 on the review date does not', () => {
    expect(status([okAdult, { dateOfBirth: bornTurning(16), stunted: true, underweight: false }], 'nutrition').status).toBe('not-deprived');
  });
  it('unknown growth of a child is undetermined, naming the field', () => {
    const r = status([okAdult, { dateOfBirth: bornTurning(4, 30) }], 'nutrition');
    expect(r).toMatchObject({ status: 'undetermined', missing: ['members[1].stunted'] });
  });
});

describe('health insurance: a member aged 6 or more without it', () => {
  it('a child who turns 6 on the review date without insurance deprives', () => {
    expect(status([okAdult, { dateOfBirth: bornTurning(6), healthInsurance: false }], 'healthInsurance').status).toBe('deprived');
  });
  it('a child of 5 (turning 6 tomorrow) without insurance does not', () => {
    expect(status([okAdult, { dateOfBirth: bornTurning(6, 1), healthInsurance: false }], 'healthInsurance').status).toBe('not-deprived');
  });
  it('names the member in the reason', () => {
    const r = status([okAdult, { ...okAdult, name: 'Lan', dateOfBirth: '1991-03-03', healthInsurance: false }], 'healthInsurance');
    expect(r.reason).toBe('member 2 (Lan, 34): aged 6 or more without health insurance');
  });
  it('an insured member of unknown age is no problem; an uninsured one is undetermined', () => {
    expect(status([{ ...okAdult, dateOfBirth: undefined, healthInsurance: true }], 'healthInsurance').status).toBe('not-deprived');
    expect(status([{ ...okAdult, dateOfBirth: undefined, healthInsurance: false }], 'healthInsurance')).toMatchObject({ status: 'undetermined', missing: ['members[0].dateOfBirth'] });
  });
});

describe('child school attendance: a child aged 3 to under 16 not in school', () => {
  it.each([
    ['turning 3 on the review date', bornTurning(3), 'deprived'],
    ['2 (turning 3 tomorrow)', bornTurning(3, 1), 'not-deprived'],
    ['15 (turning 16 tomorrow)', bornTurning(16, 1), 'deprived'],
    ['turning 16 on the review date', bornTurning(16), 'not-deprived'],
  ])('a child %s, not in school: %s', (_, dateOfBirth, expected) => {
    expect(status([okAdult, { dateOfBirth, inSchool: false, stunted: false, underweight: false, healthInsurance: true }], 'childSchoolAttendance').status).toBe(expected);
  });
});

describe('adult education: a member aged 16 to 30 neither studying nor qualified for their age (age rule unconfirmed)', () => {
  const young = (dateOfBirth: string, highestQualification: Member['highestQualification'], inSchool = false): Member => ({ ...okAdult, dateOfBirth, highestQualification, inSchool });
  it('16 on the review date with only primary schooling: deprived', () => {
    expect(status([okAdult, young(bornTurning(16), 'primary')], 'adultEducation').status).toBe('deprived');
  });
  it('15 with only primary schooling: not counted', () => {
    expect(status([okAdult, young(bornTurning(16, 1), 'primary')], 'adultEducation').status).toBe('not-deprived');
  });
  it('17 with lower secondary: enough; 18 with lower secondary: not enough', () => {
    expect(status([okAdult, young(bornTurning(18, 1), 'lowerSecondary')], 'adultEducation').status).toBe('not-deprived');
    expect(status([okAdult, young(bornTurning(18), 'lowerSecondary')], 'adultEducation').status).toBe('deprived');
  });
  it('30 with lower secondary: deprived; 31: not counted', () => {
    expect(status([okAdult, young(bornTurning(31, 1), 'lowerSecondary')], 'adultEducation').status).toBe('deprived');
    expect(status([okAdult, young(bornTurning(31), 'lowerSecondary')], 'adultEducation').status).toBe('not-deprived');
  });
  it('studying always suffices; vocational suffices from 18', () => {
    expect(status([okAdult, young(bornTurning(20), 'primary', true)], 'adultEducation').status).toBe('not-deprived');
    expect(status([okAdult, young(bornTurning(20), 'vocationalIntermediate')], 'adultEducation').status).toBe('not-deprived');
  });
  it('is flagged unconfirmed', () => {
    expect(status([okAdult], 'adultEducation').confirmed).toBe(false);
  });
});

describe('housing area: under 8 m² per person', () => {
  const two = [okAdult, { ...okAdult, dateOfBirth: '1990-01-01' }];
  it('16 m² for 2 members (exactly 8 m² each): not deprived', () => {
    expect(status(two, 'housingArea', { dwelling: { hasHouse: true, walls: 'brick', roof: 'tile', floor: 'concrete', floorArea: 16 } }).status).toBe('not-deprived');
  });
  it('15.99 m² for 2 members: deprived, exactly', () => {
    const r = status(two, 'housingArea', { dwelling: { hasHouse: true, walls: 'brick', roof: 'tile', floor: 'concrete', floorArea: '15.99' } });
    expect(r.status).toBe('deprived');
    expect(r.reason).toContain('15.99 m² for 2 member(s) < 8 m² × 2 = 16 m²');
  });
});

describe('dependants: more than 50 % of members (who counts is unconfirmed)', () => {
  const child = (d = bornTurning(10)): Member => ({ dateOfBirth: d, stunted: false, underweight: false, inSchool: true, healthInsurance: true, disability: false, monthlySocialAllowance: false });
  it('2 children of 4 members (exactly 50 %): not deprived', () => {
    expect(status([okAdult, okAdult, child(), child()], 'dependants').status).toBe('not-deprived');
  });
  it('3 children of 5 members (60 %): deprived', () => {
    expect(status([okAdult, okAdult, child(), child(), child()], 'dependants')).toMatchObject({ status: 'deprived', members: [2, 3, 4] });
  });
  it('a child who turns 16 on the review date is no longer a dependant', () => {
    expect(status([okAdult, child(), { ...child(bornTurning(16)) }], 'dependants').status).toBe('not-deprived');
    expect(status([okAdult, child(), { ...child(bornTurning(16, 1)) }], 'dependants').status).toBe('deprived');
  });
  it('an elderly member counts only with a monthly allowance', () => {
    const elder = (allowance: boolean): Member => ({ dateOfBirth: '1940-01-01', monthlySocialAllowance: allowance, disability: false, healthInsurance: true });
    expect(status([okAdult, elder(true), elder(true)], 'dependants').status).toBe('deprived');
    expect(status([okAdult, elder(false), elder(true)], 'dependants').status).toBe('not-deprived');
  });
});

describe('employment (working age unconfirmed for this indicator)', () => {
  it('an unemployed adult of working age deprives', () => {
    expect(status([{ ...okAdult, employmentStatus: 'unemployed' }], 'employment').status).toBe('deprived');
  });
  it('a wage worker without a contract deprives; with one, does not', () => {
    expect(status([{ ...okAdult, employmentStatus: 'wageWorker', hasLabourContract: false }], 'employment').status).toBe('deprived');
    expect(status([{ ...okAdult, employmentStatus: 'wageWorker', hasLabourContract: true }], 'employment').status).toBe('not-deprived');
  });
  it('a 14-year-old looking for work is not of working age; a 15-year-old is', () => {
    expect(status([okAdult, { ...okAdult, dateOfBirth: bornTurning(15, 1), employmentStatus: 'unemployed' }], 'employment').status).toBe('not-deprived');
    expect(status([okAdult, { ...okAdult, dateOfBirth: bornTurning(15), employmentStatus: 'unemployed' }], 'employment').status).toBe('deprived');
  });
  it('retirement age in 2025: men 61 years 3 months, women 56 years 8 months', () => {
    // Men: 60y3m in 2021 + 3 months a year = 61y3m in 2025; women: 55y4m + 4 months a year = 56y8m.
    const man = (dateOfBirth: string): Member => ({ ...okAdult, sex: 'male', dateOfBirth, employmentStatus: 'unemployed' });
    expect(status([man('1964-09-02')], 'employment').status).toBe('deprived'); // 61 years 2 months
    expect(status([man('1964-09-01')], 'employment').status).toBe('not-deprived'); // 61 years 3 months
    const woman = (dateOfBirth: string): Member => ({ ...okAdult, sex: 'female', dateOfBirth, employmentStatus: 'unemployed' });
    expect(status([woman('1969-04-02')], 'employment').status).toBe('deprived'); // 56 years 7 months
    expect(status([woman('1969-04-01')], 'employment').status).toBe('not-deprived'); // 56 years 8 months
  });
  it('unable to work: not counted', () => {
    expect(status([{ ...okAdult, employmentStatus: 'unemployed', workingCapacity: 'none' }], 'employment').status).toBe('not-deprived');
  });
});

describe('dwelling and services', () => {
  it('housing quality: 2 of 3 structures non-durable deprives; 1 does not; no house deprives', () => {
    const dwelling = (walls: string, roof: string, floor: string) => ({ dwelling: { hasHouse: true, walls, roof, floor, floorArea: 100 } });
    expect(status([okAdult], 'housingQuality', dwelling('earth', 'leavesOrStraw', 'concrete')).status).toBe('deprived');
    expect(status([okAdult], 'housingQuality', dwelling('earth', 'tile', 'concrete')).status).toBe('not-deprived');
    expect(status([okAdult], 'housingQuality', { dwelling: { hasHouse: false, floorArea: 10 } }).status).toBe('deprived');
    expect(status([okAdult], 'housingQuality', { dwelling: { hasHouse: true, walls: 'earth', floorArea: 100 } })).toMatchObject({ status: 'undetermined', missing: ['dwelling.roof', 'dwelling.floor'] });
  });
  it('water, latrine, waste (2027-2030)', () => {
    expect(status([okAdult], 'domesticWater', { waterSource: 'surfaceWater' }).status).toBe('deprived');
    expect(status([okAdult], 'hygienicLatrine', { latrineType: 'simplePit' }).status).toBe('deprived');
    expect(status([okAdult], 'wasteTreatment', { wasteHandling: 'dumped' }, '2027-06-01').status).toBe('deprived');
    expect(status([okAdult], 'domesticWater', { waterSource: undefined })).toMatchObject({ status: 'undetermined', missing: ['waterSource'] });
  });
  it('information: no internet user; no device and no loudspeakers', () => {
    expect(status([{ ...okAdult, usesInternet: false }], 'telecomServices').status).toBe('deprived');
    expect(status([okAdult], 'informationMeans', { informationDevices: ['featurePhone'], hearsLoudspeakers: false }).status).toBe('deprived');
    expect(status([okAdult], 'informationMeans', { informationDevices: ['featurePhone'], hearsLoudspeakers: true }).status).toBe('not-deprived');
  });
});

describe('2016-2021 derivations', () => {
  it('adult education counts members born in 1986 or later without lower secondary', () => {
    const m = (dateOfBirth: string): Member => ({ ...okAdult, dateOfBirth, highestQualification: 'primary', inSchool: false, illWithoutTreatment: false, usesPhoneSubscription: true });
    expect(status([m('1986-01-01')], 'adultEducation', {}, '2020-06-01').status).toBe('deprived');
    expect(status([m('1985-12-31')], 'adultEducation', {}, '2020-06-01').status).toBe('not-deprived');
  });
  it('healthcare access', () => {
    expect(status([{ ...okAdult, illWithoutTreatment: true }], 'healthcareAccess', {}, '2020-06-01').status).toBe('deprived');
  });
});
