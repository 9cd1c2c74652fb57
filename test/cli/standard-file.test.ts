// A province's own standard, end to end on the built command line: print a shipped standard as
// JSON, change its id and figures, and classify, report and validate under it with --standard-file,
// on one thread and on several.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getStandard, standardIds } from '../../src/index.js';

const cli = join(import.meta.dirname, '../../dist/cli.js');
const run = (args: string[], input?: string) => spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'chuan-ngheo-standard-file-'));

/** Runs the command line with standard input given in two parts, a pause between them (so that worker threads are online for the second). */
function runPaused(args: string[], first: string, rest: string, pauseMs = 1000): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args]);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.write(first);
    setTimeout(() => child.stdin.end(rest), pauseMs);
  });
}

// The province's copy of Decree 07/2021: its own id, a rural line of 1,800,000 and k = 2.
const printed = run(['standards', 'nd07-2021', '--format', 'json']);
const mine = JSON.parse(printed.stdout) as Record<string, unknown> & { rule: { lines: { rural: { value: number } }; minDeprivations: { value: number } } };
mine.id = 'tinh-x-2025';
mine.scope = 'local';
mine.jurisdiction = 'Tỉnh X';
mine.rule.lines.rural.value = 1_800_000;
mine.rule.minDeprivations.value = 2;
const file = join(dir, 'tinh-x-2025.json');
writeFileSync(file, JSON.stringify(mine, null, 2));

describe('chuan-ngheo standards ID --format json', () => {
  it.each([...standardIds])('%s: prints the standard whole, as its data file has it', (id) => {
    const r = run(['standards', id, '--format', 'json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(getStandard(id))));
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(readFileSync(`src/standards/data/${id}.json`, 'utf8')));
  });
  it('an unknown id: UNKNOWN_STANDARD, exit 2', () => {
    const r = run(['standards', 'tinh-y-2025', '--format', 'json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/UNKNOWN_STANDARD/);
  });
  it('--standard-file checks a standard of one\'s own and prints its summary', () => {
    const r = run(['standards', '--standard-file', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^tinh-x-2025 +local +2022-01-01 … 2026-12-31 +line 1,800,000\/2,000,000 .*k = 2, 12 indicators/);
  });
});

describe('--standard-file: the round trip a province makes', () => {
  // At 1,700,000 per person with 2 deprivations: average under Decree 07/2021 (above 1,500,000),
  // poor under the province's copy (at most 1,800,000 and 2 ≥ k = 2).
  const csv = 'id,area,size,incomeMonthlyPerCapita,deprived\nA,rural,1,1700000,employment;nutrition\nB,rural,1,1800001,employment;nutrition\nC,urban,1,2000000,employment\n';

  it('classify: every row under the file\'s standard, with its figures', () => {
    const national = run(['classify', '-', '--date', '2025-06-01'], csv);
    expect(national.stdout.split('\n')[1]).toBe('A,average,2,false,nd07-2021,,');
    const r = run(['classify', '-', '--standard-file', file, '--date', '2025-06-01'], csv);
    expect(r.status).toBe(0);
    expect(r.stdout.trimEnd().split('\n').slice(1)).toEqual(['A,poor,2,false,tinh-x-2025,,', 'B,average,2,false,tinh-x-2025,,', 'C,near-poor,1,false,tinh-x-2025,,']);
    expect(r.stderr).toMatch(/3 row\(s\) under tinh-x-2025 on 2025-06-01: poor 1, near-poor 1, average 1/);
  });

  it('report: the figures and the note name the file\'s standard', () => {
    const r = run(['report', '-', '--standard-file', file, '--date', '2025-06-01', '--format', 'json'], csv);
    expect(r.status).toBe(0);
    const [summary] = JSON.parse(r.stdout) as { rows: Record<string, string | number>[]; note: string }[];
    expect(summary!.rows.at(-1)).toMatchObject({ households: 3, poor: 1, nearPoor: 1 });
    expect(summary!.note).toMatch(/^Standard tinh-x-2025, review date 2025-06-01\./);
  });

  it('validate: survey records checked under the file\'s standard', () => {
    const r = run(['validate', 'examples/roster.jsonl', '--standard-file', file, '--date', '2025-12-01', '--format', 'jsonl', '--quiet']);
    expect(r.stderr).toMatch(/^chuan-ngheo: 36 record\(s\) under tinh-x-2025 on 2025-12-01: /);
    const national = run(['validate', 'examples/roster.jsonl', '--date', '2025-12-01', '--format', 'jsonl', '--quiet']);
    expect(national.status).toBe(0);
    // Recorded categories were made under Decree 07/2021: under k = 2 some of them now disagree.
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/CATEGORY_MISMATCH/);
  });

  it('reaches worker threads: two threads write what one writes, every row under the file\'s standard', async () => {
    const ids = getStandard('nd07-2021').indicators.map((i) => i.id);
    const header = `id,area,size,incomeMonthlyPerCapita,${ids.join(',')}\n`;
    const cells = (i: number) => ids.map((id) => (id === 'employment' ? i % 2 : id === 'nutrition' ? (i >> 1) % 2 : 0)).join(',');
    // Every 50th id is quoted: those rows take the general path, which resolves the standard itself.
    const id = (i: number) => (i % 50 === 9 ? `"H,${i}"` : `H${i}`);
    const rows = Array.from({ length: 60_000 }, (_, i) => `${id(i)},${i % 2 ? 'rural' : 'urban'},${1 + (i % 4)},${1_500_000 + (i % 7) * 100_000},${cells(i)}`).join('\n');
    const args = ['classify', '-', '--standard-file', file, '--date', '2025-06-01', '--quiet'];
    const one = await runPaused([...args, '--threads', '1'], header, `${rows}\n`, 0);
    const two = await runPaused([...args, '--threads', '2'], header, `${rows}\n`);
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const lines = one.stdout.trimEnd().split('\n').slice(1);
    expect(lines).toHaveLength(60_000);
    expect(lines.every((l) => l.endsWith(',tinh-x-2025,,'))).toBe(true);
    // H1: rural, 2 members, 1,600,000 per person, employment only → near-poor at the file's line;
    // H3: rural, 4 members, 1,800,000, employment and nutrition → poor at the file's k = 2.
    expect(lines[1]).toBe('H1,near-poor,1,false,tinh-x-2025,,');
    expect(lines[3]).toBe('H3,poor,2,false,tinh-x-2025,,');
    expect(lines[59]).toBe('"H,59",poor,2,false,tinh-x-2025,,');
  });

  it('reaches worker threads for JSON Lines too', async () => {
    const roster = readFileSync('examples/roster.jsonl', 'utf8').trimEnd().split('\n');
    const records = Array.from({ length: 3_000 }, (_, i) => roster[i % roster.length]!.replace(/^\{"id":"([^"]+)"/, `{"id":"$1-${i}"`)).join('\n');
    const args = ['classify', '-', '--input', 'jsonl', '--standard-file', file, '--date', '2025-12-01', '--quiet'];
    const one = await runPaused([...args, '--threads', '1'], '', `${records}\n`, 0);
    const two = await runPaused([...args, '--threads', '2'], `${roster[0]}\n`, `${records}\n`);
    expect(two.stdout.split('\n').slice(1).join('\n')).toBe(one.stdout);
    expect(one.stdout).toContain('"standard":"tinh-x-2025"');
    expect(one.stdout).not.toContain('"standard":"nd07-2021"');
  });
});

describe('--standard-file errors', () => {
  const bad = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('a figure of the wrong type: exit 2, the file, the code and the path', () => {
    const broken = structuredClone(mine);
    (broken.rule.lines.rural as { value: unknown }).value = '1.800.000';
    const path = bad('broken.json', JSON.stringify(broken));
    for (const command of ['classify', 'report', 'validate']) {
      const r = run([command, 'examples/roster.jsonl', '--standard-file', path, '--date', '2025-06-01']);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^chuan-ngheo: --standard-file ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: INVALID_STANDARD at rule\\.lines\\.rural\\.value: `));
    }
  });
  it('a misplaced key names its path', () => {
    const misplaced = structuredClone(mine) as Record<string, unknown>;
    misplaced.lines = {};
    const r = run(['classify', 'examples/households.csv', '--standard-file', bad('misplaced.json', JSON.stringify(misplaced))]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/INVALID_STANDARD at lines: .*unknown field "lines"/);
  });
  it('text that is not JSON, a missing file, and both --standard and --standard-file', () => {
    expect(run(['classify', 'examples/households.csv', '--standard-file', bad('text.json', 'line: 1800000')]).stderr).toMatch(/INVALID_STANDARD at \(root\): standard: expected JSON text, received text that is not JSON/);
    expect(run(['classify', 'examples/households.csv', '--standard-file', join(dir, 'none.json')]).stderr).toMatch(/--standard-file .*none\.json: cannot open .*: no such file/);
    const both = run(['classify', 'examples/households.csv', '--standard-file', file, '--standard', 'nd07-2021']);
    expect(both.status).toBe(2);
    expect(both.stderr).toMatch(/give --standard ID or --standard-file FILE, not both/);
  });
  it('a date outside the file\'s period: STANDARD_NOT_IN_FORCE', () => {
    const r = run(['classify', 'examples/households.csv', '--standard-file', file, '--date', '2027-01-01']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/STANDARD_NOT_IN_FORCE/);
  });
});
