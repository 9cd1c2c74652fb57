// The command line, end to end on the built package (npm test builds it first).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = join(import.meta.dirname, '../../dist/cli.js');
const run = (args: string[], input?: string) => spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'chuan-ngheo-'));

describe('chuan-ngheo classify', () => {
  it('classifies the example survey: 40 rows, none invalid, exit 0', () => {
    const r = run(['classify', 'examples/households.csv', '--date', '2025-12-01']);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(41);
    expect(lines[1]).toBe('HH001,poor,3,false,nd07-2021,,');
    expect(lines[2]).toBe('HH002,average,3,true,nd07-2021,,');
    expect(r.stderr).toMatch(/^chuan-ngheo: 40 row\(s\) under nd07-2021 on 2025-12-01: .*invalid 0\n$/);
  });

  it('reads standard input, writes JSON Lines to --out, and exits 1 when a row is invalid', () => {
    const out = join(dir, 'out.jsonl');
    const r = run(['classify', '-', '--input', 'jsonl', '--out', out, '--standard', 'nd351-2025', '--date', '2027-06-01'], '{"id":"a","area":"rural","size":1,"incomeMonthlyPerCapita":2200000,"deprived":["wasteTreatment","employment","nutrition"]}\n{"id":"b","area":"rural","size":0}\n');
    expect(r.status).toBe(1);
    const rows = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(rows).toEqual([
      { id: 'a', category: 'poor', deprivationCount: 3, newlyEscaped: false, standard: 'nd351-2025' },
      { id: 'b', error: { code: 'INVALID_SIZE', path: ['size'], message: 'size: expected a whole number of members ≥ 1, received the number 0' } },
    ]);
    expect(r.stderr).toMatch(/invalid 1/);
  });

  it('chooses JSON Lines by the file extension', () => {
    const file = join(dir, 'in.jsonl');
    writeFileSync(file, '{"area":"urban","size":2,"incomeMonthlyTotal":4000000}\n');
    const r = run(['classify', file, '--date', '2025-12-01']);
    expect(JSON.parse(r.stdout)).toEqual({ category: 'near-poor', deprivationCount: 0, newlyEscaped: false, standard: 'nd07-2021' });
  });

  it.each([
    [['classify', 'examples/households.csv', '--date', '2015-01-01'], /NO_STANDARD_IN_FORCE/],
    [['classify', 'examples/households.csv', '--standard', 'nope'], /UNKNOWN_STANDARD/],
    [['classify', 'missing.csv'], /cannot open missing\.csv: no such file/],
    [['classify', 'examples/households.csv', '--format', 'xml'], /--format must be one of csv, jsonl/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('exits 2 with a clear message for %j', (args, message) => {
    const r = run(args as string[]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('writes nothing, not even a header, when the input file cannot be opened', () => {
    const out = join(dir, 'never.csv');
    const r = run(['classify', 'missing.csv', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
});

describe('chuan-ngheo report', () => {
  it('prints the summary by commune with counts that match the classification', () => {
    const r = run(['report', 'examples/households.csv', '--date', '2025-12-01', '--by', 'commune', '--format', 'json']);
    expect(r.status).toBe(0);
    const [summary] = JSON.parse(r.stdout) as { rows: Record<string, string | number>[] }[];
    const total = summary!.rows.at(-1)!;
    const classified = execFileSync(process.execPath, [cli, 'classify', 'examples/households.csv', '--date', '2025-12-01'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trimEnd()
      .split('\n')
      .slice(1)
      .map((l) => l.split(',')[1]);
    expect(total.households).toBe(40);
    expect(total.poor).toBe(classified.filter((c) => c === 'poor').length);
    expect(total.nearPoor).toBe(classified.filter((c) => c === 'near-poor').length);
  });
  it('speaks Vietnamese with --lang vi', () => {
    const r = run(['report', 'examples/households.csv', '--date', '2025-12-01', '--lang', 'vi']);
    expect(r.stdout).toMatch(/Hộ nghèo/);
    expect(r.stdout).toMatch(/Hộ cận nghèo/);
  });
});

describe('chuan-ngheo validate', () => {
  it('the example roster is valid: exit 0', () => {
    const r = run(['validate', 'examples/roster.jsonl', '--date', '2025-12-01']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('chuan-ngheo: 36 record(s) under nd07-2021 on 2025-12-01: 36 valid, 0 invalid\n');
  });
  it('lists each problem with its record, code and path, and exits 1', () => {
    const r = run(['validate', 'test/fixtures/roster-broken.jsonl', '--date', '2025-12-01']);
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^record 2 \(BAD1\): BORN_AFTER_REVIEW at members\[0\]\.dateOfBirth: /);
    expect(lines[1]).toMatch(/^record 3 \(BAD2\): CATEGORY_MISMATCH at recordedCategory: recorded poor, computes average because /);
    expect(lines[2]).toMatch(/^record 4 \(BAD3\): NO_MEMBERS at members/);
    expect(lines[3]).toMatch(/^record 5: INVALID_ROW at \(root\): line 5 is not valid JSON/);
    expect(r.stderr).toMatch(/5 record\(s\) .*: 1 valid, 4 invalid/);
  });
  it('--format jsonl: one report per record, valid a boolean', () => {
    const r = run(['validate', 'test/fixtures/roster-broken.jsonl', '--date', '2025-12-01', '--format', 'jsonl', '--quiet']);
    expect(r.status).toBe(1);
    const reports = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { index: number; valid: unknown });
    expect(reports.map((x) => x.valid)).toEqual([true, false, false, false, false]);
  });
});

describe('chuan-ngheo report with an earlier review, a plan and charts', () => {
  const charts = join(dir, 'charts');
  const r = run([
    'report', 'examples/households.csv', '--date', '2025-12-01', '--format', 'json',
    '--previous', 'examples/households-2024.csv', '--previous-date', '2024-12-01',
    '--targets', 'examples/targets-bac-ninh.json', '--charts', charts,
  ]);
  const tables = JSON.parse(r.stdout) as { title: string; rows: Record<string, string | number>[] }[];

  it('prints summary, profile, movement and targets', () => {
    expect(r.status).toBe(0);
    expect(tables.map((t) => t.title)).toEqual([
      'Households by category',
      'Households deprived, by indicator',
      'Movement of poor and near-poor households between two reviews',
      'Progress against the plan: Bắc Ninh-style plan 2023-2025 (example)',
    ]);
  });

  it('recomputes the movement from the two classified files', () => {
    const classified = (file: string, date: string) =>
      new Map(
        execFileSync(process.execPath, [cli, 'classify', file, '--date', date], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
          .trimEnd()
          .split('\n')
          .slice(1)
          .map((l) => l.split(',') as [string, string]),
      );
    const before = classified('examples/households-2024.csv', '2024-12-01');
    const after = classified('examples/households.csv', '2025-12-01');
    const poorBefore = [...before].filter(([, c]) => c === 'poor').map(([id]) => id);
    const escaped = poorBefore.filter((id) => after.has(id) && after.get(id) !== 'poor').length;
    const movement = tables[2]!.rows[0]!;
    expect(movement.beginning).toBe(poorBefore.length);
    expect(movement.escaped).toBe(escaped);
    expect(movement.end).toBe([...after.values()].filter((c) => c === 'poor').length);
  });

  it('writes two SVG charts', () => {
    expect(readFileSync(join(charts, 'deprivation-profile.svg'), 'utf8')).toMatch(/^<svg [^>]*>[\s\S]*Health insurance[\s\S]*<\/svg>\n$/);
    expect(readFileSync(join(charts, 'rates-by-group.svg'), 'utf8')).toMatch(/<\/svg>\n$/);
  });

  it('a previous file that is neither classified nor dated is a usage error', () => {
    const bad = run(['report', 'examples/households.csv', '--date', '2025-12-01', '--previous', 'examples/households-2024.csv']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/give --previous-date/);
  });
});

describe('chuan-ngheo report on rosters', () => {
  it('adds the children table', () => {
    const r = run(['report', 'examples/roster.jsonl', '--date', '2025-12-01', '--by', 'commune', '--format', 'md', '--lang', 'vi']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('### Trẻ em dưới 16 tuổi thiếu hụt trong hộ nghèo, hộ cận nghèo');
    expect(r.stdout).toContain('| Nhóm | Số hộ | Hộ nghèo |');
  });
});

describe('chuan-ngheo classify on edge files', () => {
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };
  it('a header without rows: the output header only, exit 0', () => {
    const r = run(['classify', write('empty-rows.csv', 'id,area,size,incomeMonthlyTotal\n'), '--date', '2025-12-01']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('id,category,deprivationCount,newlyEscaped,standard,errorCode,errorMessage\n');
    expect(r.stderr).toMatch(/0 row\(s\)/);
  });
  it('an empty file: no rows, exit 0', () => {
    const r = run(['classify', write('empty.csv', ''), '--date', '2025-12-01']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/0 row\(s\)/);
  });
  it('a last row without a line feed is classified', () => {
    const r = run(['classify', write('nolf.csv', 'id,area,size,incomeMonthlyTotal,deprived\nA,rural,1,1,'), '--date', '2025-12-01', '--format', 'jsonl']);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'A', category: 'near-poor' });
  });
  it('a header that repeats a column stops with INVALID_HEADER, exit 2', () => {
    const r = run(['classify', write('dup.csv', 'id,area,area\nA,rural,rural\n'), '--date', '2025-12-01']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/INVALID_HEADER .*repeats the column "area"/);
  });
  it('a malformed date stops with INVALID_DATE, exit 2', () => {
    const r = run(['classify', 'examples/households.csv', '--date', '01/12/2025']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/INVALID_DATE/);
  });
  it('--threads must be a whole number', () => {
    const r = run(['classify', 'examples/households.csv', '--threads', 'many']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--threads must be a whole number/);
  });
  it('uses all cores from 40 MiB of input, one thread below, and --threads when given', async () => {
    const { threadsFor, maxThreads } = await import('../../src/cli/classify-command.js');
    const { parallelFromBytes } = await import('../../src/node/chunk-pool.js');
    const { availableParallelism } = await import('node:os');
    const file = join(dir, 'sized.csv');
    writeFileSync(file, '');
    truncateSync(file, parallelFromBytes - 1); // sparse: no 40 MB written
    expect(threadsFor(file, undefined)).toBe(1);
    truncateSync(file, parallelFromBytes);
    expect(threadsFor(file, undefined)).toBe(Math.min(availableParallelism(), maxThreads));
    expect(threadsFor(file, '1')).toBe(1);
    expect(threadsFor('-', undefined)).toBe(1);
    expect(() => threadsFor(file, '0')).toThrow(/--threads must be a whole number from 1 to \d+, written in digits; received "0"/);
  });
  it('two threads give the same output as one on the example', () => {
    const one = run(['classify', 'examples/households.csv', '--date', '2025-12-01', '--threads', '1']);
    const two = run(['classify', 'examples/households.csv', '--date', '2025-12-01', '--threads', '2', '--force-threads']); // also on one core
    expect(two.stdout).toBe(one.stdout);
  });
});

describe('chuan-ngheo report by persons and with weights', () => {
  it('--unit persons counts members: the total equals the sum of sizes', () => {
    const r = run(['report', 'examples/households.csv', '--date', '2025-12-01', '--unit', 'persons', '--format', 'json']);
    const [summary] = JSON.parse(r.stdout) as { rows: Record<string, number>[] }[];
    const sizes = readFileSync('examples/households.csv', 'utf8').trimEnd().split('\n').slice(1).map((l) => Number(l.split(',')[4]));
    expect(summary!.rows.at(-1)!.persons).toBe(sizes.reduce((a, b) => a + b, 0));
  });
  it('--weight uses a column as survey weight (exponent form too), and a bad weight leaves the row out with exit 1', () => {
    const file = join(dir, 'weighted.csv');
    writeFileSync(file, 'id,area,size,incomeMonthlyTotal,w,deprived\nA,rural,1,1,2.5,\nB,rural,1,9000000,0.5,\nC,rural,1,1,x,\nD,rural,1,9000000,1e-1,\n');
    const r = run(['report', file, '--date', '2025-12-01', '--weight', 'w', '--format', 'json']);
    expect(r.status).toBe(1);
    const [summary] = JSON.parse(r.stdout) as { rows: Record<string, number>[] }[];
    expect(summary!.rows.at(-1)).toMatchObject({ households: 3.1, nearPoor: 2.5 });
    expect(r.stderr).toMatch(/--weight "w" must be a number ≥ 0 such as 2.5 or 1.5e-7, received "x"/);
  });
  it('--by a column named __proto__, constructor or toString groups by it like any other', () => {
    const file = join(dir, 'proto.csv');
    writeFileSync(file, 'id,area,size,incomeMonthlyTotal,__proto__,constructor,toString,deprived\nA,rural,1,1,X,C1,T1,\nB,rural,1,9000000,Y,C1,T2,\nC,urban,1,1,X,,T1,\n');
    const groupsBy = (column: string) => {
      const r = run(['report', file, '--date', '2025-12-01', '--by', column, '--format', 'json']);
      expect(r.status).toBe(0);
      const [summary] = JSON.parse(r.stdout) as { rows: Record<string, string | number>[] }[];
      return summary!.rows.map((row) => [row.group, row.households]);
    };
    expect(groupsBy('__proto__')).toEqual([['X', 2], ['Y', 1], ['Total', 3]]);
    expect(groupsBy('constructor')).toEqual([['(blank)', 1], ['C1', 2], ['Total', 3]]);
    expect(groupsBy('toString')).toEqual([['T1', 2], ['T2', 1], ['Total', 3]]);
  });
});

describe('the README', () => {
  it('shows what the main job prints', () => {
    const readme = readFileSync('README.md', 'utf8');
    const shown = /`npm start` prints:\n\n```\n([\s\S]*?)```/.exec(readme)![1]!;
    const r = run(['report', 'examples/households.csv', '--date', '2025-12-01', '--by', 'commune']);
    expect(r.stdout.startsWith(shown)).toBe(true);
  });
  it('names the scripts it tells people to run', () => {
    const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts as Record<string, string>;
    for (const name of ['start', 'test', 'typecheck', 'docs', 'check:package', 'bench']) expect(scripts[name]).toBeDefined();
    expect(scripts.start).toContain('report examples/households.csv --date 2025-12-01 --by commune');
  });
});
