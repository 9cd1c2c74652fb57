/**
 * The report's tables and charts, drawn from the same tables the command line renders.
 *
 * @module
 */
import type { Cell, Table } from '../../src/report/table.js';
import type { Lang } from '../../src/report/labels.js';
import { byId, fill, h } from './dom.js';
import type { Report } from './protocol.js';
import { strings } from './strings.js';

/** A cell as the Markdown report shows it: a figure by its rounded value, with the column's decimals. */
function cellText(cell: Cell, decimals: number | undefined): string {
  if (cell === null) return '—';
  const value = typeof cell === 'object' ? cell.value : cell;
  if (typeof value === 'number') return decimals === undefined ? String(value) : value.toFixed(decimals);
  return value;
}

function tableElement(table: Table): HTMLElement {
  const head = h('tr', {}, ...table.columns.map((c) => h('th', { scope: 'col' }, c.label)));
  const rows = table.rows.map((cells) =>
    h(
      'tr',
      {},
      ...cells.map((cell, i) => {
        const numeric = typeof cell === 'number' || (typeof cell === 'object' && cell !== null);
        return i === 0 ? h('th', { scope: 'row' }, cellText(cell, table.columns[i]?.decimals)) : h('td', { class: numeric ? 'num' : undefined }, cellText(cell, table.columns[i]?.decimals));
      }),
    ),
  );
  return h('div', {}, h('table', { class: 'report', 'data-table': table.id }, h('caption', {}, table.title), h('thead', {}, head), h('tbody', {}, ...rows)), table.note ? h('p', { class: 'note' }, table.note) : '');
}

/** An SVG chart of the library, as an image (so that its markup stays its own). */
function chartElement(svg: string, title: string): HTMLElement {
  const image = h('img', { src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, alt: title });
  return h('figure', {}, image);
}

/** Shows the report. */
export function showReport(report: Report, lang: Lang): void {
  const s = strings[lang];
  const tables = report.tables.map(tableElement);
  fill(byId('report'), ...tables, ...(report.invalid > 0 ? [h('p', { class: 'note' }, s.reportInvalid(report.invalid))] : []));
  const titles = report.tables.map((t) => t.title);
  fill(byId('charts'), chartElement(report.charts.profile, titles[1] ?? ''), chartElement(report.charts.rates, titles[0] ?? ''));
}
