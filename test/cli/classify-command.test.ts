// `chuan-ngheo classify` in process: every input format and output, the counts on stderr against a
// recount, the notes on the header, and the usage errors. The same command runs end to end, on the
// built package, in cli.test.ts and the tests beside it.
import { mkdtempSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { classifyCommand, classifyUsage, maxThreads, threadsFor } from '../../src/cli/classify-command.js';
import { InputFileError, UsageError } from '../../src/cli/args.js';
import { OutputFileError } from '../../src/node/atomic-output.js';
import { parallelFromBytes } from '../../src/node/chunk-pool.js';
import { readSheetRows } from '../../src/node/xlsx-reader.js';
import { createReadStream } from 'node:fs';
import { nd07Ids } from '../helpers.js';
import { jsonLines, runCommand } from './run-command.js';
import { recountExample } from './example-recount.js';

const dir = mkdtempSync(join(tmpdir(), 'chuan-ngheo-classify-'));
const date = '2025-12-01';
const csvColumns = 'id,category,deprivationCount,newlyEscaped,standard,errorCode,errorMessage';

/** The example survey's rows as the library classifies them one by one, in the JSON Lines form. */
const expectedRows = (file: string) => recountExample(file, date).map((r) => r.row);

/** The CSV output read back into the JSON Lines form. */
function fromCsv(text: string): Record<string, unknown>[] {
  const [header, ...rows] = Papa.parse<string[]>(text.trimEnd(), { newline: '\n' }).data;
  expect(header!.join(',')).toBe(csvColumns);
  return rows.map(([id, category, count, escaped, standard, code]) =>
    code ? { id, error: { code } } : { id, category, deprivationCount: Number(count), newlyEscaped: escaped === 'true', standard },
  );
}

/** The summary line a run must end with, counted from its rows. */
function summaryLine(rows: Record<string, unknown>[], standard = 'nd07-2021', on = date): string {
  const n = (c: string) => rows.filter((r) => r.category === c).length;
  const escaped = rows.filter((r) => r.newlyEscaped === true).length;
  const invalid = rows.filter((r) => 'error' in r).length;
  return `chuan-ngheo: ${rows.length} row(s) under ${standard} on ${on}: poor ${n('poor')}, near-poor ${n('near-poor')}, average ${n('average')}, none ${n('none')}, newly escaped ${escaped}; invalid ${invalid}\n`;
}

describe('classify (in process)', () => {
  const expected = expectedRows('examples/households.csv');

  it('classifies the example survey as CSV on standard output, each row as the library classifies it; the counts agree', async () => {
    const r = await runCommand(classifyCommand, ['examples/households.csv', '--date', date]);
    expect(r.status).toBe(0);
    const rows = fromCsv(r.stdout);
    expect(rows).toEqual(expected);
    expect(rows).toHaveLength(40);
    expect(r.stderr).toBe(summaryLine(rows));
  });

  it('--format jsonl writes the same rows as JSON Lines', async () => {
    const r = await runCommand(classifyCommand, ['examples/households.csv', '--date', date, '--format', 'jsonl']);
    expect(r.status).toBe(0);
    expect(jsonLines(r.stdout)).toEqual(expected);
  });

  it('writes to --out, and exits 1 when a row is invalid (the row written with its error)', async () => {
    const input = join(dir, 'one-bad.jsonl');
    writeFileSync(input, '{"id":"a","area":"rural","size":1,"incomeMonthlyPerCapita":2200000,"deprived":["wasteTreatment","employment","nutrition"]}\n{"id":"b","area":"rural","size":0}\n');
    const out = join(dir, 'one-bad.out.jsonl');
    const r = await runCommand(classifyCommand, [input, '--out', out, '--standard', 'nd351-2025', '--date', '2027-06-01']);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const rows = jsonLines(readFileSync(out, 'utf8'));
    expect(rows).toEqual([
      { id: 'a', category: 'poor', deprivationCount: 3, newlyEscaped: false, standard: 'nd351-2025' },
      { id: 'b', error: { code: 'INVALID_SIZE', path: ['size'], message: 'size: expected a whole number of members ≥ 1, received the number 0' } },
    ]);
    expect(r.stderr).toBe(summaryLine(rows, 'nd351-2025', '2027-06-01'));
  });

  it('reads standard input (JSON Lines for `-` by its content)', async () => {
    const r = await runCommand(classifyCommand, ['-', '--input', 'jsonl', '--date', date], { stdin: '{"area":"urban","size":2,"incomeMonthlyTotal":4000000}\n' });
    expect(r.status).toBe(0);
    expect(jsonLines(r.stdout)).toEqual([{ category: 'near-poor', deprivationCount: 0, newlyEscaped: false, standard: 'nd07-2021' }]);
  });

  it('a JSON array: one row per element, in order, errors included', async () => {
    const file = join(dir, 'array.json');
    writeFileSync(file, JSON.stringify([{ id: 'a', area: 'urban', size: 2, incomeMonthlyTotal: 4_000_000 }, { id: 'b', area: 'rural', size: 1, incomeMonthlyTotal: 9_000_000 }, { id: 'c', area: 'moon', size: 1 }]));
    const r = await runCommand(classifyCommand, [file, '--date', date]);
    expect(r.status).toBe(1);
    const rows = jsonLines(r.stdout);
    expect(rows.map((x) => [x.id, x.category ?? (x.error as { code: string }).code])).toEqual([['a', 'near-poor'], ['b', 'none'], ['c', 'INVALID_AREA']]);
    expect(r.stderr).toBe(summaryLine(rows));
    const csv = await runCommand(classifyCommand, [file, '--date', date, '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toBe(csvColumns);
    expect(fromCsv(csv.stdout).map((x) => x.category ?? (x.error as { code: string }).code)).toEqual(['near-poor', 'none', 'INVALID_AREA']);
  });

  it('the example workbook gives the rows of the example CSV', async () => {
    const r = await runCommand(classifyCommand, ['examples/households.xlsx', '--date', date]);
    expect(r.status).toBe(0);
    expect(fromCsv(r.stdout)).toEqual(expected);
    expect(r.stderr).toBe(summaryLine(expected));
  });

  it('--out FILE.xlsx writes a workbook holding the rows of the CSV output', async () => {
    const out = join(dir, 'classified.xlsx');
    const r = await runCommand(classifyCommand, ['examples/households.csv', '--date', date, '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    let header: readonly string[] = [];
    const rows: { fields: readonly string[] }[] = [];
    for await (const batch of readSheetRows(createReadStream(out))) {
      expect(batch.sheet).toBe('Households');
      header = batch.header;
      for (const row of batch.rows) if ('fields' in row) rows.push(row);
    }
    expect(header.join(',')).toBe(csvColumns);
    expect(rows.map(({ fields: [id, category, count, escaped, standard] }) => ({ id, category, deprivationCount: Number(count), newlyEscaped: escaped === 'true', standard }))).toEqual(expected);
  });

  it('a Vietnamese header: the columns read are named on stderr, the rows classified', async () => {
    const r = await runCommand(classifyCommand, ['examples/households-vi.csv', '--date', date]);
    expect(r.status).toBe(0);
    const [renamed, summary] = r.stderr.trimEnd().split('\n');
    expect(renamed).toMatch(/^chuan-ngheo: columns read as "Mã hộ" → id, "Khu vực" → area, "Số nhân khẩu" → size, /);
    const rows = fromCsv(r.stdout);
    expect(`${summary}\n`).toBe(summaryLine(rows));
    expect(rows[0]).toEqual({ id: 'HH001', category: 'poor', deprivationCount: 3, newlyEscaped: false, standard: 'nd07-2021' });
  });

  it('a header without an id and with indicators missing: both said on stderr; the rows numbered; an undetermined row an error', async () => {
    const file = join(dir, 'partial.csv');
    writeFileSync(file, 'area,size,incomeMonthlyPerCapita,nutrition\nrural,2,1000000,1\nurban,1,9000000,0\n');
    const r = await runCommand(classifyCommand, [file, '--date', date, '--format', 'jsonl']);
    expect(r.status).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^chuan-ngheo: no column for employment, dependants, .*informationMeans \(indicators of nd07-2021\): undetermined in every row; a row whose category depends on them is an UNDETERMINED_INDICATOR error$/);
    expect(lines[1]).toBe("chuan-ngheo: no id column: each row's id is its record number (the header is record 1)");
    const rows = jsonLines(r.stdout);
    expect(rows[0]).toMatchObject({ id: '2', error: { code: 'UNDETERMINED_INDICATOR' } });
    expect(rows[1]).toEqual({ id: '3', category: 'none', deprivationCount: 0, newlyEscaped: false, standard: 'nd07-2021' });
  });

  it('--columns maps a file\'s own names, and --keep-column keeps a near name as an attribute', async () => {
    const file = join(dir, 'own-names.csv');
    writeFileSync(file, `Ma,KV,NK,TN,${nd07Ids.join(',')},sizes\nX1,NT,3,3000000,${nd07Ids.map((_, i) => (i < 3 ? 1 : 0)).join(',')},9\n`);
    const map = join(dir, 'map.json');
    writeFileSync(map, JSON.stringify({ columns: { Ma: 'id', KV: 'area', NK: 'size', TN: 'incomeMonthlyTotal' }, values: { area: { NT: 'rural' } } }));
    const r = await runCommand(classifyCommand, [file, '--date', date, '--columns', map, '--keep-column', 'sizes', '--format', 'jsonl']);
    expect(r.stderr).toMatch(/^chuan-ngheo: columns read as "Ma" → id, "KV" → area, "NK" → size, "TN" → incomeMonthlyTotal\n/);
    expect(r.status).toBe(0);
    expect(jsonLines(r.stdout)).toEqual([{ id: 'X1', category: 'poor', deprivationCount: 3, newlyEscaped: false, standard: 'nd07-2021' }]);
  });

  it('refuses --columns and --keep-column for JSON Lines, rather than ignoring them', async () => {
    const map = join(dir, 'map-for-jsonl.json');
    writeFileSync(map, '{"Mã": "id"}');
    for (const args of [['--columns', map], ['--keep-column', 'commune']]) {
      const r = await runCommand(classifyCommand, ['examples/roster.jsonl', '--date', date, ...args]);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(`chuan-ngheo: ${args[0]} reads the columns of a CSV file or a worksheet; this input is read as jsonl, whose records name their own fields\n`);
      expect(r.stdout).toBe('');
    }
  });

  it('shows a progress bar naming the job when stderr is a terminal, none with --quiet', async () => {
    const shown = await runCommand(classifyCommand, ['examples/households.csv', '--date', date], { stderrIsTerminal: true });
    expect(shown.status).toBe(0);
    expect(shown.stderr).toMatch(/classifying .*100% \| 40 rows/);
    expect(shown.stderr.endsWith(summaryLine(expected))).toBe(true);
    const quiet = await runCommand(classifyCommand, ['examples/households.csv', '--date', date, '-q'], { stderrIsTerminal: true });
    expect(quiet.stderr).toBe(summaryLine(expected));
  });

  it.each([
    [['examples/households.csv', '--format', 'xml'], /^chuan-ngheo: --format must be one of csv, jsonl, xlsx; received "xml"\n$/],
    [['examples/households.csv', 'examples/households-2024.csv'], /^chuan-ngheo: classify takes one FILE; received 2\n$/],
    [['examples/households.csv', '--format', 'xlsx'], /^chuan-ngheo: --format xlsx writes a workbook, which is not text: give --out FILE\.xlsx\n$/],
    [['examples/households.csv', '--sheet', 'Data'], /^chuan-ngheo: --sheet names a worksheet of an \.xlsx FILE; this input is read as csv /],
    [['examples/households.csv', '--input', 'xml'], /^chuan-ngheo: --input must be one of csv, jsonl, json, xlsx; received "xml"\n$/],
    [['examples/households.csv', '--out', 'examples/households.csv'], /^chuan-ngheo: --out examples\/households\.csv is the same file as the input examples\/households\.csv: write the output to another file\n$/],
    [['examples/households.csv', '--threads', 'two'], /^chuan-ngheo: --threads must be a whole number from 1 to \d+, written in digits; received "two"\n$/],
    [['examples/households.csv', '--max-depth', '8'], /^chuan-ngheo: --max-depth limits the nesting of JSON records; this input is read as csv, whose cells have none\n$/],
    [['examples/households.xlsx', '--max-record-bytes', '4096'], /^chuan-ngheo: --max-record-bytes limits a CSV record or a JSON line; a worksheet is read row by row/],
    [['examples/roster.jsonl', '--input', 'json', '--max-depth', '8'], /^chuan-ngheo: --max-depth limits each JSON line of JSON Lines; a JSON array \(--input json\) is read whole\n$/],
    [['examples/households.xlsx', '--threads', '1'], /^chuan-ngheo: --threads: a workbook is read on one thread; give --threads with CSV or JSON Lines/],
    [['examples/households.csv', '--threads', '1', '--out', 'out.xlsx'], /^chuan-ngheo: --threads: a workbook is written on one thread; /],
    [['examples/households.csv', '--max-record-bytes', '8'], /^chuan-ngheo: --max-record-bytes must be a whole number from 16 to 1073741824, written in digits; received "8"\n$/],
    [['examples/households.csv', '--columns', 'missing-map.json'], /^chuan-ngheo: --columns missing-map\.json: no such file\n$/],
    [['examples/households.csv', '--standard-file', 'missing-standard.json'], /^chuan-ngheo: --standard-file missing-standard\.json: cannot open missing-standard\.json: no such file/],
  ])('%j: a usage error before anything is written, exit 2', async (argv, message) => {
    const r = await runCommand(classifyCommand, argv);
    expect(r.status).toBe(2);
    expect(r.error).toBeInstanceOf(UsageError);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('errors of the standard and the date stop the run with their code, exit 2', async () => {
    const early = await runCommand(classifyCommand, ['examples/households.csv', '--date', '2015-01-01']);
    expect(early.status).toBe(2);
    expect(early.stderr).toMatch(/^chuan-ngheo: NO_STANDARD_IN_FORCE at /);
    const unknown = await runCommand(classifyCommand, ['examples/households.csv', '--standard', 'nope']);
    expect(unknown.stderr).toMatch(/^chuan-ngheo: UNKNOWN_STANDARD: --standard "nope" is not a standard this version knows/);
    const malformed = await runCommand(classifyCommand, ['examples/households.csv', '--date', '2025-13-01']);
    expect(malformed.stderr).toMatch(/^chuan-ngheo: INVALID_DATE at /);
  });

  it('a header that repeats a column stops with INVALID_HEADER; a file written under --out is left as it was', async () => {
    const file = join(dir, 'repeated.csv');
    writeFileSync(file, 'id,area,area,size\nA,rural,rural,1\n');
    const out = join(dir, 'kept.csv');
    writeFileSync(out, 'earlier output\n');
    const r = await runCommand(classifyCommand, [file, '--date', date, '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^chuan-ngheo: INVALID_HEADER at /);
    expect(readFileSync(out, 'utf8')).toBe('earlier output\n');
  });

  it('an input that cannot be opened, and an output in a missing directory: one line each, exit 2', async () => {
    const missing = await runCommand(classifyCommand, [join(dir, 'missing.csv')]);
    expect(missing.error).toBeInstanceOf(InputFileError);
    expect(missing.stderr).toMatch(/^chuan-ngheo: cannot open .*missing\.csv: no such file/);
    const directory = await runCommand(classifyCommand, [dir]);
    expect(directory.stderr).toMatch(/^chuan-ngheo: cannot open .*: it is a directory\n$/);
    const out = await runCommand(classifyCommand, ['examples/households.csv', '--out', join(dir, 'no', 'such', 'dir.csv')]);
    expect(out.error).toBeInstanceOf(OutputFileError);
    expect(out.stderr).toMatch(/^chuan-ngheo: cannot write .*dir\.csv: /);
    expect(out.stdout).toBe('');
  });

  it('--help prints the usage', async () => {
    expect(await runCommand(classifyCommand, ['-h'])).toEqual({ status: 0, stdout: `${classifyUsage}\n`, stderr: '' });
  });
});

describe('threadsFor', () => {
  const cores = availableParallelism();
  it('one thread for standard input and for a file below the threshold; every core (at most the cap) from it', () => {
    expect(threadsFor(undefined, undefined)).toBe(1);
    expect(threadsFor('-', undefined)).toBe(1);
    expect(threadsFor('examples/households.csv', undefined)).toBe(1);
    expect(threadsFor(join(dir, 'missing.csv'), undefined)).toBe(1);
    const big = join(dir, 'big.csv');
    writeFileSync(big, '');
    truncateSync(big, parallelFromBytes);
    expect(statSync(big).size).toBe(parallelFromBytes);
    expect(threadsFor(big, undefined)).toBe(Math.min(cores, maxThreads));
    truncateSync(big, parallelFromBytes - 1);
    expect(threadsFor(big, undefined)).toBe(1);
  });
});
