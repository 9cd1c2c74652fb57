/**
 * What each column of a table's header stands for, checked against the standard before any row is
 * read: a field (`id`, `area`, `size`, an income, `deprived`, the previous status), an indicator, or
 * an attribute kept for grouping. Nothing the file holds is dropped without a word:
 *
 * - a column named as the file's own map says (`columns`), or by its Vietnamese name (`Mã hộ`,
 *   `Số nhân khẩu`) or an indicator's legal label (`Bảo hiểm y tế`), case, spaces, `_`/`-` and
 *   diacritics aside, stands for that field or indicator;
 * - a column that is not a field but nearly is (`healthinsurance`, `health_insurance`, `Area `,
 *   `sizee`: the same letters but for case, spaces, `_`/`-` and diacritics, or one edit away) is an
 *   error naming the field it probably means, unless the user keeps it as an attribute on purpose
 *   (`keepColumns`);
 * - an indicator of the standard with no column (and no `deprived` column) is undetermined for
 *   every row: a row whose category depends on it is an `UNDETERMINED_INDICATOR` error.
 *
 * @module
 */
import { describeReceived, fail, readGuarded, toSafe, type SafeResult } from './errors.js';
import { readOptions } from './options.js';
import { incomeFields } from './household.js';
import type { Standard } from './standards/schema.js';
import { nationalStandards, localStandards, readStandard } from './standards/registry.js';

/** Field columns with a meaning of their own; any other non-indicator column is an attribute. */
export const fieldColumns = ['id', 'area', 'size', ...incomeFields, 'deprived', 'previousCategory', 'previousRecognizedOn', 'leftListOn'] as const;

/** The Vietnamese names of the fields, read as those fields (case, spaces and diacritics aside). */
export const vietnameseFieldNames: Readonly<Record<(typeof fieldColumns)[number], readonly string[]>> = {
  id: ['Mã hộ', 'Mã số hộ', 'Mã hộ gia đình'],
  area: ['Khu vực', 'Địa bàn'],
  size: ['Số nhân khẩu', 'Nhân khẩu', 'Số thành viên', 'Số người trong hộ'],
  incomeMonthlyPerCapita: ['Thu nhập bình quân đầu người', 'Thu nhập bình quân đầu người/tháng', 'Thu nhập bình quân đầu người một tháng'],
  incomeMonthlyTotal: ['Thu nhập tháng', 'Tổng thu nhập tháng', 'Thu nhập của hộ một tháng'],
  incomeAnnualTotal: ['Thu nhập năm', 'Tổng thu nhập năm', 'Thu nhập của hộ một năm'],
  deprived: ['Thiếu hụt', 'Các chỉ số thiếu hụt', 'Chỉ số thiếu hụt'],
  previousCategory: ['Phân loại kỳ trước', 'Loại hộ kỳ trước'],
  previousRecognizedOn: ['Ngày công nhận kỳ trước'],
  leftListOn: ['Ngày ra khỏi danh sách'],
};

/**
 * Letters only: lower case, no diacritics (đ as d), no spaces, `_`, `-`, `/`, `.`.
 *
 * @example
 * normalizeColumnName('Số nhân khẩu') //=> 'sonhankhau'
 * normalizeColumnName('Health_Insurance') //=> 'healthinsurance'
 */
export function normalizeColumnName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[\s_\-/.]+/g, '');
}

/** Whether two texts are at most one edit apart (insertion, deletion, substitution, or swapping two neighbours). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Options that say how a file's columns are read. */
export interface ColumnOptions {
  /** The file's header names mapped to fields or indicator ids, e.g. `{ "Mã hộ": "id", "BHYT": "healthInsurance" }`. */
  readonly columns?: Readonly<Record<string, string>>;
  /** Columns kept as attributes on purpose, though their names are close to a field or indicator. */
  readonly keepColumns?: readonly string[];
  /**
   * Cell values read as others: `area` cells (`{ "Nông thôn": "rural", "NT": "rural" }`) and
   * indicator cells (`{ "Có": 1, "Không": 0, "x": 1 }`). A value not in the map is read as it is.
   */
  readonly values?: {
    readonly area?: Readonly<Record<string, 'rural' | 'urban'>>;
    readonly indicators?: Readonly<Record<string, 0 | 1>>;
  };
}

/** The kinds of a JSON value, as a column map's messages name them. */
const kindOf = (value: unknown): string => (Array.isArray(value) ? 'an array' : typeof value);
const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads a column map from its JSON text (a `MAP.json` file's): either the file's column names
 * mapped to fields and indicator ids, `{"Mã hộ": "id", "BHYT": "healthInsurance"}`, or the
 * structured form `{"columns": {…}, "values": {"area": {…}, "indicators": {…}}, "keepColumns": […]}`.
 * What the map names is checked against a file's header when the file is read ({@link planHeader}).
 *
 * @throws {ChuanNgheoError} `INVALID_OPTIONS` for text that is not JSON, or a map of the wrong shape;
 * the message says what was expected.
 * @example
 * parseColumnMap('{"Mã số": "id", "BHYT": "healthInsurance"}') //=> { columns: { 'Mã số': 'id', BHYT: 'healthInsurance' } }
 * parseColumnMap('{"columns": {"KV": "area"}, "values": {"area": {"NT": "rural"}}}') //=> { columns: { KV: 'area' }, values: { area: { NT: 'rural' } } }
 * parseColumnMap('["id"]') //=> throws INVALID_OPTIONS
 */
export function parseColumnMap(text: string): ColumnOptions {
  if (typeof text !== 'string') fail('INVALID_OPTIONS', [], `expected the text of a column map (JSON), received ${describeReceived(text)}`, text, 'JSON text');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail('INVALID_OPTIONS', [], `not valid JSON (${(error as Error).message})`, undefined, 'a JSON object');
  }
  if (!isPlainObject(parsed)) return fail('INVALID_OPTIONS', [], `expected a JSON object of column names, received ${kindOf(parsed)}`, kindOf(parsed), 'a JSON object');
  const structured = 'columns' in parsed || 'values' in parsed || 'keepColumns' in parsed;
  const columns = structured ? (parsed.columns ?? {}) : parsed;
  if (!isPlainObject(columns)) return fail('INVALID_OPTIONS', ['columns'], `"columns" must be an object of column names, received ${kindOf(columns)}`, kindOf(columns), 'an object');
  for (const [k, v] of Object.entries(columns)) {
    if (typeof v !== 'string') fail('INVALID_OPTIONS', structured ? ['columns', k] : [k], `the column ${JSON.stringify(k)} must map to a field or indicator id (text), received ${JSON.stringify(v)}`, v, 'a field or indicator id');
  }
  if (!structured) return { columns: columns as Record<string, string> };
  for (const key of Object.keys(parsed)) if (!['columns', 'values', 'keepColumns'].includes(key)) fail('INVALID_OPTIONS', [key], `unknown key ${JSON.stringify(key)} (expected columns, values, keepColumns)`, key, 'columns, values, keepColumns');
  const { values, keepColumns } = parsed;
  if (values !== undefined) {
    if (!isPlainObject(values)) fail('INVALID_OPTIONS', ['values'], `"values" must be an object (with area, indicators), received ${kindOf(values)}`, kindOf(values), 'an object');
    for (const [key, map] of Object.entries(values)) {
      if (key !== 'area' && key !== 'indicators') fail('INVALID_OPTIONS', ['values', key], `unknown key ${JSON.stringify(key)} in "values" (expected area, indicators)`, key, 'area, indicators');
      if (!isPlainObject(map)) fail('INVALID_OPTIONS', ['values', key], `"values"."${key}" must be an object of cell values, received ${kindOf(map)}`, kindOf(map), 'an object');
    }
  }
  if (keepColumns !== undefined && !(Array.isArray(keepColumns) && keepColumns.every((c) => typeof c === 'string'))) {
    fail('INVALID_OPTIONS', ['keepColumns'], `"keepColumns" must be a list of column names (text), received ${JSON.stringify(keepColumns)}`, keepColumns, 'a list of texts');
  }
  return {
    columns: columns as Record<string, string>,
    ...(values !== undefined ? { values: values as NonNullable<ColumnOptions['values']> } : {}),
    ...(keepColumns !== undefined ? { keepColumns: keepColumns as string[] } : {}),
  };
}

/**
 * {@link parseColumnMap} that never throws.
 *
 * @example
 * safeParseColumnMap('{"Mã hộ": 1}').success //=> false
 * safeParseColumnMap('{"Mã hộ": "id"}') //=> { success: true, data: { columns: { 'Mã hộ': 'id' } } }
 */
export function safeParseColumnMap(text: string): SafeResult<ColumnOptions> {
  return toSafe(() => parseColumnMap(text));
}

/** What the header of a table stands for. */
export interface HeaderPlan {
  /** For each column, the field or indicator id it stands for, or (an attribute) its own trimmed name. */
  readonly names: readonly string[];
  /** Columns read as a field or indicator under another name: by the map, or by a Vietnamese name or label. */
  readonly renamed: readonly { readonly column: string; readonly as: string; readonly by: 'map' | 'name' }[];
  /** Indicators of the standard with no column (and no `deprived` column): undetermined in every row. */
  readonly missingIndicators: readonly string[];
  /** Columns kept as attributes. */
  readonly attributeColumns: readonly string[];
  /** Whether the file has an id column. */
  readonly hasId: boolean;
}

let knownIndicators: ReadonlySet<string> | undefined;
/** Every indicator id of every shipped standard. */
export function knownIndicatorIds(): ReadonlySet<string> {
  knownIndicators ??= new Set([...nationalStandards, ...localStandards].flatMap((s) => s.indicators.map((i) => i.id)));
  return knownIndicators;
}

/**
 * Reads a header for a standard.
 *
 * @throws {ChuanNgheoError} `INVALID_HEADER` for an empty or repeated column, a column that nearly
 * names a field or indicator, or a map that names a column the file lacks or a field that does not exist;
 * `INVALID_STANDARD` for a standard that fails validation, `INVALID_OPTIONS` for options of the wrong shape.
 * @example
 * const plan = planHeader(['id', 'Khu vực', 'size', 'incomeMonthlyTotal', 'nutrition', 'commune'], getStandard('nd07-2021'));
 * plan.names            //=> ['id', 'area', 'size', 'incomeMonthlyTotal', 'nutrition', 'commune']
 * plan.attributeColumns //=> ['commune']
 * plan.missingIndicators.length //=> 11
 * planHeader(['id', 'area', 'sizee'], getStandard('nd07-2021')) //=> throws INVALID_HEADER
 */
export function planHeader(header: readonly string[], standard: Standard, options: ColumnOptions = {}): HeaderPlan {
  return readGuarded(() => planChecked(header, readGuarded(() => readStandard(standard), 'INVALID_STANDARD', ['standard'], 'the standard'), readColumnOptions(options)), 'INVALID_HEADER', [], 'the header');
}

/**
 * Safe twin of {@link planHeader}: never throws, whatever its arguments.
 *
 * @example
 * const r = safePlanHeader(['id', 'area', 'sizee'], getStandard('nd07-2021'));
 * !r.success && r.error.message
 * //=> 'column "sizee" (did you mean "size"?) is not a field or indicator but nearly names one: rename it, map it (columns), or keep it as an attribute on purpose (keepColumns)'
 * const ok = safePlanHeader(['id', 'area', 'sizee'], getStandard('nd07-2021'), { keepColumns: ['sizee'] });
 * ok.success && ok.data.attributeColumns //=> ['sizee']
 */
export function safePlanHeader(header: readonly string[], standard: Standard, options: ColumnOptions = {}): SafeResult<HeaderPlan> {
  return toSafe(() => planHeader(header, standard, options));
}

/** The column options, checked for shape: a map that is not an object would otherwise be read as none. */
function readColumnOptions(options: unknown): ColumnOptions {
  const { columns, keepColumns, values } = readOptions(options, ['columns', 'keepColumns', 'values']);
  const refuse = (path: (string | number)[], expected: string, value: unknown): never =>
    fail('INVALID_OPTIONS', path, `options.${path.join('.')}: expected ${expected}, received ${describeReceived(value)}`, value, expected);
  if (columns !== undefined && !isPlainObject(columns)) refuse(['columns'], 'an object of column names mapped to fields or indicator ids', columns);
  if (keepColumns !== undefined && !(Array.isArray(keepColumns) && keepColumns.every((k) => typeof k === 'string'))) refuse(['keepColumns'], 'an array of column names', keepColumns);
  if (values !== undefined) {
    if (!isPlainObject(values)) refuse(['values'], 'an object with area and/or indicators value maps', values);
    const { area, indicators } = readOptions(values, ['area', 'indicators']);
    if (area !== undefined && !isPlainObject(area)) refuse(['values', 'area'], 'an object of area cells mapped to rural or urban', area);
    if (indicators !== undefined && !isPlainObject(indicators)) refuse(['values', 'indicators'], 'an object of indicator cells mapped to 0 or 1', indicators);
  }
  return options ?? {};
}

/** {@link planHeader} on a standard and options already checked. */
function planChecked(header: readonly string[], standard: Standard, options: ColumnOptions): HeaderPlan {
  if (!Array.isArray(header) || !header.every((h) => typeof h === 'string')) {
    fail('INVALID_HEADER', [], `the header: expected an array of column names (texts), received ${describeReceived(header)}`, header, 'an array of column names');
  }
  const trimmed = header.map((h) => h.trim());
  if (trimmed.length === 0 || trimmed.every((n) => n === '')) fail('INVALID_HEADER', [], 'the header row is empty', header, 'column names');
  const indicators = knownIndicatorIds();
  const isCanonical = (n: string) => (fieldColumns as readonly string[]).includes(n) || indicators.has(n);
  const map = options.columns ?? {};
  const keep = new Set(options.keepColumns ?? []);
  for (const [column, target] of Object.entries(map)) {
    if (!trimmed.includes(column.trim())) fail('INVALID_HEADER', [column], `the column map names ${JSON.stringify(column)}, which the file does not have; its columns are ${trimmed.join(', ')}`, column, 'a column of the file');
    if (!isCanonical(target)) fail('INVALID_HEADER', [column], `the column map reads ${JSON.stringify(column)} as ${JSON.stringify(target)}, which is neither a field (${fieldColumns.join(', ')}) nor an indicator id`, target, 'a field or indicator id');
  }
  for (const [cell, area] of Object.entries(options.values?.area ?? {})) {
    if (area !== 'rural' && area !== 'urban') fail('INVALID_HEADER', ['values', 'area', cell], `the value map reads the area ${JSON.stringify(cell)} as ${JSON.stringify(area)}; expected rural or urban`, area, 'rural or urban');
  }
  for (const [cell, v] of Object.entries(options.values?.indicators ?? {})) {
    if (v !== 0 && v !== 1) fail('INVALID_HEADER', ['values', 'indicators', cell], `the value map reads the indicator cell ${JSON.stringify(cell)} as ${JSON.stringify(v)}; expected 0 or 1`, v, '0 or 1');
  }
  for (const column of keep) {
    if (!trimmed.includes(column.trim())) fail('INVALID_HEADER', [column], `${JSON.stringify(column)} is to be kept as an attribute, but the file has no such column; its columns are ${trimmed.join(', ')}`, column, 'a column of the file');
  }
  // Built-in names: the Vietnamese field names and every indicator's legal label (in Vietnamese), normalized.
  const byName = new Map<string, string>();
  for (const [field, names] of Object.entries(vietnameseFieldNames)) for (const n of names) byName.set(normalizeColumnName(n), field);
  for (const s of [standard, ...nationalStandards, ...localStandards]) {
    for (const i of s.indicators) if (i.label.vi !== undefined && !byName.has(normalizeColumnName(i.label.vi))) byName.set(normalizeColumnName(i.label.vi), i.id);
  }
  const canonical = [...fieldColumns, ...indicators];
  const nearMisses: string[] = [];
  const renamed: { column: string; as: string; by: 'map' | 'name' }[] = [];
  const names = trimmed.map((n, i) => {
    if (n === '') fail('INVALID_HEADER', [i], `header column ${i + 1} has no name`, n, 'a column name');
    const mapped = Object.hasOwn(map, n) ? map[n] : Object.hasOwn(map, header[i]!) ? map[header[i]!] : undefined;
    if (mapped !== undefined) {
      renamed.push({ column: n, as: mapped, by: 'map' });
      return mapped;
    }
    if (isCanonical(n) || keep.has(n)) return n;
    const key = normalizeColumnName(n);
    const named = byName.get(key);
    if (named !== undefined) {
      renamed.push({ column: n, as: named, by: 'name' });
      return named;
    }
    const near = canonical.find((c) => normalizeColumnName(c) === key) ?? (key.length >= 4 ? canonical.find((c) => withinOneEdit(normalizeColumnName(c), key)) : undefined);
    if (near !== undefined) nearMisses.push(`${JSON.stringify(n)} (did you mean ${JSON.stringify(near)}?)`);
    return n;
  });
  if (nearMisses.length) {
    const first = nearMisses[0]!;
    fail(
      'INVALID_HEADER',
      [trimmed.find((n) => first.startsWith(JSON.stringify(n)))!],
      `column ${nearMisses.join(', ')} is not a field or indicator but nearly names one: rename it, map it (columns), or keep it as an attribute on purpose (keepColumns)`,
      nearMisses.length === 1 ? first : nearMisses,
      'a field, an indicator id, or a column kept on purpose',
    );
  }
  const seen = new Map<string, string>();
  names.forEach((n, i) => {
    const earlier = seen.get(n);
    if (earlier !== undefined) {
      fail('INVALID_HEADER', [trimmed[i]!], earlier === trimmed[i] ? `the header repeats the column ${JSON.stringify(n)}` : `columns ${JSON.stringify(earlier)} and ${JSON.stringify(trimmed[i])} both stand for ${n}`, trimmed[i], 'one column per field');
    }
    seen.set(n, trimmed[i]!);
  });
  const present = new Set(names);
  const missingIndicators = present.has('deprived') ? [] : standard.indicators.map((i) => i.id).filter((id) => !present.has(id));
  const attributeColumns = names.filter((n) => !isCanonical(n));
  return { names, renamed, missingIndicators, attributeColumns, hasId: present.has('id') };
}
