/**
 * Classifying many households: the standard is resolved once, each household yields one compact
 * row (or its error), and nothing is kept between rows. Valid households take a fast path that
 * skips the explanation; anything unusual goes through {@link classify} itself, so errors and
 * results are the same as one household at a time.
 *
 * @module
 */
import { toSafe, type ErrorDetail } from './errors.js';
import { isIsoDate, today, type IsoDate } from './dates.js';
import { Decimal, readAmount, type Amount } from './money.js';
import { classify, type ClassifyOptions } from './classify.js';
import { escapedFrom } from './escape.js';
import { areaAliases, incomeFields, readArea, type IncomeField } from './household.js';
import { countDerived } from './derivation/derive.js';
import { surveyRecordSchema, type SurveyRecord } from './survey/record.js';
import { surelyValidRecord } from './survey/record-precheck.js';
import { compareIncome, incomeScale } from './income.js';
import { decide, type Category, type Decision } from './rule.js';
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

/** Whether a batch row is an error. */
export function isBatchFailure(row: BatchRow): row is BatchFailure {
  return 'error' in row;
}

/** A household already reduced to what the rule needs (validated by the caller). */
export interface CompactHousehold {
  readonly area: Area;
  readonly size: number;
  readonly incomeField: IncomeField;
  readonly income: Amount;
  readonly deprivationCount: number;
}

/** A classifier bound to one standard and one review date. */
export interface BatchClassifier {
  readonly standard: Standard;
  readonly date: IsoDate;
  /** Classifies any input: fast when it is plainly valid, through {@link classify} otherwise. */
  classify(input: unknown): BatchRow;
  /** Applies the rule to a household already validated and reduced. */
  decideCompact(household: CompactHousehold): Decision;
  /** The same for a whole-đồng income, without allocating (the hot path of large files). */
  decideNumber(area: Area, size: number, field: IncomeField, income: number, deprivationCount: number): Decision;
  /** Whether a previous status was escaped (for callers that validated it themselves). */
  isNewlyEscaped(previous: 'poor' | 'near-poor' | undefined, category: Category): boolean;
}

const KNOWN_KEYS = new Set(['id', 'area', 'size', 'deprived', 'previousCategory', 'previousRecognizedOn', ...incomeFields]);

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
  const { standard, date } = resolveStandard(options, options.today ?? today);
  const ids = indicatorIdSet(standard);
  const fixed: ClassifyOptions = { standard, date };

  const table = decisionTable(standard);
  const monthly = standard.incomePeriod === 'month';
  const decideNumber = (area: Area, size: number, field: IncomeField, income: number, deprivationCount: number): Decision => {
    const amountFactor = field === 'incomeAnnualTotal' || monthly ? 1 : 12;
    const lineFactor = field === 'incomeMonthlyPerCapita' ? 1 : field === 'incomeAnnualTotal' && monthly ? 12 * size : size;
    const scaled = income * amountFactor;
    const t = area === 'rural' ? table.rural : table.urban;
    if (!Number.isSafeInteger(scaled) || !Number.isSafeInteger(t.maxLine * lineFactor)) {
      return decideCompact({ area, size, incomeField: field, income: new Decimal(income), deprivationCount });
    }
    const lines = t.lines;
    let position = 2 * lines.length;
    for (let j = 0; j < lines.length; j++) {
      const bound = lines[j]! * lineFactor;
      if (scaled < bound) {
        position = 2 * j;
        break;
      }
      if (scaled === bound) {
        position = 2 * j + 1;
        break;
      }
    }
    return (deprivationCount >= table.k ? t.withK : t.belowK)[position]!;
  };

  const decideCompact = (h: CompactHousehold): Decision => {
    if (typeof h.income === 'number') return decideNumber(h.area, h.size, h.incomeField, h.income, h.deprivationCount);
    const scale = incomeScale(h.incomeField, h.size, standard.incomePeriod);
    return decide(standard, h.area, (line) => compareIncome(h.income, scale, line.value), h.deprivationCount);
  };

  const slow = (input: unknown): BatchRow => {
    const result = toSafe(() => classify(input, fixed));
    const id = readId(input);
    if (!result.success) return id === undefined ? { error: result.error } : { id, error: result.error };
    const r = result.data;
    const row = { category: r.category, deprivationCount: r.deprivationCount, newlyEscaped: r.newlyEscaped, standard: standard.id };
    return r.id === undefined ? row : { id: r.id, ...row };
  };

  // A survey record: validated by its schema, indicators counted by the same rules as
  // `deriveIndicators`, decided by the same rule; anything unusual goes to `classify`.
  const fastRecord = (input: object): BatchRow | undefined => {
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
    const area = readArea(record.area)!;
    const counted = countDerived(record, standard, date);
    const decideFor = (deprivationCount: number) =>
      typeof income === 'number' ? decideNumber(area, n, field, income, deprivationCount) : decideCompact({ area, size: n, incomeField: field, income, deprivationCount });
    const { category } = decideFor(counted.deprived);
    if (counted.undetermined > 0) {
      const high = decideFor(counted.deprived + counted.undetermined).category;
      if (high !== category) return undefined;
    }
    const newlyEscaped = previous !== undefined && escapedFrom(previous, category) !== null;
    return record.id === undefined
      ? { category, deprivationCount: counted.deprived, newlyEscaped, standard: standard.id }
      : { id: record.id, category, deprivationCount: counted.deprived, newlyEscaped, standard: standard.id };
  };

  const fast = (input: unknown): BatchRow | undefined => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return undefined;
    if ('members' in input) return fastRecord(input);
    const h = input as Record<string, unknown>;
    for (const key in h) if (!KNOWN_KEYS.has(key)) return undefined;
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
    const newlyEscaped = previous === undefined ? false : escapedFrom(previous as 'poor' | 'near-poor', category) !== null;
    return id === undefined
      ? { category, deprivationCount: count, newlyEscaped, standard: standard.id }
      : { id: id as string | number, category, deprivationCount: count, newlyEscaped, standard: standard.id };
  };

  return {
    standard,
    date,
    classify: (input) => fast(input) ?? slow(input),
    decideCompact,
    decideNumber,
    isNewlyEscaped: (previous, category) => previous !== undefined && escapedFrom(previous, category) !== null,
  };
}

/** The decisions of one area: for each position of the income among the lines, with and without k deprivations. */
interface AreaTable {
  /** The lines the rule compares with, ascending, without repeats. */
  readonly lines: readonly number[];
  readonly maxLine: number;
  /** Indexed by position: 2j below line j, 2j + 1 at line j, 2n above every line. */
  readonly withK: readonly Decision[];
  readonly belowK: readonly Decision[];
}

/**
 * Tabulates `decide` for a standard. The category depends on the income only through its position
 * among the lines (below, at, or between them) and on the deprivations only through "k or more",
 * so asking `decide` once per position gives a table that is the rule itself, read without
 * re-walking it for every household of a large file.
 */
export function decisionTable(standard: Standard): { readonly k: number; readonly rural: AreaTable; readonly urban: AreaTable } {
  const k = standard.rule.minDeprivations.value;
  const forArea = (area: Area): AreaTable => {
    // Collect every line decide may consult: start from incomes below and above all lines, then
    // from every position among the lines found, until no new line appears.
    const found = new Set<number>();
    const explore = (sign: (value: number) => -1 | 0 | 1) => {
      for (const count of [0, k]) decide(standard, area, (line) => (found.add(line.value), sign(line.value)), count);
    };
    explore(() => -1);
    explore(() => 1);
    for (let size = 0; size !== found.size; ) {
      size = found.size;
      const known = [...found].sort((a, b) => a - b);
      for (const v of known) {
        explore((line) => (Math.sign(v - line) as -1 | 0 | 1));
        explore((line) => (line === v ? 1 : (Math.sign(v - line) as -1 | 0 | 1)));
      }
    }
    const used = [...found];
    const lines = [...new Set(used)].sort((a, b) => a - b);
    const at = (position: number, count: number): Decision =>
      decide(standard, area, (line) => Math.sign(position - (2 * lines.indexOf(line.value) + 1)) as -1 | 0 | 1, count);
    const positions = Array.from({ length: 2 * lines.length + 1 }, (_, p) => p);
    return { lines, maxLine: Math.max(...lines), withK: positions.map((p) => at(p, k)), belowK: positions.map((p) => at(p, 0)) };
  };
  return { k, rural: forArea('rural'), urban: forArea('urban') };
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

function readId(input: unknown): string | number | undefined {
  if (typeof input !== 'object' || input === null) return undefined;
  const id = (input as { id?: unknown }).id;
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}

/**
 * Classifies households one after another, lazily: one compact row per input, in order.
 *
 * @example
 * for (const row of classifyMany(households, { date: '2025-12-01' })) console.log(row.category ?? row.error.code);
 */
export function* classifyMany(inputs: Iterable<unknown>, options: ClassifyOptions = {}): Generator<BatchRow, void, undefined> {
  const batch = createBatchClassifier(options);
  for (const input of inputs) yield batch.classify(input);
}
