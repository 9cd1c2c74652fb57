// Excel workbooks read: a worksheet gives the rows the same data gives as CSV (cells read by
// their type, an error cell an error row naming the cell), whatever order the writer stored the
// parts in and wherever the reads split the archive.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createBatchClassifier, type BatchRow } from '../../src/index.js';
import { cellText, columnLetters, isDateFormat, plainNumber } from '../../src/node/xlsx-cells.js';
import { classifyRowsOf, readHouseholdBatches, readSheetRows } from '../../src/node/index.js';
import { cellErrors, collector, csv, date, hostileOrderWorkbook, reads, surveyWorkbook } from './xlsx-fixture.js';

async function classified(input: Buffer, format: 'csv' | 'xlsx', sheet?: string): Promise<BatchRow[]> {
  const batch = createBatchClassifier({ date });
  const rows: BatchRow[] = [];
  for await (const list of classifyRowsOf(reads(input, 1000), format, batch, sheet === undefined ? {} : { sheet })) rows.push(...list);
  return rows;
}

describe('reading a worksheet', () => {
  it('gives exactly the rows of the same data as CSV, one per data row, in order, empty rows skipped', async () => {
    const fromSheet = await classified(await surveyWorkbook(), 'xlsx');
    const fromCsv = await classified(Buffer.from(csv), 'csv');
    expect(fromSheet).toHaveLength(14);
    expect(fromCsv).toHaveLength(14);
    fromSheet.forEach((row, i) => {
      const cellError = cellErrors[i];
      if (cellError) expect(row, `row ${i}`).toEqual({ id: cellError.id, error: { ...cellError, id: undefined, received: expect.anything() } });
      else expect(row, `row ${i}`).toEqual(fromCsv[i]);
    });
    // What the rows are, checked by hand (so that both readers cannot be wrong alike).
    expect(fromSheet.map((r) => r.id ?? null)).toEqual(['HH01', '1002', 'HH03', 'HH04', 'HH05', 'HH06', 'HH07', 'HH08', 'HH09', 'HH10', 'HH11', 'HH12', null, 'HH14']);
    expect(fromSheet.map((r) => ('error' in r ? r.error.code : r.category))).toEqual([
      'poor', // nông thôn, 3 members, 4,500,000 = 1,500,000 × 3, three deprivations (TRUE cells)
      'near-poor', // the size from a formula's value
      'average', // 4,000,000.5 for 2 urban members: above 2,000,000 × 2
      'INVALID_CELL',
      'INVALID_CELL',
      'average', // escaped from the poor list recognised on the date cell's day
      'INVALID_CELL',
      'near-poor',
      'INVALID_ROW',
      'INVALID_SIZE',
      'none', // 1e21 read as 1000000000000000000000
      'near-poor', // 1e-7 read as 0.0000001
      'INVALID_FIELD',
      'poor', // TRUE, "true" and 1
    ]);
    expect(fromSheet[5]).toMatchObject({ id: 'HH06', category: 'average', newlyEscaped: true }); // the date cell read as 2024-12-10
  });

  it('reads cells by their type: numbers in plain digits, dates, booleans, rich text, formula values', async () => {
    const batches = [];
    for await (const b of readSheetRows(reads(await surveyWorkbook()))) batches.push(b);
    // The header first, at once (no rows yet), then the rows.
    expect(batches.map((b) => b.rows.length)).toEqual([0, 14]);
    const { sheet, header, rows } = batches[1]!;
    expect(sheet).toBe('Hộ gia đình');
    expect(header[0]).toBe('id');
    expect(rows.map((r) => r.row)).toEqual([3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18]);
    expect(rows[0]!.fields).toEqual(['HH01', 'nông thôn', '3', '4500000', 'true', 'true', 'true', '', '', 'Xã Tân Lập', 'Hộ có người khuyết tật', '']);
    expect(rows[1]!.fields.slice(0, 3)).toEqual(['1002', 'rural', '3']);
    expect(rows[2]!.fields[10]).toBe('0.0000001');
    expect(rows[5]!.fields.slice(3, 9)).toEqual(['3500000', 'false', 'false', 'false', 'poor', '2024-12-10']);
    expect(rows[10]!.fields[3]).toBe('1000000000000000000000');
  });

  it('makes an error cell, a formula without its value and a value beyond the header one error row each, naming the cell', async () => {
    const rows: BatchRow[] = await classified(await surveyWorkbook(), 'xlsx');
    for (const [at, e] of Object.entries(cellErrors)) {
      expect(rows[Number(at)]).toEqual({ id: e.id, error: { code: e.code, path: e.path, message: e.message, received: expect.anything() } });
    }
    expect(rows[3]).toMatchObject({ error: { received: '#N/A' } });
  });

  it('reads the worksheet named by --sheet, and refuses an unknown one, listing the worksheets', async () => {
    const rows = await classified(await surveyWorkbook(), 'xlsx', 'Xã Tân Lập');
    expect(rows).toEqual([
      { id: 'T1', category: 'poor', deprivationCount: 3, newlyEscaped: false, standard: 'nd07-2021' },
      { id: 'T2', category: 'average', deprivationCount: 0, newlyEscaped: false, standard: 'nd07-2021' },
    ]);
    expect(await classified(await surveyWorkbook(), 'xlsx', 'xã tân lập')).toEqual(rows); // Excel's names ignore case
    await expect(classified(await surveyWorkbook(), 'xlsx', 'Sheet9')).rejects.toMatchObject({
      code: 'UNKNOWN_SHEET',
      path: ['sheet'],
      received: 'Sheet9',
      message: 'the workbook has no worksheet "Sheet9"; its worksheets: "Hộ gia đình", "Xã Tân Lập", "Ẩn"',
    });
  });

  it('reads the first visible tab, whatever order the parts are stored in, with its dates', async () => {
    // Relationships from the package root, shared strings and worksheets before the styles and the sheet names.
    const bytes = hostileOrderWorkbook();
    const batches = [];
    for await (const b of readSheetRows(reads(bytes, 7))) batches.push(b);
    expect(batches.map((b) => b.sheet)).toEqual(['Bảng 2', 'Bảng 2']);
    expect(batches[1]!.rows).toEqual([
      { row: 2, fields: ['D1', 'rural', '2', '2900000', 'poor', '2024-12-10'] },
      {
        row: 3,
        fields: ['D2', 'rural', '3', '', '', ''],
        error: { code: 'INVALID_CELL', path: ['incomeMonthlyTotal'], message: 'cell D3 (incomeMonthlyTotal) holds an error value, the result of its formula =NA()', received: '=NA()' },
      },
    ]);
    const other = [];
    for await (const b of readSheetRows(reads(bytes), { sheet: 'Bảng 1' })) other.push(b);
    expect(other).toEqual([{ sheet: 'Bảng 1', header: ['other'], rows: [] }]);
  });

  it('skips a hidden first sheet', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Cũ', { state: 'hidden' }).addRow(['old']);
    workbook.addWorksheet('Mới').addRow(['id']);
    const batches = [];
    for await (const b of readSheetRows(reads(Buffer.from(await workbook.xlsx.writeBuffer())))) batches.push(b);
    expect(batches.map((b) => [b.sheet, b.header])).toEqual([['Mới', ['id']]]);
  });

  it('keeps every Vietnamese character whole, wherever the reads split it', async () => {
    // 3,000 shared strings of multi-byte characters: many fall across two reads of the archive.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Xã');
    sheet.addRow(['id', 'commune']);
    const names = Array.from({ length: 3000 }, (_, i) => `Xã Hòa Bình ${i} – Đông Ngàn ${'ệ'.repeat(i % 7)}`);
    names.forEach((n, i) => sheet.addRow([`H${i}`, n]));
    sheet.addRow(['R', { richText: [{ text: 'Xã ' }, { font: { bold: true }, text: 'Tân Lập' }] }]);
    const read: string[] = [];
    for await (const b of readSheetRows(reads(Buffer.from(await workbook.xlsx.writeBuffer())))) read.push(...b.rows.map((r) => r.fields[1]!));
    expect(read).toEqual([...names, 'Xã Tân Lập']);
  });

  it('joins the runs of a rich text written inline in the cell', async () => {
    const { sink, bytes } = collector();
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: false });
    const sheet = writer.addWorksheet('S');
    sheet.addRow(['id', 'commune']).commit();
    sheet.addRow(['A', { richText: [{ text: 'Xã ' }, { font: { bold: true }, text: 'Tân Lập' }, { text: ' & <thôn 2>' }] }]).commit();
    sheet.commit();
    await writer.commit();
    const rows = [];
    for await (const b of readSheetRows(reads(bytes()))) rows.push(...b.rows);
    expect(rows).toEqual([{ row: 2, fields: ['A', 'Xã Tân Lập & <thôn 2>'] }]);
  });

  it('refuses what is not a workbook, before reading further', async () => {
    const read = async (bytes: Buffer) => {
      for await (const _ of readSheetRows(reads(bytes)));
    };
    await expect(read(Buffer.from('id,area\nA,rural\n'))).rejects.toMatchObject({ code: 'INVALID_ROW', message: 'the file is not an .xlsx workbook (an .xlsx file is a zip archive); it begins with "id,area\\nA,rural\\n"' });
    await expect(read(Buffer.alloc(0))).rejects.toMatchObject({ code: 'INVALID_ROW', message: 'the file is empty: it is not an .xlsx workbook' });
    await expect(read(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).rejects.toMatchObject({ message: expect.stringMatching(/Excel 97-2003 workbook \(\.xls\)/) });
    const whole = await surveyWorkbook();
    await expect(read(whole.subarray(0, whole.length - 100))).rejects.toMatchObject({ code: 'INVALID_ROW', message: expect.stringMatching(/^the file is not a readable \.xlsx workbook/) });
  });

  it('refuses an empty worksheet and a header with a gap', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Trống');
    const gap = workbook.addWorksheet('Gap');
    gap.getCell('A3').value = 'id';
    gap.getCell('C3').value = 'area';
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const read = async (sheet: string) => {
      for await (const _ of readSheetRows(reads(bytes), { sheet }));
    };
    await expect(read('Trống')).rejects.toMatchObject({ code: 'INVALID_ROW', message: 'the worksheet "Trống" is empty: it has no header row' });
    await expect(read('Gap')).rejects.toMatchObject({ code: 'INVALID_HEADER', path: ['B3'], message: expect.stringMatching(/^the header row \(row 3, the first row that is not empty\) has no name in cell B3/) });
  });

  it('gives the report reader the same households, numbered by their sheet row', async () => {
    const batch = createBatchClassifier({ date });
    const entries = [];
    for await (const list of readHouseholdBatches(reads(await surveyWorkbook()), 'xlsx', batch)) entries.push(...list);
    expect(entries.map((e) => e.record)).toEqual([3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18]);
    expect(entries[0]).toMatchObject({ value: { id: 'HH01', area: 'nông thôn', size: 3, incomeMonthlyTotal: '4500000', deprived: ['nutrition', 'healthInsurance', 'housingArea'], attributes: { commune: 'Xã Tân Lập' } } });
    expect(entries[3]).toMatchObject({ record: 7, id: 'HH04', error: { code: 'INVALID_CELL' } });
    expect(entries[9]).toMatchObject({ record: 13, value: { id: 'HH10', size: 'ba' } }); // refused when classified, as from CSV
  });
});

describe('cells', () => {
  it('writes numbers in plain decimal digits, integers without a point', () => {
    expect([4500000, 4000000.5, 1e21, 1.5e21, 1e-7, 1.5e-7, 0.1 + 0.2, -0, -12.5, 2 ** 53, 5e-324].map(plainNumber)).toEqual([
      '4500000',
      '4000000.5',
      '1000000000000000000000',
      '1500000000000000000000',
      '0.0000001',
      '0.00000015',
      '0.30000000000000004',
      '0',
      '-12.5',
      '9007199254740992',
      `0.${'0'.repeat(323)}5`,
    ]);
  });

  it('reads each kind of value', () => {
    const text = (value: unknown, numFmt?: string, date1904 = false) => cellText(value, numFmt, date1904);
    expect(text(undefined)).toBe('');
    expect(text(null)).toBe('');
    expect(text(' nông thôn ')).toBe(' nông thôn ');
    expect(text(true)).toBe('true');
    expect(text(false)).toBe('false');
    expect(text(new Date(Date.UTC(2024, 11, 10)))).toBe('2024-12-10');
    expect(text(new Date(Date.UTC(2024, 11, 10, 14, 30)))).toBe('2024-12-10T14:30:00');
    expect(text(45636, 'dd/mm/yyyy')).toBe('2024-12-10'); // a number with a date format
    expect(text(44174, 'yyyy-mm-dd', true)).toBe('2024-12-10'); // the 1904 date system
    expect(text(45636, '#,##0 "đồng"')).toBe('45636');
    expect(text({ richText: [{ text: 'Xã ' }, { text: 'Tân Lập' }] })).toBe('Xã Tân Lập');
    expect(text({ text: 'trang', hyperlink: 'https://example.org' })).toBe('trang');
    expect(text({ formula: 'A1*2', result: 0 })).toBe('0');
    expect(text({ formula: 'A1', result: '' })).toBe('');
    expect(text({ formula: 'DATE(2024,12,10)', result: 45636 }, 'd/m/yyyy')).toBe('2024-12-10');
    expect(text({ sharedFormula: 'C2', result: 3 })).toBe('3');
    expect(text({ error: '#N/A' })).toEqual({ problem: 'error', received: '#N/A' });
    expect(text({ formula: '1/0', result: Number.NaN })).toEqual({ problem: 'error', received: '=1/0' });
    expect(text({ formula: '1/0', result: { error: '#DIV/0!' } })).toEqual({ problem: 'error', received: '#DIV/0!' });
    expect(text({ formula: 'B2*2' })).toEqual({ problem: 'noValue', received: '=B2*2' });
    expect(text({ sharedString: 3 })).toMatchObject({ problem: 'unreadable' });
  });

  it('tells date formats from number formats', () => {
    for (const f of ['dd/mm/yyyy', 'm/d/yy', 'yyyy-mm-dd', 'DD/MM/YYYY', 'h:mm', '[$-42A]dd/mm/yyyy', 'mmm yyyy']) expect(isDateFormat(f), f).toBe(true);
    for (const f of [undefined, '', 'General', '0', '0.00', '#,##0', '#,##0 "đồng"', '[Red]0.00', '0%', '0.00E+00', '@', '#,##0\\ "ngày"']) expect(isDateFormat(f), f).toBe(false);
  });

  it('names columns as Excel does', () => {
    expect([1, 2, 26, 27, 52, 53, 702, 703, 16384].map(columnLetters)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA', 'XFD']);
  });
});

