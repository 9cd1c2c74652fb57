/**
 * A score-A scorecard supplied as data. The official Phiếu B1 questions and points were not found,
 * so none ships: a commune or province that holds its scorecard passes it here, cites it, and the
 * library validates it strictly and computes score A from a record's answers.
 *
 * @module
 */
import * as z from 'zod/mini';
import { describeReceived, fail, toSafe, type SafeResult } from '../errors.js';
import { ownValue, parseOrFail } from '../schema-issues.js';
import type { Area } from '../standards/schema.js';
import type { DeepReadonly } from '../readonly.js';

const answer = z.union([z.string(), z.number(), z.boolean()]);
const text = () => z.string().check(z.minLength(1));

const questionSchema = z.strictObject({
  id: text(),
  label: text(),
  options: z.array(z.strictObject({ value: answer, label: z.optional(text()), points: z.number() })).check(z.minLength(1)),
});

const areaCardSchema = z.strictObject({
  /** Points every household starts with. */
  base: z._default(z.number(), 0),
  questions: z.array(questionSchema).check(z.minLength(1)),
});

/** The schema of a scorecard. */
export const scorecardSchema = z
  .strictObject({
    id: text(),
    title: text(),
    /** The user's citation of the scorecard's source (e.g. the Circular's annex they hold). */
    reference: text(),
    confirmed: z.boolean(),
    areas: z.strictObject({ rural: z.optional(areaCardSchema), urban: z.optional(areaCardSchema) }),
  })
  .check(z.superRefine((card, ctx) => {
    for (const area of ['rural', 'urban'] as const) {
      const questions = card.areas[area]?.questions ?? [];
      const seen = new Set<string>();
      questions.forEach((q, i) => {
        if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['areas', area, 'questions', i, 'id'], message: 'a question id not used before', input: q.id });
        seen.add(q.id);
        const values = new Set<unknown>();
        q.options.forEach((o, j) => {
          if (values.has(o.value)) ctx.addIssue({ code: 'custom', path: ['areas', area, 'questions', i, 'options', j, 'value'], message: 'an option value not used before', input: o.value });
          values.add(o.value);
        });
      });
    }
    if (!card.areas.rural && !card.areas.urban) ctx.addIssue({ code: 'custom', path: ['areas'], message: 'questions for at least one area', input: card.areas });
  }));

/** A validated scorecard. */
export type Scorecard = z.infer<typeof scorecardSchema>;
/** A scorecard as given, before validation. */
export type ScorecardInput = z.input<typeof scorecardSchema>;

/**
 * Validates a scorecard strictly (unknown keys fail). The input is typed as
 * {@link ScorecardInput}: a misspelt key does not compile. For a scorecard whose shape is not known
 * until run time (a parsed file), use {@link safeDefineScorecard}, which takes `unknown` and never throws.
 *
 * @throws {ChuanNgheoError} `INVALID_SCORECARD` with the path.
 * @example
 * const card = {
 *   id: 'my-card', title: 'Score A (our copy of the annex)', reference: 'Circular 07/2021/TT-BLĐTBXH, annex, as held by the district', confirmed: false,
 *   areas: { rural: { base: 100, questions: [
 *     { id: 'roof', label: 'Roof material', options: [{ value: 'tile', points: 20 }, { value: 'leaves', points: 0 }] },
 *     { id: 'motorbike', label: 'Owns a motorbike', options: [{ value: true, points: 30 }, { value: false, points: 0 }] },
 *   ] } },
 * };
 * defineScorecard(card).areas.rural?.questions.length //=> 2
 * defineScorecard({ ...card, areas: {} }) //=> throws INVALID_SCORECARD
 */
export function defineScorecard(input: DeepReadonly<ScorecardInput>): Scorecard {
  return readScorecard(input);
}

/** Validates a value of any shape as a scorecard: the run-time check behind {@link defineScorecard} and its safe twin. */
export function readScorecard(input: unknown): Scorecard {
  return parseOrFail(scorecardSchema, input, 'INVALID_SCORECARD', 'scorecard');
}

/**
 * Safe twin of {@link defineScorecard}, and the entry for untrusted data (a scorecard read from a
 * file): takes any value and returns `{ success, data | error }`; it never throws.
 *
 * @example
 * const r = safeDefineScorecard(JSON.parse('{"id": "my-card", "title": "Score A", "reference": "as held by the district", "confirmed": false, "areas": {}}'));
 * !r.success && r.error.code //=> 'INVALID_SCORECARD'
 * !r.success && r.error.path //=> ['areas']
 */
export function safeDefineScorecard(input: unknown): SafeResult<Scorecard> {
  return toSafe(() => readScorecard(input));
}

/** Score A and how each answer contributed. */
export interface ScoreA {
  readonly scorecard: string;
  readonly area: Area;
  readonly score: number;
  readonly items: readonly { readonly question: string; readonly answer: string | number | boolean; readonly points: number }[];
}

/**
 * Computes score A from answers keyed by question id.
 *
 * @throws {ChuanNgheoError} `INVALID_SCORECARD` when the card has no questions for the area, an
 * answer is missing or not one of the question's options, or an answer names no question.
 * @example
 * const card = {
 *   id: 'my-card', title: 'Score A (our copy of the annex)', reference: 'Circular 07/2021/TT-BLĐTBXH, annex, as held by the district', confirmed: false,
 *   areas: { rural: { base: 100, questions: [
 *     { id: 'roof', label: 'Roof material', options: [{ value: 'tile', points: 20 }, { value: 'leaves', points: 0 }] },
 *     { id: 'motorbike', label: 'Owns a motorbike', options: [{ value: true, points: 30 }, { value: false, points: 0 }] },
 *   ] } },
 * };
 * computeScoreA(card, 'rural', { roof: 'leaves', motorbike: false }).score //=> 100
 * computeScoreA(card, 'rural', { roof: 'tile', motorbike: true }).items
 * //=> [{ question: 'roof', answer: 'tile', points: 20 }, { question: 'motorbike', answer: true, points: 30 }]
 */
export function computeScoreA(card: Scorecard | DeepReadonly<ScorecardInput>, area: Area, answers: Readonly<Record<string, string | number | boolean>>): ScoreA {
  const scorecard = readScorecard(card);
  if (area !== 'rural' && area !== 'urban') fail('INVALID_AREA', ['area'], `area: expected rural or urban, received ${describeReceived(area)}`, area, 'rural | urban');
  const areaCard = scorecard.areas[area];
  if (!areaCard) fail('INVALID_SCORECARD', ['area'], `area: expected an area scorecard ${scorecard.id} has questions for, received ${area}`, area);
  if (typeof answers !== 'object' || answers === null || Array.isArray(answers)) {
    fail('INVALID_SCORECARD', ['scorecardAnswers'], `scorecardAnswers: expected an object of answers by question id, received ${describeReceived(answers)}`, answers);
  }
  const known = new Set(areaCard.questions.map((q) => q.id));
  for (const key of Object.keys(answers)) {
    if (!known.has(key)) fail('INVALID_SCORECARD', ['scorecardAnswers', key], `scorecardAnswers.${key}: expected a question of scorecard ${scorecard.id} for ${area} households, received an unknown question holding ${describeReceived(ownValue(answers, key))}`, ownValue(answers, key));
  }
  const items = areaCard.questions.map((q) => {
    const given = ownValue(answers, q.id);
    if (given === undefined) fail('INVALID_SCORECARD', ['scorecardAnswers', q.id], `scorecardAnswers.${q.id}: expected an answer to "${q.label}", received nothing`, undefined, q.options.map((o) => String(o.value)).join(' | '));
    const option = q.options.find((o) => o.value === given);
    if (!option) {
      fail('INVALID_SCORECARD', ['scorecardAnswers', q.id], `scorecardAnswers.${q.id}: expected one of ${q.options.map((o) => JSON.stringify(o.value)).join(', ')}, received ${describeReceived(given)}`, given);
    }
    return { question: q.id, answer: option.value, points: option.points };
  });
  return { scorecard: scorecard.id, area, score: items.reduce((sum, i) => sum + i.points, areaCard.base), items };
}

/**
 * Safe twin of {@link computeScoreA}: never throws, whatever its arguments.
 *
 * @example
 * const card = {
 *   id: 'my-card', title: 'Score A (our copy of the annex)', reference: 'Circular 07/2021/TT-BLĐTBXH, annex, as held by the district', confirmed: false,
 *   areas: { rural: { base: 100, questions: [
 *     { id: 'roof', label: 'Roof material', options: [{ value: 'tile', points: 20 }, { value: 'leaves', points: 0 }] },
 *     { id: 'motorbike', label: 'Owns a motorbike', options: [{ value: true, points: 30 }, { value: false, points: 0 }] },
 *   ] } },
 * };
 * const r = safeComputeScoreA(card, 'rural', { roof: 'thatch', motorbike: false });
 * !r.success && r.error.path //=> ['scorecardAnswers', 'roof']
 */
export function safeComputeScoreA(card: unknown, area: Area, answers: Readonly<Record<string, string | number | boolean>>): SafeResult<ScoreA> {
  return toSafe(() => computeScoreA(card as Scorecard, area, answers));
}
