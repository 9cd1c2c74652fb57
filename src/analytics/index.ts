/**
 * Survey analytics: variance under a survey design, and the Alkire-Foster measures with their
 * standard errors and intervals.
 *
 * @module
 */
export { surveyDesign, safeSurveyDesign, restrictDesign, safeRestrictDesign, safeDesignMean, safeDesignRatio, safeDesignTotal, psuTotals, designCovariance, ratioOfTotals, designMean, designRatio, designTotal, linearCombinationSe, estimateDifference, estimateRatio, confidenceInterval, proportionInterval } from './design.js';
export type { DesignInput, SurveyDesign, CodedColumn, LonelyPsu, DesignEstimate, DerivedEstimate, EstimateOptions } from './design.js';
export { studentTQuantile, studentTCdf, normalQuantile, normalCdf, logGamma } from './student-t.js';
export { tInterval, logitInterval, criticalValue } from './logit-interval.js';
export type { Interval } from './logit-interval.js';
export { CompensatedSum, compensatedSum, addCompensated } from './compensated-sum.js';
export { alkireFosterInference, safeAlkireFosterInference, planAfInference, safePlanAfInference, estimateAfInference, safeEstimateAfInference, unusedColumns } from './alkire-foster-inference.js';
export type { AfInferenceOptions, AfInference, AfLevel, AfChange, AfRow, AfEstimate, AfCutoffFigures, AfPlan, AfWeighting, CutoffInput } from './alkire-foster-inference.js';
export { createAfTableBuilder, MISSING_DEPRIVATION } from './af-table.js';
export type { AfTable, AfTableBuilder, AfTableColumns } from './af-table.js';
