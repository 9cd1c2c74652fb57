// Charts and numbers a reader trusts at a glance: round ticks, one colour per category in every
// chart, and numbers written as the report's language writes them.
import { describe, expect, it } from 'vitest';
import { createTally } from '../../src/analytics/index.js';
import { getStandard } from '../../src/index.js';
import { barChartSvg, profileChart, ratesChart, renderTables, summaryTable, type BarChart } from '../../src/report/index.js';
import { axisTicks } from '../../src/report/svg.js';
import { categoryColors } from '../../src/report/colors.js';
import { formatNumber } from '../../src/report/numbers.js';

const standard = getStandard('nd07-2021');

/** The tick labels along the axis of a chart, in order. */
const tickLabels = (svg: string) => [...svg.matchAll(/<text [^>]*fill="#555555">([^<]*)<\/text>/g)].map((m) => m[1]);
/** The colour of each legend entry, by its label. */
const legend = (svg: string) => new Map([...svg.matchAll(/<rect x="\d+" y="32" width="12" height="12" fill="([^"]+)"\/>\n<text [^>]*>([^<]*)<\/text>/g)].map((m) => [m[2]!, m[1]!]));
/** The colour of every bar, by its series (read from the bar's title). */
const barColors = (svg: string) => [...svg.matchAll(/fill="([^"]+)"><title>[^<]* — ([^:<]*):/g)].map((m) => [m[2]!, m[1]!] as const);

describe('axisTicks', () => {
  it.each([
    [100, [0, 20, 40, 60, 80, 100]],
    [60, [0, 20, 40, 60]],
    [50, [0, 10, 20, 30, 40, 50]],
    [37.5, [0, 10, 20, 30, 40]],
    [12, [0, 5, 10, 15]],
    [6, [0, 2, 4, 6]],
    [1, [0, 0.2, 0.4, 0.6, 0.8, 1]],
    [0.3, [0, 0.1, 0.2, 0.3]],
    [2.4, [0, 0.5, 1, 1.5, 2, 2.5]],
    [1234, [0, 500, 1000, 1500]],
    [0, [0, 0.2, 0.4, 0.6, 0.8, 1]],
  ])('%d: %j', (max, ticks) => {
    expect(axisTicks(max)).toEqual(ticks);
  });

  it('ends on the first tick at or above the maximum, in steps of 1, 2 or 5 times a power of ten, at most five', () => {
    for (let max = 0.01; max < 5000; max *= 1.37) {
      const ticks = axisTicks(max);
      const step = ticks[1]! - ticks[0]!;
      expect(ticks[0]).toBe(0);
      expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
      expect(ticks.at(-2)!).toBeLessThan(max);
      expect(ticks.length - 1).toBeLessThanOrEqual(5);
      const mantissa = Number((step / 10 ** Math.floor(Math.log10(step) + 1e-9)).toPrecision(6));
      expect([1, 2, 5]).toContain(mantissa);
    }
  });
});

describe('barChartSvg', () => {
  const chart: BarChart = { title: 'Rates', series: ['a', 'b'], unit: '%', groups: [{ label: 'X', values: [37.5, 12.25] }] };

  it('puts the axis on round ticks for the largest value', () => {
    expect(tickLabels(barChartSvg(chart))).toEqual(['0%', '10%', '20%', '30%', '40%']);
    expect(tickLabels(barChartSvg({ ...chart, max: 100 }))).toEqual(['0%', '20%', '40%', '60%', '80%', '100%']);
  });

  it('draws a bar to scale on that axis: 37.5 of an axis to 40 is 15/16 of the plot', () => {
    const width = Number(/<rect x="\d+" y="\d+" width="([\d.]+)"[^>]*fill="#c0392b"><title>X — a/.exec(barChartSvg(chart))![1]);
    expect(width).toBeCloseTo((460 * 37.5) / 40, 2);
  });

  it('writes numbers as the chart language writes them', () => {
    const vi = barChartSvg({ ...chart, lang: 'vi' });
    expect(tickLabels(vi)).toEqual(['0%', '10%', '20%', '30%', '40%']);
    expect(vi).toContain('>37,5%</text>');
    expect(vi).toContain('>12,25%</text>');
    expect(barChartSvg(chart)).toContain('>37.5%</text>');
    expect(tickLabels(barChartSvg({ ...chart, groups: [{ label: 'X', values: [0.75, 0.5] }], lang: 'vi' }))).toEqual(['0%', '0,2%', '0,4%', '0,6%', '0,8%']);
  });

  it('gives each series the colour the chart names for it', () => {
    const svg = barChartSvg({ ...chart, colors: ['#111111', '#222222'] });
    expect(legend(svg)).toEqual(new Map([['a', '#111111'], ['b', '#222222']]));
    expect(barColors(svg)).toEqual([['a', '#111111'], ['b', '#222222']]);
  });
});

describe('the report charts', () => {
  const tally = createTally({ indicators: standard.indicators.map((i) => i.id) });
  tally.add({ category: 'poor', deprived: ['healthInsurance', 'housingArea', 'nutrition'], size: 3, group: 'A' });
  tally.add({ category: 'near-poor', deprived: ['nutrition'], size: 2, group: 'A' });
  tally.add({ category: 'none', deprived: ['healthInsurance'], size: 4, group: 'B' });
  tally.add({ category: 'average', deprived: [], size: 1, group: 'B' });
  const result = tally.result();

  it.each(['en', 'vi'] as const)('give each category one colour across both charts (%s)', (lang) => {
    const profile = barChartSvg(profileChart(result, standard, lang));
    const rates = barChartSvg(ratesChart(result, lang));
    const poor = lang === 'vi' ? 'Hộ nghèo' : 'Poor';
    const nearPoor = lang === 'vi' ? 'Hộ cận nghèo' : 'Near-poor';
    for (const svg of [profile, rates]) {
      expect(legend(svg).get(poor)).toBe(categoryColors.poor);
      expect(legend(svg).get(nearPoor)).toBe(categoryColors['near-poor']);
      const bars = barColors(svg);
      expect(bars.length).toBeGreaterThan(3);
      for (const [series, color] of bars) {
        if (series === poor) expect(color).toBe(categoryColors.poor);
        else if (series === nearPoor) expect(color).toBe(categoryColors['near-poor']);
        else expect(color).toBe(categoryColors.all);
      }
    }
    expect(new Set(Object.values(categoryColors)).size).toBe(Object.keys(categoryColors).length);
  });

  it('put the profile on 0 … 100 % and the rates on a round axis above the highest rate', () => {
    expect(tickLabels(barChartSvg(profileChart(result, standard, 'en')))).toEqual(['0%', '20%', '40%', '60%', '80%', '100%']);
    // Group A: 1 poor of 2 households (50 %); the highest rate.
    expect(tickLabels(barChartSvg(ratesChart(result, 'en')))).toEqual(['0%', '10%', '20%', '30%', '40%', '50%']);
  });
});

describe('numbers in the report language', () => {
  it.each([
    [1234567.5, 'en', undefined, '1,234,567.5'],
    [1234567.5, 'vi', undefined, '1.234.567,5'],
    [1234, 'vi', undefined, '1.234'],
    [999, 'vi', undefined, '999'],
    [12.5, 'vi', 2, '12,50'],
    [-0.25, 'vi', 2, '-0,25'],
    [66.666667, 'vi', 2, '66,67'],
    [1e-7, 'vi', undefined, '0'],
  ] as const)('%d in %s (decimals %s): %s', (value, lang, decimals, text) => {
    expect(formatNumber(value, lang, { decimals })).toBe(text);
  });

  it('the same as Intl writes them for vi-VN and en-US', () => {
    for (const value of [0, 3, 1000, 12345.678, 9876543.21, -4321.5, 0.125]) {
      for (const decimals of [0, 2]) {
        const style = { minimumFractionDigits: decimals, maximumFractionDigits: decimals };
        expect(formatNumber(value, 'vi', { decimals })).toBe(value.toLocaleString('vi-VN', style));
        expect(formatNumber(value, 'en', { decimals })).toBe(value.toLocaleString('en-US', style));
      }
    }
  });

  it('text and Markdown write them so; CSV and JSON keep numbers a program reads', () => {
    const tally = createTally({ indicators: standard.indicators.map((i) => i.id) });
    tally.add({ category: 'poor', deprived: [], size: 2, weight: '1234.5' });
    tally.add({ category: 'none', deprived: [], size: 1, weight: '1000' });
    const result = tally.result();
    const context = { standard: 'nd07-2021', date: '2025-12-01' };
    const vi = summaryTable(result, 'vi', context);
    // 1,234.5 poor of 2,234.5 households: 55.246… %.
    expect(renderTables([vi], 'table')).toMatch(/^Tổng +2\.234,5 +1\.234,5 +55,25 +0 +0,00 +0 +0,00 +1\.000 +44,75 +/m);
    expect(renderTables([vi], 'md')).toContain('| Tổng | 2.234,5 | 1.234,5 | 55,25 | 0 | 0,00 | 0 | 0,00 | 1.000 | 44,75 |');
    expect(renderTables([vi], 'csv')).toContain('\nTổng,2234.5,1234.5,55.25,0,0,0,0,1000,44.75,');
    const [json] = JSON.parse(renderTables([vi], 'json')) as { rows: Record<string, unknown>[] }[];
    expect(json!.rows.at(-1)).toMatchObject({ households: 2234.5, poor: 1234.5, poorRate: 55.25, other: 1000 });
    expect(renderTables([summaryTable(result, 'en', context)], 'table')).toMatch(/^Total +2,234\.5 +1,234\.5 +55\.25 +/m);
  });
});
