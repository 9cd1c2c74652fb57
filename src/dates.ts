/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`), checked with date-fns. Dates compare as strings.
 *
 * @module
 */
import { addMonths, format, isValid, parseISO } from 'date-fns';
import { fail, type ErrorPath } from './errors.js';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = string;

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (so `2025-02-30` is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && ISO_DATE.test(value) && isValid(parseISO(value)) && format(parseISO(value), 'yyyy-MM-dd') === value;
}

/** Reads a date given as `YYYY-MM-DD` or as a `Date` (its local calendar day). */
export function toIsoDate(value: unknown, path: ErrorPath): IsoDate {
  if (value instanceof Date) {
    if (!isValid(value)) fail('INVALID_DATE', path, `${pathName(path)} is an invalid Date`, String(value), 'YYYY-MM-DD');
    return format(value, 'yyyy-MM-dd');
  }
  if (!isIsoDate(value)) fail('INVALID_DATE', path, `${pathName(path)} must be a calendar date YYYY-MM-DD, received ${JSON.stringify(value)}`, value, 'YYYY-MM-DD');
  return value;
}

/** Today's local calendar date. */
export function today(): IsoDate {
  return format(new Date(), 'yyyy-MM-dd');
}

/** `date` plus whole calendar months (date-fns clamps 31 Jan + 1 month to 28/29 Feb). */
export function addMonthsIso(date: IsoDate, months: number): IsoDate {
  return format(addMonths(parseISO(date), months), 'yyyy-MM-dd');
}

function pathName(path: ErrorPath): string {
  return path.length ? String(path[path.length - 1]) : 'date';
}
