// Incomes written as decimal text compare exactly with the line whatever their digits, within a
// stated limit of 40 digits before the point and 40 after; a text with spaces is refused; an id is
// a text or a finite number.
import { describe, expect, it } from 'vitest';
import { classify, createBatchClassifier, safeClassify, type Classification } from '../src/index.js';
import { createRowReader } from '../src/csv/index.js';
import { createTally } from '../src/analytics/index.js';

const date = '2025-12-01';
// Rural, 3 members, nd07-2021: the line is 1,500,000 × 3 = 4,500,000 đồng a month; 3 deprivations.
const base = { area: 'rural', size: 3, deprived: ['employment', 'nutrition', 'housingArea'] };
const batch = createBatchClassifier({ date });

function lineStep(r: Classification) {
  return r.trace.find((t) => t.step === 'line')!;
}

function errorOf(input: unknown) {
  const r = safeClassify(input, { date });
  if (r.success) throw new Error(`expected an error, classified ${r.data.category}`);
  return r.error;
}

describe('decimal incomes at the line', () => {
  it('exactly at the line is poor, written as a number, whole text or text with 40 zero decimals', () => {
    for (const income of [4_500_000, '4500000', `4500000.${'0'.repeat(40)}`]) {
      const r = classify({ ...base, incomeMonthlyTotal: income }, { date });
      expect(r.category).toBe('poor');
      expect(lineStep(r).values.comparison).toBe(0);
      expect(batch.classify({ ...base, incomeMonthlyTotal: income })).toMatchObject({ category: 'poor' });
    }
  });

  it('one đồng over the line is above it', () => {
    for (const income of [4_500_001, '4500001', '4500001.0']) {
      const r = classify({ ...base, incomeMonthlyTotal: income }, { date });
      expect(r.category).toBe('average');
      expect(lineStep(r).values.comparison).toBe(1);
    }
  });

  it('a decimal with 40 places just above the line is above it, and the trace says so', () => {
    const income = `4500000.${'0'.repeat(39)}1`;
    const r = classify({ ...base, incomeMonthlyTotal: income }, { date });
    expect(r.category).toBe('average');
    expect(r.income).toBe(income);
    expect(lineStep(r).values).toMatchObject({ comparison: 1, atMost: false });
    expect(lineStep(r).text).toContain(`4,500,000.${'0'.repeat(39)}1 > 1,500,000 × 3 = 4,500,000`);
    expect(batch.classify({ ...base, incomeMonthlyTotal: income })).toMatchObject({ category: 'average' });
    // The same income just below the line.
    const below = `4499999.${'9'.repeat(40)}`;
    expect(classify({ ...base, incomeMonthlyTotal: below }, { date })).toMatchObject({ category: 'poor' });
    expect(batch.classify({ ...base, incomeMonthlyTotal: below })).toMatchObject({ category: 'poor' });
  });

  it('an annual total with 40 places, against monthly lines × 12, is compared exactly', () => {
    const at = classify({ ...base, incomeAnnualTotal: `54000000.${'0'.repeat(40)}` }, { date });
    expect(at.category).toBe('poor');
    const over = classify({ ...base, incomeAnnualTotal: `54000000.${'0'.repeat(39)}1` }, { date });
    expect(over.category).toBe('average');
  });

  it('the widest amounts allowed, 40 digits before the point and 40 after, are read and echoed exactly', () => {
    const income = `${'9'.repeat(40)}.${'9'.repeat(40)}`;
    const r = classify({ ...base, incomeMonthlyTotal: income }, { date });
    expect(r.income).toBe(income);
    expect(r.category).toBe('none');
    expect(classify({ ...base, incomeMonthlyPerCapita: `0.${'0'.repeat(39)}1` }, { date }).category).toBe('poor');
  });

  it('income per person is rounded half to even for display, exactly, however long the decimal', () => {
    // 4,500,001.5 / 3 = 1,500,000.5: to even, 1,500,000; 4,500,004.5 / 3 = 1,500,001.5: 1,500,002.
    expect(classify({ ...base, incomeMonthlyTotal: '4500001.5' }, { date }).incomeMonthlyPerCapita).toBe(1_500_000);
    expect(classify({ ...base, incomeMonthlyTotal: '4500004.5' }, { date }).incomeMonthlyPerCapita).toBe(1_500_002);
    // Just above the half: rounded up, though 60 significant digits would see an exact half.
    expect(classify({ ...base, incomeMonthlyTotal: `4500001.5${'0'.repeat(38)}3` }, { date }).incomeMonthlyPerCapita).toBe(1_500_001);
    const r = classify({ ...base, incomeMonthlyTotal: `4500000.${'0'.repeat(39)}3` }, { date });
    expect(r.incomeMonthlyPerCapita).toBe(1_500_000);
    expect(r.trace.find((t) => t.step === 'income')!.text).toContain('rounded for display');
  });
});

describe('the length of an amount written as text', () => {
  it.each([
    ['41 digits before the point', '1'.repeat(41)],
    ['41 digits after the point', `1.${'1'.repeat(41)}`],
    ['a long decimal that would once have been rounded to the line', `4500000.${'0'.repeat(70)}1`],
  ])('refuses %s with INVALID_INCOME, naming the limit', (_, income) => {
    const e = errorOf({ ...base, incomeMonthlyTotal: income });
    expect(e).toMatchObject({ code: 'INVALID_INCOME', path: ['incomeMonthlyTotal'], received: income });
    expect(e.message).toContain('at most 40 digits before the point and 40 after');
    expect(batch.classify({ ...base, incomeMonthlyTotal: income })).toMatchObject({ error: { code: 'INVALID_INCOME' } });
  });

  it('refuses a million digits, with a short message giving the length', () => {
    const income = '1'.repeat(1_000_000);
    const e = errorOf({ ...base, incomeMonthlyTotal: income });
    expect(e.code).toBe('INVALID_INCOME');
    expect(e.message).toMatch(/received the text "1{57}…" \(1,000,000 characters\)$/);
    expect(e.message.length).toBeLessThan(400);
  });

  it('holds numbers to the same bounds, on their shortest decimal form', () => {
    expect(classify({ ...base, incomeMonthlyTotal: 1e39 }, { date }).category).toBe('none');
    expect(errorOf({ ...base, incomeMonthlyTotal: 1e40 }).code).toBe('INVALID_INCOME');
    expect(classify({ ...base, incomeMonthlyTotal: 1e-40 }, { date }).category).toBe('poor');
    expect(errorOf({ ...base, incomeMonthlyTotal: 1e-41 }).code).toBe('INVALID_INCOME');
  });

  it('holds a floor area and a survey weight to the same rule', () => {
    const record = { area: 'rural', incomeMonthlyTotal: 1, members: [{ ageAtReview: 30, healthInsurance: true }], dwelling: { floorArea: '1'.repeat(41) } };
    expect(errorOf(record)).toMatchObject({ code: 'INVALID_FIELD', path: ['dwelling', 'floorArea'] });
    const tally = createTally({ indicators: [] });
    expect(() => tally.add({ category: 'poor', deprived: [], size: 1, weight: '1'.repeat(41) })).toThrow(expect.objectContaining({ code: 'INVALID_FIELD', path: ['weight'] }));
    expect(() => tally.add({ category: 'poor', deprived: [], size: 1, weight: ' 1' })).toThrow(expect.objectContaining({ code: 'INVALID_FIELD', path: ['weight'] }));
  });
});

describe('spaces around a number', () => {
  it.each([
    [' 123 ', '" 123 "'],
    ['\u00a0123', '"\\u00a0123"'],
    ['123\n', '"123\\n"'],
    ['\t123', '"\\t123"'],
    ['1 500 000', '"1 500 000"'],
    ['123\u2009', '"123\\u2009"'],
  ])('refuses the income %j with INVALID_INCOME, showing the spaces', (income, shown) => {
    const e = errorOf({ ...base, incomeMonthlyTotal: income });
    expect(e).toMatchObject({ code: 'INVALID_INCOME', path: ['incomeMonthlyTotal'], received: income });
    expect(e.message).toContain(`received the text ${shown}`);
    expect(batch.classify({ ...base, incomeMonthlyTotal: income })).toMatchObject({ error: e });
  });

  it('refuses them in a survey record and its floor area too', () => {
    const record = { area: 'rural', members: [{ ageAtReview: 30, healthInsurance: true }] };
    expect(errorOf({ ...record, incomeMonthlyTotal: ' 1' })).toMatchObject({ code: 'INVALID_INCOME', path: ['incomeMonthlyTotal'] });
    expect(errorOf({ ...record, incomeMonthlyTotal: 1, dwelling: { floorArea: '18 ' } })).toMatchObject({ code: 'INVALID_FIELD', path: ['dwelling', 'floorArea'] });
  });

  it('refuses an income or size cell of a table with spaces, while an empty cell is an absent field', () => {
    const reader = createRowReader(['id', 'area', 'size', 'incomeMonthlyTotal', 'commune', 'deprived'], batch);
    const rowOf = (fields: string[]) => reader.classify(fields);
    expect(rowOf(['A', 'rural', '3', '4500000', 'X', ''])).toMatchObject({ id: 'A', category: 'near-poor' });
    expect(rowOf(['B', 'rural', '3', ' 4500000', 'X', ''])).toMatchObject({ id: 'B', error: { code: 'INVALID_INCOME', received: ' 4500000' } });
    expect(rowOf(['C', 'rural', ' 3', '4500000', 'X', ''])).toMatchObject({ id: 'C', error: { code: 'INVALID_SIZE', received: ' 3' } });
    expect(rowOf(['D', 'rural', '3 ', '4500000', 'X', ''])).toMatchObject({ id: 'D', error: { code: 'INVALID_SIZE', received: '3 ' } });
    expect(rowOf(['E', 'rural', '3', '', 'X', ''])).toMatchObject({ id: 'E', error: { code: 'MISSING_INCOME' } });
    expect(rowOf(['F', 'rural', '', '4500000', 'X', ''])).toMatchObject({ id: 'F', error: { code: 'MISSING_FIELD', path: ['size'] } });
    expect(rowOf(['G', 'rural', '3', '  ', 'X', ''])).toMatchObject({ id: 'G', error: { code: 'INVALID_INCOME' } });
  });
});

describe('ids', () => {
  it.each([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN])('refuses the id %s with INVALID_FIELD on id', (id) => {
    const e = errorOf({ id, ...base, incomeMonthlyTotal: 1 });
    expect(e).toMatchObject({ code: 'INVALID_FIELD', path: ['id'] });
    expect(e.message).toMatch(/^id: expected an id: a text or a finite number, received (the number -?Infinity|NaN \(not a number\))$/);
    // The error row carries no id that a file could not hold.
    const row = batch.classify({ id, ...base, incomeMonthlyTotal: 1 });
    expect(row).toEqual({ error: e });
    const record = { id, area: 'rural', incomeMonthlyTotal: 1, members: [{ ageAtReview: 30 }] };
    expect(errorOf(record)).toMatchObject({ code: 'INVALID_FIELD', path: ['id'] });
    expect(batch.classify(record)).not.toHaveProperty('id');
  });
  it('accepts texts and finite numbers, and echoes them', () => {
    for (const id of ['HH1', '', 0, -1.5, 1e300]) {
      expect(classify({ id, ...base, incomeMonthlyTotal: 1 }, { date }).id).toBe(id);
      expect(batch.classify({ id, ...base, incomeMonthlyTotal: 1 })).toMatchObject({ id });
    }
  });
});
