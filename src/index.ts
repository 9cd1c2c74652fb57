/**
 * chuan-ngheo: Viet Nam's multidimensional poverty standards as data, and an explainable
 * classification of households under them. This entry point is pure (no I/O) and runs in a browser.
 *
 * @packageDocumentation
 */
export { classify, safeClassify, explainHousehold } from './classify.js';
export type { Classification, ClassifyOptions, Escape, LowIncomeWorker, TraceStep, Category, Branch } from './classify.js';
export { decide } from './rule.js';
export type { Decision, IncomeComparator, LineRole } from './rule.js';
export { householdSchema, readHousehold, readArea, areaAliases, incomeFields } from './household.js';
export type { Household, HouseholdInput, IncomeField } from './household.js';
export { ChuanNgheoError, errorCodes, formatPath } from './errors.js';
export type { ErrorCode, ErrorDetail, ErrorPath, SafeResult } from './errors.js';
export {
  defineStandard,
  safeDefineStandard,
  loadStandard,
  safeLoadStandard,
  getStandard,
  standardInForce,
  safeStandardInForce,
  resolveStandard,
  nationalStandards,
  localStandards,
  standardIds,
} from './standards/registry.js';
export type { StandardChoice, ResolvedStandard } from './standards/registry.js';
export { standardSchema, amountParameterSchema, countParameterSchema, bandSchema, dimensionSchema, indicatorSchema, ruleSchema, termSchema, legalInstrumentSchema, lowIncomeWorkerSchema, childrenSchema, standardJsonSchema } from './standards/schema.js';
export type { Standard, StandardInput, Indicator, Dimension, Rule, Band, Area, AmountParameter, CountParameter, Term, LegalInstrument, LowIncomeWorkerRule } from './standards/schema.js';
export { referenceSchema, citation, sourceKinds } from './standards/reference.js';
export type { Reference, Provenance } from './standards/reference.js';
export { indicatorIdSet } from './standards/indicators.js';
export { isIsoDate } from './dates.js';
export type { IsoDate } from './dates.js';
export { createBatchClassifier, classifyMany, isBatchFailure } from './batch.js';
export type { BatchClassifier, BatchRow, BatchSuccess, BatchFailure, BatchFacts, CompactHousehold } from './batch.js';
export { createRowReader, fieldColumns } from './tabular.js';
export type { RowReader } from './tabular.js';
export { planHeader, normalizeColumnName, vietnameseFieldNames } from './columns.js';
export type { HeaderPlan, ColumnOptions } from './columns.js';
export { readCsv, splitRecord, CsvCutter, CsvHeaderError, defaultMaxRecordBytes } from './csv/records.js';
export type { CsvPiece, CsvRecord, RecordFields, CsvLimits, CsvCutterOptions } from './csv/records.js';
export { Decimal } from './money.js';
export type { Amount } from './money.js';
export { deriveIndicators, safeDeriveIndicators, deriveFromRecord, readSurveyRecord, derivationRules } from './derivation/derive.js';
export type { DerivedIndicator, IndicatorDerivation, DerivationRules } from './derivation/derive.js';
export { derivationSchema, retirementScheduleSchema } from './derivation/parameters.js';
export type { Derivation, DerivationOf } from './derivation/parameters.js';
export type { RuleOutcome, RuleResult, DerivationContext, Age, Tri } from './derivation/context.js';
export { COUNTED } from './derivation/context.js';
export { retirementMonths } from './derivation/rules/employment.js';
export { surveyRecordSchema, memberSchema, dwellingSchema, surveyRecordJsonSchema, isSurveyRecord } from './survey/record.js';
export type { SurveyRecord, SurveyRecordInput, Member, Dwelling } from './survey/record.js';
export * from './survey/enums.js';
export { validateSurvey, createSurveyValidator, formatIssue, assertValidSurvey, formatSurveyReport, explainMismatch, surveyIssueCodes, plausibleQualificationAge } from './survey/validate.js';
export type { SurveyIssue, RecordReport, SurveyReport, SurveyValidator } from './survey/validate.js';
export { classifyByScores, safeClassifyByScores } from './review/scores.js';
export type { ScoredHouseholdInput, ScoreClassification, ScoreOptions } from './review/scores.js';
export { defineScorecard, computeScoreA, safeComputeScoreA, scorecardSchema } from './review/scorecard.js';
export type { Scorecard, ScorecardInput, ScoreA } from './review/scorecard.js';
export { reviewScoresSchema } from './standards/schema.js';
export type { ReviewScores } from './standards/schema.js';
export { parsePath } from './errors.js';
export { alkireFoster, safeAlkireFoster, measureChange, safeMeasureChange } from './analytics/alkire-foster.js';
export type { AfIndicator, AfUnit, AfOptions, AfResult, AfFigures, AfIndicatorFigures, MeasureChange, MeasureInput, UndefinedMeasureChange } from './analytics/alkire-foster.js';
// Survey design variance and the Alkire-Foster measures with standard errors.
export * from './analytics/index.js';
export type { ExactValue, FractionInput } from './analytics/exact.js';
export { createTally, safeCreateTally, tallyAll, safeTallyAll, categories } from './analytics/tally.js';
export type { Tally, TallyBuilder, TallyItem, TallyOptions, GroupTally, CategoryCounts, CategoryRates, CategoryRatesExact, IndicatorCounts } from './analytics/tally.js';
export { compareReviews, safeCompareReviews } from './analytics/transitions.js';
export type { ReviewEntry, ListMovement, Transitions } from './analytics/transitions.js';
export { defineTargetPlan, safeDefineTargetPlan, measureTargets, safeMeasureTargets, targetPlanSchema } from './analytics/targets.js';
export type { TargetPlan, TargetPlanInput, TargetResult } from './analytics/targets.js';
export { childFacts, childAges } from './analytics/children.js';
export type { ChildFacts, ChildAges } from './analytics/children.js';
export type { ChildCounts } from './analytics/tally.js';
export type { ReportUnit } from './report/summary.js';
export { summaryTable, profileTable, transitionsTable, targetsTable, childrenTable, profileChart, ratesChart } from './report/summary.js';
export { renderTables, renderText, renderCsv, renderMarkdown, tableToJson, checkTable } from './report/table.js';
export type { Table, Cell, Column, Figure, ReportFormat } from './report/table.js';
export { barChartSvg } from './report/svg.js';
export type { BarChart, BarGroup } from './report/svg.js';
export { categoryLabels } from './report/labels.js';
export type { Lang } from './report/labels.js';
export { decisionTable, createDecider } from './decision-table.js';
export type { Decider, DecisionInput, AreaTable } from './decision-table.js';
