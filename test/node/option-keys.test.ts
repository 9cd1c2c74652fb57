// The file classifiers take the options they use and refuse the others by name: ignored, a
// misspelt standard or date would classify the whole file under another one without a word.
import { PassThrough, Readable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyCsvParallel, classifyJsonArray, classifyJsonlParallel, classifyStream, classifyXlsx } from '../../src/node/index.js';

const csv = () => Readable.from([readFileSync('examples/households.csv')]);
const sink = () => new PassThrough().resume();
const date = '2025-12-01';

async function errorOf(run: () => Promise<unknown>) {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('the options of the file classifiers', () => {
  it.each([
    ['classifyStream', () => classifyStream(csv(), sink(), { input: 'csv', output: 'csv', date, standrd: 'qd59-2015' } as never), 'standrd', 'standard'],
    ['classifyCsvParallel', () => classifyCsvParallel(csv(), sink(), { output: 'csv', date, thread: 2 } as never), 'thread', 'threads'],
    ['classifyJsonlParallel', () => classifyJsonlParallel(Readable.from(['']), sink(), { output: 'csv', dat: date } as never), 'dat', 'date'],
    ['classifyCsvParallel', () => classifyCsvParallel(csv(), sink(), { output: 'csv', date, maxDepth: 8 } as never), 'maxDepth', undefined],
    ['classifyJsonlParallel', () => classifyJsonlParallel(Readable.from(['']), sink(), { output: 'csv', date, columns: { BHYT: 'healthInsurance' } } as never), 'columns', undefined],
    ['classifyStream', () => classifyStream(Readable.from(['']), sink(), { input: 'jsonl', output: 'csv', date, onHeader: () => {} }), 'onHeader', undefined],
    ['classifyJsonArray', () => classifyJsonArray(Readable.from(['[]']), sink(), { output: 'csv', date, maxDepth: 3 } as never), 'maxDepth', undefined],
    ['classifyXlsx', () => classifyXlsx(Readable.from([readFileSync('examples/households.xlsx')]), sink(), { output: 'csv', date, threads: 2 } as never), 'threads', undefined],
  ])('%s: an option it does not take is INVALID_OPTIONS naming it', async (_, run, key, near) => {
    const e = await errorOf(run);
    expect(e).toMatchObject({ code: 'INVALID_OPTIONS', path: [key], received: key });
    expect((e as Error).message).toContain(near === undefined ? `options.${key}: not an option here (the options are` : `did you mean ${near}?`);
  });

  it('classifyStream takes the reading options and passes them on; a worksheet only for a workbook', async () => {
    const ok = await classifyStream(csv(), sink(), { input: 'csv', output: 'csv', date, maxRecordBytes: 4096, columns: {}, onHeader: () => {} });
    expect(ok.rows).toBe(40);
    // The limit reaches the reader: a header longer than it is refused.
    expect(await errorOf(() => classifyStream(csv(), sink(), { input: 'csv', output: 'csv', date, maxRecordBytes: 16 }))).toMatchObject({ code: 'INVALID_ROW', message: expect.stringContaining('within 16 bytes') });
    expect(await errorOf(() => classifyStream(csv(), sink(), { input: 'csv', output: 'csv', date, sheet: 'Data' }))).toMatchObject({ code: 'INVALID_OPTIONS', path: ['sheet'] });
  });
});
