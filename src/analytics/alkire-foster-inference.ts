/**
 * The Alkire-Foster measures of a survey with their standard errors and confidence intervals
 * under the survey design, as OPHI's mpitbR (R) and mpitb (Stata) estimate them: H, A, M0 for
 * several poverty cut-offs k at once, the uncensored and censored headcount ratios of each
 * indicator (hd, hdk), its absolute and percentage contribution (actb, pctb), by several
 * grouping variables, and the changes of M0, H and A between rounds of a survey (absolute,
 * relative, annualised).
 *
 * Each measure is a ratio of weighted totals (H = Σw·poor / Σw, M0 = Σw·c·poor / Σw,
 * A = Σw·c·poor / Σw·poor, hd = Σw·d_j / Σw …), so its variance is that of a ratio by Taylor
 * linearisation (see `design`), over the design's strata and PSUs, a subgroup being a domain of
 * the whole design. Intervals of levels are the logit intervals of `svyciprop` with the design's
 * degrees of freedom (mpitbR's default); changes have the normal interval, as mpitbR. A round of
 * a survey repeated over time is a design of its own for its levels (its PSUs, strata and degrees
 * of freedom); the changes between rounds are estimated over both rounds as one design, so that
 * PSUs visited in both rounds bring their covariance.
 *
 * Estimates are exact fractions when every survey weight is a decimal of at most six places (whole
 * numbers are counted as such); the standard errors are floating point.
 *
 * The weighting is named: `nested` (each dimension the same weight, split equally among its
 * indicators: mpitbR's and OPHI's "equal"), `perIndicator` (1/d each), or the weights given. A
 * plain `equal` is refused, since it means one of these in one tool and the other in the next.
 *
 * @module
 */
import { fail, toSafe, type SafeResult } from '../errors.js';
import { createAfTableBuilder, MISSING_DEPRIVATION, type AfTable, type AfTableColumns } from './af-table.js';
import { surveyDesign, type LonelyPsu } from './design.js';
import { exact, Fraction, show, toDouble, toFraction, type ExactValue, type FractionInput } from './exact.js';
import { logitInterval, tInterval } from './logit-interval.js';

/** A poverty cut-off: per cent as mpitbR (`33`, `"33"`), or a fraction (`"1/3"`). */
export type CutoffInput = number | string;

/** How the indicators are weighted. */
export type AfWeighting = 'nested' | 'perIndicator' | Readonly<Record<string, FractionInput>>;

/** Options of {@link alkireFosterInference}. */
export interface AfInferenceOptions {
  /** Dimensions and their indicator columns (`{ health: ['d_nutr', 'd_cm'], … }`), in order. */
  readonly dimensions?: Readonly<Record<string, readonly string[]>>;
  /** Indicator columns without dimensions (weights `perIndicator` or given only). */
  readonly indicators?: readonly string[];
  /** `nested`, `perIndicator`, or weights by indicator summing to exactly 1. */
  readonly weights: AfWeighting;
  /** Poverty cut-offs: poor when the score is ≥ k. Per cent (`[20, 33, 50]`) or fractions (`['1/3']`). */
  readonly k: CutoffInput | readonly CutoffInput[];
  /** Survey weight column (default 1 each). */
  readonly weight?: string;
  readonly strata?: string;
  /** Primary sampling unit column (default: each row its own). */
  readonly psu?: string;
  /** Finite population correction column: PSUs in the stratum's population, or the sampling fraction. */
  readonly fpc?: string;
  /** PSU ids repeat across strata (R's `nest = TRUE`). */
  readonly nest?: boolean;
  /** A stratum with a single PSU: `fail` (default), `certainty` or `adjust`, as R's `survey.lonely.psu`. */
  readonly lonelyPsu?: LonelyPsu;
  /** Grouping columns: each is a level of analysis beside the national one. */
  readonly over?: readonly string[];
  /** Round column of a survey repeated over time: levels per round, and changes between consecutive rounds. */
  readonly time?: string;
  /** Year column (one year per round) for the changes' years and annualised rates; default the round's value read as a year. */
  readonly year?: string;
  /** Confidence level (default 0.95). */
  readonly level?: number;
  /** A missing indicator value: `error` (default: names the rows), `drop` the unit, or count it `notDeprived`. */
  readonly missing?: 'error' | 'drop' | 'notDeprived';
}

/** One estimate: its value (and exact value where exact), standard error and interval; null where it does not exist. */
export interface AfEstimate {
  readonly estimate: number | null;
  /** The exact fraction, where the estimate is exact. */
  readonly exact?: string;
  readonly se: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** The measures of one cut-off in one subgroup. */
export interface AfCutoffFigures {
  /** The cut-off as given (`"33"`, `"1/3"`). */
  readonly k: string;
  readonly H: AfEstimate;
  readonly A: AfEstimate;
  readonly M0: AfEstimate;
  readonly indicators: readonly { readonly indicator: string; readonly hdk: AfEstimate; readonly actb: AfEstimate; readonly pctb: AfEstimate }[];
  /** Share of M0 from each dimension (no standard error). */
  readonly dimensions: readonly { readonly dimension: string; readonly contribution: AfEstimate }[];
}

/** The figures of one subgroup (or the nation) in one round. */
export interface AfLevel {
  /** The round (the time column's value), null without one. */
  readonly round: string | null;
  /** Level of analysis: `nat` or the grouping column. */
  readonly loa: string;
  /** `nat` or the group's value. */
  readonly subgroup: string;
  /** Units (rows) and their total weight. */
  readonly units: number;
  readonly weight: number;
  /** Degrees of freedom of the round's design. */
  readonly df: number;
  readonly hd: readonly { readonly indicator: string; readonly hd: AfEstimate }[];
  readonly cutoffs: readonly AfCutoffFigures[];
}

/** The change of a measure between two rounds. */
export interface AfChange {
  readonly measure: 'M0' | 'H' | 'A';
  readonly k: string;
  readonly loa: string;
  readonly subgroup: string;
  readonly from: { readonly round: string; readonly year: number };
  readonly to: { readonly round: string; readonly year: number };
  /** `to − from`. */
  readonly abs: AfEstimate;
  /** `100 (to / from − 1)`, per cent. */
  readonly rel: AfEstimate;
  /** `(to − from) / years`. */
  readonly absAnnualised: AfEstimate;
  /** `100 ((to / from)^(1 / years) − 1)`, per cent: the compound yearly rate. */
  readonly relAnnualised: AfEstimate;
}

/** One row of the tidy table: one estimate. Columns as mpitbR's, empty (null) where they do not apply. */
export interface AfRow {
  readonly measure: 'M0' | 'H' | 'A' | 'hd' | 'hdk' | 'actb' | 'pctb';
  readonly indicator: string | null;
  readonly k: string | null;
  readonly loa: string;
  readonly subgroup: string;
  readonly round: string | null;
  readonly change: 'abs' | 'rel' | null;
  readonly annualised: 0 | 1 | null;
  readonly from: string | null;
  readonly to: string | null;
  readonly estimate: number | null;
  readonly exact?: string;
  readonly se: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

/** The result of {@link alkireFosterInference}. */
export interface AfInference {
  readonly indicators: readonly { readonly id: string; readonly dimension: string | null; readonly weight: ExactValue }[];
  readonly k: readonly { readonly k: string; readonly value: ExactValue }[];
  readonly level: number;
  /** Units read, and units dropped for a missing indicator value (`missing: 'drop'`). */
  readonly units: number;
  readonly dropped: number;
  /** Whether the estimates are exact fractions (every weight a short decimal). */
  readonly exact: boolean;
  /** Columns of the rows that no option names (not used). */
  readonly unusedColumns: readonly string[];
  readonly levels: readonly AfLevel[];
  readonly changes: readonly AfChange[];
  /** The tidy table: every estimate of `levels`, then of `changes`. */
  readonly rows: readonly AfRow[];
}

/** The options, checked: indicator columns and weights, cut-offs, the table's columns. */
export interface AfPlan {
  readonly indicators: readonly string[];
  readonly dimensionOf: readonly (string | null)[];
  readonly dimensions: readonly string[];
  readonly weights: readonly Fraction[];
  readonly cutoffs: readonly { readonly label: string; readonly value: Fraction }[];
  readonly columns: AfTableColumns;
  readonly level: number;
  readonly missing: 'error' | 'drop' | 'notDeprived';
  readonly nest: boolean;
  readonly lonelyPsu: LonelyPsu;
}

const OPTION_KEYS = ['dimensions', 'indicators', 'weights', 'k', 'weight', 'strata', 'psu', 'fpc', 'nest', 'lonelyPsu', 'over', 'time', 'year', 'level', 'missing'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function columnName(value: unknown, path: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') return fail('INVALID_OPTIONS', [path], `${path}: expected a column name, received ${show(value)}`, value);
  return value;
}

/** A cut-off: per cent (0 < k ≤ 100) unless written as a fraction with a slash (0 < k ≤ 1). */
function readCutoff(value: unknown, i: number): { label: string; value: Fraction } {
  const path = ['k', i];
  if (typeof value !== 'number' && typeof value !== 'string') return fail('INVALID_OPTIONS', path, `k[${i}]: expected a per cent such as 33 or a fraction such as "1/3", received ${show(value)}`, value);
  const label = String(value).trim();
  const isFraction = label.includes('/');
  const f = toFraction(label, path, `k[${i}]`);
  const v = isFraction ? f : f.div(100);
  if (v.lte(0) || v.gt(1)) fail('INVALID_OPTIONS', path, `k[${i}] must be above 0 and at most ${isFraction ? '1 (as a fraction)' : '100 (per cent)'}, received ${show(value)}`, value);
  return { label, value: v };
}

/**
 * Checks the options of {@link alkireFosterInference}: the indicators and their weights, the
 * cut-offs, the columns the survey must have.
 *
 * @throws {ChuanNgheoError} `AMBIGUOUS_WEIGHTS` for `weights: 'equal'`; `INVALID_OPTIONS` for an
 * unknown option, weights that do not sum to exactly 1, a cut-off out of range, a column named
 * twice …
 *
 * Example:
 *
 *     planAfInference({ dimensions: { a: ['x', 'y'], b: ['z'] }, weights: 'nested', k: 33 }).weights.map(String) //=> ['0.25', '0.25', '0.5']
 */
export function planAfInference(options: AfInferenceOptions): AfPlan {
  if (!isRecord(options)) return fail('INVALID_OPTIONS', [], `options: expected an object with dimensions (or indicators), weights and k, received ${show(options)}`, options);
  for (const key of Object.keys(options)) if (!OPTION_KEYS.includes(key)) fail('INVALID_OPTIONS', [key], `unknown option ${JSON.stringify(key)}; the options are ${OPTION_KEYS.join(', ')}`, key);
  const o = options as unknown as Record<string, unknown>;
  let indicators: string[] = [];
  let dimensionOf: (string | null)[] = [];
  const dimensions: string[] = [];
  if (o.dimensions !== undefined) {
    if (o.indicators !== undefined) fail('INVALID_OPTIONS', ['indicators'], 'give dimensions (with their indicators) or indicators, not both', o.indicators);
    if (!isRecord(o.dimensions) || Object.keys(o.dimensions).length === 0) return fail('INVALID_OPTIONS', ['dimensions'], `dimensions: expected an object of dimension names and their indicator columns, received ${show(o.dimensions)}`, o.dimensions);
    for (const [dim, list] of Object.entries(o.dimensions)) {
      if (!Array.isArray(list) || list.length === 0) fail('INVALID_OPTIONS', ['dimensions', dim], `dimensions.${dim}: expected a list of indicator columns, received ${show(list)}`, list);
      dimensions.push(dim);
      for (const [j, id] of (list as unknown[]).entries()) {
        const name = columnName(id, `dimensions.${dim}[${j}]`)!;
        indicators.push(name);
        dimensionOf.push(dim);
      }
    }
  } else if (o.indicators !== undefined) {
    if (!Array.isArray(o.indicators) || o.indicators.length === 0) return fail('INVALID_OPTIONS', ['indicators'], `indicators: expected a list of indicator columns, received ${show(o.indicators)}`, o.indicators);
    indicators = o.indicators.map((id, j) => columnName(id, `indicators[${j}]`)!);
    dimensionOf = indicators.map(() => null);
  } else return fail('MISSING_FIELD', ['dimensions'], 'dimensions (or indicators) are required: the indicator columns of the measure', undefined);
  const seen = new Set<string>();
  for (const id of indicators) {
    if (seen.has(id)) fail('INVALID_OPTIONS', ['dimensions'], `the indicator ${JSON.stringify(id)} is named twice`, id);
    seen.add(id);
  }
  const d = indicators.length;
  let weights: Fraction[];
  const w = o.weights;
  if (w === 'equal') {
    return fail(
      'AMBIGUOUS_WEIGHTS',
      ['weights'],
      "weights 'equal' is ambiguous: in mpitbR, Stata's mpitb and OPHI's publications it means nested weights (each dimension the same weight, split equally among its indicators: give 'nested'); here it used to mean the same weight for every indicator (1/d each: give 'perIndicator')",
      w,
      'nested, perIndicator, or weights by indicator',
    );
  } else if (w === 'nested') {
    if (dimensions.length === 0) fail('INVALID_OPTIONS', ['weights'], "weights 'nested' needs dimensions: give dimensions, or weights 'perIndicator'", w);
    weights = indicators.map((_, j) => new Fraction(1, dimensions.length).div(dimensionOf.filter((x) => x === dimensionOf[j]).length));
  } else if (w === 'perIndicator') {
    weights = indicators.map(() => new Fraction(1, d));
  } else if (isRecord(w)) {
    for (const key of Object.keys(w)) if (!seen.has(key)) fail('INVALID_OPTIONS', ['weights', key], `weights names ${JSON.stringify(key)}, which is not an indicator of the measure`, key);
    weights = indicators.map((id) => {
      if (w[id] === undefined) return fail('INVALID_OPTIONS', ['weights', id], `weights: no weight for the indicator ${JSON.stringify(id)}`, undefined);
      const f = toFraction(w[id], ['weights', id], `weights.${id}`);
      if (f.lte(0)) fail('INVALID_OPTIONS', ['weights', id], `weights.${id} must be positive, received ${show(w[id])}`, w[id]);
      return f;
    });
    const sum = weights.reduce((a, b) => a.add(b), new Fraction(0));
    if (!sum.equals(1)) fail('INVALID_OPTIONS', ['weights'], `the weights must sum to exactly 1; they sum to ${sum.toFraction()}`, sum.toFraction());
  } else return fail('INVALID_OPTIONS', ['weights'], `weights: expected 'nested', 'perIndicator' or weights by indicator, received ${show(w)}`, w);
  const kList = Array.isArray(o.k) ? (o.k as unknown[]) : o.k === undefined ? [] : [o.k];
  if (kList.length === 0) fail('MISSING_FIELD', ['k'], 'k, the poverty cut-off (per cent such as 33, or a fraction such as "1/3"), is required', o.k);
  const cutoffs = kList.map((k, i) => readCutoff(k, i));
  const labels = new Set<string>();
  for (const c of cutoffs) {
    if (labels.has(c.label)) fail('INVALID_OPTIONS', ['k'], `the cut-off ${c.label} is given twice`, c.label);
    labels.add(c.label);
  }
  const over = o.over === undefined ? [] : Array.isArray(o.over) ? o.over.map((c, i) => columnName(c, `over[${i}]`)!) : fail('INVALID_OPTIONS', ['over'], `over: expected a list of grouping columns, received ${show(o.over)}`, o.over);
  const columns: AfTableColumns = {
    indicators,
    weight: columnName(o.weight, 'weight'),
    strata: columnName(o.strata, 'strata'),
    psu: columnName(o.psu, 'psu'),
    fpc: columnName(o.fpc, 'fpc'),
    over,
    time: columnName(o.time, 'time'),
    year: columnName(o.year, 'year'),
  };
  if (columns.year !== undefined && columns.time === undefined) fail('INVALID_OPTIONS', ['year'], 'year is given without time: the year belongs to a round, named by the time column', columns.year);
  if (columns.time !== undefined && columns.year === undefined) fail('MISSING_FIELD', ['year'], 'time needs year: the column of each round\'s year, for the years between rounds and the annualised changes', undefined);
  const roles = new Map<string, string>();
  const role = (name: string | undefined, what: string) => {
    if (name === undefined) return;
    const earlier = roles.get(name);
    if (earlier !== undefined) fail('INVALID_OPTIONS', [what], `the column ${JSON.stringify(name)} is named as ${earlier} and as ${what}`, name);
    roles.set(name, what);
  };
  indicators.forEach((id) => role(id, 'an indicator'));
  role(columns.weight, 'weight');
  role(columns.strata, 'strata');
  role(columns.psu, 'psu');
  role(columns.fpc, 'fpc');
  over.forEach((c) => role(c, 'over'));
  role(columns.time, 'time');
  role(columns.year, 'year');
  const level = o.level === undefined ? 0.95 : (o.level as number);
  if (typeof level !== 'number' || !(level > 0 && level < 1)) fail('INVALID_OPTIONS', ['level'], `level: expected a confidence level between 0 and 1 such as 0.95, received ${show(o.level)}`, o.level);
  const missing = o.missing ?? 'error';
  if (missing !== 'error' && missing !== 'drop' && missing !== 'notDeprived') fail('INVALID_OPTIONS', ['missing'], `missing: expected error, drop or notDeprived, received ${show(missing)}`, missing);
  if (o.nest !== undefined && typeof o.nest !== 'boolean') fail('INVALID_OPTIONS', ['nest'], `nest: expected true or false, received ${show(o.nest)}`, o.nest);
  const lonelyPsu = o.lonelyPsu ?? 'fail';
  if (lonelyPsu !== 'fail' && lonelyPsu !== 'certainty' && lonelyPsu !== 'adjust') fail('INVALID_OPTIONS', ['lonelyPsu'], `lonelyPsu: expected fail, certainty or adjust, received ${show(lonelyPsu)}`, lonelyPsu);
  return { indicators, dimensionOf, dimensions, weights, cutoffs, columns, level, missing, nest: o.nest === true, lonelyPsu };
}

/** Safe twin of {@link planAfInference}: never throws. */
export function safePlanAfInference(options: AfInferenceOptions): SafeResult<AfPlan> {
  return toSafe(() => planAfInference(options));
}

const bigGcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : bigGcd(b, a % b));

/** Layout of the statistics accumulated per unit. */
interface Layout {
  readonly J: number;
  readonly K: number;
  /** Statistics: X, U_j, then per cut-off Q, C, K_j. */
  readonly S: number;
  readonly U: (j: number) => number;
  readonly Q: (m: number) => number;
  readonly C: (m: number) => number;
  readonly Kj: (m: number, j: number) => number;
  /** Second moments: XX, per j UX, UU; per cut-off QX, QQ, CX, CC, CQ, per j KX, KK. */
  readonly M: number;
  readonly mUX: (j: number) => number;
  readonly mUU: (j: number) => number;
  readonly mQX: (m: number) => number;
  readonly mQQ: (m: number) => number;
  readonly mCX: (m: number) => number;
  readonly mCC: (m: number) => number;
  readonly mCQ: (m: number) => number;
  readonly mKX: (m: number, j: number) => number;
  readonly mKK: (m: number, j: number) => number;
  /** Cross moments between consecutive rounds: X1X2, per cut-off C1C2, C1X2, X1C2, Q1Q2, Q1X2, X1Q2, C1Q2, Q1C2. */
  readonly P: number;
}

function layoutOf(J: number, K: number): Layout {
  const block = 2 + J;
  const mBlock = 5 + 2 * J;
  return {
    J,
    K,
    S: 1 + J + K * block,
    U: (j) => 1 + j,
    Q: (m) => 1 + J + m * block,
    C: (m) => 2 + J + m * block,
    Kj: (m, j) => 3 + J + m * block + j,
    M: 1 + 2 * J + K * mBlock,
    mUX: (j) => 1 + 2 * j,
    mUU: (j) => 2 + 2 * j,
    mQX: (m) => 1 + 2 * J + m * mBlock,
    mQQ: (m) => 2 + 2 * J + m * mBlock,
    mCX: (m) => 3 + 2 * J + m * mBlock,
    mCC: (m) => 4 + 2 * J + m * mBlock,
    mCQ: (m) => 5 + 2 * J + m * mBlock,
    mKX: (m, j) => 6 + 2 * J + m * mBlock + 2 * j,
    mKK: (m, j) => 7 + 2 * J + m * mBlock + 2 * j,
    P: 1 + 8 * K,
  };
}

/** Builds a survey table from rows (objects keyed by column), for {@link alkireFosterInference}. */
function tableOfRows(rows: Iterable<Record<string, unknown>>, plan: AfPlan): AfTable {
  if (typeof (rows as { [Symbol.iterator]?: unknown } | null | undefined)?.[Symbol.iterator] !== 'function') {
    return fail('INVALID_FIELD', ['rows'], `rows: expected a list (or another iterable) of rows keyed by column, received ${show(rows)}`, rows);
  }
  const builder = createAfTableBuilder(plan.columns);
  const order = builder.order;
  let i = 0;
  const unused: string[] = [];
  for (const row of rows) {
    if (!isRecord(row)) fail('INVALID_FIELD', ['rows', i], `rows[${i}]: expected an object keyed by column, received ${show(row)}`, row);
    if (i === 0) {
      for (const column of order) if (!(column in row)) fail('INVALID_FIELD', ['rows', 0, column], `rows[0] has no column ${JSON.stringify(column)}, named in the options`, undefined);
      unused.push(...Object.keys(row).filter((key) => !order.includes(key)));
    }
    builder.add(
      order.map((c) => row[c]),
      i,
    );
    i++;
  }
  return { ...builder.finish(), unusedColumns: unused };
}

/**
 * Column names of a header that the options do not use (for callers that report them).
 *
 * Example:
 *
 *     unusedColumns(['id', 'd1', 'w'], planAfInference({ indicators: ['d1'], weights: 'perIndicator', k: 50, weight: 'w' })) //=> ['id']
 */
export function unusedColumns(header: readonly string[], plan: AfPlan, ignore: readonly string[] = []): string[] {
  const c = plan.columns;
  const used = new Set<string>([...c.indicators, ...(c.over ?? []), ...[c.weight, c.strata, c.psu, c.fpc, c.time, c.year].filter((x): x is string => x !== undefined), ...ignore]);
  return header.filter((h) => !used.has(h));
}

/**
 * Estimates the Alkire-Foster measures with their standard errors and intervals from rows keyed by
 * column (0/1 deprivations; blank, null or `NA` missing).
 *
 * @throws {ChuanNgheoError} `AMBIGUOUS_WEIGHTS` for weights `equal`; `MISSING_VALUE` for a missing
 * indicator value under `missing: 'error'` (the message names the rows), a blank weight, stratum,
 * PSU, group or round; `LONELY_PSU` for a stratum with one PSU; `INVALID_OPTIONS`,
 * `INVALID_FIELD` for options or values that do not fit.
 * @example
 * const rows = [
 *   { water: 1, school: 1, weight: 2 },
 *   { water: 1, school: 0, weight: 1 },
 *   { water: 0, school: 0, weight: 1 },
 *   { water: 0, school: 1, weight: 1 },
 * ];
 * const r = alkireFosterInference(rows, { indicators: ['water', 'school'], weights: 'perIndicator', k: [50], weight: 'weight' });
 * const h = r.rows.find((row) => row.measure === 'H')!;
 * h.estimate //=> 0.8
 * h.exact //=> '4/5'
 * const rounded = [h.se, h.lower, h.upper].map((x) => Math.round(x! * 1e4) / 1e4);
 * rounded //=> [0.2166, 0.051, 0.9966]
 * r.levels[0]!.df //=> 3
 */
export function alkireFosterInference(rows: Iterable<Record<string, unknown>>, options: AfInferenceOptions): AfInference {
  const plan = planAfInference(options);
  return estimateAfInference(tableOfRows(rows, plan), plan);
}

/**
 * Safe twin of {@link alkireFosterInference}: never throws.
 *
 * @example
 * const rows = [{ water: 'NA', school: 1 }, { water: 0, school: 1 }, { water: 1, school: 1 }];
 * const r = safeAlkireFosterInference(rows, { indicators: ['water', 'school'], weights: 'perIndicator', k: [50] });
 * !r.success && r.error.code //=> 'MISSING_VALUE'
 * !r.success && r.error.path //=> ['rows', 0, 'water']
 * const dropped = safeAlkireFosterInference(rows, { indicators: ['water', 'school'], weights: 'perIndicator', k: [50], missing: 'drop' });
 * dropped.success && dropped.data.dropped //=> 1
 */
export function safeAlkireFosterInference(rows: Iterable<Record<string, unknown>>, options: AfInferenceOptions): SafeResult<AfInference> {
  return toSafe(() => alkireFosterInference(rows, options));
}

const NONE: AfEstimate = { estimate: null, se: null, lower: null, upper: null };

/**
 * The measures of a table built for a plan (the command line builds the table as it reads).
 *
 * @throws {ChuanNgheoError} as {@link alkireFosterInference}.
 *
 * Example:
 *
 *     const plan = planAfInference(options);
 *     const builder = createAfTableBuilder(plan.columns);
 *     for (const row of rows) builder.add(builder.order.map((c) => row[c]), row.line);
 *     estimateAfInference(builder.finish(), plan).rows
 */
export function estimateAfInference(table: AfTable, plan: AfPlan): AfInference {
  const { indicators, weights } = plan;
  const J = indicators.length;
  const K = plan.cutoffs.length;
  const lay = layoutOf(J, K);
  const rows = table.rows;
  const rowName = (i: number) => (table.rowNames ? table.rowNames[i]! : i);

  // Missing indicator values.
  const keep = new Uint8Array(rows).fill(1);
  let dropped = 0;
  {
    const missingRows: number[] = [];
    let count = 0;
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < J; j++) {
        if (table.deprived[j]![i] !== MISSING_DEPRIVATION) continue;
        if (plan.missing === 'error') {
          count++;
          if (missingRows.length < 5) missingRows.push(i);
          break;
        }
        if (plan.missing === 'drop') {
          keep[i] = 0;
          dropped++;
          break;
        }
      }
    }
    if (count > 0) {
      const first = missingRows[0]!;
      const column = indicators[table.deprived.findIndex((col) => col[first] === MISSING_DEPRIVATION)]!;
      const names = missingRows.map((i) => {
        const cols = indicators.filter((_, j) => table.deprived[j]![i] === MISSING_DEPRIVATION);
        return `row ${rowName(i)} (${cols.join(', ')})`;
      });
      fail(
        'MISSING_VALUE',
        ['rows', rowName(first), column],
        `${count} row(s) lack an indicator value: ${names.join('; ')}${count > missingRows.length ? ' …' : ''}; choose missing 'drop' (leave the unit out) or 'notDeprived' (count it as not deprived)`,
        undefined,
      );
    }
  }

  // Indicator weights as whole numbers over their common denominator L; cut-offs as score thresholds.
  const L = weights.reduce((l, w) => (l * w.d) / bigGcd(l, w.d), 1n);
  const unit = weights.map((w) => Number((w.n * L) / w.d));
  const Ln = Number(L);
  // Poor iff s / L ≥ k, i.e. s ≥ ⌈k·L⌉.
  const threshold = plan.cutoffs.map((c) => {
    const num = c.value.n * L;
    return Number((num + c.value.d - 1n) / c.value.d);
  });

  // Unit weights: whole numbers over 10^D when exact.
  const D = table.weightDecimals;
  let omega = table.weights;
  let exactMode = D !== undefined;
  const weightScale = D === undefined ? 1 : 10 ** D;
  if (exactMode) {
    const scale = 10 ** D!;
    omega = new Float64Array(rows);
    let total = 0;
    for (let i = 0; i < rows; i++) {
      omega[i] = Math.round(table.weights[i]! * scale);
      total += omega[i]!;
    }
    // Every sum of ω·s stays a whole number below 2^53: exact in doubles.
    if (!(total * Ln < Number.MAX_SAFE_INTEGER)) exactMode = false;
  }

  // Design over the units kept.
  const keptRows: number[] = [];
  for (let i = 0; i < rows; i++) if (keep[i]) keptRows.push(i);
  const allKept = keptRows.length === rows;
  const sub = (a: Int32Array): Int32Array => (allKept ? a : Int32Array.from(keptRows, (i) => a[i]!));
  const subCoded = (c: AfTable['strata']) => (c === undefined ? undefined : { codes: sub(c.codes), labels: c.labels });
  const n = keptRows.length;
  const design = surveyDesign({
    rows: n,
    ...(table.strata ? { strata: subCoded(table.strata)! } : {}),
    ...(table.psu ? { psu: subCoded(table.psu)! } : {}),
    nest: plan.nest,
    // Lonely PSUs are checked per round below, where the rule applies.
    lonelyPsu: plan.lonelyPsu === 'fail' ? 'certainty' : plan.lonelyPsu,
  });
  const rowOf = (r: number) => (allKept ? r : keptRows[r]!);

  // Rounds, in the order of their years (or of their values read as years).
  const time = table.time;
  const roundCount = time ? time.labels.length : 1;
  const roundLabel = (r: number) => (time ? time.labels[r]! : null);
  const years = time ? table.years : undefined;
  const roundOrder = Array.from({ length: roundCount }, (_, r) => r).sort((a, b) => (years ? years[a]! - years[b]! : 0));
  if (years) {
    for (let i = 1; i < roundOrder.length; i++) {
      if (years[roundOrder[i]!] === years[roundOrder[i - 1]!]) fail('INVALID_OPTIONS', ['year'], `the rounds ${JSON.stringify(roundLabel(roundOrder[i - 1]!))} and ${JSON.stringify(roundLabel(roundOrder[i]!))} have the same year ${years[roundOrder[i]!]}`, years[roundOrder[i]!]);
    }
  }

  // Domains: per round, the nation then each group of each grouping column.
  const over = table.over;
  const loaBase: number[] = [];
  let G = 1;
  for (const g of over) {
    loaBase.push(G);
    G += g.labels.length;
  }
  const domainCount = roundCount * G;
  const strataCount = design.strata.length;
  const S = lay.S;
  const M = lay.M;
  const first = new Float64Array(strataCount * domainCount * S);
  const second = new Float64Array(strataCount * domainCount * M);
  // Cross moments of consecutive rounds: pair index = position of the earlier round in roundOrder.
  const pairCount = Math.max(0, roundCount - 1);
  const positionOf = new Int32Array(roundCount);
  roundOrder.forEach((r, pos) => (positionOf[r] = pos));
  const cross = new Float64Array(strataCount * Math.max(1, pairCount * G) * lay.P);
  // PSUs per stratum in each round, and in all rounds.
  const psuRound = new Uint8Array(design.psuCount * roundCount);
  const units = new Float64Array(domainCount);

  // Rows in PSU order (counting sort), so that each PSU's totals are complete before they are squared.
  const psuOf = design.psuOfRow;
  const order = new Int32Array(n);
  {
    const start = new Int32Array(design.psuCount + 1);
    for (let r = 0; r < n; r++) start[psuOf[r]! + 1]!++;
    for (let p = 0; p < design.psuCount; p++) start[p + 1]! += start[p]!;
    for (let r = 0; r < n; r++) order[start[psuOf[r]!]!++] = r;
  }

  // The totals of the current PSU, per domain touched.
  const buffer = new Float64Array(domainCount * S);
  const touched = new Int32Array(domainCount);
  const isTouched = new Uint8Array(domainCount);
  let touchedCount = 0;
  const overCodes = over.map((g) => (allKept ? g.codes : sub(g.codes)));
  const timeCodes = time ? (allKept ? time.codes : sub(time.codes)) : undefined;
  const deprived = table.deprived;
  const poorAt = new Uint8Array(K);

  const flush = (h: number) => {
    for (let t = 0; t < touchedCount; t++) {
      const dom = touched[t]!;
      const b = dom * S;
      const f = (h * domainCount + dom) * S;
      for (let s = 0; s < S; s++) first[f + s]! += buffer[b + s]!;
      const m0 = (h * domainCount + dom) * M;
      const X = buffer[b]!;
      second[m0]! += X * X;
      for (let j = 0; j < J; j++) {
        const u = buffer[b + lay.U(j)]!;
        if (u === 0) continue;
        second[m0 + lay.mUX(j)]! += u * X;
        second[m0 + lay.mUU(j)]! += u * u;
      }
      for (let m = 0; m < K; m++) {
        const q = buffer[b + lay.Q(m)]!;
        if (q === 0) continue;
        const c = buffer[b + lay.C(m)]!;
        second[m0 + lay.mQX(m)]! += q * X;
        second[m0 + lay.mQQ(m)]! += q * q;
        second[m0 + lay.mCX(m)]! += c * X;
        second[m0 + lay.mCC(m)]! += c * c;
        second[m0 + lay.mCQ(m)]! += c * q;
        for (let j = 0; j < J; j++) {
          const kk = buffer[b + lay.Kj(m, j)]!;
          if (kk === 0) continue;
          second[m0 + lay.mKX(m, j)]! += kk * X;
          second[m0 + lay.mKK(m, j)]! += kk * kk;
        }
      }
    }
    // Cross products of the same subgroup in consecutive rounds, within this PSU.
    if (pairCount > 0) {
      for (let t = 0; t < touchedCount; t++) {
        const dom = touched[t]!;
        const r1 = Math.floor(dom / G);
        const pos = positionOf[r1]!;
        if (pos + 1 >= roundCount) continue;
        const r2 = roundOrder[pos + 1]!;
        const dom2 = r2 * G + (dom % G);
        if (!isTouched[dom2]) continue;
        const a = dom * S;
        const b = dom2 * S;
        const c0 = (h * Math.max(1, pairCount * G) + pos * G + (dom % G)) * lay.P;
        const X1 = buffer[a]!;
        const X2 = buffer[b]!;
        cross[c0]! += X1 * X2;
        for (let m = 0; m < K; m++) {
          const Q1 = buffer[a + lay.Q(m)]!;
          const Q2 = buffer[b + lay.Q(m)]!;
          const C1 = buffer[a + lay.C(m)]!;
          const C2 = buffer[b + lay.C(m)]!;
          const o = c0 + 1 + 8 * m;
          cross[o]! += C1 * C2;
          cross[o + 1]! += C1 * X2;
          cross[o + 2]! += X1 * C2;
          cross[o + 3]! += Q1 * Q2;
          cross[o + 4]! += Q1 * X2;
          cross[o + 5]! += X1 * Q2;
          cross[o + 6]! += C1 * Q2;
          cross[o + 7]! += Q1 * C2;
        }
      }
    }
    for (let t = 0; t < touchedCount; t++) {
      const dom = touched[t]!;
      buffer.fill(0, dom * S, dom * S + S);
      isTouched[dom] = 0;
    }
    touchedCount = 0;
  };

  // The current row's deprivations (indicator numbers), and the offsets of its statistics.
  const depList = new Int32Array(J);
  let depCount = 0;
  const offU = Int32Array.from({ length: J }, (_, j) => lay.U(j));
  const offQ = Int32Array.from({ length: K }, (_, m) => lay.Q(m));
  const add = (dom: number, w: number, s: number) => {
    if (!isTouched[dom]) {
      isTouched[dom] = 1;
      touched[touchedCount++] = dom;
    }
    units[dom]!++;
    const b = dom * S;
    buffer[b]! += w;
    for (let t = 0; t < depCount; t++) buffer[b + offU[depList[t]!]!]! += w;
    for (let m = 0; m < K; m++) {
      if (!poorAt[m]) continue;
      const q = b + offQ[m]!;
      buffer[q]! += w;
      buffer[q + 1]! += w * s;
      for (let t = 0; t < depCount; t++) buffer[q + 2 + depList[t]!]! += w;
    }
  };

  let current = -1;
  for (let at = 0; at < n; at++) {
    const r = order[at]!;
    const p = psuOf[r]!;
    if (p !== current) {
      if (current >= 0) flush(design.stratumOfPsu[current]!);
      current = p;
    }
    const i = rowOf(r);
    let s = 0;
    depCount = 0;
    for (let j = 0; j < J; j++) {
      if (deprived[j]![i] === 1) {
        s += unit[j]!;
        depList[depCount++] = j;
      }
    }
    for (let m = 0; m < K; m++) poorAt[m] = s >= threshold[m]! ? 1 : 0;
    const w = omega[i]!;
    const round = timeCodes ? timeCodes[r]! : 0;
    psuRound[p * roundCount + round] = 1;
    const base = round * G;
    add(base, w, s);
    for (let g = 0; g < over.length; g++) add(base + loaBase[g]! + overCodes[g]![r]!, w, s);
  }
  if (current >= 0) flush(design.stratumOfPsu[current]!);

  // PSUs per stratum: per round, and over all rounds; the lonely-PSU rule per round.
  const perRound = Array.from({ length: roundCount }, () => new Int32Array(strataCount));
  const pooled = new Int32Array(strataCount);
  for (let p = 0; p < design.psuCount; p++) {
    const h = design.stratumOfPsu[p]!;
    let any = false;
    for (let r = 0; r < roundCount; r++) {
      if (psuRound[p * roundCount + r]) {
        perRound[r]![h]!++;
        any = true;
      }
    }
    if (any) pooled[h]!++;
  }
  // The finite population correction per stratum: a population of PSUs (> 1) or a sampling fraction (≤ 1), one per stratum.
  const fpcOfStratum = new Float64Array(strataCount).fill(NaN);
  if (table.fpc) {
    for (let r = 0; r < n; r++) {
      const h = design.stratumOfPsu[psuOf[r]!]!;
      const v = table.fpc[rowOf(r)]!;
      if (Number.isNaN(fpcOfStratum[h]!)) fpcOfStratum[h] = v;
      else if (fpcOfStratum[h] !== v) fail('INVALID_FIELD', ['rows', rowName(rowOf(r)), plan.columns.fpc!], `row ${rowName(rowOf(r))}: the finite population correction ${v} differs from ${fpcOfStratum[h]} in earlier rows of stratum ${JSON.stringify(design.strata[h])}; it is one figure per stratum`, v);
    }
  }
  const fpcFactor = (h: number, count: number, pooledRounds = false) => {
    const v = fpcOfStratum[h]!;
    // Changes between rounds: no correction (the rounds' samples are not one draw from the population).
    if (Number.isNaN(v) || pooledRounds) return 1;
    if (v <= 1) return 1 - v;
    if (v < count) fail('INVALID_FIELD', ['strata', design.strata[h]!], `stratum ${JSON.stringify(design.strata[h])} has ${count} PSUs in the sample but a population of ${v}`, v);
    return (v - count) / v;
  };
  const dfOf = (counts: Int32Array) => {
    let psus = 0;
    let strata = 0;
    for (let h = 0; h < strataCount; h++) {
      if (counts[h]! > 0) {
        psus += counts[h]!;
        strata++;
      }
    }
    return psus - strata;
  };
  const checkLonely = (counts: Int32Array, round: number | null) => {
    if (plan.lonelyPsu !== 'fail') return;
    for (let h = 0; h < strataCount; h++) {
      if (counts[h] === 1 && fpcFactor(h, 1) > 1e-7) {
        fail(
          'LONELY_PSU',
          ['strata', design.strata[h]!],
          `stratum ${JSON.stringify(design.strata[h])}${round === null ? '' : ` in round ${JSON.stringify(roundLabel(round))}`} has a single PSU, which gives no variance estimate: merge it with a neighbouring stratum, or choose lonelyPsu certainty (no contribution) or adjust (centred at the design's mean), as R's survey.lonely.psu`,
          design.strata[h],
        );
      }
    }
  };
  for (let r = 0; r < roundCount; r++) checkLonely(perRound[r]!, time ? r : null);
  const roundDf = perRound.map(dfOf);

  // Domain totals, and a ratio's variance from the moments: Σ_h c_h (S2_h − S1_h² / n_h).
  const total = (dom: number, s: number) => {
    let sum = 0;
    for (let h = 0; h < strataCount; h++) sum += first[(h * domainCount + dom) * S + s]!;
    return sum;
  };
  /** Variance of scale·A/B in a domain, from stat indices and their moment indices, over the PSU counts given. */
  const ratioVariance = (dom: number, a: number, bIdx: number, mAA: number, mAB: number, mBB: number, counts: Int32Array): number => {
    const A = total(dom, a);
    const B = total(dom, bIdx);
    if (B === 0) return NaN;
    const R = A / B;
    let v = 0;
    for (let h = 0; h < strataCount; h++) {
      const nh = counts[h]!;
      if (nh === 0) continue;
      const f = (h * domainCount + dom) * S;
      const m0 = (h * domainCount + dom) * M;
      const s1 = (first[f + a]! - R * first[f + bIdx]!) / B;
      const s2 = (second[m0 + mAA]! - 2 * R * second[m0 + mAB]! + R * R * second[m0 + mBB]!) / (B * B);
      const fp = fpcFactor(h, nh);
      if (nh > 1) v += ((fp * nh) / (nh - 1)) * (s2 - (s1 * s1) / nh);
      else if (plan.lonelyPsu === 'adjust') v += fp * s2;
    }
    return Math.max(0, v);
  };

  const level = plan.level;
  const exactRatio = (num: number, den: number, scale: Fraction = ONE): Fraction | undefined => {
    if (!exactMode || den === 0) return undefined;
    return new Fraction(BigInt(num), BigInt(den)).mul(scale);
  };
  const Lf = new Fraction(1n, L);
  const withInterval = (estimate: number, se: number, df: number, exactValue?: Fraction): AfEstimate => {
    if (!Number.isFinite(estimate)) return NONE;
    const ci = logitInterval(estimate, se, df, level);
    return { estimate, ...(exactValue ? { exact: exactValue.toFraction() } : {}), se, lower: ci.lower, upper: ci.upper };
  };
  const point = (estimate: number, exactValue?: Fraction): AfEstimate =>
    Number.isFinite(estimate) ? { estimate, ...(exactValue ? { exact: exactValue.toFraction() } : {}), se: null, lower: null, upper: null } : NONE;
  const valueOf = (num: number, den: number, scale: Fraction = ONE) => {
    const f = exactRatio(num, den, scale);
    return { f, v: f ? toDouble(f) : den === 0 ? NaN : (num / den) * toDouble(scale) };
  };

  // Levels.
  const levels: AfLevel[] = [];
  const loas = [{ name: 'nat', labels: ['nat'], base: 0 }, ...over.map((g, k) => ({ name: plan.columns.over![k]!, labels: g.labels, base: loaBase[k]! }))];
  for (const r of roundOrder) {
    const counts = perRound[r]!;
    const df = roundDf[r]!;
    for (const loa of loas) {
      loa.labels.forEach((label, g) => {
        const dom = r * G + loa.base + g;
        if (units[dom] === 0) return;
        const X = total(dom, 0);
        const hd = indicators.map((id, j) => {
          const { f, v } = valueOf(total(dom, lay.U(j)), X);
          return { indicator: id, hd: withInterval(v, Math.sqrt(ratioVariance(dom, lay.U(j), 0, lay.mUU(j), lay.mUX(j), 0, counts)), df, f) };
        });
        const cutoffs = plan.cutoffs.map((c, m) => {
          const Q = total(dom, lay.Q(m));
          const C = total(dom, lay.C(m));
          const Hv = valueOf(Q, X);
          const M0v = valueOf(C, X, Lf);
          const Av = valueOf(C, Q, Lf);
          const H = withInterval(Hv.v, Math.sqrt(ratioVariance(dom, lay.Q(m), 0, lay.mQQ(m), lay.mQX(m), 0, counts)), df, Hv.f);
          const M0 = withInterval(M0v.v, Math.sqrt(ratioVariance(dom, lay.C(m), 0, lay.mCC(m), lay.mCX(m), 0, counts)) / Ln, df, M0v.f);
          const A = Q === 0 ? NONE : withInterval(Av.v, Math.sqrt(ratioVariance(dom, lay.C(m), lay.Q(m), lay.mCC(m), lay.mCQ(m), lay.mQQ(m), counts)) / Ln, df, Av.f);
          const ind = indicators.map((id, j) => {
            const Kt = total(dom, lay.Kj(m, j));
            const hdkV = valueOf(Kt, X);
            const hdk = withInterval(hdkV.v, Math.sqrt(ratioVariance(dom, lay.Kj(m, j), 0, lay.mKK(m, j), lay.mKX(m, j), 0, counts)), df, hdkV.f);
            const actbV = valueOf(Kt, X, weights[j]!);
            // pctb = w_j·hdk / M0 = u_j·K / C (u_j the weight in units of 1/L).
            const pctbV = valueOf(unit[j]! * Kt, C);
            return { indicator: id, hdk, actb: point(actbV.v, actbV.f), pctb: C === 0 ? NONE : point(pctbV.v, pctbV.f) };
          });
          const dimensions = plan.dimensions.map((dim) => {
            let num = 0;
            indicators.forEach((_, j) => {
              if (plan.dimensionOf[j] === dim) num += unit[j]! * total(dom, lay.Kj(m, j));
            });
            const v = valueOf(num, C);
            return { dimension: dim, contribution: C === 0 ? NONE : point(v.v, v.f) };
          });
          return { k: c.label, H, A, M0, indicators: ind, dimensions };
        });
        levels.push({ round: roundLabel(r), loa: loa.name, subgroup: label, units: units[dom]!, weight: X / weightScale, df, hd, cutoffs });
      });
    }
  }

  // Changes between consecutive rounds, over the pooled design.
  const changes: AfChange[] = [];
  for (let pos = 0; pos + 1 < roundOrder.length; pos++) {
    const r1 = roundOrder[pos]!;
    const r2 = roundOrder[pos + 1]!;
    const T = years![r2]! - years![r1]!;
    const Tf = toFraction(T, ['year'], 'years between rounds');
    for (const loa of loas) {
      loa.labels.forEach((label, g) => {
        const d1 = r1 * G + loa.base + g;
        const d2 = r2 * G + loa.base + g;
        if (units[d1] === 0 || units[d2] === 0) return;
        const pair = (pos * G + loa.base + g) * lay.P;
        plan.cutoffs.forEach((c, m) => {
          // measure: [numerator stat, denominator stat, moments AA, AB, BB, cross A1A2, A1B2, B1A2, B1B2, scale]
          const specs: [AfChange['measure'], number, number, number, number, number, number, number, number, number, Fraction][] = [
            ['M0', lay.C(m), 0, lay.mCC(m), lay.mCX(m), 0, 1 + 8 * m, 2 + 8 * m, 3 + 8 * m, 0, Lf],
            ['H', lay.Q(m), 0, lay.mQQ(m), lay.mQX(m), 0, 4 + 8 * m, 5 + 8 * m, 6 + 8 * m, 0, ONE],
            ['A', lay.C(m), lay.Q(m), lay.mCC(m), lay.mCQ(m), lay.mQQ(m), 1 + 8 * m, 7 + 8 * m, 8 + 8 * m, 4 + 8 * m, Lf],
          ];
          for (const [measure, a, b, mAA, mAB, mBB, cAA, cAB, cBA, cBB, scale] of specs) {
            const A1 = total(d1, a);
            const B1 = total(d1, b);
            const A2 = total(d2, a);
            const B2 = total(d2, b);
            if (B1 === 0 || B2 === 0) continue;
            const v1 = valueOf(A1, B1, scale);
            const v2 = valueOf(A2, B2, scale);
            const R1 = A1 / B1;
            const R2 = A2 / B2;
            // Var(e1), Var(e2), Cov(e1, e2) over the pooled design (in units of the ratio A/B).
            let var1 = 0;
            let var2 = 0;
            let cov = 0;
            for (let h = 0; h < strataCount; h++) {
              const nh = pooled[h]!;
              if (nh === 0) continue;
              const f1 = (h * domainCount + d1) * S;
              const f2 = (h * domainCount + d2) * S;
              const m1 = (h * domainCount + d1) * M;
              const m2 = (h * domainCount + d2) * M;
              const s1a = (first[f1 + a]! - R1 * first[f1 + b]!) / B1;
              const s1b = (first[f2 + a]! - R2 * first[f2 + b]!) / B2;
              const s2a = (second[m1 + mAA]! - 2 * R1 * second[m1 + mAB]! + R1 * R1 * second[m1 + mBB]!) / (B1 * B1);
              const s2b = (second[m2 + mAA]! - 2 * R2 * second[m2 + mAB]! + R2 * R2 * second[m2 + mBB]!) / (B2 * B2);
              const cx = h * Math.max(1, pairCount * G) * lay.P + pair;
              // Σ z1 z2 = Σ (A1 − R1 B1)(A2 − R2 B2) / (B1 B2); the denominators' own product is X1X2 when b is X (index 0).
              const bb = cross[cx + cBB]!;
              const s12 = (cross[cx + cAA]! - R2 * cross[cx + cAB]! - R1 * cross[cx + cBA]! + R1 * R2 * bb) / (B1 * B2);
              const fp = fpcFactor(h, nh, true);
              if (nh > 1) {
                const c0 = (fp * nh) / (nh - 1);
                var1 += c0 * (s2a - (s1a * s1a) / nh);
                var2 += c0 * (s2b - (s1b * s1b) / nh);
                cov += c0 * (s12 - (s1a * s1b) / nh);
              } else if (plan.lonelyPsu === 'adjust') {
                var1 += fp * s2a;
                var2 += fp * s2b;
                cov += fp * s12;
              }
            }
            const k2 = toDouble(scale) ** 2;
            var1 *= k2;
            var2 *= k2;
            cov *= k2;
            const e1 = v1.v;
            const e2 = v2.v;
            const se = (g1: number, g2: number) => Math.sqrt(Math.max(0, g1 * g1 * var1 + g2 * g2 * var2 + 2 * g1 * g2 * cov));
            const normal = (estimate: number, s: number, ex?: Fraction): AfEstimate => {
              if (!Number.isFinite(estimate) || !Number.isFinite(s)) return NONE;
              // Where the change is exact, its double is the nearest to the exact value.
              const value = ex ? toDouble(ex) : estimate;
              const ci = tInterval(value, s, Infinity, level);
              return { estimate: value, ...(ex ? { exact: ex.toFraction() } : {}), se: s, lower: ci.lower, upper: ci.upper };
            };
            const absF = v1.f && v2.f ? v2.f.sub(v1.f) : undefined;
            const abs = normal(e2 - e1, se(-1, 1), absF);
            const rel = e1 === 0 ? NONE : normal(100 * (e2 / e1 - 1), se((-100 * e2) / (e1 * e1), 100 / e1), v1.f && v2.f ? v2.f.div(v1.f).sub(1).mul(100) : undefined);
            const absAnnualised = normal((e2 - e1) / T, se(-1 / T, 1 / T), absF ? absF.div(Tf) : undefined);
            let relAnnualised = NONE;
            if (e1 > 0 && e2 >= 0) {
              const growth = Math.pow(e2 / e1, 1 / T);
              // d/de2 = 100 g / (T e2), d/de1 = −100 g / (T e1), g = (e2/e1)^(1/T).
              relAnnualised = normal(100 * (growth - 1), e2 === 0 ? NaN : se((-100 * growth) / (T * e1), (100 * growth) / (T * e2)));
            }
            changes.push({
              measure,
              k: c.label,
              loa: loa.name,
              subgroup: label,
              from: { round: roundLabel(r1)!, year: years![r1]! },
              to: { round: roundLabel(r2)!, year: years![r2]! },
              abs,
              rel,
              absAnnualised,
              relAnnualised,
            });
          }
        });
      });
    }
  }

  return {
    indicators: indicators.map((id, j) => ({ id, dimension: plan.dimensionOf[j]!, weight: exact(weights[j]!) })),
    k: plan.cutoffs.map((c) => ({ k: c.label, value: exact(c.value) })),
    level,
    units: rows,
    dropped,
    exact: exactMode,
    unusedColumns: table.unusedColumns ?? [],
    levels,
    changes,
    rows: tidyRows(levels, changes),
  };
}

const ONE = new Fraction(1);

/** Safe twin of {@link estimateAfInference}: never throws. */
export function safeEstimateAfInference(table: AfTable, plan: AfPlan): SafeResult<AfInference> {
  return toSafe(() => estimateAfInference(table, plan));
}

function levelRow(measure: AfRow['measure'], indicator: string | null, k: string | null, l: AfLevel, e: AfEstimate): AfRow {
  return { measure, indicator, k, loa: l.loa, subgroup: l.subgroup, round: l.round, change: null, annualised: null, from: null, to: null, ...e };
}

/** The tidy table of levels and changes: one row per estimate, in mpitbR's order (measure by measure). */
function tidyRows(levels: readonly AfLevel[], changes: readonly AfChange[]): AfRow[] {
  const rows: AfRow[] = [];
  const ks = levels[0]?.cutoffs.map((c) => c.k) ?? [];
  for (const [m, k] of ks.entries()) {
    for (const measure of ['M0', 'H', 'A'] as const) for (const l of levels) rows.push(levelRow(measure, null, k, l, l.cutoffs[m]![measure]));
  }
  for (const l of levels) for (const h of l.hd) rows.push(levelRow('hd', h.indicator, null, l, h.hd));
  for (const measure of ['hdk', 'actb', 'pctb'] as const) {
    for (const [m, k] of ks.entries()) for (const l of levels) for (const i of l.cutoffs[m]!.indicators) rows.push(levelRow(measure, i.indicator, k, l, i[measure]));
  }
  for (const c of changes) {
    const base = { measure: c.measure, indicator: null, k: c.k, loa: c.loa, subgroup: c.subgroup, round: null, from: String(c.from.year), to: String(c.to.year) };
    rows.push({ ...base, change: 'abs', annualised: 0, ...c.abs });
    rows.push({ ...base, change: 'rel', annualised: 0, ...c.rel });
    rows.push({ ...base, change: 'abs', annualised: 1, ...c.absAnnualised });
    rows.push({ ...base, change: 'rel', annualised: 1, ...c.relAnnualised });
  }
  return rows;
}
