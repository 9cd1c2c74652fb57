// The command-line reader in process: options read, mistakes named with the nearest valid word,
// and the notice for standard input typed at a terminal.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { noticeTerminalInput, openInput, OptionError, readCommandLine, terminalInputNotice, usageAfter, UsageError } from '../../src/cli/args.js';
import { didYouMean, editDistance, nearest } from '../../src/nearest.js';

const spec = { command: 'demo', usage: 'Usage: chuan-ngheo demo [--date D] [--quiet]', options: { date: { type: 'string' }, quiet: { type: 'boolean', short: 'q' }, 'keep-column': { type: 'string', multiple: true } } } as const;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('nearest', () => {
  it.each([
    ['standrad', 'standard', 1],
    ['dat', 'date', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['Hộ', 'Hộ', 0],
  ])('editDistance(%j, %j) is %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it.each([
    ['dat', ['standard', 'date', 'format'], 'date'],
    ['JSON', ['csv', 'json'], 'json'],
    ['vn', ['vi', 'en'], 'vi'],
    ['jsnol', ['csv', 'jsonl', 'xlsx'], 'jsonl'],
    ['nd07', ['qd59-2015', 'nd07-2021', 'nd351-2025'], 'nd07-2021'],
    ['household', ['households', 'persons'], 'households'],
    ['frobnicate', ['standard', 'date'], undefined],
    ['x', ['xlsx', 'csv'], undefined],
    ['', ['a'], undefined],
  ] as const)('nearest(%j) is %j', (given, valid, near) => {
    expect(nearest(given, valid)).toBe(near);
  });

  it('says it as the end of a sentence, or not at all', () => {
    expect(didYouMean('--dat', ['--date', '--out'])).toBe('; did you mean --date?');
    expect(didYouMean('--zzzzzz', ['--date', '--out'])).toBe('');
  });
});

describe('readCommandLine', () => {
  it('reads options and FILEs, with the repeatable ones as lists', () => {
    const line = readCommandLine(['a.csv', '--date', '2025-12-01', '-q', '--keep-column', 'x', '--keep-column=y'], spec);
    expect(line?.values).toEqual({ date: '2025-12-01', quiet: true, 'keep-column': ['x', 'y'] });
    expect(line?.positionals).toEqual(['a.csv']);
    expect(readCommandLine(['--date=-1', '--', '--quiet'], spec)?.positionals).toEqual(['--quiet']);
    expect(readCommandLine(['--date', '-'], spec)?.values.date).toBe('-');
  });

  it.each([
    [['--dat', 'x'], 'unknown option --dat; did you mean --date?'],
    [['--keep-colum', 'x'], 'unknown option --keep-colum; did you mean --keep-column?'],
    [['-z'], 'unknown option -z'],
    [['--date'], '--date needs a value'],
    [['--date', '--quiet'], '--date needs a value; received the option --quiet (for a value that starts with -, write --date=--quiet)'],
    [['--quiet=no'], '--quiet takes no value; received "no"'],
    [['--date', '1', '--date', '2'], '--date is given twice; give it once'],
  ])('%j is an OptionError: %s', (argv, message) => {
    let error: unknown;
    try {
      readCommandLine(argv, spec);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OptionError);
    expect((error as Error).message).toBe(message);
    expect(usageAfter(error)).toBe(`\n${spec.usage}\n`);
  });

  it('--help prints the usage and --version the version, and the command has nothing more to do', () => {
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(readCommandLine(['--help'], spec)).toBeUndefined();
    expect(write).toHaveBeenCalledWith(`${spec.usage}\n`);
    write.mockClear();
    expect(readCommandLine(['--version'], spec)).toBeUndefined();
    expect(write.mock.calls[0]![0]).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('shows the usage after option mistakes only: other usage errors are one line', () => {
    expect(usageAfter(new UsageError('--out is the input'))).toBe('');
    expect(usageAfter(new Error('x'))).toBe('');
  });
});

describe('the notice for standard input typed at a terminal', () => {
  it('says what it waits for, how to end it and how to give a file, naming the command', () => {
    readCommandLine([], { ...spec, command: 'report' });
    expect(terminalInputNotice()).toBe(
      'chuan-ngheo: reading standard input from the terminal: type or paste the records, then press Ctrl-D (Ctrl-Z then Enter on Windows) to end; or give a file: chuan-ngheo report FILE\n',
    );
  });

  it('is written for a terminal, not for a pipe or a file', () => {
    const written: string[] = [];
    const stderr = { write: (text: string) => written.push(text) };
    noticeTerminalInput({ isTTY: true }, stderr);
    expect(written).toEqual([terminalInputNotice()]);
    noticeTerminalInput({ isTTY: false }, stderr);
    noticeTerminalInput({}, stderr);
    expect(written).toHaveLength(1);
  });

  it('openInput gives it when it opens standard input on a terminal', () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const was = Object.getOwnPropertyDescriptor(process.stdin, 'isTTY');
    Object.defineProperty(process.stdin, 'isTTY', { value: true, configurable: true });
    try {
      expect(openInput('-')).toBe(process.stdin);
      expect(openInput(undefined)).toBe(process.stdin);
    } finally {
      if (was) Object.defineProperty(process.stdin, 'isTTY', was);
      else delete (process.stdin as { isTTY?: boolean }).isTTY;
    }
    expect(write.mock.calls.map((c) => c[0])).toEqual([terminalInputNotice(), terminalInputNotice()]);
  });
});
