// Command-line manners, end to end on the built package: a mistyped option or value is one line
// naming the nearest valid one, then the usage (exit 2); every command has --help and --version;
// standards reads its arguments; a wait on a terminal's standard input is announced.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = join(import.meta.dirname, '../../dist/cli.js');
const run = (args: string[], input = '') => spawnSync(process.execPath, [cli, ...args], { input, encoding: 'utf8' });
const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const commands = ['classify', 'report', 'validate', 'standards'] as const;

/** A failed run: exit 2, nothing on stdout, the message as the first line of stderr, then the command's usage. */
function expectOptionError(r: ReturnType<typeof run>, command: string, message: string) {
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  const [first, blank, usage] = r.stderr.split('\n');
  expect(first).toBe(`chuan-ngheo: ${message}`);
  expect(blank).toBe('');
  expect(usage).toMatch(new RegExp(`^Usage: chuan-ngheo ${command} `));
  expect(r.stderr).not.toMatch(/To specify a positional argument|ERR_PARSE_ARGS/);
}

describe.each(commands)('chuan-ngheo %s', (command) => {
  it('--help prints the usage, with --help and --version in it', () => {
    for (const flag of ['--help', '-h']) {
      const r = run([command, flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: chuan-ngheo ${command} `));
      expect(r.stdout).toContain('  --help, -h ');
      expect(r.stdout).toContain('  --version ');
      expect(r.stderr).toBe('');
    }
  });

  it('--version prints the version', () => {
    const r = run([command, '--version']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${version}\n`);
  });

  it('an unknown option names the nearest one', () => {
    expectOptionError(run([command, '--formt', 'json']), command, 'unknown option --formt; did you mean --format?');
    expectOptionError(run([command, '--frobnicate']), command, 'unknown option --frobnicate');
    expectOptionError(run([command, '-x']), command, 'unknown option -x');
  });

  it('an option without its value, with a value it does not take, or given twice', () => {
    expectOptionError(run([command, '--format']), command, '--format needs a value');
    expectOptionError(run([command, '--format', '--help']), command, '--format needs a value; received the option --help (for a value that starts with -, write --format=--help)');
    expectOptionError(run([command, '--help=yes']), command, '--help takes no value; received "yes"');
    expectOptionError(run([command, '--standard-file', 'a.json', '--standard-file', 'b.json']), command, '--standard-file is given twice; give it once');
  });
});

describe('values that are not among the allowed ones name the nearest', () => {
  it.each([
    [['classify', 'examples/households.csv', '--format', 'jsnol'], 'classify', '--format must be one of csv, jsonl, xlsx; received "jsnol"; did you mean jsonl?'],
    [['classify', 'examples/households.csv', '--input', 'CSV'], 'classify', '--input must be one of csv, jsonl, json, xlsx; received "CSV"; did you mean csv?'],
    [['report', 'examples/households.csv', '--lang', 'vn'], 'report', '--lang must be one of vi, en; received "vn"; did you mean vi?'],
    [['report', 'examples/households.csv', '--unit', 'household'], 'report', '--unit must be one of households, persons; received "household"; did you mean households?'],
    [['report', 'examples/households.csv', '--format', 'markdown'], 'report', '--format must be one of table, csv, json, md, xlsx; received "markdown"'],
    [['validate', 'examples/roster.jsonl', '--format', 'jsonlines'], 'validate', '--format must be one of text, jsonl; received "jsonlines"; did you mean jsonl?'],
    [['standards', '--format', 'jsn'], 'standards', '--format must be one of text, json; received "jsn"; did you mean json?'],
    [['standards', 'nd07'], 'standards', 'UNKNOWN_STANDARD: the ID "nd07" is not a standard this version knows (qd59-2015, nd07-2021, nd351-2025, dong-nai-2022-2025); did you mean nd07-2021?'],
    [['classify', 'examples/households.csv', '--standard', 'nd7-2021'], 'classify', 'UNKNOWN_STANDARD: --standard "nd7-2021" is not a standard this version knows (qd59-2015, nd07-2021, nd351-2025, dong-nai-2022-2025); did you mean nd07-2021?'],
    [['report', 'a.csv', 'b.csv'], 'report', 'report takes exactly one FILE; received 2'],
  ])('%j', (args, command, message) => {
    expectOptionError(run(args), command, message);
  });

  it('an unknown command names the nearest one', () => {
    const r = run(['clasify', 'examples/households.csv']);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe('chuan-ngheo: unknown command "clasify"; did you mean classify?');
  });
});

describe('chuan-ngheo standards reads its arguments', () => {
  it('ID --format json prints that standard whole, as --standard-file reads it', () => {
    for (const args of [['nd07-2021', '--format', 'json'], ['--format=json', 'nd07-2021'], ['nd07-2021', '--json']]) {
      const r = run(['standards', ...args]);
      expect(r.status).toBe(0);
      expect((JSON.parse(r.stdout) as { id: string }).id).toBe('nd07-2021');
    }
  });

  it('--format json alone prints every standard; ID alone one line', () => {
    const all = JSON.parse(run(['standards', '--format', 'json']).stdout) as { id: string }[];
    expect(all.map((s) => s.id)).toEqual(['qd59-2015', 'nd07-2021', 'nd351-2025', 'dong-nai-2022-2025']);
    const one = run(['standards', 'nd351-2025']);
    expect(one.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(one.stdout).toMatch(/^nd351-2025 /);
  });

  it('refuses what it cannot use, rather than ignoring it', () => {
    expectOptionError(run(['standards', 'nd07-2021', 'nd351-2025']), 'standards', 'standards takes at most one ID; received 2');
    const clash = run(['standards', '--json', '--format', 'text']);
    expect(clash.status).toBe(2);
    expect(clash.stderr).toBe('chuan-ngheo: --json and --format text disagree; give one of them\n');
  });
});

describe('standard input from a terminal', () => {
  it('says that it waits, how to end and how to give a file', () => {
    // `script` runs the command on a terminal of its own; Ctrl-D (\x04) typed there ends the input.
    const r = spawnSync('script', ['-qec', `"${process.execPath}" "${cli}" classify --date 2025-12-01`, '/dev/null'], { input: '\x04', encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(0);
    const out = r.stdout.replaceAll('\r\n', '\n');
    expect(out).toContain('chuan-ngheo: reading standard input from the terminal: type or paste the records, then press Ctrl-D (Ctrl-Z then Enter on Windows) to end; or give a file: chuan-ngheo classify FILE\n');
    expect(out).toMatch(/chuan-ngheo: 0 row\(s\) under nd07-2021/);
  });

  it('says nothing when standard input is a pipe', () => {
    const r = run(['classify', '--input', 'jsonl', '--date', '2025-12-01'], '{"area":"urban","size":2,"incomeMonthlyTotal":4000000}\n');
    expect(r.status).toBe(0);
    expect(r.stderr).not.toContain('reading standard input');
  });
});
