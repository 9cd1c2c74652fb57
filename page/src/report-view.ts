/**
 * The report's tables and charts, drawn from the same tables the command line renders.
 *
 * @module
 */
import type { Cell, Table } from '../../src/report/table.js';
import type { Lang } from '../../src/report/labels.js';
import { byId, fill, h } from './dom.js';
import type { Report, ReportChoice } from './protocol.js';
import { errorLine } from './trace-view.js';
import { WorkerFailure } from './worker-client.js';
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

/** What the command line says beside the report's tables: the rows left out and the first of them, the records without the grouping key, the households not compared. */
function notesOf(report: Report, choice: ReportChoice, lang: Lang): HTMLElement[] {
  const s = strings[lang];
  const notes: HTMLElement[] = [];
  if (report.invalid > 0) {
    const text = [s.reportInvalid(report.invalid)];
    if (report.badWeights > 0) text.push(s.badWeights(report.badWeights));
    if (report.firstError !== undefined) text.push(`${s.firstError} ${report.firstError}`);
    notes.push(h('p', { class: 'note', 'data-note': 'invalid' }, text.join(' ')));
  }
  if (report.withoutGroup > 0 && choice.by !== undefined) notes.push(h('p', { class: 'note', 'data-note': 'without-group' }, s.withoutGroup(report.withoutGroup, choice.by)));
  if (report.withoutId > 0) notes.push(h('p', { class: 'note', 'data-note': 'without-id' }, s.currentWithoutId(report.withoutId)));
  return notes;
}

/** Shows the report. */
export function showReport(report: Report, choice: ReportChoice, lang: Lang): void {
  const tables = report.tables.map(tableElement);
  fill(byId('report'), ...tables, ...notesOf(report, choice, lang));
  const titles = report.tables.map((t) => t.title);
  fill(byId('charts'), chartElement(report.charts.profile, titles[1] ?? ''), chartElement(report.charts.rates, titles[0] ?? ''));
}

/** Shows why the report cannot be made (an option that names a column the file lacks: the command line's message). */
export function showReportError(error: unknown, lang: Lang): void {
  const detail = error instanceof WorkerFailure ? error.detail : undefined;
  fill(byId('report'), h('div', { class: 'error-box', role: 'alert', id: 'report-error' }, h('strong', {}, strings[lang].reportError), detail ? errorLine(detail) : h('p', {}, error instanceof Error ? error.message : String(error))));
  fill(byId('charts'));
}
