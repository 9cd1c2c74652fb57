// Files that once lost rows, gave wrong rows or stopped a run, and a seeded generator of such
// files: every path (one thread and two, reads of 1, 7 and 65,536 bytes, the report's reader, the
// command line) must give one row per record, in order, as the reference readers of the record
// rules read them (test/readers/reference-readers.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createBatchClassifier } from '../../src/index.js';
import { referenceCsv, referenceJsonl } from './reference-readers.js';
// The library in process (coverage sees it); worker threads run the built worker script (npm test builds first).
import { readHouseholdBatches } from '../../src/node/index.js';
import { classifyCsvParallel, classifyJsonlParallel } from '../helpers.js';

const date = '2025-12-01';
const cli = join(process.cwd(), 'dist', 'cli.js');

type Row = { id?: string; category?: string; error?: { code: string } };

/** Splits bytes into reads of `size`. */
function reads(bytes: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(bytes.subarray(i, i + size));
  return out;
}

interface RunOptions {
  readonly format: 'csv' | 'jsonl';
  readonly readSize?: number;
  readonly threads?: number;
  readonly maxRecordBytes?: number;
  readonly maxDepth?: number;
  readonly chunkBytes?: number;
}

/** The first bytes, then the rest after a pause (so that worker threads are online and take chunks). */
async function* afterPause(bytes: Buffer, size: number): AsyncGenerator<Buffer> {
  yield bytes.subarray(0, 1);
  await new Promise((resolve) => setTimeout(resolve, 300));
  yield* reads(bytes.subarray(1), size);
}

/** Classifies a file in process; returns the JSON Lines output and the invalid count. */
async function classifyBytes(bytes: Buffer, o: RunOptions): Promise<{ text: string; invalid: number; rows: number }> {
  const sink = new PassThrough();
  const out: Buffer[] = [];
  sink.on('data', (c: Buffer) => out.push(c));
  const threads = o.threads ?? 1;
  const input = Readable.from(threads > 1 ? afterPause(bytes, o.readSize ?? 64) : reads(bytes, o.readSize ?? 65536));
  const options = {
    output: 'jsonl' as const,
    date,
    threads,
    chunkBytes: o.chunkBytes ?? (threads > 1 ? 64 : 1 << 20),
    ...(o.maxRecordBytes !== undefined ? { maxRecordBytes: o.maxRecordBytes } : {}),
    ...(o.maxDepth !== undefined ? { maxDepth: o.maxDepth } : {}),
  };
  const counts = o.format === 'csv' ? await classifyCsvParallel(input, sink, options) : await classifyJsonlParallel(input, sink, options);
  sink.end();
  return { text: Buffer.concat(out).toString('utf8'), invalid: counts.invalid, rows: counts.rows };
}

const rowsOf = (text: string): Row[] => text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Row);
const idsOf = (rows: Row[]) => rows.map((r) => r.id ?? null);

/** The ids (null where none) the reference reader expects, one per record. */
function expectedCsvIds(bytes: Buffer, limit: number): (string | null)[] {
  const { header, records } = referenceCsv(bytes, limit);
  const idAt = header?.map((h) => h.trim()).indexOf('id') ?? -1;
  return records.map((r) => (idAt >= 0 && r.fields[idAt] ? r.fields[idAt]! : null));
}

/** Runs every in-process path and checks them against each other and the reference reader; returns the rows. */
async function checkAllPaths(bytes: Buffer, o: RunOptions & { readonly twoThreads?: boolean }): Promise<Row[]> {
  const base = await classifyBytes(bytes, { ...o, readSize: 65536 });
  for (const readSize of [1, 7]) expect((await classifyBytes(bytes, { ...o, readSize })).text, `reads of ${readSize} byte(s)`).toBe(base.text);
  if (o.twoThreads) expect((await classifyBytes(bytes, { ...o, threads: 2, readSize: 16 })).text, 'two threads').toBe(base.text);
  const rows = rowsOf(base.text);
  expect(rows).toHaveLength(base.rows);
  expect(rows.filter((r) => r.error).length).toBe(base.invalid);
  if (o.format === 'csv') {
    const limit = o.maxRecordBytes ?? 1 << 20;
    expect(idsOf(rows), 'ids in order, as the reference reader reads the records').toEqual(expectedCsvIds(bytes, limit));
    // The report's reader: one entry per record, the same ids.
    const batch = createBatchClassifier({ date });
    const entries: (string | null)[] = [];
    for await (const list of readHouseholdBatches(Readable.from(reads(bytes, 7)), 'csv', batch, { maxRecordBytes: limit })) {
      for (const e of list) entries.push('error' in e ? (e.id ?? null) : (((e.value as { id?: string }).id ?? null) as string | null));
    }
    expect(entries, 'the report reads the same records').toEqual(idsOf(rows));
  } else {
    const expected = referenceJsonl(bytes, o.maxRecordBytes ?? 1 << 20, o.maxDepth ?? 64);
    expect(rows.length).toBe(expected.length);
    rows.forEach((row, i) => {
      const e = expected[i]!;
      if ('problem' in e) expect(row.error?.code, `line entry ${i}`).toBe({ tooLong: 'RECORD_TOO_LONG', badText: 'INVALID_ENCODING', notJson: 'INVALID_ROW', tooDeep: 'NESTING_TOO_DEEP' }[e.problem]);
      else if (e.value !== null && typeof e.value === 'object' && typeof (e.value as { id?: unknown }).id === 'string') expect(row.id).toBe((e.value as { id: string }).id);
    });
  }
  return rows;
}

const zeros = 'employment,dependants,nutrition,healthInsurance';
// A deprived column (empty: none) makes the list of deprivations complete without a column per indicator.
const csvHeader = `id,area,size,incomeMonthlyTotal,${zeros},deprived`;

describe('the corpus of hostile files', () => {
  it('reads a stray quote inside an unquoted field as data, losing no row', async () => {
    const bytes = Buffer.from('id,area,size,incomeMonthlyTotal,deprived\nA,rural,1,5"00,\nB,rural,1,100,\nC,rural,1,100",\nD,rural,1,100,\n');
    const rows = await checkAllPaths(bytes, { format: 'csv', twoThreads: true });
    expect(rows.map((r) => [r.id, r.error?.code ?? r.category])).toEqual([
      ['A', 'INVALID_INCOME'],
      ['B', 'near-poor'],
      ['C', 'INVALID_INCOME'],
      ['D', 'near-poor'],
    ]);
  });

  it('keeps a stray quote from swallowing a large file', async () => {
    const body = Array.from({ length: 20_000 }, (_, i) => (i === 10 ? `H${i},rural,1,5"00,` : `H${i},rural,2,${i * 1000},`)).join('\n');
    const rows = await checkAllPaths(Buffer.from(`id,area,size,incomeMonthlyTotal,deprived\n${body}\n`), { format: 'csv' });
    expect(rows).toHaveLength(20_000);
    expect(rows.filter((r) => r.error).map((r) => r.id)).toEqual(['H10']);
  });

  it('never guesses the delimiter of a row whose deprived list is long', async () => {
    const bytes = Buffer.from('id,area,size,incomeMonthlyTotal,deprived\nB,rural,3,4500000,nutrition;healthInsurance;housingArea;employment;dependants;adultEducation\n');
    const rows = await checkAllPaths(bytes, { format: 'csv' });
    expect(rows).toEqual([{ id: 'B', category: 'poor', deprivationCount: 6, newlyEscaped: false, standard: 'nd07-2021' }]);
  });

  it('reads a quoted first header name after a byte-order mark, with CR line ends', async () => {
    const bytes = Buffer.from('\uFEFF"id",area,size,incomeMonthlyTotal,nutrition,healthInsurance,housingArea,deprived\rA,rural,3,4500000,1,1,1,\rB,rural,3,4500000,0,0,0,\r');
    const rows = await checkAllPaths(bytes, { format: 'csv', twoThreads: true });
    expect(rows.map((r) => [r.id, r.category])).toEqual([
      ['A', 'poor'],
      ['B', 'near-poor'],
    ]);
  });

  it('reads CR LF split between reads as one line end', async () => {
    const bytes = Buffer.from(`${csvHeader}\r\nA,rural,1,100,0,0,0,0,\r\nB,urban,2,100,1,0,0,0,\r\n`);
    // Reads of 1 and 7 bytes split the header's CR from its LF (checkAllPaths compares them).
    const rows = await checkAllPaths(bytes, { format: 'csv' });
    expect(idsOf(rows)).toEqual(['A', 'B']);
  });

  it('skips blank lines before the header', async () => {
    const rows = await checkAllPaths(Buffer.from(`\n\r\n${csvHeader}\nA,rural,1,100,0,0,0,0,\n`), { format: 'csv' });
    expect(idsOf(rows)).toEqual(['A']);
  });

  it('keeps a byte-order mark at the start of a later row as data, on every path', async () => {
    const rows = await checkAllPaths(Buffer.from(`${csvHeader}\n\uFEFFA,rural,1,100,0,0,0,0,\n"\uFEFFB",rural,1,100,0,0,0,0,\n`), { format: 'csv' });
    expect(idsOf(rows)).toEqual(['\uFEFFA', '\uFEFFB']);
  });

  it('makes a row that is not UTF-8 an error and writes valid UTF-8', async () => {
    const bytes = Buffer.concat([Buffer.from(`${csvHeader}\nA`), Buffer.from([0xff]), Buffer.from(',rural,1,100,0,0,0,0,\nB,rural,1,100,0,0,0,0,\n')]);
    const result = await classifyBytes(bytes, { format: 'csv' });
    expect(Buffer.from(result.text, 'utf8').equals(Buffer.from(result.text))).toBe(true);
    const rows = await checkAllPaths(bytes, { format: 'csv' });
    expect(rows.map((r) => r.error?.code ?? r.category)).toEqual(['INVALID_ENCODING', 'near-poor']);
    expect(rows[0]!.id).toBe('A\uFFFD');
  });

  it('makes text after a closing quote an error row', async () => {
    const rows = await checkAllPaths(Buffer.from(`${csvHeader}\nA,rural,1,"5"00,0,0,0,0,\nB,rural,1,100,0,0,0,0,\n`), { format: 'csv' });
    expect(rows.map((r) => r.error?.code ?? r.category)).toEqual(['INVALID_ROW', 'near-poor']);
  });

  it('reports a quote never closed as one row and reads on from the next line', async () => {
    const rows = await checkAllPaths(Buffer.from(`${csvHeader}\nA,rural,1,"100,0,0,0,0,\nB,rural,1,100,0,0,0,0,\nC,rural,1,100,0,0,0,0,`), { format: 'csv', twoThreads: true });
    expect(rows.map((r) => [r.id, r.error?.code ?? r.category])).toEqual([
      ['A', 'INVALID_ROW'],
      ['B', 'near-poor'],
      ['C', 'near-poor'],
    ]);
  });

  it('makes a record over the length limit one row and goes on', async () => {
    const long = 'x'.repeat(200);
    const bytes = Buffer.from(`${csvHeader}\nA,rural,1,100,0,0,0,0,\nB,rural,1,${long}\nC,rural,1,"${long}\n${long}"\nD,rural,1,100,0,0,0,0,\n`);
    const rows = await checkAllPaths(bytes, { format: 'csv', maxRecordBytes: 100, twoThreads: true });
    expect(rows.map((r) => [r.id, r.error?.code ?? r.category])).toEqual([
      ['A', 'near-poor'],
      ['B', 'RECORD_TOO_LONG'],
      ['C', 'RECORD_TOO_LONG'],
      [undefined, 'RECORD_TOO_LONG'], // the second line of C's field, read on its own: 201 bytes
      ['D', 'near-poor'],
    ]);
  });

  it('makes a JSON line nested 5,000 deep one row, keeping the rest of its chunk', async () => {
    const deep = `{"id":"deep","area":"rural","size":1,"incomeMonthlyTotal":1,"deprived":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const ok = (id: string) => JSON.stringify({ id, area: 'rural', size: 1, incomeMonthlyTotal: 100, deprived: [] });
    const rows = await checkAllPaths(Buffer.from([ok('a'), deep, ok('b'), '[[[[[[[[[[1]]]]]]]]]]', ok('c')].join('\n')), { format: 'jsonl', twoThreads: true });
    expect(rows.map((r) => r.error?.code ?? r.id)).toEqual(['a', 'NESTING_TOO_DEEP', 'b', 'INVALID_FIELD', 'c']);
    const shallow = await classifyBytes(Buffer.from(`${ok('a')}\n[[[1]]]\n`), { format: 'jsonl', maxDepth: 2 });
    expect(rowsOf(shallow.text).map((r) => r.error?.code ?? r.id)).toEqual(['a', 'NESTING_TOO_DEEP']);
  });

  it('makes a JSON line over the length limit one row and goes on', async () => {
    const ok = (id: string) => JSON.stringify({ id, area: 'rural', size: 1, incomeMonthlyTotal: 100, deprived: [] });
    const bytes = Buffer.from([ok('a'), `{"id":"${'x'.repeat(300)}"}`, ok('b'), `  ${' '.repeat(300)}`, ok('c')].join('\r\n'));
    const rows = await checkAllPaths(bytes, { format: 'jsonl', maxRecordBytes: 120, twoThreads: true });
    expect(rows.map((r) => r.error?.code ?? r.id)).toEqual(['a', 'RECORD_TOO_LONG', 'b', 'RECORD_TOO_LONG', 'c']);
  });

  it('makes a JSON line that is not UTF-8 an error row', async () => {
    const bytes = Buffer.concat([Buffer.from('{"id":"a'), Buffer.from([0xc3]), Buffer.from('","area":"rural","size":1,"incomeMonthlyTotal":1}\n{"id":"b","area":"rural","size":1,"incomeMonthlyTotal":1}\n')]);
    const rows = await checkAllPaths(bytes, { format: 'jsonl' });
    expect(rows.map((r) => r.error?.code ?? r.id)).toEqual(['INVALID_ENCODING', 'b']);
  });
});

describe('the command line on the corpus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'chuan-ngheo-hostile-'));
  const run = (name: string, content: string | Buffer, ...args: string[]) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    return spawnSync(process.execPath, [cli, 'classify', file, '--date', date, '--format', 'jsonl', ...args], { encoding: 'utf8' });
  };

  it('exits 1 with every row written when rows are invalid, 0 when none is', () => {
    const stray = run('stray.csv', 'id,area,size,incomeMonthlyTotal,deprived\nA,rural,1,5"00,\nB,rural,1,100,\nC,rural,1,100",\nD,rural,1,100,\n');
    expect(stray.status).toBe(1);
    expect(idsOf(rowsOf(stray.stdout))).toEqual(['A', 'B', 'C', 'D']);
    const clean = run('clean.csv', '\uFEFF"id",area,size,incomeMonthlyTotal,deprived\rA,rural,1,100,\rB,rural,1,100,\r');
    expect(clean.status).toBe(0);
    expect(idsOf(rowsOf(clean.stdout))).toEqual(['A', 'B']);
  });

  it('exits 2 for a header that cannot be read, naming the reason', () => {
    const broken = run('header.csv', 'id,"area,size\nA,rural,1\n');
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/header row/);
  });

  it('takes --max-record-bytes and --max-depth', () => {
    const long = run('long.jsonl', `{"id":"a","area":"rural","size":1,"incomeMonthlyTotal":1}\n{"id":"${'x'.repeat(100)}"}\n[[[1]]]\n`, '--max-record-bytes', '80', '--max-depth', '2');
    expect(long.status).toBe(1);
    expect(rowsOf(long.stdout).map((r) => r.error?.code ?? r.id)).toEqual(['a', 'RECORD_TOO_LONG', 'NESTING_TOO_DEEP']);
    const bad = run('bad.jsonl', '{}\n', '--max-record-bytes', '1e3');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--max-record-bytes/);
  });

  it('reads standard input in any read size alike (CR LF split after the header)', () => {
    const text = `${csvHeader}\r\nA,rural,1,100,0,0,0,0,\r\nB,rural,1,100,0,0,0,0,\r\n`;
    const out = execFileSync(process.execPath, [cli, 'classify', '-', '--input', 'csv', '--date', date, '--format', 'jsonl'], { input: text, encoding: 'utf8' });
    expect(idsOf(rowsOf(out))).toEqual(['A', 'B']);
  });
});

/** A small seeded generator (the same files on every run). */
function generator(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return { next, pick };
}

const csvCells = ['0', '1', '', '5"00', '"a,b"', '"a""b"', '"two\nlines"', '"two\r\nlines"', '"open', 'x"', '"a"b', 'Xã', '\uFEFF', '\u00a0', ' 1', '"', '""', 'rural', '100', '9'.repeat(40)];
const lineEnds = ['\n', '\r\n', '\r', '\n\n', '\r\r\n'];

/** A CSV file with awkward cells, line ends, encodings and lengths. */
function csvFile(g: ReturnType<typeof generator>): Buffer {
  const parts: Buffer[] = [];
  if (g.next() < 0.2) parts.push(Buffer.from([0xef, 0xbb, 0xbf]));
  if (g.next() < 0.1) parts.push(Buffer.from('\n'));
  parts.push(Buffer.from(`${g.next() < 0.2 ? '"id"' : 'id'},area,size,incomeMonthlyTotal,nutrition,housingArea`));
  const rows = 1 + Math.floor(g.next() * 12);
  for (let r = 0; r < rows; r++) {
    parts.push(Buffer.from(g.pick(lineEnds)));
    const cells = [`R${r}`, g.pick(['rural', 'urban', 'rural']), g.pick(['1', '3', '0']), String(Math.floor(g.next() * 9e6)), g.pick(['0', '1']), g.pick(['0', '1'])];
    const changes = g.next() < 0.6 ? Math.floor(g.next() * 3) : 0;
    for (let c = 0; c < changes; c++) cells[Math.floor(g.next() * cells.length)] = g.pick(csvCells);
    if (g.next() < 0.05) cells.push('extra');
    if (g.next() < 0.05) cells.pop();
    let row = Buffer.from(cells.join(','));
    if (g.next() < 0.05) {
      const at = Math.floor(g.next() * row.length);
      row = Buffer.concat([row.subarray(0, at), Buffer.from([g.pick([0xff, 0xc3, 0xe0, 0x80])]), row.subarray(at)]);
    }
    parts.push(row);
  }
  if (g.next() < 0.6) parts.push(Buffer.from(g.pick(lineEnds)));
  return Buffer.concat(parts);
}

/** A JSON Lines file with awkward lines. */
function jsonlFile(g: ReturnType<typeof generator>): Buffer {
  const parts: Buffer[] = [];
  if (g.next() < 0.2) parts.push(Buffer.from([0xef, 0xbb, 0xbf]));
  const lines = 1 + Math.floor(g.next() * 12);
  for (let l = 0; l < lines; l++) {
    if (l > 0) parts.push(Buffer.from(g.pick(['\n', '\r\n', '\n\n', '\n \n'])));
    const r = g.next();
    const household = { id: `L${l}`, area: g.pick(['rural', 'urban', 'rurall']), size: g.pick([1, 3, 0]), incomeMonthlyTotal: Math.floor(g.next() * 9e6), deprived: g.pick([[], ['nutrition'], [['nutrition']]]) };
    if (r < 0.6) parts.push(Buffer.from(JSON.stringify(household)));
    else if (r < 0.7) parts.push(Buffer.from(`{"id":"L${l}","area":`));
    else if (r < 0.78) parts.push(Buffer.from(`{"id":"L${l}","deprived":${'['.repeat(3 + Math.floor(g.next() * 8))}${']'.repeat(3 + Math.floor(g.next() * 8))}}`));
    else if (r < 0.86) parts.push(Buffer.from(JSON.stringify({ ...household, note: 'y'.repeat(Math.floor(g.next() * 150)) })));
    else if (r < 0.93) parts.push(Buffer.concat([Buffer.from(`{"id":"L${l}`), Buffer.from([g.pick([0xff, 0xc3, 0x80])]), Buffer.from('"}')]));
    else parts.push(Buffer.from(g.pick(['null', '7', '"text"', '[]', '{}', ' '])));
  }
  if (g.next() < 0.5) parts.push(Buffer.from('\n'));
  return Buffer.concat(parts);
}

describe('seeded hostile files (2,000 CSV and 2,000 JSON Lines)', () => {
  const files = process.env.CI ? 2000 : 400;

  it('every CSV file: the same rows at every read size, ids in order as the reference reads them', { timeout: 600_000 }, async () => {
    const g = generator(20_251_202);
    let records = 0;
    let broken = 0;
    for (let f = 0; f < files; f++) {
      const bytes = csvFile(g);
      const limit = g.pick([1 << 20, 48, 64]);
      let rows: Row[];
      try {
        rows = await checkAllPaths(bytes, { format: 'csv', maxRecordBytes: limit, twoThreads: f % 100 === 0 });
      } catch (error) {
        if (error instanceof Error && /header row/.test(error.message)) continue; // a header the reference also cannot take
        throw new Error(`file ${f} (${JSON.stringify(bytes.toString('latin1'))}, limit ${limit}): ${(error as Error).message}`);
      }
      records += rows.length;
      broken += rows.filter((r) => r.error?.code === 'RECORD_TOO_LONG' || r.error?.code === 'INVALID_ENCODING').length;
    }
    expect(records).toBeGreaterThan(files * 4);
    expect(broken).toBeGreaterThan(files / 20);
  });

  it('every JSON Lines file: the same rows at every read size, one per line as the reference reads them', { timeout: 600_000 }, async () => {
    const g = generator(20_251_203);
    let lines = 0;
    for (let f = 0; f < files; f++) {
      const bytes = jsonlFile(g);
      const limit = g.pick([1 << 20, 120, 160]);
      try {
        lines += (await checkAllPaths(bytes, { format: 'jsonl', maxRecordBytes: limit, maxDepth: 6, twoThreads: f % 100 === 0 })).length;
      } catch (error) {
        throw new Error(`file ${f} (${JSON.stringify(bytes.toString('latin1'))}, limit ${limit}): ${(error as Error).message}`);
      }
    }
    expect(lines).toBeGreaterThan(files * 4);
  });
});
