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
import { describeReceived, fail, readGuarded, toSafe, type SafeResult } from '../errors.js';
import { readOptions } from '../options.js';
import { exact, Fraction, toFraction, type ExactValue, type FractionInput } from './exact.js';

/** An indicator of the measure. */
export interface AfIndicator {
  readonly id: string;
  /** Dimension id, for nested weights and dimension contributions. */
  readonly dimension?: string;
  /** Weight (all weights must sum to exactly 1), when `weights` is `'given'`. */
  readonly weight?: FractionInput;
  /** Cardinal indicators: deprived iff the achievement is below this cut-off (enables M1, M2). */
  readonly cutoff?: FractionInput;
}

/** One unit (a household, or a person). */
export interface AfUnit {
  /** Deprivation status per indicator, in indicator order (1/true deprived), or the ids deprived. */
  readonly deprived?: readonly (boolean | 0 | 1)[] | readonly string[];
  /** Achievements per indicator, in indicator order, for cardinal indicators. */
  readonly achievements?: readonly FractionInput[];
  /** Unit weight: 1 for households; the household size for persons; times any survey weight. */
  readonly weight?: FractionInput;
  /** Subgroup (region, area …) for the decomposition. */
  readonly group?: string;
}

/** Options of {@link alkireFoster}. */
export interface AfOptions {
  readonly indicators: readonly AfIndicator[];
  /** Poverty cut-off, 0 < k ≤ 1 (poor iff score ≥ k). */
  readonly k: FractionInput;
  /** `equal` (1/d each), `nested` (each dimension equal, equal within), `given` (each indicator's weight). Default `equal`. */
  readonly weights?: 'equal' | 'nested' | 'given';
  /** Vulnerable: `vulnerableFrom ≤ c < k` (default 1/5). */
  readonly vulnerableFrom?: FractionInput;
  /** Severe: `c ≥ severeFrom` (default 1/2). */
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

function weightsOf(options: AfOptions): Fraction[] {
  const d = options.indicators.length;
  if (d === 0) fail('INVALID_FIELD', ['indicators'], 'indicators: expected at least one indicator, received an empty array', options.indicators);
  const mode = options.weights ?? 'equal';
  if (mode === 'equal') return options.indicators.map(() => new Fraction(1, d));
  if (mode === 'nested') {
    const dims = [...new Set(options.indicators.map((i, j) => i.dimension ?? fail('INVALID_FIELD', ['indicators', j, 'dimension'], `indicators[${j}].dimension: expected a text (nested weights need every dimension), received nothing`, undefined)))];
    return options.indicators.map((i) => new Fraction(1, dims.length).div(options.indicators.filter((x) => x.dimension === i.dimension).length));
  }
  const ws = options.indicators.map((i, j) => (i.weight === undefined ? fail('INVALID_FIELD', ['indicators', j, 'weight'], `indicators[${j}].weight: expected a weight (given weights need every indicator's), received nothing`, undefined) : toFraction(i.weight, ['indicators', j, 'weight'], `indicators[${j}].weight`)));
  ws.forEach((w, j) => {
    if (w.lte(0)) fail('INVALID_FIELD', ['indicators', j, 'weight'], `indicators[${j}].weight: expected a weight > 0, received ${w.toFraction()}`, options.indicators[j]!.weight);
  });
  const sum = ws.reduce((a, b) => a.add(b), ZERO);
  if (!sum.equals(ONE)) fail('INVALID_FIELD', ['indicators'], `indicators: expected weights summing to exactly 1, received weights summing to ${sum.toFraction()}`, sum.toFraction());
  return ws;
}

interface Prepared {
  readonly weight: Fraction;
  readonly g0: readonly boolean[];
  readonly gaps: readonly Fraction[] | undefined;
  readonly score: Fraction;
  readonly group: string | undefined;
}

const WEIGHT_MODES: readonly unknown[] = ['equal', 'nested', 'given'];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The options, checked for shape (the values are read exactly later). */
function readAfOptions(options: unknown): AfOptions {
  const o = readOptions(options, ['indicators', 'k', 'weights', 'vulnerableFrom', 'severeFrom']);
  if (!Array.isArray(o.indicators)) fail('INVALID_FIELD', ['indicators'], `indicators: expected an array of indicators { id, dimension?, weight?, cutoff? }, received ${describeReceived(o.indicators)}`, o.indicators);
  const indicators = (o.indicators as unknown[]).map((ind, j): AfIndicator => {
    if (!isObject(ind)) fail('INVALID_FIELD', ['indicators', j], `indicators[${j}]: expected an indicator { id, dimension?, weight?, cutoff? }, received ${describeReceived(ind)}`, ind);
    const { id, dimension, weight, cutoff } = ind;
    if (typeof id !== 'string') fail('INVALID_FIELD', ['indicators', j, 'id'], `indicators[${j}].id: expected a text, received ${describeReceived(id)}`, id);
    if (dimension !== undefined && typeof dimension !== 'string') fail('INVALID_FIELD', ['indicators', j, 'dimension'], `indicators[${j}].dimension: expected a text, received ${describeReceived(dimension)}`, dimension);
    return { id, ...(dimension !== undefined ? { dimension } : {}), ...(weight !== undefined ? { weight: weight as FractionInput } : {}), ...(cutoff !== undefined ? { cutoff: cutoff as FractionInput } : {}) };
  });
  if (o.weights !== undefined && !WEIGHT_MODES.includes(o.weights)) fail('INVALID_FIELD', ['weights'], `weights: expected equal, nested or given, received ${describeReceived(o.weights)}`, o.weights);
  return {
    indicators,
    k: o.k as FractionInput,
    ...(o.weights !== undefined ? { weights: o.weights as 'equal' | 'nested' | 'given' } : {}),
    ...(o.vulnerableFrom !== undefined ? { vulnerableFrom: o.vulnerableFrom as FractionInput } : {}),
    ...(o.severeFrom !== undefined ? { severeFrom: o.severeFrom as FractionInput } : {}),
  };
}

function prepare(input: unknown, index: number, indicators: readonly AfIndicator[], weights: readonly Fraction[], cutoffs: readonly (Fraction | undefined)[]): Prepared {
  const d = indicators.length;
  const path = ['units', index];
  if (!isObject(input)) fail('INVALID_FIELD', path, `units[${index}]: expected a unit { deprived or achievements, weight?, group? }, received ${describeReceived(input)}`, input);
  const unit = input as AfUnit;
  if (unit.group !== undefined && typeof unit.group !== 'string') fail('INVALID_FIELD', [...path, 'group'], `units[${index}].group: expected a text, received ${describeReceived(unit.group)}`, unit.group);
  for (const key of ['achievements', 'deprived'] as const) {
    const list = unit[key];
    if (list !== undefined && !Array.isArray(list)) fail('INVALID_FIELD', [...path, key], `units[${index}].${key}: expected an array, received ${describeReceived(list)}`, list);
  }
  let g0: boolean[];
  let gaps: Fraction[] | undefined;
  if (unit.achievements !== undefined) {
    if (unit.achievements.length !== d) fail('INVALID_FIELD', [...path, 'achievements'], `units[${index}].achievements: expected ${d} values, one per indicator, received ${unit.achievements.length}`, unit.achievements.length);
    const ys = unit.achievements.map((y, j) => toFraction(y, [...path, 'achievements', j], `units[${index}].achievements[${j}]`));
    g0 = ys.map((y, j) => {
      const z = cutoffs[j];
      if (z === undefined) return fail('INVALID_FIELD', ['indicators', j, 'cutoff'], `indicators[${j}].cutoff: expected a cut-off (achievements need every indicator's), received nothing`, undefined);
      return y.lt(z);
    });
    gaps = ys.map((y, j) => (g0[j] ? cutoffs[j]!.sub(y).div(cutoffs[j]!) : ZERO));
  } else if (unit.deprived !== undefined) {
    const list = unit.deprived;
    if (list.length === 0 || typeof list[0] === 'string') {
      const ids = new Set(list as readonly unknown[]);
      for (const id of ids) if (!indicators.some((i) => i.id === id)) fail('UNKNOWN_INDICATOR', [...path, 'deprived'], `units[${index}].deprived: expected indicators of the measure (${indicators.map((i) => i.id).join(', ')}), received ${describeReceived(id)}`, id);
      g0 = indicators.map((i) => ids.has(i.id));
    } else {
      if (list.length !== d) fail('INVALID_FIELD', [...path, 'deprived'], `units[${index}].deprived: expected ${d} values, one per indicator, received ${list.length}`, list.length);
      g0 = (list as readonly (boolean | 0 | 1)[]).map((v, j) => (v === true || v === 1 ? true : v === false || v === 0 ? false : fail('INVALID_FIELD', [...path, 'deprived', j], `units[${index}].deprived[${j}]: expected 0, 1, true or false, received ${describeReceived(v)}`, v)));
    }
  } else {
    return fail('MISSING_FIELD', [...path, 'deprived'], `units[${index}].deprived: expected deprived or achievements, received neither`, undefined);
  }
  const weight = unit.weight === undefined ? ONE : toFraction(unit.weight, [...path, 'weight'], `units[${index}].weight`);
  if (weight.lt(0)) fail('INVALID_FIELD', [...path, 'weight'], `units[${index}].weight: expected a weight ≥ 0, received ${weight.toFraction()}`, unit.weight);
  const score = g0.reduce((c, dep, j) => (dep ? c.add(weights[j]!) : c), ZERO);
  return { weight, g0, gaps, score, group: unit.group };
}

function figures(units: readonly Prepared[], options: AfOptions, weights: readonly Fraction[], k: Fraction, vulnerableFrom: Fraction, severeFrom: Fraction): AfFigures {
  const d = options.indicators.length;
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
  const indicatorFigures = options.indicators.map((ind, j) => ({
    id: ind.id,
    weight: exact(weights[j]!),
    uncensoredHeadcount: exact(share(uncensored[j]!)),
    censoredHeadcount: exact(share(censored[j]!)),
    contribution: contributionOf(weights[j]!.mul(share(censored[j]!))),
  }));
  const dims = [...new Set(options.indicators.map((i) => i.dimension).filter((x): x is string => x !== undefined))];
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
      contribution: contributionOf(options.indicators.reduce((sum, ind, j) => (ind.dimension === dim ? sum.add(weights[j]!.mul(share(censored[j]!))) : sum), ZERO)),
    })),
  };
}

/**
 * Computes the Alkire-Foster measures over units.
 *
 * @throws {ChuanNgheoError} For weights that do not sum to 1, k outside (0, 1], or a malformed unit.
 * @example
 * // Alkire & Foster (2011), section 2: 4 persons, 4 dimensions, k = 2 of 4.
 * const r = alkireFoster(units, { indicators, k: '2/4' });
 * r.M0.exact //=> '3/8'
 */
export function alkireFoster(units: Iterable<AfUnit>, givenOptions: AfOptions): AfResult {
  const options = readGuarded(() => readAfOptions(givenOptions), 'INVALID_OPTIONS', [], 'the options');
  if (typeof (units as { [Symbol.iterator]?: unknown } | null | undefined)?.[Symbol.iterator] !== 'function') {
    fail('INVALID_FIELD', ['units'], `units: expected an array (or another iterable) of units, received ${describeReceived(units)}`, units);
  }
  return readGuarded(() => measure(units, options), 'INVALID_FIELD', ['units'], 'the units');
}

function measure(units: Iterable<AfUnit>, options: AfOptions): AfResult {
  const weights = weightsOf(options);
  const k = toFraction(options.k, ['k'], 'k');
  if (k.lte(0) || k.gt(1)) fail('INVALID_FIELD', ['k'], `k: expected a cut-off with 0 < k ≤ 1, received ${k.toFraction()}`, options.k);
  const vulnerableFrom = toFraction(options.vulnerableFrom ?? '1/5', ['vulnerableFrom'], 'vulnerableFrom');
  const severeFrom = toFraction(options.severeFrom ?? '1/2', ['severeFrom'], 'severeFrom');
  const cutoffs = options.indicators.map((i, j) => (i.cutoff === undefined ? undefined : toFraction(i.cutoff, ['indicators', j, 'cutoff'], `indicators[${j}].cutoff`)));
  const prepared: Prepared[] = [];
  let index = 0;
  for (const unit of units) prepared.push(prepare(unit, index++, options.indicators, weights, cutoffs));
  const overall = figures(prepared, options, weights, k, vulnerableFrom, severeFrom);
  const total = prepared.reduce((s, u) => s.add(u.weight), ZERO);
  const M0 = new Fraction(overall.M0.exact);
  const groupNames = [...new Set(prepared.map((u) => u.group).filter((g): g is string => g !== undefined))].sort();
  const groups = groupNames.map((group) => {
    const members = prepared.filter((u) => u.group === group);
    const f = figures(members, options, weights, k, vulnerableFrom, severeFrom);
    const populationShare = total.equals(0) ? ZERO : new Fraction(f.n.exact).div(total);
    return {
      group,
      ...f,
      populationShare: exact(populationShare),
      contribution: M0.equals(0) ? null : exact(populationShare.mul(new Fraction(f.M0.exact)).div(M0)),
    };
  });
  return { k: exact(k), ...overall, groups };
}

/** Change of a measure between two times. */
export interface MeasureChange {
  /** `m2 − m1`, exact. */
  readonly absolute: ExactValue;
  /** `(m2 − m1) / m1`, exact (null when m1 = 0). */
  readonly relative: ExactValue | null;
  /** `(m2 − m1) / years`, exact. */
  readonly annualisedAbsolute: ExactValue;
  /** `(m2 / m1)^(1 / years) − 1`: irrational in general, so a double (null when m1 = 0). */
  readonly annualisedRelative: number | null;
}

/**
 * Absolute, relative and annualised change of a measure (M0, H …) between two times.
 *
 * @example
 * measureChange('1/4', '1/5', 2).absolute.exact //=> '-1/20'
 */
export function measureChange(from: FractionInput | ExactValue, to: FractionInput | ExactValue, years: FractionInput): MeasureChange {
  const read = (v: FractionInput | ExactValue, name: string) => toFraction(typeof v === 'object' ? v.exact : v, [name], name);
  const m1 = read(from, 'from');
  const m2 = read(to, 'to');
  const t = toFraction(years, ['years'], 'years');
  if (t.lte(0)) fail('INVALID_FIELD', ['years'], `years: expected a number of years > 0, received ${t.toFraction()}`, years);
  const absolute = m2.sub(m1);
  return {
    absolute: exact(absolute),
    relative: m1.equals(0) ? null : exact(absolute.div(m1)),
    annualisedAbsolute: exact(absolute.div(t)),
    annualisedRelative: m1.equals(0) ? null : Math.pow(m2.div(m1).valueOf(), 1 / t.valueOf()) - 1,
  };
}

/** Safe twin of {@link alkireFoster}: never throws, whatever its arguments. */
export function safeAlkireFoster(units: Iterable<AfUnit>, options: AfOptions): SafeResult<AfResult> {
  return toSafe(() => alkireFoster(units, options));
}
