/**
 * Report tables and their renderings: an aligned table for the terminal, CSV for spreadsheets,
 * Markdown for documents, JSON for programs.
 *
 * @module
 */

/** A cell: text or a number (numbers are right-aligned in the terminal). */
export type Cell = string | number;

/** A titled table. */
export interface Table {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
  /** A line under the table (rounding, provenance). */
  readonly note?: string;
  /** Fixed decimal places of numeric columns (by column index), for display. */
  readonly decimals?: readonly (number | undefined)[];
}

/** Rendering formats of a report. */
export type ReportFormat = 'table' | 'csv' | 'json' | 'md';

const width = (text: string) => [...text].length;

function cellText(cell: Cell, decimals?: number): string {
  if (typeof cell !== 'number') return cell;
  return decimals === undefined
    ? cell.toLocaleString('en-US', { maximumFractionDigits: 6 })
    : cell.toLocaleString('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** An aligned plain-text table (numbers right-aligned). */
export function renderText(table: Table): string {
  const texts = table.rows.map((row) => row.map((cell, i) => cellText(cell, table.decimals?.[i])));
  const widths = table.columns.map((c, i) => Math.max(width(c), ...texts.map((r) => width(r[i] ?? ''))));
  const pad = (text: string, i: number, right: boolean) => {
    const gap = ' '.repeat(widths[i]! - width(text));
    return right ? gap + text : text + gap;
  };
  const numeric = table.columns.map((_, i) => table.rows.length > 0 && table.rows.every((r) => typeof r[i] === 'number'));
  const lines = [
    table.title,
    table.columns.map((c, i) => pad(c, i, numeric[i]!)).join('  '),
    widths.map((w) => '─'.repeat(w)).join('  '),
    ...texts.map((r) => r.map((t, i) => pad(t, i, numeric[i]!)).join('  ')),
  ];
  if (table.note) lines.push(table.note);
  return `${lines.join('\n')}\n`;
}

const csvCell = (cell: Cell) => {
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** CSV: one header line, one line per row (numbers unformatted). */
export function renderCsv(table: Table): string {
  return `${[table.columns, ...table.rows].map((r) => r.map(csvCell).join(',')).join('\n')}\n`;
}

const mdCell = (cell: Cell, decimals?: number) => cellText(cell, decimals).replaceAll('|', '\\|');

/** A Markdown table with its title as a heading. */
export function renderMarkdown(table: Table): string {
  const numeric = table.columns.map((_, i) => table.rows.length > 0 && table.rows.every((r) => typeof r[i] === 'number'));
  return [
    `### ${table.title}`,
    '',
    `| ${table.columns.map((c) => mdCell(c)).join(' | ')} |`,
    `| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`,
    ...table.rows.map((r) => `| ${r.map((c, i) => mdCell(c, table.decimals?.[i])).join(' | ')} |`),
    ...(table.note ? ['', table.note] : []),
    '',
  ].join('\n');
}

/** Renders tables in a format; JSON gives an array of objects keyed by column. */
export function renderTables(tables: readonly Table[], format: ReportFormat): string {
  switch (format) {
    case 'table':
      return tables.map(renderText).join('\n');
    case 'md':
      return tables.map(renderMarkdown).join('\n');
    case 'csv':
      return tables.map((t) => `# ${t.title}\n${renderCsv(t)}`).join('\n');
    case 'json':
      return `${JSON.stringify(
        tables.map((t) => ({ title: t.title, rows: t.rows.map((r) => Object.fromEntries(t.columns.map((c, i) => [c, r[i]]))), ...(t.note ? { note: t.note } : {}) })),
        null,
        2,
      )}\n`;
  }
}
