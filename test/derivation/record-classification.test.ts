// A member-level record classifies as its indicator-level equivalent; the trace shows the
// derivation; facts that cannot be determined are an error only when the category depends on them.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020.js';
import { classify, createBatchClassifier, type Member, type SurveyRecordInput } from '../../src/index.js';
import { deriveIndicators, surveyRecordJsonSchema } from '../../src/survey/index.js';
import { okAdult, recordWith, review } from './helpers.js';
import { classifyValue } from '../helpers.js';

const roster = readFileSync('examples/roster.jsonl', 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as SurveyRecordInput);

describe('record and indicator-level equivalent', () => {
  it('classify gives the same answer for every record of the example roster', () => {
    for (const record of roster) {
      const derived = deriveIndicators(record, { date: review });
      const fromRecord = classifyValue(record, { date: review });
      const { members: _m, dwelling: _d, waterSource: _w, latrineType: _l, informationDevices: _i, hearsLoudspeakers: _h, wasteHandling: _x, recordedCategory: _r, attributes, ...rest } = record;
      const indicatorLevel = classifyValue({ ...rest, size: (record.members as unknown[]).length, deprived: [...derived.deprived], attributes }, { date: review });
      expect(fromRecord.category).toBe(indicatorLevel.category);
      expect(fromRecord.deprived).toEqual(indicatorLevel.deprived);
      expect(fromRecord.newlyEscaped).toBe(indicatorLevel.newlyEscaped);
      expect(fromRecord.category).toBe(record.recordedCategory);
    }
  });
  it('the example roster has every indicator deprived at least once', () => {
    const seen = new Set(roster.flatMap((r) => deriveIndicators(r, { date: review }).deprived));
    expect(seen.size).toBe(12);
  });
  it('the trace shows each derived indicator, and the result carries the derivation', () => {
    const r = classify(recordWith([{ ...okAdult, healthInsurance: false }]), { date: review });
    const step = r.trace.find((t) => t.step === 'indicator:healthInsurance')!;
    expect(step.text).toBe('healthInsurance: deprived: member 1 (40): aged 6 or more without health insurance.');
    expect(r.derivation!.find((d) => d.indicator === 'housingQuality')!.confirmed).toBe(false);
    expect(r.unconfirmed).toContain('indicator:housingQuality');
  });
  it('the batch path takes records too', () => {
    const batch = createBatchClassifier({ date: review });
    expect(batch.classify(roster[0])).toMatchObject({ id: 'HH001', category: roster[0]!.recordedCategory });
  });
});

describe('facts that cannot be determined', () => {
  const unknownInsurance: Member = { ...okAdult, healthInsurance: undefined };
  it('do not matter when the category is the same either way', () => {
    const rich = classify(recordWith([unknownInsurance], { incomeMonthlyTotal: 9_000_000 }), { date: review });
    expect(rich.category).toBe('none');
    expect(rich.undetermined).toEqual(['healthInsurance']);
  });
  it('are an error naming the field when the category depends on them', () => {
    const record = recordWith([{ ...unknownInsurance, usesInternet: false }], { incomeMonthlyTotal: 1_000_000, latrineType: 'none' });
    expect(() => classify(record, { date: review })).toThrow(expect.objectContaining({ code: 'UNDETERMINED_INDICATOR', path: ['members', 0, 'healthInsurance'] }));
  });
});

describe('record errors', () => {
  it.each([
    [{ ...recordWith([okAdult]), members: [] }, 'INVALID_SIZE', ['members']],
    [{ ...recordWith([okAdult]), size: 2 }, 'INVALID_SIZE', ['size']],
    [{ ...recordWith([okAdult]), waterSource: 'river' }, 'INVALID_FIELD', ['waterSource']],
    [{ ...recordWith([{ ...okAdult, sex: 'x' } as unknown as Member]) }, 'INVALID_FIELD', ['members', 0, 'sex']],
    [{ ...recordWith([okAdult]), roof: 'tile' }, 'INVALID_FIELD', ['roof']],
    [{ ...recordWith([okAdult]), area: 'suburb' }, 'INVALID_AREA', ['area']],
  ])('%#: %s', (record, code, path) => {
    expect(() => classifyValue(record, { date: review })).toThrow(expect.objectContaining({ code, path }));
  });
});

describe('JSON Schema', () => {
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  const validate = ajv.compile(surveyRecordJsonSchema());
  it('validates every record of the example roster', () => {
    for (const record of roster) expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
  });
  it('rejects an unknown enumeration value and an unknown key', () => {
    expect(validate({ ...roster[0], waterSource: 'river' })).toBe(false);
    expect(validate({ ...roster[0], colour: 'red' })).toBe(false);
  });
  it('is the file shipped in the build', () => {
    const shipped = JSON.parse(readFileSync('dist/survey-record.schema.json', 'utf8'));
    expect(shipped).toEqual(surveyRecordJsonSchema());
  });
});
