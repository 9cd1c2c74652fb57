// `chuan-ngheo validate` in process: reports per record, in text and JSON Lines, from JSON Lines, a
// JSON array and standard input; the counts on stderr; and the usage errors.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCommand, validateUsage } from '../../src/cli/validate-command.js';
import { UsageError } from '../../src/cli/args.js';
import { createSurveyValidator } from '../../src/survey/index.js';
import { jsonLines, runCommand } from './run-command.js';

const dir = mkdtempSync(join(tmpdir(), 'chuan-ngheo-validate-'));
const date = '2025-12-01';
const roster = readFileSync('examples/roster.jsonl', 'utf8');
const rosterRecords = roster.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
const broken = 'test/fixtures/roster-broken.jsonl';

describe('validate (in process)', () => {
  it('the example roster is valid: nothing on stdout, the counts on stderr, exit 0', async () => {
    const r = await runCommand(validateCommand, ['examples/roster.jsonl', '--date', date]);
    expect(r).toEqual({ status: 0, stdout: '', stderr: `chuan-ngheo: ${rosterRecords.length} record(s) under nd07-2021 on ${date}: ${rosterRecords.length} valid, 0 invalid\n` });
  });

  it('lists each problem with its record, id, code and path, and exits 1', async () => {
    const r = await runCommand(validateCommand, [broken, '--date', date]);
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('record 2 (BAD1): BORN_AFTER_REVIEW at members[0].dateOfBirth: member 1 was born on 2026-01-01, after the review date 2025-12-01');
    expect(lines[1]).toMatch(/^record 3 \(BAD2\): CATEGORY_MISMATCH at recordedCategory: recorded poor, computes average because /);
    expect(lines[2]).toBe('record 4 (BAD3): NO_MEMBERS at members: the household has no members');
    expect(lines[3]).toMatch(/^record 5: INVALID_ROW at \(root\): line 5 is not valid JSON/);
    expect(r.stderr).toBe(`chuan-ngheo: 5 record(s) under nd07-2021 on ${date}: 1 valid, 4 invalid\n`);
  });

  it('--format jsonl: one report per record, the same as the library\'s validator gives', async () => {
    const r = await runCommand(validateCommand, [broken, '--date', date, '--format', 'jsonl', '--quiet']);
    expect(r.status).toBe(1);
    const reports = jsonLines(r.stdout);
    expect(reports.map((x) => x.valid)).toEqual([true, false, false, false, false]);
    const validator = createSurveyValidator({ date });
    const lines = readFileSync(broken, 'utf8').trimEnd().split('\n');
    // The four records that parse: the command's report is the validator's.
    for (let i = 0; i < 4; i++) expect(reports[i]).toEqual(JSON.parse(JSON.stringify({ ...validator.check(JSON.parse(lines[i]!)), index: i })));
    expect(reports[4]).toMatchObject({ index: 4, valid: false, issues: [{ code: 'INVALID_ROW', path: [] }] });
  });

  it('a JSON array of records gives what JSON Lines gives, record for record', async () => {
    const file = join(dir, 'roster.json');
    const records = [...rosterRecords.slice(0, 3), { ...rosterRecords[3], members: [] }];
    writeFileSync(file, `\uFEFF${JSON.stringify(records)}`);
    const asLines = join(dir, 'roster-4.jsonl');
    writeFileSync(asLines, records.map((x) => JSON.stringify(x)).join('\n'));
    const array = await runCommand(validateCommand, [file, '--date', date, '--format', 'jsonl']);
    const lines = await runCommand(validateCommand, [asLines, '--date', date, '--format', 'jsonl']);
    expect(array.status).toBe(1);
    expect(array.stdout).toBe(lines.stdout);
    expect(jsonLines(array.stdout).map((x) => x.valid)).toEqual([true, true, true, false]);
    expect(array.stderr).toBe(`chuan-ngheo: 4 record(s) under nd07-2021 on ${date}: 3 valid, 1 invalid\n`);
  });

  it('a .json file that is not JSON, or not an array, is one INVALID_ROW record', async () => {
    const notJson = join(dir, 'broken.json');
    writeFileSync(notJson, '[{"id": 1},');
    const r = await runCommand(validateCommand, [notJson, '--date', date]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^record 1: INVALID_ROW at \(root\): the file is not valid JSON: /);
    const object = join(dir, 'object.json');
    writeFileSync(object, '{"id": 1}');
    const o = await runCommand(validateCommand, [object, '--date', date, '--input', 'json']);
    expect(o.status).toBe(1);
    expect(o.stdout).toMatch(/^record 1: INVALID_ROW at \(root\): the file: expected a JSON array of records, received an object/);
    expect(o.stderr).toMatch(/1 record\(s\) .*: 0 valid, 1 invalid/);
  });

  it('reads standard input as JSON Lines', async () => {
    const r = await runCommand(validateCommand, ['-', '--input', 'jsonl', '--date', date], { stdin: roster.split('\n').slice(0, 2).join('\n') });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe(`chuan-ngheo: 2 record(s) under nd07-2021 on ${date}: 2 valid, 0 invalid\n`);
  });

  it('--max-depth makes a deeper record a NESTING_TOO_DEEP report, and reading goes on', async () => {
    const r = await runCommand(validateCommand, [broken, '--date', date, '--max-depth', '2']);
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    // Records 1 to 3 are too deep; record 4 (members: []) is not, and keeps its number in the file.
    expect(lines).toEqual([
      ...[1, 2, 3].map((n) => `record ${n}: NESTING_TOO_DEEP at (root): line ${n} nests arrays or objects more than 2 levels deep`),
      'record 4 (BAD3): NO_MEMBERS at members: the household has no members',
      expect.stringMatching(/^record 5: INVALID_ROW at \(root\): line 5 is not valid JSON/),
    ]);
    expect(r.stderr).toMatch(/5 record\(s\) .*: 0 valid, 5 invalid/);
  });

  it('shows a progress bar naming the job when stderr is a terminal, and none with --quiet', async () => {
    const shown = await runCommand(validateCommand, ['examples/roster.jsonl', '--date', date], { stderrIsTerminal: true });
    expect(shown.status).toBe(0);
    expect(shown.stderr).toMatch(/validating .*100% \| 36 rows/);
    expect(shown.stderr).toMatch(/36 record\(s\) under nd07-2021 on 2025-12-01: 36 valid, 0 invalid\n$/);
    const quiet = await runCommand(validateCommand, ['examples/roster.jsonl', '--date', date, '--quiet'], { stderrIsTerminal: true });
    expect(quiet.stderr).not.toMatch(/validating/);
  });

  it.each([
    [[], /^chuan-ngheo: validate takes exactly one FILE; received 0\n$/],
    [['a.jsonl', 'b.jsonl'], /^chuan-ngheo: validate takes exactly one FILE; received 2\n$/],
    [['examples/roster.jsonl', '--format', 'csv'], /^chuan-ngheo: --format must be one of text, jsonl; received "csv"\n$/],
    [['examples/households.xlsx'], /^chuan-ngheo: validate reads survey records .* use 'chuan-ngheo classify' or 'chuan-ngheo report'\n$/],
    [['examples/roster.jsonl', '--input', 'xlsx'], /^chuan-ngheo: validate reads survey records /],
    [['examples/households.csv'], /^chuan-ngheo: examples\/households\.csv holds CSV; this command reads a JSON array or JSON Lines\n$/],
    [['examples/roster.jsonl', '--max-depth', '0'], /^chuan-ngheo: --max-depth must be a whole number from 1 to 10000, written in digits; received "0"\n$/],
    [['examples/roster.jsonl', '--input', 'json', '--max-record-bytes', '4096'], /^chuan-ngheo: --max-record-bytes limits each JSON line of JSON Lines; a JSON array \(--input json\) is read whole\n$/],
    [['examples/roster.jsonl', '--standard', 'nd07-2021', '--standard-file', 'x.json'], /^chuan-ngheo: give --standard ID or --standard-file FILE, not both\n$/],
  ])('%j: a usage error, exit 2, nothing on stdout', async (argv, message) => {
    const r = await runCommand(validateCommand, argv);
    expect(r.status).toBe(2);
    expect(r.error).toBeInstanceOf(UsageError);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('a file that cannot be opened: exit 2, one line naming it', async () => {
    const r = await runCommand(validateCommand, [join(dir, 'missing.jsonl')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^chuan-ngheo: cannot open .*missing\.jsonl: no such file/);
  });

  it('--help prints the usage', async () => {
    expect(await runCommand(validateCommand, ['--help'])).toEqual({ status: 0, stdout: `${validateUsage}\n`, stderr: '' });
  });
});
