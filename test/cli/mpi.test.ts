// `chuan-ngheo mpi` on the built package: every row of OPHI's mpitbR estimates (levels and
// changes, test/vectors/alkire-foster-mpitbR/, copied from the shared vectors with the README that
// says how mpitbR 1.0.1 made them), the same figures in every output format, and the errors.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { nd07Ids } from '../helpers.js';

const cli = join(import.meta.dirname, '../../dist/cli.js');
const vectors = join(import.meta.dirname, '../vectors/alkire-foster-mpitbR');
const survey = join(vectors, 'survey.csv');
const mpi = (args: string[]) => spawnSync(process.execPath, [cli, 'mpi', ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
const dims = ['--dimension', 'hl=d_nutr,d_cm', '--dimension', 'ed=d_satt,d_educ', '--dimension', 'ls=d_elct,d_sani,d_wtr,d_hsg,d_ckfl,d_asst'];
const job = [survey, ...dims, '--weights', 'nested', '--k', '20,33,50', '--weight', 'weight', '--over', 'area,region', '--time', 't', '--year', 'year'];
const HEADER = 'measure,indicator,k,loa,subgroup,round,change,annualised,from,to,estimate,se,lower,upper';
const parse = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);
const off = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));
const tmp = mkdtempSync(join(tmpdir(), 'mpi-'));

describe('chuan-ngheo mpi against mpitbR', () => {
  const run = mpi(job);
  const rows = parse(run.stdout);
  const find = (pred: (r: Record<string, string>) => boolean) => {
    const found = rows.filter(pred);
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  it('exits 0 with the header as written and reports the unused id column', () => {
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(HEADER);
    expect(run.stderr).toMatch(/columns not used by the measure: id/);
  });
  it.each(parse(readFileSync(join(vectors, 'levels.csv'), 'utf8')).map((v, i) => [i + 2, v] as const))('levels.csv line %i', (_, v) => {
    const row = find((r) => r.round === '1' && r.change === '' && r.measure === v.measure && r.k === (v.k === 'NA' ? '' : v.k) && r.indicator === (v.indicator === 'NA' ? '' : v.indicator) && r.loa === v.loa && r.subgroup === v.subg);
    expect(rel(Number(row.estimate), Number(v.b))).toBeLessThan(1e-7);
    for (const [ours, theirs] of [
      [row.se, v.se],
      [row.lower, v.ll],
      [row.upper, v.ul],
    ] as const) {
      if (theirs === 'NA') expect(ours).toBe('');
      else expect(rel(Number(ours), Number(theirs))).toBeLessThan(1e-6);
    }
  });
  it.each(parse(readFileSync(join(vectors, 'changes.csv'), 'utf8')).map((v, i) => [i + 2, v] as const))('changes.csv line %i', (_, v) => {
    const row = find((r) => r.change === v.ctype && r.measure === v.measure && r.k === v.k && r.loa === v.loa && r.subgroup === v.subg && r.from === v.yt0 && r.to === v.yt1 && r.annualised === v.ann);
    expect(row.round).toBe('');
    expect(off(Number(row.estimate), Number(v.b))).toBeLessThan(1e-7);
    expect(rel(Number(row.se), Number(v.se))).toBeLessThan(1e-6);
    expect(off(Number(row.lower), Number(v.ll))).toBeLessThan(1e-6);
    expect(off(Number(row.upper), Number(v.ul))).toBeLessThan(1e-6);
  });

  it('jsonl, md, table and xlsx carry the figures of the CSV', async () => {
    const jsonl = mpi([...job, '--format', 'jsonl']);
    expect(jsonl.status).toBe(0);
    const objects = jsonl.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(objects).toHaveLength(rows.length);
    const number = (x: string) => (x === '' ? null : Number(x));
    objects.forEach((o, i) => {
      expect(Object.keys(o)).toEqual([...HEADER.split(','), 'exact']);
      const r = rows[i]!;
      for (const key of ['estimate', 'se', 'lower', 'upper'] as const) expect(o[key]).toBe(number(r[key]!));
      expect(o.annualised).toBe(number(r.annualised!));
      // the exact fraction, where there is one, is the estimate
      if (o.exact !== null) {
        const [n, d = '1'] = String(o.exact).split('/');
        expect(rel(Number(n) / Number(d), o.estimate as number)).toBeLessThan(1e-14);
      }
    });
    expect(objects.filter((o) => o.exact !== null).length).toBeGreaterThan(2000);
    for (const format of ['md', 'table'] as const) {
      const out = mpi([...job, '--format', format]);
      expect(out.status).toBe(0);
      const lines = out.stdout.split('\n').filter((l) => /^\|? ?(M0|H|A|hd|hdk|actb|pctb)\b/.test(l));
      expect(lines).toHaveLength(rows.length);
      lines.forEach((line, i) => {
        const cells = (format === 'md' ? line.split('|').slice(1, -1) : line.split(/\s{2,}/)).map((c) => c.trim());
        const r = rows[i]!;
        const shown = cells.slice(-4);
        (['estimate', 'se', 'lower', 'upper'] as const).forEach((key, j) => {
          if (r[key] === '') expect(shown[j]).toBe('—');
          else {
            // six places, rounded to the nearest (half to even at a tie)
            expect(shown[j]).toMatch(/^-?\d+\.\d{6}$/);
            expect(Math.abs(Number(shown[j]) - Number(r[key]))).toBeLessThanOrEqual(5e-7 + 1e-15);
          }
        });
      });
    }
    const book = join(tmp, 'mpi.xlsx');
    expect(mpi([...job, '--out', book]).status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(book);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1).join(',')).toBe(HEADER);
    expect(sheet.rowCount).toBe(rows.length + 1);
    rows.forEach((r, i) => {
      const values = (sheet.getRow(i + 2).values as unknown[]).slice(1);
      (['estimate', 'se', 'lower', 'upper'] as const).forEach((key, j) => {
        const cell = values[10 + j];
        if (r[key] === '') expect(cell ?? null).toBeNull();
        else expect(cell).toBe(Number(r[key]));
      });
    });
  });
});

describe('chuan-ngheo mpi: options and errors', () => {
  const small = join(tmp, 'small.csv');
  writeFileSync(small, ['s,p,w,a,b,note', 'A,1,1,1,0,x', 'A,1,1,0,0,x', 'A,2,2,1,1,x', 'B,3,2,0,0,x', 'B,4,1,0,1,x', 'B,4,1,0,0,x', ''].join('\n'));
  const base = [small, '--dimension', 'one=a', '--dimension', 'two=b', '--k', '50', '--weight', 'w', '--strata', 's', '--psu', 'p'];
  it('a stratified clustered file: H = 1/2 with se √8/16, as worked by hand in the library test', () => {
    const out = mpi([...base, '--format', 'jsonl']);
    expect(out.status).toBe(0);
    const H = out.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>).find((r) => r.measure === 'H')!;
    expect(H.exact).toBe('1/2');
    expect(Math.abs((H.se as number) - Math.sqrt(8) / 16)).toBeLessThan(1e-15);
    expect(out.stderr).toMatch(/columns not used by the measure: note/);
  });
  it("--weights equal is refused, explaining nested and perIndicator", () => {
    const out = mpi([...base, '--weights', 'equal']);
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/AMBIGUOUS_WEIGHTS.*'nested'.*'perIndicator'/);
  });
  it('an unknown option, a column the file lacks, and --format xlsx without --out are usage errors', () => {
    expect(mpi([...base, '--bogus']).status).toBe(2);
    expect(mpi([...base, '--bogus']).stderr).toMatch(/bogus/);
    const lacking = mpi([...base, '--over', 'region']);
    expect(lacking.status).toBe(2);
    expect(lacking.stderr).toMatch(/no column "region"; its columns: s, p, w, a, b, note/);
    expect(mpi([...base, '--format', 'xlsx']).stderr).toMatch(/give --out FILE\.xlsx/);
  });
  it('a stratum with a single PSU is named; --lonely-psu certainty goes on', () => {
    const lonely = join(tmp, 'lonely.csv');
    writeFileSync(lonely, readFileSync(small, 'utf8') + 'C,5,1,1,1,x\n');
    const failed = mpi([lonely, ...base.slice(1)]);
    expect(failed.status).toBe(2);
    expect(failed.stderr).toMatch(/LONELY_PSU.*stratum "C" has a single PSU/);
    expect(mpi([lonely, ...base.slice(1), '--lonely-psu', 'certainty']).status).toBe(0);
  });
  it('a missing indicator value names its record; --missing drop leaves the unit out and says so', () => {
    const gappy = join(tmp, 'gappy.csv');
    writeFileSync(gappy, readFileSync(small, 'utf8').replace('B,3,2,0,0,x', 'B,3,2,,0,x'));
    const failed = mpi([gappy, ...base.slice(1)]);
    expect(failed.status).toBe(2);
    expect(failed.stderr).toMatch(/MISSING_VALUE.*row 5 \(a\)/);
    const dropped = mpi([gappy, ...base.slice(1), '--missing', 'drop', '--lonely-psu', 'certainty']);
    expect(dropped.status).toBe(0);
    expect(dropped.stderr).toMatch(/1 unit\(s\) with a missing indicator value left out/);
  });
  it("the standard's own dimensions when the columns are its indicator ids", () => {
    const file = join(tmp, 'standard.csv');
    const lines = [nd07Ids.join(','), ...Array.from({ length: 8 }, (_, i) => nd07Ids.map((_, j) => ((i + j) % 3 === 0 ? 1 : 0)).join(','))];
    writeFileSync(file, lines.join('\n') + '\n');
    const out = mpi([file, '--standard', 'nd07-2021', '--k', '1/3', '--format', 'jsonl']);
    expect(out.status).toBe(0);
    const rows = out.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows.filter((r) => r.measure === 'hd')).toHaveLength(nd07Ids.length);
    expect(rows.find((r) => r.measure === 'M0')!.k).toBe('1/3');
    const none = mpi([small]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/--dimension NAME=IND,IND/);
  });
});
