// Circular 07/2021/TT-BLĐTBXH, Art. 1: score A ≤ 140 (rural) / ≤ 175 (urban) and score B (10 per
// deprived indicator) ≥ 30 is poor; the same A with B < 30 is near-poor. No Phiếu B1 table ships:
// score A is given, or computed from a user's scorecard.
import { describe, expect, it } from 'vitest';
import { classifyByScores, computeScoreA, defineScorecard, safeClassifyByScores, type ScorecardInput } from '../src/index.js';
import { okAdult, recordWith, review } from './derivation/helpers.js';

const three = ['nutrition', 'housingArea', 'hygienicLatrine'] as const;
const two = ['nutrition', 'housingArea'] as const;
const date = review;

describe('score cut-offs', () => {
  it.each([
    ['rural', 140, three, 'poor'],
    ['rural', 140, two, 'near-poor'],
    ['rural', 140.5, three, 'none'],
    ['rural', 141, three, 'none'],
    ['urban', 175, three, 'poor'],
    ['urban', 175, two, 'near-poor'],
    ['urban', 176, three, 'none'],
  ] as const)('%s, score A %d, %j → %s', (area, scoreA, deprived, expected) => {
    expect(classifyByScores({ area, scoreA, deprived: [...deprived] }, { date }).category).toBe(expected);
  });
  it('score B given directly: 30 is poor, 20 near-poor', () => {
    expect(classifyByScores({ area: 'rural', scoreA: 100, scoreB: 30 }, { date })).toMatchObject({ category: 'poor', scoreB: 30, scoreACutoff: 140, scoreBPoorFrom: 30, deprived: null });
    expect(classifyByScores({ area: 'rural', scoreA: 100, scoreB: 20 }, { date }).category).toBe('near-poor');
  });
  it('the trace cites the Circular', () => {
    const r = classifyByScores({ area: 'rural', scoreA: 140, deprived: three }, { date });
    expect(r.trace.find((t) => t.step === 'score-a-cutoff')!.reference).toMatch(/^Circular 07\/2021\/TT-BLĐTBXH/);
  });
  it('a survey record: score B from derived deprivations', () => {
    const record = recordWith([{ ...okAdult, healthInsurance: false, usesInternet: false }], { latrineType: 'none' });
    expect(classifyByScores({ ...record, scoreA: 120 }, { date })).toMatchObject({ category: 'poor', scoreB: 30, deprived: ['healthInsurance', 'hygienicLatrine', 'telecomServices'] });
  });
  it.each([
    [{ area: 'rural', scoreA: -1, scoreB: 0 }, 'INVALID_FIELD', ['scoreA']],
    [{ area: 'rural', scoreA: 1, scoreB: 25 }, 'INVALID_FIELD', ['scoreB']],
    [{ area: 'rural', scoreA: 1, scoreB: 20, deprived: three }, 'INVALID_FIELD', ['scoreB']],
    [{ area: 'rural', scoreA: 1 }, 'MISSING_FIELD', ['deprived']],
    [{ area: 'rural', deprived: [] }, 'MISSING_FIELD', ['scoreA']],
    [{ area: 'x', scoreA: 1, deprived: [] }, 'INVALID_AREA', ['area']],
    [{ area: 'rural', scoreA: 1, deprived: ['wasteTreatment'] }, 'UNKNOWN_INDICATOR', ['deprived', 0]],
    [{ area: 'rural', scoreA: 1, scoreB: 30, deprivd: ['nutrition'] }, 'INVALID_FIELD', ['deprivd']],
    [{ area: 'rural', scoreA: 1, scoreB: 30, size: 3 }, 'INVALID_FIELD', ['size']],
  ])('%j → %s', (input, code, path) => {
    expect(safeClassifyByScores(input, { date })).toMatchObject({ success: false, error: { code, path } });
  });
  it('an unknown field is named with the fields a scored household has, never dropped', () => {
    const r = safeClassifyByScores({ area: 'rural', scoreA: 1, scoreB: 30, deprivd: ['nutrition'] }, { date });
    expect(r).toMatchObject({
      success: false,
      error: { message: 'deprivd: expected one of the fields id, area, scoreA, scorecardAnswers, deprived, scoreB (or a survey record, with members), received an unknown field holding an array of 1 item ["nutrition"]', received: ['nutrition'] },
    });
  });
  it('a standard without review scores is NO_REVIEW_SCORES', () => {
    expect(safeClassifyByScores({ area: 'rural', scoreA: 1, scoreB: 0 }, { date: '2027-06-01' })).toMatchObject({ success: false, error: { code: 'NO_REVIEW_SCORES' } });
  });
});

describe('a user-supplied scorecard', () => {
  const card: ScorecardInput = {
    id: 'example-card',
    title: 'An example scorecard (not the official Phiếu B1)',
    reference: 'supplied by the user for this test',
    confirmed: false,
    areas: {
      rural: {
        base: 60,
        questions: [
          { id: 'roof', label: 'Roof material', options: [{ value: 'tile', points: 30 }, { value: 'leaves', points: 0 }] },
          { id: 'motorbike', label: 'Owns a motorbike', options: [{ value: true, points: 50 }, { value: false, points: 0 }] },
        ],
      },
    },
  };
  it('computes score A from answers', () => {
    expect(computeScoreA(card, 'rural', { roof: 'tile', motorbike: true })).toMatchObject({ score: 140, items: [{ question: 'roof', points: 30 }, { question: 'motorbike', points: 50 }] });
  });
  it('classifies with it: exactly 140 is within the rural cut-off', () => {
    const r = classifyByScores({ area: 'rural', scorecardAnswers: { roof: 'tile', motorbike: true }, deprived: three }, { date, scorecard: card });
    expect(r).toMatchObject({ category: 'poor', scoreA: 140, scoreASource: 'scorecard' });
    expect(r.trace[0]).toMatchObject({ step: 'score-a', confirmed: false, reference: 'supplied by the user for this test' });
  });
  it('rejects a missing answer, an answer outside the options, an unknown question, and an area without questions', () => {
    expect(() => computeScoreA(card, 'rural', { roof: 'tile' })).toThrow(expect.objectContaining({ code: 'INVALID_SCORECARD', path: ['scorecardAnswers', 'motorbike'] }));
    expect(() => computeScoreA(card, 'rural', { roof: 'straw', motorbike: true })).toThrow(expect.objectContaining({ path: ['scorecardAnswers', 'roof'], received: 'straw' }));
    expect(() => computeScoreA(card, 'rural', { roof: 'tile', motorbike: true, pig: 2 })).toThrow(expect.objectContaining({ path: ['scorecardAnswers', 'pig'] }));
    expect(() => computeScoreA(card, 'urban', {})).toThrow(expect.objectContaining({ code: 'INVALID_SCORECARD', path: ['area'] }));
  });
  it('is validated strictly', () => {
    // @ts-expect-error: points is not a field of a scorecard (the run-time check is under test)
    expect(() => defineScorecard({ ...card, points: 3 })).toThrow(expect.objectContaining({ code: 'INVALID_SCORECARD', path: ['points'] }));
    const dup = structuredClone(card);
    dup.areas.rural!.questions[1]!.id = 'roof';
    expect(() => defineScorecard(dup)).toThrow(expect.objectContaining({ path: ['areas', 'rural', 'questions', 1, 'id'] }));
  });
});
