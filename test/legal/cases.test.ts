// Legal cases as data (test/legal/cases/<standard>.json: a review date, the article, and households
// at each bound and one đồng over it), for every shipped standard and for a province's own standard
// given as a file. Every case goes through every path: `classify`, the batch classifier, the CSV
// byte path and JSON Lines, on one thread and on two (worker threads get the standard by value).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createBatchClassifier, loadStandard, type Standard } from '../../src/index.js';
import type { StandardId } from '../../src/index.js';
import { classifyValue } from '../helpers.js';
// The library in process (coverage sees it); worker threads run the built worker script (npm test builds first).
import { classifyCsvParallel, classifyJsonlParallel } from '../helpers.js';

interface LegalCase {
  readonly name: string;
  readonly household: { area: string; size: number; incomeMonthlyPerCapita: number; deprived: string[] };
  readonly category: string;
}
interface CaseFile {
  readonly standard?: StandardId;
  readonly standardFile?: string;
  readonly date: string;
  readonly reference: string;
  readonly cases: readonly LegalCase[];
}

const dir = join('test', 'legal', 'cases');
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.standard.json'));

/** The first bytes, then the rest after a pause, so that worker threads are online and take chunks. */
async function* afterPause(text: string): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  const cut = bytes.indexOf(0x0a) + 1;
  yield bytes.subarray(0, cut);
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (let i = cut; i < bytes.length; i += 64) yield bytes.subarray(i, i + 64);
}

async function run(kind: 'csv' | 'jsonl', text: string, standard: StandardId | Standard, date: string, threads: number): Promise<{ id: string; category?: string }[]> {
  const sink = new PassThrough();
  const out: Buffer[] = [];
  sink.on('data', (c: Buffer) => out.push(c));
  const input = Readable.from(threads > 1 ? afterPause(text) : [Buffer.from(text)]);
  const options = { output: 'jsonl' as const, standard, date, threads, chunkBytes: 64 };
  await (kind === 'csv' ? classifyCsvParallel(input, sink, options) : classifyJsonlParallel(input, sink, options));
  return Buffer.concat(out).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; category?: string });
}

it('finds a case file for every shipped standard and a province standard', () => {
  expect(files.sort()).toEqual(['dong-nai-2022-2025.json', 'nd07-2021.json', 'nd351-2025.json', 'qd59-2015.json', 'tinh-mau-2025.json']);
});

describe.each(files)('%s', (file) => {
  const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CaseFile;
  const standard: StandardId | Standard = data.standardFile ? loadStandard(readFileSync(join(dir, data.standardFile), 'utf8')) : data.standard!;
  const id = typeof standard === 'string' ? standard : standard.id;
  const expected = data.cases.map((c, i) => ({ id: `C${i + 1}`, category: c.category }));

  it.each(data.cases)(`${data.reference}: $name`, (c) => {
    expect(classifyValue(c.household, { standard, date: data.date }).category).toBe(c.category);
    const batch = createBatchClassifier({ standard, date: data.date });
    expect(batch.classify(c.household)).toMatchObject({ category: c.category, standard: id });
    expect(batch.classifyWithFacts(c.household)).toMatchObject({ category: c.category });
  });

  const csv = `id,area,size,incomeMonthlyPerCapita,deprived\n${data.cases.map((c, i) => `C${i + 1},${c.household.area},${c.household.size},${c.household.incomeMonthlyPerCapita},${c.household.deprived.join(';')}`).join('\n')}\n`;
  const jsonl = `${data.cases.map((c, i) => JSON.stringify({ id: `C${i + 1}`, ...c.household })).join('\n')}\n`;
  it.each([
    ['CSV', 1],
    ['CSV', 2],
    ['JSON Lines', 1],
    ['JSON Lines', 2],
  ] as const)('every case through %s on %i thread(s)', async (kind, threads) => {
    const rows = await run(kind === 'CSV' ? 'csv' : 'jsonl', kind === 'CSV' ? csv : jsonl, standard, data.date, threads);
    expect(rows.map((r) => ({ id: r.id, category: r.category }))).toEqual(expected);
  });

  it('the CSV byte path takes the rows at indicator level too (one 0/1 column per indicator)', async () => {
    const ids = (typeof standard === 'string' ? createBatchClassifier({ standard, date: data.date }).standard : standard).indicators.map((i) => i.id);
    const text = `id,area,size,incomeMonthlyPerCapita,${ids.join(',')}\n${data.cases
      .map((c, i) => `C${i + 1},${c.household.area},${c.household.size},${c.household.incomeMonthlyPerCapita},${ids.map((d) => (c.household.deprived.includes(d) ? 1 : 0)).join(',')}`)
      .join('\n')}\n`;
    for (const threads of [1, 2]) expect((await run('csv', text, standard, data.date, threads)).map((r) => ({ id: r.id, category: r.category }))).toEqual(expected);
  });
});
