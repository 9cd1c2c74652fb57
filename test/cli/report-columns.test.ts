// Options of the report that name a column (--by, --weight, and the id that --previous matches
// households by) are checked against the file: a name it lacks is a usage error naming the option,
// the value, the nearest column and the file's columns; a weight that is not a number is a row
// error; nothing is quietly counted as zero or blank. On the built package.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { editDistance, nearestName } from '../../src/cli/columns.js';
import { normalizeColumnName } from '../../src/columns.js';

const cli = join(import.meta.dirname, '../../dist/cli.js');
const run = (args: string[], input?: string) => spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8' });
const dir = mkdtempSync(join(tmpdir(), 'chuan-ngheo-columns-'));
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
const date = ['--date', '2025-12-01'];
const header = readFileSync('examples/households.csv', 'utf8').split('\n')[0]!.split(',');
type Json = { id: string; rows: Record<string, unknown>[] }[];
const summaryOf = (stdout: string) => (JSON.parse(stdout) as Json).find((t) => t.id === 'households-by-category')!;

describe('the nearest column', () => {
  it('folds case, diacritics, đ, underscores, hyphens and spaces', () => {
    expect(normalizeColumnName('Xã_Phường - Đông')).toBe('xaphuongdong');
    expect(nearestName('xa phuong', ['id', 'xã_phường'])).toBe('xã_phường');
    expect(nearestName('COMMUNE', ['id', 'commune'])).toBe('commune');
  });
  it('else takes the closest within an edit distance of 2 (1 for short names)', () => {
    expect(editDistance('comune', 'commune')).toBe(1);
    expect(nearestName('comune', header)).toBe('commune');
    expect(nearestName('ethnicty', header)).toBe('ethnicity');
    expect(nearestName('etnicty', header)).toBe('ethnicity'); // two edits
    expect(nearestName('ehtnicty', header)).toBeUndefined(); // three
    expect(nearestName('ix', ['id', 'w'])).toBe('id');
    expect(nearestName('wt', ['weight'])).toBeUndefined();
    expect(nearestName('xyz', header)).toBeUndefined();
  });
});

describe('report --by', () => {
  it('a column of another case is a usage error with the nearest column and the columns, before any output', () => {
    const r = run(['report', 'examples/households.csv', ...date, '--by', 'Commune']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`chuan-ngheo: --by "Commune": no such column; did you mean "commune"? Columns: ${header.join(', ')}\n`);
  });
  it('a name without any near column lists the columns', () => {
    const r = run(['report', 'examples/households.csv', ...date, '--by', 'district']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`chuan-ngheo: --by "district": no such column. Columns: ${header.join(', ')}\n`);
  });
  it('a column the classification reads is not a grouping column', () => {
    for (const column of ['size', 'healthInsurance', 'id']) {
      const r = run(['report', 'examples/households.csv', ...date, '--by', column]);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`chuan-ngheo: --by "${column}": a column the classification reads, not one to group by; --by takes area or one of: commune, ethnicity\n`);
    }
  });
  it('area groups by the classified area', () => {
    const r = run(['report', 'examples/households.csv', ...date, '--by', 'area', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(summaryOf(r.stdout).rows.map((row) => row.group)).toEqual(['rural', 'urban', 'Total']);
  });
  it('a CSV file without a header cannot have the column', () => {
    const r = run(['report', write('empty.csv', ''), ...date, '--by', 'commune']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^chuan-ngheo: --by "commune": .*empty\.csv has no header to find the column in\n$/);
  });
  it('is checked against the header as soon as it is read, and the command ends without waiting for rows', async () => {
    // Standard input stays open after the header: the command must stop on its own.
    const child = spawn(process.execPath, [cli, 'report', '-', ...date, '--by', 'Commune'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdin.on('error', () => {}); // the command may close its end first
    child.stdin.write(`${header.join(',')}\n`);
    const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.stdin.destroy();
    expect(status).toBe(2);
    expect(stderr).toMatch(/--by "Commune": no such column; did you mean "commune"\?/);
  });
});

describe('report --by on JSON Lines', () => {
  const record = (id: string, attributes?: Record<string, unknown>) => JSON.stringify({ id, area: 'rural', size: 2, incomeMonthlyTotal: 5_000_000, ...(attributes ? { attributes } : {}) });

  it('checks the attributes of the first record', () => {
    const r = run(['report', 'examples/roster.jsonl', ...date, '--by', 'Commune']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('chuan-ngheo: --by "Commune": no such key in the attributes of the first record; did you mean "commune"? Attributes: commune\n');
    const field = run(['report', 'examples/roster.jsonl', ...date, '--by', 'members']);
    expect(field.status).toBe(2);
    expect(field.stderr).toBe('chuan-ngheo: --by "members": a field the classification reads, not a key of "attributes"; --by takes area or one of: commune\n');
  });
  it('a later record without the key is counted as blank, and the count is on stderr', () => {
    const file = write('groups.jsonl', [record('a', { commune: 'X' }), record('b', {}), record('c'), record('d', { commune: null }), record('e', { commune: 'X' })].join('\n'));
    const r = run(['report', file, ...date, '--by', 'commune', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(summaryOf(r.stdout).rows.map((row) => [row.group, row.households])).toEqual([
      ['(blank)', 3],
      ['X', 2],
      ['Total', 5],
    ]);
    // b and c lack the key; d gives it as null (a blank value, given).
    expect(r.stderr).toBe('chuan-ngheo: --by "commune": 2 record(s) without this key in their attributes, counted in (blank)\n');
  });
  it('a file without any record cannot have the key', () => {
    const r = run(['report', write('none.jsonl', '\n'), ...date, '--by', 'commune']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--by "commune": .*none\.jsonl has no record to find the column in/);
  });
});

describe('report --weight', () => {
  it('a column the file lacks is a usage error, not a report of zeros', () => {
    const r = run(['report', 'examples/households.csv', ...date, '--weight', 'Weight']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`chuan-ngheo: --weight "Weight": no such column. Columns: ${header.join(', ')}\n`);
    const near = run(['report', write('weighted-header.csv', 'id,area,size,incomeMonthlyTotal,trong_so\n'), ...date, '--weight', 'trọng số']);
    expect(near.stderr).toBe('chuan-ngheo: --weight "trọng số": no such column; did you mean "trong_so"? Columns: id, area, size, incomeMonthlyTotal, trong_so\n');
  });
  it('a cell that is not a number ≥ 0 is a row error, counted and named on stderr; the others are weighted exactly', () => {
    const rows = [
      ['A', '1', '2.5'], // near-poor
      ['B', '9000000', ' 0.5 '], // spaces around a number: refused, as for every amount
      ['C', '1', 'x'],
      ['D', '1', ''],
      ['E', '1', '-1'],
      ['F', '1', '"1,5"'], // a decimal comma
      ['G', '1', '0.1'],
    ];
    const file = write('weights.csv', `id,area,size,incomeMonthlyTotal,w,deprived\n${rows.map(([id, income, w]) => `${id},rural,1,${income},${w},`).join('\n')}\n`);
    const r = run(['report', file, ...date, '--weight', 'w', '--format', 'json']);
    expect(r.status).toBe(1);
    // A and G: 2.5 + 0.1 = 2.6 households, all near-poor.
    expect(summaryOf(r.stdout).rows.at(-1)).toMatchObject({ households: 2.6, nearPoor: 2.6, nearPoorRate: 100, nearPoorRateExact: '100', other: 0 });
    expect(r.stderr).toBe(
      'chuan-ngheo: 5 invalid row(s) left out of the figures, all for their --weight "w"; first: record 3: INVALID_FIELD: --weight "w" must be a number ≥ 0 such as 2.5 or 1.5e-7, received " 0.5 "\n',
    );
  });
  it('names the weight errors apart from other invalid rows', () => {
    const file = write('mixed.csv', 'id,area,size,incomeMonthlyTotal,w,deprived\nA,rural,0,1,1,\nB,rural,1,1,no,\nC,rural,1,1,1,\n');
    const r = run(['report', file, ...date, '--weight', 'w']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^chuan-ngheo: 2 invalid row\(s\) left out of the figures, 1 of them for their --weight "w" \(first: record 3: INVALID_FIELD: --weight "w" must be a number ≥ 0 such as 2.5 or 1.5e-7, received "no"\); first: record 2: INVALID_SIZE: /);
  });
  it('in JSON Lines, a record without the weight is a row error, not a zero', () => {
    const file = write('weights.jsonl', '{"id":"a","area":"rural","size":1,"incomeMonthlyTotal":1,"attributes":{"w":2}}\n{"id":"b","area":"rural","size":1,"incomeMonthlyTotal":1,"attributes":{}}\n');
    const r = run(['report', file, ...date, '--weight', 'w', '--format', 'json']);
    expect(r.status).toBe(1);
    expect(summaryOf(r.stdout).rows.at(-1)).toMatchObject({ households: 2, nearPoor: 2 });
    expect(r.stderr).toBe('chuan-ngheo: 1 invalid row(s) left out of the figures, all for their --weight "w"; first: record 2: INVALID_FIELD: --weight "w" must be a number ≥ 0 such as 2.5 or 1.5e-7, received no value\n');
  });
});

describe('report --previous: households are matched by id', () => {
  const without = (text: string, column: number) =>
    text
      .trimEnd()
      .split('\n')
      .map((l) => l.split(',').filter((_, i) => i !== column).join(','))
      .join('\n');
  const earlier = readFileSync('examples/households-2024.csv', 'utf8');

  it('an earlier survey without an id column is a usage error', () => {
    const r = run(['report', 'examples/households.csv', ...date, '--previous', write('noid-2024.csv', without(earlier, 0)), '--previous-date', '2024-12-01']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^chuan-ngheo: --previous matches households by id: .*noid-2024\.csv has no id column\. Columns: commune, ethnicity, /);
  });
  it('suggests an id column of another case', () => {
    const r = run(['report', 'examples/households.csv', ...date, '--previous', write('ID-2024.csv', earlier.replace(/^id,/, 'ID,')), '--previous-date', '2024-12-01']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/INVALID_HEADER at ID: column "ID" \(did you mean "id"\?\)/);
  });
  it('a classified file without an id column is a usage error', () => {
    const classified = run(['classify', 'examples/households-2024.csv', '--date', '2024-12-01']).stdout;
    const r = run(['report', 'examples/households.csv', ...date, '--previous', write('classified-noid.csv', without(classified, 0))]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^chuan-ngheo: --previous matches households by id: .*classified-noid\.csv has no id column\. Columns: category, deprivationCount, /);
  });
  it('the current file needs an id column too', () => {
    const r = run(['report', write('noid-2025.csv', without(readFileSync('examples/households.csv', 'utf8'), 0)), ...date, '--previous', 'examples/households-2024.csv', '--previous-date', '2024-12-01']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^chuan-ngheo: --previous matches households by id: .*noid-2025\.csv has no id column/);
  });
  it('rows of a classified file without an id or a category are left out of the movement, and counted on stderr', () => {
    const lines = run(['classify', 'examples/households-2024.csv', '--date', '2024-12-01', '--format', 'jsonl']).stdout.trimEnd().split('\n');
    lines[2] = lines[2]!.replace(/"id":"HH003",/, '');
    lines[3] = '{"id":"HH004","error":{"code":"INVALID_SIZE","path":["size"],"message":"size"}}';
    const r = run(['report', 'examples/households.csv', ...date, '--previous', write('classified.jsonl', lines.join('\n'))]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^chuan-ngheo: 1 row\(s\) of --previous .*classified\.jsonl without a category \(errors of its classification\) left out of the movement\nchuan-ngheo: 1 household\(s\) of --previous .*classified\.jsonl without an id left out of the movement\n$/);
  });
  it('households of the current file without an id are counted on stderr', () => {
    const file = write('some-ids.csv', readFileSync('examples/households.csv', 'utf8').replace('\nHH001,', '\n,'));
    const r = run(['report', file, ...date, '--previous', 'examples/households-2024.csv', '--previous-date', '2024-12-01']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^chuan-ngheo: 1 household\(s\) of .*some-ids\.csv without an id left out of the movement\n$/);
  });
});
