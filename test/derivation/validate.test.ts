// Survey validation: each inconsistency has its code and path; a recorded category that disagrees
// with the computed one is explained; the one-line assertion for test suites.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ChuanNgheoError } from '../../src/index.js';
import { assertValidSurvey, validateSurvey } from '../../src/survey/index.js';
import { bornTurning, okAdult, recordWith, review } from './helpers.js';

const codes = (records: unknown[]) => validateSurvey(records, { date: review }).reports.map((r) => r.issues.map((i) => `${i.code}@${i.path.join('.')}`));

describe('validateSurvey', () => {
  it('the example roster is valid (one line for a test suite)', () => {
    const roster = readFileSync('examples/roster.jsonl', 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    const report = assertValidSurvey(roster, { date: review });
    expect(report).toMatchObject({ valid: true, records: 36, validCount: 36, invalidCount: 0 });
  });

  it('valid is a boolean for the survey as for each record; the counts have their own names', () => {
    const good = recordWith([okAdult], { id: 'G' });
    const bad = recordWith([], { id: 'B' });
    for (const [records, valid, validCount] of [[[], true, 0], [[good], true, 1], [[good, bad], false, 1]] as const) {
      const report = validateSurvey(records, { date: review });
      expect(report).toMatchObject({ valid, records: records.length, validCount, invalidCount: records.length - validCount });
      expect(typeof report.valid).toBe('boolean');
      for (const r of report.reports) expect(typeof r.valid).toBe('boolean');
    }
  });

  it.each([
    ['a 7-year-old with a university degree', recordWith([okAdult, { ...okAdult, dateOfBirth: bornTurning(7), highestQualification: 'university' }]), 'QUALIFICATION_IMPLAUSIBLE_FOR_AGE@members.1.highestQualification'],
    ['a child born after the review date', recordWith([okAdult, { dateOfBirth: '2025-12-02' }]), 'BORN_AFTER_REVIEW@members.1.dateOfBirth'],
    ['a household with no members', recordWith([]), 'NO_MEMBERS@members'],
    ['floor area 0', recordWith([okAdult], { dwelling: { hasHouse: true, walls: 'brick', roof: 'tile', floor: 'concrete', floorArea: 0 } }), 'FLOOR_AREA_ZERO@dwelling.floorArea'],
    ['a member counted twice (same id)', recordWith([{ ...okAdult, id: 'p1' }, { ...okAdult, id: 'p1' }]), 'DUPLICATE_MEMBER@members.1'],
    ['a member counted twice (same name and birth date)', recordWith([{ ...okAdult, name: 'Nguyễn Thị Lan' }, { ...okAdult, name: 'nguyễn thị lan' }]), 'DUPLICATE_MEMBER@members.1'],
    ['a size that disagrees with the roster', recordWith([okAdult], { size: 3 }), 'SIZE_MISMATCH@size'],
    ['an age that disagrees with the birth date', recordWith([{ ...okAdult, ageAtReview: 30 }]), 'AGE_BIRTH_DATE_MISMATCH@members.0.ageAtReview'],
    ['a schema error', { ...recordWith([okAdult]), latrineType: 'golden' }, 'INVALID_FIELD@latrineType'],
  ] as const)('catches %s', (_, record, expected) => {
    expect(codes([record])[0]).toContain(expected);
  });

  it('audits a recorded category: "recorded poor, computes near-poor because only 2 deprivations"', () => {
    const record = recordWith([{ ...okAdult, healthInsurance: false }], { recordedCategory: 'poor', dwelling: { hasHouse: true, walls: 'brick', roof: 'tile', floor: 'concrete', floorArea: 5 } });
    const [report] = validateSurvey([record], { date: review }).reports;
    expect(report!.category).toBe('near-poor');
    expect(report!.issues).toEqual([
      {
        code: 'CATEGORY_MISMATCH',
        path: ['recordedCategory'],
        message: 'recorded poor, computes near-poor because only 2 deprivation(s): healthInsurance, housingArea (poor needs 3)',
        received: 'poor',
      },
    ]);
  });

  it('catches two records with the same id', () => {
    expect(codes([recordWith([okAdult], { id: 'A' }), recordWith([okAdult], { id: 'A' })])[1]).toEqual(['DUPLICATE_RECORD_ID@id']);
  });

  it('reports a record that cannot be classified with the classification error', () => {
    const { incomeMonthlyTotal: _, ...noIncome } = recordWith([okAdult]);
    expect(codes([noIncome])[0]).toEqual(['MISSING_INCOME@income']);
  });

  it('assertValidSurvey throws a readable list', () => {
    expect(() => assertValidSurvey([recordWith([])], { date: review })).toThrow(/record 1: NO_MEMBERS at members: the household has no members/);
  });

  it('assertValidSurvey throws a ChuanNgheoError with the code INVALID_SURVEY, the first invalid record and the invalid reports', () => {
    const records = [recordWith([okAdult]), recordWith([]), recordWith([])];
    let thrown: unknown;
    try {
      assertValidSurvey(records, { date: review });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ChuanNgheoError);
    const error = thrown as ChuanNgheoError;
    expect(error.code).toBe('INVALID_SURVEY');
    expect(error.path).toEqual([1]);
    expect((error.received as { index: number }[]).map((r) => r.index)).toEqual([1, 2]);
    expect(error.message.split('\n')[0]).toBe(`3 record(s) under nd07-2021 on ${review}: 1 valid, 2 invalid`);
  });

  it('assertValidSurvey returns the report of a valid survey', () => {
    expect(assertValidSurvey([recordWith([okAdult])], { date: review }).validCount).toBe(1);
  });
});
