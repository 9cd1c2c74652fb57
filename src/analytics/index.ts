/**
 * chuan-ngheo/measures: the aggregate figures analysts report: Alkire-Foster measures and their
 * change, with standard errors and intervals under a survey design, tallies by group, movements
 * between two reviews, targets of a plan, children's facts.
 * Pure (no I/O); runs in a browser.
 *
 * @packageDocumentation
 * @module chuan-ngheo/measures
 */
export { alkireFoster, safeAlkireFoster, measureChange, safeMeasureChange } from './alkire-foster.js';
export type { AfIndicator, AfUnit, AfOptions, AfResult, AfFigures, AfIndicatorFigures, MeasureChange, MeasureInput, UndefinedMeasureChange } from './alkire-foster.js';
export type { ExactValue, FractionInput } from './exact.js';
export { createTally, safeCreateTally, tallyAll, safeTallyAll, categories } from './tally.js';
export type { Tally, TallyBuilder, TallyItem, TallyOptions, GroupTally, CategoryCounts, CategoryRates, CategoryRatesExact, IndicatorCounts, ChildCounts } from './tally.js';
export { compareReviews, safeCompareReviews } from './transitions.js';
export type { ReviewEntry, ListMovement, Transitions } from './transitions.js';
export { defineTargetPlan, safeDefineTargetPlan, measureTargets, safeMeasureTargets, targetPlanSchema } from './targets.js';
export type { PlanText, TargetMeasure, TargetPlan, TargetPlanInput, TargetResult } from './targets.js';
export { childFacts, childAges } from './children.js';
export type { ChildFacts, ChildAges } from './children.js';
// Variance under a survey design, and the Alkire-Foster measures with standard errors and intervals.
export { surveyDesign, safeSurveyDesign, designMean, safeDesignMean, designRatio, safeDesignRatio, designTotal, safeDesignTotal, estimateDifference, estimateRatio, proportionInterval } from './design.js';
export type { DesignInput, SurveyDesign, CodedColumn, LonelyPsu, DesignEstimate, DerivedEstimate, EstimateOptions } from './design.js';
export type { Interval } from './logit-interval.js';
export { alkireFosterInference, safeAlkireFosterInference } from './alkire-foster-inference.js';
export type { AfInferenceOptions, AfInference, AfLevel, AfChange, AfRow, AfEstimate, AfCutoffFigures, AfWeighting, CutoffInput } from './alkire-foster-inference.js';
