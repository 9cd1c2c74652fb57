// report --strata/--psu/--weight: the poverty and near-poverty rates with standard errors and
// intervals, in every format, against a recount made here: each household classified on its
// own with `classify`, and each rate's variance worked out PSU by PSU with the textbook formula
// (Lumley 2010, 2.2 and 2.3.1), its interval with R's qt(0.975, 10) = 2.2281388519862747.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { classify } from '../../src/index.js';
import { nd07Ids } from '../helpers.js';

const cli = join(import.meta.dirname, '../../dist/cli.js');
const tmp = mkdtempSync(join(tmpdir(), 'report-design-'));
const file = join(tmp, 'households.csv');
type Row = Record<string, string>;
const source = Papa.parse<Row>(readFileSync('examples/households.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
// Two strata of six PSUs each (12 PSUs, df = 10); weights 1, 1.5, 2, 2.5.
const rows: Row[] = source.map((row, i) => ({ ...row, stratum: i < 20 ? 'S1' : 'S2', psu: `P${Math.floor((i * 12) / 40)}`, w: String(1 + (i % 4) * 0.5) }));
writeFileSync(file, Papa.unparse(rows) + '\n');
const report = (args: string[]) => spawnSync(process.execPath, [cli, 'report', file, '--date', '2025-12-01', '--by', 'commune', '--weight', 'w', '--strata', 'stratum', '--psu', 'psu', ...args], { encoding: 'utf8' });

const category = rows.map((row) =>
  classify(
    {
      id: row.id,
      area: row.area,
      size: Number(row.size),
      incomeMonthlyTotal: row.incomeMonthlyTotal,
      deprived: nd07Ids.filter((id) => row[id] === '1'),
      ...(row.previousCategory ? { previousCategory: row.previousCategory, previousRecognizedOn: row.previousRecognizedOn } : {}),
    } as never,
    { date: '2025-12-01' },
  ).category,
);
const T = 2.2281388519862747;

/** Rate, se and logit interval (per cent) of `which` among the households of `inDomain`. */
function recount(which: string, inDomain: (row: Row) => boolean): number[] {
  const w = rows.map((r) => Number(r.w));
  const inD = rows.map((r) => inDomain(r));
  const W = w.reduce((s, x, i) => s + (inD[i] ? x : 0), 0);
  const p = w.reduce((s, x, i) => s + (inD[i] && category[i] === which ? x : 0), 0) / W;
  const psuTotal = new Map<string, number>();
  rows.forEach((r, i) => psuTotal.set(r.psu!, (psuTotal.get(r.psu!) ?? 0) + (inD[i] ? (w[i]! * ((category[i] === which ? 1 : 0) - p)) / W : 0)));
  let v = 0;
  for (const stratum of ['S1', 'S2']) {
    const totals = [...new Set(rows.filter((r) => r.stratum === stratum).map((r) => r.psu!))].map((psu) => psuTotal.get(psu)!);
    const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
    v += (totals.length / (totals.length - 1)) * totals.reduce((s, z) => s + (z - mean) ** 2, 0);
  }
  const se = Math.sqrt(v);
  const half = (T * se) / (p * (1 - p));
  const expit = (x: number) => 1 / (1 + Math.exp(-x));
  const logit = Math.log(p / (1 - p));
  return [100 * p, 100 * se, 100 * expit(logit - half), 100 * expit(logit + half)];
}
const communes = [...new Set(rows.map((r) => r.commune!))].sort((a, b) => a.localeCompare(b, 'vi'));
const expected = [...communes.map((c) => [c, (r: Row) => r.commune === c] as const), ['Total', () => true] as const].map(([name, f]) => [name, rows.filter(f).length, ...recount('poor', f), ...recount('near-poor', f)] as const);
const KEYS = ['group', 'households', 'povertyRate', 'povertySe', 'povertyLower', 'povertyUpper', 'nearPovertyRate', 'nearPovertySe', 'nearPovertyLower', 'nearPovertyUpper'];

describe('report with a survey design', () => {
  it('json: every rate, se and bound as recounted, under distinct keys', () => {
    const out = report(['--format', 'json']);
    expect(out.status).toBe(0);
    const table = (JSON.parse(out.stdout) as { id: string; rows: Record<string, unknown>[] }[]).find((t) => t.id === 'rates-with-intervals')!;
    expect(table.rows).toHaveLength(expected.length);
    table.rows.forEach((row, i) => {
      expect(Object.keys(row)).toEqual(KEYS);
      const want = expected[i]!;
      expect(row.group).toBe(want[0]);
      expect(row.households).toBe(want[1]);
      KEYS.slice(2).forEach((key, j) => expect(Math.abs((row[key] as number) - (want[2 + j] as number))).toBeLessThan(1e-9));
    });
  });
  it('csv: the same figures, headers distinct', () => {
    const out = report(['--format', 'csv']);
    const section = out.stdout.split('\n# ').find((s) => s.startsWith('Poverty and near-poverty rates'))!;
    const [header, ...lines] = Papa.parse<string[]>(section.slice(section.indexOf('\n') + 1), { skipEmptyLines: true }).data;
    expect(new Set(header).size).toBe(KEYS.length);
    lines.forEach((cells, i) => cells.slice(2).forEach((cell, j) => expect(Math.abs(Number(cell) - (expected[i]![2 + j] as number))).toBeLessThan(1e-9)));
  });
  it.each(['md', 'table'] as const)('%s: rounded to their places', (format) => {
    const out = report(['--format', format, '--lang', 'vi']);
    expect(out.status).toBe(0);
    const part = out.stdout.slice(out.stdout.indexOf('Tỷ lệ nghèo, cận nghèo'));
    for (const want of expected) {
      const name = want[0] === 'Total' ? 'Tổng' : want[0];
      const line = part.split('\n').find((l) => l.replace(/^\|\s*/, '').startsWith(name))!;
      const cells = (format === 'md' ? line.split('|').slice(1, -1) : line.slice(name.length).trim().split(/\s{2,}/)).map((c) => c.trim());
      const numbers = cells.slice(format === 'md' ? 2 : 1).map(Number);
      numbers.forEach((n, j) => expect(Math.abs(n - (want[2 + j] as number))).toBeLessThanOrEqual((j % 4 === 1 ? 5e-4 : 5e-3) + 1e-12));
    }
  });
  it('xlsx: numbers as numbers', async () => {
    const book = join(tmp, 'report.xlsx');
    expect(report(['--out', book]).status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    const sheet = workbook.worksheets.find((s) => s.name.startsWith('Poverty and near'))!;
    expected.forEach((want, i) => {
      const values = (sheet.getRow(i + 2).values as unknown[]).slice(1);
      values.slice(2).forEach((v, j) => expect(Math.abs((v as number) - (want[2 + j] as number))).toBeLessThan(1e-9));
    });
  });
  it('a column the file lacks, a lonely PSU, and design options without a design are errors', () => {
    const lacking = spawnSync(process.execPath, [cli, 'report', file, '--date', '2025-12-01', '--weight', 'w', '--strata', 'stratum', '--psu', 'cluster'], { encoding: 'utf8' });
    expect(lacking.status).toBe(2);
    expect(lacking.stderr).toMatch(/--psu "cluster": no such column/);
    const lonely = join(tmp, 'lonely.csv');
    writeFileSync(lonely, Papa.unparse(rows.map((r, i) => ({ ...r, stratum: i === 0 ? 'S0' : r.stratum, psu: i === 0 ? 'Q' : r.psu }))) + '\n');
    const out = spawnSync(process.execPath, [cli, 'report', lonely, '--date', '2025-12-01', '--strata', 'stratum', '--psu', 'psu'], { encoding: 'utf8' });
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/LONELY_PSU.*stratum "S0"/);
    const plain = spawnSync(process.execPath, [cli, 'report', file, '--date', '2025-12-01', '--level', '0.9'], { encoding: 'utf8' });
    expect(plain.status).toBe(2);
    expect(plain.stderr).toMatch(/--level "0.9" is given without --strata or --psu/);
  });
});
