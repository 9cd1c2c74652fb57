// Excel workbooks on the command line, end to end on the built package (npm test builds it first):
// an .xlsx FILE classified and reported as the same data as CSV, --sheet, files that are not
// workbooks, and workbooks written with --format xlsx, read back and recounted.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createBatchClassifier } from '../../src/index.js';
import { readCsv } from '../../src/csv/index.js';
import { classifyRowsOf, writeClassifiedXlsx } from '../../src/node/index.js';
import { cellErrors, csv, date, surveyWorkbook } from '../readers/xlsx-fixture.js';

const cli = join(import.meta.dirname, '../../dist/cli.js');
const run = (args: string[], input?: Buffer | string) => spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'chuan-ngheo-excel-'));
const survey = join(dir, 'survey.xlsx');
const surveyCsv = join(dir, 'survey.csv');

beforeAll(async () => {
  writeFileSync(survey, await surveyWorkbook());
  writeFileSync(surveyCsv, csv);
});

type Row = { id?: string; category?: string; deprivationCount?: number; error?: { code: string; path: unknown[]; message: string } };
const jsonl = (text: string): Row[] => text.trimEnd().split('\n').map((l) => JSON.parse(l) as Row);

/** A workbook's sheets: name, rows of values (row 1 first), and the worksheet. */
async function readWorkbook(file: string): Promise<{ name: string; rows: unknown[][]; sheet: ExcelJS.Worksheet }[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook.worksheets.map((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      rows[n - 1] = (row.values as unknown[]).slice(1);
    });
    return { name: sheet.name, rows, sheet };
  });
}

describe('chuan-ngheo classify FILE.xlsx', () => {
  it('gives the rows of the same data as CSV, row for row, the error cells named', () => {
    const fromSheet = run(['classify', survey, '--date', date, '--format', 'jsonl']);
    const fromCsv = run(['classify', surveyCsv, '--date', date, '--format', 'jsonl']);
    expect(fromSheet.status).toBe(1);
    const rows = jsonl(fromSheet.stdout);
    const twins = jsonl(fromCsv.stdout);
    expect(rows).toHaveLength(14);
    expect(twins).toHaveLength(14);
    rows.forEach((row, i) => {
      const e = cellErrors[i];
      if (e) expect(row, `row ${i}`).toEqual({ id: e.id, error: { code: e.code, path: e.path, message: e.message } });
      else expect(row, `row ${i}`).toEqual(twins[i]);
    });
    expect(fromSheet.stderr).toBe('chuan-ngheo: 14 row(s) under nd07-2021 on 2025-12-01: poor 2, near-poor 3, average 2, none 1, newly escaped 1; invalid 6\n');
  });

  it('writes CSV by default, and reads standard input with --input xlsx', () => {
    const file = run(['classify', survey, '--date', date]);
    expect(file.stdout.split('\n').slice(0, 3)).toEqual(['id,category,deprivationCount,newlyEscaped,standard,errorCode,errorMessage', 'HH01,poor,3,false,nd07-2021,,', '1002,near-poor,2,false,nd07-2021,,']);
    expect(file.stdout).toContain('HH04,,,,,INVALID_CELL,cell D7 (incomeMonthlyTotal) holds the error #N/A\n');
    const stdin = run(['classify', '-', '--input', 'xlsx', '--date', date], readFileSync(survey));
    expect(stdin.stdout).toBe(file.stdout);
  });

  it('reads the worksheet named by --sheet', () => {
    const r = run(['classify', survey, '--sheet', 'Xã Tân Lập', '--date', date, '--format', 'jsonl']);
    expect(r.status).toBe(0);
    expect(jsonl(r.stdout).map((x) => [x.id, x.category])).toEqual([
      ['T1', 'poor'],
      ['T2', 'average'],
    ]);
  });

  it.each([
    [['--sheet', 'Nope'], 'chuan-ngheo: UNKNOWN_SHEET at sheet: the workbook has no worksheet "Nope"; its worksheets: "Hộ gia đình", "Xã Tân Lập", "Ẩn"\n'],
    [['--format', 'xlsx'], 'chuan-ngheo: --format xlsx writes a workbook, which is not text: give --out FILE.xlsx\n'],
    [['--format', 'xml'], 'chuan-ngheo: --format must be one of csv, jsonl, xlsx; received "xml"\n'],
  ])('exits 2 with one line for %j, writing nothing', (args, message) => {
    const r = run(['classify', survey, '--date', date, ...args]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(message);
  });

  it('exits 2 with one line for an .xlsx file that is not a workbook', () => {
    const fake = join(dir, 'fake.xlsx');
    writeFileSync(fake, csv);
    const r = run(['classify', fake, '--date', date]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`chuan-ngheo: ${fake} is named as an Excel workbook (.xlsx) but holds CSV (it starts with a header row); rename it, or give --input csv to read it so\n`);
    const forced = run(['classify', fake, '--input', 'xlsx', '--date', date]);
    expect(forced.status).toBe(2);
    expect(forced.stderr).toBe('chuan-ngheo: INVALID_ROW at (root): the file is not an .xlsx workbook (an .xlsx file is a zip archive); it begins with "id,area,size,incomeMonth"\n');
    const named = join(dir, 'workbook.csv');
    writeFileSync(named, readFileSync(survey));
    expect(run(['classify', named, '--date', date]).stderr).toBe(`chuan-ngheo: ${named} is named as CSV (.csv) but holds an Excel workbook (it starts with the bytes of a workbook); rename it, or give --input xlsx to read it so\n`);
    const unnamed = join(dir, 'survey-without-extension');
    writeFileSync(unnamed, readFileSync(survey));
    expect(run(['classify', unnamed, '--date', date]).stdout).toBe(run(['classify', survey, '--date', date]).stdout);
    const cut = join(dir, 'cut.xlsx');
    writeFileSync(cut, readFileSync(survey).subarray(0, 3000));
    const broken = run(['classify', cut, '--date', date]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^chuan-ngheo: INVALID_ROW at \(root\): the file is not a readable \.xlsx workbook: [^\n]*\n$/);
  });

  it('refuses --sheet for a file that is not a workbook', () => {
    const r = run(['classify', surveyCsv, '--sheet', 'A', '--date', date]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--sheet names a worksheet of an \.xlsx FILE; this input is read as csv/);
  });

  it('writes a workbook for --out FILE.xlsx: the CSV output, with numbers and booleans as such', async () => {
    const out = join(dir, 'classified.xlsx');
    const r = run(['classify', surveyCsv, '--date', date, '--out', out]);
    expect(r.status).toBe(1);
    const { header, records } = readCsv(run(['classify', surveyCsv, '--date', date]).stdout);
    const text = [header!, ...records.map((r) => r.fields)];
    const [sheet] = await readWorkbook(out);
    expect(sheet!.name).toBe('Households');
    expect(sheet!.sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet!.rows).toHaveLength(text.length);
    sheet!.rows.forEach((values, i) => {
      const cells = Array.from({ length: 7 }, (_, c) => values[c]);
      expect(cells.map((v) => (v === undefined ? '' : String(v))), `row ${i + 1}`).toEqual(text[i]);
    });
    expect(sheet!.rows[1]).toEqual(['HH01', 'poor', 3, false, 'nd07-2021']);
  });
});

/** Rounds n / d × 100 half to even to 2 decimals, in integers. */
function rate(n: number, d: number): number {
  if (d === 0) return 0;
  let q = Math.floor((n * 10_000) / d);
  const r = n * 10_000 - q * d;
  if (2 * r > d || (2 * r === d && q % 2 === 1)) q++;
  return q / 100;
}

describe('chuan-ngheo report FILE.xlsx --format xlsx', () => {
  it('writes one sheet per table, counts as integers and rates as numbers, matching a recount of the classified rows', async () => {
    const out = join(dir, 'report.xlsx');
    const r = run(['report', survey, '--date', date, '--by', 'commune', '--format', 'xlsx', '--out', out]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^chuan-ngheo: 6 invalid row\(s\) left out of the figures; first: record 7: INVALID_CELL: cell D7 \(incomeMonthlyTotal\) holds the error #N\/A\n$/);

    // The recount: the classified rows, grouped by the commune and size of the same rows.
    const classified = jsonl(run(['classify', survey, '--date', date, '--format', 'jsonl']).stdout);
    const source = csv.split('\n').slice(1).filter((l) => l !== '').map((l) => l.split(','));
    const groups = new Map<string, { households: number; persons: number; poor: number; 'near-poor': number; average: number; none: number }>();
    const total = { households: 0, persons: 0, poor: 0, 'near-poor': 0, average: 0, none: 0 };
    classified.forEach((row, i) => {
      if (row.error) return;
      const [, , size, , , , , , , commune] = source[i]!;
      const g = groups.get(commune!) ?? { households: 0, persons: 0, poor: 0, 'near-poor': 0, average: 0, none: 0 };
      for (const t of [g, total]) {
        t.households++;
        t.persons += Number(size);
        t[row.category as 'poor']++;
      }
      groups.set(commune!, g);
    });
    const expected = (name: string, t: typeof total) => [name, t.households, t.poor, rate(t.poor, t.households), t['near-poor'], rate(t['near-poor'], t.households), t.average, rate(t.average, t.households), t.none, rate(t.none, t.households), t.persons];

    const sheets = await readWorkbook(out);
    expect(sheets.map((s) => s.name)).toEqual(['Households by category', 'Households deprived, by']);
    const summary = sheets[0]!;
    expect(summary.sheet.getRow(1).font?.bold).toBe(true);
    expect(summary.rows[0]).toEqual(['Group', 'Households', 'Poor', 'Poor %', 'Near-poor', 'Near-poor %', 'Average living standard', 'Average living standard %', 'Other', 'Other %', 'Persons']);
    const body = summary.rows.slice(1, 1 + groups.size + 1);
    expect(body).toEqual([...[...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, t]) => expected(name, t)), expected('Total', total)]);
    for (let row = 2; row <= body.length + 1; row++) {
      for (const col of [2, 3, 5, 7, 9, 11]) expect(Number.isInteger(summary.sheet.getCell(row, col).value), `count at ${row},${col}`).toBe(true);
      for (const col of [4, 6, 8, 10]) {
        expect(typeof summary.sheet.getCell(row, col).value).toBe('number');
        expect(summary.sheet.getCell(row, col).numFmt).toBe('0.00');
      }
    }
    expect(summary.rows.at(-1)).toEqual(['Standard nd07-2021, review date 2025-12-01. Rates (%) rounded half to even to 2 decimal place(s).']);
  });

  it('needs --out for a workbook, and writes text to --out for the other formats', () => {
    const bare = run(['report', survey, '--date', date, '--format', 'xlsx']);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toBe('chuan-ngheo: --format xlsx writes a workbook, which is not text: give --out FILE.xlsx\n');
    const md = join(dir, 'report.md');
    const r = run(['report', survey, '--date', date, '--format', 'md', '--out', md]);
    expect(r.stdout).toBe('');
    expect(readFileSync(md, 'utf8')).toBe(run(['report', survey, '--date', date, '--format', 'md']).stdout);
  });

  it('reads --sheet, and a workbook written by classify as the earlier review', async () => {
    const earlier = join(dir, 'earlier.xlsx');
    run(['classify', survey, '--date', date, '--out', earlier]);
    const r = run(['report', survey, '--date', date, '--previous', earlier, '--format', 'json']);
    const tables = JSON.parse(r.stdout) as { title: string; rows: Record<string, unknown>[] }[];
    const movement = tables.find((t) => t.title.startsWith('Movement'))!;
    expect(movement.rows[0]).toMatchObject({ list: 'Poor', beginning: 2, escaped: 0, end: 2 });
    // A classified workbook whose rows go on over several sheets (as past a sheet's 1,048,576 rows): every sheet is read.
    const spread = join(dir, 'spread.xlsx');
    const sink = createWriteStream(spread);
    await writeClassifiedXlsx(classifyRowsOf(Readable.from([Buffer.from(csv)]), 'csv', createBatchClassifier({ date })), sink, { rowsPerSheet: 4 });
    sink.end();
    await finished(sink);
    const fromSpread = JSON.parse(run(['report', survey, '--date', date, '--previous', spread, '--format', 'json']).stdout) as { title: string; rows: Record<string, unknown>[] }[];
    expect(fromSpread.find((t) => t.title.startsWith('Movement'))!.rows[0]).toMatchObject({ list: 'Poor', beginning: 2, end: 2 });
    const other = run(['report', survey, '--sheet', 'Xã Tân Lập', '--date', date, '--format', 'json']);
    expect(other.status).toBe(0);
    expect((JSON.parse(other.stdout) as { rows: Record<string, unknown>[] }[])[0]!.rows.at(-1)).toMatchObject({ households: 2, poor: 1 });
  });
});

describe('a worksheet with Vietnamese headers', () => {
  it('is read as the CSV with them: the same columns understood, the same rows out', async () => {
    const { header, records } = readCsv(readFileSync('examples/households-vi.csv'));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Danh sách');
    sheet.addRow(header!);
    for (const { fields } of records) sheet.addRow(fields.map((f) => (f === '' ? null : /^\d+$/.test(f) ? Number(f) : f)));
    const file = join(dir, 'households-vi.xlsx');
    await workbook.xlsx.writeFile(file);
    const fromSheet = run(['classify', file, '--date', date]);
    const fromCsv = run(['classify', 'examples/households-vi.csv', '--date', date]);
    expect(fromSheet.status).toBe(fromCsv.status);
    expect(fromSheet.stdout).toBe(fromCsv.stdout);
    expect(fromSheet.stderr).toBe(fromCsv.stderr);
  });
});

describe('the example workbook', () => {
  it('holds the households of examples/households.csv: the same rows out', () => {
    const fromSheet = run(['classify', 'examples/households.xlsx', '--date', date]);
    expect(fromSheet.status).toBe(0);
    expect(fromSheet.stdout).toBe(run(['classify', 'examples/households.csv', '--date', date]).stdout);
  });
});

describe('chuan-ngheo validate FILE.xlsx', () => {
  it('is a usage error: validate reads survey records as JSON', () => {
    for (const args of [[survey], [surveyCsv, '--input', 'xlsx']]) {
      const r = run(['validate', ...args, '--date', date]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/^chuan-ngheo: validate reads survey records \(a roster of members and a dwelling each\) as JSON or JSON Lines, which a worksheet row cannot hold; to classify the households of .*, use 'chuan-ngheo classify' or 'chuan-ngheo report'\n$/);
    }
  });
});
