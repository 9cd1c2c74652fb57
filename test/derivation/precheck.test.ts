// The quick record check used by large batches never accepts what the schema would refuse or change.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dwellingSchema, memberSchema, surveyRecordSchema } from '../../src/survey/index.js';
import { dwellingFieldChecks, memberFields, recordFieldChecks, surelyValidRecord } from '../../src/survey/record-precheck.js';
import { expectBatchAgrees } from '../helpers.js';

const roster = readFileSync('examples/roster.jsonl', 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

describe('surelyValidRecord', () => {
  it('checks exactly the fields of the schema', () => {
    expect(Object.keys(recordFieldChecks).sort()).toEqual(Object.keys(surveyRecordSchema.shape).sort());
    expect([...memberFields].sort()).toEqual(Object.keys(memberSchema.shape).sort());
    expect(Object.keys(dwellingFieldChecks).sort()).toEqual(Object.keys(dwellingSchema.shape).sort());
  });
  it('accepts every member field with a valid value, and refuses it with a wrong one', () => {
    const valid: Record<string, unknown> = { id: 'p', name: 'Lan', dateOfBirth: '1990-01-01', ageAtReview: 35, sex: 'female', relationship: 'head', workingCapacity: 'full', employmentStatus: 'selfEmployed', highestQualification: 'primary', schoolLevel: 'primary' };
    const base = structuredClone(roster[0]!);
    for (const key of memberFields) {
      const good = valid[key] ?? true;
      const r = structuredClone(base);
      (r.members as Record<string, unknown>[])[0] = { [key]: good };
      expect(surelyValidRecord(r), key).toBe(true);
      (r.members as Record<string, unknown>[])[0] = { [key]: typeof good === 'boolean' ? 'yes' : typeof good === 'number' ? -1 : 7 };
      expect(surelyValidRecord(r), key).toBe(false);
    }
  });
  it('refuses an unknown key even when its value is undefined', () => {
    const r = structuredClone(roster[0]!);
    (r.members as Record<string, unknown>[])[0]!.age = undefined;
    expect(surelyValidRecord(r)).toBe(false);
    expect(surveyRecordSchema.safeParse(r).success).toBe(false);
  });
  it('accepts the example roster', () => {
    for (const r of roster) expect(surelyValidRecord(r)).toBe(true);
  });
  it('accepts only what the schema accepts unchanged', () => {
    const value = fc.oneof(fc.anything(), fc.constantFrom('rural', 'piped', 'septic', 'male', 'tv', '2020-01-01', '2020-02-30', 'poor', '', 'x', 2 ** 53, 1.5, -0, Number.POSITIVE_INFINITY, Number.NaN, '1e3', ' 12', undefined), fc.integer({ min: -2, max: 200 }), fc.double(), fc.boolean());
    const recordKeys = [...Object.keys(recordFieldChecks), 'colour'];
    const memberKeys = [...memberFields, 'age'];
    const mutated = fc
      .tuple(fc.nat(roster.length - 1), fc.constantFrom(...recordKeys), fc.constantFrom(...memberKeys), value, fc.boolean())
      .map(([i, key, memberKey, v, inMember]) => {
        const r = structuredClone(roster[i]!);
        const members = r.members as Record<string, unknown>[];
        if (inMember && members.length) members[0]![memberKey] = v;
        else r[key] = v;
        return r;
      });
    fc.assert(
      fc.property(mutated, (r) => {
        if (surelyValidRecord(r)) {
          const parsed = surveyRecordSchema.safeParse(r);
          expect(parsed.success).toBe(true);
          if (parsed.success) expect(parsed.data).toEqual(r);
        }
      }),
      { numRuns: 20000 },
    );
  });
});

describe('the batch path for records', () => {
  it('gives what classify gives, errors included, for mutated roster records', async () => {
    const { createBatchClassifier } = await import('../../src/index.js');
    const batch = createBatchClassifier({ date: '2025-12-01' });
    const value = fc.oneof(fc.constantFrom(undefined, true, false, 0, 1, 7, 40, 'rural', 'urban', 'x', '2010-01-01', '2026-01-01', 'poor', 'near-poor', 'unemployed', 'wageWorker', 'none', 'septic', 'piped', '', '1500000'), fc.integer({ min: 0, max: 10_000_000 }));
    const recordKeys = ['incomeMonthlyTotal', 'incomeMonthlyPerCapita', 'size', 'previousCategory', 'previousRecognizedOn', 'latrineType', 'waterSource', 'hearsLoudspeakers', 'informationDevices', 'area'];
    const memberKeys = ['dateOfBirth', 'ageAtReview', 'sex', 'healthInsurance', 'employmentStatus', 'hasLabourContract', 'workingCapacity', 'inSchool', 'stunted', 'usesInternet', 'monthlySocialAllowance', 'disability'];
    const mutated = fc
      .tuple(fc.nat(roster.length - 1), fc.array(fc.tuple(fc.boolean(), fc.constantFrom(...recordKeys), fc.constantFrom(...memberKeys), fc.nat(6), value), { maxLength: 4 }))
      .map(([i, changes]) => {
        const r = structuredClone(roster[i]!);
        delete r.recordedCategory;
        const members = r.members as Record<string, unknown>[];
        for (const [inMember, key, memberKey, m, v] of changes) {
          if (inMember && members.length) members[m % members.length]![memberKey] = v;
          else r[key] = v;
        }
        return r;
      });
    fc.assert(
      fc.property(mutated, (r) => expectBatchAgrees(batch, r)),
      { numRuns: 2000 },
    );
  });
});
