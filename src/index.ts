/**
 * chuan-ngheo: Viet Nam's multidimensional poverty standards as data, and an explainable
 * classification of households under them. This entry point is pure (no I/O) and runs in a browser.
 *
 * The other entries, each for its audience: `chuan-ngheo/survey` (the roster and its validation),
 * `chuan-ngheo/measures` (aggregate figures), `chuan-ngheo/report` (tables and charts),
 * `chuan-ngheo/tabular` (reading CSV and spreadsheet rows) and `chuan-ngheo/node` (files and streams).
 *
 * @packageDocumentation
 * @module chuan-ngheo
 */
export { classify, safeClassify, explainHousehold } from './classify.js';
export type { Classification, ClassifyOptions, ClassifyInput, IndicatorsFor, OptionsOnly, Escape, LowIncomeWorker, TraceStep, Category, Branch } from './classify.js';
export type { StandardId, NationalStandardId, LocalStandardId, IndicatorId, IndicatorIdOf, IndicatorIdsByStandard, Qd59IndicatorId, Nd07IndicatorId, Nd351IndicatorId } from './standards/ids.js';
export { decide } from './rule.js';
export type { Decision, IncomeComparator, LineRole } from './rule.js';
export { householdSchema, readHousehold, readArea, areaAliases, incomeFields } from './household.js';
export type { Household, HouseholdInput, HouseholdFields, IncomeInput, AmountInput, AreaInput, IncomeField } from './household.js';
export { ChuanNgheoError, errorCodes, formatPath, parsePath } from './errors.js';
export type { ErrorCode, ErrorDetail, ErrorPath, SafeResult } from './errors.js';
export {
  defineStandard,
  safeDefineStandard,
  loadStandard,
  safeLoadStandard,
  getStandard,
  safeGetStandard,
  standardInForce,
  safeStandardInForce,
  resolveStandard,
  safeResolveStandard,
  nationalStandards,
  localStandards,
  standardIds,
  isStandardId,
} from './standards/registry.js';
export type { StandardChoice, ResolvedStandard } from './standards/registry.js';
export type { DeepReadonly } from './readonly.js';
export { standardSchema, amountParameterSchema, countParameterSchema, bandSchema, dimensionSchema, indicatorSchema, ruleSchema, termSchema, legalInstrumentSchema, lowIncomeWorkerSchema, childrenSchema, reviewScoresSchema, standardJsonSchema } from './standards/schema.js';
export type { Standard, StandardInput, Indicator, Dimension, Rule, Band, Area, AmountParameter, CountParameter, Term, LegalInstrument, LowIncomeWorkerRule, ReviewScores } from './standards/schema.js';
export { referenceSchema, citation, sourceKinds } from './standards/reference.js';
export type { Reference, Provenance } from './standards/reference.js';
export { indicatorIdSet } from './standards/indicators.js';
export { isIsoDate } from './dates.js';
export type { IsoDate } from './dates.js';
export { createBatchClassifier, safeCreateBatchClassifier, classifyMany, isBatchFailure } from './batch.js';
export type { BatchClassifier, BatchRow, BatchSuccess, BatchFailure, BatchFacts, CompactHousehold } from './batch.js';
export { decisionTable, createDecider } from './decision-table.js';
export type { Decider, DecisionInput, AreaTable } from './decision-table.js';
export { Decimal } from './decimal.js';
export type { Amount } from './money.js';
export { classifyByScores, safeClassifyByScores } from './review/scores.js';
export type { ScoredHouseholdInput, ScoreInput, ScoreASource, ScoreBSource, ScorecardAnswers, ScoreClassification, ScoreOptions } from './review/scores.js';
export { defineScorecard, safeDefineScorecard, computeScoreA, safeComputeScoreA, scorecardSchema } from './review/scorecard.js';
export type { Scorecard, ScorecardInput, ScoreA } from './review/scorecard.js';
// The shapes classify accepts and returns for a survey record (its functions are in chuan-ngheo/survey).
export type { SurveyRecordInput, SurveyRecord, Member, Dwelling } from './survey/record.js';
export type { DerivedIndicator } from './derivation/derive.js';
export type { RuleOutcome, Tri } from './derivation/context.js';
