// The input format comes from --input, else the extension, else the content; a file whose content
// contradicts its extension is one usage error (exit 2), not an error for each of its rows.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = join(process.cwd(), 'dist', 'cli.js');
const dir = mkdtempSync(join(tmpdir(), 'chuan-ngheo-input-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args, '--date', '2025-12-01'], { encoding: 'utf8' });
const households = [
  { id: 'a', area: 'rural', size: 1, incomeMonthlyTotal: 1, deprived: [] },
  { id: 'b', area: 'urban', size: 2, incomeMonthlyTotal: 9_000_000, deprived: [] },
  { id: 'c', area: 'rurall', size: 1, incomeMonthlyTotal: 1 },
];

describe('a .json file holding an array', () => {
  const file = write('survey.json', JSON.stringify(households, null, 2));
  it('is classified as records by classify, one row per element', () => {
    const r = run('classify', file, '--format', 'csv');
    expect(r.status).toBe(1);
    expect(r.stdout.trimEnd().split('\n').map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['id,category', 'a,near-poor', 'b,none', 'c,']);
    expect(r.stdout).toContain('INVALID_AREA');
  });
  it('is read as records by report', () => {
    const r = run('report', file, '--format', 'json');
    expect(r.status).toBe(1);
    const [summary] = JSON.parse(r.stdout) as { rows: Record<string, unknown>[] }[];
    expect(summary!.rows.at(-1)).toMatchObject({ households: 2, nearPoor: 1, other: 1 });
  });
  it('is read as records by validate', () => {
    const r = run('validate', file);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/3 record\(s\)/);
  });
  it('is found by its content without the extension', () => {
    const r = run('classify', write('survey-no-extension', JSON.stringify(households)));
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(3);
  });
});

describe('content that contradicts the extension', () => {
  it.each([
    ['rows.csv', `${households.map((h) => JSON.stringify(h)).join('\n')}\n`, 'classify', /rows\.csv is named as CSV \(\.csv\) but holds JSON Lines .*--input jsonl/],
    ['rows.jsonl', 'id,area,size,incomeMonthlyTotal,deprived\nA,rural,1,1,\n', 'classify', /rows\.jsonl is named as JSON Lines \(\.jsonl\) but holds CSV/],
    ['rows.json', 'id,area\n', 'report', /rows\.json is named as a JSON array \(\.json\) but holds CSV/],
    ['survey.csv', 'id,area,size\nA,rural,1\n', 'validate', /survey\.csv holds CSV; this command reads a JSON array or JSON Lines/],
  ])('%s to %s: one line, exit 2', (name, text, command, message) => {
    const r = run(command, write(name, text));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });
  it('reads the file as --input says', () => {
    const r = run('classify', write('forced.csv', `${JSON.stringify(households[0])}\n`), '--input', 'jsonl');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ id: 'a', category: 'near-poor' });
  });
});
