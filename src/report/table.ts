/**
 * Report tables and their renderings: an aligned table for the terminal, CSV for spreadsheets,
 * Markdown for documents, JSON for programs. Every format keeps every column: headers are
 * distinct in each language, and JSON keys are distinct, camelCase and the same in every language.
 * The terminal and Markdown write numbers as the table's language does (`1.234,5` in Vietnamese);
 * CSV and JSON keep them as a program reads them (`1234.5`), whatever the language.
 *
 * @module
 */
import type { Lang } from './labels.js';
import { formatNumber } from './numbers.js';

/** A rounded figure with its exact value, in the same unit (percent, percentage points). */
export interface Figure {
  /** The figure rounded as the table's note says. */
  readonly value: number;
  /** The exact figure as a fraction string: `"100/7"`, or `"15"` when whole. */
  readonly exact: string;
}

/**
 * A cell: text, a number (right-aligned in the terminal), a {@link Figure}, or `null` when there is
 * nothing to show (not applicable, or not measurable): `—` in the terminal and Markdown, an empty
 * field in CSV, `null` in JSON.
 */
export type Cell = string | number | Figure | null;

/** A column of a table. */
export interface Column {
  /** The JSON key: camelCase, distinct in the table, the same in every language. */
  readonly key: string;
  /** The header, in the report's language; distinct in the table. */
  readonly label: string;
  /** Fixed decimal places for display (terminal and Markdown). */
  readonly decimals?: number;
  /** The column holds {@link Figure}s: JSON gives the exact value beside it, under `<key>Exact`. */
  readonly exact?: boolean;
}

/** A titled table. */
export interface Table {
  /** What the table is, the same in every language (e.g. `deprivation-profile`). */
  readonly id: string;
  readonly title: string;
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly Cell[])[];
  /** A line under the table (rounding, provenance). */
  readonly note?: string;
  /** The language of its words, in which the terminal and Markdown write its numbers (default English). */
  readonly lang?: Lang;
}

/** Rendering formats of a report. */
export type ReportFormat = 'table' | 'csv' | 'json' | 'md';

const KEY = /^[a-z][A-Za-z0-9]*$/;

/** The JSON keys of a table's columns, in order, the exact ones after their figure's. */
export function jsonKeys(table: Table): string[] {
  return table.columns.flatMap((c) => (c.exact ? [c.key, `${c.key}Exact`] : [c.key]));
}

const isFigure = (cell: Cell): cell is Figure => typeof cell === 'object' && cell !== null;

/**
 * Checks that a table can be rendered without losing a column: distinct headers and keys,
 * camelCase keys, a cell for every column, figures exactly in the columns that say so.
 *
 * @throws {Error} naming the table and what is wrong.
 * @example
 * checkTable({ id: 'x', title: 'X', columns: [{ key: 'a', label: 'A' }, { key: 'b', label: 'A' }], rows: [] })
 * //=> throws
 */
export function checkTable(table: Table): void {
  const problem = (text: string): never => {
    throw new Error(`table ${JSON.stringify(table.id)}: ${text}`);
  };
  const repeated = (xs: readonly string[]) => xs.find((x, i) => xs.indexOf(x) !== i);
  const label = repeated(table.columns.map((c) => c.label));
  if (label !== undefined) problem(`the header ${JSON.stringify(label)} appears twice`);
  const keys = jsonKeys(table);
  const key = repeated(keys);
  if (key !== undefined) problem(`the key ${JSON.stringify(key)} appears twice`);
  const bad = keys.find((k) => !KEY.test(k));
  if (bad !== undefined) problem(`the key ${JSON.stringify(bad)} is not camelCase`);
  table.rows.forEach((row, r) => {
    if (row.length !== table.columns.length) problem(`row ${r + 1} has ${row.length} cell(s) for ${table.columns.length} column(s)`);
    row.forEach((cell, i) => {
      const column = table.columns[i]!;
      if (isFigure(cell) !== (column.exact === true) && cell !== null) {
        problem(`row ${r + 1}, column ${column.key}: ${column.exact ? 'a figure with its exact value is expected' : 'a figure in a column without exact values'}`);
      }
    });
  });
}

const width = (text: string) => [...text].length;

function cellText(cell: Cell, decimals: number | undefined, lang: Lang): string {
  if (cell === null) return '—';
  const value = isFigure(cell) ? cell.value : cell;
  if (typeof value !== 'number') return value;
  return formatNumber(value, lang, { decimals });
}

/** Columns of numbers and figures (empty cells aside), right-aligned; a column of figures is, even when all its cells are empty. */
function numericColumns(table: Table): boolean[] {
  return table.columns.map((column, i) => {
    const cells = table.rows.map((r) => r[i] ?? null).filter((c) => c !== null);
    return (cells.length > 0 || column.exact === true) && cells.every((c) => typeof c === 'number' || isFigure(c));
  });
}

/**
 * An aligned plain-text table (numbers right-aligned).
 *
 * @example
 * const table = { id: 'example', title: 'Households', columns: [{ key: 'group', label: 'Group' }, { key: 'poor', label: 'Poor' }], rows: [['Xã A', 1], ['Xã B', 0]] };
 * renderText(table).split('\n') //=> ['Households', 'Group  Poor', '─────  ────', 'Xã A      1', 'Xã B      0', '']
 */
export function renderText(table: Table): string {
  checkTable(table);
  const labels = table.columns.map((c) => c.label);
  const texts = table.rows.map((row) => row.map((cell, i) => cellText(cell, table.columns[i]!.decimals, table.lang ?? 'en')));
  const widths = labels.map((c, i) => Math.max(width(c), ...texts.map((r) => width(r[i] ?? ''))));
  const pad = (text: string, i: number, right: boolean) => {
    const gap = ' '.repeat(widths[i]! - width(text));
    return right ? gap + text : text + gap;
  };
  const numeric = numericColumns(table);
  const lines = [
    table.title,
    labels.map((c, i) => pad(c, i, numeric[i]!)).join('  ').trimEnd(),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...texts.map((r) => r.map((t, i) => pad(t, i, numeric[i]!)).join('  ').trimEnd()),
  ];
  if (table.note) lines.push(table.note);
  return `${lines.join('\n')}\n`;
}

const csvCell = (cell: Cell) => {
  const text = cell === null ? '' : isFigure(cell) ? String(cell.value) : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * CSV: one header line, one line per row (numbers unformatted, rounded figures as rounded).
 *
 * @example
 * const table = { id: 'example', title: 'Households', columns: [{ key: 'group', label: 'Group' }, { key: 'poor', label: 'Poor' }], rows: [['Xã A', 1], ['Xã B', 0]] };
 * renderCsv(table) //=> 'Group,Poor\nXã A,1\nXã B,0\n'
 */
export function renderCsv(table: Table): string {
  checkTable(table);
  return `${[table.columns.map((c) => c.label), ...table.rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}

const mdCell = (cell: Cell, decimals: number | undefined, lang: Lang) => cellText(cell, decimals, lang).replaceAll('|', '\\|');

/**
 * A Markdown table with its title as a heading.
 *
 * @example
 * const table = { id: 'example', title: 'Households', columns: [{ key: 'group', label: 'Group' }, { key: 'poor', label: 'Poor' }], rows: [['Xã A', 1], ['Xã B', 0]] };
 * renderMarkdown(table).split('\n') //=> ['### Households', '', '| Group | Poor |', '| --- | ---: |', '| Xã A | 1 |', '| Xã B | 0 |', '']
 */
export function renderMarkdown(table: Table): string {
  checkTable(table);
  const numeric = numericColumns(table);
  const lang = table.lang ?? 'en';
  return [
    `### ${table.title}`,
    '',
    `| ${table.columns.map((c) => mdCell(c.label, undefined, lang)).join(' | ')} |`,
    `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`,
    ...table.rows.map((r) => `| ${r.map((c, i) => mdCell(c, table.columns[i]!.decimals, lang)).join(' | ')} |`),
    ...(table.note ? ['', table.note] : []),
    '',
  ].join('\n');
}

/**
 * One table as JSON: its id, title, columns (key and header), rows keyed by column, note.
 *
 * @example
 * const table = {
 *   id: 'rates', title: 'Rates', columns: [{ key: 'group', label: 'Group' }, { key: 'poorRate', label: 'Poor %', decimals: 2, exact: true }],
 *   rows: [['Xã A', { value: 14.29, exact: '100/7' }], ['Xã B', null]],
 * };
 * tableToJson(table).rows //=> [{ group: 'Xã A', poorRate: 14.29, poorRateExact: '100/7' }, { group: 'Xã B', poorRate: null, poorRateExact: null }]
 */
export function tableToJson(table: Table): {
  id: string;
  title: string;
  columns: { key: string; label: string }[];
  rows: Record<string, string | number | null>[];
  note?: string;
} {
  checkTable(table);
  return {
    id: table.id,
    title: table.title,
    columns: table.columns.map((c) => ({ key: c.key, label: c.label })),
    rows: table.rows.map((row) =>
      Object.fromEntries(
        table.columns.flatMap((c, i) => {
          const cell = row[i] ?? null;
          if (!c.exact) return [[c.key, isFigure(cell) ? cell.value : cell]];
          return isFigure(cell) ? [[c.key, cell.value], [`${c.key}Exact`, cell.exact]] : [[c.key, cell], [`${c.key}Exact`, null]];
        }),
      ),
    ),
    ...(table.note ? { note: table.note } : {}),
  };
}

/**
 * Renders tables in a format; JSON gives an array of tables with their rows as objects keyed by column.
 *
 * @example
 * const table = { id: 'example', title: 'Households', columns: [{ key: 'group', label: 'Group' }, { key: 'poor', label: 'Poor' }], rows: [['Xã A', 1], ['Xã B', 0]] };
 * renderTables([table], 'csv') //=> '# Households\nGroup,Poor\nXã A,1\nXã B,0\n'
 */
export function renderTables(tables: readonly Table[], format: ReportFormat): string {
  switch (format) {
    case 'table':
      return tables.map(renderText).join('\n');
    case 'md':
      return tables.map(renderMarkdown).join('\n');
    case 'csv':
      return tables.map((t) => `# ${t.title}\n${renderCsv(t)}`).join('\n');
    case 'json':
      return `${JSON.stringify(tables.map(tableToJson), null, 2)}\n`;
  }
}
