// JSON Lines in chunks, on one thread or several, gives line for line what `classify` gives one
// record at a time: survey records and households mixed, broken lines with their line number,
// blank lines skipped, CRLF and a byte-order mark; with worker threads as the command line runs them.
import { readFileSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { safeClassify } from '../../src/index.js';
// The library in process (coverage sees it); worker threads run the built worker script (npm test builds first).
import { classifyStream } from '../../src/node/index.js';
import { afterPause, classifyJsonlParallel } from '../helpers.js';

const roster = readFileSync('examples/roster.jsonl', 'utf8').trimEnd().split('\n');
const date = '2025-12-01';

let seed = 7;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

/** 6,000 lines: survey records (some altered), households, blank lines, lines that are not JSON, non-ASCII names. */
function sampleLines(): string[] {
  return Array.from({ length: 6000 }, (_, i) => {
    const r = random();
    if (r < 0.03) return '';
    if (r < 0.06) return `{"id": "broken ${i}", "area": "rural",`;
    if (r < 0.3) return JSON.stringify({ id: `h${i}`, area: random() < 0.5 ? 'rural' : 'nông thôn', size: 1 + (i % 5), incomeMonthlyTotal: Math.floor(random() * 3_000_000) * (1 + (i % 5)), deprived: random() < 0.5 ? ['healthInsurance'] : [] });
    const record = JSON.parse(roster[i % roster.length]!) as Record<string, unknown>;
    record.id = `r${i}`;
    delete record.recordedCategory;
    if (random() < 0.1) record.incomeMonthlyTotal = -1;
    if (random() < 0.1) (record.members as Record<string, unknown>[])[0]!.name = 'Nguyễn Thị Ánh';
    return JSON.stringify(record);
  });
}

/** What one line gives, read on its own. */
function expected(line: string, number: number): Record<string, unknown> | undefined {
  if (line.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return { error: { code: 'INVALID_ROW', path: [], message: expect.stringMatching(new RegExp(`^line ${number} is not valid JSON: `)) } };
  }
  const single = safeClassify(value, { date });
  const id = (value as { id?: unknown }).id;
  if (!single.success) return { id, error: { code: single.error.code, path: single.error.path, message: single.error.message } };
  const c = single.data;
  return { id: c.id, category: c.category, deprivationCount: c.deprivationCount, newlyEscaped: c.newlyEscaped, standard: c.standard };
}

async function run(text: string, threads: number, chunks: 'one' | 'strings' = 'one', chunkBytes = 32 * 1024) {
  const sink = new PassThrough();
  const out: Buffer[] = [];
  sink.on('data', (c: Buffer) => out.push(c));
  // With workers, the body comes after a pause, so that the workers are online and take chunks.
  const input = chunks === 'strings' ? Readable.from(text.match(/[\s\S]{1,5000}/g) ?? []) : Readable.from(threads > 1 ? afterPause(text) : [Buffer.from(text)]);
  const counts = await classifyJsonlParallel(input, sink, { output: 'jsonl', date, threads, chunkBytes });
  sink.end();
  const rows = Buffer.concat(out).toString('utf8').trimEnd().split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
  return { counts, rows };
}

describe('JSON Lines in chunks', () => {
  const lines = sampleLines();
  const wanted = lines.map((l, i) => expected(l, i + 1)).filter((x) => x !== undefined);

  it.each([1, 2])('with %i thread(s), each line gives what classify gives, in order', async (threads) => {
    const { counts, rows } = await run(`\uFEFF${lines.join('\r\n')}\r\n`, threads);
    expect(rows).toHaveLength(wanted.length);
    rows.forEach((row, i) => expect(row).toEqual(wanted[i]));
    expect(counts.rows).toBe(wanted.length);
    expect(counts.invalid).toBe(wanted.filter((w) => 'error' in w).length);
    expect(counts.invalid).toBeGreaterThan(100);
  });

  it('hands chunks to the workers, and a failing worker fails the run', async () => {
    const sink = new PassThrough();
    sink.resume();
    const workerUrl = new URL('../fixtures/failing-worker.mjs', import.meta.url);
    const input = Readable.from(afterPause(lines.join('\n')));
    await expect(classifyJsonlParallel(input, sink, { output: 'jsonl', date, threads: 2, chunkBytes: 32 * 1024, workerUrl })).rejects.toThrow('worker failed on purpose');
  });

  it('fails the run when a worker stops without answering', async () => {
    const sink = new PassThrough();
    sink.resume();
    const workerUrl = new URL('../fixtures/exiting-worker.mjs', import.meta.url);
    const input = Readable.from(afterPause(lines.join('\n')));
    await expect(classifyJsonlParallel(input, sink, { output: 'jsonl', date, threads: 2, chunkBytes: 32 * 1024, workerUrl })).rejects.toThrow(/worker thread stopped \(exit code 3\)/);
  });

  it('reads a stream of strings, and a last line without a line feed', async () => {
    const { rows } = await run(lines.join('\n'), 1, 'strings');
    expect(rows).toEqual(wanted);
  });

  it('takes lines longer than a chunk whole', async () => {
    const { rows } = await run(lines.slice(0, 500).join('\n'), 1, 'one', 100);
    expect(rows).toEqual(lines.slice(0, 500).map((l, i) => expected(l, i + 1)).filter((x) => x !== undefined));
  });

  it('is what classifyStream writes', async () => {
    const sink = new PassThrough();
    const out: Buffer[] = [];
    sink.on('data', (c: Buffer) => out.push(c));
    const summary = await classifyStream(Readable.from([Buffer.from(lines.join('\n'))]), sink, { input: 'jsonl', output: 'jsonl', date });
    sink.end();
    expect(summary.rows).toBe(wanted.length);
    expect(Buffer.concat(out).toString('utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as unknown)).toEqual(wanted);
  });
});
