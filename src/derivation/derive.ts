/**
 * Deriving a standard's indicators from a survey record: one named rule per indicator, with the
 * standard's parameters, reporting deprived / not deprived / cannot be determined, the members
 * responsible, the missing facts, and whether the definition is confirmed.
 *
 * @module
 */
import { describeReceived, fail, formatPath, readGuarded, toSafe, type SafeResult } from '../errors.js';
import { firstIssue, ownValue, safeParseInWords } from '../schema-issues.js';
import type { IsoDate } from '../dates.js';
import { resolveStandard, type StandardChoice } from '../standards/registry.js';
import type { Standard } from '../standards/schema.js';
import { citation } from '../standards/reference.js';
import { surveyRecordSchema, type SurveyRecord, type SurveyRecordInput } from '../survey/record.js';
import type { Derivation } from './parameters.js';
import { contextOf, type DerivationContext, type RuleOutcome, type RuleResult } from './context.js';
import { employment } from './rules/employment.js';
import { dependants } from './rules/dependants.js';
import { nutrition } from './rules/nutrition.js';
import { healthInsurance } from './rules/health-insurance.js';
import { adultEducation, adultEducationByBirthYear } from './rules/adult-education.js';
import { childSchoolAttendance } from './rules/child-school-attendance.js';
import { housingArea, housingQuality } from './rules/housing.js';
import { domesticWater, hygienicLatrine, wasteTreatment } from './rules/water-sanitation.js';
import { informationMeans, telecomServices } from './rules/information.js';
import { healthcareAccess } from './rules/healthcare-access.js';

/** The rule that derives each indicator from a roster, by its name in the standard's data. */
export type DerivationRules = { [R in Derivation['rule']]: (ctx: DerivationContext, p: Extract<Derivation, { rule: R }>) => RuleResult };

/** The rule functions, by the `rule` name used in standard data. */
export const derivationRules: DerivationRules = {
  employment,
  dependants,
  nutrition,
  healthInsurance,
  adultEducation,
  adultEducationByBirthYear,
  childSchoolAttendance,
  housingQuality,
  housingArea,
  domesticWater,
  hygienicLatrine,
  telecomServices,
  informationMeans,
  wasteTreatment,
  healthcareAccess,
};

/** One derived indicator. */
export interface DerivedIndicator extends RuleOutcome {
  readonly indicator: string;
  /** The rule applied (`null` when the standard defines no derivation for the indicator). */
  readonly rule: string | null;
  readonly reference: string;
  /** Whether the definition applied is confirmed law. */
  readonly confirmed: boolean;
  readonly note?: string;
}

/** The indicators of a record under a standard. */
export interface IndicatorDerivation {
  readonly standard: string;
  readonly date: IsoDate;
  readonly indicators: readonly DerivedIndicator[];
  /** Ids of the indicators found deprived, in the standard's order. */
  readonly deprived: readonly string[];
  /** Ids of the indicators that could not be determined. */
  readonly undetermined: readonly string[];
}

function isIncomeField(key: unknown): boolean {
  return key === 'incomeMonthlyPerCapita' || key === 'incomeMonthlyTotal' || key === 'incomeAnnualTotal';
}

/**
 * Reads and validates a survey record.
 *
 * @throws {ChuanNgheoError} `INVALID_FIELD`, `INVALID_AREA`, … with the path.
 * @example
 * readSurveyRecord({ area: 'rural', incomeMonthlyTotal: '3000000', members: [{ dateOfBirth: '1990-01-01' }] }).members.length //=> 1
 * readSurveyRecord({ area: 'rural', members: [{ age: 30 }] }) //=> throws INVALID_FIELD
 */
export function readSurveyRecord(input: unknown): SurveyRecord {
  const parsed = safeParseInWords(surveyRecordSchema, input);
  if (parsed.success) return parsed.data;
  const issue = firstIssue(parsed.error);
  const path = issue.path;
  const where = path.length ? formatPath(path) : 'survey record';
  if (issue.unknownKey !== undefined) {
    const parent = path.slice(0, -1);
    const what = parent.length === 0 ? 'a survey record' : parent[0] === 'members' ? 'a member' : parent[0] === 'dwelling' ? 'a dwelling' : formatPath(parent);
    const received = ownValue(parent.reduce<unknown>((o, k) => ownValue(o, String(k)), input), issue.unknownKey);
    fail('INVALID_FIELD', path, `${where}: expected only the fields of ${what}, received an unknown field holding ${describeReceived(received)}`, received, `a field of ${what}`);
  }
  const received = issue.input;
  const missing = path.length === 1 && received === undefined;
  const code = path[0] === 'area' ? (missing ? 'MISSING_FIELD' : 'INVALID_AREA') : path[0] === 'size' && !missing ? 'INVALID_SIZE' : isIncomeField(path[0]) && path.length === 1 ? 'INVALID_INCOME' : missing ? 'MISSING_FIELD' : 'INVALID_FIELD';
  return fail(code, path, `${where}: expected ${issue.message}, received ${describeReceived(received)}${missing ? ' (the field is required)' : ''}`, received, issue.message);
}

/**
 * Safe twin of {@link readSurveyRecord}: takes any value and returns `{ success, data | error }`;
 * it never throws.
 *
 * @example
 * const r = safeReadSurveyRecord({ area: 'rural', members: [{ age: 30 }] });
 * !r.success && r.error.path //=> ['members', 0, 'age']
 * const ok = safeReadSurveyRecord({ area: 'nông thôn', members: [{ ageAtReview: 30 }] });
 * ok.success && ok.data.members.length //=> 1
 */
export function safeReadSurveyRecord(input: unknown): SafeResult<SurveyRecord> {
  return toSafe(() => readSurveyRecord(input));
}

/** Derives the indicators of a validated record under a standard on a date. */
function apply(ctx: DerivationContext, d: Derivation): RuleResult {
  return (derivationRules[d.rule] as (ctx: DerivationContext, p: Derivation) => RuleResult)(ctx, d);
}

/**
 * The indicators of a record already read ({@link readSurveyRecord}) under a standard on a date: {@link deriveIndicators} without reading its options.
 *
 * @example
 * const record = {
 *   id: 'HH101', area: 'rural', incomeMonthlyTotal: 4_200_000,
 *   dwelling: { hasHouse: true, walls: 'bambooOrPoorWood', roof: 'leavesOrStraw', floor: 'earth', floorArea: 18 },
 *   waterSource: 'drilledWell', latrineType: 'simplePit', informationDevices: ['smartphone'], hearsLoudspeakers: true,
 *   members: [
 *     { name: 'Lò Văn An', dateOfBirth: '1988-03-02', sex: 'male', workingCapacity: 'full', employmentStatus: 'selfEmployed',
 *       healthInsurance: true, highestQualification: 'lowerSecondary', inSchool: false, usesInternet: true },
 *     { name: 'Lò Thị Mai', dateOfBirth: '1991-07-15', sex: 'female', workingCapacity: 'full', employmentStatus: 'selfEmployed',
 *       healthInsurance: false, highestQualification: 'primary', inSchool: false, usesInternet: false },
 *     { name: 'Lò Minh', dateOfBirth: '2019-09-01', stunted: true, underweight: false, healthInsurance: true, inSchool: true },
 *   ],
 * };
 * deriveFromRecord(readSurveyRecord(record), getStandard('nd07-2021'), '2025-12-01').deprived.length //=> 5
 */
export function deriveFromRecord(record: SurveyRecord, standard: Standard, date: IsoDate): IndicatorDerivation {
  const ctx = contextOf(record, date);
  const indicators = standard.indicators.map((indicator): DerivedIndicator => {
    const d = indicator.derivation;
    if (!d) {
      return { indicator: indicator.id, rule: null, status: 'undetermined', members: [], missing: [], reason: `the standard ${standard.id} defines no derivation for ${indicator.id}`, reference: citation(indicator.label.reference), confirmed: false };
    }
    const { because, ...outcome } = apply(ctx, d);
    return { indicator: indicator.id, rule: d.rule, ...outcome, reason: because(), reference: citation(d.reference), confirmed: d.confirmed, ...(d.note !== undefined ? { note: d.note } : {}) };
  });
  return {
    standard: standard.id,
    date,
    indicators,
    deprived: indicators.filter((i) => i.status === 'deprived').map((i) => i.indicator),
    undetermined: indicators.filter((i) => i.status === 'undetermined').map((i) => i.indicator),
  };
}

/** A record's indicator counts: how many are deprived and how many cannot be determined. */
export interface DerivedCounts {
  readonly deprived: number;
  readonly undetermined: number;
}

/**
 * Counts a record's deprived and undetermined indicators with the same rules, writing no words and
 * letting each rule stop as soon as its status is known: the batch path. The rules are looked up
 * once per standard. The ids of the deprived indicators are pushed onto `deprivedInto` when given,
 * in the standard's order.
 */
export function createDerivedCounter(standard: Standard): (record: SurveyRecord, date: IsoDate, deprivedInto?: string[]) => DerivedCounts {
  const applied: { readonly id: string; readonly rule: (ctx: DerivationContext, p: Derivation) => RuleResult; readonly params: Derivation }[] = [];
  let underived = 0;
  for (const indicator of standard.indicators) {
    const d = indicator.derivation;
    if (d) applied.push({ id: indicator.id, rule: derivationRules[d.rule] as (ctx: DerivationContext, p: Derivation) => RuleResult, params: d });
    else underived++;
  }
  return (record, date, deprivedInto) => {
    const ctx = contextOf(record, date, false);
    let deprived = 0;
    let undetermined = underived;
    for (let i = 0; i < applied.length; i++) {
      const { id, rule, params } = applied[i]!;
      const status = rule(ctx, params).status;
      if (status === 'deprived') {
        deprived++;
        deprivedInto?.push(id);
      } else if (status === 'undetermined') undetermined++;
    }
    return { deprived, undetermined };
  };
}

/**
 * Derives a standard's indicators from a household survey record (member roster and dwelling).
 *
 * The record is typed as {@link SurveyRecordInput}: an unknown key or enum value does not compile.
 * For a record whose shape is not known until run time (a parsed file, a request body), use
 * {@link safeDeriveIndicators}, which takes `unknown` and never throws.
 *
 * @param record - A survey record ({@link SurveyRecordInput}).
 * @param options - `date` (the review date; ages are computed on it) and/or `standard`.
 * @throws {ChuanNgheoError} For an invalid record or options.
 * @example
 * const d = deriveIndicators({
 *   id: 'HH101', area: 'rural', incomeMonthlyTotal: 4_200_000,
 *   dwelling: { hasHouse: true, walls: 'bambooOrPoorWood', roof: 'leavesOrStraw', floor: 'earth', floorArea: 18 },
 *   waterSource: 'drilledWell', latrineType: 'simplePit', informationDevices: ['smartphone'], hearsLoudspeakers: true,
 *   members: [
 *     { name: 'Lò Văn An', dateOfBirth: '1988-03-02', sex: 'male', workingCapacity: 'full', employmentStatus: 'selfEmployed',
 *       healthInsurance: true, highestQualification: 'lowerSecondary', inSchool: false, usesInternet: true },
 *     { name: 'Lò Thị Mai', dateOfBirth: '1991-07-15', sex: 'female', workingCapacity: 'full', employmentStatus: 'selfEmployed',
 *       healthInsurance: false, highestQualification: 'primary', inSchool: false, usesInternet: false },
 *     { name: 'Lò Minh', dateOfBirth: '2019-09-01', stunted: true, underweight: false, healthInsurance: true, inSchool: true },
 *   ],
 * }, { date: '2025-12-01' });
 * d.deprived //=> ['nutrition', 'healthInsurance', 'housingQuality', 'housingArea', 'hygienicLatrine']
 * d.undetermined //=> ['dependants']
 * d.indicators.find((i) => i.indicator === 'healthInsurance')?.reason
 * //=> 'member 2 (Lò Thị Mai, 34): aged 6 or more without health insurance'
 */
export function deriveIndicators(record: SurveyRecordInput, options: StandardChoice & { readonly today?: () => IsoDate } = {}): IndicatorDerivation {
  return deriveOn(record, options);
}

/** Derives from a value of any shape: the run-time check behind {@link deriveIndicators} and its safe twin. */
function deriveOn(record: unknown, options: StandardChoice & { readonly today?: () => IsoDate }): IndicatorDerivation {
  const { standard, date } = readGuarded(() => resolveStandard(options), 'INVALID_OPTIONS', [], 'the options');
  return readGuarded(() => deriveFromRecord(readSurveyRecord(record), standard, date), 'INVALID_FIELD', [], 'the survey record');
}

/**
 * Safe twin of {@link deriveIndicators}, and the entry for untrusted data: takes any value, checks
 * it at run time and returns `{ success, data | error }`; it never throws, whatever its arguments.
 *
 * @example
 * const r = safeDeriveIndicators({ area: 'rural', members: [{ dateOfBirth: '2025-13-01' }] }, { date: '2025-12-01' });
 * !r.success && r.error.path //=> ['members', 0, 'dateOfBirth']
 */
export function safeDeriveIndicators(record: unknown, options: StandardChoice = {}): SafeResult<IndicatorDerivation> {
  return toSafe(() => deriveOn(record, options));
}
