// The report on children of poor and near-poor households counts children by the standard's data:
// who is a child (`children.under`: under 16 by Decree 07/2021's nutrition and school-attendance
// indicators, unconfirmed for Decision 59/2015 and Decree 351/2025) and the ages of the
// health-insurance and school-attendance indicators (6 or more; 3 to under 16 under Decree
// 07/2021, 5 to under 15 under Decision 59/2015, unconfirmed). No age sits in code.
import { describe, expect, it } from 'vitest';
import { childAges, childFacts, createTally } from '../../src/analytics/index.js';
import { childrenTable } from '../../src/report/index.js';
import { defineStandard, getStandard, type StandardInput } from '../../src/index.js';
import { readSurveyRecord } from '../../src/survey/index.js';
import { bornTurning, okAdult, recordWith, review } from '../derivation/helpers.js';

const child = (years: number, extra: Record<string, unknown> = {}) => ({ dateOfBirth: bornTurning(years, -1), sex: 'male' as const, healthInsurance: false, inSchool: false, ...extra });
const nd07 = getStandard('nd07-2021');
const record = readSurveyRecord(recordWith([okAdult, child(4), child(5), child(14), child(15, { stunted: true })]));

describe('the ages of the report on children', () => {
  it('come from each standard', () => {
    expect(childAges(getStandard('nd07-2021'))).toEqual({ under: 16, insuredFrom: 6, schoolFrom: 3, schoolUnder: 16 });
    expect(childAges(getStandard('qd59-2015'))).toEqual({ under: 16, insuredFrom: 6, schoolFrom: 5, schoolUnder: 15 });
    expect(childAges(getStandard('nd351-2025'))).toEqual(childAges(getStandard('nd07-2021')));
  });
  it('the age of a child is confirmed by Decree 07/2021 only', () => {
    expect(getStandard('nd07-2021').children!.under).toMatchObject({ value: 16, confirmed: true, reference: { instrument: 'Decree 07/2021/NĐ-CP', article: 'Art. 3(1)(b)' } });
    for (const id of ['qd59-2015', 'nd351-2025']) expect(getStandard(id).children!.under).toMatchObject({ value: 16, confirmed: false, carriedFrom: 'nd07-2021' });
  });
});

describe('childFacts', () => {
  it('Decree 07/2021: four children under 16; without insurance from 6; not in school from 3', () => {
    expect(childFacts(record, getStandard('nd07-2021'), review)).toEqual({ children: 4, withoutHealthInsurance: 2, malnourished: 1, notInSchool: 4 });
  });
  it('Decision 59/2015: not in school from 5 to under 15', () => {
    expect(childFacts(record, getStandard('qd59-2015'), '2021-06-01')).toMatchObject({ notInSchool: 2 });
  });
  it('a standard of one\'s own that counts children under 15 leaves the 15-year-old out', () => {
    const mine = defineStandard({ ...structuredClone(nd07), id: 'under-15', children: { under: { value: 15, confirmed: false, note: 'a test age' } } } as StandardInput);
    expect(childFacts(record, mine, review)).toEqual({ children: 3, withoutHealthInsurance: 1, malnourished: 0, notInSchool: 3 });
  });
  it('a standard without the ages has no report on children', () => {
    const none = structuredClone(nd07) as StandardInput;
    delete none.children;
    expect(childAges(defineStandard({ ...none, id: 'no-children' }))).toBeUndefined();
    expect(childFacts(record, defineStandard({ ...none, id: 'no-children' }), review)).toBeUndefined();
  });
});

describe('childrenTable', () => {
  const tally = createTally({ indicators: ['nutrition'] });
  tally.add({ category: 'poor', deprived: [], size: 5, children: { children: 4, withoutHealthInsurance: 2, malnourished: 1, notInSchool: 4 } });
  const t = tally.result();
  it('says the age of a child from the standard', () => {
    expect(childrenTable(t, 'en', getStandard('nd07-2021'))).toMatchObject({ title: 'Children under 16 of poor and near-poor households, deprived' });
    expect(childrenTable(t, 'vi', getStandard('nd07-2021'))!.title).toBe('Trẻ em dưới 16 tuổi thiếu hụt trong hộ nghèo, hộ cận nghèo');
    expect(childrenTable(t, 'en', getStandard('nd07-2021'))!.note).toBeUndefined();
    const mine = defineStandard({ ...structuredClone(nd07), id: 'under-15', children: { under: { value: 15, confirmed: false, note: 'a test age' } } } as StandardInput);
    expect(childrenTable(t, 'en', mine)).toMatchObject({ title: 'Children under 15 of poor and near-poor households, deprived', note: 'The age of a child is unconfirmed under under-15: a test age.' });
  });
  it('notes an unconfirmed age', () => {
    expect(childrenTable(t, 'en', getStandard('qd59-2015'))!.note).toMatch(/^The age of a child is unconfirmed under qd59-2015: .*5 to under 15/);
    expect(childrenTable(t, 'vi', getStandard('qd59-2015'))!.note).toBe('Tuổi trẻ em theo chuẩn qd59-2015 chưa được xác nhận.');
  });
});
