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
  getStandard,
  standardInForce,
  safeStandardInForce,
  resolveStandard,
  nationalStandards,
  localStandards,
  standardIds,
} from './standards/registry.js';
export type { StandardChoice, ResolvedStandard } from './standards/registry.js';
export { standardSchema, amountParameterSchema, countParameterSchema, bandSchema, dimensionSchema, indicatorSchema, ruleSchema } from './standards/schema.js';
export type { Standard, StandardInput, Indicator, Dimension, Rule, Band, Area, AmountParameter, CountParameter } from './standards/schema.js';
export { indicatorIdSet, findIndicator } from './standards/indicators.js';
export { isIsoDate } from './dates.js';
export type { IsoDate } from './dates.js';
export { createBatchClassifier, classifyMany, isBatchFailure } from './batch.js';
export type { BatchClassifier, BatchRow, BatchSuccess, BatchFailure, CompactHousehold } from './batch.js';
export { createRowReader, fieldColumns } from './tabular.js';
export type { RowReader } from './tabular.js';
export { Decimal } from './money.js';
export type { Amount } from './money.js';
