// A small survey workbook written with exceljs, and the same data as CSV, written out by hand:
// each cell as the workbook reader is to read it (numbers in plain digits, dates YYYY-MM-DD,
// booleans true/false, rich text joined). Rows whose cell is an error value, a formula never
// computed or a value beyond the header have no CSV twin: the CSV holds the text a spreadsheet
// shows for them, which is an error of another kind there.
import { PassThrough, Readable } from 'node:stream';
import { deflateRawSync, crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';

/** The review date of the fixtures. */
export const date = '2025-12-01';

/** Everything a writable receives. */
export function collector(): { sink: PassThrough; bytes: () => Buffer } {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (c: Buffer) => chunks.push(c));
  return { sink, bytes: () => Buffer.concat(chunks) };
}

/** Bytes as a stream of reads of `size` bytes. */
export const reads = (bytes: Buffer, size = 1 << 16): Readable =>
  Readable.from(Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size)));

// The `deprived` column (empty in every row) makes the deprivations complete: an indicator without a column is not deprived.
export const header = ['id', 'area', 'size', 'incomeMonthlyTotal', 'nutrition', 'healthInsurance', 'housingArea', 'previousCategory', 'previousRecognizedOn', 'commune', 'note', 'deprived'];

/** The data sheet's rows after its header (row 2; row 1 is empty), as exceljs values; `null` is an empty cell. */
function dataRows(): { row: number; values: unknown[] }[] {
  const commune = (name: string) => ({ richText: [{ text: 'Xã ' }, { font: { bold: true }, text: name }] });
  return [
    { row: 3, values: ['HH01', 'nông thôn', 3, 4500000, true, true, true, null, null, commune('Tân Lập'), 'Hộ có người khuyết tật'] },
    { row: 4, values: [1002, 'rural', { formula: 'C3', result: 3 }, 4500000, 1, 0, 1, null, null, 'Xã Hòa Bình', null] },
    // row 5: empty
    { row: 6, values: ['HH03', 'thành thị', 2, 4000000.5, false, false, false, null, null, 'Phường Đông Ngàn', 0.0000001] },
    { row: 7, values: ['HH04', 'rural', 4, { error: '#N/A' }, 0, 0, 0, null, null, 'Xã Hòa Bình', null] },
    { row: 8, values: ['HH05', 'urban', 1, { formula: '1/0', result: { error: '#DIV/0!' } }, 0, 0, 0, null, null, 'Xã Hòa Bình', null] },
    { row: 9, values: ['HH06', 'rural', 2, 3500000, false, false, false, 'poor', new Date(Date.UTC(2024, 11, 10)), commune('Tân Lập'), null] },
    { row: 10, values: ['HH07', 'rural', { formula: 'C9*2' }, 2900000, 0, 0, 0, null, null, 'Xã Hòa Bình', null] },
    { row: 11, values: ['HH08', 'rural', 5, 6000000, 0, 1, 1, null, null, 'Phường Đông Ngàn', 'ghi chú'] },
    { row: 12, values: ['HH09', 'rural', 3, 3000000, 1, 1, 1, null, null, 'Xã Hòa Bình', null, null, 'stray'] },
    { row: 13, values: ['HH10', 'rural', 'ba', 3000000, 1, 1, 1, null, null, 'Xã Hòa Bình', null] },
    { row: 14, values: ['HH11', 'urban', 2, 1e21, 1, 1, 1, null, null, 'Phường Đông Ngàn', null] },
    { row: 15, values: ['HH12', 'rural', 1, 1e-7, 1, 1, 0, null, null, 'Xã Tân Lập', null] },
    { row: 16, values: [null, 'rural', 2, 100, 'x', 0, 0, null, null, 'Xã Tân Lập', null] },
    // row 17: a row with an empty text cell only, which is empty too
    { row: 18, values: ['HH14', 'rural', 2, 3000000, true, 'true', 1, null, null, 'Xã Tân Lập', null] },
  ];
}

/** The same rows as CSV; the error-cell rows carry the text a spreadsheet shows. */
export const csv = [
  header.join(','),
  'HH01,nông thôn,3,4500000,true,true,true,,,Xã Tân Lập,Hộ có người khuyết tật,',
  '1002,rural,3,4500000,1,0,1,,,Xã Hòa Bình,,',
  '',
  'HH03,thành thị,2,4000000.5,false,false,false,,,Phường Đông Ngàn,0.0000001,',
  'HH04,rural,4,#N/A,0,0,0,,,Xã Hòa Bình,,',
  'HH05,urban,1,#DIV/0!,0,0,0,,,Xã Hòa Bình,,',
  'HH06,rural,2,3500000,false,false,false,poor,2024-12-10,Xã Tân Lập,,',
  'HH07,rural,4,2900000,0,0,0,,,Xã Hòa Bình,,',
  'HH08,rural,5,6000000,0,1,1,,,Phường Đông Ngàn,ghi chú,',
  'HH09,rural,3,3000000,1,1,1,,,Xã Hòa Bình,,,stray',
  'HH10,rural,ba,3000000,1,1,1,,,Xã Hòa Bình,,',
  'HH11,urban,2,1000000000000000000000,1,1,1,,,Phường Đông Ngàn,,',
  'HH12,rural,1,0.0000001,1,1,0,,,Xã Tân Lập,,',
  ',rural,2,100,x,0,0,,,Xã Tân Lập,,',
  'HH14,rural,2,3000000,true,true,1,,,Xã Tân Lập,,',
  '',
].join('\n');

/** Data rows (by position among the results) whose workbook cell has no CSV twin, with the error the workbook gives. */
export const cellErrors: Record<number, { id: string; code: string; path: (string | number)[]; message: string }> = {
  3: { id: 'HH04', code: 'INVALID_CELL', path: ['incomeMonthlyTotal'], message: 'cell D7 (incomeMonthlyTotal) holds the error #N/A' },
  4: { id: 'HH05', code: 'INVALID_CELL', path: ['incomeMonthlyTotal'], message: 'cell D8 (incomeMonthlyTotal) holds an error value, the result of its formula =1/0' },
  6: {
    id: 'HH07',
    code: 'INVALID_CELL',
    path: ['size'],
    message: 'cell C10 (size) holds a formula (=C9*2) whose value was never computed; open and save the workbook in a spreadsheet program to compute it',
  },
  8: { id: 'HH09', code: 'INVALID_ROW', path: ['M12'], message: "cell M12 holds a value to the right of the header's last column (L, deprived)" },
};

/** The survey workbook: a data sheet `Hộ gia đình` (first), then `Xã Tân Lập` (another table), then a hidden sheet. */
export async function surveyWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Hộ gia đình');
  sheet.getRow(2).values = header;
  for (const { row, values } of dataRows()) {
    values.forEach((value, i) => {
      if (value !== null) sheet.getCell(row, i + 1).value = value as ExcelJS.CellValue;
    });
  }
  sheet.getCell('A1').value = ''; // row 1: an empty text and a formatted cell without a value, so empty
  sheet.getCell('C1').numFmt = '0.00';
  sheet.getCell('I9').numFmt = 'dd/mm/yyyy';
  sheet.getCell('K6').numFmt = '0.00'; // shown as 0.00; read as its value
  sheet.getCell('B17').value = '';
  const second = workbook.addWorksheet('Xã Tân Lập');
  second.addRow(['id', 'area', 'size', 'incomeMonthlyPerCapita', 'deprived']);
  second.addRow(['T1', 'rural', 2, 1400000, 'nutrition;healthInsurance;housingArea']);
  second.addRow(['T2', 'urban', 1, 2500000, '']);
  const hidden = workbook.addWorksheet('Ẩn', { state: 'hidden' });
  hidden.addRow(['nothing']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A zip archive of the given entries, in the given order (deflated), as some writers order a workbook's parts. */
export function zipOf(entries: readonly (readonly [string, string])[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const data = Buffer.from(text, 'utf8');
    const packed = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/**
 * A workbook written by hand, its parts in the order some writers use: the relationships (with
 * targets from the package root), the shared strings and the worksheets before the styles and the
 * workbook part, which names the sheets (`Bảng 2` is the first tab, stored in sheet2.xml).
 */
export function hostileOrderWorkbook(): Buffer {
  const sheet = (rows: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`;
  return zipOf([
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>'],
    [
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>' +
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
        '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' +
        '</Relationships>',
    ],
    [
      'xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="8" uniqueCount="8">` +
        ['id', 'area', 'size', 'incomeMonthlyTotal', 'previousCategory', 'previousRecognizedOn', 'rural', 'poor'].map((t) => `<si><t>${t}</t></si>`).join('') +
        '</sst>',
    ],
    ['xl/worksheets/sheet1.xml', sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>other</t></is></c></row>')],
    [
      'xl/worksheets/sheet2.xml',
      sheet(
        '<row r="1">' +
          [0, 1, 2, 3, 4, 5].map((i) => `<c r="${'ABCDEF'[i]}1" t="s"><v>${i}</v></c>`).join('') +
          '</row>' +
          '<row r="2"><c r="A2" t="inlineStr"><is><t>D1</t></is></c><c r="B2" t="s"><v>6</v></c><c r="C2"><v>2</v></c><c r="D2"><v>2900000</v></c>' +
          '<c r="E2" t="s"><v>7</v></c><c r="F2" s="1"><v>45636</v></c></row>' +
          '<row r="3"><c r="A3" t="inlineStr"><is><t>D2</t></is></c><c r="B3" t="s"><v>6</v></c><c r="C3"><f>C2+1</f><v>3</v></c><c r="D3" t="e"><f>NA()</f><v>#N/A</v></c></row>',
      ),
    ],
    [
      'xl/styles.xml',
      `<?xml version="1.0" encoding="UTF-8"?><styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>` +
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills>' +
        '<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>',
    ],
    [
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><sheets><sheet name="Bảng 2" sheetId="2" r:id="rId2"/><sheet name="Bảng 1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ],
  ]);
}
