// The other throwing entry points: each throws a coded ChuanNgheoError (a CsvHeaderError for a CSV
// header that cannot be read) with the path and the value received, never a TypeError, and each
// has a safe twin that returns the same error and never throws, whatever it is given.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ChuanNgheoError,
  createBatchClassifier,
  errorCodes,
  getStandard,
  resolveStandard,
  safeCreateBatchClassifier,
  safeDefineScorecard,
  safeGetStandard,
  safeResolveStandard,
  type ErrorDetail,
  type SafeResult,
} from '../src/index.js';
import { createRowReader, CsvCutter, CsvHeaderError, planHeader, readCsv, safeCreateRowReader, safePlanHeader, safeReadCsv } from '../src/csv/index.js';
import { safeCreateSurveyValidator, safeReadSurveyRecord, safeValidateSurvey, validateSurvey } from '../src/survey/index.js';
import { safeRenderTables } from '../src/report/index.js';
import { safeDefineTargetPlan } from '../src/analytics/index.js';

const date = '2025-12-01';
const nd07 = getStandard('nd07-2021');
const codes: ReadonlySet<string> = new Set(errorCodes);
const RUNS = process.env.CI ? 10_000 : 500;

/** The error `run` throws; fails when it throws nothing. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('a CSV header that cannot be read', () => {
  it.each([
    ['text after a closing quote', '"id"x,area\nHH1,rural\n', {}, 'the header row cannot be read: field 1 has text after its closing quote: "x"', '"id"x,area'],
    ['bytes that are not UTF-8', new Uint8Array([0x69, 0x64, 0x2c, 0xff, 0x0a, 0x31, 0x0a]), {}, 'the header row is not valid UTF-8 text', 'id,\ufffd'],
    ['a header longer than the longest record', `${'a,'.repeat(40)}b\nHH1\n`, { maxRecordBytes: 16 }, 'the header row does not end within 16 bytes', `${'a,'.repeat(40)}b\nHH1\n`],
  ] as const)('%s: a CsvHeaderError, which is a ChuanNgheoError INVALID_ROW with the header received', (_, input, limits, message, received) => {
    const error = thrown(() => readCsv(input, limits));
    expect(error).toBeInstanceOf(CsvHeaderError);
    expect(error).toBeInstanceOf(ChuanNgheoError);
    expect(error).toMatchObject({ name: 'CsvHeaderError', code: 'INVALID_ROW', path: [], message, received });
    expect(safeReadCsv(input, limits)).toEqual({ success: false, error: (error as ChuanNgheoError).toJSON() });
  });

  it('the cutter itself throws it, whatever the size of the reads', () => {
    const cutter = new CsvCutter();
    expect(cutter.push(new TextEncoder().encode('"id"'))).toEqual([]);
    expect(() => cutter.push(new TextEncoder().encode('x,area\n'))).toThrow(CsvHeaderError);
  });

  it('keeps at most 200 characters of the header as the value received', () => {
    const long = `"${'x'.repeat(500)}"y\n`;
    const r = safeReadCsv(long);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.received).toBe(`${long.slice(0, 200)}…`);
  });

  it('an input that is neither text nor bytes is INVALID_ROW, not a TypeError', () => {
    expect(safeReadCsv(null as never)).toMatchObject({ success: false, error: { code: 'INVALID_ROW', path: [], message: 'the CSV input: expected text or bytes (a Uint8Array), received null' } });
  });
});

describe('the header plan and the row reader', () => {
  it('a header that is not an array of texts, a bad standard and options of the wrong shape are coded errors', () => {
    expect(thrown(() => planHeader('id,area' as never, nd07))).toMatchObject({ code: 'INVALID_HEADER', path: [], received: 'id,area' });
    expect(thrown(() => planHeader(['id', 3] as never, nd07))).toMatchObject({ code: 'INVALID_HEADER', path: [] });
    expect(thrown(() => planHeader(['id'], { ...nd07, id: '' }))).toMatchObject({ code: 'INVALID_STANDARD', path: ['id'] });
    expect(thrown(() => planHeader(['id'], null as never))).toMatchObject({ code: 'INVALID_STANDARD', path: [] });
    expect(thrown(() => planHeader(['id'], nd07, { columns: 'id' as never }))).toMatchObject({
      code: 'INVALID_OPTIONS',
      path: ['columns'],
      message: 'options.columns: expected an object of column names mapped to fields or indicator ids, received the text "id"',
    });
    expect(thrown(() => planHeader(['id'], nd07, { keepColumns: 'id' as never }))).toMatchObject({ code: 'INVALID_OPTIONS', path: ['keepColumns'] });
    expect(thrown(() => planHeader(['id'], nd07, { values: { area: ['rural'] as never } }))).toMatchObject({ code: 'INVALID_OPTIONS', path: ['values', 'area'] });
    expect(thrown(() => planHeader(['id'], nd07, 5 as never))).toMatchObject({ code: 'INVALID_OPTIONS', path: [] });
  });

  it('createRowReader refuses a batch that is not a classifier; the safe twins return the errors', () => {
    expect(thrown(() => createRowReader(['id'], {} as never))).toMatchObject({ code: 'INVALID_OPTIONS', path: ['batch'] });
    const batch = createBatchClassifier({ date });
    expect(safeCreateRowReader(['id', 'area', 'area'], batch)).toMatchObject({ success: false, error: { code: 'INVALID_HEADER', path: ['area'] } });
    const ok = safeCreateRowReader(['id', 'area', 'size', 'incomeMonthlyTotal', 'deprived'], batch);
    expect(ok.success && ok.data.classify(['A', 'rural', '2', '1000000', ''])).toMatchObject({ id: 'A', category: 'near-poor' });
    expect(safePlanHeader(['id', 'sizee'], nd07)).toMatchObject({ success: false, error: { code: 'INVALID_HEADER', path: ['sizee'] } });
  });
});

describe('the safe twins of the core', () => {
  it('getStandard and resolveStandard', () => {
    expect(safeGetStandard(7)).toMatchObject({ success: false, error: { code: 'UNKNOWN_STANDARD', path: ['standard'], received: 7 } });
    expect(safeGetStandard('nd07-2021')).toEqual({ success: true, data: nd07 });
    expect(safeResolveStandard({ standard: 'qd59-2015', date })).toMatchObject({ success: false, error: { code: 'STANDARD_NOT_IN_FORCE', path: ['date'] } });
    expect(safeResolveStandard('2025-12-01')).toMatchObject({ success: false, error: { code: 'INVALID_OPTIONS', path: [] } });
    expect(safeResolveStandard({ date })).toEqual({ success: true, data: resolveStandard({ date }) });
  });

  it('the classifier and validator factories, the survey validation, the record reader and the scorecard', () => {
    expect(safeCreateBatchClassifier({ standard: 'nd07' })).toMatchObject({ success: false, error: { code: 'UNKNOWN_STANDARD' } });
    expect(safeCreateSurveyValidator({ date: 'soon' })).toMatchObject({ success: false, error: { code: 'INVALID_DATE', path: ['date'] } });
    expect(thrown(() => validateSurvey(5 as never, { date }))).toMatchObject({ code: 'INVALID_FIELD', path: [], message: 'records: expected an iterable of survey records (an array), received the number 5' });
    expect(safeValidateSurvey('HH1' as never, { date })).toMatchObject({ success: false, error: { code: 'INVALID_FIELD' } });
    const throwing = {
      *[Symbol.iterator]() {
        yield { area: 'rural', members: [] };
        throw new Error('the source broke');
      },
    };
    expect(safeValidateSurvey(throwing, { date })).toMatchObject({ success: false, error: { code: 'INVALID_FIELD', message: expect.stringMatching(/whose reading raised Error: the source broke/) } });
    expect(safeReadSurveyRecord({ area: 'rural' })).toMatchObject({ success: false, error: { code: 'MISSING_FIELD', path: ['members'] } });
    expect(safeDefineScorecard({ id: 'card' })).toMatchObject({ success: false, error: { code: 'INVALID_SCORECARD', path: ['title'] } });
  });
});

/** Checks a safe result with plain checks (they run many times). */
function assertSafe<T>(run: () => SafeResult<T>): void {
  let result: SafeResult<T>;
  try {
    result = run();
  } catch (error) {
    throw new Error(`a safe twin threw ${error instanceof Error ? `${error.name}: ${error.message}` : typeof error}`);
  }
  if (result.success) return;
  const e: ErrorDetail = result.error;
  if (!codes.has(e.code) || !Array.isArray(e.path) || typeof e.message !== 'string' || e.message === '') throw new Error(`an error without a code, path or message: ${JSON.stringify(e)}`);
}

describe('never throw', () => {
  const anyValue = fc.anything({ withBigInt: true, withNullPrototype: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true });
  it('for any value fast-check makes, in any argument', () => {
    const batch = createBatchClassifier({ date });
    fc.assert(
      fc.property(anyValue, anyValue, (a, b) => {
        assertSafe(() => safeGetStandard(a));
        assertSafe(() => safeResolveStandard(a));
        assertSafe(() => safeCreateBatchClassifier(a));
        assertSafe(() => safeCreateSurveyValidator(a));
        assertSafe(() => safeValidateSurvey(a as never, b as never));
        assertSafe(() => safeReadSurveyRecord(a));
        assertSafe(() => safeDefineScorecard(a));
        assertSafe(() => safeDefineTargetPlan(a));
        assertSafe(() => safePlanHeader(a as never, nd07, b as never));
        assertSafe(() => safePlanHeader(['id', 'area'], a as never));
        assertSafe(() => safeCreateRowReader(a as never, batch, b as never));
        assertSafe(() => safeCreateRowReader(['id'], a as never));
        assertSafe(() => safeReadCsv(a as never, b as never));
        assertSafe(() => safeRenderTables(a as never, 'csv'));
        assertSafe(() => safeRenderTables([a] as never, b as never));
      }),
      { numRuns: RUNS },
    );
  }, 600_000);
});
