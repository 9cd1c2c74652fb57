// The fast CSV path (bytes, worker threads, tabulated rule) gives, row for row, what `classify`
// gives one household at a time, errors included; with worker threads as the command line runs them.
import { PassThrough, Readable } from 'node:stream';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { safeClassify } from '../../src/index.js';
// The library in process (coverage sees it); worker threads run the built worker script (npm test builds first).
import { afterPause, classifyCsvParallel, nd07Ids, classifyValue } from '../helpers.js';

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

/** A CSV row and the household it stands for; one row in eight is unusual or broken (with `quotes`, some ids are quoted). */
function sampleRow(i: number, quotes: boolean): { line: string; cells: string[]; household: Record<string, unknown> } {
  const size = 1 + Math.floor(random() * 8);
  const area = pick(['rural', 'urban', 'rural', 'urban', 'nông thôn', 'Urban', 'suburb', '']);
  const income = pick([
    String(Math.floor(random() * 4_000_000) * size),
    String(1_500_000 * size),
    String(2_000_000 * size + 1),
    `${Math.floor(random() * 3_000_000)}.5`,
    '-7',
    '',
  ]);
  const cells = nd07Ids.map(() => pick(['0', '1', '0', '', '1', '0', '0', '2']));
  const odd = quotes && random() < 0.05;
  const id = odd ? `"H,${i}"` : `H${i}`;
  const sizeCell = random() < 0.03 ? '0' : String(size);
  const line = [id, area, sizeCell, income, ...cells].join(',');
  const household: Record<string, unknown> = { id: odd ? `H,${i}` : `H${i}` };
  if (area !== '') household.area = area;
  household.size = Number(sizeCell);
  if (income !== '') household.incomeMonthlyTotal = income;
  household.deprived = nd07Ids.filter((_, j) => cells[j] === '1');
  return { line, cells, household };
}

/** The output rows, read back from JSON Lines or CSV into the JSON Lines form. */
function readOutput(text: string, output: 'csv' | 'jsonl'): Record<string, unknown>[] {
  if (output === 'jsonl') return text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const [header, ...lines] = Papa.parse<string[]>(text.trimEnd(), { newline: '\n' }).data;
  expect(header).toEqual(['id', 'category', 'deprivationCount', 'newlyEscaped', 'standard', 'errorCode', 'errorMessage']);
  return lines.map(([id, category, count, escaped, standard, code, message]) =>
    code ? { id, error: { code, message } } : { id, category, deprivationCount: Number(count), newlyEscaped: escaped === 'true', standard },
  );
}

describe('fast CSV path', () => {
  const date = '2025-12-01';
  const cases = [
    { name: 'quoted ids, CRLF, JSON Lines', quotes: true, lineEnd: '\r\n', output: 'jsonl', blankLines: false },
    { name: 'no quotes, LF, CSV, blank lines, no final line feed', quotes: false, lineEnd: '\n', output: 'csv', blankLines: true },
    { name: 'no quotes, CRLF, JSON Lines', quotes: false, lineEnd: '\r\n', output: 'jsonl', blankLines: false },
  ] as const;

  describe.each(cases)('$name', ({ quotes, lineEnd, output, blankLines }) => {
    const rows = Array.from({ length: 20_000 }, (_, i) => sampleRow(i, quotes));
    const body = rows.map((r, i) => (blankLines && i % 997 === 0 ? `${lineEnd}${r.line}` : r.line)).join(lineEnd);
    const text = `id,area,size,incomeMonthlyTotal,${nd07Ids.join(',')}${lineEnd}${body}${blankLines ? '' : lineEnd}`;

    it.each([1, 2])('with %i thread(s), each row equals classify, in order', async (threads) => {
      const sink = new PassThrough();
      const chunks: Buffer[] = [];
      sink.on('data', (c: Buffer) => chunks.push(c));
      // With workers, the body comes after a pause, so that the workers are online and take chunks.
      const input = Readable.from(threads > 1 ? afterPause(text) : [Buffer.from(text)]);
      const counts = await classifyCsvParallel(input, sink, { output, date, threads, chunkBytes: 64 * 1024 });
      sink.end();
      const out = readOutput(Buffer.concat(chunks).toString('utf8'), output);
      expect(out).toHaveLength(rows.length);
      let invalid = 0;
      rows.forEach((r, i) => {
        const badCell = r.cells.find((c) => c !== '0' && c !== '1' && c !== '');
        const single = safeClassify(r.household, { date });
        if (badCell !== undefined) {
          expect((out[i]!.error as { code: string }).code).toBe('INVALID_FIELD');
          invalid++;
        } else if (!single.success) {
          const { code, message, path } = single.error;
          expect(out[i]).toEqual({ id: r.household.id, error: output === 'jsonl' ? { code, path, message } : { code, message } });
          invalid++;
        } else {
          const c = classifyValue(r.household, { date });
          expect(out[i]).toEqual({ id: c.id, category: c.category, deprivationCount: c.deprivationCount, newlyEscaped: false, standard: 'nd07-2021' });
        }
      });
      expect(counts.rows).toBe(rows.length);
      expect(counts.invalid).toBe(invalid);
      expect(invalid).toBeGreaterThan(1000);
    });

    it('takes rows longer than a chunk whole', async () => {
      const sink = new PassThrough();
      const chunks: Buffer[] = [];
      sink.on('data', (c: Buffer) => chunks.push(c));
      const short = text.split(lineEnd).slice(0, 301).join(lineEnd) + lineEnd;
      const counts = await classifyCsvParallel(Readable.from([Buffer.from(short)]), sink, { output, date, threads: 1, chunkBytes: 16 });
      const whole = new PassThrough();
      const reference: Buffer[] = [];
      whole.on('data', (c: Buffer) => reference.push(c));
      await classifyCsvParallel(Readable.from([Buffer.from(short)]), whole, { output, date, threads: 1 });
      expect(counts.rows).toBe(short.split(lineEnd).filter((l) => l !== '').length - 1);
      expect(Buffer.concat(chunks).toString('utf8')).toBe(Buffer.concat(reference).toString('utf8'));
    });

    it('hands chunks to the workers, and a failing worker fails the run', async () => {
      const sink = new PassThrough();
      sink.resume();
      const workerUrl = new URL('../fixtures/failing-worker.mjs', import.meta.url);
      await expect(classifyCsvParallel(Readable.from(afterPause(text)), sink, { output, date, threads: 2, chunkBytes: 64 * 1024, workerUrl })).rejects.toThrow('worker failed on purpose');
    });
  });
});

describe('fast CSV path with a standard given as data', () => {
  it('gives the workers the same standard: two threads write what one writes, broken rows included', async () => {
    const { localStandards } = await import('../../src/index.js');
    const standard = localStandards[0]!;
    const ids = standard.indicators.map((i) => i.id);
    const lines = Array.from({ length: 6000 }, (_, i) => {
      const cells: string[] = ids.map((_, j) => ((i + j) % 5 === 0 ? '1' : '0'));
      if (i % 50 === 7) cells[0] = '2'; // an invalid cell: the worker loads its general path
      const id = i % 50 === 9 ? `"H,${i}"` : `H${i}`; // quoted: classified on the general path
      return [id, i % 3 ? 'rural' : 'urban', String(1 + (i % 6)), String((i * 7919) % 4_000_000 * (1 + (i % 6))), ...cells].join(',');
    });
    const text = `id,area,size,incomeMonthlyTotal,${ids.join(',')}\n${lines.join('\n')}\n`;
    const run = async (threads: number) => {
      const sink = new PassThrough();
      const out: Buffer[] = [];
      sink.on('data', (c: Buffer) => out.push(c));
      const input = Readable.from(threads > 1 ? afterPause(text) : [Buffer.from(text)]);
      const counts = await classifyCsvParallel(input, sink, { output: 'csv', date: '2024-12-01', standard, threads, chunkBytes: 16 * 1024 });
      return { counts, text: Buffer.concat(out).toString('utf8') };
    };
    const one = await run(1);
    const two = await run(2);
    expect(two.text).toBe(one.text);
    expect(one.counts.standard).toBe(standard.id);
    expect(one.text).toContain(`,${standard.id},,`);
    expect(one.counts.invalid).toBe(120);
  });
});

