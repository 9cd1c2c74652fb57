// Excel workbooks written: classified rows and report tables read back as numbers and text,
// with Excel's limits on sheets kept.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createBatchClassifier } from '../../src/index.js';
import { createTally } from '../../src/analytics/index.js';
import { summaryTable } from '../../src/report/index.js';
import { classifyRowsOf, classifyStream, classifyXlsx, sheetNames, writeClassifiedXlsx, writeTablesXlsx } from '../../src/node/index.js';
import { collector, csv, date, reads, surveyWorkbook } from './xlsx-fixture.js';

/** A workbook's sheets as arrays of rows of values (row 1 first). */
async function sheetsOf(bytes: Buffer): Promise<{ name: string; rows: unknown[][]; workbook: ExcelJS.Workbook }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      rows[n - 1] = (row.values as unknown[]).slice(1);
    });
    return { name: ws.name, rows, workbook };
  });
}

describe('writing workbooks', () => {
  it('writes classified rows with numbers and booleans as such, one row per row, continuing on a new sheet when one is full', async () => {
    const { sink, bytes } = collector();
    const batch = createBatchClassifier({ date });
    const counts = await writeClassifiedXlsx(classifyRowsOf(reads(Buffer.from(csv)), 'csv', batch), sink, { rowsPerSheet: 6 });
    expect(counts).toMatchObject({ rows: 14, invalid: 5 });
    const sheets = await sheetsOf(bytes());
    expect(sheets.map((s) => s.name)).toEqual(['Households', 'Households (2)', 'Households (3)']);
    const all = sheets.flatMap((s) => {
      expect(s.rows[0]).toEqual(['id', 'category', 'deprivationCount', 'newlyEscaped', 'standard', 'errorCode', 'errorMessage']);
      return s.rows.slice(1);
    });
    expect(all).toHaveLength(14);
    expect(all[0]).toEqual(['HH01', 'poor', 3, false, 'nd07-2021']);
    expect(all[5]).toEqual(['HH06', 'average', 0, true, 'nd07-2021']);
    expect(all[3]).toEqual(['HH04', undefined, undefined, undefined, undefined, 'INVALID_INCOME', expect.stringMatching(/^incomeMonthlyTotal/)]);
    expect(all[12]!.slice(0, 1)).toEqual([undefined]);
    const ws = sheets[0]!.workbook.worksheets[0]!;
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(typeof ws.getCell('C2').value).toBe('number');
  });

  it('classifies a workbook into a workbook through classifyStream', async () => {
    const { sink, bytes } = collector();
    const summary = await classifyStream(reads(await surveyWorkbook()), sink, { input: 'xlsx', output: 'xlsx', date });
    expect(summary).toMatchObject({ rows: 14, invalid: 6, categories: { poor: 2, 'near-poor': 3, average: 2, none: 1 }, newlyEscaped: 1 });
    const [sheet] = await sheetsOf(bytes());
    expect(sheet!.rows.slice(1).map((r) => r[0] ?? null)).toEqual(['HH01', '1002', 'HH03', 'HH04', 'HH05', 'HH06', 'HH07', 'HH08', 'HH09', 'HH10', 'HH11', 'HH12', null, 'HH14']);
  });

  it('writes nothing when the workbook cannot be read', async () => {
    const { sink, bytes } = collector();
    await expect(classifyXlsx(reads(await surveyWorkbook()), sink, { output: 'xlsx', sheet: 'Nope', date })).rejects.toMatchObject({ code: 'UNKNOWN_SHEET' });
    await expect(classifyXlsx(reads(await surveyWorkbook()), sink, { output: 'csv', sheet: 'Nope', date })).rejects.toMatchObject({ code: 'UNKNOWN_SHEET' });
    expect(bytes().length).toBe(0);
  });

  it('writes report tables one sheet each, counts and rates as numbers with a number format', async () => {
    const tally = createTally({ indicators: ['nutrition'] });
    for (const [category, group] of [
      ['poor', 'Xã A'],
      ['near-poor', 'Xã A'],
      ['none', 'Xã A'],
      ['poor', 'Xã B'],
    ] as const) {
      tally.add({ category, deprived: category === 'poor' ? ['nutrition'] : [], size: 2, group });
    }
    const table = summaryTable(tally.result(), 'vi', { standard: 'nd07-2021', date });
    const { sink, bytes } = collector();
    await writeTablesXlsx([table, { ...table, title: `${table.title}` }, { id: 'other', title: 'a/b: c?', columns: [{ key: 'x', label: 'x' }], rows: [['—'], [null]] }], sink);
    const sheets = await sheetsOf(bytes());
    expect(sheets.map((s) => s.name)).toEqual(sheetNames([table.title, table.title, 'a/b: c?']));
    const [first] = sheets;
    expect(first!.rows[0]).toEqual(table.columns.map((c) => c.label));
    expect(first!.rows[1]).toEqual(['Xã A', 3, 1, 33.33, 1, 33.33, 0, 0, 1, 33.33, 6]);
    expect(first!.rows[3]).toEqual([expect.any(String), 4, 2, 50, 1, 25, 0, 0, 1, 25, 8]);
    expect(first!.rows[5]).toEqual([table.note]);
    const ws = first!.workbook.worksheets[0]!;
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.getCell('D2').numFmt).toBe('0.00');
    expect(ws.getCell('B2').numFmt ?? 'General').toBe('General');
    expect(sheets[2]!.rows).toEqual([['x'], ['—'], []]);
  });

  it('names sheets within Excel rules', () => {
    expect(sheetNames(['Households by category', 'Households by category', 'HOUSEHOLDS BY CATEGORY', 'Targets: [plan] a/b\\c*d?e', 'history', '', "'quoted'", 'Hộ nghèo và hộ cận nghèo theo nhóm, theo xã'])).toEqual([
      'Households by category',
      'Households by category (2)',
      'HOUSEHOLDS BY CATEGORY (3)',
      'Targets- -plan- a-b-c-d-e',
      'history 5',
      'Sheet 6',
      'quoted',
      'Hộ nghèo và hộ cận nghèo theo',
    ]);
    for (const name of sheetNames(Array.from({ length: 12 }, () => 'x'.repeat(40)))) expect([...name].length).toBeLessThanOrEqual(31);
  });
});
