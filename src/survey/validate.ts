/**
 * Validating survey records for test suites and audits: schema errors, facts that cannot all be
 * true, and recorded categories that disagree with the computed ones.
 *
 * @module
 */
import { ChuanNgheoError, describeReceived, fail, formatPath, readGuarded, toSafe, type ErrorPath, type SafeResult } from '../errors.js';
import type { IsoDate } from '../dates.js';
import { ownValue } from '../schema-issues.js';
import { classify, type ClassifyOptions, type Classification } from '../classify.js';
import { ageOf } from '../derivation/context.js';
import { readSurveyRecord } from '../derivation/derive.js';
import { createBatchClassifier } from '../batch.js';
import { surelyValidRecord } from './record-precheck.js';
import { readAmount } from '../money.js';
import { resolveStandard } from '../standards/registry.js';
import type { Category } from '../rule.js';
import type { Qualification } from './enums.js';
import type { SurveyRecord, SurveyRecordInput } from './record.js';

/** Stable codes of the consistency checks (schema errors keep the library's error codes). */
export const surveyIssueCodes = [
  'NO_MEMBERS',
  'SIZE_MISMATCH',
  'FLOOR_AREA_ZERO',
  'BORN_AFTER_REVIEW',
  'AGE_BIRTH_DATE_MISMATCH',
  'QUALIFICATION_IMPLAUSIBLE_FOR_AGE',
  'DUPLICATE_MEMBER',
  'DUPLICATE_RECORD_ID',
  'CATEGORY_MISMATCH',
] as const;

/** A problem found in a record. */
export interface SurveyIssue {
  /** A {@link surveyIssueCodes} code, or the library error code of a schema or classification error. */
  readonly code: string;
  readonly path: ErrorPath;
  readonly message: string;
  readonly received?: unknown;
}

/** The findings for one record. */
export interface RecordReport {
  readonly index: number;
  readonly id?: string | number;
  readonly valid: boolean;
  readonly issues: readonly SurveyIssue[];
  /** The computed category, when the record could be classified. */
  readonly category?: Category;
}

/** The findings for a whole survey. */
export interface SurveyReport {
  readonly standard: string;
  readonly date: IsoDate;
  /** Whether every record is valid (true for no records), like {@link RecordReport.valid}. */
  readonly valid: boolean;
  /** Records checked. */
  readonly records: number;
  readonly validCount: number;
  readonly invalidCount: number;
  readonly reports: readonly RecordReport[];
}

/**
 * The youngest age at which each qualification can plausibly be held: a consistency check on
 * survey data (Viet Nam's school ages: primary ends at 10, lower secondary at 14, upper
 * secondary at 17), not a legal rule.
 */
export const plausibleQualificationAge: Readonly<Record<Qualification, number>> = {
  none: 0,
  primary: 10,
  lowerSecondary: 14,
  upperSecondary: 17,
  vocationalElementary: 15,
  vocationalIntermediate: 16,
  college: 19,
  university: 21,
};

function consistency(record: SurveyRecord, date: IsoDate): SurveyIssue[] {
  const issues: SurveyIssue[] = [];
  if (record.members.length === 0) issues.push({ code: 'NO_MEMBERS', path: ['members'], message: 'the household has no members', received: [] });
  if (record.size !== undefined && record.members.length > 0 && record.size !== record.members.length) {
    issues.push({ code: 'SIZE_MISMATCH', path: ['size'], message: `size ${record.size} disagrees with the ${record.members.length} member(s) listed`, received: record.size });
  }
  const area = record.dwelling?.floorArea;
  const areaAmount = area === undefined ? undefined : readAmount(area);
  if (areaAmount !== undefined && (typeof areaAmount === 'number' ? areaAmount === 0 : areaAmount.isZero())) {
    issues.push({ code: 'FLOOR_AREA_ZERO', path: ['dwelling', 'floorArea'], message: 'floor area is 0 m²: a dwelling has some floor area (use hasHouse: false for no house)', received: area });
  }
  const seen = new Map<string, number>();
  record.members.forEach((m, i) => {
    if (m.dateOfBirth !== undefined && m.dateOfBirth > date) {
      issues.push({ code: 'BORN_AFTER_REVIEW', path: ['members', i, 'dateOfBirth'], message: `member ${i + 1} was born on ${m.dateOfBirth}, after the review date ${date}`, received: m.dateOfBirth });
    }
    const age = ageOf(m, date);
    if (m.dateOfBirth !== undefined && m.ageAtReview !== undefined && age && age.years !== m.ageAtReview) {
      issues.push({ code: 'AGE_BIRTH_DATE_MISMATCH', path: ['members', i, 'ageAtReview'], message: `member ${i + 1}: ageAtReview ${m.ageAtReview} but born ${m.dateOfBirth}, so ${age.years} on ${date}`, received: m.ageAtReview });
    }
    if (age && m.highestQualification !== undefined && age.years < plausibleQualificationAge[m.highestQualification]) {
      issues.push({
        code: 'QUALIFICATION_IMPLAUSIBLE_FOR_AGE',
        path: ['members', i, 'highestQualification'],
        message: `member ${i + 1} is ${age.years} yet holds ${m.highestQualification} (plausible from age ${plausibleQualificationAge[m.highestQualification]})`,
        received: m.highestQualification,
      });
    }
    const key = m.id !== undefined ? `id:${m.id}` : m.name !== undefined && m.dateOfBirth !== undefined ? `name:${m.name.normalize('NFC').toLowerCase()}|${m.dateOfBirth}` : undefined;
    if (key !== undefined) {
      const first = seen.get(key);
      if (first !== undefined) {
        issues.push({ code: 'DUPLICATE_MEMBER', path: ['members', i], message: `member ${i + 1} repeats member ${first + 1} (${m.id !== undefined ? `id ${m.id}` : `${m.name}, born ${m.dateOfBirth}`})`, received: m.id ?? m.name });
      } else seen.set(key, i);
    }
  });
  return issues;
}

/**
 * Why the computed category differs from the recorded one, in words.
 *
 * @example
 * const computed = classify({ area: 'rural', size: 2, incomeMonthlyTotal: 2_000_000, deprived: ['nutrition'] }, { date: '2025-12-01' });
 * explainMismatch('poor', computed) //=> 'recorded poor, computes near-poor because only 1 deprivation(s): nutrition (poor needs 3)'
 */
export function explainMismatch(recorded: Category, computed: Classification): string {
  const list = computed.deprived.length ? `: ${computed.deprived.join(', ')}` : '';
  const k = computed.lines.minDeprivations;
  const income = `income ${computed.incomeMonthlyPerCapita.toLocaleString('en-US')} per person per month`;
  let why: string;
  if (recorded === 'poor' && computed.category === 'near-poor') why = `only ${computed.deprivationCount} deprivation(s)${list} (poor needs ${k})`;
  else if (recorded === 'near-poor' && computed.category === 'poor') why = `${computed.deprivationCount} deprivations${list} (${k} or more is poor)`;
  else if ((recorded === 'poor' || recorded === 'near-poor') && (computed.category === 'average' || computed.category === 'none')) why = `${income} is above the line of ${computed.lines.poverty.toLocaleString('en-US')}`;
  else if (computed.category === 'poor' || computed.category === 'near-poor') why = `${income} is at most the line of ${computed.lines.poverty.toLocaleString('en-US')}, with ${computed.deprivationCount} deprivation(s)${list}`;
  else why = computed.averageBand ? `${income} is ${computed.category === 'average' ? 'inside' : 'outside'} the band ${computed.averageBand.above.toLocaleString('en-US')} … ${computed.averageBand.atMost.toLocaleString('en-US')}` : income;
  return `recorded ${recorded}, computes ${computed.category} because ${why}`;
}

/** A validator bound to a standard and review date; it remembers record ids to catch repeats. */
export interface SurveyValidator {
  readonly standard: string;
  readonly date: IsoDate;
  /** Checks the next record (`index` counts from 0 in the order checked). */
  check(input: unknown): RecordReport;
}

/**
 * Starts a streaming validation: `check` each record in turn.
 *
 * @example
 * const validator = createSurveyValidator({ date: '2025-12-01' });
 * const member = { dateOfBirth: '1990-01-01', healthInsurance: true };
 * validator.check({ id: 'HH1', area: 'rural', incomeMonthlyTotal: 9_000_000, members: [member] }).valid //=> true
 * validator.check({ id: 'HH1', area: 'rural', incomeMonthlyTotal: 9_000_000, members: [member] }).issues.map((i) => i.code)
 * //=> ['DUPLICATE_RECORD_ID']
 */
export function createSurveyValidator(options: ClassifyOptions = {}): SurveyValidator {
  const { standard, date } = resolveStandard(options);
  const batch = createBatchClassifier({ standard, date });
  const ids = new Map<string | number, number>();
  let index = 0;
  const asIssue = (error: ChuanNgheoError): SurveyIssue => ({ code: error.code, path: error.path, message: error.message, ...(error.received !== undefined ? { received: error.received } : {}) });
  return {
    standard: standard.id,
    date,
    check(input) {
      const i = index++;
      const issues: SurveyIssue[] = [];
      let record: SurveyRecord | undefined;
      try {
        record = readGuarded(() => (surelyValidRecord(input) ? input : readSurveyRecord(input)), 'INVALID_FIELD', [], 'the record');
      } catch (error) {
        if (!(error instanceof ChuanNgheoError)) throw error;
        issues.push(asIssue(error));
      }
      let category: Category | undefined;
      if (record) {
        issues.push(...consistency(record, date));
        if (record.id !== undefined) {
          const first = ids.get(record.id);
          if (first !== undefined) issues.push({ code: 'DUPLICATE_RECORD_ID', path: ['id'], message: `id ${record.id} is used by record ${first + 1} too`, received: record.id });
          else ids.set(record.id, i);
        }
        if (issues.length === 0) {
          // The batch path decides; the full explanation is written only for a mismatch.
          const row = batch.classify(record);
          if ('error' in row) {
            const { code, path, message, received } = row.error;
            issues.push({ code, path, message, ...(received !== undefined ? { received } : {}) });
          } else {
            category = row.category;
            if (record.recordedCategory !== undefined && record.recordedCategory !== row.category) {
              issues.push({ code: 'CATEGORY_MISMATCH', path: ['recordedCategory'], message: explainMismatch(record.recordedCategory, classify(record as SurveyRecordInput, { standard, date })), received: record.recordedCategory });
            }
          }
        }
      }
      let id: unknown = record?.id;
      try {
        id ??= ownValue(input, 'id');
      } catch {
        // An input that cannot be read has no id to report.
      }
      return {
        index: i,
        ...(typeof id === 'string' || typeof id === 'number' ? { id } : {}),
        valid: issues.length === 0,
        issues,
        ...(category !== undefined ? { category } : {}),
      };
    },
  };
}

/**
 * Safe twin of {@link createSurveyValidator}: takes any value as the options and returns
 * `{ success, data | error }`; it never throws.
 *
 * @example
 * const r = safeCreateSurveyValidator({ standard: 'nd07' });
 * !r.success && r.error.code //=> 'UNKNOWN_STANDARD'
 * const ok = safeCreateSurveyValidator({ date: '2025-12-01' });
 * ok.success && ok.data.standard //=> 'nd07-2021'
 */
export function safeCreateSurveyValidator(options: unknown): SafeResult<SurveyValidator> {
  return toSafe(() => createSurveyValidator(options as ClassifyOptions));
}

/**
 * Validates survey records: each gets its schema errors, consistency errors and, when it records
 * a category, an audit of that category against the computed one.
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
 * const report = validateSurvey([record, { ...record, id: 'HH102', size: 4 }], { date: '2025-12-01' });
 * report.valid        //=> false
 * report.invalidCount //=> 1
 * report.reports[1]?.issues.map((i) => i.code) //=> ['SIZE_MISMATCH']
 */
export function validateSurvey(records: Iterable<unknown>, options: ClassifyOptions = {}): SurveyReport {
  const validator = createSurveyValidator(options);
  const reports: RecordReport[] = [];
  readGuarded(
    () => {
      const iterable = typeof records === 'object' && records !== null && typeof (records as Partial<Iterable<unknown>>)[Symbol.iterator] === 'function';
      if (!iterable) fail('INVALID_FIELD', [], `records: expected an iterable of survey records (an array), received ${describeReceived(records)}`, records, 'an iterable of survey records');
      for (const input of records) reports.push(validator.check(input));
    },
    'INVALID_FIELD',
    [],
    'the records',
  );
  const validCount = reports.filter((r) => r.valid).length;
  const invalidCount = reports.length - validCount;
  return { standard: validator.standard, date: validator.date, valid: invalidCount === 0, records: reports.length, validCount, invalidCount, reports };
}

/**
 * Safe twin of {@link validateSurvey}: the records' problems are in the report as always; options
 * or records that cannot be read are the error of the result. It never throws.
 *
 * @example
 * const r = safeValidateSurvey([{ id: 'HH1', area: 'rural', incomeMonthlyTotal: 0, members: [] }], { date: '2031-01-01' });
 * !r.success && r.error.code //=> 'NO_STANDARD_IN_FORCE'
 * const ok = safeValidateSurvey([{ id: 'HH1', area: 'rural', incomeMonthlyTotal: 0, members: [] }], { date: '2025-12-01' });
 * ok.success && ok.data.invalidCount //=> 1
 */
export function safeValidateSurvey(records: Iterable<unknown>, options: ClassifyOptions = {}): SafeResult<SurveyReport> {
  return toSafe(() => validateSurvey(records, options));
}

/**
 * One issue as a readable line.
 *
 * @example
 * const report = validateSurvey([{ id: 'HH1', area: 'rural', incomeMonthlyTotal: 0, members: [] }], { date: '2025-12-01' });
 * const record = report.reports[0]!;
 * formatIssue(record, record.issues[0]!) //=> 'record 1 (HH1): NO_MEMBERS at members: the household has no members'
 */
export function formatIssue(report: RecordReport, issue: SurveyIssue): string {
  return `record ${report.index + 1}${report.id !== undefined ? ` (${report.id})` : ''}: ${issue.code} at ${formatPath(issue.path)}: ${issue.message}`;
}

/**
 * The findings as readable lines, one per issue.
 *
 * @example
 * const report = validateSurvey([{ id: 'HH1', area: 'rural', incomeMonthlyTotal: 0, members: [] }], { date: '2025-12-01' });
 * formatSurveyReport(report).split('\n')
 * //=> ['1 record(s) under nd07-2021 on 2025-12-01: 0 valid, 1 invalid', 'record 1 (HH1): NO_MEMBERS at members: the household has no members']
 */
export function formatSurveyReport(report: SurveyReport): string {
  const lines = report.reports.flatMap((r) => r.issues.map((i) => formatIssue(r, i)));
  return [`${report.records} record(s) under ${report.standard} on ${report.date}: ${report.validCount} valid, ${report.invalidCount} invalid`, ...lines].join('\n');
}

/**
 * Throws when any record is invalid, listing every issue: one line in a test suite. The error is a
 * {@link ChuanNgheoError} with the code `INVALID_SURVEY`, the path of the first invalid record
 * (`[index]`), the reports of the invalid records as `received`, and a message of one line per issue.
 *
 * @throws {ChuanNgheoError} `INVALID_SURVEY` when a record is invalid; the options' errors as {@link validateSurvey}.
 * @example
 * assertValidSurvey([{ id: 'HH1', area: 'rural', incomeMonthlyTotal: 0, members: [] }], { date: '2025-12-01' })
 * //=> throws INVALID_SURVEY
 */
export function assertValidSurvey(records: Iterable<unknown>, options: ClassifyOptions = {}): SurveyReport {
  const report = validateSurvey(records, options);
  if (!report.valid) {
    const invalid = report.reports.filter((r) => !r.valid);
    fail('INVALID_SURVEY', [invalid[0]!.index], formatSurveyReport(report), invalid, 'every record valid');
  }
  return report;
}
