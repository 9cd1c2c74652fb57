// Writes examples/households.xlsx from examples/households.csv: the same households as a workbook,
// as a spreadsheet holds them (numbers as numbers, the dates of the previous list as dates shown
// dd/mm/yyyy, the header in bold). Run after `npm run build`: node scripts/write-example-xlsx.mjs
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { readCsv } from '../dist/tabular.js';

const source = new URL('../examples/households.csv', import.meta.url);
const target = new URL('../examples/households.xlsx', import.meta.url);
const { header, records } = readCsv(readFileSync(source));
const text = new Set(['id', 'commune', 'ethnicity', 'area', 'previousCategory']);

const workbook = new ExcelJS.Workbook();
workbook.creator = 'chuan-ngheo';
workbook.created = workbook.modified = new Date(Date.UTC(2025, 11, 1));
const sheet = workbook.addWorksheet('Hộ gia đình', { views: [{ state: 'frozen', ySplit: 1 }] });
sheet.addRow(header).font = { bold: true };
for (const { fields } of records) {
  const row = sheet.addRow(
    fields.map((cell, i) => {
      const column = header[i];
      if (cell === '') return null;
      if (column === 'previousRecognizedOn') return new Date(`${cell}T00:00:00Z`);
      return text.has(column) ? cell : Number(cell);
    }),
  );
  const on = header.indexOf('previousRecognizedOn') + 1;
  if (row.getCell(on).value) row.getCell(on).numFmt = 'dd/mm/yyyy';
}
sheet.columns.forEach((column, i) => {
  column.width = Math.max(6, Math.min(24, header[i].length + 2));
});
await workbook.xlsx.writeFile(target);
