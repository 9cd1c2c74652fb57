// Calendar dates and ages, checked against date-fns.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths } from 'date-fns/addMonths';
import { differenceInMonths } from 'date-fns/differenceInMonths';
import { differenceInYears } from 'date-fns/differenceInYears';
import { format } from 'date-fns/format';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';
import { addMonthsIso, isIsoDate, monthsBetween, toIsoDate, yearsBetween } from '../src/dates.js';

const day = fc.date({ min: new Date(1900, 0, 1), max: new Date(2035, 11, 31), noInvalidDate: true }).map((d) => format(d, 'yyyy-MM-dd'));

describe('ISO dates', () => {
  it('accepts exactly the dates date-fns reads back unchanged', () => {
    fc.assert(
      fc.property(fc.oneof(day, fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/), fc.string()), (text) => {
        const reference = /^\d{4}-\d{2}-\d{2}$/.test(text) && isValid(parseISO(text)) && format(parseISO(text), 'yyyy-MM-dd') === text;
        expect(isIsoDate(text)).toBe(reference);
      }),
      { numRuns: 2000 },
    );
  });
  it.each(['2024-02-29', '2000-02-29', '2025-12-31'])('%s is a date', (d) => expect(isIsoDate(d)).toBe(true));
  it.each(['2025-02-29', '1900-02-29', '2025-13-01', '2025-00-10', '2025-1-01', '2025/01/01', ' 2025-01-01'])('%s is not', (d) => expect(isIsoDate(d)).toBe(false));
});

describe('ages', () => {
  it('whole years equal date-fns differenceInYears', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(yearsBetween(from, to)).toBe(differenceInYears(parseISO(to), parseISO(from)));
      }),
      { numRuns: 2000 },
    );
  });
  it('whole months equal date-fns differenceInMonths (birth days 1-28, where both conventions agree)', () => {
    fc.assert(
      fc.property(day.filter((d) => Number(d.slice(8)) <= 28), day, (a, b) => {
        fc.pre(a <= b);
        expect(monthsBetween(a, b)).toBe(differenceInMonths(parseISO(b), parseISO(a)));
      }),
      { numRuns: 2000 },
    );
  });
  it('a child born on 29 February is a year older on 1 March of a common year', () => {
    expect(yearsBetween('2020-02-29', '2021-02-28')).toBe(0);
    expect(yearsBetween('2020-02-29', '2021-03-01')).toBe(1);
    expect(yearsBetween('2009-12-01', '2025-12-01')).toBe(16);
    expect(yearsBetween('2009-12-02', '2025-12-01')).toBe(15);
  });
});

describe('whole years from whole months', () => {
  it('a twelfth of the whole months, rounded down, is the whole years (how ages are read)', () => {
    fc.assert(
      fc.property(day, day, (a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(Math.floor(monthsBetween(from, to) / 12)).toBe(yearsBetween(from, to));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('calendar arithmetic without date-fns', () => {
  it('adds months as date-fns addMonths does (the day clamped to the month end)', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: -600, max: 600 }), (from, months) => {
        expect(addMonthsIso(from, months)).toBe(format(addMonths(parseISO(from), months), 'yyyy-MM-dd'));
      }),
      { numRuns: 2000 },
    );
    expect(addMonthsIso('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonthsIso('2023-01-31', 1)).toBe('2023-02-28');
    expect(addMonthsIso('2024-02-29', 36)).toBe('2027-02-28');
  });

  it('stops at 9999-12-31, past which no date is read', () => {
    expect(addMonthsIso('9999-06-01', 36)).toBe('9999-12-31');
  });

  it("reads a Date's local calendar day as date-fns format does", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(1, 0, 1), max: new Date(9999, 11, 31, 23, 59), noInvalidDate: true }), (date) => {
        expect(toIsoDate(date, ['date'])).toBe(format(date, 'yyyy-MM-dd'));
      }),
      { numRuns: 2000 },
    );
    expect(() => toIsoDate(new Date(10000, 0, 1), ['date'])).toThrow(expect.objectContaining({ code: 'INVALID_DATE' }));
  });
});
