/**
 * The summary tables of a review: households by category (overall and by group) and the
 * deprivation profile.
 *
 * @module
 */
import type { Tally, GroupTally } from '../analytics/tally.js';
import type { Standard } from '../standards/schema.js';
import { categoryLabels, words, type Lang } from './labels.js';
import type { Table, Cell } from './table.js';

/** Households by category, one row per group and a total row. */
export function summaryTable(tally: Tally, lang: Lang, context: { standard: string; date: string }): Table {
  const w = words[lang];
  const c = categoryLabels[lang];
  const row = (g: GroupTally, name: string): Cell[] => [
    name,
    g.households.total,
    g.households.poor,
    g.householdRates.poor,
    g.households['near-poor'],
    g.householdRates['near-poor'],
    g.households.average,
    g.householdRates.average,
    g.households.none,
    g.householdRates.none,
    g.persons.total,
  ];
  return {
    title: w.summaryTitle,
    columns: [w.group, w.households, c.poor, '%', c['near-poor'], '%', c.average, '%', c.none, '%', w.persons],
    rows: [...tally.groups.map((g) => row(g, g.group)), row(tally.total, w.total)],
    decimals: [undefined, undefined, undefined, 2, undefined, 2, undefined, 2, undefined, 2, undefined].map((d) => (d === undefined ? undefined : tally.rounding.decimals)),
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
      const indicator = standard.indicators.find((x) => x.id === i.indicator);
      return [indicator ? indicator.label[lang] : i.indicator, i.all, i.shareOfAll, i.poor, i.shareOfPoor, i.nearPoor, i.shareOfNearPoor];
    }),
    decimals: [undefined, undefined, tally.rounding.decimals, undefined, tally.rounding.decimals, undefined, tally.rounding.decimals],
  };
}
