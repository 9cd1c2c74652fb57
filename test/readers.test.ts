// The streaming file path: one output row per input row, in order, invalid rows included;
// quoted fields, embedded commas and newlines, BOM and CRLF.
import { Readable, PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { classifyStream } from '../src/node/index.js';
import { classifyValue } from './helpers.js';

async function run(text: string, input: 'csv' | 'jsonl', output: 'csv' | 'jsonl' = 'jsonl') {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  const summary = await classifyStream(Readable.from([Buffer.from(text, 'utf8')]), sink, { input, output, date: '2025-12-01' });
  sink.end();
  const out = Buffer.concat(chunks).toString('utf8');
  return { summary, out, lines: out.trimEnd().split('\n') };
}

// The deprived column (empty: none beyond the indicator columns) makes each row's deprivations complete.
const header = 'id,area,size,incomeMonthlyTotal,employment,nutrition,healthInsurance,commune,deprived';

describe('CSV input', () => {
  it('classifies each row and echoes the id', async () => {
    const { lines, summary } = await run(`${header}\nA,rural,3,4500000,1,1,1,X,\nB,urban,2,4000001,0,0,0,Y,\n`, 'csv');
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { id: 'A', category: 'poor', deprivationCount: 3, newlyEscaped: false, standard: 'nd07-2021' },
      { id: 'B', category: 'average', deprivationCount: 0, newlyEscaped: false, standard: 'nd07-2021' },
    ]);
    expect(summary).toMatchObject({ rows: 2, invalid: 0, categories: { poor: 1, average: 1 } });
  });

  it('keeps one row out per row in for broken rows, with their errors, and goes on', async () => {
    const text = [
      header,
      'A,rural,3,4500000,1,1,1,X,',
      'B,suburb,3,4500000,1,1,1,X,',
      'C,rural,0,4500000,1,1,1,X,',
      'D,rural,3,-5,0,0,0,X,',
      'E,rural,3,4500000,2,0,0,X,',
      'F,rural,3',
      'G,rural,3,,0,0,0,X,',
      'H,rural,3,4500000,0,0,1,X,',
    ].join('\n');
    const { lines, summary } = await run(text, 'csv');
    const rows = lines.map((l) => JSON.parse(l));
    expect(rows.map((r) => r.id)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H']);
    expect(rows.map((r) => r.error?.code ?? r.category)).toEqual(['poor', 'INVALID_AREA', 'INVALID_SIZE', 'INVALID_INCOME', 'INVALID_FIELD', 'INVALID_ROW', 'MISSING_INCOME', 'near-poor']);
    expect(rows[4].error.path).toEqual(['employment']);
    expect(rows[4].error.message).toMatch(/expected 0 or 1, received the text "2"/);
    expect(summary.invalid).toBe(6);
  });

  it('handles a BOM, CRLF, quoted fields with commas, quotes and newlines, and Vietnamese text', async () => {
    const text = `\uFEFF${header}\r\n"A,1",nông thôn,3,4500000,1,1,1,"Xã ""Tân"" Lập\r\nthôn 2",\r\n"B",Đô thị,1,"2000000",0,0,0,Phường,\r\n`;
    const { lines } = await run(text, 'csv');
    expect(lines.map((l) => JSON.parse(l))).toMatchObject([
      { id: 'A,1', category: 'poor' },
      { id: 'B', category: 'near-poor' },
    ]);
  });

  it('writes CSV output with the error columns', async () => {
    const { out } = await run(`${header}\n"A,1",rural,3,4500000,1,1,1,X,\nB,rural,x,1,0,0,0,X,\n`, 'csv', 'csv');
    expect(out.split('\n')[0]).toBe('id,category,deprivationCount,newlyEscaped,standard,errorCode,errorMessage');
    expect(out.split('\n')[1]).toBe('"A,1",poor,3,false,nd07-2021,,');
    expect(out.split('\n')[2]).toBe('B,,,,,INVALID_SIZE,"size: expected a whole number of members ≥ 1, received the text ""x"""');
  });

  it('a 1 in a column of an indicator the standard lacks is UNKNOWN_INDICATOR; a 0 is fine', async () => {
    const { lines } = await run('id,area,size,incomeMonthlyTotal,healthcareAccess,deprived\nA,rural,1,1,0,\nB,rural,1,1,1,\n', 'csv');
    expect(lines.map((l) => JSON.parse(l).error?.code ?? 'ok')).toEqual(['ok', 'UNKNOWN_INDICATOR']);
  });

  it('accepts a deprived column and previous status columns', async () => {
    const { lines } = await run('id,area,size,incomeMonthlyPerCapita,deprived,previousCategory,previousRecognizedOn\nA,rural,1,1600000,,poor,2024-12-10\nB,rural,1,1,nutrition;employment;housingArea,,\n', 'csv');
    expect(lines.map((l) => JSON.parse(l))).toMatchObject([
      { id: 'A', category: 'average', newlyEscaped: true },
      { id: 'B', category: 'poor', deprivationCount: 3 },
    ]);
  });

  it('gives the same result as classify for each row, across batches', async () => {
    const rows: string[] = [header];
    const expected: string[] = [];
    for (let i = 0; i < 5000; i++) {
      const size = 1 + (i % 7);
      const income = (i * 7919) % 3_000_000 * size;
      const d = [i % 2, i % 3 === 0 ? 1 : 0, i % 5 === 0 ? 1 : 0];
      rows.push(`H${i},${i % 4 ? 'rural' : 'urban'},${size},${income},${d.join(',')},c,`);
      expected.push(
        classifyValue(
          { area: i % 4 ? 'rural' : 'urban', size, incomeMonthlyTotal: income, deprived: ['employment', 'nutrition', 'healthInsurance'].filter((_, j) => d[j] === 1) },
          { date: '2025-12-01' },
        ).category,
      );
    }
    const { lines } = await run(rows.join('\n'), 'csv');
    expect(lines.map((l) => JSON.parse(l).category)).toEqual(expected);
  });
});

describe('JSON Lines input', () => {
  it('classifies each line; a line that is not JSON is an INVALID_ROW row; blank lines are skipped', async () => {
    const text = '\uFEFF{"id":1,"area":"rural","size":1,"incomeMonthlyPerCapita":1,"deprived":[]}\r\n\n{oops\n{"id":3,"area":"urban","size":1}\n';
    const { lines, summary } = await run(text, 'jsonl');
    const rows = lines.map((l) => JSON.parse(l));
    expect(rows).toMatchObject([{ id: 1, category: 'near-poor' }, { error: { code: 'INVALID_ROW' } }, { id: 3, error: { code: 'MISSING_INCOME' } }]);
    expect(rows[1].error.message).toMatch(/^line 3 is not valid JSON/);
    expect(summary).toMatchObject({ rows: 3, invalid: 2 });
  });
  it('an id of 1e309 (Infinity once read) is an INVALID_FIELD row on id, written without an id', async () => {
    const { lines, summary } = await run('{"id":1e309,"area":"rural","size":1,"incomeMonthlyPerCapita":1}\n{"id":-1e309,"area":"rural","size":1}\n', 'jsonl');
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toMatch(/^\{"id"/);
      expect(JSON.parse(line)).toEqual({ error: { code: 'INVALID_FIELD', path: ['id'], message: expect.stringMatching(/^id: expected an id: a text or a finite number, received the number -?Infinity$/) } });
    }
    expect(summary).toMatchObject({ rows: 2, invalid: 2 });
    const csv = await run('{"id":1e309,"area":"rural","size":1,"incomeMonthlyPerCapita":1}\n', 'jsonl', 'csv');
    expect(csv.lines[1]).toMatch(/^,,,,,INVALID_FIELD,/);
  });
  it('reads a last line without a line feed', async () => {
    const { lines } = await run('{"area":"rural","size":1,"incomeMonthlyPerCapita":1}', 'jsonl');
    expect(JSON.parse(lines[0]!)).toMatchObject({ category: 'near-poor' });
  });
});

describe('CSV with CR-only line ends', () => {
  it('is read like LF: every row classified, none dropped', async () => {
    const { lines, summary } = await run('id,area,size,incomeMonthlyTotal,deprived\rA,rural,1,1,\rB,urban,2,5000000,\rC,x,1,1,\r', 'csv');
    expect(lines.map((l) => JSON.parse(l))).toMatchObject([{ id: 'A', category: 'near-poor' }, { id: 'B', category: 'average' }, { id: 'C', error: { code: 'INVALID_AREA' } }]);
    expect(summary).toMatchObject({ rows: 3, invalid: 1 });
  });
});
