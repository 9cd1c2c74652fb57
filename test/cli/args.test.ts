// The command line's shared pieces in process: what a file's first bytes say it holds, the input
// format against its name, the one-line messages of fatal errors, the column options, the notes on
// a header, same-file checks and standard output's failures.
import { linkSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  columnOptionsOf,
  describeFatal,
  describeHeader,
  inputFormatOf,
  InputFileError,
  openInput,
  refuseInputAsOutput,
  sameFile,
  sniffFormat,
  standardChoiceOf,
  UsageError,
} from '../../src/cli/args.js';
import { ChuanNgheoError } from '../../src/index.js';

const dir = mkdtempSync(join(tmpdir(), 'chuan-ngheo-args-'));
const write = (name: string, content: string | Buffer) => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};

describe('sniffFormat', () => {
  it('reads a workbook (zip or older Excel), JSON Lines, a JSON array or CSV from the first bytes, after a byte-order mark and blank space', () => {
    expect(sniffFormat(write('zip', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14])))).toBe('xlsx');
    expect(sniffFormat(write('xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1])))).toBe('xlsx');
    expect(sniffFormat(write('lines', '\uFEFF \n {"id":1}\n'))).toBe('jsonl');
    expect(sniffFormat(write('array', '\n[{"id":1}]'))).toBe('json');
    expect(sniffFormat(write('table', 'id,area\n'))).toBe('csv');
  });

  it('says nothing for standard input, an empty or blank file, or one that cannot be opened', () => {
    expect(sniffFormat(undefined)).toBeUndefined();
    expect(sniffFormat('-')).toBeUndefined();
    expect(sniffFormat(write('empty', ''))).toBeUndefined();
    expect(sniffFormat(write('blank', '\uFEFF  \n'))).toBeUndefined();
    expect(sniffFormat(join(dir, 'missing'))).toBeUndefined();
  });
});

describe('inputFormatOf', () => {
  it('--input first, then the extension, then the content; CSV by default (JSON Lines where CSV is not read)', () => {
    expect(inputFormatOf('x.csv', 'jsonl')).toBe('jsonl');
    expect(inputFormatOf(join(dir, 'a.NDJSON'), undefined)).toBe('jsonl');
    expect(inputFormatOf(join(dir, 'a.xlsm'), undefined)).toBe('xlsx');
    expect(inputFormatOf(write('no-extension', '[1]'), undefined)).toBe('json');
    expect(inputFormatOf(undefined, undefined)).toBe('csv');
    expect(inputFormatOf(undefined, undefined, ['json', 'jsonl'])).toBe('jsonl');
  });

  it('content that contradicts the extension is one usage error saying what the file starts with', () => {
    expect(() => inputFormatOf(write('lines.csv', '{"id":1}\n'), undefined)).toThrow(/lines\.csv is named as CSV \(\.csv\) but holds JSON Lines \(it starts with "\{"\); rename it, or give --input jsonl to read it so$/);
    expect(() => inputFormatOf(write('table.json', 'id,area\n'), undefined)).toThrow(/table\.json is named as a JSON array \(\.json\) but holds CSV \(it starts with a header row\); rename it, or give --input csv/);
    expect(() => inputFormatOf(write('book.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04])), undefined)).toThrow(/book\.csv is named as CSV \(\.csv\) but holds an Excel workbook \(it starts with the bytes of a workbook\)/);
    expect(() => inputFormatOf(write('array.jsonl', '[1]'), undefined)).toThrow(/holds a JSON array \(it starts with "\["\)/);
  });

  it('a format the command does not read is refused, by name or by content', () => {
    expect(() => inputFormatOf('x.csv', 'csv', ['json', 'jsonl'])).toThrow('--input must be one of json, jsonl; received "csv"');
    expect(() => inputFormatOf(write('rows', 'id,area\n'), undefined, ['json', 'jsonl'])).toThrow(/rows holds CSV; this command reads a JSON array or JSON Lines$/);
    expect(() => inputFormatOf(write('book', Buffer.from([0x50, 0x4b, 0x03, 0x04])), undefined, ['json', 'jsonl'])).toThrow(/book holds an Excel workbook; this command reads a JSON array or JSON Lines$/);
  });
});

describe('describeFatal', () => {
  it('gives a library error its code and path, and a command line error its message', () => {
    const error = new ChuanNgheoError({ code: 'INVALID_DATE', path: ['date'], message: 'date: expected YYYY-MM-DD' });
    expect(describeFatal(error)).toBe('INVALID_DATE at date: date: expected YYYY-MM-DD');
    expect(describeFatal(new UsageError('give a FILE'))).toBe('give a FILE');
    expect(describeFatal(new InputFileError('x.csv', Object.assign(new Error('denied'), { code: 'EACCES' }), 'read'))).toBe('cannot read x.csv: permission denied');
  });

  it('names the file of a system error, and keeps any other error on one line', () => {
    const missing = Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT', path: join(dir, 'gone.csv') });
    expect(describeFatal(missing)).toBe(`cannot open ${join(dir, 'gone.csv')}: no such file`);
    expect(describeFatal(new Error('first line\n   second line'))).toBe('first line second line');
    expect(describeFatal('plain text')).toBe('plain text');
  });
});

describe('openInput', () => {
  it('standard input for no file or -, and a usage error for a directory or a missing file, before anything is read', () => {
    expect(openInput(undefined)).toBe(process.stdin);
    expect(openInput('-')).toBe(process.stdin);
    expect(() => openInput(dir)).toThrow(new InputFileError(dir, { code: 'EISDIR' }).message);
    expect(() => openInput(join(dir, 'missing.csv'))).toThrow(/^cannot open .*missing\.csv: no such file$/);
  });
});

describe('columnOptionsOf', () => {
  it('reads a flat map of column names (after a byte-order mark), and adds --keep-column', () => {
    const file = write('flat.json', '\uFEFF{"Mã hộ": "id", "BHYT": "healthInsurance"}');
    expect(columnOptionsOf({ columns: file, 'keep-column': ['commune'] })).toEqual({ columns: { 'Mã hộ': 'id', BHYT: 'healthInsurance' }, keepColumns: ['commune'] });
    expect(columnOptionsOf({})).toEqual({});
  });

  it('reads the structured form: columns, values, and kept columns joined with --keep-column', () => {
    const file = write('structured.json', JSON.stringify({ columns: { KV: 'area' }, values: { area: { NT: 'rural' } }, keepColumns: ['xa'] }));
    expect(columnOptionsOf({ columns: file, 'keep-column': ['huyen'] })).toEqual({ columns: { KV: 'area' }, values: { area: { NT: 'rural' } }, keepColumns: ['xa', 'huyen'] });
    expect(columnOptionsOf({ columns: write('values-only.json', JSON.stringify({ values: { indicators: { Có: 1 } } })) })).toEqual({ columns: {}, values: { indicators: { Có: 1 } } });
  });

  it.each([
    ['missing', undefined, /^--columns .*missing: no such file$/],
    ['not-json', 'columns', /^--columns .*not-json: not valid JSON \(/],
    ['array', '["id"]', /^--columns .*array: expected a JSON object of column names, received an array$/],
    ['number', '7', /^--columns .*number: expected a JSON object of column names, received number$/],
    ['null', 'null', /^--columns .*null: expected a JSON object of column names, received object$/],
    ['not-text', '{"Mã": 1}', /^--columns .*not-text: the column "Mã" must map to a field or indicator id \(text\), received 1$/],
    ['unknown-key', '{"columns": {}, "value": {}}', /^--columns .*unknown-key: unknown key "value" \(expected columns, values, keepColumns\)$/],
    ['columns-list', '{"columns": ["id"]}', /^--columns .*columns-list: "columns" must be an object of column names, received an array$/],
    ['values-text', '{"values": "NT=rural"}', /^--columns .*values-text: "values" must be an object \(with area, indicators\), received string$/],
    ['values-key', '{"values": {"areas": {}}}', /^--columns .*values-key: unknown key "areas" in "values" \(expected area, indicators\)$/],
    ['values-list', '{"values": {"indicators": [1]}}', /^--columns .*values-list: "values"."indicators" must be an object of cell values, received an array$/],
    ['keep-text', '{"keepColumns": "xa"}', /^--columns .*keep-text: "keepColumns" must be a list of column names \(text\), received "xa"$/],
  ])('%s: a usage error naming the file', (name, content, message) => {
    const file = content === undefined ? join(dir, name) : write(name, content);
    expect(() => columnOptionsOf({ columns: file })).toThrow(message);
    expect(() => columnOptionsOf({ columns: file })).toThrow(UsageError);
  });
});

describe('columnOptionsOf with JSON input', () => {
  it('refuses a column map or a kept column for JSON Lines and JSON arrays, whose records name their own fields', () => {
    const file = write('for-json.json', '{"Mã hộ": "id"}');
    expect(() => columnOptionsOf({ columns: file }, 'jsonl')).toThrow('--columns reads the columns of a CSV file or a worksheet; this input is read as jsonl, whose records name their own fields');
    expect(() => columnOptionsOf({ 'keep-column': ['xa'] }, 'json')).toThrow('--keep-column reads the columns of a CSV file or a worksheet; this input is read as json, whose records name their own fields');
    expect(columnOptionsOf({}, 'jsonl')).toEqual({});
    expect(columnOptionsOf({ 'keep-column': ['xa'] }, 'xlsx')).toEqual({ keepColumns: ['xa'] });
  });
});

describe('describeHeader', () => {
  it('one line for each thing to know, and nothing when all is well', () => {
    const plan = { names: [], renamed: [{ column: 'Khu vực', as: 'area' }], missingIndicators: ['nutrition'], attributeColumns: [], hasId: false };
    expect(describeHeader(plan as never, 'nd07-2021').split('\n')).toEqual([
      'chuan-ngheo: columns read as "Khu vực" → area',
      'chuan-ngheo: no column for nutrition (indicators of nd07-2021): undetermined in every row; a row whose category depends on it is an UNDETERMINED_INDICATOR error',
      "chuan-ngheo: no id column: each row's id is its record number (the header is record 1)",
      '',
    ]);
    expect(describeHeader({ names: [], renamed: [], missingIndicators: [], attributeColumns: [], hasId: true } as never, 'nd07-2021')).toBe('');
  });
});

describe('standardChoiceOf', () => {
  it('keeps absent options absent, and refuses both kinds of standard at once', () => {
    expect(standardChoiceOf({})).toEqual({});
    expect(standardChoiceOf({ standard: 'nd07-2021', date: '2025-12-01' })).toEqual({ standard: 'nd07-2021', date: '2025-12-01' });
    expect(() => standardChoiceOf({ standard: 'nd07-2021', 'standard-file': 'x.json' })).toThrow('give --standard ID or --standard-file FILE, not both');
  });
});

describe('sameFile and refuseInputAsOutput', () => {
  const input = write('input.csv', 'id\n');
  it('the same file through another spelling, a symbolic link or a hard link; not another file or a missing one', () => {
    expect(sameFile(input, join(dir, '.', 'input.csv'))).toBe(true);
    const link = join(dir, 'link.csv');
    symlinkSync(input, link);
    expect(sameFile(link, input)).toBe(true);
    const hard = join(dir, 'hard.csv');
    linkSync(input, hard);
    expect(sameFile(hard, input)).toBe(true);
    expect(sameFile(write('other.csv', 'id\n'), input)).toBe(false);
    expect(sameFile(join(dir, 'missing.csv'), input)).toBe(false);
    expect(sameFile(join(dir, 'no-dir', 'x.csv'), join(dir, 'no-dir', 'y.csv'))).toBe(false);
  });

  it('refuses an output that is one of the inputs; standard output and standard input never clash', () => {
    expect(() => refuseInputAsOutput('--out', join(dir, 'hard.csv'), [['FILE', input]])).toThrow(`--out ${join(dir, 'hard.csv')} is the same file as FILE ${input}: write the output to another file`);
    expect(() => refuseInputAsOutput('--out', '-', [['FILE', '-']])).not.toThrow();
    expect(() => refuseInputAsOutput('--out', undefined, [['FILE', input]])).not.toThrow();
    expect(() => refuseInputAsOutput('--out', input, [['FILE', '-'], ['--previous', undefined]])).not.toThrow();
  });
});

describe('standard output', () => {
  const listeners = { stdout: process.stdout.listeners('error'), stderr: process.stderr.listeners('error') };
  afterEach(() => {
    for (const [name, stream] of [['stdout', process.stdout], ['stderr', process.stderr]] as const) {
      for (const l of stream.listeners('error')) if (!listeners[name].includes(l)) stream.off('error', l as (error: Error) => void);
    }
    vi.restoreAllMocks();
  });

  it('writes and resolves once written; a write that fails rejects with the file error', async () => {
    vi.resetModules();
    const args = await import('../../src/cli/args.js');
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: string, done: (error?: Error | null) => void) => {
      written.push(chunk);
      process.nextTick(done, chunk === 'bad' ? Object.assign(new Error('write EIO'), { code: 'EIO' }) : null);
      return true;
    }) as typeof process.stdout.write);
    await args.writeStandardOutput('rows\n');
    expect(written).toEqual(['rows\n']);
    await expect(args.writeStandardOutput('bad')).rejects.toThrow('cannot write standard output: an input/output error of the device');
  });

  it('after an error of standard output (a closed pipe), every later write rejects with it, and so does the end', async () => {
    vi.resetModules();
    const args = await import('../../src/cli/args.js');
    args.listenToStandardStreams();
    expect(args.standardOutputError()).toBeUndefined();
    process.stdout.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    process.stderr.emit('error', new Error('stderr closed too'));
    expect(args.standardOutputError()?.message).toBe('cannot write standard output: the reading end of the pipe was closed');
    expect(args.standardOutputError()?.systemCode).toBe('EPIPE');
    expect(args.standardOutputError()?.code).toBe('OUTPUT_NOT_WRITTEN');
    await expect(args.writeStandardOutput('more')).rejects.toBe(args.standardOutputError());
    const output = args.openOutput('-');
    expect(output.stream).toBe(process.stdout);
    expect(output.failure).toBe(args.standardOutputError());
    await expect(output.commit()).rejects.toBe(args.standardOutputError());
    await expect(output.abort()).resolves.toBeUndefined();
  });
});
