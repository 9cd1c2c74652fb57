/**
 * The Alkire-Foster (AF) measures of multidimensional poverty, as OPHI and UNDP compute the Global
 * MPI: identification by a weighted deprivation score c ≥ k, then the headcount ratio H, the
 * intensity A, the adjusted headcount ratio M0 = H·A, censored and uncensored headcounts,
 * contributions by indicator and dimension, subgroup decomposition, M1 and M2 for cardinal
 * indicators, vulnerable and severe shares. Everything is computed in exact fractions, so
 * 1/6 + 3·1/18 is exactly 1/3 and a household at the cut-off is poor.
 *
 * @module
 */
import { fail, toSafe, type ErrorPath, type SafeResult } from '../errors.js';
import { exact, Fraction, show, toDouble, toFraction, type ExactValue, type FractionInput } from './exact.js';

/** An indicator of the measure. */
export interface AfIndicator {
  readonly id: string;
  /** Dimension id, for nested weights and dimension contributions. */
  readonly dimension?: string;
  /** Weight (all weights must sum to exactly 1), when `weights` is `'given'`. */
  readonly weight?: FractionInput;
  /** Cardinal indicators: deprived iff the achievement is below this cut-off (> 0; enables M1, M2). */
  readonly cutoff?: FractionInput;
}

/** One unit (a household, or a person). */
export interface AfUnit {
  /** Deprivation status per indicator, in indicator order (1/true deprived), or the ids deprived. */
  readonly deprived?: readonly (boolean | 0 | 1)[] | readonly string[];
  /** Achievements per indicator (≥ 0), in indicator order, for cardinal indicators. */
  readonly achievements?: readonly FractionInput[];
  /** Unit weight (≥ 0): 1 for households; the household size for persons; times any survey weight. */
  readonly weight?: FractionInput;
  /** Subgroup (region, area …) for the decomposition. */
  readonly group?: string;
}

/** Options of {@link alkireFoster}. */
export interface AfOptions {
  readonly indicators: readonly AfIndicator[];
  /** Poverty cut-off, 0 < k ≤ 1 (poor iff score ≥ k). */
  readonly k: FractionInput;
  /**
   * `perIndicator` (1/d each), `nested` (each dimension the same weight, split equally among its
   * indicators: what mpitbR and OPHI call "equal"), `given` (each indicator's own weight). Default:
   * `perIndicator` when no indicator names a dimension (the two then agree); with dimensions it must be
   * given. `'equal'` is refused as ambiguous (`AMBIGUOUS_WEIGHTS`).
   */
  readonly weights?: 'perIndicator' | 'nested' | 'given';
  /** Vulnerable: `vulnerableFrom ≤ c < k` (default 1/5; 0 < vulnerableFrom ≤ 1). */
  readonly vulnerableFrom?: FractionInput;
  /** Severe: `c ≥ severeFrom` (default 1/2; 0 < severeFrom ≤ 1). */
  readonly severeFrom?: FractionInput;
}

/** Figures of one indicator. */
export interface AfIndicatorFigures {
  readonly id: string;
  readonly weight: ExactValue;
  readonly uncensoredHeadcount: ExactValue;
  readonly censoredHeadcount: ExactValue;
  /** Share of M0 from this indicator; contributions sum to 1 (null when M0 = 0). */
  readonly contribution: ExactValue | null;
}

/** Figures of a population or subgroup. */
export interface AfFigures {
  /** Total unit weight (the number of units when unweighted). */
  readonly n: ExactValue;
  /** Weight of poor units. */
  readonly q: ExactValue;
  readonly H: ExactValue;
  /** Average score among the poor (null when nobody is poor). */
  readonly A: ExactValue | null;
  readonly M0: ExactValue;
  /** Present when every indicator is cardinal. */
  readonly M1?: ExactValue;
  readonly M2?: ExactValue;
  readonly vulnerable: ExactValue;
  readonly severe: ExactValue;
  readonly indicators: readonly AfIndicatorFigures[];
  readonly dimensions: readonly { readonly dimension: string; readonly contribution: ExactValue | null }[];
}

/** The result: overall figures, and subgroups with their share of population and of M0. */
export interface AfResult extends AfFigures {
  readonly k: ExactValue;
  readonly groups: readonly (AfFigures & { readonly group: string; readonly populationShare: ExactValue; readonly contribution: ExactValue | null })[];
}

const ZERO = new Fraction(0);
const ONE = new Fraction(1);
const weightModes: readonly string[] = ['perIndicator', 'nested', 'given'];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A cut-off of the deprivation score: a fraction with 0 < value ≤ 1. */
function scoreCutoff(value: unknown, path: ErrorPath, what: string): Fraction {
  const f = toFraction(value, path, what);
  if (f.lte(0) || f.gt(1)) fail('INVALID_FIELD', path, `${what} must satisfy 0 < ${what} ≤ 1, received ${show(value)}`, value);
  return f;
}

/** The options, checked: indicators, their weights and cut-offs, k and the two shares' cut-offs. */
interface Checked {
  readonly indicators: readonly AfIndicator[];
  readonly weights: readonly Fraction[];
  readonly cutoffs: readonly (Fraction | undefined)[];
  readonly k: Fraction;
  readonly vulnerableFrom: Fraction;
  readonly severeFrom: Fraction;
}

function checkIndicators(list: unknown): readonly AfIndicator[] {
  if (!Array.isArray(list) || list.length === 0) return fail('INVALID_FIELD', ['indicators'], `indicators: expected a list of at least one indicator, received ${show(list)}`, list);
  const ids = new Set<string>();
  // Every index, holes of a sparse array included (forEach would pass over them).
  Array.from(list as unknown[]).forEach((ind: unknown, j) => {
    if (!isObject(ind)) return fail('INVALID_FIELD', ['indicators', j], `indicators[${j}]: expected an object with an id, received ${show(ind)}`, ind);
    if (typeof ind.id !== 'string' || ind.id === '') fail('INVALID_FIELD', ['indicators', j, 'id'], `indicators[${j}].id: expected a non-empty string, received ${show(ind.id)}`, ind.id);
    if (ids.has(ind.id as string)) fail('INVALID_FIELD', ['indicators', j, 'id'], `indicators[${j}].id repeats ${show(ind.id)}`, ind.id);
    ids.add(ind.id as string);
    if (ind.dimension !== undefined && typeof ind.dimension !== 'string') fail('INVALID_FIELD', ['indicators', j, 'dimension'], `indicators[${j}].dimension: expected a string, received ${show(ind.dimension)}`, ind.dimension);
  });
  return list as readonly AfIndicator[];
}

function weightsOf(indicators: readonly AfIndicator[], mode: string): Fraction[] {
  const d = indicators.length;
  if (mode === 'perIndicator') return indicators.map(() => new Fraction(1, d));
  if (mode === 'nested') {
    const dims = [...new Set(indicators.map((i, j) => i.dimension ?? fail('INVALID_FIELD', ['indicators', j, 'dimension'], `indicators[${j}].dimension is required for nested weights`, undefined)))];
    return indicators.map((i) => new Fraction(1, dims.length).div(indicators.filter((x) => x.dimension === i.dimension).length));
  }
  const ws = indicators.map((i, j) => (i.weight === undefined ? fail('INVALID_FIELD', ['indicators', j, 'weight'], `indicators[${j}].weight is required for given weights`, undefined) : toFraction(i.weight, ['indicators', j, 'weight'], `indicators[${j}].weight`)));
  ws.forEach((w, j) => {
    if (w.lte(0)) fail('INVALID_FIELD', ['indicators', j, 'weight'], `indicators[${j}].weight must be positive, received ${show(indicators[j]!.weight)}`, indicators[j]!.weight);
  });
  const sum = ws.reduce((a, b) => a.add(b), ZERO);
  if (!sum.equals(ONE)) fail('INVALID_FIELD', ['indicators'], `indicator weights must sum to exactly 1, they sum to ${sum.toFraction()}`, sum.toFraction());
  return ws;
}

/**
 * The weighting when none is named: 1/d each when no indicator has a dimension (nested weights
 * would be the same); with dimensions, nested and per-indicator weights differ, so the caller must
 * choose.
 */
function defaultWeights(indicators: readonly AfIndicator[]): string {
  const j = indicators.findIndex((i) => i.dimension !== undefined);
  if (j < 0) return 'perIndicator';
  return fail(
    'MISSING_FIELD',
    ['weights'],
    `weights: the indicators have dimensions (indicators[${j}].dimension is ${show(indicators[j]!.dimension)}), so name the weighting: 'nested' (each dimension the same weight, split among its indicators: mpitbR's "equal") or 'perIndicator' (1/d each)`,
    undefined,
    'nested, perIndicator or given',
  );
}

function checkOptions(options: unknown): Checked {
  if (!isObject(options)) return fail('INVALID_FIELD', [], `options: expected an object with indicators and k, received ${show(options)}`, options);
  const indicators = checkIndicators(options.indicators);
  const mode = options.weights ?? defaultWeights(indicators);
  if (mode === 'equal') {
    fail(
      'AMBIGUOUS_WEIGHTS',
      ['weights'],
      "weights 'equal' is ambiguous: in mpitbR, Stata's mpitb and OPHI's publications it means nested weights (each dimension the same weight, split equally among its indicators: give 'nested'); it may also be read as the same weight for every indicator (1/d each: give 'perIndicator')",
      mode,
      'nested, perIndicator or given',
    );
  }
  if (typeof mode !== 'string' || !weightModes.includes(mode)) fail('INVALID_FIELD', ['weights'], `weights: expected perIndicator, nested or given, received ${show(mode)}`, mode);
  const weights = weightsOf(indicators, mode as string);
  if (options.k === undefined) fail('MISSING_FIELD', ['k'], 'k, the poverty cut-off (0 < k ≤ 1), is required', undefined);
  const k = scoreCutoff(options.k, ['k'], 'k');
  const vulnerableFrom = scoreCutoff(options.vulnerableFrom ?? '1/5', ['vulnerableFrom'], 'vulnerableFrom');
  const severeFrom = scoreCutoff(options.severeFrom ?? '1/2', ['severeFrom'], 'severeFrom');
  const cutoffs = indicators.map((i, j) => {
    if (i.cutoff === undefined) return undefined;
    const z = toFraction(i.cutoff, ['indicators', j, 'cutoff'], `indicators[${j}].cutoff`);
    // Gaps are normalised by the cut-off: (z − y) / z.
    if (z.lte(0)) fail('INVALID_FIELD', ['indicators', j, 'cutoff'], `indicators[${j}].cutoff must be positive, received ${show(i.cutoff)}`, i.cutoff);
    return z;
  });
  return { indicators, weights, cutoffs, k, vulnerableFrom, severeFrom };
}

interface Prepared {
  readonly weight: Fraction;
  readonly g0: readonly boolean[];
  readonly gaps: readonly Fraction[] | undefined;
  readonly score: Fraction;
  readonly group: string | undefined;
}

function prepare(unit: unknown, index: number, { indicators, weights, cutoffs }: Checked): Prepared {
  const d = indicators.length;
  const path = ['units', index];
  if (!isObject(unit)) return fail('INVALID_FIELD', path, `units[${index}]: expected an object with deprived or achievements, received ${show(unit)}`, unit);
  let g0: boolean[];
  let gaps: Fraction[] | undefined;
  if (unit.achievements !== undefined) {
    const list = unit.achievements;
    if (!Array.isArray(list)) return fail('INVALID_FIELD', [...path, 'achievements'], `units[${index}].achievements: expected a list of ${d} values, received ${show(list)}`, list);
    if (list.length !== d) fail('INVALID_FIELD', [...path, 'achievements'], `units[${index}].achievements has ${list.length} values for ${d} indicators`, list.length);
    const ys = list.map((y: unknown, j) => {
      const value = toFraction(y, [...path, 'achievements', j], `units[${index}].achievements[${j}]`);
      if (value.lt(0)) fail('INVALID_FIELD', [...path, 'achievements', j], `units[${index}].achievements[${j}] must be ≥ 0, received ${show(y)}`, y);
      return value;
    });
    g0 = ys.map((y, j) => {
      const z = cutoffs[j];
      if (z === undefined) return fail('INVALID_FIELD', ['indicators', j, 'cutoff'], `indicators[${j}].cutoff is required with achievements`, undefined);
      return y.lt(z);
    });
    gaps = ys.map((y, j) => (g0[j] ? cutoffs[j]!.sub(y).div(cutoffs[j]!) : ZERO));
  } else if (unit.deprived !== undefined) {
    const list = unit.deprived;
    if (!Array.isArray(list)) return fail('INVALID_FIELD', [...path, 'deprived'], `units[${index}].deprived: expected a list of 0/1 values or of indicator ids, received ${show(list)}`, list);
    if (list.length === 0 || typeof list[0] === 'string') {
      list.forEach((id: unknown, j) => {
        if (typeof id !== 'string') fail('INVALID_FIELD', [...path, 'deprived', j], `units[${index}].deprived[${j}]: expected an indicator id, received ${show(id)}`, id);
        else if (!indicators.some((i) => i.id === id)) fail('UNKNOWN_INDICATOR', [...path, 'deprived', j], `units[${index}].deprived names ${JSON.stringify(id)}, which is not an indicator of the measure`, id);
      });
      const ids = new Set(list as readonly string[]);
      g0 = indicators.map((i) => ids.has(i.id));
    } else {
      if (list.length !== d) fail('INVALID_FIELD', [...path, 'deprived'], `units[${index}].deprived has ${list.length} values for ${d} indicators`, list.length);
      g0 = Array.from({ length: d }, (_, j) => {
        const v: unknown = list[j];
        return v === true || v === 1 ? true : v === false || v === 0 ? false : fail('INVALID_FIELD', [...path, 'deprived', j], `units[${index}].deprived[${j}] must be 0, 1, true or false, received ${show(v)}`, v);
      });
    }
  } else {
    return fail('MISSING_FIELD', [...path, 'deprived'], `units[${index}] needs deprived or achievements`, undefined);
  }
  const weight = unit.weight === undefined ? ONE : toFraction(unit.weight, [...path, 'weight'], `units[${index}].weight`);
  if (weight.lt(0)) fail('INVALID_FIELD', [...path, 'weight'], `units[${index}].weight must be ≥ 0, received ${show(unit.weight)}`, unit.weight);
  if (unit.group !== undefined && typeof unit.group !== 'string') fail('INVALID_FIELD', [...path, 'group'], `units[${index}].group: expected a string, received ${show(unit.group)}`, unit.group);
  const score = g0.reduce((c, dep, j) => (dep ? c.add(weights[j]!) : c), ZERO);
  return { weight, g0, gaps, score, group: unit.group };
}

function figures(units: readonly Prepared[], { indicators, weights, k, vulnerableFrom, severeFrom }: Checked): AfFigures {
  const d = indicators.length;
  let n = ZERO;
  let q = ZERO;
  let scoreSum = ZERO;
  let vulnerable = ZERO;
  let severe = ZERO;
  const uncensored = Array.from({ length: d }, () => ZERO);
  const censored = Array.from({ length: d }, () => ZERO);
  const cardinal = units.length > 0 && units.every((u) => u.gaps !== undefined);
  let m1 = ZERO;
  let m2 = ZERO;
  for (const u of units) {
    n = n.add(u.weight);
    const poor = u.score.gte(k);
    if (poor) {
      q = q.add(u.weight);
      scoreSum = scoreSum.add(u.score.mul(u.weight));
    } else if (u.score.gte(vulnerableFrom)) vulnerable = vulnerable.add(u.weight);
    if (u.score.gte(severeFrom)) severe = severe.add(u.weight);
    for (let j = 0; j < d; j++) {
      if (!u.g0[j]) continue;
      uncensored[j] = uncensored[j]!.add(u.weight);
      if (poor) {
        censored[j] = censored[j]!.add(u.weight);
        if (cardinal) {
          const gap = u.gaps![j]!;
          m1 = m1.add(weights[j]!.mul(gap).mul(u.weight));
          m2 = m2.add(weights[j]!.mul(gap).mul(gap).mul(u.weight));
        }
      }
    }
  }
  const share = (x: Fraction) => (n.equals(0) ? ZERO : x.div(n));
  const M0 = share(scoreSum);
  const contributionOf = (x: Fraction) => (M0.equals(0) ? null : exact(x.div(M0)));
  const indicatorFigures = indicators.map((ind, j) => ({
    id: ind.id,
    weight: exact(weights[j]!),
    uncensoredHeadcount: exact(share(uncensored[j]!)),
    censoredHeadcount: exact(share(censored[j]!)),
    contribution: contributionOf(weights[j]!.mul(share(censored[j]!))),
  }));
  const dims = [...new Set(indicators.map((i) => i.dimension).filter((x): x is string => x !== undefined))];
  return {
    n: exact(n),
    q: exact(q),
    H: exact(share(q)),
    A: q.equals(0) ? null : exact(scoreSum.div(q)),
    M0: exact(M0),
    ...(cardinal ? { M1: exact(share(m1)), M2: exact(share(m2)) } : {}),
    vulnerable: exact(share(vulnerable)),
    severe: exact(share(severe)),
    indicators: indicatorFigures,
    dimensions: dims.map((dim) => ({
      dimension: dim,
      contribution: contributionOf(indicators.reduce((sum, ind, j) => (ind.dimension === dim ? sum.add(weights[j]!.mul(share(censored[j]!))) : sum), ZERO)),
    })),
  };
}

/**
 * Computes the Alkire-Foster measures over units. Numbers are read as the decimals JavaScript
 * writes for them (`0.1` is 1/10, `1e-7` is 1/10,000,000), exactly.
 *
 * @throws {ChuanNgheoError} `INVALID_FIELD` for options or a unit that do not fit (weights that do
 * not sum to 1, k outside (0, 1], NaN, Infinity, a negative weight …), `MISSING_FIELD` without k or
 * without a unit's deprivations, `UNKNOWN_INDICATOR` for a deprivation the measure lacks; each
 * with its path and the value received.
 * @example
 * // Alkire & Foster (2011), section 2: 4 persons' achievements in 4 dimensions, deprived below the cut-offs.
 * const indicators = [13, 12, 3, 1].map((cutoff, j) => ({ id: `d${j + 1}`, cutoff }));
 * const units = [[13.1, 14, 4, 1], [15.2, 7, 5, 0], [12.5, 10, 1, 0], [20, 11, 3, 1]].map((achievements) => ({ achievements }));
 * const r = alkireFoster(units, { indicators, k: '2/4' });
 * [r.H.exact, r.A?.exact, r.M0.exact, r.M1?.exact] //=> ['1/2', '3/4', '3/8', '171/832']
 * r.M0 //=> { value: 0.375, exact: '3/8' }
 */
export function alkireFoster(units: Iterable<AfUnit>, options: AfOptions): AfResult {
  const checked = checkOptions(options);
  if (typeof (units as { [Symbol.iterator]?: unknown } | null | undefined)?.[Symbol.iterator] !== 'function') {
    fail('INVALID_FIELD', ['units'], `units: expected a list (or another iterable) of units, received ${show(units)}`, units);
  }
  const prepared: Prepared[] = [];
  let index = 0;
  for (const unit of units) prepared.push(prepare(unit, index++, checked));
  const overall = figures(prepared, checked);
  const total = prepared.reduce((s, u) => s.add(u.weight), ZERO);
  const M0 = new Fraction(overall.M0.exact);
  const groupNames = [...new Set(prepared.map((u) => u.group).filter((g): g is string => g !== undefined))].sort();
  const groups = groupNames.map((group) => {
    const members = prepared.filter((u) => u.group === group);
    const f = figures(members, checked);
    const populationShare = total.equals(0) ? ZERO : new Fraction(f.n.exact).div(total);
    return {
      group,
      ...f,
      populationShare: exact(populationShare),
      contribution: M0.equals(0) ? null : exact(populationShare.mul(new Fraction(f.M0.exact)).div(M0)),
    };
  });
  return { k: exact(checked.k), ...overall, groups };
}

/**
 * Safe twin of {@link alkireFoster}: never throws for any input.
 *
 * @example
 * const r = safeAlkireFoster([{ deprived: [1, 0] }, { deprived: [1] }], { indicators: [{ id: 'water' }, { id: 'school' }], k: '1/2' });
 * !r.success && r.error.path //=> ['units', 1, 'deprived']
 * safeAlkireFoster([{ deprived: ['water'] }], { indicators: [{ id: 'water' }, { id: 'school' }], k: '1/2' }).success //=> true
 */
export function safeAlkireFoster(units: Iterable<AfUnit>, options: AfOptions): SafeResult<AfResult> {
  return toSafe(() => alkireFoster(units, options));
}

/** A measure at one time: a number, a decimal or fraction string, or an {@link ExactValue} such as `r.M0`. */
export type MeasureInput = FractionInput | ExactValue;

/** Change of a measure between two times. */
export interface MeasureChange {
  readonly defined: true;
  /** `m2 − m1`, exact. */
  readonly absolute: ExactValue;
  /** `(m2 − m1) / m1`, exact (null when m1 = 0). */
  readonly relative: ExactValue | null;
  /** `(m2 − m1) / years`, exact. */
  readonly annualisedAbsolute: ExactValue;
  /**
   * `(m2 / m1)^(1 / years) − 1`: irrational in general, so a double (null when m1 = 0, when m1 and
   * m2 differ in sign, or when the rate is beyond the range of a double).
   */
  readonly annualisedRelative: number | null;
}

/**
 * The change of a measure that is not defined at one of the two times, such as the intensity A
 * (null in {@link AfFigures}) where nobody is poor: no change of it is defined either, while M0's
 * and H's are.
 */
export interface UndefinedMeasureChange {
  readonly defined: false;
  readonly absolute: null;
  readonly relative: null;
  readonly annualisedAbsolute: null;
  readonly annualisedRelative: null;
  /** Which end is not defined, in words. */
  readonly reason: string;
}

function readMeasure(value: unknown, name: 'from' | 'to'): Fraction {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const text = (value as { exact?: unknown }).exact;
    if (typeof text === 'string') return toFraction(text, [name, 'exact'], `${name}.exact`);
    return fail('INVALID_FIELD', [name], `${name}: expected a number, a decimal, a fraction or an exact value such as r.M0, received ${show(value)}`, value);
  }
  return toFraction(value, [name], name);
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** ln n for a positive bigint of any size. */
function lnBig(n: bigint): number {
  if (n <= SAFE) return Math.log(Number(n));
  const shift = n.toString(2).length - 64;
  return Math.log(Number(n >> BigInt(shift))) + shift * Math.LN2;
}

/** `ratio^(1 / years) − 1` as a double, through logarithms when the ratio is beyond a double's range. */
function annualisedRate(ratio: Fraction, years: Fraction): number | null {
  if (ratio.equals(0)) return -1;
  if (ratio.lt(0)) return null;
  const r = toDouble(ratio);
  const t = toDouble(years);
  const rate = r > 0 && Number.isFinite(r) ? Math.pow(r, 1 / t) - 1 : Math.exp((lnBig(ratio.n) - lnBig(ratio.d)) / t) - 1;
  return Number.isFinite(rate) ? rate : null;
}

/**
 * Absolute, relative and annualised change of a measure (M0, H, A …) between two times. A measure
 * given as `null`, as A is where nobody is poor, is not defined: the change is then
 * `{ defined: false, reason }` with every figure null, not an error.
 *
 * @throws {ChuanNgheoError} `INVALID_FIELD` for a measure or a number of years that cannot be read
 * exactly, or years ≤ 0.
 * @example
 * measureChange('1/4', '1/5', 2).absolute.exact //=> '-1/20'
 * measureChange('1/4', '1/5', 2).relative?.exact //=> '-1/5'
 * measureChange(null, '1/2', 2).defined //=> false
 */
export function measureChange(from: MeasureInput, to: MeasureInput, years: FractionInput): MeasureChange;
export function measureChange(from: MeasureInput | null, to: MeasureInput | null, years: FractionInput): MeasureChange | UndefinedMeasureChange;
export function measureChange(from: MeasureInput | null, to: MeasureInput | null, years: FractionInput): MeasureChange | UndefinedMeasureChange {
  const m1 = from === null ? null : readMeasure(from, 'from');
  const m2 = to === null ? null : readMeasure(to, 'to');
  const t = toFraction(years, ['years'], 'years');
  if (t.lte(0)) fail('INVALID_FIELD', ['years'], `years must be positive, received ${show(years)}`, years);
  if (m1 === null || m2 === null) {
    const which = m1 === null && m2 === null ? 'from and to are null: the measure is not defined at either time' : m1 === null ? 'from is null: the measure is not defined at the earlier time' : 'to is null: the measure is not defined at the later time';
    return {
      defined: false,
      absolute: null,
      relative: null,
      annualisedAbsolute: null,
      annualisedRelative: null,
      reason: `${which} (as the intensity A is not where nobody is poor), so neither is its change`,
    };
  }
  const absolute = m2.sub(m1);
  return {
    defined: true,
    absolute: exact(absolute),
    relative: m1.equals(0) ? null : exact(absolute.div(m1)),
    annualisedAbsolute: exact(absolute.div(t)),
    annualisedRelative: m1.equals(0) ? null : annualisedRate(m2.div(m1), t),
  };
}

/**
 * Safe twin of {@link measureChange}: never throws for any input.
 *
 * @example
 * const r = safeMeasureChange('1/4', '1/5', 0);
 * !r.success && r.error.code //=> 'INVALID_FIELD'
 */
export function safeMeasureChange(from: MeasureInput, to: MeasureInput, years: FractionInput): SafeResult<MeasureChange>;
export function safeMeasureChange(from: MeasureInput | null, to: MeasureInput | null, years: FractionInput): SafeResult<MeasureChange | UndefinedMeasureChange>;
export function safeMeasureChange(from: MeasureInput | null, to: MeasureInput | null, years: FractionInput): SafeResult<MeasureChange | UndefinedMeasureChange> {
  return toSafe(() => measureChange(from, to, years));
}
