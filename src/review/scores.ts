/**
 * Classification by the official review's scores (Circular 07/2021/TT-BLĐTBXH, Art. 1): score A
 * (Phiếu B1) estimates income in points, score B (Phiếu B2) is 10 points per deprived indicator.
 * Poor: A at most 140 (rural) / 175 (urban) and B ≥ 30; near-poor: the same A and B below 30.
 *
 * @module
 */
import { describeReceived, fail, readGuarded, toSafe, type SafeResult } from '../errors.js';
import { readOptions } from '../options.js';
import { ownValue } from '../schema-issues.js';
import type { IsoDate } from '../dates.js';
import { readArea, type AreaInput } from '../household.js';
import { isSurveyRecord, type SurveyRecordInput } from '../survey/record.js';
import { deriveFromRecord, readSurveyRecord } from '../derivation/derive.js';
import { indicatorIdSet } from '../standards/indicators.js';
import { resolveStandardAmong } from '../standards/registry.js';
import type { Area, Standard } from '../standards/schema.js';
import { citation } from '../standards/reference.js';
import type { ClassifyOptions, IndicatorsFor, OptionsOnly, TraceStep } from '../classify.js';
import type { IndicatorId } from '../standards/ids.js';
import type { DeepReadonly } from '../readonly.js';
import { computeScoreA, readScorecard, type ScorecardInput, type Scorecard } from './scorecard.js';

/** Answers to a score-A scorecard, by question id. */
export type ScorecardAnswers = Readonly<Record<string, string | number | boolean>>;

/**
 * Where score A comes from: given (`scoreA`, points computed elsewhere), or computed from
 * `scorecardAnswers` with the scorecard of the options; one of the two.
 */
export type ScoreASource =
  | { readonly scoreA: number; readonly scorecardAnswers?: never }
  | { readonly scoreA?: never; readonly scorecardAnswers: ScorecardAnswers };

/**
 * Where score B comes from: the deprived indicators (10 points each), with `scoreB` as a check when
 * both are given; or `scoreB` alone. `I` is the indicator ids `deprived` may hold.
 */
export type ScoreBSource<I extends string = IndicatorId> =
  | { readonly deprived: readonly I[]; readonly scoreB?: number }
  | { readonly deprived?: never; readonly scoreB: number };

/**
 * A household as the review scores it: its area, score A or the answers to compute it, and its
 * deprivations or score B. `I` narrows `deprived` to a standard's indicators
 * ({@link IndicatorIdOf}); by default, any shipped standard's. An unknown key or indicator, or a
 * household without score A or score B, does not compile; for data whose shape is not known
 * (a parsed file, a request body), use {@link safeClassifyByScores}.
 *
 * Example:
 *
 *     const household: ScoredHouseholdInput<IndicatorIdOf<'nd07-2021'>> = { area: 'rural', scoreA: 120, deprived: ['nutrition', 'housingArea'] };
 */
export type ScoredHouseholdInput<I extends string = IndicatorId> = {
  /** Your identifier, echoed back in the result. */
  readonly id?: string | number;
  /** `rural` or `urban`; the Vietnamese `nông thôn`, `thành thị`, `đô thị` are accepted. */
  readonly area: AreaInput;
} & ScoreASource &
  ScoreBSource<I>;

/**
 * What {@link classifyByScores} takes under the options: a scored household, or a survey record
 * (its deprivations are derived; score A is its `scoreA`, or computed from its `scorecardAnswers`).
 */
export type ScoreInput<O = {}> = ScoredHouseholdInput<IndicatorsFor<O>> | SurveyRecordInput;

/** The outcome of the review scores; `I` is the indicator ids `deprived` holds. */
export interface ScoreClassification<I extends string = string> {
  readonly id?: string | number;
  /** `none`: score A above the cut-off, so neither poor nor near-poor by the review. */
  readonly category: 'poor' | 'near-poor' | 'none';
  readonly standard: string;
  readonly date: IsoDate;
  readonly area: Area;
  readonly scoreA: number;
  readonly scoreASource: 'given' | 'scorecard';
  readonly scoreACutoff: number;
  readonly scoreB: number;
  readonly scoreBPoorFrom: number;
  /** Deprived indicators, when known (not when only score B was given). */
  readonly deprived: readonly I[] | null;
  readonly trace: readonly TraceStep[];
}

/** Options: the standard/date, and a scorecard when score A is to be computed. */
export interface ScoreOptions extends ClassifyOptions {
  readonly scorecard?: Scorecard | DeepReadonly<ScorecardInput>;
}

/**
 * Classifies a household by score A and score B. Accepts a survey record (its deprivations are
 * derived) or a scored household.
 *
 * The input's type follows the options, as {@link classify}'s does: with `standard: 'nd07-2021'`,
 * `deprived` takes that standard's indicators only; an unknown key or indicator, a misspelt area or
 * standard id does not compile. For input whose shape is not known until run time, use
 * {@link safeClassifyByScores}, which takes `unknown` and never throws.
 *
 * @throws {ChuanNgheoError} `NO_REVIEW_SCORES` when the standard has no score cut-offs (only
 * Decree 07/2021 has them in this version), or an error naming the bad field.
 * @example
 * classifyByScores({ area: 'rural', scoreA: 140, deprived: ['nutrition', 'housingArea', 'hygienicLatrine'] }, { date: '2025-12-01' }).category
 * //=> 'poor'
 * classifyByScores({ area: 'urban', scoreA: 176, scoreB: 40 }, { standard: 'nd07-2021', date: '2025-12-01' }).category
 * //=> 'none'
 */
export function classifyByScores<const O extends ScoreOptions = {}>(input: ScoreInput<O>, options?: OptionsOnly<O, ScoreOptions>): ScoreClassification<IndicatorsFor<O>>;
export function classifyByScores(input: unknown, options: ScoreOptions = {}): ScoreClassification {
  return scoreOn(input, options);
}

/** Classifies a value of any shape by the review scores: the run-time check behind both entries. */
function scoreOn(input: unknown, options: ScoreOptions): ScoreClassification {
  const { standard, date } = readGuarded(() => resolveStandardAmong(options, ['scorecard']), 'INVALID_OPTIONS', [], 'the options');
  const scorecard = readOptions(options, ['scorecard']).scorecard;
  const card = scorecard === undefined ? undefined : readScorecard(scorecard);
  return readGuarded(() => scoreHousehold(input, card, standard, date), 'INVALID_FIELD', [], 'the household');
}

/** The fields of a scored household. */
const SCORED_FIELDS: readonly string[] = ['id', 'area', 'scoreA', 'scorecardAnswers', 'deprived', 'scoreB'];

function scoreHousehold(input: unknown, scorecard: Scorecard | undefined, standard: Standard, date: IsoDate): ScoreClassification {
  const scores = standard.reviewScores;
  if (!scores) fail('NO_REVIEW_SCORES', ['standard'], `standard: expected a standard with review scores (score A / score B cut-offs), received ${standard.id}, which has none`, standard.id);
  if (typeof input !== 'object' || input === null) fail('INVALID_FIELD', [], `household: expected an object with area, scoreA and deprived, received ${describeReceived(input)}`, input);
  const h = input as Record<string, unknown>;
  if (!isSurveyRecord(input)) {
    const unknown = Object.keys(h).find((key) => !SCORED_FIELDS.includes(key));
    if (unknown !== undefined) {
      const value = ownValue(h, unknown);
      const expected = `one of the fields ${SCORED_FIELDS.join(', ')} (or a survey record, with members)`;
      fail('INVALID_FIELD', [unknown], `${unknown}: expected ${expected}, received an unknown field holding ${describeReceived(value)}`, value, expected);
    }
  }
  const area = readArea(h.area);
  if (!area) fail('INVALID_AREA', ['area'], `area: expected rural or urban, received ${describeReceived(h.area)}`, h.area);

  // Score A: given, or computed from a scorecard.
  let scoreA: number;
  let scoreASource: 'given' | 'scorecard';
  const trace: TraceStep[] = [];
  if (h.scoreA !== undefined) {
    if (typeof h.scoreA !== 'number' || !Number.isFinite(h.scoreA) || h.scoreA < 0) fail('INVALID_FIELD', ['scoreA'], `scoreA: expected points ≥ 0, received ${describeReceived(h.scoreA)}`, h.scoreA);
    scoreA = h.scoreA;
    scoreASource = 'given';
  } else if (scorecard !== undefined) {
    const answers = (h.scorecardAnswers ?? {}) as Record<string, string | number | boolean>;
    const computed = computeScoreA(scorecard, area, answers);
    scoreA = computed.score;
    scoreASource = 'scorecard';
    trace.push({
      step: 'score-a',
      text: `Score A from scorecard ${computed.scorecard}: ${computed.items.map((i) => `${i.question} ${JSON.stringify(i.answer)} → ${i.points}`).join(', ')}; total ${scoreA}.`,
      reference: scorecard.reference,
      confirmed: scorecard.confirmed,
      values: { score: scoreA, scorecard: computed.scorecard },
    });
  } else {
    return fail('MISSING_FIELD', ['scoreA'], 'scoreA: expected points ≥ 0, or scorecardAnswers with a scorecard in the options, received nothing', undefined);
  }

  // Score B: 10 points per deprived indicator.
  const per = scores.pointsPerIndicator.value;
  let deprived: string[] | null = null;
  let scoreB: number;
  if (isSurveyRecord(input)) {
    const record = readSurveyRecord(input);
    const derivation = deriveFromRecord(record, standard, date);
    const poorFrom = scores.scoreBPoorFrom.value;
    const low = derivation.deprived.length * per;
    const high = (derivation.deprived.length + derivation.undetermined.length) * per;
    if (low < poorFrom && high >= poorFrom && scoreA <= scores.scoreACutoffs[area].value) {
      fail('UNDETERMINED_INDICATOR', ['members'], `members: expected the facts that decide score B between poor and near-poor, received too few to determine ${derivation.undetermined.join(', ')}`, derivation.undetermined);
    }
    deprived = [...derivation.deprived];
    scoreB = low;
  } else if (h.deprived !== undefined) {
    const ids = indicatorIdSet(standard);
    if (!Array.isArray(h.deprived)) fail('INVALID_FIELD', ['deprived'], `deprived: expected an array of indicator ids, received ${describeReceived(h.deprived)}`, h.deprived);
    const seen = new Set<string>();
    (h.deprived as unknown[]).forEach((id, i) => {
      if (typeof id !== 'string' || !ids.has(id)) fail('UNKNOWN_INDICATOR', ['deprived', i], `deprived[${i}]: expected an indicator of the standard (${[...ids].join(', ')}), received ${describeReceived(id)}`, id);
      if (seen.has(id)) fail('DUPLICATE_INDICATOR', ['deprived', i], `deprived[${i}]: expected each indicator once, received ${describeReceived(id)} a second time`, id);
      seen.add(id);
    });
    deprived = standard.indicators.map((i) => i.id).filter((id) => seen.has(id));
    scoreB = deprived.length * per;
    if (h.scoreB !== undefined && h.scoreB !== scoreB) fail('INVALID_FIELD', ['scoreB'], `scoreB: expected ${scoreB}, the points of the ${deprived.length} deprivation(s) listed, received ${describeReceived(h.scoreB)}`, h.scoreB);
  } else if (h.scoreB !== undefined) {
    const max = standard.indicators.length * per;
    if (typeof h.scoreB !== 'number' || !Number.isInteger(h.scoreB) || h.scoreB < 0 || h.scoreB > max || h.scoreB % per !== 0) {
      fail('INVALID_FIELD', ['scoreB'], `scoreB: expected a multiple of ${per} from 0 to ${max}, received ${describeReceived(h.scoreB)}`, h.scoreB);
    }
    scoreB = h.scoreB;
  } else {
    return fail('MISSING_FIELD', ['deprived'], 'deprived: expected an array of indicator ids (or scoreB), received nothing', undefined);
  }

  const cutoff = scores.scoreACutoffs[area];
  const poorFrom = scores.scoreBPoorFrom;
  const withinA = scoreA <= cutoff.value;
  const category = !withinA ? 'none' : scoreB >= poorFrom.value ? 'poor' : 'near-poor';
  trace.push(
    {
      step: 'score-a-cutoff',
      text: `Score A ${scoreA} ${withinA ? '≤' : '>'} ${cutoff.value} (${area}; ≙ ${cutoff.equivalentIncome.toLocaleString('en-US')} đồng per person per month).`,
      reference: citation(cutoff.reference),
      confirmed: cutoff.confirmed,
      values: { scoreA, cutoff: cutoff.value, atMost: withinA },
    },
    {
      step: 'score-b',
      text: `Score B ${scoreB} (${per} points × ${scoreB / per} deprivation(s)) ${scoreB >= poorFrom.value ? '≥' : '<'} ${poorFrom.value}.`,
      reference: citation(poorFrom.reference),
      confirmed: poorFrom.confirmed,
      values: { scoreB, poorFrom: poorFrom.value },
    },
    {
      step: 'category',
      text: withinA ? `Category: ${category}.` : 'Score A is above the cut-off: neither poor nor near-poor by the review scores.',
      reference: citation(poorFrom.reference),
      confirmed: true,
      values: { category },
    },
  );
  const id = h.id;
  return {
    ...(typeof id === 'string' || typeof id === 'number' ? { id } : {}),
    category,
    standard: standard.id,
    date,
    area,
    scoreA,
    scoreASource,
    scoreACutoff: cutoff.value,
    scoreB,
    scoreBPoorFrom: poorFrom.value,
    deprived,
    trace,
  };
}

/**
 * Safe twin of {@link classifyByScores}: never throws, whatever its arguments.
 *
 * @example
 * const r = safeClassifyByScores({ area: 'rural', deprived: [] }, { date: '2025-12-01' });
 * !r.success && r.error.code //=> 'MISSING_FIELD'
 */
export function safeClassifyByScores(input: unknown, options: ScoreOptions = {}): SafeResult<ScoreClassification> {
  return toSafe(() => scoreOn(input, options));
}
