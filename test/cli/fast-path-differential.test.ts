// The byte-level CSV fast path against the general reader (the shared record rules, then the row reader), on
// generated files with awkward cells: both must write the same rows, errors included.
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createBatchClassifier } from '../../src/index.js';
import { classifyRowsOf, rowToCsv, rowToJsonl } from '../../src/node/index.js';
import { classifyCsvParallel, nd07Ids } from '../helpers.js';

const date = '2025-12-01';

/** Cells that are valid, nearly valid, or plainly wrong. */
const indicatorCell = fc.constantFrom('0', '1', '', '1', '0', '2', '01', ' 1', '1 ', 'true', '"1"', '-0', '1.0');
const sizeCell = fc.constantFrom('1', '4', '7', '0', '01', ' 3', '3 ', '2.0', '+2', '', '"5"', '9007199254740993', '1e1');
const incomeCell = fc.oneof(
  fc.integer({ min: 0, max: 30_000_000 }).map(String),
  fc.constantFrom('', '1500000', '6000000', '0', '-5', '1500000.5', '1,500,000', ' 1500000', '"4500000"', '123456789012345678', '00012'),
);
const areaCell = fc.constantFrom('rural', 'urban', 'Rural', ' rural', 'nông thôn', 'thành thị', 'rura', 'urban ', '', '"urban"');
const idCell = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{0,12}$/),
  fc.constantFrom('Hà Nội-1', '"a,b"', '"say ""hi"""', 'x\\y', '"two\nlines"'),
);

// A carriage return inside a field is quoted, as RFC 4180 has it (unquoted, it makes the line ends ambiguous).
const communeCell = fc.constantFrom('Xã A', 'Phường 3', '', '"Xã B, huyện C"', '"x\ry"');

/**
 * The previous status: valid, missing one half, misspelt, a date that is no date or after the review;
 * and the date the household left the list: empty, inside or outside the 3 years, before the list
 * was recognised, after the review, no date.
 */
const previousCells = fc.tuple(
  fc.constantFrom('', 'poor', 'near-poor', 'poor', 'near-poor', 'Poor', 'poorr', 'near_poor'),
  fc.constantFrom('', '2024-12-10', '2025-12-01', '2025-12-02', '2024-02-29', '2023-02-29', '2024-02-30', '24-12-10', '0000-01-01', '2024-12-1', '2024-12-10 '),
  fc.constantFrom('', '', '', '2025-12-01', '2024-12-10', '2022-12-01', '2022-11-30', '2025-12-02', '2022-02-29', '2024-12-09', ' 2025-01-01'),
);

const row = (commune: boolean, previous: boolean) =>
  fc.tuple(idCell, areaCell, sizeCell, incomeCell, fc.array(indicatorCell, { minLength: 12, maxLength: 12 }), communeCell, fc.constantFrom(0, 0, 0, 0, 1, -1), previousCells).map(([id, area, size, income, cells, place, extra, [category, on, left]]) => {
    const fields = [id, area, size, income, ...cells, ...(commune ? [place] : []), ...(previous ? [category, on, left] : [])];
    if (extra > 0) fields.push('0');
    if (extra < 0) fields.pop();
    return fields.join(',');
  });

/** A line that is not a household: blank, spaces, commas only. */
const oddLine = fc.constantFrom('', ' ', ',,,');

const file = fc
  .tuple(fc.boolean(), fc.boolean())
  .chain(([commune, previous]) =>
    fc.tuple(fc.constant(commune), fc.constant(previous), fc.array(fc.oneof({ weight: 12, arbitrary: row(commune, previous) }, { weight: 1, arbitrary: oddLine }), { minLength: 1, maxLength: 40 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), fc.boolean()),
  )
  .map(([commune, previous, rows, end, finalEnd, bom]) => {
    const header = `id,area,size,incomeMonthlyTotal,${nd07Ids.join(',')}${commune ? ',commune' : ''}${previous ? ',previousCategory,previousRecognizedOn,leftListOn' : ''}`;
    return `${bom ? '\uFEFF' : ''}${[header, ...rows].join(end)}${finalEnd ? end : ''}`;
  });

async function fastPath(text: string, chunkBytes: number, output: 'csv' | 'jsonl'): Promise<string> {
  const sink = new PassThrough();
  const out: Buffer[] = [];
  sink.on('data', (c: Buffer) => out.push(c));
  await classifyCsvParallel(Readable.from([Buffer.from(text)]), sink, { output, date, threads: 1, chunkBytes });
  return Buffer.concat(out).toString('utf8');
}

async function generalPath(text: string, output: 'csv' | 'jsonl'): Promise<string> {
  const batch = createBatchClassifier({ date });
  const write = output === 'csv' ? rowToCsv : rowToJsonl;
  let out = output === 'csv' ? 'id,category,deprivationCount,newlyEscaped,standard,errorCode,errorMessage\n' : '';
  for await (const rows of classifyRowsOf(Readable.from([Buffer.from(text)]), 'csv', batch)) for (const r of rows) out += write(r);
  return out;
}

describe('CSV fast path against the general reader', () => {
  it('writes the same rows for awkward files', async () => {
    let errors = 0;
    await fc.assert(
      fc.asyncProperty(file, fc.constantFrom(64, 1024, 1 << 20), fc.constantFrom('csv' as const, 'jsonl' as const), async (text, chunkBytes, output) => {
        const general = await generalPath(text, output);
        expect(await fastPath(text, chunkBytes, output)).toBe(general);
        errors += general.split(output === 'csv' ? ',,,,,' : '"error"').length - 1;
      }),
      { numRuns: 300 },
    );
    expect(errors).toBeGreaterThan(100);
  });

  it('ends a record at an unquoted carriage return, as at a line feed (rule 2 of csv/records)', async () => {
    const cells = nd07Ids.map(() => '0').join(',');
    const text = `id,area,size,incomeMonthlyTotal,${nd07Ids.join(',')},commune\nA,rural,1,100,${cells},Xã A\nB\rb,rural,1,100,${cells},x\ry\nC,urban,2,x,${cells},Xã C\n`;
    const general = await generalPath(text, 'jsonl');
    // A; "B" alone (one field); "b,rural,…,x" (one field short); "y" (one field); C.
    expect(general.trimEnd().split('\n').map((l) => (JSON.parse(l) as { id?: string }).id)).toEqual(['A', 'B', 'b', 'y', 'C']);
    expect(await fastPath(text, 1 << 20, 'jsonl')).toBe(general);
  });
});
