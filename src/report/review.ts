/**
 * A review counted as `chuan-ngheo report` counts it, whatever reads the file (the command line's
 * streams, the review page's whole file): each household's entry classified, its weight and group
 * read, its children's facts counted, the rows left out counted with the first of them, and, for a
 * comparison with an earlier review, each household kept by id. Also the households of a file
 * already classified (`chuan-ngheo classify`'s output), the earlier review of that comparison.
 * Pure: it runs in a browser.
 *
 * @module
 */
import { categories, createTally, readWeight, type Tally } from '../analytics/tally.js';
import { childFacts } from '../analytics/children.js';
import type { ReviewEntry } from '../analytics/transitions.js';
import type { BatchClassifier } from '../batch.js';
import type { FileColumns } from '../column-check.js';
import { readCsv } from '../csv/records.js';
import { readSurveyRecord } from '../derivation/derive.js';
import type { HouseholdInput } from '../household.js';
import type { Category } from '../rule.js';
import { ownValue } from '../schema-issues.js';
import type { Standard } from '../standards/schema.js';
import { surelyValidRecord } from '../survey/record-precheck.js';
import { isSurveyRecord } from '../survey/record.js';
import type { HouseholdEntry } from '../table-rows.js';
import { undeterminedError } from '../tabular.js';

/** The blank group: households with no value for the grouping key. */
export const BLANK_GROUP = '(blank)';

/** A survey design collecting the households counted (the command line's `--strata`/`--psu`). */
export interface ReviewDesign {
  /** Why a household cannot be counted in the design (a blank stratum or PSU), if it cannot. */
  problem(attributes: unknown): string | undefined;
  add(unit: { category: Category; group: string | undefined; weight: number; size: number; attributes: unknown }): void;
}

/** What a review is counted for. */
export interface ReviewOptions {
  /** The file's format: messages say "a blank cell" for a table, "no value" for JSON. */
  readonly format: 'csv' | 'jsonl' | 'json' | 'xlsx';
  /** The grouping key (`area`: the classified area). */
  readonly by?: string | undefined;
  /** The weight column. */
  readonly weight?: string | undefined;
  /** Whether to keep each household by id (for a comparison with an earlier review). */
  readonly keepIds?: boolean;
  readonly design?: ReviewDesign | undefined;
  /** Called once, at the first household counted whose file has no column for some indicators. */
  readonly onMissingIndicators?: (missing: readonly string[]) => void;
}

/** A review counted. */
export interface Review {
  readonly standard: Standard;
  readonly date: string;
  readonly tally: Tally;
  /** The households by id, when kept. */
  readonly entries: ReviewEntry[];
  /** Rows left out of the figures, and the first of them (`record N: CODE: message`). */
  readonly invalid: number;
  readonly firstError?: string;
  /** Rows left out for their weight (counted in `invalid` too), and the first of them. */
  readonly badWeights: number;
  readonly firstBadWeight?: string;
  /** JSON Lines records without the grouping key, counted as blank. */
  readonly withoutGroup: number;
  /** Households without an id, left out of the movement (when entries are kept). */
  readonly withoutId: number;
}

/** The children's facts of a survey record already classified (so valid): read again only when the quick check is unsure. */
function childrenOf(value: unknown, standard: Standard, date: string) {
  return childFacts(surelyValidRecord(value) ? value : readSurveyRecord(value), standard, date);
}

/**
 * Counts a review, one entry at a time, as `chuan-ngheo report` does: `add` each household's
 * entry in the file's order, then `result`.
 */
export function createReview(batch: BatchClassifier, options: ReviewOptions): { add(entry: HouseholdEntry): void; result(): Review } {
  const { by, weight: weightColumn, format, design } = options;
  const tally = createTally({ indicators: batch.standard.indicators.map((i) => i.id) });
  const entries: ReviewEntry[] = [];
  let invalid = 0;
  let firstError: string | undefined;
  let badWeights = 0;
  let firstBadWeight: string | undefined;
  let withoutGroup = 0;
  let withoutId = 0;
  let warned = false;
  const add = (entry: HouseholdEntry): void => {
    let r = 'error' in entry ? { error: entry.error } : batch.classifyWithFacts(entry.value);
    if (!('error' in r) && 'missingIndicators' in entry && entry.missingIndicators) {
      if (!warned) options.onMissingIndicators?.(entry.missingIndicators);
      warned = true;
      const error = undeterminedError(batch, entry.value as HouseholdInput, r.category, r.deprived.length, entry.missingIndicators);
      if (error) r = { error };
    }
    if ('error' in r) {
      invalid++;
      firstError ??= `record ${entry.record}: ${r.error.code}: ${r.error.message}`;
      return;
    }
    const value = (entry as { value: Record<string, unknown> }).value;
    let weight: number | string | undefined;
    if (weightColumn !== undefined) {
      const raw = ownValue(value.attributes, weightColumn);
      if (readWeight(raw) === undefined) {
        const received = raw === undefined || raw === '' ? (format === 'csv' || format === 'xlsx' ? 'a blank cell' : 'no value') : JSON.stringify(raw);
        const message = `record ${entry.record}: INVALID_FIELD: --weight ${JSON.stringify(weightColumn)} must be a number ≥ 0 such as 2.5 or 1.5e-7, received ${received}`;
        invalid++;
        badWeights++;
        firstError ??= message;
        firstBadWeight ??= message;
        return;
      }
      weight = raw as number | string;
    }
    let group: string | undefined;
    if (by === 'area') group = r.area;
    else if (by !== undefined) {
      const raw = ownValue(value.attributes, by);
      // In CSV an empty cell is a blank value; in JSON Lines a record may lack the key altogether.
      if (raw === undefined && format === 'jsonl') withoutGroup++;
      group = raw === undefined || raw === null || raw === '' ? BLANK_GROUP : String(raw);
    }
    const designProblem = design?.problem(value.attributes);
    if (designProblem !== undefined) {
      invalid++;
      firstError ??= `record ${entry.record}: ${designProblem}`;
      return;
    }
    const children = isSurveyRecord(value) ? childrenOf(value, batch.standard, batch.date) : undefined;
    tally.add({
      category: r.category,
      deprived: r.deprived,
      size: r.size,
      ...(group !== undefined ? { group } : {}),
      ...(weight !== undefined ? { weight } : {}),
      ...(children !== undefined ? { children } : {}),
    });
    design?.add({ category: r.category, group, weight: weight === undefined ? 1 : Number(weight), size: r.size, attributes: value.attributes });
    if (options.keepIds) {
      if (r.id === undefined || r.id === '') withoutId++;
      else entries.push({ id: String(r.id), category: r.category, escaped: r.escaped });
    }
  };
  const result = (): Review => ({
    standard: batch.standard,
    date: batch.date,
    tally: tally.result(),
    entries,
    invalid,
    ...(firstError !== undefined ? { firstError } : {}),
    badWeights,
    ...(firstBadWeight !== undefined ? { firstBadWeight } : {}),
    withoutGroup,
    withoutId,
  });
  return { add, result };
}

/** The households of a file already classified, by id, and the rows left out. */
export interface ClassifiedReview {
  readonly entries: ReviewEntry[];
  /** Rows without an id. */
  readonly withoutId: number;
  /** Rows without a category (the classification's errors). */
  readonly unclassified: number;
}

const CATEGORIES = new Set<string>(categories);

/** Rows of a classified file (id, category, newlyEscaped as text or JSON values) added to a review. */
function addClassified(target: { entries: ReviewEntry[]; withoutId: number; unclassified: number }, rows: Iterable<{ id: unknown; category: unknown; escaped: boolean }>): void {
  for (const r of rows) {
    if (!CATEGORIES.has(r.category as Category)) target.unclassified++;
    else if (r.id === undefined || r.id === null || r.id === '') target.withoutId++;
    else target.entries.push({ id: String(r.id), category: r.category as Category, escaped: r.escaped ? 'poverty' : null });
  }
}

/**
 * Reads a file already classified, CSV or JSON Lines (its bytes, UTF-8): rows
 * with id and category (and newlyEscaped), such as `chuan-ngheo classify` writes; `undefined` when
 * it has no category column (or key). `onColumns` sees the header (or the first classified record's
 * keys) before any row is kept, and may throw to refuse the file (one without an id).
 *
 * @throws the error of a JSON Lines line that is not JSON.
 */
export function readClassifiedFile(bytes: Uint8Array, onColumns: (columns: FileColumns) => void): ClassifiedReview | undefined {
  const lines = new TextDecoder().decode(bytes).split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return undefined;
  const review = { entries: [] as ReviewEntry[], withoutId: 0, unclassified: 0 };
  if (!lines[0]!.trimStart().startsWith('{')) {
    // A table: read as a classified workbook's sheet is.
    const { header = [], records } = readCsv(bytes);
    return addClassifiedSheet(review, header, records, onColumns) ? review : undefined;
  }
  const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  if (!records.every((r) => 'category' in r || 'error' in r)) return undefined;
  const first = records.find((r) => 'category' in r);
  if (first) onColumns({ format: 'jsonl', keys: Object.keys(first), attributes: [] });
  addClassified(review, records.map((r) => ({ id: r.id, category: r.category, escaped: r.newlyEscaped === true })));
  return review;
}

/**
 * Adds the rows of a worksheet of a classified workbook (its header and the rows' fields, as
 * `xlsx/records` reads them) to a review; `false` when the sheet has no category column. `onColumns`
 * sees the header first, and may throw to refuse the workbook.
 */
export function addClassifiedSheet(review: { entries: ReviewEntry[]; withoutId: number; unclassified: number }, header: readonly string[], rows: Iterable<{ readonly fields: readonly string[] }>, onColumns: (columns: FileColumns) => void): boolean {
  const names = header.map((h) => h.trim());
  const idAt = names.indexOf('id');
  const catAt = names.indexOf('category');
  const escAt = names.indexOf('newlyEscaped');
  if (catAt < 0) return false;
  onColumns({ format: 'csv', header: names, attributes: [] });
  const mapped = function* () {
    for (const { fields } of rows) yield { id: fields[idAt] ?? '', category: fields[catAt], escaped: fields[escAt] === 'true' };
  };
  addClassified(review, mapped());
  return true;
}
