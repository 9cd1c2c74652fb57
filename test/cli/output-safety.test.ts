// What happens to outputs that fail, end to end on the built package (npm test builds it first).
import { readFileSync } from 'node:fs';
import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { afterPause, nd07Ids } from '../helpers.js';

const date = '2025-12-01';

/** `rows` CSV rows at indicator level (about 60 bytes each). */
function csvRows(from: number, rows: number): string {
  let text = '';
  for (let i = from; i < from + rows; i++) text += `H${i},${i % 2 ? 'rural' : 'urban'},${1 + (i % 5)},${(i * 7919) % 4_000_000},${nd07Ids.map((_, j) => ((i + j) % 4 === 0 ? 1 : 0)).join(',')}\n`;
  return text;
}
const csvHeader = `id,area,size,incomeMonthlyTotal,${nd07Ids.join(',')}\n`;

describe('the streaming classifiers stop when their output fails', async () => {
  // The built Node entry (npm test builds first), so that worker threads find their script beside it.
  const built: string = '../../dist/node.js';
  const { classifyCsvParallel, classifyJsonlParallel } = (await import(built)) as typeof import('../../src/node/index.js');

  /** An output that fails on its third write, as a full disk does. */
  const failingOutput = () => {
    let writes = 0;
    return new Writable({
      highWaterMark: 1024,
      write(_chunk, _encoding, callback) {
        if (++writes === 3) callback(Object.assign(new Error('no space left on device, write'), { code: 'ENOSPC' }));
        else setImmediate(callback);
      },
    });
  };
  /** The input in slices, counting how many were read. */
  const counted = (text: string, threads: number) => {
    const read = { slices: 0, total: Math.ceil(Buffer.byteLength(text) / (16 * 1024)) };
    async function* slices() {
      for await (const slice of threads > 1 ? afterPause(text, 500) : afterPause(text, 0)) {
        read.slices++;
        yield slice;
      }
    }
    return { input: Readable.from(slices()), read };
  };
  const csv = csvHeader + csvRows(0, 30_000);
  const jsonl = `${readFileSync('examples/roster.jsonl', 'utf8')}`.repeat(60);

  it.each([1, 2])('CSV on %i thread(s): rejects with the output error, and stops reading', async (threads) => {
    const { input, read } = counted(csv, threads);
    await expect(classifyCsvParallel(input, failingOutput(), { output: 'csv', date, threads, chunkBytes: 32 * 1024 })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(read.slices).toBeLessThan(read.total / 2);
    expect(input.destroyed).toBe(true);
  });

  it.each([1, 2])('JSON Lines on %i thread(s): rejects with the output error, and stops reading', async (threads) => {
    const { input, read } = counted(jsonl, threads);
    await expect(classifyJsonlParallel(input, failingOutput(), { output: 'jsonl', date, threads, chunkBytes: 32 * 1024 })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(read.slices).toBeLessThan(read.total / 2);
  });

  it('an output closed in the middle of the run fails it instead of leaving it waiting', async () => {
    const output = new PassThrough({ highWaterMark: 1024 });
    output.once('data', () => output.destroy());
    await expect(classifyCsvParallel(Readable.from([Buffer.from(csv)]), output, { output: 'csv', date, threads: 1, chunkBytes: 32 * 1024 })).rejects.toThrow(
      /closed before all rows were written/,
    );
  });
});
