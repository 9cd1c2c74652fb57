// `chuan-ngheo report` in process: the tables against a recount of the classification, an earlier
// review in every form it is given, a plan, charts, weights and units, the notes on stderr, and
// the usage errors. The same command runs end to end, on the built package, in cli.test.ts,
// report-figures.test.ts and the tests beside them.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportCommand, reportUsage } from '../../src/cli/report-command.js';
import { classifyCommand } from '../../src/cli/classify-command.js';
import { UsageError } from '../../src/cli/args.js';
import { OutputFileError } from '../../src/node/atomic-output.js';
import { getStandard, safeClassify } from '../../src/index.js';
import { jsonLines, runCommand } from './run-command.js';
import { recountExample } from './example-recount.js';

const dir = mkdtempSync(join(tmpdir(), 'chuan-ngheo-report-'));
const date = '2025-12-01';
const write = (name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};
type Row = Record<string, unknown>;
type JsonTable = { id: string; title: string; rows: Row[]; note?: string };
const tablesOf = (stdout: string) => JSON.parse(stdout) as JsonTable[];
const tableOf = (stdout: string, id: string) => tablesOf(stdout).find((t) => t.id === id)!;

const now = recountExample('examples/households.csv', date);
const before = recountExample('examples/households-2024.csv', '2024-12-01');
const count = (rows: readonly { row: Row }[], category: string) => rows.filter((r) => r.row.category === category).length;

describe('report (in process)', () => {
  it('households by category, overall and by commune, as the recount of the classification gives them', async () => {
    const r = await runCommand(reportCommand, ['examples/households.csv', '--date', date, '--by', 'commune', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const summary = tableOf(r.stdout, 'households-by-category');
    const communes = [...new Set(now.map((h) => h.commune))].sort();
    expect(summary.rows.map((row) => row.group)).toEqual([...communes, 'Total']);
    for (const row of summary.rows) {
      const members = row.group === 'Total' ? now : now.filter((h) => h.commune === row.group);
      expect(row).toMatchObject({
        households: members.length,
        poor: count(members, 'poor'),
        nearPoor: count(members, 'near-poor'),
        average: count(members, 'average'),
        other: count(members, 'none'),
        persons: members.reduce((sum, h) => sum + h.size, 0),
      });
      expect(row.poorRate).toBeCloseTo((100 * count(members, 'poor')) / members.length, 2);
    }
    expect(summary.note).toBe('Standard nd07-2021, review date 2025-12-01. Rates (%) rounded half to even to 2 decimal place(s).');
  });

  it('the deprivation profile counts, for each indicator, the households deprived in it, among all, poor and near-poor', async () => {
    const r = await runCommand(reportCommand, ['examples/households.csv', '--date', date, '--format', 'json']);
    const profile = tableOf(r.stdout, 'deprivation-profile');
    const standard = getStandard('nd07-2021');
    expect(profile.rows).toHaveLength(standard.indicators.length);
    standard.indicators.forEach((indicator, i) => {
      const deprived = now.filter((h) => h.deprived.includes(indicator.id));
      expect(profile.rows[i]).toMatchObject({ deprivedAll: deprived.length, deprivedPoor: count(deprived, 'poor'), deprivedNearPoor: count(deprived, 'near-poor') });
    });
  });

  it('--unit persons counts the members; --by area groups by the classified area', async () => {
    const r = await runCommand(reportCommand, ['examples/households.csv', '--date', date, '--unit', 'persons', '--by', 'area', '--format', 'json']);
    expect(r.status).toBe(0);
    const summary = tableOf(r.stdout, 'persons-by-category');
    const persons = (rows: typeof now, category: string) => rows.filter((h) => h.row.category === category).reduce((sum, h) => sum + h.size, 0);
    expect(summary.rows.at(-1)).toMatchObject({ group: 'Total', persons: now.reduce((s, h) => s + h.size, 0), poor: persons(now, 'poor'), households: now.length });
    expect(summary.rows.map((row) => row.group)).toEqual(['rural', 'urban', 'Total']);
  });

  it('--lang vi speaks Vietnamese in every format; table, csv and md hold the same counts', async () => {
    const table = await runCommand(reportCommand, ['examples/households.csv', '--date', date, '--lang', 'vi']);
    expect(table.stdout).toMatch(/^Kết quả phân loại hộ\n/);
    expect(table.stdout).toContain('Hộ cận nghèo');
    const total = `Tổng`;
    const poor = String(count(now, 'poor'));
    const csv = await runCommand(reportCommand, ['examples/households.csv', '--date', date, '--lang', 'vi', '--format', 'csv']);
    expect(csv.stdout.split('\n').find((l) => l.startsWith(`${total},`))!.split(',').slice(0, 3)).toEqual([total, String(now.length), poor]);
    const md = await runCommand(reportCommand, ['examples/households.csv', '--date', date, '--lang', 'vi', '--format', 'md']);
    expect(md.stdout).toContain(`| ${total} | ${now.length} | ${poor} |`);
  });

  it('a survey of rosters adds the children table; its categories are the library\'s', async () => {
    const r = await runCommand(reportCommand, ['examples/roster.jsonl', '--date', date, '--format', 'json', '--by', 'commune']);
    expect(r.status).toBe(0);
    const records = readFileSync('examples/roster.jsonl', 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as unknown);
    const categories = records.map((x) => {
      const c = safeClassify(x, { date });
      return c.success ? c.data.category : 'error';
    });
    const total = tableOf(r.stdout, 'households-by-category').rows.at(-1)!;
    expect(total).toMatchObject({ households: records.length, poor: categories.filter((c) => c === 'poor').length, nearPoor: categories.filter((c) => c === 'near-poor').length });
    const children = tableOf(r.stdout, 'children');
    expect(children.rows.map((row) => row.list)).toEqual(['Poor', 'Near-poor']);
    expect(children.title).toMatch(/^Children (under \d+ )?of poor and near-poor households, deprived$/);
  });

  it('--previous as an earlier survey with its date: the movement between the two recounts, and the plan measured over the years between', async () => {
    const r = await runCommand(reportCommand, ['examples/households.csv', '--date', date, '--previous', 'examples/households-2024.csv', '--previous-date', '2024-12-01', '--targets', 'examples/targets-bac-ninh.json', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const movement = tableOf(r.stdout, 'movement');
    const [poor, nearPoor] = movement.rows as [Row, Row];
    expect(poor).toMatchObject({ beginning: count(before, 'poor'), end: count(now, 'poor') });
    expect(nearPoor).toMatchObject({ beginning: count(before, 'near-poor'), end: count(now, 'near-poor') });
    const poorBefore = new Set(before.filter((h) => h.row.category === 'poor').map((h) => h.id));
    const stillPoor = now.filter((h) => poorBefore.has(h.id) && h.row.category === 'poor').length;
    expect(poor.escaped).toBe(poorBefore.size - stillPoor);
    const targets = tableOf(r.stdout, 'targets');
    expect(targets.rows[0]).toMatchObject({ target: 'poverty rate change over 1 year(s)', measured: poor.rateChange });
  });

  it('--previous as a classified file, in CSV, JSON Lines or a workbook: the same movement as from the survey', async () => {
    const fromSurvey = await runCommand(reportCommand, ['examples/households.csv', '--date', date, '--previous', 'examples/households-2024.csv', '--previous-date', '2024-12-01', '--format', 'json']);
    const wanted = tableOf(fromSurvey.stdout, 'movement').rows;
    for (const ext of ['csv', 'jsonl', 'xlsx']) {
      const classified = join(dir, `classified-2024.${ext}`);
      const c = await runCommand(classifyCommand, ['examples/households-2024.csv', '--date', '2024-12-01', '--out', classified]);
      expect(c.status).toBe(0);
      const r = await runCommand(reportCommand, ['examples/households.csv', '--date', date, '--previous', classified, '--format', 'json']);
      expect(r.status).toBe(0);
      expect(tableOf(r.stdout, 'movement').rows).toEqual(wanted);
    }
  });

  it('rows of a classified file without an id or a category, and households of the file without an id, are counted on stderr', async () => {
    const c = await runCommand(classifyCommand, ['examples/households-2024.csv', '--date', '2024-12-01', '--format', 'jsonl']);
    const lines = c.stdout.trimEnd().split('\n');
    lines[2] = lines[2]!.replace(/"id":"HH003",/, '');
    lines[3] = '{"id":"HH004","error":{"code":"INVALID_SIZE","path":["size"],"message":"size"}}';
    const previous = write('classified-gaps.jsonl', lines.join('\n'));
    const current = write('some-ids.csv', readFileSync('examples/households.csv', 'utf8').replace('\nHH001,', '\n,'));
    const r = await runCommand(reportCommand, [current, '--date', date, '--previous', previous]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(
      `chuan-ngheo: 1 row(s) of --previous ${previous} without a category (errors of its classification) left out of the movement\n` +
        `chuan-ngheo: 1 household(s) of --previous ${previous} without an id left out of the movement\n` +
        `chuan-ngheo: 1 household(s) of ${current} without an id left out of the movement\n`,
    );
  });

  it('an earlier survey with invalid rows and rows without an id: counted on stderr; --years spreads the plan', async () => {
    const earlier = readFileSync('examples/households-2024.csv', 'utf8').replace('\nHH001,', '\n,').replace(/\nHH002,([^,]*),([^,]*),([^,]*),3,/, '\nHH002,$1,$2,$3,0,');
    const previous = write('earlier-gaps.csv', earlier);
    const r = await runCommand(reportCommand, ['examples/households.csv', '--date', date, '--previous', previous, '--previous-date', '2024-12-01', '--previous-standard', 'nd07-2021', '--targets', 'examples/targets-bac-ninh.json', '--years', '2', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^chuan-ngheo: 1 invalid row\(s\) in --previous left out; first: record 3: INVALID_SIZE: .*\nchuan-ngheo: 1 household\(s\) of --previous .*earlier-gaps\.csv without an id left out of the movement\n$/);
    expect(tableOf(r.stdout, 'targets').rows[0]).toMatchObject({ target: 'poverty rate change over 2 year(s)' });
  });

  it('--charts writes the two charts, each a bar per figure, and --out the report', async () => {
    const charts = join(dir, 'charts');
    const out = join(dir, 'report.md');
    const r = await runCommand(reportCommand, ['examples/households.csv', '--date', date, '--by', 'commune', '--charts', charts, '--out', out, '--format', 'md']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toMatch(/^### Households by category\n\n\| Group \|/);
    const profile = readFileSync(join(charts, 'deprivation-profile.svg'), 'utf8');
    const rates = readFileSync(join(charts, 'rates-by-group.svg'), 'utf8');
    expect(profile).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    // Three series (all, poor, near-poor) for each of the standard's indicators.
    expect(profile.match(/<title>/g)).toHaveLength(3 * getStandard('nd07-2021').indicators.length);
    const communes = new Set(now.map((h) => h.commune));
    expect(rates.match(/<title>/g)).toHaveLength(2 * (communes.size + 1));
    const poorRate = (100 * count(now, 'poor')) / now.length;
    expect(rates).toContain(`<title>Total — Poor: ${poorRate}%</title>`);
  });

  it('--out FILE.xlsx writes a workbook; --format xlsx without --out is a usage error', async () => {
    const out = join(dir, 'report.xlsx');
    const r = await runCommand(reportCommand, ['examples/households.csv', '--date', date, '--out', out]);
    expect(r.status).toBe(0);
    expect(readFileSync(out).subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
    const refused = await runCommand(reportCommand, ['examples/households.csv', '--date', date, '--format', 'xlsx']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe('chuan-ngheo: --format xlsx writes a workbook, which is not text: give --out FILE.xlsx\n');
  });

  it('--weight weights households; a bad weight leaves its row out (exit 1), named apart from other invalid rows', async () => {
    const file = write('weights.csv', 'id,area,size,incomeMonthlyTotal,w,deprived\nA,rural,0,1,1,\nB,rural,1,1,no,\nC,rural,1,1,2.5,\nD,rural,1,1,,\n');
    const r = await runCommand(reportCommand, [file, '--date', date, '--weight', 'w', '--format', 'json']);
    expect(r.status).toBe(1);
    expect(tableOf(r.stdout, 'households-by-category').rows.at(-1)).toMatchObject({ households: 2.5, nearPoor: 2.5 });
    expect(r.stderr).toBe(
      'chuan-ngheo: 3 invalid row(s) left out of the figures, 2 of them for their --weight "w" (first: record 3: INVALID_FIELD: --weight "w" must be a number ≥ 0 such as 2.5 or 1.5e-7, received "no"); first: record 2: INVALID_SIZE: size: expected a whole number of members ≥ 1, received the number 0\n',
    );
    const jsonl = write('weights.jsonl', '{"id":"a","area":"rural","size":1,"incomeMonthlyTotal":1,"attributes":{"w":2}}\n{"id":"b","area":"rural","size":1,"incomeMonthlyTotal":1,"attributes":{}}\n');
    const j = await runCommand(reportCommand, [jsonl, '--date', date, '--weight', 'w']);
    expect(j.stderr).toBe('chuan-ngheo: 1 invalid row(s) left out of the figures, all for their --weight "w"; first: record 2: INVALID_FIELD: --weight "w" must be a number ≥ 0 such as 2.5 or 1.5e-7, received no value\n');
  });

  it('JSON Lines records without the --by key are counted in (blank), and the count is on stderr', async () => {
    const record = (id: string, attributes?: Record<string, unknown>) => JSON.stringify({ id, area: 'rural', size: 2, incomeMonthlyTotal: 5_000_000, ...(attributes ? { attributes } : {}) });
    const file = write('groups.jsonl', [record('a', { commune: 'X' }), record('b', {}), record('c'), record('d', { commune: null })].join('\n'));
    const r = await runCommand(reportCommand, [file, '--date', date, '--by', 'commune', '--format', 'json']);
    expect(r.status).toBe(0);
    expect(tableOf(r.stdout, 'households-by-category').rows.map((row) => [row.group, row.households])).toEqual([['(blank)', 3], ['X', 1], ['Total', 4]]);
    expect(r.stderr).toBe('chuan-ngheo: --by "commune": 2 record(s) without this key in their attributes, counted in (blank)\n');
  });

  it('a file without columns for some indicators: said once; a row whose category depends on them is invalid', async () => {
    const file = write('partial.csv', 'id,area,size,incomeMonthlyPerCapita,nutrition\nA,rural,2,1000000,1\nB,urban,1,9000000,0\n');
    const r = await runCommand(reportCommand, [file, '--date', date, '--format', 'json']);
    expect(r.status).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^chuan-ngheo: no column for employment, .* \(indicators of nd07-2021\): undetermined in every row; /);
    expect(lines[1]).toMatch(/^chuan-ngheo: 1 invalid row\(s\) left out of the figures; first: record 2: UNDETERMINED_INDICATOR: /);
    expect(tableOf(r.stdout, 'households-by-category').rows.at(-1)).toMatchObject({ households: 1, other: 1 });
  });

  it('shows a progress bar naming the job when stderr is a terminal', async () => {
    const r = await runCommand(reportCommand, ['examples/households.csv', '--date', date], { stderrIsTerminal: true });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/reporting .*100% \| 40 rows/);
  });

  it.each([
    [[], /^chuan-ngheo: report takes exactly one FILE; received 0\n$/],
    [['examples/households.csv', '--lang', 'fr'], /^chuan-ngheo: --lang must be one of vi, en; received "fr"\n$/],
    [['examples/households.csv', '--unit', 'people'], /^chuan-ngheo: --unit must be one of households, persons; received "people"\n$/],
    [['examples/households.csv', '--input', 'xml'], /^chuan-ngheo: --input must be one of csv, jsonl, json, xlsx; received "xml"\n$/],
    [['examples/households.csv', '--previous-date', '2024-12-01'], /^chuan-ngheo: --previous-date "2024-12-01" is given without --previous\n$/],
    [['examples/households.csv', '--previous', 'examples/households-2024.csv', '--previous-standard', 'nd07-2021'], /^chuan-ngheo: --previous-standard "nd07-2021" is given without --previous-date /],
    [['examples/households.csv', '--years', '2'], /^chuan-ngheo: --years "2" is given without --targets /],
    [['examples/households.csv', '--targets', 'examples/targets-bac-ninh.json', '--years=-1'], /^chuan-ngheo: --years must be a positive number; received "-1"\n$/],
    [['examples/households.csv', '--targets', 'missing-plan.json'], /^chuan-ngheo: --targets missing-plan\.json: cannot open missing-plan\.json: no such file/],
    [['examples/households.csv', '--targets', 'examples/households.csv'], /^chuan-ngheo: --targets examples\/households\.csv: /],
    [['examples/households.csv', '--out', 'examples/households.csv'], /^chuan-ngheo: --out examples\/households\.csv is the same file as FILE /],
    [['examples/households.csv', '--charts', 'examples', '--previous', 'examples/rates-by-group.svg', '--previous-date', '2024-12-01'], /^chuan-ngheo: --charts examples\/rates-by-group\.svg is the same file as --previous /],
    [['examples/households.csv', '--by', 'Commune'], /^chuan-ngheo: --by "Commune": no such column; did you mean "commune"\? Columns: id, commune, /],
    [['examples/households.csv', '--by', 'size'], /^chuan-ngheo: --by "size": a column the classification reads, not one to group by; /],
    [['examples/households.csv', '--date', date, '--previous', 'examples/households-2024.csv'], /^chuan-ngheo: --previous examples\/households-2024\.csv is not a classified file \(id and category columns\): give --previous-date to classify it\n$/],
    [['examples/households.csv', '--max-depth', '8'], /^chuan-ngheo: --max-depth limits the nesting of JSON records; this input is read as csv, whose cells have none\n$/],
    [['examples/households.csv', '--previous', 'missing-previous.csv'], /^chuan-ngheo: --previous missing-previous\.csv: .*no such file/],
  ])('%j: a usage error, exit 2, nothing on stdout', async (argv, message) => {
    const r = await runCommand(reportCommand, argv);
    expect(r.status).toBe(2);
    expect(r.error).toBeInstanceOf(UsageError);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('--charts under a regular file is an output error, and no report is printed', async () => {
    const file = write('plain', 'x');
    const r = await runCommand(reportCommand, ['examples/households.csv', '--date', date, '--charts', join(file, 'charts')]);
    expect(r.status).toBe(2);
    expect(r.error).toBeInstanceOf(OutputFileError);
    expect(r.stderr).toMatch(/^chuan-ngheo: cannot write .*plain\/charts: /);
    const existing = await runCommand(reportCommand, ['examples/households.csv', '--date', date, '--charts', file]);
    expect(existing.stderr).toMatch(/^chuan-ngheo: cannot write .*plain: .*not a directory/);
  });

  it('a failing run leaves no chart behind', async () => {
    const charts = join(dir, 'charts-failed');
    const r = await runCommand(reportCommand, ['examples/households.csv', '--date', '2015-01-01', '--charts', charts]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^chuan-ngheo: NO_STANDARD_IN_FORCE at /);
    expect(existsSync(join(charts, 'deprivation-profile.svg'))).toBe(false);
    expect(existsSync(join(charts, 'rates-by-group.svg'))).toBe(false);
  });

  it('--help prints the usage', async () => {
    expect(await runCommand(reportCommand, ['--help'])).toEqual({ status: 0, stdout: `${reportUsage}\n`, stderr: '' });
  });
});

describe('report on classified rows read back', () => {
  it('the JSON Lines that classify writes are read as a classified file', async () => {
    const c = await runCommand(classifyCommand, ['examples/households-2024.csv', '--date', '2024-12-01', '--format', 'jsonl']);
    expect(jsonLines(c.stdout).map((row) => row.category)).toEqual(before.map((h) => h.row.category));
  });
});
