/**
 * The summary tables of a review: households by category (overall and by group) and the
 * deprivation profile.
 *
 * @module
 */
import { categories, type Tally, type GroupTally } from '../analytics/tally.js';
import type { ListMovement, Transitions } from '../analytics/transitions.js';
import { planText, type TargetPlan, type TargetResult } from '../analytics/targets.js';
import type { Standard } from '../standards/schema.js';
import { categoryLabels, words, type Lang } from './labels.js';
import type { Table, Cell, Column } from './table.js';
import type { Category } from '../rule.js';
import type { BarChart } from './svg.js';
import { categoryColors } from './colors.js';
import { formatNumber } from './numbers.js';

/** A rounded rate and its exact value; nothing when there is no base to take a share of. */
function figure(value: number, exact: string | null): Cell {
  return exact === null ? null : { value, exact };
}

/** A column of rounded figures (rates, points) with their exact values. */
const rateColumn = (key: string, label: string, decimals: number): Column => ({ key, label, decimals, exact: true });

/** What the summary counts: households, or persons (members of the households). */
export type ReportUnit = 'households' | 'persons';

/** JSON keys of the categories. */
const categoryKeys: Readonly<Record<Category, string>> = { poor: 'poor', 'near-poor': 'nearPoor', average: 'average', none: 'other' };

/**
 * Households (or persons) by category, one row per group and a total row. JSON keys: `group`,
 * `households` (or `persons`), then for each category its count and rate (`poor`, `poorRate`,
 * `nearPoor`, `nearPoorRate`, `average`, `averageRate`, `other`, `otherRate`), and `persons` (or
 * `households`).
 * @example
 * const tally = await tallyAll(
 *   [
 *     { category: 'poor', deprived: ['healthInsurance'], size: 4, group: 'Xã A' },
 *     { category: 'near-poor', deprived: [], size: 3, group: 'Xã A' },
 *     { category: 'none', deprived: [], size: 2, group: 'Xã B' },
 *   ],
 *   { indicators: ['healthInsurance'] },
 * );
 * const table = summaryTable(tally, 'vi', { standard: 'nd07-2021', date: '2025-12-01' });
 * table.columns.slice(0, 4).map((c) => c.label) //=> ['Nhóm', 'Số hộ', 'Hộ nghèo', 'Tỷ lệ hộ nghèo (%)']
 * tableToJson(table).rows[2]
 * //=> { group: 'Tổng', households: 3, poor: 1, poorRate: 33.33, poorRateExact: '100/3', nearPoor: 1, nearPoorRate: 33.33, nearPoorRateExact: '100/3',
 * //     average: 0, averageRate: 0, averageRateExact: '0', other: 1, otherRate: 33.33, otherRateExact: '100/3', persons: 9 }
 */
export function summaryTable(tally: Tally, lang: Lang, context: { standard: string; date: string }, unit: ReportUnit = 'households'): Table {
  const w = words[lang];
  const c = categoryLabels[lang];
  const d = tally.rounding.decimals;
  const row = (g: GroupTally, name: string): Cell[] => {
    const counts = unit === 'households' ? g.households : g.persons;
    const rates = unit === 'households' ? g.householdRates : g.personRates;
    const exact = unit === 'households' ? g.householdRatesExact : g.personRatesExact;
    const other = unit === 'households' ? g.persons.total : g.households.total;
    return [name, counts.total, ...categories.flatMap((k) => [counts[k], figure(rates[k], exact[k])]), other];
  };
  const rateLabels = unit === 'households' ? w.rates : w.personRates;
  const [first, last] = unit === 'households' ? (['households', 'persons'] as const) : (['persons', 'households'] as const);
  return {
    id: unit === 'households' ? 'households-by-category' : 'persons-by-category',
    title: unit === 'households' ? w.summaryTitle : w.summaryTitlePersons,
    columns: [
      { key: 'group', label: w.group },
      { key: first, label: w[first] },
      ...categories.flatMap((k): Column[] => [{ key: categoryKeys[k], label: c[k] }, rateColumn(`${categoryKeys[k]}Rate`, rateLabels[k], d)]),
      { key: last, label: w[last] },
    ],
    rows: [...tally.groups.map((g) => row(g, g.group)), row(tally.total, w.total)],
    note: `${w.standard(context.standard, context.date)} ${w.rounding(d)}`,
    lang,
  };
}

/**
 * Households deprived in each indicator, among all, poor and near-poor households. JSON keys:
 * `indicator`, `deprivedAll`, `deprivedAllRate`, `deprivedPoor`, `deprivedPoorRate`,
 * `deprivedNearPoor`, `deprivedNearPoorRate`.
 * @example
 * const tally = await tallyAll(
 *   [
 *     { category: 'poor', deprived: ['healthInsurance'], size: 4, group: 'Xã A' },
 *     { category: 'near-poor', deprived: [], size: 3, group: 'Xã A' },
 *     { category: 'none', deprived: [], size: 2, group: 'Xã B' },
 *   ],
 *   { indicators: ['healthInsurance'] },
 * );
 * tableToJson(profileTable(tally, getStandard('nd07-2021'), 'en')).rows
 * //=> [{ indicator: 'Health insurance', deprivedAll: 1, deprivedAllRate: 33.33, deprivedAllRateExact: '100/3', deprivedPoor: 1, deprivedPoorRate: 100,
 * //      deprivedPoorRateExact: '100', deprivedNearPoor: 0, deprivedNearPoorRate: 0, deprivedNearPoorRateExact: '0' }]
 */
export function profileTable(tally: Tally, standard: Standard, lang: Lang): Table {
  const w = words[lang];
  const t = tally.total;
  const d = tally.rounding.decimals;
  return {
    id: 'deprivation-profile',
    title: w.profileTitle,
    columns: [
      { key: 'indicator', label: w.indicator },
      { key: 'deprivedAll', label: w.deprivedAll },
      rateColumn('deprivedAllRate', w.deprivedAllRate, d),
      { key: 'deprivedPoor', label: w.deprivedPoor },
      rateColumn('deprivedPoorRate', w.deprivedPoorRate, d),
      { key: 'deprivedNearPoor', label: w.deprivedNearPoor },
      rateColumn('deprivedNearPoorRate', w.deprivedNearPoorRate, d),
    ],
    rows: t.indicators.map((i) => {
      return [
        labelOf(standard, i.indicator, lang),
        i.all,
        figure(i.shareOfAll, i.shareOfAllExact),
        i.poor,
        figure(i.shareOfPoor, i.shareOfPoorExact),
        i.nearPoor,
        figure(i.shareOfNearPoor, i.shareOfNearPoorExact),
      ];
    }),
    note: [w.rounding(d), ...(lang === 'vi' && standard.indicators.some((i) => i.label.vi === undefined) ? [w.namesNotRead] : [])].join(' '),
    lang,
  };
}

/** An indicator's name in the report's language; in English where its Vietnamese wording was not read. */
function labelOf(standard: Standard, id: string, lang: Lang): string {
  const label = standard.indicators.find((x) => x.id === id)?.label;
  if (!label) return id;
  return lang === 'vi' ? (label.vi ?? label.en) : label.en;
}

/**
 * Movement of the poor and near-poor lists between two reviews. JSON keys: `list`, `beginning`,
 * `escaped`, `escapedToNearPoor` (poor list only), `movedToPoor` (near-poor list only), `movedIn`,
 * `fallenBack`, `newlyOn`, `left`, `end`, `rateBefore`, `rateAfter`, `rateChange`.
 * @example
 * const t = compareReviews([{ id: 'HH1', category: 'poor' }, { id: 'HH2', category: 'poor' }], [{ id: 'HH1', category: 'near-poor' }, { id: 'HH2', category: 'poor' }]);
 * tableToJson(transitionsTable(t, 'en')).rows[0]
 * //=> { list: 'Poor', beginning: 2, escaped: 1, escapedToNearPoor: 1, movedToPoor: null, movedIn: 0, fallenBack: 0, newlyOn: 0, left: 0, end: 1,
 * //     rateBefore: 100, rateBeforeExact: '100', rateAfter: 50, rateAfterExact: '50', rateChange: -50, rateChangeExact: '-50' }
 */
export function transitionsTable(t: Transitions, lang: Lang, options: { readonly weighted?: boolean } = {}): Table {
  const w = words[lang];
  const c = categoryLabels[lang];
  const d = t.rates.decimals;
  const e = t.rates.exact;
  const row = (m: ListMovement, name: string, before: Cell, after: Cell, change: Cell): Cell[] => [
    name,
    m.beginning,
    m.escaped,
    m.list === 'poor' ? m.escapedToNearPoor : null,
    m.list === 'near-poor' ? m.movedToPoor : null,
    m.movedIn,
    m.fallenBack,
    m.newlyOn,
    m.left,
    m.end,
    before,
    after,
    change,
  ];
  return {
    id: 'movement',
    title: w.transitionsTitle,
    columns: [
      { key: 'list', label: w.list },
      { key: 'beginning', label: w.beginning },
      { key: 'escaped', label: w.escaped },
      { key: 'escapedToNearPoor', label: w.escapedToNearPoor },
      { key: 'movedToPoor', label: w.movedToPoor },
      { key: 'movedIn', label: w.movedIn },
      { key: 'fallenBack', label: w.fallenBack },
      { key: 'newlyOn', label: w.newlyOn },
      { key: 'left', label: w.left },
      { key: 'end', label: w.end },
      rateColumn('rateBefore', w.rateBefore, d),
      rateColumn('rateAfter', w.rateAfter, d),
      rateColumn('rateChange', w.rateChange, d),
    ],
    rows: [
      row(t.poor, c.poor, figure(t.rates.poorBefore, e.poorBefore), figure(t.rates.poorAfter, e.poorAfter), figure(t.rates.poorChange, e.poorChange)),
      row(t.nearPoor, c['near-poor'], figure(t.rates.nearPoorBefore, e.nearPoorBefore), figure(t.rates.nearPoorAfter, e.nearPoorAfter), figure(t.rates.nearPoorChange, e.nearPoorChange)),
    ],
    note: [w.rounding(d), ...(options.weighted ? [w.unweightedMovement] : [])].join(' '),
    lang,
  };
}

/**
 * Measured value, plan and gap of each target. JSON keys: `target` (its name), `measured`, `plan`,
 * `gap`, `met`. The plan's title, reference, labels and targets not measured are in the report's
 * language when the plan gives them in both (`{ "vi": "…", "en": "…" }`); a target without a label
 * is named by what it measures.
 * @example
 * const tally = await tallyAll(
 *   [
 *     { category: 'poor', deprived: ['healthInsurance'], size: 4, group: 'Xã A' },
 *     { category: 'near-poor', deprived: [], size: 3, group: 'Xã A' },
 *     { category: 'none', deprived: [], size: 2, group: 'Xã B' },
 *   ],
 *   { indicators: ['healthInsurance'] },
 * );
 * const plan = defineTargetPlan({
 *   id: 'x-2025', title: 'Plan 2025', reference: 'Plan 12/KH-UBND',
 *   coverage: [{ indicator: 'healthInsurance', among: 'poor-or-near-poor', minimumPercent: 100, label: 'Health insurance' }],
 * });
 * tableToJson(targetsTable(measureTargets(plan, tally), plan, 'en', 2)).rows
 * //=> [{ target: 'Health insurance', measured: 50, measuredExact: '50', plan: 100, planExact: '100', gap: -50, gapExact: '-50', met: 'no' }]
 */
export function targetsTable(results: readonly TargetResult[], plan: TargetPlan, lang: Lang, decimals: number, options: { readonly weighted?: boolean } = {}): Table {
  const w = words[lang];
  return {
    id: 'targets',
    title: `${w.targetsTitle}: ${planText(plan.title, lang)}`,
    columns: [
      { key: 'target', label: w.target },
      rateColumn('measured', w.measured, decimals),
      rateColumn('plan', w.goal, decimals),
      rateColumn('gap', w.gap, decimals),
      { key: 'met', label: w.met },
    ],
    rows: results.map((r) => [
      targetName(r, lang),
      r.measured === null || r.measuredExact === null ? null : { value: r.measured, exact: r.measuredExact },
      { value: r.target, exact: r.targetExact },
      r.gap === null || r.gapExact === null ? null : { value: r.gap, exact: r.gapExact },
      r.met === null ? w.unknown : r.met ? w.yes : w.no,
    ]),
    note: [
      planText(plan.reference, lang),
      ...(plan.notMeasured.length ? [`${w.notMeasured}: ${plan.notMeasured.map((text) => planText(text, lang)).join('; ')}`] : []),
      w.rounding(decimals),
      ...(options.weighted && results.some((r) => r.unit === 'percentage points') ? [w.unweightedChange] : []),
    ]
      .map((sentence) => (/[.!?]$/.test(sentence) ? sentence : `${sentence}.`))
      .join(' '),
    lang,
  };
}

/** A target's name in the report's language: the plan's label, else what it measures. */
function targetName(r: TargetResult, lang: Lang): string {
  if (r.label !== undefined) return planText(r.label, lang);
  const m = r.measures;
  return m.kind === 'poverty-rate-change' ? words[lang].rateChangeTarget(formatNumber(m.years, lang)) : words[lang].coverageTarget(m.indicator, m.among);
}

/**
 * Children of poor and near-poor households and their deprivations. The title gives the age of a
 * child under `standard` (its `children.under`), and a note says when that age is unconfirmed.
 * JSON keys: `list`, `children`, `withoutHealthInsurance`, `malnourished`, `notInSchool`.
 * @example
 * const tally = await tallyAll(
 *   [
 *     { category: 'poor', deprived: ['healthInsurance'], size: 4, group: 'Xã A' },
 *     { category: 'near-poor', deprived: [], size: 3, group: 'Xã A' },
 *     { category: 'none', deprived: [], size: 2, group: 'Xã B' },
 *   ],
 *   { indicators: ['healthInsurance'] },
 * );
 * childrenTable(tally, 'en') //=> undefined
 */
export function childrenTable(tally: Tally, lang: Lang, standard?: Standard): Table | undefined {
  const counts = tally.total.children;
  if (!counts) return undefined;
  const w = words[lang];
  const c = categoryLabels[lang];
  const under = standard?.children?.under;
  return {
    id: 'children',
    title: w.childrenTitle(under?.value),
    columns: [
      { key: 'list', label: w.list },
      { key: 'children', label: w.children },
      { key: 'withoutHealthInsurance', label: w.noInsurance },
      { key: 'malnourished', label: w.malnourished },
      { key: 'notInSchool', label: w.notInSchool },
    ],
    rows: counts.map((x) => [c[x.among], x.children, x.withoutHealthInsurance, x.malnourished, x.notInSchool]),
    ...(under && !under.confirmed ? { note: w.childAgeUnconfirmed(standard!.id, under.note) } : {}),
    lang,
  };
}

/**
 * The deprivation profile as a bar chart: share deprived among all, poor and near-poor households.
 *
 * @example
 * const tally = await tallyAll(
 *   [
 *     { category: 'poor', deprived: ['healthInsurance'], size: 4, group: 'Xã A' },
 *     { category: 'near-poor', deprived: [], size: 3, group: 'Xã A' },
 *     { category: 'none', deprived: [], size: 2, group: 'Xã B' },
 *   ],
 *   { indicators: ['healthInsurance'] },
 * );
 * profileChart(tally, getStandard('nd07-2021'), 'en').groups //=> [{ label: 'Health insurance', values: [33.33, 100, 0] }]
 */
export function profileChart(tally: Tally, standard: Standard, lang: Lang): BarChart {
  const w = words[lang];
  const c = categoryLabels[lang];
  return {
    title: w.profileTitle,
    series: [w.allHouseholds, c.poor, c['near-poor']],
    colors: [categoryColors.all, categoryColors.poor, categoryColors['near-poor']],
    unit: '%',
    max: 100,
    lang,
    groups: tally.total.indicators.map((i) => ({
      label: labelOf(standard, i.indicator, lang),
      values: [i.shareOfAll, i.shareOfPoor, i.shareOfNearPoor],
    })),
  };
}

/**
 * Poverty and near-poverty rates by group (and in total) as a bar chart.
 *
 * @example
 * const tally = await tallyAll(
 *   [
 *     { category: 'poor', deprived: ['healthInsurance'], size: 4, group: 'Xã A' },
 *     { category: 'near-poor', deprived: [], size: 3, group: 'Xã A' },
 *     { category: 'none', deprived: [], size: 2, group: 'Xã B' },
 *   ],
 *   { indicators: ['healthInsurance'] },
 * );
 * ratesChart(tally, 'vi').groups
 * //=> [{ label: 'Xã A', values: [50, 50] }, { label: 'Xã B', values: [0, 0] }, { label: 'Tổng', values: [33.33, 33.33] }]
 */
export function ratesChart(tally: Tally, lang: Lang): BarChart {
  const w = words[lang];
  const c = categoryLabels[lang];
  return {
    title: w.summaryTitle,
    series: [c.poor, c['near-poor']],
    colors: [categoryColors.poor, categoryColors['near-poor']],
    unit: '%',
    lang,
    groups: [...tally.groups, { ...tally.total, group: w.total }].map((g) => ({ label: g.group, values: [g.householdRates.poor, g.householdRates['near-poor']] })),
  };
}
