/**
 * Horizontal bar charts as SVG text: no browser or canvas needed to make them, and they open in
 * any browser, office suite or document.
 *
 * @module
 */

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
  /** Upper end of the axis; default the largest value (at least 1). */
  readonly max?: number;
}

const PALETTE = ['#c0392b', '#e67e22', '#2e86c1', '#27ae60', '#8e44ad'];

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
  const max = chart.max ?? Math.max(1, ...chart.groups.flatMap((g) => g.values));
  const unit = chart.unit ?? '';
  const x = (v: number) => (v / max) * plotWidth;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="12" y="22" font-size="15" font-weight="bold">${xmlEscape(chart.title)}</text>`,
  ];
  chart.series.forEach((s, i) => {
    const lx = 12 + i * 160;
    parts.push(`<rect x="${lx}" y="32" width="12" height="12" fill="${PALETTE[i % PALETTE.length]}"/>`, `<text x="${lx + 16}" y="42">${xmlEscape(s)}</text>`);
  });
  for (let t = 0; t <= 4; t++) {
    const gx = labelWidth + (plotWidth * t) / 4;
    parts.push(
      `<line x1="${gx}" y1="${top - 4}" x2="${gx}" y2="${height - 30}" stroke="#dddddd"/>`,
      `<text x="${gx}" y="${height - 14}" text-anchor="middle" fill="#555555">${xmlEscape(formatNumber((max * t) / 4))}${xmlEscape(unit)}</text>`,
    );
  }
  chart.groups.forEach((g, gi) => {
    const gy = top + gi * groupHeight;
    parts.push(`<text x="${labelWidth - 8}" y="${gy + (chart.series.length * bar) / 2 + 4}" text-anchor="end">${xmlEscape(g.label)}</text>`);
    g.values.forEach((v, si) => {
      const y = gy + si * bar;
      parts.push(
        `<rect x="${labelWidth}" y="${y}" width="${x(v).toFixed(2)}" height="${bar - 2}" fill="${PALETTE[si % PALETTE.length]}"><title>${xmlEscape(`${g.label} — ${chart.series[si] ?? ''}: ${formatNumber(v)}${unit}`)}</title></rect>`,
        `<text x="${(labelWidth + x(v) + 4).toFixed(2)}" y="${y + bar - 3}" font-size="10" fill="#333333">${xmlEscape(formatNumber(v))}${xmlEscape(unit)}</text>`,
      );
    });
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

function formatNumber(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
}
