/**
 * Classifying one household under a standard, with the explanation of every step.
 *
 * @module
 */
import { toSafe, fail, formatPath, parsePath, readGuarded, type SafeResult } from './errors.js';
import { deriveFromRecord, readSurveyRecord, type DerivedIndicator } from './derivation/derive.js';
import { isSurveyRecord, type SurveyRecordInput } from './survey/record.js';
import type { IsoDate } from './dates.js';
import { amountToJSON } from './money.js';
import { readHousehold, type Household, type HouseholdInput, type IncomeField } from './household.js';
import { compareIncome, describeComparison, formatDong, incomeScale, isExactPerCapita, monthlyPerCapita } from './income.js';
import { escapedFrom, newlyEscapedUntil } from './escape.js';
import { decide, type Branch, type Category, type LineRole } from './rule.js';
import { indicatorIdSet } from './standards/indicators.js';
import { resolveStandard, type StandardChoice } from './standards/registry.js';
import { citation } from './standards/reference.js';
import type { AmountParameter, Area, Standard } from './standards/schema.js';
import type { IndicatorId, IndicatorIdOf, StandardId } from './standards/ids.js';

export type { Category, Branch } from './rule.js';

/** One step of the explanation: what rule was applied, to which values, under which article. */
export interface TraceStep {
  /** Stable id of the step: `standard`, `income`, `deprivations`, a line role, `min-deprivations`, `category`, `low-income-worker`, `escape`. */
  readonly step: string;
  /** The step in words, with the figures compared. */
  readonly text: string;
  /** The legal reference of the rule or parameter applied. */
  readonly reference: string;
  /** `false` when the step used a parameter or definition the law has not been confirmed to contain. */
  readonly confirmed: boolean;
  /** What is uncertain, when `confirmed` is `false`, or a remark. */
  readonly note?: string;
  /** The values the step used, as plain JSON. */
  readonly values: Readonly<Record<string, string | number | boolean | null | readonly string[]>>;
}

/**
 * The household is off the list it was on, and whether it is newly escaped (Decision 28/2015/QĐ-TTg,
 * as amended by Decision 02/2021/QĐ-TTg; see src/escape.ts for the rule and the day arithmetic).
 */
export interface Escape {
  /** `poverty`: previously poor, now not poor. `near-poverty`: previously near-poor, now neither. */
  readonly from: 'poverty' | 'near-poverty';
  readonly previousCategory: 'poor' | 'near-poor';
  readonly previousRecognizedOn: IsoDate;
  /** The review date. */
  readonly recognizedOn: IsoDate;
  /** The date the household left the list: `leftListOn` as given, else the review date. */
  readonly leftListOn: IsoDate;
  /** Condition (2): income per person above the near-poverty standard (the near-poverty line, or the single line). */
  readonly incomeAboveNearPovertyStandard: boolean;
  /** Months the household counts as newly escaped after leaving the list (36: 3 years). */
  readonly windowMonths: number;
  /** Last day of that window, included: `leftListOn` plus `windowMonths` (29 February → 28 February). */
  readonly windowEndsOn: IsoDate;
  /** Condition (3): the review date is on or before `windowEndsOn`. */
  readonly withinWindow: boolean;
  /** Whether the window length is confirmed law. */
  readonly windowConfirmed: boolean;
}

/** The low-income-worker test (Decree 30/2025/NĐ-CP), where the standard has that line. */
export interface LowIncomeWorker {
  /** Workers of this household qualify: not poor or near-poor, income at most the line. */
  readonly eligible: boolean;
  readonly line: number;
  readonly effectiveFrom: IsoDate;
  readonly reference: string;
}

/** The result of {@link classify}: plain JSON, carrying its own explanation. */
export interface Classification<I extends string = string> {
  readonly id?: string | number;
  readonly category: Category;
  /** The branch of the rule that decided. */
  readonly branch: Branch;
  readonly standard: string;
  readonly date: IsoDate;
  readonly area: Area;
  readonly size: number;
  readonly incomeField: IncomeField;
  /** The income as given (a number, or an exact decimal string). */
  readonly income: number | string;
  /** Income per person per month, rounded half to even to a whole đồng (display only: decisions compare exactly). */
  readonly incomeMonthlyPerCapita: number;
  readonly deprivationCount: number;
  /** Deprived indicators, in the standard's order. */
  readonly deprived: readonly I[];
  /** The lines of the standard for this area (đồng per person per `incomePeriod`) and its k. */
  readonly lines: {
    readonly incomePeriod: 'month' | 'year';
    readonly poverty: number;
    readonly nearPoverty: number | null;
    readonly minDeprivations: number;
  };
  /** The average-living-standard band for this area, or `null` with a note where none is defined. */
  readonly averageBand: { readonly above: number; readonly atMost: number } | null;
  readonly averageBandNote?: string;
  /** `null` when the standard has no such line or it is not yet in force on the date. */
  readonly lowIncomeWorker: LowIncomeWorker | null;
  /**
   * `true` when the household is newly escaped: it was on the poor or near-poor list, its income is
   * now above the near-poverty standard, and at most 3 years have passed since it left the list
   * (Decision 28/2015/QĐ-TTg, as amended by Decision 02/2021/QĐ-TTg). A poor household now
   * near-poor has escaped poverty (`escape`) but is not newly escaped.
   */
  readonly newlyEscaped: boolean;
  /** The list the household left, or `null` when it is still on it (or there was none). */
  readonly escape: Escape | null;
  /** For a survey record: each indicator as derived from the roster and dwelling. */
  readonly derivation?: readonly DerivedIndicator[];
  /** For a survey record: indicators that could not be determined (the category does not depend on them). */
  readonly undetermined?: readonly I[];
  /** The trace steps that used an unconfirmed parameter or definition (their `step` ids). */
  readonly unconfirmed: readonly string[];
  readonly trace: readonly TraceStep[];
}

/** Options of {@link classify}: the standard and/or the review date. */
export interface ClassifyOptions extends StandardChoice {
  /** Today's date, when `date` is omitted; for tests and reproducible runs. */
  readonly today?: () => IsoDate;
}

/**
 * The indicator ids a household may be deprived in under the options: the chosen shipped
 * standard's, any shipped standard's when the standard is chosen by date, any id for a standard
 * object of one's own.
 */
export type IndicatorsFor<O> = O extends { readonly standard: infer S }
  ? S extends StandardId
    ? IndicatorIdOf<S>
    : S extends undefined
      ? IndicatorId
      : string
  : IndicatorId;

/**
 * Options `O` with no key that `Allowed` lacks: an option the function does not read (a misspelt
 * `dat`, say) is typed `never`, so that it does not compile even beside the options it does read.
 */
export type OptionsOnly<O, Allowed> = O & { readonly [K in Exclude<keyof O, keyof Allowed>]: never };

/** What {@link classify} takes under the options: a household at indicator level or a survey record. */
export type ClassifyInput<O = {}> = HouseholdInput<IndicatorsFor<O>> | SurveyRecordInput;

const CATEGORY_TEXT: Readonly<Record<Category, string>> = {
  poor: 'poor household (hộ nghèo)',
  'near-poor': 'near-poor household (hộ cận nghèo)',
  average: 'household with average living standard (hộ có mức sống trung bình)',
  none: 'above the lines: neither poor, near-poor nor of average living standard',
};

const ROLE_TEXT: Readonly<Record<LineRole, string>> = {
  line: 'income line',
  'poverty-line': 'poverty line',
  'near-poverty-line': 'near-poverty line',
  'average-band-lower': 'lower bound of the average-living-standard band (exclusive)',
  'average-band-upper': 'upper bound of the average-living-standard band (inclusive)',
};


function describeIncome(h: Household, perCapita: number, standard: Standard): TraceStep {
  const { field, amount } = h.income;
  const given = `${field} = ${formatDong(amount)} đồng`;
  const text =
    field === 'incomeMonthlyPerCapita'
      ? `Income per person per month: ${formatDong(amount)} đồng.`
      : `${given} for ${h.size} member(s): ${formatDong(perCapita)} đồng per person per month${isExactPerCapita(field, amount, h.size) ? '' : ' (rounded for display; comparisons below are exact)'}.`;
  return {
    step: 'income',
    text,
    reference: 'income per person per month (thu nhập bình quân đầu người/tháng)',
    confirmed: true,
    values: { field, amount: amountToJSON(amount), size: h.size, monthlyPerCapita: perCapita, linesPer: standard.incomePeriod },
  };
}


/**
 * Classifies a household under the standard in force on the review date (or the standard given).
 *
 * Poor and near-poor follow the standard's rule (Decree 07/2021/NĐ-CP: income at most the line
 * AND at least 3 deprivations is poor; at most the line and fewer is near-poor). The result's
 * `trace` lists every comparison made, with its figures and legal reference, and flags each
 * unconfirmed parameter that was used.
 *
 * The household's type follows the options: with `standard: 'nd351-2025'`, `deprived` takes that
 * standard's indicators only; an unknown key or indicator, a misspelt area or standard id does not
 * compile. For input whose shape is not known until run time (a parsed file, a request body), use
 * {@link safeClassify}, which takes `unknown` and never throws.
 *
 * @param household - A household at indicator level ({@link HouseholdInput}) or a survey record
 *   ({@link SurveyRecordInput}: the indicators are derived from its roster and dwelling).
 * @param options - `date` (review date, `YYYY-MM-DD`) and/or `standard` (an id or a standard object).
 * @returns The {@link Classification}, plain JSON.
 * @throws {ChuanNgheoError} With a stable code, the field's path and the received value.
 *
 * @example
 * const result = classify(
 *   { area: 'rural', size: 3, incomeMonthlyTotal: 4_500_000, deprived: ['healthInsurance', 'housingArea', 'hygienicLatrine'] },
 *   { date: '2025-12-01' },
 * );
 * result.category //=> 'poor'
 * result.standard //=> 'nd07-2021'
 */
export function classify<const O extends ClassifyOptions = {}>(household: ClassifyInput<O>, options?: OptionsOnly<O, ClassifyOptions>): Classification<IndicatorsFor<O>>;
export function classify(household: unknown, options: ClassifyOptions = {}): Classification {
  const { standard, date } = readGuarded(() => resolveStandard(options), 'INVALID_OPTIONS', [], 'the options');
  return classifyOn(household, standard, date);
}

/**
 * Classifies under a resolved standard and date. The input is checked before it is used; should
 * reading it still throw (a getter, a Proxy), that is an `INVALID_FIELD` error like any bad input.
 */
export function classifyOn(household: unknown, standard: Standard, date: IsoDate): Classification {
  return readGuarded(
    () => {
      if (isSurveyRecord(household)) return classifyRecord(household, standard, date);
      return explainHousehold(readHousehold(household, indicatorIdSet(standard)), standard, date);
    },
    'INVALID_FIELD',
    [],
    'the household',
  );
}

/**
 * Classifies a survey record: derives the indicators from its roster and dwelling, then applies
 * the rule. Indicators that cannot be determined are an error only when the category depends on them.
 */
function classifyRecord(input: unknown, standard: Standard, date: IsoDate): Classification {
  const record = readSurveyRecord(input);
  if (record.members.length === 0) fail('INVALID_SIZE', ['members'], 'members: expected at least one member, received an empty roster', [], 'at least one member');
  if (record.size !== undefined && record.size !== record.members.length) {
    fail('INVALID_SIZE', ['size'], `size: expected ${record.members.length}, the number of members listed, received the number ${record.size}`, record.size, `${record.members.length}`);
  }
  const derivation = deriveFromRecord(record, standard, date);
  const household: Record<string, unknown> = { area: record.area, size: record.members.length, deprived: [...derivation.deprived] };
  for (const key of ['id', 'incomeMonthlyPerCapita', 'incomeMonthlyTotal', 'incomeAnnualTotal', 'previousCategory', 'previousRecognizedOn', 'leftListOn'] as const) {
    if (record[key] !== undefined) household[key] = record[key];
  }
  const h = readHousehold(household, indicatorIdSet(standard));
  if (derivation.undetermined.length) {
    const scale = incomeScale(h.income.field, h.size, standard.incomePeriod);
    const compare = (line: AmountParameter) => compareIncome(h.income.amount, scale, line.value);
    const low = decide(standard, h.area, compare, derivation.deprived.length).category;
    const high = decide(standard, h.area, compare, derivation.deprived.length + derivation.undetermined.length).category;
    if (low !== high) {
      const missing = derivation.indicators.flatMap((i) => (i.status === 'undetermined' ? i.missing.map((m) => `${i.indicator}: ${m}`) : []));
      const first = derivation.indicators.find((i) => i.status === 'undetermined')!;
      const path = first.missing.length ? parsePath(first.missing[0]!) : ['members'];
      fail(
        'UNDETERMINED_INDICATOR',
        path,
        `${formatPath(path)}: expected the facts that decide between ${low} and ${high}, received too few to determine ${derivation.undetermined.join(', ')} (${missing.length ? missing.join('; ') : first.reason})`,
        derivation.undetermined,
        'the facts the category depends on',
      );
    }
  }
  const steps = derivation.indicators.map((i): TraceStep =>
    ({
      step: `indicator:${i.indicator}`,
      text: `${i.indicator}: ${i.status}: ${i.reason}.`,
      reference: i.reference,
      confirmed: i.confirmed,
      ...(i.note !== undefined ? { note: i.note } : {}),
      values: { indicator: i.indicator, status: i.status, members: i.members.map(String), missing: i.missing },
    }),
  );
  return { ...explainHousehold(h, standard, date, steps), derivation: derivation.indicators, undetermined: derivation.undetermined };
}

/**
 * Safe twin of {@link classify}, and the entry for untrusted data: takes any value (a parsed JSON
 * line, a request body), checks it at run time and returns `{ success, data | error }`; it never throws,
 * whatever its arguments.
 *
 * @example
 * const outcome = safeClassify(JSON.parse('{"area":"rural","size":3,"incomeMonthlyTotal":4500000}'), { date: '2025-12-01' });
 * outcome.success && outcome.data.category //=> 'near-poor'
 * const bad = safeClassify({ area: 'rurall', size: 3, incomeMonthlyTotal: 4_500_000 }, { date: '2025-12-01' });
 * bad.success || bad.error.code //=> 'INVALID_AREA'
 */
export function safeClassify(household: unknown, options: ClassifyOptions = {}): SafeResult<Classification> {
  return toSafe(() => classifyOn(household, ...standardAndDate(options)));
}

/** The standard and date of the options, or an error with a code. */
function standardAndDate(options: ClassifyOptions): [Standard, IsoDate] {
  const { standard, date } = readGuarded(() => resolveStandard(options), 'INVALID_OPTIONS', [], 'the options');
  return [standard, date];
}

/**
 * Classifies a validated household; shared by {@link classify} and the roster path.
 *
 * @example
 * const standard = getStandard('nd07-2021');
 * const household = readHousehold({ area: 'urban', size: 2, incomeMonthlyTotal: 3_000_000, deprived: [] }, indicatorIdSet(standard));
 * explainHousehold(household, standard, '2025-12-01').category //=> 'near-poor'
 */
export function explainHousehold(h: Household, standard: Standard, date: IsoDate, extraTrace: readonly TraceStep[] = []): Classification {
  if (h.previousRecognizedOn !== undefined && h.previousRecognizedOn > date) {
    fail('INVALID_PREVIOUS_STATUS', ['previousRecognizedOn'], `previousRecognizedOn: expected a date on or before the review date ${date}, received ${h.previousRecognizedOn}`, h.previousRecognizedOn, `a date on or before ${date}`);
  }
  if (h.leftListOn !== undefined && h.leftListOn > date) {
    fail('INVALID_PREVIOUS_STATUS', ['leftListOn'], `leftListOn: expected a date on or before the review date ${date}, received ${h.leftListOn}`, h.leftListOn, `a date on or before ${date}`);
  }
  const area = h.area;
  const scale = incomeScale(h.income.field, h.size, standard.incomePeriod);
  const perCapita = monthlyPerCapita(h.income.field, h.income.amount, h.size);
  const order = standard.indicators;
  const deprivedSet = new Set(h.deprived);
  const deprived = order.filter((i) => deprivedSet.has(i.id));
  const count = deprived.length;
  const rule = standard.rule;
  const k = rule.minDeprivations;

  const trace: TraceStep[] = [
    ({
      step: 'standard',
      text: `Standard ${standard.id} (${standard.name.en}) applies on ${date}.`,
      reference: standard.legalBasis.map((b) => citation(b.reference)).join('; '),
      confirmed: true,
      values: { standard: standard.id, date, from: standard.effective.from, to: standard.effective.to, area },
    }),
    ...extraTrace,
    describeIncome(h, perCapita, standard),
    ({
      step: 'deprivations',
      text: `Deprived in ${count} of ${order.length} indicators${count ? `: ${deprived.map((i) => i.id).join(', ')}` : ''}.`,
      reference: deprived.length ? [...new Set(deprived.map((i) => citation(i.deprivedWhen.reference)))].join('; ') : citation(standard.legalBasis[0]!.reference),
      confirmed: deprived.every((i) => i.deprivedWhen.confirmed),
      ...(deprived.some((i) => !i.deprivedWhen.confirmed)
        ? { note: `unconfirmed threshold for ${deprived.filter((i) => !i.deprivedWhen.confirmed).map((i) => i.id).join(', ')}` }
        : {}),
      values: { count, deprived: deprived.map((i) => i.id), indicators: order.length },
    }),
  ];

  const compare = (line: AmountParameter, role: LineRole): -1 | 0 | 1 => {
    const result = compareIncome(h.income.amount, scale, line.value);
    const op = result <= 0 ? 'at most' : 'above';
    trace.push(
      ({
        step: role,
        text: `Income is ${op} the ${area} ${ROLE_TEXT[role]} of ${formatDong(line.value)} đồng per person per ${standard.incomePeriod}: ${describeComparison(h.income.amount, scale, line.value, result)}.`,
        reference: citation(line.reference),
        confirmed: line.confirmed,
        ...(line.note !== undefined ? { note: line.note } : {}),
        values: { line: line.value, comparison: result, atMost: result <= 0 },
      }),
    );
    return result;
  };

  const decision = decide(standard, area, compare, count);
  const usesK = decision.branch.includes('k-deprivations');
  if (usesK) {
    const met = count >= k.value;
    trace.push(
      ({
        step: 'min-deprivations',
        text: `${count} deprivation(s) ${met ? '≥' : '<'} k = ${k.value}.`,
        reference: citation(k.reference),
        confirmed: k.confirmed,
        ...(k.note !== undefined ? { note: k.note } : {}),
        values: { count, k: k.value, met },
      }),
    );
  }
  const band = standard.averageBand;
  if (band.status === 'not-defined' && decision.branch === 'no-average-band') {
    trace.push(
      ({ step: 'average-band', text: 'No average-living-standard band is defined for this standard.', reference: citation(band.reference), confirmed: band.confirmed, ...(band.note ? { note: band.note } : {}), values: { defined: false } }),
    );
  }
  trace.push(
    ({
      step: 'category',
      text: `Category: ${CATEGORY_TEXT[decision.category]}.`,
      reference: citation(rule.kind === 'two-tier' ? rule.povertyLines[area].reference : rule.lines[area].reference),
      confirmed: true,
      values: { category: decision.category, branch: decision.branch },
    }),
  );

  // Low-income worker (Decree 30/2025/NĐ-CP).
  let lowIncomeWorker: LowIncomeWorker | null = null;
  const liw = standard.lowIncomeWorker;
  if (liw) {
    const line = liw.lines[area];
    if (date >= liw.effectiveFrom) {
      const result = compareIncome(h.income.amount, scale, line.value);
      const excluded = liw.excludedCategories.value.includes(decision.category);
      const eligible = !excluded && result <= 0;
      lowIncomeWorker = { eligible, line: line.value, effectiveFrom: liw.effectiveFrom, reference: citation(line.reference) };
      trace.push(
        ({
          step: 'low-income-worker',
          text: excluded
            ? `Workers of this household are not low-income workers: the household is ${liw.excludedCategories.value.join(' or ')}.`
            : `Workers of this household ${eligible ? 'are' : 'are not'} low-income workers: income ${describeComparison(h.income.amount, scale, line.value, result)} against the ${area} line of ${formatDong(line.value)} đồng.`,
          reference: citation(line.reference),
          confirmed: line.confirmed && liw.excludedCategories.confirmed,
          ...(liw.worker.note !== undefined ? { note: liw.worker.note } : {}),
          values: { eligible, line: line.value, comparison: result },
        }),
      );
    } else {
      trace.push(
        ({ step: 'low-income-worker', text: `The low-income-worker line applies from ${liw.effectiveFrom}, after ${date}.`, reference: citation(line.reference), confirmed: line.confirmed, values: { eligible: null, effectiveFrom: liw.effectiveFrom } }),
      );
    }
  }

  // Escape from poverty or near-poverty, and the newly-escaped status (src/escape.ts).
  let escape: Escape | null = null;
  let newlyEscaped = false;
  if (h.previousCategory !== undefined && h.previousRecognizedOn !== undefined) {
    const window = standard.newlyEscapedWindow;
    const from = escapedFrom(h.previousCategory, decision.category);
    // (2): compared exactly, as the rule compares (income > line × members, no division).
    const nearLine = rule.kind === 'two-tier' ? rule.nearPovertyLines[area] : rule.lines[area];
    const nearText = rule.kind === 'two-tier' ? 'near-poverty line' : 'line';
    const nearComparison = compareIncome(h.income.amount, scale, nearLine.value);
    const above = nearComparison > 0;
    const leftListOn = h.leftListOn ?? date;
    const windowEndsOn = newlyEscapedUntil(leftListOn, window.value);
    const within = date <= windowEndsOn;
    newlyEscaped = from !== null && above && within;
    if (from !== null) {
      escape = {
        from,
        previousCategory: h.previousCategory,
        previousRecognizedOn: h.previousRecognizedOn,
        recognizedOn: date,
        leftListOn,
        incomeAboveNearPovertyStandard: above,
        windowMonths: window.value,
        windowEndsOn,
        withinWindow: within,
        windowConfirmed: window.confirmed,
      };
    }
    const held = (b: boolean) => (b ? 'holds' : 'does not hold');
    const text = from === null
      ? `Previously ${h.previousCategory} (recognised ${h.previousRecognizedOn}), now ${decision.category}: still on a list; not newly escaped.`
      : `Previously ${h.previousCategory} (recognised ${h.previousRecognizedOn}), now ${decision.category}: escaped ${from}. Newly escaped: ` +
        `(1) was on the ${h.previousCategory} list: holds; ` +
        `(2) income above the near-poverty standard (the ${area} ${nearText} of ${formatDong(nearLine.value)} đồng per person per ${standard.incomePeriod}): ${held(above)}; ` +
        `(3) at most ${window.value} months since leaving the list on ${leftListOn}, through ${windowEndsOn}: ${held(within)}. ` +
        (newlyEscaped ? 'Newly escaped.' : 'Not newly escaped.');
    trace.push(
      ({
        step: 'escape',
        text,
        reference: citation(window.reference),
        confirmed: from !== null ? window.confirmed : true,
        ...(from !== null && window.note !== undefined ? { note: window.note } : {}),
        values: {
          previousCategory: h.previousCategory,
          previousRecognizedOn: h.previousRecognizedOn,
          escaped: from !== null,
          onList: true,
          incomeAboveNearPovertyStandard: above,
          nearPovertyStandard: nearLine.value,
          leftListOn: from !== null ? leftListOn : null,
          windowMonths: window.value,
          windowEndsOn: from !== null ? windowEndsOn : null,
          withinWindow: from !== null ? within : null,
          newlyEscaped,
        },
      }),
    );
  }

  const lines =
    rule.kind === 'two-tier'
      ? { incomePeriod: standard.incomePeriod, poverty: rule.povertyLines[area].value, nearPoverty: rule.nearPovertyLines[area].value, minDeprivations: k.value }
      : { incomePeriod: standard.incomePeriod, poverty: rule.lines[area].value, nearPoverty: null, minDeprivations: k.value };

  return {
    ...(h.id !== undefined ? { id: h.id } : {}),
    category: decision.category,
    branch: decision.branch,
    standard: standard.id,
    date,
    area,
    size: h.size,
    incomeField: h.income.field,
    income: amountToJSON(h.income.amount),
    incomeMonthlyPerCapita: perCapita,
    deprivationCount: count,
    deprived: deprived.map((i) => i.id),
    lines,
    averageBand: band.status === 'defined' ? { above: band[area].above.value, atMost: band[area].atMost.value } : null,
    ...(band.status === 'not-defined' && band.note !== undefined ? { averageBandNote: band.note } : {}),
    lowIncomeWorker,
    newlyEscaped,
    escape,
    unconfirmed: trace.filter((t) => !t.confirmed).map((t) => t.step),
    trace,
  };
}
