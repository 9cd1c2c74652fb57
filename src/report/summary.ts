/**
 * The summary tables of a review: households by category (overall and by group) and the
 * deprivation profile.
 *
 * @module
 */
import type { Tally, GroupTally } from '../analytics/tally.js';
import type { ListMovement, Transitions } from '../analytics/transitions.js';
import type { TargetPlan, TargetResult } from '../analytics/targets.js';
import type { Standard } from '../standards/schema.js';
import { categoryLabels, words, type Lang } from './labels.js';
import type { Table, Cell } from './table.js';
import type { BarChart } from './svg.js';

/** Fixed decimals for the percent columns of a table of `width` columns. */
function percentColumns(width: number, columns: readonly number[], decimals: number): (number | undefined)[] {
  return Array.from({ length: width }, (_, i) => (columns.includes(i) ? decimals : undefined));
}

/** What the summary counts: households, or persons (members of the households). */
export type ReportUnit = 'households' | 'persons';

/** Households (or persons) by category, one row per group and a total row. */
export function summaryTable(tally: Tally, lang: Lang, context: { standard: string; date: string }, unit: ReportUnit = 'households'): Table {
  const w = words[lang];
  const c = categoryLabels[lang];
  const row = (g: GroupTally, name: string): Cell[] => {
    const counts = unit === 'households' ? g.households : g.persons;
    const rates = unit === 'households' ? g.householdRates : g.personRates;
    const other = unit === 'households' ? g.persons.total : g.households.total;
    return [name, counts.total, counts.poor, rates.poor, counts['near-poor'], rates['near-poor'], counts.average, rates.average, counts.none, rates.none, other];
  };
  const [first, last] = unit === 'households' ? [w.households, w.persons] : [w.persons, w.households];
  return {
    title: unit === 'households' ? w.summaryTitle : w.summaryTitlePersons,
    columns: [w.group, first, c.poor, '%', c['near-poor'], '%', c.average, '%', c.none, '%', last],
    rows: [...tally.groups.map((g) => row(g, g.group)), row(tally.total, w.total)],
    decimals: percentColumns(11, [3, 5, 7, 9], tally.rounding.decimals),
    note: `${w.standard(context.standard, context.date)} ${w.rounding(tally.rounding.decimals)}`,
  };
}

/** Households deprived in each indicator, among all, poor and near-poor households. */
export function profileTable(tally: Tally, standard: Standard, lang: Lang): Table {
  const w = words[lang];
  const t = tally.total;
  return {
    title: w.profileTitle,
    columns: [w.indicator, w.deprivedAll, '%', w.deprivedPoor, '%', w.deprivedNearPoor, '%'],
    rows: t.indicators.map((i) => {
      return [labelOf(standard, i.indicator, lang), i.all, i.shareOfAll, i.poor, i.shareOfPoor, i.nearPoor, i.shareOfNearPoor];
    }),
    decimals: percentColumns(7, [2, 4, 6], tally.rounding.decimals),
    ...(lang === 'vi' && standard.indicators.some((i) => i.label.vi === undefined) ? { note: w.namesNotRead } : {}),
  };
}

/** An indicator's name in the report's language; in English where its Vietnamese wording was not read. */
function labelOf(standard: Standard, id: string, lang: Lang): string {
  const label = standard.indicators.find((x) => x.id === id)?.label;
  if (!label) return id;
  return lang === 'vi' ? (label.vi ?? label.en) : label.en;
}

/** Movement of the poor and near-poor lists between two reviews. */
export function transitionsTable(t: Transitions, lang: Lang): Table {
  const w = words[lang];
  const c = categoryLabels[lang];
  const row = (m: ListMovement, name: string, before: number, after: number, change: number): Cell[] => [
    name,
    m.beginning,
    m.escaped,
    m.list === 'poor' ? m.escapedToNearPoor : '',
    m.list === 'near-poor' ? m.movedToPoor : '',
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
    title: w.transitionsTitle,
    columns: [w.list, w.beginning, w.escaped, w.escapedToNearPoor, w.movedToPoor, w.movedIn, w.fallenBack, w.newlyOn, w.left, w.end, w.rateBefore, w.rateAfter, w.rateChange],
    rows: [
      row(t.poor, c.poor, t.rates.poorBefore, t.rates.poorAfter, t.rates.poorChange),
      row(t.nearPoor, c['near-poor'], t.rates.nearPoorBefore, t.rates.nearPoorAfter, t.rates.nearPoorChange),
    ],
    decimals: percentColumns(13, [10, 11, 12], t.rates.decimals),
    note: w.rounding(t.rates.decimals),
  };
}

/** Measured value, plan and gap of each target. */
export function targetsTable(results: readonly TargetResult[], plan: TargetPlan, lang: Lang, decimals: number): Table {
  const w = words[lang];
  return {
    title: `${w.targetsTitle}: ${plan.title}`,
    columns: [w.target, w.measured, w.goal, w.gap, w.met],
    rows: results.map((r) => [r.name, r.measured ?? '—', r.target, r.gap ?? '—', r.met === null ? w.unknown : r.met ? w.yes : w.no]),
    decimals: percentColumns(5, [1, 2, 3], decimals),
    note: [plan.reference, ...(plan.notMeasured.length ? [`${w.notMeasured}: ${plan.notMeasured.join('; ')}`] : [])].join('. '),
  };
}

/**
 * Children of poor and near-poor households and their deprivations. The title gives the age of a
 * child under `standard` (its `children.under`), and a note says when that age is unconfirmed.
 */
export function childrenTable(tally: Tally, lang: Lang, standard?: Standard): Table | undefined {
  const counts = tally.total.children;
  if (!counts) return undefined;
  const w = words[lang];
  const c = categoryLabels[lang];
  const under = standard?.children?.under;
  return {
    title: w.childrenTitle(under?.value),
    columns: [w.list, w.children, w.noInsurance, w.malnourished, w.notInSchool],
    rows: counts.map((x) => [c[x.among], x.children, x.withoutHealthInsurance, x.malnourished, x.notInSchool]),
    ...(under && !under.confirmed ? { note: w.childAgeUnconfirmed(standard!.id, under.note) } : {}),
  };
}

/** The deprivation profile as a bar chart: share deprived among all, poor and near-poor households. */
export function profileChart(tally: Tally, standard: Standard, lang: Lang): BarChart {
  const w = words[lang];
  const c = categoryLabels[lang];
  return {
    title: w.profileTitle,
    series: [w.allHouseholds, c.poor, c['near-poor']],
    unit: '%',
    max: 100,
    groups: tally.total.indicators.map((i) => ({
      label: labelOf(standard, i.indicator, lang),
      values: [i.shareOfAll, i.shareOfPoor, i.shareOfNearPoor],
    })),
  };
}

/** Poverty and near-poverty rates by group (and in total) as a bar chart. */
export function ratesChart(tally: Tally, lang: Lang): BarChart {
  const w = words[lang];
  const c = categoryLabels[lang];
  return {
    title: w.summaryTitle,
    series: [c.poor, c['near-poor']],
    unit: '%',
    groups: [...tally.groups, { ...tally.total, group: w.total }].map((g) => ({ label: g.group, values: [g.householdRates.poor, g.householdRates['near-poor']] })),
  };
}
