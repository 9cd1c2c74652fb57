// A header is checked against the standard before any row is read: nearly-right column names are
// errors that name the field they probably mean, Vietnamese names and column maps are read, an
// indicator without a column is undetermined (an error only where the category depends on it), and
// a file without ids gets the record number as id. Every path (byte fast path on one thread and
// two, the general reader, the report's reader) reads a header alike.
import { readFileSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { classify, createBatchClassifier, safeClassify, type ErrorDetail } from '../../src/index.js';
import { createRowReader } from '../../src/csv/index.js';

const built: string = '../../dist/node.js';
const { classifyCsvParallel, readHouseholdBatches } = (await import(built)) as typeof import('../../src/node/index.js');

const date = '2025-12-01';
type Row = { id?: string; category?: string; deprivationCount?: number; error?: ErrorDetail };

async function classifyText(text: string, options: Record<string, unknown> = {}, threads = 1): Promise<Row[]> {
  const sink = new PassThrough();
  const out: Buffer[] = [];
  sink.on('data', (c: Buffer) => out.push(c));
  await classifyCsvParallel(Readable.from([Buffer.from(text)]), sink, { output: 'jsonl', date, threads, chunkBytes: 256, ...options });
  sink.end();
  return Buffer.concat(out).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row);
}

async function headerError(text: string, options: Record<string, unknown> = {}): Promise<ErrorDetail> {
  try {
    await classifyText(text, options);
  } catch (error) {
    return (error as { toJSON(): ErrorDetail }).toJSON();
  }
  throw new Error('expected a header error');
}

describe('nearly-right column names', () => {
  for (const [column, field] of [
    ['healthinsurance', 'healthInsurance'],
    ['health_insurance', 'healthInsurance'],
    ['Health Insurance', 'healthInsurance'],
    ['ID', 'id'],
    ['Area', 'area'],
    ['sizee', 'size'],
    ['incomeMonthlyTotl', 'incomeMonthlyTotal'],
    ['hygenicLatrine', 'hygienicLatrine'],
  ] as const) {
    it(`refuses ${JSON.stringify(column)}, naming ${field}`, async () => {
      const error = await headerError(`id,area,size,incomeMonthlyTotal,deprived,${column}\nA,rural,1,1,,0\n`.replace(`id,area,size,incomeMonthlyTotal,deprived,${field},`, ''));
      expect(error.code).toBe('INVALID_HEADER');
      expect(error.path).toEqual([column]);
      expect(error.message).toContain(`did you mean "${field}"?`);
    });
  }

  it('keeps such a column as an attribute when told to', async () => {
    const rows = await classifyText('id,area,size,incomeMonthlyTotal,deprived,healthinsurance\nA,rural,1,1,,1\n', { keepColumns: ['healthinsurance'] });
    expect(rows).toEqual([{ id: 'A', category: 'near-poor', deprivationCount: 0, newlyEscaped: false, standard: 'nd07-2021' }]);
  });

  it('leaves other columns as attributes', async () => {
    const reader = createRowReader(['id', 'area', 'size', 'incomeMonthlyTotal', 'deprived', 'commune', 'ethnicity', 'weight'], createBatchClassifier({ date }));
    expect(reader.attributeColumns).toEqual(['commune', 'ethnicity', 'weight']);
    expect(reader.plan).toMatchObject({ missingIndicators: [], hasId: true, renamed: [] });
  });
});

describe('an indicator without a column is undetermined', () => {
  it('classifies the example file in 2027 (no wasteTreatment column) where the category does not depend on it', async () => {
    const text = readFileSync('examples/households.csv', 'utf8');
    const later = '2027-06-01';
    const [header, ...lines] = text.trimEnd().split('\n');
    const names = header!.split(',');
    // An independent reckoning with classify: the row as given, and with wasteTreatment deprived.
    const expected = lines.map((line) => {
      const cells = line.split(',');
      const at = (n: string) => cells[names.indexOf(n)]!;
      const deprived = names.filter((n, i) => cells[i] === '1' && !['size', 'incomeMonthlyTotal'].includes(n));
      // informationMeans is not an indicator of Decree 351: a 1 in its column is an error of its own.
      if (at('informationMeans') === '1') return 'UNKNOWN_INDICATOR';
      const base = { area: at('area'), size: Number(at('size')), incomeMonthlyTotal: at('incomeMonthlyTotal') };
      const a = safeClassify({ ...base, deprived: deprived.filter((d) => d !== 'informationMeans') }, { date: later });
      const b = safeClassify({ ...base, deprived: [...deprived.filter((d) => d !== 'informationMeans'), 'wasteTreatment'] }, { date: later });
      if (!a.success || !b.success) throw new Error('the example rows are valid');
      return a.data.category === b.data.category ? a.data.category : 'UNDETERMINED_INDICATOR';
    });
    for (const threads of [1, 2]) {
      const sink = new PassThrough();
      const out: Buffer[] = [];
      sink.on('data', (c: Buffer) => out.push(c));
      let plan: unknown;
      await classifyCsvParallel(Readable.from([Buffer.from(text)]), sink, { output: 'jsonl', date: later, threads, chunkBytes: 200, onHeader: (p) => (plan = p) });
      const rows = Buffer.concat(out).toString('utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Row);
      expect(rows.map((r) => r.error?.code ?? r.category)).toEqual(expected);
      expect(plan).toMatchObject({ missingIndicators: ['wasteTreatment'] });
    }
    expect(expected).toContain('UNDETERMINED_INDICATOR');
    expect(expected.filter((e) => !e.endsWith('INDICATOR')).length).toBeGreaterThan(15);
    const error = (await classifyText(text, { date: later })).find((r) => r.error)!.error!;
    expect(error).toMatchObject({ code: 'UNDETERMINED_INDICATOR', path: ['wasteTreatment'] });
    expect(error.message).toMatch(/near-poor or poor depending on wasteTreatment, for which the file has no column/);
  });

  it('gives the same rows through the report reader', async () => {
    const text = 'id,area,size,incomeMonthlyTotal,nutrition\nA,rural,1,1,1\nB,rural,1,9000000,0\n';
    const batch = createBatchClassifier({ date });
    const entries = [];
    for await (const list of readHouseholdBatches(Readable.from([Buffer.from(text)]), 'csv', batch)) entries.push(...list);
    expect(entries.map((e) => ('missingIndicators' in e ? e.missingIndicators?.length : undefined))).toEqual([11, 11]);
    expect((await classifyText(text)).map((r) => r.error?.code ?? r.category)).toEqual(['UNDETERMINED_INDICATOR', 'none']);
  });

  it('is not undetermined when the file has a deprived column', async () => {
    expect((await classifyText('id,area,size,incomeMonthlyTotal,deprived\nA,rural,1,1,\n')).map((r) => r.category)).toEqual(['near-poor']);
  });
});

describe('files without an id column', () => {
  it('use the record number as id (the header is record 1), on every path', async () => {
    const text = 'household_id,area,size,incomeMonthlyTotal,deprived\nX1,rural,1,1,\n\nX2,rural,x,1,\nX3,urban,1,"1",\n';
    const rows = await classifyText(text, {}, 2);
    expect(rows.map((r) => [r.id, r.error?.code ?? r.category])).toEqual([
      ['2', 'near-poor'],
      ['3', 'INVALID_SIZE'],
      ['4', 'near-poor'],
    ]);
  });
});

describe('Vietnamese headers and column maps', () => {
  const english = 'id,area,size,incomeMonthlyTotal,healthInsurance,nutrition,employment,deprived\nA,rural,3,4500000,1,1,1,\nB,urban,2,3000000,0,1,0,\n';

  it('reads the Vietnamese field names and legal labels, case and diacritics aside', async () => {
    const vietnamese = 'Mã hộ,KHU VỰC,so nhan khau,Thu nhập tháng,Bảo hiểm y tế,Dinh dưỡng,Việc làm,Thiếu hụt\nA,Nông thôn,3,4500000,1,1,1,\nB,Thành thị,2,3000000,0,1,0,\n';
    expect(await classifyText(vietnamese)).toEqual(await classifyText(english));
    const reader = createRowReader(vietnamese.split('\n')[0]!.split(','), createBatchClassifier({ date }));
    expect(reader.plan.renamed[0]).toEqual({ column: 'Mã hộ', as: 'id', by: 'name' });
  });

  it('reads a map of columns and of cell values', async () => {
    const mapped = 'Số hộ,KV,NK,TN,BHYT,DD,VL,TH\nA,NT,3,4500000,Có,Có,x,\nB,TT,2,3000000,Không,Có,,\n';
    const options = {
      columns: { 'Số hộ': 'id', KV: 'area', NK: 'size', TN: 'incomeMonthlyTotal', BHYT: 'healthInsurance', DD: 'nutrition', VL: 'employment', TH: 'deprived' },
      values: { area: { NT: 'rural', TT: 'urban' }, indicators: { Có: 1, Không: 0, x: 1 } },
    };
    expect(await classifyText(mapped, options)).toEqual(await classifyText(english));
  });

  it('refuses a map that names a column the file lacks, or a field that does not exist', async () => {
    expect(await headerError(english, { columns: { 'Mã hộ': 'id' } })).toMatchObject({ code: 'INVALID_HEADER', path: ['Mã hộ'] });
    expect(await headerError(english, { columns: { area: 'region' } })).toMatchObject({ code: 'INVALID_HEADER', received: 'region' });
    expect(await headerError('id,Mã hộ,area\n', {})).toMatchObject({ code: 'INVALID_HEADER', message: expect.stringMatching(/both stand for id/) });
  });

  it('classifies mapped rows as classify does', () => {
    expect(classify({ area: 'rural', size: 3, incomeMonthlyTotal: 4500000, deprived: ['healthInsurance', 'nutrition', 'employment'] }, { date }).category).toBe('poor');
  });
});

describe('the example file with Vietnamese headers', () => {
  it('classifies as the same households with the English ids do', async () => {
    const vi = await classifyText(readFileSync('examples/households-vi.csv', 'utf8'));
    const en = await classifyText(readFileSync('examples/households.csv', 'utf8'));
    expect(vi).toHaveLength(10);
    // The English file also has the previous status (escape); categories and counts are the same.
    expect(vi.map((r) => [r.id, r.category, r.deprivationCount])).toEqual(en.slice(0, 10).map((r) => [r.id, r.category, r.deprivationCount]));
  });
});
