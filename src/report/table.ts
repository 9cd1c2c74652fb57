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
import { describeReceived, fail, formatPath, readGuarded, toSafe, type ErrorPath, type SafeResult } from '../errors.js';

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

/** The error of a table that cannot be rendered: `INVALID_TABLE` at `path`, with the value received. */
function refuse(path: ErrorPath, message: string, received: unknown, expected: string): never {
  return fail('INVALID_TABLE', path, message, received, expected);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCell = (cell: unknown): cell is Cell =>
  cell === null ||
  typeof cell === 'string' ||
  (typeof cell === 'number' && Number.isFinite(cell)) ||
  (isPlainObject(cell) && typeof cell.value === 'number' && Number.isFinite(cell.value) && typeof cell.exact === 'string');

/** Checks a table's shape and columns at `at` (its index among several, or nothing). */
function checkTableAt(table: unknown, at: ErrorPath): asserts table is Table {
  const where = (...path: (string | number)[]): ErrorPath => [...at, ...path];
  if (!isPlainObject(table)) {
    refuse(where(), `table: expected an object with id, title, columns and rows, received ${describeReceived(table)}`, table, 'a table: an object with id, title, columns and rows');
  }
  const name = typeof table.id === 'string' ? `table ${JSON.stringify(table.id)}` : 'table';
  const shape = (path: (string | number)[], expected: string, value: unknown): never =>
    refuse(where(...path), `${name}: ${formatPath(path)}: expected ${expected}, received ${describeReceived(value)}`, value, expected);
  for (const key of ['id', 'title'] as const) if (typeof table[key] !== 'string') shape([key], 'a text', table[key]);
  if (table.note !== undefined && typeof table.note !== 'string') shape(['note'], 'a text', table.note);
  if (table.lang !== undefined && table.lang !== 'en' && table.lang !== 'vi') shape(['lang'], 'en or vi', table.lang);
  const { columns, rows } = table;
  if (!Array.isArray(columns)) return shape(['columns'], 'an array of columns', columns);
  if (!Array.isArray(rows)) return shape(['rows'], 'an array of rows', rows);
  columns.forEach((column: unknown, i) => {
    if (!isPlainObject(column)) return shape(['columns', i], 'a column: an object with key and label', column);
    for (const key of ['key', 'label'] as const) if (typeof column[key] !== 'string') shape(['columns', i, key], 'a text', column[key]);
    const { decimals, exact } = column;
    if (decimals !== undefined && (typeof decimals !== 'number' || !Number.isInteger(decimals) || decimals < 0 || decimals > 100)) shape(['columns', i, 'decimals'], 'a whole number of decimal places from 0 to 100', decimals);
    if (exact !== undefined && typeof exact !== 'boolean') shape(['columns', i, 'exact'], 'true or false', exact);
  });
  const cols = columns as readonly Column[];
  const problem = (path: (string | number)[], text: string, received: unknown, expected: string): never => refuse(where(...path), `${name}: ${text}`, received, expected);
  const labels = new Set<string>();
  cols.forEach((c, i) => {
    if (labels.has(c.label)) problem(['columns', i, 'label'], `the header ${JSON.stringify(c.label)} appears twice`, c.label, 'a header not used before in the table');
    labels.add(c.label);
  });
  const keys = new Set<string>();
  cols.forEach((c, i) => {
    for (const key of c.exact ? [c.key, `${c.key}Exact`] : [c.key]) {
      if (keys.has(key)) problem(['columns', i, 'key'], `the key ${JSON.stringify(key)} appears twice`, c.key, 'a key not used before in the table (nor with Exact after it)');
      keys.add(key);
    }
    if (!KEY.test(c.key)) problem(['columns', i, 'key'], `the key ${JSON.stringify(c.key)} is not camelCase`, c.key, 'a camelCase key');
  });
  rows.forEach((row: unknown, r) => {
    if (!Array.isArray(row)) return shape(['rows', r], 'a row: an array of cells', row);
    if (row.length !== cols.length) problem(['rows', r], `row ${r + 1} has ${row.length} cell(s) for ${cols.length} column(s)`, row, `${cols.length} cell(s)`);
    row.forEach((cell: unknown, i) => {
      if (!isCell(cell)) return shape(['rows', r, i], 'a cell: a text, a finite number, a figure { value, exact } or null', cell);
      const column = cols[i]!;
      if (isFigure(cell) !== (column.exact === true) && cell !== null) {
        problem(
          ['rows', r, i],
          `row ${r + 1}, column ${column.key}: ${column.exact ? 'a figure with its exact value is expected' : 'a figure in a column without exact values'}`,
          cell,
          column.exact ? 'a figure { value, exact } or null' : 'a text, a number or null',
        );
      }
    });
  });
}

/**
 * Checks that a table can be rendered without losing a column: distinct headers and keys,
 * camelCase keys, a cell for every column, figures exactly in the columns that say so. Any value
 * may be passed: one that is not a table is refused the same way.
 *
 * @throws {ChuanNgheoError} `INVALID_TABLE`, naming the table and what is wrong, with the path of
 * the column, row or cell (`['columns', 1, 'label']`, `['rows', 0, 2]`) and the value received.
 * @example
 * const thrown = (() => {
 *   try {
 *     return checkTable({ id: 'x', title: 'X', columns: [{ key: 'a', label: 'A' }, { key: 'b', label: 'A' }], rows: [] });
 *   } catch (error) {
 *     return error;
 *   }
 * })();
 * thrown instanceof ChuanNgheoError && thrown.toJSON()
 * //=> { code: 'INVALID_TABLE', path: ['columns', 1, 'label'], message: 'table "x": the header "A" appears twice', received: 'A', expected: 'a header not used before in the table' }
 */
export function checkTable(table: Table): void {
  readGuarded(() => checkTableAt(table, []), 'INVALID_TABLE', [], 'the table');
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
  readGuarded(
    () => {
      if (!Array.isArray(tables)) refuse([], `tables: expected an array of tables, received ${describeReceived(tables)}`, tables, 'an array of tables');
      tables.forEach((table: unknown, i) => checkTableAt(table, [i]));
    },
    'INVALID_TABLE',
    [],
    'the tables',
  );
  switch (format) {
    case 'table':
      return tables.map(renderText).join('\n');
    case 'md':
      return tables.map(renderMarkdown).join('\n');
    case 'csv':
      return tables.map((t) => `# ${t.title}\n${renderCsv(t)}`).join('\n');
    case 'json':
      return `${JSON.stringify(tables.map(tableToJson), null, 2)}\n`;
    default:
      return fail('INVALID_OPTIONS', ['format'], `format: expected table, csv, json or md, received ${describeReceived(format)}`, format, 'table | csv | json | md');
  }
}

/**
 * Safe twin of {@link renderTables}: never throws, whatever its arguments; a table that would lose
 * a column is the error of the result.
 *
 * @example
 * const table = { id: 'example', title: 'Households', columns: [{ key: 'group', label: 'Group' }, { key: 'poor', label: 'Poor' }], rows: [['Xã A', 1], ['Xã B']] };
 * const r = safeRenderTables([table], 'md');
 * !r.success && r.error.code //=> 'INVALID_TABLE'
 * !r.success && r.error.path //=> [0, 'rows', 1]
 * !r.success && r.error.message //=> 'table "example": row 2 has 1 cell(s) for 2 column(s)'
 */
export function safeRenderTables(tables: readonly Table[], format: ReportFormat): SafeResult<string> {
  return toSafe(() => renderTables(tables, format));
}
