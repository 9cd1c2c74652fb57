/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`). Dates compare as strings; ages are whole
 * calendar years and months counted on the digits (a person born on 29 February turns a year
 * older on 1 March in common years), which the tests check against date-fns. Calendar
 * arithmetic on months (the newly-escaped window) is counted on the digits too, as date-fns
 * `addMonths` counts (tests check it against date-fns): the core runs in a browser, where every
 * kilobyte of a dependency is downloaded.
 *
 * @module
 */
import { dateTimeOf, describeReceived, fail, type ErrorPath } from './errors.js';

/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = string;

/** Days in a month of the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The number written by the digits of `text` from `start` to `end`, or −1 if any is not a digit. */
function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/**
 * Whether `value` is a real calendar date written `YYYY-MM-DD` (so `2025-02-30` is not).
 *
 * @example
 * isIsoDate('2024-02-29') //=> true
 * isIsoDate('2025-02-29') //=> false
 * isIsoDate('1/12/2025')  //=> false
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const year = digits(value, 0, 4);
  const month = digits(value, 5, 7);
  const day = digits(value, 8, 10);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The year of a valid ISO date. */
export function yearOf(date: IsoDate): number {
  return digits(date, 0, 4);
}

/** Whole years from `from` to `to` (an age: 16 on the 16th birthday). Both are valid ISO dates. */
export function yearsBetween(from: IsoDate, to: IsoDate): number {
  const y = digits(to, 0, 4) - digits(from, 0, 4);
  // Same-length zero-padded "MM-DD" strings compare as the dates do.
  return to.slice(5) < from.slice(5) ? y - 1 : y;
}

/** Whole months from `from` to `to` (a month is complete on the same day of a later month). */
export function monthsBetween(from: IsoDate, to: IsoDate): number {
  const months = (digits(to, 0, 4) - digits(from, 0, 4)) * 12 + (digits(to, 5, 7) - digits(from, 5, 7));
  return digits(to, 8, 10) < digits(from, 8, 10) ? months - 1 : months;
}

const DATE_EXPECTED = 'a calendar date YYYY-MM-DD (years 0001 to 9999) or a valid Date';

/**
 * Reads a date given as `YYYY-MM-DD` or as a `Date` (its local calendar day). Only a real `Date`
 * counts as one (not an object imitating it), and its own methods are never called.
 */
export function toIsoDate(value: unknown, path: ErrorPath): IsoDate {
  const time = dateTimeOf(value);
  if (time !== undefined) {
    const day = Number.isNaN(time) ? undefined : localDay(new Date(time));
    if (!isIsoDate(day)) fail('INVALID_DATE', path, `${pathName(path)}: expected ${DATE_EXPECTED}, received ${describeReceived(value)}`, value, DATE_EXPECTED);
    return day;
  }
  if (!isIsoDate(value)) fail('INVALID_DATE', path, `${pathName(path)}: expected ${DATE_EXPECTED}, received ${describeReceived(value)}`, value, DATE_EXPECTED);
  return value;
}

/** `YYYY-MM-DD` of a year, month and day; `undefined` for a year outside 1 to 9999. */
function written(year: number, month: number, day: number): IsoDate | undefined {
  if (!(year >= 1 && year <= 9999)) return undefined;
  const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);
  return `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`;
}

/** The local calendar day of a valid `Date`, `YYYY-MM-DD` (`undefined` outside years 1 to 9999). */
function localDay(date: Date): IsoDate | undefined {
  return written(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/** Today's local calendar date. */
export function today(): IsoDate {
  return localDay(new Date())!;
}

/**
 * `date` plus whole calendar months, the day kept or clamped to the month's last (31 January
 * + 1 month is 28 or 29 February), as date-fns `addMonths` does. Past 9999-12-31 (a window that
 * outlasts every date this library reads) it is 9999-12-31.
 */
export function addMonthsIso(date: IsoDate, months: number): IsoDate {
  const total = digits(date, 0, 4) * 12 + (digits(date, 5, 7) - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const day = Math.min(digits(date, 8, 10), daysInMonth(year, month));
  return written(year, month, day) ?? (year > 9999 ? '9999-12-31' : '0001-01-01');
}

function pathName(path: ErrorPath): string {
  return path.length ? String(path[path.length - 1]) : 'date';
}
