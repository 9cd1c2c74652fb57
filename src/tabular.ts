/**
 * Households as table rows (CSV and spreadsheets): a header of field names, one 0/1 column per
 * indicator id (or a `deprived` column listing ids separated by `;`), an empty cell for an absent
 * field, and any other column kept as an attribute for grouping.
 *
 * @module
 */
import { ChuanNgheoError, fail, describeReceived, toSafe, type SafeResult } from './errors.js';
import { fieldColumns } from './columns.js';
import { readAmount } from './money.js';
import { areaAliases, incomeFields, readArea, type HouseholdInput } from './household.js';
import type { BatchClassifier, BatchRow } from './batch.js';
import type { Standard } from './standards/schema.js';
import { knownIndicatorIds, planHeader, type ColumnOptions, type HeaderPlan } from './columns.js';
import type { Category } from './rule.js';
import type { ErrorDetail } from './errors.js';

export { fieldColumns } from './columns.js';

const TRUE_CELLS = new Set(['1', 'true', 'TRUE', 'True']);
const FALSE_CELLS = new Set(['0', 'false', 'FALSE', 'False', '']);
const DIGITS = /^\d{1,15}$/;

/**
 * The error of a household whose category depends on indicators the file has no column for
 * (`undefined` when the category is the same whatever they are).
 */
export function undeterminedError(batch: BatchClassifier, household: HouseholdInput, category: Category, deprivationCount: number, missing: readonly string[]): ErrorDetail | undefined {
  if (missing.length === 0) return undefined;
  const field = incomeFields.find((f) => household[f] !== undefined);
  const area = readArea(String(household.area));
  const income = field === undefined ? undefined : readAmount(household[field]);
  if (field === undefined || area === undefined || income === undefined || typeof household.size !== 'number') return undefined;
  const high = batch.decideCompact({ area, size: household.size, incomeField: field, income, deprivationCount: deprivationCount + missing.length }).category;
  if (high === category) return undefined;
  return {
    code: 'UNDETERMINED_INDICATOR',
    path: [missing[0]!],
    message: `cannot classify: the category is ${category} or ${high} depending on ${missing.join(', ')}, for which the file has no column`,
    received: [...missing],
    expected: 'a column for each indicator of the standard, or a deprived column',
  };
}

/** Reads rows of one table (one header) for one standard. */
export interface RowReader {
  readonly header: readonly string[];
  /** Indicator columns of the standard found in the header. */
  readonly indicatorColumns: readonly string[];
  /** Columns kept as attributes. */
  readonly attributeColumns: readonly string[];
  /** What the header stands for: columns renamed, indicators missing (undetermined in every row), whether there is an id. */
  readonly plan: HeaderPlan;
  /** The household a row stands for. @throws {ChuanNgheoError} for a cell that cannot be read. */
  toHousehold(fields: readonly string[], record?: number): HouseholdInput;
  /** Classifies a row, fast when it is plainly valid; one result per row, errors included. */
  classify(fields: readonly string[], record?: number): BatchRow;
}

/**
 * Compiles a header for a standard.
 *
 * @throws {ChuanNgheoError} `INVALID_HEADER` when the header repeats a column, is empty or has a
 * column that nearly names a field (as {@link planHeader}); `INVALID_OPTIONS` for a `batch` that
 * is not a classifier.
 * @example
 * const reader = createRowReader(['Mã hộ', 'Khu vực', 'Số nhân khẩu', 'Thu nhập tháng', 'Thiếu hụt'], createBatchClassifier({ date: '2025-12-01' }));
 * reader.plan.renamed.map((r) => `${r.column} → ${r.as}`) //=> ['Mã hộ → id', 'Khu vực → area', 'Số nhân khẩu → size', 'Thu nhập tháng → incomeMonthlyTotal', 'Thiếu hụt → deprived']
 * reader.classify(['HN-01', 'Nông thôn', '3', '4500000', 'nutrition;healthInsurance;housingArea'])
 * //=> { id: 'HN-01', category: 'poor', deprivationCount: 3, newlyEscaped: false, standard: 'nd07-2021' }
 */
export function createRowReader(header: readonly string[], batch: BatchClassifier, options: ColumnOptions = {}): RowReader {
  const made = typeof batch === 'object' && batch !== null && typeof batch.classify === 'function' && typeof batch.standard === 'object' && batch.standard !== null;
  if (!made) fail('INVALID_OPTIONS', ['batch'], `batch: expected a classifier made by createBatchClassifier, received ${describeReceived(batch)}`, batch, 'a classifier made by createBatchClassifier');
  const standard: Standard = batch.standard;
  const own = new Set(standard.indicators.map((i) => i.id));
  const plan = planHeader(header, standard, options);
  const names = [...plan.names];
  const missing = plan.missingIndicators;
  const isField = (n: string) => (fieldColumns as readonly string[]).includes(n);
  const indicatorIdx: number[] = [];
  const foreignIdx: number[] = [];
  const attributeIdx: number[] = [];
  names.forEach((n, i) => {
    if (isField(n)) return;
    if (own.has(n)) indicatorIdx.push(i);
    else if (knownIndicatorIds().has(n)) foreignIdx.push(i);
    else attributeIdx.push(i);
  });
  const index = (name: string) => names.indexOf(name);
  const areaMap: Readonly<Record<string, string>> = options.values?.area ?? {};
  const cellMap: Readonly<Record<string, 0 | 1>> = options.values?.indicators ?? {};
  const hasCellMap = Object.keys(cellMap).length > 0;
  /** An indicator cell as 0/1 text when the value map knows it. */
  const indicatorCell = (c: string): string => (hasCellMap && Object.hasOwn(cellMap, c) ? String(cellMap[c]) : c);
  const idIdx = index('id');
  const areaIdx = index('area');
  const sizeIdx = index('size');
  const incomeIdx = incomeFields.map(index).filter((i) => i >= 0);
  const deprivedIdx = index('deprived');
  const prevIdx = index('previousCategory');
  const prevOnIdx = index('previousRecognizedOn');
  const leftIdx = index('leftListOn');
  const width = names.length;

  const checkWidth = (fields: readonly string[], record?: number) => {
    if (fields.length !== width) {
      fail('INVALID_ROW', [], `${record === undefined ? 'the row' : `record ${record}`}: expected ${width} field(s), as the header has, received ${fields.length}`, fields.length, `${width} fields`);
    }
  };

  const toHousehold = (fields: readonly string[], record?: number): HouseholdInput => {
    checkWidth(fields, record);
    const h: Record<string, unknown> = {};
    const cell = (i: number) => (i >= 0 ? fields[i]! : '');
    if (cell(idIdx) !== '') h.id = cell(idIdx);
    if (cell(areaIdx) !== '') h.area = Object.hasOwn(areaMap, cell(areaIdx)) ? areaMap[cell(areaIdx)] : cell(areaIdx);
    // Digits only, as for incomes: a size written with spaces around it is refused, naming the cell.
    if (cell(sizeIdx) !== '') h.size = DIGITS.test(cell(sizeIdx)) ? Number(cell(sizeIdx)) : cell(sizeIdx);
    for (const i of incomeIdx) if (fields[i] !== '') h[names[i]!] = fields[i];
    if (cell(prevIdx) !== '') h.previousCategory = cell(prevIdx);
    if (cell(prevOnIdx) !== '') h.previousRecognizedOn = cell(prevOnIdx);
    if (cell(leftIdx) !== '') h.leftListOn = cell(leftIdx);
    const deprived: string[] = [];
    if (cell(deprivedIdx).trim() !== '') deprived.push(...cell(deprivedIdx).split(/[;|]/).map((s) => s.trim()).filter(Boolean));
    for (const i of [...indicatorIdx, ...foreignIdx]) {
      const value = indicatorCell(fields[i]!.trim());
      const column = names[i]!;
      if (TRUE_CELLS.has(value)) {
        if (!own.has(column)) fail('UNKNOWN_INDICATOR', [column], `column ${column}: expected 0 or nothing, as the standard ${standard.id} has no indicator ${JSON.stringify(column)}, received ${describeReceived(fields[i])}`, fields[i], 'an indicator of the standard');
        deprived.push(column);
      } else if (!FALSE_CELLS.has(value)) {
        fail('INVALID_FIELD', [column], `column ${column}: expected 0 or 1, received ${describeReceived(fields[i])}`, fields[i], '0 or 1');
      }
    }
    h.deprived = deprived;
    if (attributeIdx.length) {
      const attributes: Record<string, string> = {};
      for (const i of attributeIdx) {
        if (fields[i] === '') continue;
        // An own property whatever the column's name: assigning to __proto__ would set the prototype.
        if (names[i] === '__proto__') Object.defineProperty(attributes, '__proto__', { value: fields[i]!, enumerable: true, writable: true, configurable: true });
        else attributes[names[i]!] = fields[i]!;
      }
      h.attributes = attributes;
    }
    return h as unknown as HouseholdInput;
  };

  const slow = (fields: readonly string[], record?: number): BatchRow => {
    let household: HouseholdInput;
    try {
      household = toHousehold(fields, record);
    } catch (error) {
      if (!(error instanceof ChuanNgheoError)) throw error;
      const detail = error.toJSON();
      const id = idIdx >= 0 && fields[idIdx] ? fields[idIdx] : undefined;
      return id === undefined ? { error: detail } : { id, error: detail };
    }
    const row = batch.classify(household);
    if ('error' in row) return row;
    const error = undeterminedError(batch, household, row.category, row.deprivationCount, missing);
    return error === undefined ? row : row.id === undefined ? { error } : { id: row.id, error };
  };

  const fast = (fields: readonly string[]): BatchRow | undefined => {
    if (fields.length !== width || deprivedIdx >= 0 && fields[deprivedIdx] !== '') return undefined;
    if ((prevIdx >= 0 && fields[prevIdx] !== '') || (prevOnIdx >= 0 && fields[prevOnIdx] !== '') || (leftIdx >= 0 && fields[leftIdx] !== '')) return undefined;
    const areaCell = areaIdx >= 0 ? fields[areaIdx]! : '';
    const area = areaAliases[Object.hasOwn(areaMap, areaCell) ? areaMap[areaCell]! : areaCell];
    if (area === undefined) return undefined;
    const sizeText = sizeIdx >= 0 ? fields[sizeIdx]! : '';
    if (!DIGITS.test(sizeText)) return undefined;
    const size = Number(sizeText);
    if (size < 1) return undefined;
    let incomeAt = -1;
    for (const i of incomeIdx) {
      if (fields[i] !== '') {
        if (incomeAt >= 0) return undefined;
        incomeAt = i;
      }
    }
    if (incomeAt < 0) return undefined;
    const income = readAmount(fields[incomeAt]);
    if (income === undefined) return undefined;
    let count = 0;
    for (const i of indicatorIdx) {
      const c = indicatorCell(fields[i]!);
      if (c === '1') count++;
      else if (c !== '0' && c !== '') return undefined;
    }
    for (const i of foreignIdx) {
      const c = indicatorCell(fields[i]!);
      if (c !== '0' && c !== '') return undefined;
    }
    const { category } = batch.decideCompact({ area, size, incomeField: names[incomeAt] as (typeof incomeFields)[number], income, deprivationCount: count });
    if (missing.length && batch.decideCompact({ area, size, incomeField: names[incomeAt] as (typeof incomeFields)[number], income, deprivationCount: count + missing.length }).category !== category) return undefined;
    const row = { category, deprivationCount: count, newlyEscaped: false, standard: standard.id };
    const id = idIdx >= 0 ? fields[idIdx]! : '';
    return id === '' ? row : { id, ...row };
  };

  return {
    header: names,
    indicatorColumns: indicatorIdx.map((i) => names[i]!),
    attributeColumns: attributeIdx.map((i) => names[i]!),
    plan,
    toHousehold,
    classify: (fields, record) => fast(fields) ?? slow(fields, record),
  };
}

/**
 * Safe twin of {@link createRowReader}: a header that cannot be read is the error of the result;
 * it never throws.
 *
 * @example
 * const r = safeCreateRowReader(['id', 'area', 'area'], createBatchClassifier({ date: '2025-12-01' }));
 * !r.success && r.error.message //=> 'the header repeats the column "area"'
 */
export function safeCreateRowReader(header: readonly string[], batch: BatchClassifier, options: ColumnOptions = {}): SafeResult<RowReader> {
  return toSafe(() => createRowReader(header, batch, options));
}
