/**
 * chuan-ngheo/measures: the aggregate figures analysts report: Alkire-Foster measures and their
 * change, tallies by group, movements between two reviews, targets of a plan, children's facts.
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
export type { TargetPlan, TargetPlanInput, TargetResult } from './targets.js';
export { childFacts, childAges } from './children.js';
export type { ChildFacts, ChildAges } from './children.js';
