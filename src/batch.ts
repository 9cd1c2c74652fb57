/**
 * Classifying many households: the standard is resolved once, each household yields one compact
 * row (or its error), and nothing is kept between rows. Valid households take a fast path that
 * skips the explanation; anything unusual goes through {@link classify} itself, so errors and
 * results are the same as one household at a time.
 *
 * @module
 */
import { toSafe, type ErrorDetail, type SafeResult } from './errors.js';
import { isIsoDate, type IsoDate } from './dates.js';
import { readAmount, type Amount } from './money.js';
import { classifyOn, type ClassifyOptions } from './classify.js';
import { aboveNearPovertyStandard, escapedFrom } from './escape.js';
import { areaAliases, incomeFields, readArea, type IncomeField } from './household.js';
import { createDerivedCounter } from './derivation/derive.js';
import { surveyRecordSchema, type SurveyRecord } from './survey/record.js';
import { surelyValidAttributes, surelyValidRecord } from './survey/record-precheck.js';
import { createDecider, type DecisionInput } from './decision-table.js';
import type { Category, Decision } from './rule.js';
import { indicatorIdSet } from './standards/indicators.js';
import { resolveStandard } from './standards/registry.js';
import type { Area, Standard } from './standards/schema.js';

/** The compact result of one household in a batch. */
export interface BatchSuccess {
  readonly id?: string | number;
  readonly category: Category;
  readonly deprivationCount: number;
  readonly newlyEscaped: boolean;
  readonly standard: string;
}

/** An invalid household in a batch: its id (when readable) and the error. */
export interface BatchFailure {
  readonly id?: string | number;
  readonly error: ErrorDetail;
}

/** One row out per row in. */
export type BatchRow = BatchSuccess | BatchFailure;

/** A classified household with what reports count of it (see {@link BatchClassifier.classifyWithFacts}). */
export interface BatchFacts extends BatchSuccess {
  readonly area: Area;
  /** Members of the household. */
  readonly size: number;
  /** The indicators found deprived, in the standard's order. */
  readonly deprived: readonly string[];
  /** What the household escaped at this review, or `null`. */
  readonly escaped: 'poverty' | 'near-poverty' | null;
}

/**
 * Whether a batch row is an error.
 *
 * @example
 * const batch = createBatchClassifier({ date: '2025-12-01' });
 * isBatchFailure(batch.classify({ id: 'HH1', area: 'rural', size: 0, incomeMonthlyTotal: 0 })) //=> true
 * isBatchFailure(batch.classify({ id: 'HH2', area: 'rural', size: 1, incomeMonthlyTotal: 0, deprived: [] })) //=> false
 */
export function isBatchFailure(row: BatchRow): row is BatchFailure {
  return 'error' in row;
}

/** A household already reduced to what the rule needs (validated by the caller). */
export type CompactHousehold = DecisionInput;

/** A classifier bound to one standard and one review date. */
export interface BatchClassifier {
  readonly standard: Standard;
  readonly date: IsoDate;
  /**
   * Classifies any input: fast when it is plainly valid, through {@link classify} otherwise. It
   * never throws: a bad input, whatever it is, gives an error row.
   */
  classify(input: unknown): BatchRow;
  /**
   * The same, with the facts a report counts: area, members, the deprived indicators and the
   * escape (for tallies of large files, without the explanation {@link classify} writes). It never
   * throws either.
   */
  classifyWithFacts(input: unknown): BatchFacts | BatchFailure;
  /** Applies the rule to a household already validated and reduced. */
  decideCompact(household: CompactHousehold): Decision;
  /** The same for a whole-đồng income, without allocating (the hot path of large files). */
  decideNumber(area: Area, size: number, field: IncomeField, income: number, deprivationCount: number): Decision;
}

const KNOWN_KEYS = new Set(['id', 'area', 'size', 'deprived', 'previousCategory', 'previousRecognizedOn', 'attributes', ...incomeFields]);

/**
 * Binds a classifier to a standard and a review date (resolved once).
 *
 * @throws {ChuanNgheoError} When the standard or date cannot be resolved.
 * @example
 * const batch = createBatchClassifier({ date: '2025-12-01' });
 * batch.classify({ id: 7, area: 'urban', size: 2, incomeMonthlyTotal: 4_000_000, deprived: [] })
 * //=> { id: 7, category: 'near-poor', deprivationCount: 0, newlyEscaped: false, standard: 'nd07-2021' }
 */
export function createBatchClassifier(options: ClassifyOptions = {}): BatchClassifier {
  const { standard, date } = resolveStandard(options);
  const ids = indicatorIdSet(standard);

  const { decideNumber, decideCompact } = createDecider(standard);
  const countDerived = createDerivedCounter(standard);
  const decideAmount = (area: Area, size: number, field: IncomeField, income: Amount, deprivationCount: number): Decision =>
    typeof income === 'number' ? decideNumber(area, size, field, income, deprivationCount) : decideCompact({ area, size, incomeField: field, income, deprivationCount });

  // Never throws: `classifyOn` turns any problem with the input into a coded error.
  const slow = (input: unknown): BatchRow => {
    const result = toSafe(() => classifyOn(input, standard, date));
    const id = readId(input);
    if (!result.success) return id === undefined ? { error: result.error } : { id, error: result.error };
    const r = result.data;
    const row = { category: r.category, deprivationCount: r.deprivationCount, newlyEscaped: r.newlyEscaped, standard: standard.id };
    return r.id === undefined ? row : { id: r.id, ...row };
  };

  // A survey record: validated by its schema, indicators counted by the same rules as
  // `deriveIndicators`, decided by the same rule; anything unusual goes to `classify`.
  const fastRecord = (input: object, deprivedInto?: string[]): BatchSuccess | undefined => {
    let record: SurveyRecord;
    if (surelyValidRecord(input)) record = input;
    else {
      const parsed = surveyRecordSchema.safeParse(input);
      if (!parsed.success) return undefined;
      record = parsed.data;
    }
    const n = record.members.length;
    if (n === 0 || (record.size !== undefined && record.size !== n)) return undefined;
    const field = soleIncomeField(record);
    if (field === undefined) return undefined;
    const income = readAmount(record[field]);
    if (income === undefined) return undefined;
    const previous = record.previousCategory;
    if ((previous === undefined) !== (record.previousRecognizedOn === undefined)) return undefined;
    if (record.previousRecognizedOn !== undefined && record.previousRecognizedOn > date) return undefined;
    // A household that left its list at an earlier review: the general path counts the window.
    if (record.leftListOn !== undefined) return undefined;
    const area = readArea(record.area)!;
    const counted = countDerived(record, date, deprivedInto);
    const { category } = decideAmount(area, n, field, income, counted.deprived);
    // Undetermined indicators matter only when counting them deprived would change the category.
    if (counted.undetermined > 0 && decideAmount(area, n, field, income, counted.deprived + counted.undetermined).category !== category) return undefined;
    // Left the list at this review (no `leftListOn`): newly escaped when the income is above the
    // near-poverty standard, the window starting today (src/escape.ts).
    const newlyEscaped = previous !== undefined && aboveNearPovertyStandard(category);
    return record.id === undefined
      ? { category, deprivationCount: counted.deprived, newlyEscaped, standard: standard.id }
      : { id: record.id, category, deprivationCount: counted.deprived, newlyEscaped, standard: standard.id };
  };

  const fast = (input: unknown): BatchSuccess | undefined => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
    if ('members' in input) return fastRecord(input);
    const h = input as Record<string, unknown>;
    for (const key in h) if (!KNOWN_KEYS.has(key)) return undefined;
    if (h.attributes !== undefined && !surelyValidAttributes(h.attributes)) return undefined;
    const id = h.id;
    if (id !== undefined && typeof id !== 'string' && !(typeof id === 'number' && Number.isFinite(id))) return undefined;
    const area = typeof h.area === 'string' ? areaAliases[h.area] : undefined;
    if (area === undefined) return undefined;
    const size = h.size;
    if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 1) return undefined;
    const field = soleIncomeField(h);
    if (field === undefined) return undefined;
    const income = readAmount(h[field]);
    if (income === undefined) return undefined;
    let count = 0;
    const deprived = h.deprived;
    if (deprived !== undefined) {
      if (!Array.isArray(deprived)) return undefined;
      for (let i = 0; i < deprived.length; i++) {
        const d = deprived[i];
        if (typeof d !== 'string' || !ids.has(d)) return undefined;
        for (let j = 0; j < i; j++) if (deprived[j] === d) return undefined;
      }
      count = deprived.length;
    }
    const previous = h.previousCategory;
    if (previous !== undefined || h.previousRecognizedOn !== undefined) {
      if ((previous !== 'poor' && previous !== 'near-poor') || !isIsoDate(h.previousRecognizedOn) || h.previousRecognizedOn > date) return undefined;
    }
    const { category } = decideCompact({ area, size, incomeField: field, income, deprivationCount: count });
    // `leftListOn` is not a fast-path key: the household leaves its list at this review (src/escape.ts).
    const newlyEscaped = previous !== undefined && aboveNearPovertyStandard(category);
    return id === undefined
      ? { category, deprivationCount: count, newlyEscaped, standard: standard.id }
      : { id: id as string | number, category, deprivationCount: count, newlyEscaped, standard: standard.id };
  };

  const order = standard.indicators.map((i) => i.id);
  const escapeOf = (previous: unknown, category: Category) => (previous === 'poor' || previous === 'near-poor' ? escapedFrom(previous, category) : null);

  const factsOf = (row: BatchSuccess, area: Area, size: number, deprived: readonly string[], escaped: BatchFacts['escaped']): BatchFacts => {
    const { category, deprivationCount, newlyEscaped } = row;
    return row.id === undefined
      ? { category, deprivationCount, newlyEscaped, standard: standard.id, area, size, deprived, escaped }
      : { id: row.id, category, deprivationCount, newlyEscaped, standard: standard.id, area, size, deprived, escaped };
  };

  /** The given deprivations (valid ids, each once) in the standard's order. */
  const inOrder = (given: readonly string[]): readonly string[] => {
    const ordered: string[] = [];
    for (const id of order) if (given.includes(id)) ordered.push(id);
    return ordered;
  };

  const classifyWithFacts = (input: unknown): BatchFacts | BatchFailure => {
    try {
      const row = fastWithFacts(input);
      if (row) return row;
    } catch {
      // Reading the input threw (a getter, a Proxy): the general path says so, with a code.
    }
    const result = toSafe(() => classifyOn(input, standard, date));
    if (!result.success) {
      const id = readId(input);
      return id === undefined ? { error: result.error } : { id, error: result.error };
    }
    const r = result.data;
    return factsOf(r, r.area, r.size, r.deprived, r.escape?.from ?? null);
  };

  const fastWithFacts = (input: unknown): BatchFacts | undefined => {
    if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
      const h = input as Record<string, unknown>;
      if ('members' in h) {
        const deprived: string[] = [];
        const row = fastRecord(h, deprived);
        if (row) return factsOf(row, readArea(h.area)!, (h.members as unknown[]).length, deprived, escapeOf(h.previousCategory, row.category));
      } else {
        const row = fast(h);
        if (row) return factsOf(row, areaAliases[h.area as string]!, h.size as number, inOrder((h.deprived as readonly string[] | undefined) ?? []), escapeOf(h.previousCategory, row.category));
      }
    }
    return undefined;
  };

  const classifyRow = (input: unknown): BatchRow => {
    let row: BatchSuccess | undefined;
    try {
      row = fast(input);
    } catch {
      // Reading the input threw (a getter, a Proxy): the general path says so, with a code.
    }
    return row ?? slow(input);
  };

  return {
    standard,
    date,
    classify: classifyRow,
    classifyWithFacts,
    decideCompact,
    decideNumber,
  };
}

/**
 * Safe twin of {@link createBatchClassifier}: takes any value as the options and returns
 * `{ success, data | error }`; it never throws.
 *
 * @example
 * const r = safeCreateBatchClassifier({ date: '2015-06-01' });
 * !r.success && r.error.code //=> 'NO_STANDARD_IN_FORCE'
 * const ok = safeCreateBatchClassifier({ date: '2025-12-01' });
 * ok.success && ok.data.standard.id //=> 'nd07-2021'
 */
export function safeCreateBatchClassifier(options: unknown): SafeResult<BatchClassifier> {
  return toSafe(() => createBatchClassifier(options as ClassifyOptions));
}

/** The one income field an object gives, or `undefined` when it gives none or several. */
function soleIncomeField(h: Readonly<Partial<Record<IncomeField, unknown>>>): IncomeField | undefined {
  let field: IncomeField | undefined;
  for (const f of incomeFields) {
    if (h[f] !== undefined) {
      if (field !== undefined) return undefined;
      field = f;
    }
  }
  return field;
}

/** The id of an input whose classification failed, when it is a valid one (a text or a finite number); never throws. */
function readId(input: unknown): string | number | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  let id: unknown;
  try {
    id = Object.getOwnPropertyDescriptor(input, 'id')?.value;
  } catch {
    return undefined;
  }
  return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : undefined;
}

/**
 * Classifies households one after another, lazily: one compact row per input, in order.
 *
 * @example
 * const rows = [...classifyMany([
 *   { id: 'HH1', area: 'rural', size: 3, incomeMonthlyTotal: 4_500_000, deprived: ['nutrition', 'healthInsurance', 'housingArea'] },
 *   { id: 'HH2', area: 'rural', size: 0 },
 * ], { date: '2025-12-01' })];
 * rows.map((row) => (isBatchFailure(row) ? row.error.code : row.category)) //=> ['poor', 'INVALID_SIZE']
 */
export function* classifyMany(inputs: Iterable<unknown>, options: ClassifyOptions = {}): Generator<BatchRow, void, undefined> {
  const batch = createBatchClassifier(options);
  for (const input of inputs) yield batch.classify(input);
}
