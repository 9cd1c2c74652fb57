/**
 * chuan-ngheo/survey: the household survey record (member roster and dwelling), the derivation of
 * the indicators from it, and the validation of a whole survey against its recorded categories.
 * Pure (no I/O); runs in a browser.
 *
 * @packageDocumentation
 * @module chuan-ngheo/survey
 */
export { surveyRecordSchema, memberSchema, dwellingSchema, surveyRecordJsonSchema, isSurveyRecord } from './record.js';
export type { SurveyRecord, SurveyRecordInput, Member, Dwelling } from './record.js';
export * from './enums.js';
export { validateSurvey, safeValidateSurvey, createSurveyValidator, safeCreateSurveyValidator, formatIssue, assertValidSurvey, formatSurveyReport, explainMismatch, surveyIssueCodes, plausibleQualificationAge } from './validate.js';
export type { SurveyIssue, RecordReport, SurveyReport, SurveyValidator } from './validate.js';
export { deriveIndicators, safeDeriveIndicators, deriveFromRecord, readSurveyRecord, safeReadSurveyRecord, derivationRules } from '../derivation/derive.js';
export type { DerivedIndicator, IndicatorDerivation, DerivationRules } from '../derivation/derive.js';
export { derivationSchema, retirementScheduleSchema } from '../derivation/parameters.js';
export type { Derivation, DerivationOf } from '../derivation/parameters.js';
export type { RuleOutcome, RuleResult, DerivationContext, Age, Tri } from '../derivation/context.js';
export { COUNTED } from '../derivation/context.js';
export { retirementMonths } from '../derivation/rules/employment.js';
