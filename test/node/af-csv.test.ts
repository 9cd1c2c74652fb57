// The Alkire-Foster CSV reader: plain records read from the bytes give the same table as the same
// records quoted (which the general CSV rules read), and as the rows given to the library.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createAfTableBuilder, type AfTable } from '../../src/analytics/af-table.js';
import { estimateAfInference, planAfInference } from '../../src/analytics/alkire-foster-inference.js';
import { readAfCsv } from '../../src/node/af-csv.js';

const plan = planAfInference({ indicators: ['a', 'b', 'c'], weights: 'perIndicator', k: [34, 67], weight: 'w', strata: 's', psu: 'p', over: ['g'] });
const header = ['id', 'a', 'b', 'c', 'w', 's', 'p', 'g'];

async function read(text: string, pieceBytes: number): Promise<AfTable> {
  const bytes = Buffer.from(text);
  const pieces: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += pieceBytes) pieces.push(bytes.subarray(i, i + pieceBytes));
  const builder = await readAfCsv(Readable.from(pieces), (fields) => {
    const made = createAfTableBuilder(plan.columns);
    return { builder: made, positions: made.order.map((c) => fields.indexOf(c)), indicators: 3, weightAt: 3 };
  });
  return builder!.finish();
}

const row = fc.record({
  a: fc.constantFrom('0', '1'),
  b: fc.constantFrom('0', '1', ' 1', '1 '),
  c: fc.constantFrom('0', '1'),
  w: fc.constantFrom('1', '2.5', '10.25', '3', '0.125', '7.00'),
  s: fc.constantFrom('S1', 'S2', 'Hà Nội'),
  p: fc.integer({ min: 1, max: 3 }),
  g: fc.constantFrom('x', 'y', 'z'),
});

describe('readAfCsv', () => {
  it('plain and quoted records, any cut of the bytes, give one table and the same estimates as the library', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 6, maxLength: 40 }), fc.integer({ min: 1, max: 64 }), fc.boolean(), async (rows, cut, crlf) => {
        // two PSUs per stratum at least: PSU names carry their stratum
        const full = rows.map((r, i) => ({ id: `u${i}`, ...r, p: `${r.s}-${(r.p + i) % 2}` }));
        const eol = crlf ? '\r\n' : '\n';
        const plain = [header.join(','), ...full.map((r) => header.map((h) => r[h as keyof typeof r]).join(','))].join(eol) + eol;
        const quoted = [header.join(','), ...full.map((r) => header.map((h) => `"${r[h as keyof typeof r]}"`).join(','))].join(eol) + eol;
        const a = await read(plain, cut);
        const b = await read(quoted, cut);
        expect(a.rows).toBe(full.length);
        expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
        // both exact ("7.00" read as the number 7 needs no places, as text two)
        expect(a.weightDecimals === undefined).toBe(b.weightDecimals === undefined);
        a.deprived.forEach((col, j) => expect(Array.from(col)).toEqual(Array.from(b.deprived[j]!)));
        for (const key of ['strata', 'psu'] as const) expect(a[key]!.codes.length === b[key]!.codes.length && a[key]!.labels).toEqual(b[key]!.labels);
        const strataCount = new Set(full.map((r) => r.s)).size;
        const psuCount = new Set(full.map((r) => r.p)).size;
        if (psuCount < 2 * strataCount || [...new Set(full.map((r) => r.s))].some((s) => new Set(full.filter((r) => r.s === s).map((r) => r.p)).size < 2)) return;
        const ours = estimateAfInference(a, plan).rows;
        const theirs = estimateAfInference(b, plan).rows;
        // the same exact estimates; standard errors to the last bits (weights scaled by another power of ten)
        expect(ours.map((r) => [r.measure, r.indicator, r.k, r.subgroup, r.exact, r.estimate])).toEqual(theirs.map((r) => [r.measure, r.indicator, r.k, r.subgroup, r.exact, r.estimate]));
        ours.forEach((r, i) => {
          for (const key of ['se', 'lower', 'upper'] as const) {
            const x = r[key];
            const y = theirs[i]![key];
            if (x === null || y === null) expect(x).toBe(y);
            else expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-12 * Math.max(1e-300, Math.abs(y)));
          }
        });
      }),
      { numRuns: 150 },
    );
  });
  it('a record with another number of fields names its record number', async () => {
    await expect(read('id,a,b,c,w,s,p,g\nu1,1,0,0,1,S,P,x\nu2,1,0,1,S,P,x\n', 7)).rejects.toMatchObject({ code: 'INVALID_ROW', message: expect.stringMatching(/record 3 has 7 fields for 8 columns/) });
  });
});
