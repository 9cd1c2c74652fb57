/**
 * Horizontal bar charts as SVG text: no browser or canvas needed to make them, and they open in
 * any browser, office suite or document. The axis stands on round ticks (0, 20, 40 … 100), each
 * series has the colour its chart gives it (the report's charts give each category its own, see
 * {@link categoryColors}), and numbers are written as the chart's language writes them.
 *
 * @module
 */
import { categoryColors } from './colors.js';
import type { Lang } from './labels.js';
import { formatNumber as formatIn } from './numbers.js';

/** One bar group: a label and one value per series. */
export interface BarGroup {
  readonly label: string;
  readonly values: readonly number[];
}

/** A bar chart. */
export interface BarChart {
  readonly title: string;
  readonly series: readonly string[];
  readonly groups: readonly BarGroup[];
  /** Unit shown after values (e.g. `%`). */
  readonly unit?: string;
  /** The axis reaches at least this value (100 for shares of a whole); it ends on the first round tick at or above it and every value. */
  readonly max?: number;
  /** One colour per series (CSS colours), the same series in the same colour in every chart; default a palette by position. */
  readonly colors?: readonly string[];
  /** The language its numbers are written in: `12.5` in English, `12,5` in Vietnamese (default English). */
  readonly lang?: Lang;
}

const PALETTE = [categoryColors.poor, categoryColors['near-poor'], categoryColors.average, categoryColors.none, categoryColors['poor-or-near-poor']];

/**
 * Round ticks of an axis from 0 that reaches `max`: a step of 1, 2 or 5 times a power of ten,
 * chosen for at most five intervals; the last tick is the first at or above `max` (an axis of
 * nothing, or of values ≤ 0, runs from 0 to 1).
 *
 * Example:
 *
 *     axisTicks(100) //=> [0, 20, 40, 60, 80, 100]
 *     axisTicks(37.5) //=> [0, 10, 20, 30, 40]
 *     axisTicks(0.8) //=> [0, 0.2, 0.4, 0.6, 0.8]
 */
export function axisTicks(max: number): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const rough = top / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const ratio = rough / magnitude;
  const step = (ratio <= 1 + 1e-9 ? 1 : ratio <= 2 + 1e-9 ? 2 : ratio <= 5 + 1e-9 ? 5 : 10) * magnitude;
  const count = Math.max(1, Math.ceil(top / step - 1e-9));
  const digits = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return Array.from({ length: count + 1 }, (_, i) => Number((i * step).toFixed(digits)));
}

/** Escapes text for XML. */
export function xmlEscape(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/**
 * Renders a horizontal grouped bar chart.
 *
 * @example
 * const svg = barChartSvg({ title: 'Poverty rate', series: ['Poor'], unit: '%', groups: [{ label: 'Xã A', values: [14.29] }] });
 * svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"') //=> true
 * svg.includes('Xã A') //=> true
 */
export function barChartSvg(chart: BarChart): string {
  const labelWidth = Math.min(360, 24 + 7 * Math.max(8, ...chart.groups.map((g) => [...g.label].length)));
  const plotWidth = 460;
  const bar = 14;
  const groupGap = 10;
  const top = 56;
  const groupHeight = chart.series.length * bar + groupGap;
  const height = top + chart.groups.length * groupHeight + 40;
  const width = labelWidth + plotWidth + 80;
  const ticks = axisTicks(Math.max(chart.max ?? 0, ...chart.groups.flatMap((g) => g.values)));
  const max = ticks.at(-1)!;
  const unit = chart.unit ?? '';
  const lang = chart.lang ?? 'en';
  const formatNumber = (v: number) => formatIn(v, lang, { maxDecimals: 2 });
  const color = (i: number) => chart.colors?.[i] ?? PALETTE[i % PALETTE.length]!;
  const x = (v: number) => (v / max) * plotWidth;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="12" y="22" font-size="15" font-weight="bold">${xmlEscape(chart.title)}</text>`,
  ];
  chart.series.forEach((s, i) => {
    const lx = 12 + i * 160;
    parts.push(`<rect x="${lx}" y="32" width="12" height="12" fill="${color(i)}"/>`, `<text x="${lx + 16}" y="42">${xmlEscape(s)}</text>`);
  });
  for (const tick of ticks) {
    const gx = +(labelWidth + x(tick)).toFixed(2);
    parts.push(
      `<line x1="${gx}" y1="${top - 4}" x2="${gx}" y2="${height - 30}" stroke="#dddddd"/>`,
      `<text x="${gx}" y="${height - 14}" text-anchor="middle" fill="#555555">${xmlEscape(formatNumber(tick))}${xmlEscape(unit)}</text>`,
    );
  }
  chart.groups.forEach((g, gi) => {
    const gy = top + gi * groupHeight;
    parts.push(`<text x="${labelWidth - 8}" y="${gy + (chart.series.length * bar) / 2 + 4}" text-anchor="end">${xmlEscape(g.label)}</text>`);
    g.values.forEach((v, si) => {
      const y = gy + si * bar;
      parts.push(
        `<rect x="${labelWidth}" y="${y}" width="${x(v).toFixed(2)}" height="${bar - 2}" fill="${color(si)}"><title>${xmlEscape(`${g.label} — ${chart.series[si] ?? ''}: ${formatNumber(v)}${unit}`)}</title></rect>`,
        `<text x="${(labelWidth + x(v) + 4).toFixed(2)}" y="${y + bar - 3}" font-size="10" fill="#333333">${xmlEscape(formatNumber(v))}${xmlEscape(unit)}</text>`,
      );
    });
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
