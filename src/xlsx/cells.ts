/**
 * Worksheet cells as the row reader reads them: a cell's value is read from its type, never from
 * the text a spreadsheet displays, and becomes the text the same cell holds in a CSV file.
 *
 * - A number is written in plain decimal digits, never in exponent form (`4500000`, `0.0000001`,
 *   `1500000000000000000000`); an integer has no decimal point.
 * - A date (a number with a date format) is `YYYY-MM-DD`; one with a time of day is
 *   `YYYY-MM-DDTHH:MM:SS`, which no date field accepts (so it is an error, not a date silently cut).
 * - A boolean is `true` or `false` (an indicator column reads them as 1 and 0).
 * - Text is the text; rich text is its runs joined; a hyperlink is its text.
 * - A formula is its computed value, read by the rules above.
 * - An empty cell is an empty field (an absent field).
 *
 * A cell that holds an error value (`#N/A`, `#DIV/0!`), or a formula whose value was never
 * computed, has no text: it is a {@link CellProblem}.
 *
 * @module
 */
import { Decimal } from '../decimal.js';

/** Why a cell has no value to read. */
export interface CellProblem {
  /** `error`: the cell holds an error value; `noValue`: a formula without its computed value; `unreadable`: a value of another kind. */
  readonly problem: 'error' | 'noValue' | 'unreadable';
  /** The error value (`#N/A`); the formula (`=B2*2`) whose value is missing or an error; or a description of the value. */
  readonly received: string;
}

/** The text of a cell, or why it has none. */
export type CellText = string | CellProblem;

/** Whether a cell's text is a problem. */
export const isCellProblem = (cell: CellText): cell is CellProblem => typeof cell !== 'string';

/** A number in plain decimal digits: the shortest decimal that reads back as the number, without exponent. */
export function plainNumber(value: number): string {
  if (Object.is(value, -0)) return '0';
  const text = String(value);
  return /e/i.test(text) ? new Decimal(text).toFixed() : text;
}

const two = (n: number) => String(n).padStart(2, '0');

/** A date as `YYYY-MM-DD` (its UTC calendar day; a workbook's dates carry no time zone), with `THH:MM:SS` when it has a time of day. */
export function dateText(date: Date): string {
  const day = `${String(date.getUTCFullYear()).padStart(4, '0')}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}`;
  const ms = date.getUTCHours() * 3_600_000 + date.getUTCMinutes() * 60_000 + date.getUTCSeconds() * 1000 + date.getUTCMilliseconds();
  if (ms === 0) return day;
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${day}T${time}${date.getUTCMilliseconds() ? `.${String(date.getUTCMilliseconds()).padStart(3, '0')}` : ''}`;
}

/**
 * Whether a number format shows a date or time: it has a date or time letter outside quoted text
 * and brackets (`yyyy-mm-dd`, `d/m/yy`, `h:mm`; not `0.00`, `#,##0 "đồng"` or `[Red]0`).
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[ymdhsb]/i.test(bare.replace(/general/gi, ''));
}

/** The date of a serial number of a workbook (days since 1899-12-30, or since 1904-01-01 in the 1904 system). */
export function serialDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

type Run = { readonly text?: unknown };

/**
 * The text of a cell value as the streaming reader gives it (`cell.value`), with the cell's
 * number format (for a formula's result that is a date) and the workbook's date system.
 */
export function cellText(value: unknown, numFmt: string | undefined, date1904: boolean): CellText {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
      if (!Number.isFinite(value)) return { problem: 'unreadable', received: String(value) };
      return isDateFormat(numFmt) ? dateText(serialDate(value, date1904)) : plainNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return { problem: 'unreadable', received: String(value) };
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { problem: 'unreadable', received: 'an invalid date' } : dateText(value);
  const v = value as Record<string, unknown>;
  if (typeof v.error === 'string') return { problem: 'error', received: v.error };
  if ('formula' in v || 'sharedFormula' in v) {
    const formula = typeof v.formula === 'string' && v.formula !== '' ? `=${v.formula}` : 'a shared formula';
    if (v.result === undefined || v.result === null) return { problem: 'noValue', received: formula };
    // A formula's error result comes as NaN (the reader parses it as a number).
    if (typeof v.result === 'number' && Number.isNaN(v.result)) return { problem: 'error', received: formula };
    return cellText(v.result, numFmt, date1904);
  }
  if (Array.isArray(v.richText)) return (v.richText as Run[]).map((run) => (typeof run.text === 'string' ? run.text : '')).join('');
  if ('text' in v && 'hyperlink' in v) return cellText(v.text, numFmt, date1904);
  return { problem: 'unreadable', received: JSON.stringify(value)?.slice(0, 60) ?? String(value) };
}

/** The letters of a 1-based column number: 1 → `A`, 27 → `AA`. */
export function columnLetters(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = (n - 1 - r) / 26;
  }
  return out;
}
