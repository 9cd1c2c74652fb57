/**
 * Variance under a survey design, by Taylor linearisation, as R's `survey` package computes it
 * for a one-stage (with-replacement) design: sampling weights, strata, primary sampling units
 * (PSUs) and an optional finite population correction.
 *
 * An estimator is linearised into one value per PSU (the PSU's total of the estimator's
 * influence values); the variance of the estimator is then
 *
 *     V = Σ_h (1 − f_h) · n_h / (n_h − 1) · Σ_i (z_hi − z̄_h)²
 *
 * over strata h with n_h PSUs, PSU totals z_hi and their stratum mean z̄_h, and sampling fraction
 * f_h (0 without a finite population correction). A covariance is the same sum of cross
 * products. Degrees of freedom are PSUs − strata. A domain (subgroup) keeps every PSU of the
 * design, with zeros outside the domain, so that its variance counts the randomness of the
 * domain's size. Sums are compensated (Neumaier).
 *
 * A stratum with a single PSU has no variance estimate of its own: it is an error naming the
 * stratum (`LONELY_PSU`), unless `lonelyPsu` says what to do, as R's `survey.lonely.psu`:
 * `certainty` (the PSU is taken with certainty: no contribution) or `adjust` (its total is
 * centred at the mean of all PSU totals of the design instead of its stratum's).
 *
 * @module
 */
import { fail, toSafe, type SafeResult } from '../errors.js';
import { show } from './exact.js';
import { addCompensated, CompensatedSum } from './compensated-sum.js';
import { logitInterval, tInterval, type Interval } from './logit-interval.js';

/** What to do with a stratum that has a single PSU (R's `survey.lonely.psu`). */
export type LonelyPsu = 'fail' | 'certainty' | 'adjust';

/** A column of names held as numbers: `labels[codes[i]]` is row i's name (a compact form for large surveys). */
export interface CodedColumn {
  readonly codes: Int32Array;
  readonly labels: readonly string[];
}

/** A survey design, as columns of equal length (one entry per row). */
export interface DesignInput {
  /** Sampling weights (≥ 0; default 1 each). */
  readonly weights?: ArrayLike<number>;
  /** Stratum of each row (default: one stratum). */
  readonly strata?: ArrayLike<string | number> | CodedColumn;
  /** Primary sampling unit of each row (default: each row its own PSU). */
  readonly psu?: ArrayLike<string | number> | CodedColumn;
  /**
   * Finite population correction per row, constant within a stratum: the number of PSUs of the
   * stratum's population (> 1), or the sampling fraction (≤ 1), as R's `fpc`.
   */
  readonly fpc?: ArrayLike<number>;
  /** PSU ids repeat across strata and name different PSUs (R's `nest = TRUE`). Default false: a PSU id in two strata is an error. */
  readonly nest?: boolean;
  /** Default `fail`. */
  readonly lonelyPsu?: LonelyPsu;
  /** The number of rows, when no column gives it (weights, strata and PSUs all default). */
  readonly rows?: number;
}

/** A survey design, checked and indexed: PSUs numbered, each in one stratum. */
export interface SurveyDesign {
  readonly rows: number;
  readonly weights: Float64Array;
  /** PSU number of each row. */
  readonly psuOfRow: Int32Array;
  readonly psuCount: number;
  /** Stratum number of each PSU. */
  readonly stratumOfPsu: Int32Array;
  /** Stratum names, by number. */
  readonly strata: readonly string[];
  /** PSUs of the design (1) among all numbered (a design restricted to rows keeps the numbering). */
  readonly active: Uint8Array;
  /** Active PSUs per stratum. */
  readonly psuPerStratum: Int32Array;
  /** Finite population correction per stratum: `1 − f_h` (1 without a correction). */
  readonly fpcFactor: Float64Array;
  readonly lonelyPsu: LonelyPsu;
  /** Degrees of freedom: active PSUs − strata with an active PSU. */
  readonly df: number;
  /** Stratum populations as given (NaN where none): a restriction recomputes the fraction. */
  readonly stratumPopulation: Float64Array;
}

const lonelyRules: readonly string[] = ['fail', 'certainty', 'adjust'];

function isCoded(column: unknown): column is CodedColumn {
  return typeof column === 'object' && column !== null && (column as CodedColumn).codes instanceof Int32Array && Array.isArray((column as CodedColumn).labels);
}

function columnLength(column: ArrayLike<unknown> | CodedColumn): number {
  return isCoded(column) ? column.codes.length : column.length;
}

function lengthOf(input: DesignInput): number {
  for (const key of ['weights', 'strata', 'psu', 'fpc'] as const) {
    const column: unknown = input[key];
    if (column !== undefined && !Array.isArray(column) && !ArrayBuffer.isView(column) && !isCoded(column)) {
      fail('INVALID_OPTIONS', [key], `${key}: expected a list with one value per row, received ${show(column)}`, column);
    }
  }
  for (const key of ['weights', 'strata', 'psu', 'fpc'] as const) {
    const column = input[key];
    if (column !== undefined) return columnLength(column);
  }
  if (input.rows === undefined || !Number.isInteger(input.rows) || input.rows < 0) return fail('INVALID_OPTIONS', ['rows'], `rows: expected a whole number ≥ 0 when no column is given, received ${show(input.rows)}`, input.rows);
  return input.rows;
}

function labelOf(value: unknown, key: string, i: number): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value;
  return fail('MISSING_VALUE', [key, i], `${key}[${i}]: expected a ${key === 'strata' ? 'stratum' : 'PSU'} name or number, received ${value === '' ? 'a blank value' : show(value)}`, value);
}

/**
 * Checks and indexes a survey design.
 *
 * @throws {ChuanNgheoError} `INVALID_OPTIONS` for columns of different lengths, a negative or
 * non-finite weight, a PSU in two strata without `nest`, a finite population correction that
 * varies within a stratum or is below the stratum's PSUs; `MISSING_VALUE` for a blank stratum or
 * PSU; `LONELY_PSU` for a stratum with one PSU under the default rule (the message names it).
 * @example
 * const d = surveyDesign({ weights: [2, 2, 3, 3], strata: ['a', 'a', 'b', 'b'], psu: [1, 2, 3, 4] });
 * d.df //=> 2
 */
export function surveyDesign(input: DesignInput): SurveyDesign {
  if (typeof input !== 'object' || input === null) return fail('INVALID_OPTIONS', [], `design: expected an object with weights, strata, psu, fpc, received ${show(input)}`, input);
  const rows = lengthOf(input);
  for (const key of ['weights', 'strata', 'psu', 'fpc'] as const) {
    const column = input[key];
    if (column !== undefined && columnLength(column) !== rows) fail('INVALID_OPTIONS', [key], `${key} has ${columnLength(column)} values for ${rows} rows`, columnLength(column));
  }
  const lonelyPsu = input.lonelyPsu ?? 'fail';
  if (!lonelyRules.includes(lonelyPsu)) fail('INVALID_OPTIONS', ['lonelyPsu'], `lonelyPsu: expected fail, certainty or adjust, received ${JSON.stringify(lonelyPsu)}`, lonelyPsu);
  const weights = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const w = input.weights === undefined ? 1 : input.weights[i]!;
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) fail('INVALID_OPTIONS', ['weights', i], `weights[${i}]: expected a finite number ≥ 0, received ${show(w)}`, w);
    weights[i] = w;
  }
  // Strata and PSUs numbered in order of appearance; a coded column is read through its codes.
  const strataIndex = new Map<string, number>();
  const strataOfRow = new Int32Array(rows);
  const strataInput = input.strata;
  if (strataInput !== undefined) {
    const coded = isCoded(strataInput) ? strataInput : undefined;
    const byCode = coded ? new Int32Array(coded.labels.length).fill(-1) : undefined;
    for (let i = 0; i < rows; i++) {
      let h: number | undefined;
      if (coded) {
        const c = coded.codes[i]!;
        h = byCode![c]!;
        if (h < 0) {
          const label = labelOf(coded.labels[c], 'strata', i);
          h = strataIndex.get(label);
          if (h === undefined) strataIndex.set(label, (h = strataIndex.size));
          byCode![c] = h;
        }
      } else {
        const label = labelOf((strataInput as ArrayLike<unknown>)[i], 'strata', i);
        h = strataIndex.get(label);
        if (h === undefined) strataIndex.set(label, (h = strataIndex.size));
      }
      strataOfRow[i] = h;
    }
  } else strataIndex.set('(all)', 0);
  const psuInput = input.psu;
  const codedPsu = psuInput !== undefined && isCoded(psuInput) ? psuInput : undefined;
  const psuIndex = new Map<string | number, number>();
  const psuOfRow = new Int32Array(rows);
  const stratumList: number[] = [];
  const strataNames = () => [...strataIndex.keys()];
  // Without PSUs each row is its own: numbered as the rows.
  for (let i = 0; psuInput === undefined && i < rows; i++) {
    psuOfRow[i] = i;
    stratumList.push(strataOfRow[i]!);
  }
  for (let i = 0; psuInput !== undefined && i < rows; i++) {
    const h = strataOfRow[i]!;
    let key: string | number;
    let name: string;
    if (codedPsu) {
      const c = codedPsu.codes[i]!;
      key = input.nest ? h * codedPsu.labels.length + c : c;
      name = codedPsu.labels[c]!;
    } else {
      name = labelOf((psuInput as ArrayLike<unknown>)[i], 'psu', i);
      key = input.nest ? `${h}\u0000${name}` : name;
    }
    let p = psuIndex.get(key);
    if (p === undefined) {
      if (codedPsu) labelOf(name, 'psu', i);
      psuIndex.set(key, (p = psuIndex.size));
      stratumList.push(h);
    } else if (stratumList[p] !== h) {
      fail('INVALID_OPTIONS', ['psu', i], `psu ${JSON.stringify(name)} is in stratum ${JSON.stringify(strataNames()[stratumList[p]!])} and in stratum ${JSON.stringify(strataNames()[h])} (row ${i}): PSU ids that repeat across strata name different PSUs only with nest: true`, name);
    }
    psuOfRow[i] = p;
  }
  const strataCount = strataIndex.size;
  const population = new Float64Array(strataCount).fill(NaN);
  const fraction = new Float64Array(strataCount).fill(NaN);
  if (input.fpc !== undefined) {
    for (let i = 0; i < rows; i++) {
      const v = input.fpc[i]!;
      const h = strataOfRow[i]!;
      if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) fail('INVALID_OPTIONS', ['fpc', i], `fpc[${i}]: expected a population count of PSUs (> 1) or a sampling fraction (≤ 1), received ${show(v)}`, v);
      const slot = v <= 1 ? fraction : population;
      const other = v <= 1 ? population : fraction;
      if ((!Number.isNaN(slot[h]!) && slot[h] !== v) || !Number.isNaN(other[h]!)) {
        fail('INVALID_OPTIONS', ['fpc', i], `fpc[${i}] is ${v}, another value than earlier rows of stratum ${JSON.stringify([...strataIndex.keys()][h])}: the correction is one figure per stratum`, v);
      }
      slot[h] = v;
    }
    // A sampling fraction is a population of n_h / f_h PSUs.
  }
  const design: SurveyDesign = build({
    rows,
    weights,
    psuOfRow,
    psuCount: stratumList.length,
    stratumOfPsu: Int32Array.from(stratumList),
    strata: [...strataIndex.keys()],
    active: new Uint8Array(stratumList.length).fill(1),
    lonelyPsu,
    stratumPopulation: population,
    fractions: fraction,
  });
  return design;
}

/** A design before its counts: what {@link build} derives (PSUs per stratum, corrections, degrees of freedom) left out. */
interface Parts extends Omit<SurveyDesign, 'psuPerStratum' | 'fpcFactor' | 'df'> {
  /** Sampling fractions as given (NaN where none). */
  readonly fractions?: Float64Array;
}

/** Counts the active PSUs per stratum, the corrections and degrees of freedom; checks lonely PSUs. */
function build(parts: Parts): SurveyDesign {
  const strataCount = parts.strata.length;
  const psuPerStratum = new Int32Array(strataCount);
  for (let p = 0; p < parts.psuCount; p++) if (parts.active[p]) psuPerStratum[parts.stratumOfPsu[p]!]!++;
  const fpcFactor = new Float64Array(strataCount).fill(1);
  const population = Float64Array.from(parts.stratumPopulation);
  let strataUsed = 0;
  let psus = 0;
  for (let h = 0; h < strataCount; h++) {
    const n = psuPerStratum[h]!;
    if (n === 0) continue;
    strataUsed++;
    psus += n;
    const given = parts.fractions?.[h];
    if (given !== undefined && !Number.isNaN(given)) population[h] = n / given;
    const big = population[h]!;
    if (!Number.isNaN(big)) {
      if (big < n - 1e-9) fail('INVALID_OPTIONS', ['fpc'], `fpc: stratum ${JSON.stringify(parts.strata[h])} has ${n} PSUs in the sample but a population of ${big}`, big);
      fpcFactor[h] = Math.max(0, (big - n) / big);
    }
    if (n === 1 && parts.lonelyPsu === 'fail' && fpcFactor[h]! > 1e-7) {
      fail(
        'LONELY_PSU',
        ['strata', parts.strata[h]!],
        `stratum ${JSON.stringify(parts.strata[h])} has a single PSU, which gives no variance estimate: merge it with a neighbouring stratum, or choose lonelyPsu certainty (no contribution) or adjust (centred at the design's mean), as R's survey.lonely.psu`,
        parts.strata[h],
      );
    }
  }
  return {
    rows: parts.rows,
    weights: parts.weights,
    psuOfRow: parts.psuOfRow,
    psuCount: parts.psuCount,
    stratumOfPsu: parts.stratumOfPsu,
    strata: parts.strata,
    active: parts.active,
    psuPerStratum,
    fpcFactor,
    lonelyPsu: parts.lonelyPsu,
    df: psus - strataUsed,
    stratumPopulation: population,
  };
}

/**
 * The design of some rows only, such as one round of a survey repeated over time: its PSUs are
 * those with a row among them, its strata those with such a PSU, its degrees of freedom theirs.
 * (A domain is not a restriction: estimate it with `domain`, which keeps the design whole.)
 *
 * `restrictDesign(design, rounds.map((r) => r === 2018))` is the design of the 2018 round.
 *
 * @throws {ChuanNgheoError} `LONELY_PSU` when a stratum keeps a single PSU under the rule `fail`.
 */
export function restrictDesign(design: SurveyDesign, rows: ArrayLike<boolean | number>): SurveyDesign {
  checkColumn(design, rows, 'rows');
  const active = new Uint8Array(design.psuCount);
  for (let i = 0; i < design.rows; i++) if (rows[i]) active[design.psuOfRow[i]!] = 1;
  return build({ ...design, active, stratumPopulation: design.stratumPopulation });
}

/**
 * Totals per PSU of a row variable (compensated), optionally over a domain's rows only: rows of
 * PSUs `a, a, b` with values `1, 2, 3` give the totals `[3, 3]`.
 */
export function psuTotals(design: SurveyDesign, values: ArrayLike<number>, domain?: ArrayLike<boolean | number>): Float64Array {
  const sums = new Float64Array(design.psuCount);
  const carries = new Float64Array(design.psuCount);
  for (let i = 0; i < design.rows; i++) {
    if (domain !== undefined && !domain[i]) continue;
    addCompensated(sums, carries, design.psuOfRow[i]!, values[i]!);
  }
  for (let p = 0; p < sums.length; p++) sums[p]! += carries[p]!;
  return sums;
}

/**
 * The design covariance of two linearised estimators given by their PSU totals (the variance
 * when `b` is `a` or absent): `Σ_h (1 − f_h) n_h/(n_h − 1) Σ_i (a_hi − ā_h)(b_hi − b̄_h)`.
 *
 * For one stratum with PSUs p and q of totals 1 and 3, the variance is
 * 2/(2 − 1) · ((1 − 2)² + (3 − 2)²) = 4.
 */
export function designCovariance(design: SurveyDesign, a: ArrayLike<number>, b: ArrayLike<number> = a): number {
  const strataCount = design.strata.length;
  const sumA = new Float64Array(strataCount);
  const sumB = new Float64Array(strataCount);
  const carryA = new Float64Array(strataCount);
  const carryB = new Float64Array(strataCount);
  const grandA = new CompensatedSum();
  const grandB = new CompensatedSum();
  let psus = 0;
  for (let p = 0; p < design.psuCount; p++) {
    if (!design.active[p]) continue;
    const h = design.stratumOfPsu[p]!;
    addCompensated(sumA, carryA, h, a[p]!);
    addCompensated(sumB, carryB, h, b[p]!);
    grandA.add(a[p]!);
    grandB.add(b[p]!);
    psus++;
  }
  const meanA = new Float64Array(strataCount);
  const meanB = new Float64Array(strataCount);
  const adjustA = psus > 0 ? grandA.value() / psus : 0;
  const adjustB = psus > 0 ? grandB.value() / psus : 0;
  for (let h = 0; h < strataCount; h++) {
    const n = design.psuPerStratum[h]!;
    if (n === 1) {
      meanA[h] = adjustA;
      meanB[h] = adjustB;
    } else if (n > 1) {
      meanA[h] = (sumA[h]! + carryA[h]!) / n;
      meanB[h] = (sumB[h]! + carryB[h]!) / n;
    }
  }
  const total = new CompensatedSum();
  for (let p = 0; p < design.psuCount; p++) {
    if (!design.active[p]) continue;
    const h = design.stratumOfPsu[p]!;
    const n = design.psuPerStratum[h]!;
    // A lonely PSU: nothing under `certainty` (and `fail` has already stopped), its deviation from the design's mean under `adjust`.
    const scale = n > 1 ? (design.fpcFactor[h]! * n) / (n - 1) : design.lonelyPsu === 'adjust' ? design.fpcFactor[h]! : 0;
    if (scale === 0) continue;
    total.add(scale * (a[p]! - meanA[h]!) * (b[p]! - meanB[h]!));
  }
  return total.value();
}

/** A linearised estimate: the estimate, its standard error and degrees of freedom, and its influence totals per PSU. */
export interface DesignEstimate {
  /** NaN where the estimate does not exist (a domain of no weight, a ratio over zero). */
  readonly estimate: number;
  readonly se: number;
  readonly df: number;
  /** Influence totals per PSU (numbered as the design's): the estimate's linearisation. */
  readonly influence: Float64Array;
}

/** Options of the estimators: the domain (subgroup) of rows. */
export interface EstimateOptions {
  /** Rows of the domain (true / 1); default every row. */
  readonly domain?: ArrayLike<boolean | number>;
}

/** A list with one value per row of the design (an array or a typed array). */
function checkColumn(design: SurveyDesign, values: unknown, name: string): void {
  if (!Array.isArray(values) && !ArrayBuffer.isView(values)) fail('INVALID_OPTIONS', [name], `${name}: expected a list with one value per row, received ${show(values)}`, values);
  const length = (values as ArrayLike<unknown>).length;
  if (length !== design.rows) fail('INVALID_OPTIONS', [name], `${name} has ${length} values for a design of ${design.rows} rows`, length);
}

/** The domain option, checked. */
function domainOf(design: SurveyDesign, options: unknown): ArrayLike<boolean | number> | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) return fail('INVALID_OPTIONS', [], `options: expected an object such as { domain }, received ${show(options)}`, options);
  const domain = (options as EstimateOptions).domain;
  if (domain === undefined) return undefined;
  checkColumn(design, domain, 'domain');
  return domain;
}

/**
 * The ratio estimator `R = Σ w·y / Σ w·x` over the PSU totals of `w·y` and `w·x`, linearised:
 * the influence totals are `(Y_i − R·X_i) / X`. A mean is the ratio with x = 1; a domain's mean
 * the ratio with y and x set to 0 outside the domain.
 * The command line calls it with the PSU totals of `w·y` and `w·x` ({@link psuTotals}).
 */
export function ratioOfTotals(design: SurveyDesign, numerator: ArrayLike<number>, denominator: ArrayLike<number>): DesignEstimate {
  const num = new CompensatedSum();
  const den = new CompensatedSum();
  for (let p = 0; p < design.psuCount; p++) {
    if (!design.active[p]) continue;
    num.add(numerator[p]!);
    den.add(denominator[p]!);
  }
  const y = num.value();
  const x = den.value();
  const influence = new Float64Array(design.psuCount);
  if (x === 0) return { estimate: NaN, se: NaN, df: design.df, influence };
  const r = y / x;
  for (let p = 0; p < design.psuCount; p++) influence[p] = design.active[p] ? (numerator[p]! - r * denominator[p]!) / x : 0;
  return { estimate: r, se: Math.sqrt(Math.max(0, designCovariance(design, influence))), df: design.df, influence };
}

/**
 * The weighted mean of y (a proportion for a 0/1 variable), over the design or a domain, with its
 * linearised standard error (R: `svymean`, or `svyby` for a domain).
 *
 * @example
 * const design = surveyDesign({ weights: [2, 2, 3, 3], strata: ['a', 'a', 'b', 'b'], psu: [1, 2, 3, 4] });
 * const poor = designMean(design, [1, 0, 1, 1]);
 * poor.estimate //=> 0.8
 * poor.se //=> 0.2
 * poor.df //=> 2
 * // a domain (subgroup) keeps the whole design
 * designMean(design, [1, 0, 1, 1], { domain: [true, true, false, false] }).estimate //=> 0.5
 */
export function designMean(design: SurveyDesign, y: ArrayLike<number>, options: EstimateOptions = {}): DesignEstimate {
  return designRatio(design, y, undefined, options);
}

/**
 * The ratio `Σ w·y / Σ w·x` over the design or a domain, linearised (R: `svyratio`); without x,
 * the mean of y.
 *
 * @example
 * const r = designRatio(surveyDesign({ rows: 2 }), [1, 2], [2, 2]);
 * r.estimate //=> 0.75
 * r.se //=> 0.25
 */
export function designRatio(design: SurveyDesign, y: ArrayLike<number>, x?: ArrayLike<number>, options: EstimateOptions = {}): DesignEstimate {
  checkColumn(design, y, 'y');
  if (x !== undefined) checkColumn(design, x, 'x');
  const domain = domainOf(design, options);
  const w = design.weights;
  const wy = new Float64Array(design.rows);
  const wx = new Float64Array(design.rows);
  for (let i = 0; i < design.rows; i++) {
    const yi = y[i]!;
    const xi = x === undefined ? 1 : x[i]!;
    if (typeof yi !== 'number' || typeof xi !== 'number' || !Number.isFinite(yi) || !Number.isFinite(xi)) fail('MISSING_VALUE', [Number.isFinite(yi) ? 'x' : 'y', i], `row ${i}: expected a finite number, received ${show(Number.isFinite(yi) ? xi : yi)}`, Number.isFinite(yi) ? xi : yi);
    wy[i] = w[i]! * yi;
    wx[i] = w[i]! * xi;
  }
  return ratioOfTotals(design, psuTotals(design, wy, domain), psuTotals(design, wx, domain));
}

/**
 * The weighted total of y over the design or a domain, linearised (R: `svytotal`).
 *
 * @example
 * const t = designTotal(surveyDesign({ weights: [2, 3] }), [1, 1]);
 * t.estimate //=> 5
 * t.se //=> 1
 */
export function designTotal(design: SurveyDesign, y: ArrayLike<number>, options: EstimateOptions = {}): DesignEstimate {
  checkColumn(design, y, 'y');
  const domain = domainOf(design, options);
  const wy = new Float64Array(design.rows);
  for (let i = 0; i < design.rows; i++) {
    const yi = y[i]!;
    if (typeof yi !== 'number' || !Number.isFinite(yi)) fail('MISSING_VALUE', ['y', i], `row ${i}: expected a finite number, received ${show(yi)}`, yi);
    wy[i] = design.weights[i]! * yi;
  }
  const influence = psuTotals(design, wy, domain);
  const total = new CompensatedSum();
  for (let p = 0; p < design.psuCount; p++) if (design.active[p]) total.add(influence[p]!);
  return { estimate: total.value(), se: Math.sqrt(Math.max(0, designCovariance(design, influence))), df: design.df, influence };
}

/** A function of several estimates, with its standard error by the delta method. */
export interface DerivedEstimate {
  readonly estimate: number;
  readonly se: number;
}

/**
 * The standard error of `Σ c_j θ_j` (the gradient of a smooth function of estimates, for the
 * delta method) from the estimates' influence totals: `sqrt(cᵀ V c)`; with the coefficients
 * `[-1, 1]`, the standard error of the second estimate minus the first.
 */
export function linearCombinationSe(design: SurveyDesign, estimates: readonly DesignEstimate[], coefficients: readonly number[]): number {
  const combined = new Float64Array(design.psuCount);
  estimates.forEach((e, j) => {
    const c = coefficients[j]!;
    if (c === 0) return;
    for (let p = 0; p < design.psuCount; p++) combined[p]! += c * e.influence[p]!;
  });
  return Math.sqrt(Math.max(0, designCovariance(design, combined)));
}

/**
 * The difference `to − from` of two estimates of one design (two rounds, two domains), with the
 * covariance of the two where the same PSUs carry both.
 *
 * @example
 * // two rounds of one panel: PSUs a–d visited in 2018 and in 2022
 * const design = surveyDesign({ psu: ['a', 'b', 'c', 'd', 'a', 'b', 'c', 'd'] });
 * const poor = [1, 1, 0, 1, 1, 0, 0, 0];
 * const m2018 = designMean(design, poor, { domain: [1, 1, 1, 1, 0, 0, 0, 0] });
 * const m2022 = designMean(design, poor, { domain: [0, 0, 0, 0, 1, 1, 1, 1] });
 * const change = estimateDifference(design, m2018, m2022);
 * change.estimate //=> -0.5
 * Math.round(change.se * 1e6) / 1e6 //=> 0.288675
 */
export function estimateDifference(design: SurveyDesign, from: DesignEstimate, to: DesignEstimate): DerivedEstimate {
  return { estimate: to.estimate - from.estimate, se: linearCombinationSe(design, [from, to], [-1, 1]) };
}

/**
 * The ratio `to / from` of two estimates of one design, with its delta-method standard error
 * (gradient `(−to/from², 1/from)`).
 *
 * @example
 * const design = surveyDesign({ psu: ['a', 'b', 'c', 'd', 'a', 'b', 'c', 'd'] });
 * const poor = [1, 1, 0, 1, 1, 0, 0, 0];
 * const m2018 = designMean(design, poor, { domain: [1, 1, 1, 1, 0, 0, 0, 0] });
 * const m2022 = designMean(design, poor, { domain: [0, 0, 0, 0, 1, 1, 1, 1] });
 * const ratio = estimateRatio(design, m2018, m2022);
 * Math.round(ratio.estimate * 1e6) / 1e6 //=> 0.333333
 * Math.round(ratio.se * 1e6) / 1e6 //=> 0.31427
 */
export function estimateRatio(design: SurveyDesign, from: DesignEstimate, to: DesignEstimate): DerivedEstimate {
  const r = to.estimate / from.estimate;
  return { estimate: r, se: linearCombinationSe(design, [from, to], [-r / from.estimate, 1 / from.estimate]) };
}

/**
 * The t interval of an estimate with its design's degrees of freedom, such as
 * `confidenceInterval(designMean(design, y), 0.95)`.
 */
export function confidenceInterval(estimate: { estimate: number; se: number; df: number }, level = 0.95): Interval {
  return tInterval(estimate.estimate, estimate.se, estimate.df, level);
}

/**
 * The logit interval of a proportion (R's `svyciprop` default) with its design's degrees of freedom.
 *
 * @example
 * const design = surveyDesign({ weights: [2, 2, 3, 3], strata: ['a', 'a', 'b', 'b'], psu: [1, 2, 3, 4] });
 * const { lower, upper } = proportionInterval(designMean(design, [1, 0, 1, 1]), 0.95);
 * [Math.round(lower * 1e4) / 1e4, Math.round(upper * 1e4) / 1e4] //=> [0.0181, 0.9988]
 */
export function proportionInterval(estimate: { estimate: number; se: number; df: number }, level = 0.95): Interval {
  return logitInterval(estimate.estimate, estimate.se, estimate.df, level);
}

/**
 * Safe twin of {@link surveyDesign}: never throws.
 *
 * @example
 * const r = safeSurveyDesign({ strata: ['a', 'b'], psu: [1, 2] });
 * !r.success && r.error.code //=> 'LONELY_PSU'
 * safeSurveyDesign({ strata: ['a', 'b'], psu: [1, 2], lonelyPsu: 'certainty' }).success //=> true
 */
export function safeSurveyDesign(input: DesignInput): SafeResult<SurveyDesign> {
  return toSafe(() => surveyDesign(input));
}

/** Safe twin of {@link restrictDesign}: never throws. */
export function safeRestrictDesign(design: SurveyDesign, rows: ArrayLike<boolean | number>): SafeResult<SurveyDesign> {
  return toSafe(() => restrictDesign(design, rows));
}

/**
 * Safe twin of {@link designMean}: never throws.
 *
 * @example
 * const design = surveyDesign({ rows: 4 });
 * const r = safeDesignMean(design, [1, 0]);
 * !r.success && r.error.message //=> 'y has 2 values for a design of 4 rows'
 * const ok = safeDesignMean(design, [1, 0, 1, 1]);
 * ok.success && ok.data.estimate //=> 0.75
 */
export function safeDesignMean(design: SurveyDesign, y: ArrayLike<number>, options: EstimateOptions = {}): SafeResult<DesignEstimate> {
  return toSafe(() => designMean(design, y, options));
}

/**
 * Safe twin of {@link designRatio}: never throws. A ratio over zero is no error: its estimate is NaN.
 *
 * @example
 * const design = surveyDesign({ rows: 2 });
 * const r = safeDesignRatio(design, [1, 2], [0, 0]);
 * r.success && Number.isNaN(r.data.estimate) //=> true
 * const bad = safeDesignRatio(design, [1, Infinity], [2, 2]);
 * !bad.success && bad.error.path //=> ['y', 1]
 */
export function safeDesignRatio(design: SurveyDesign, y: ArrayLike<number>, x?: ArrayLike<number>, options: EstimateOptions = {}): SafeResult<DesignEstimate> {
  return toSafe(() => designRatio(design, y, x, options));
}

/**
 * Safe twin of {@link designTotal}: never throws.
 *
 * @example
 * const r = safeDesignTotal(surveyDesign({ rows: 2 }), [1, NaN]);
 * !r.success && r.error.code //=> 'MISSING_VALUE'
 * !r.success && r.error.path //=> ['y', 1]
 */
export function safeDesignTotal(design: SurveyDesign, y: ArrayLike<number>, options: EstimateOptions = {}): SafeResult<DesignEstimate> {
  return toSafe(() => designTotal(design, y, options));
}
