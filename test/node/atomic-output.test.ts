// Output files written whole or not at all: a temporary file beside the target, renamed onto it
// only when the run succeeded; every problem is an OutputFileError naming the file and the reason.
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileErrorReason, openAtomicOutput, OutputFileError, safeWriteFileAtomic, writeFileAtomic } from '../../src/node/atomic-output.js';
import { ChuanNgheoError } from '../../src/errors.js';

const fresh = () => mkdtempSync(join(tmpdir(), 'chuan-ngheo-out-'));
const isRoot = process.getuid?.() === 0;

/** The error `run` throws (synchronously or not). */
async function failureOf(run: () => unknown): Promise<OutputFileError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(OutputFileError);
    return error as OutputFileError;
  }
  throw new Error('expected an OutputFileError');
}

describe('openAtomicOutput', () => {
  it('writes beside the target under a temporary name, and renames it onto the target on commit', async () => {
    const dir = fresh();
    const target = join(dir, 'result.csv');
    const out = openAtomicOutput(target);
    expect(basename(out.tempPath!)).toMatch(new RegExp(`^\\.result\\.csv\\.${process.pid}\\.[0-9a-f]{8}\\.tmp$`));
    expect(readdirSync(dir)).toEqual([basename(out.tempPath!)]);
    out.stream.write('id,category\n');
    out.stream.write('A,poor\n');
    expect(existsSync(target)).toBe(false);
    await out.commit();
    expect(readFileSync(target, 'utf8')).toBe('id,category\nA,poor\n');
    expect(readdirSync(dir)).toEqual(['result.csv']);
  });

  it('on abort removes the temporary file and leaves no file under the final name', async () => {
    const dir = fresh();
    const out = openAtomicOutput(join(dir, 'result.csv'));
    out.stream.write('partial\n');
    await out.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('leaves an existing target as it was when the run is given up, and replaces it (keeping its permissions) on commit', async () => {
    const dir = fresh();
    const target = join(dir, 'result.csv');
    writeFileSync(target, 'earlier\n');
    chmodSync(target, 0o640);
    const given = openAtomicOutput(target);
    given.stream.write('partial\n');
    await given.abort();
    expect(readFileSync(target, 'utf8')).toBe('earlier\n');
    const done = openAtomicOutput(target);
    done.stream.write('complete\n');
    await done.commit();
    expect(readFileSync(target, 'utf8')).toBe('complete\n');
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['result.csv']);
  });

  it('through a symbolic link, replaces the file it points to and keeps the link', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'real.csv'), 'earlier\n');
    symlinkSync(join('data', 'real.csv'), join(dir, 'link.csv'));
    await writeFileAtomic(join(dir, 'link.csv'), 'complete\n');
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'data', 'real.csv'), 'utf8')).toBe('complete\n');
    expect(readdirSync(join(dir, 'data'))).toEqual(['real.csv']);
  });

  it('a missing directory fails at once, naming the directory', async () => {
    const dir = fresh();
    const target = join(dir, 'missing', 'deeper', 'result.csv');
    const error = await failureOf(() => openAtomicOutput(target));
    expect(error.systemCode).toBe('ENOENT');
    expect(error.file).toBe(target);
    expect(error.toJSON()).toEqual({ code: 'OUTPUT_NOT_WRITTEN', path: [], message: error.message, received: target, expected: 'a file that can be written' });
    expect(error.message).toBe(`cannot write ${target}: the directory ${join(dir, 'missing')} does not exist`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a path through a file fails at once, naming the file (ENOTDIR)', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'survey.csv'), 'id\n');
    const target = join(dir, 'survey.csv', 'result.csv');
    const error = await failureOf(() => openAtomicOutput(target));
    expect(error.systemCode).toBe('ENOTDIR');
    expect(error.message).toBe(`cannot write ${target}: ${join(dir, 'survey.csv')} is not a directory`);
  });

  it('a directory as target fails at once (EISDIR) and is left as it was', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'result.csv'));
    const error = await failureOf(() => openAtomicOutput(join(dir, 'result.csv')));
    expect(error.systemCode).toBe('EISDIR');
    expect(error.message).toBe(`cannot write ${join(dir, 'result.csv')}: it is a directory`);
    expect(readdirSync(dir)).toEqual(['result.csv']);
    expect(readdirSync(join(dir, 'result.csv'))).toEqual([]);
  });

  it.skipIf(isRoot)('a read-only target fails at once and is left as it was (not checked as root, who may write it)', async () => {
    const dir = fresh();
    const target = join(dir, 'result.csv');
    writeFileSync(target, 'earlier\n');
    chmodSync(target, 0o444);
    const error = await failureOf(() => openAtomicOutput(target));
    expect(error.systemCode).toBe('EACCES');
    expect(error.message).toBe(`cannot write ${target}: permission denied`);
    expect(readFileSync(target, 'utf8')).toBe('earlier\n');
  });

  it('an error of the stream fails the commit, which removes the temporary file', async () => {
    const dir = fresh();
    const target = join(dir, 'result.csv');
    writeFileSync(target, 'earlier\n');
    const out = openAtomicOutput(target);
    out.stream.write('partial\n');
    out.stream.destroy(Object.assign(new Error('no space left on device, write'), { code: 'ENOSPC' }));
    const error = await failureOf(() => out.commit());
    expect(error.systemCode).toBe('ENOSPC');
    expect(error.message).toBe(`cannot write ${target}: no space left on the device`);
    expect(out.failure).toBe(error);
    expect(readdirSync(dir)).toEqual(['result.csv']);
    expect(readFileSync(target, 'utf8')).toBe('earlier\n');
  });

  it('flushes several files before any is renamed, so that they appear together', async () => {
    const dir = fresh();
    const a = openAtomicOutput(join(dir, 'a.svg'));
    const b = openAtomicOutput(join(dir, 'b.svg'));
    a.stream.write('<svg/>\n');
    b.stream.write('<svg/>\n');
    await a.flush();
    await b.flush();
    expect(readdirSync(dir).filter((f) => !f.endsWith('.tmp'))).toEqual([]);
    await a.commit();
    await b.commit();
    expect(readdirSync(dir).sort()).toEqual(['a.svg', 'b.svg']);
  });

  it('a flushed file that is then given up is removed', async () => {
    const dir = fresh();
    const a = openAtomicOutput(join(dir, 'a.svg'));
    a.stream.write('<svg/>\n');
    await a.flush();
    await a.abort();
    expect(readdirSync(dir)).toEqual([]);
  });

  const full = '/dev/full';
  if (!existsSync(full)) console.log(`${full} is absent here: the full-disk case (ENOSPC) is skipped`);
  it.skipIf(!existsSync(full))('a device is written in place, never renamed onto; a full one fails with ENOSPC', async () => {
    const out = openAtomicOutput(full);
    expect(out.tempPath).toBeUndefined();
    out.stream.write('id,category\n');
    const error = await failureOf(() => out.commit());
    expect(error.systemCode).toBe('ENOSPC');
    expect(error.message).toBe('cannot write /dev/full: no space left on the device');
    expect(statSync(full).isCharacterDevice()).toBe(true);
  });
});

describe('openAtomicOutput, once done', () => {
  it('a committed output cannot be committed again or flushed; giving it up then changes nothing', async () => {
    const dir = fresh();
    const out = openAtomicOutput(join(dir, 'a.csv'));
    out.stream.write('id\n');
    await out.commit();
    await expect(out.commit()).rejects.toThrow(`the output ${join(dir, 'a.csv')} was already committed or given up`);
    await out.abort();
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('id\n');
  });

  it('a given-up output cannot be flushed', async () => {
    const dir = fresh();
    const out = openAtomicOutput(join(dir, 'a.csv'));
    await out.abort();
    await expect(out.flush()).rejects.toThrow(`the output ${join(dir, 'a.csv')} was already given up`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a signal it listens for removes the temporary file; a signal it does not listen for leaves it', async () => {
    const dir = fresh();
    // Another listener, so that the hook does not end this process by the signal once its file is removed.
    const keep = () => {};
    process.on('SIGHUP', keep);
    try {
      const out = openAtomicOutput(join(dir, 'a.csv'), { signals: ['SIGHUP'] });
      const other = openAtomicOutput(join(dir, 'b.csv'), { signals: ['SIGINT'] });
      out.stream.write('id\n');
      expect(readdirSync(dir)).toHaveLength(2);
      process.emit('SIGHUP');
      expect(readdirSync(dir)).toEqual([basename(other.tempPath!)]);
      await expect(out.commit()).rejects.toThrow('already committed or given up');
      expect(existsSync(join(dir, 'a.csv'))).toBe(false);
      await other.abort();
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      process.off('SIGHUP', keep);
    }
  });

  it('a device is written in place and given up without being removed', async () => {
    const out = openAtomicOutput('/dev/null');
    expect(out.tempPath).toBeUndefined();
    out.stream.write('id\n');
    await out.commit();
    await out.abort();
    const given = openAtomicOutput('/dev/null');
    await given.abort();
    expect(given.failure).toBeUndefined();
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('writeFileAtomic writes the whole file, and a file that cannot be written leaves the target as it was', async () => {
    const dir = fresh();
    await writeFileAtomic(join(dir, 'a.txt'), 'whole\n');
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('whole\n');
    const error = await failureOf(() => writeFileAtomic(join(dir, 'missing', 'a.txt'), 'x'));
    expect(error.message).toBe(`cannot write ${join(dir, 'missing', 'a.txt')}: the directory ${join(dir, 'missing')} does not exist`);
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });
});

describe("the errors are the library's own", () => {
  it('an OutputFileError is a ChuanNgheoError with a code, a path and the file received; the system code and cause stay', async () => {
    const dir = fresh();
    const target = join(dir, 'missing', 'a.csv');
    const error = await failureOf(() => openAtomicOutput(target));
    expect(error).toBeInstanceOf(ChuanNgheoError);
    expect(error).toMatchObject({ name: 'OutputFileError', code: 'OUTPUT_NOT_WRITTEN', path: [], received: target, systemCode: 'ENOENT', file: target });
    expect((error.cause as NodeJS.ErrnoException).code).toBe('ENOENT');
  });

  it('an output used after it was committed or given up is an OUTPUT_NOT_WRITTEN error', async () => {
    const dir = fresh();
    const out = openAtomicOutput(join(dir, 'a.csv'));
    await out.commit();
    await expect(out.commit()).rejects.toMatchObject({ code: 'OUTPUT_NOT_WRITTEN', path: [], received: join(dir, 'a.csv') });
    const given = openAtomicOutput(join(dir, 'b.csv'));
    await given.abort();
    await expect(given.flush()).rejects.toBeInstanceOf(ChuanNgheoError);
  });

  it('a path, data or options of the wrong kind are coded errors, and nothing is written', async () => {
    const dir = fresh();
    expect(() => openAtomicOutput(42 as never)).toThrow(expect.objectContaining({ code: 'OUTPUT_NOT_WRITTEN', received: 42, message: 'the output: expected the name of a file, received the number 42' }));
    expect(() => openAtomicOutput('')).toThrow(expect.objectContaining({ code: 'OUTPUT_NOT_WRITTEN', received: '' }));
    expect(() => openAtomicOutput(join(dir, 'a.csv'), null as never)).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS', path: [] }));
    expect(() => openAtomicOutput(join(dir, 'a.csv'), { signals: 'SIGINT' as never })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS', path: ['signals'] }));
    await expect(writeFileAtomic(join(dir, 'a.csv'), { rows: 1 } as never)).rejects.toMatchObject({
      code: 'OUTPUT_NOT_WRITTEN',
      message: `the data of ${join(dir, 'a.csv')}: expected text or bytes (a Uint8Array), received an object {rows: 1}`,
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('safeWriteFileAtomic resolves to the outcome and never rejects', async () => {
    const dir = fresh();
    expect(await safeWriteFileAtomic(join(dir, 'a.txt'), 'whole\n')).toEqual({ success: true, data: undefined });
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('whole\n');
    const missing = join(dir, 'missing', 'a.txt');
    expect(await safeWriteFileAtomic(missing, 'x')).toEqual({
      success: false,
      error: { code: 'OUTPUT_NOT_WRITTEN', path: [], message: `cannot write ${missing}: the directory ${join(dir, 'missing')} does not exist`, received: missing, expected: 'a file that can be written' },
    });
    for (const [path, data, options] of [[undefined, 'x', {}], [join(dir, 'b.txt'), null, {}], [join(dir, 'b.txt'), 'x', 7]] as const) {
      const r = await safeWriteFileAtomic(path as never, data as never, options as never);
      expect(r.success).toBe(false);
    }
    expect(readdirSync(dir)).toEqual(['a.txt']);
  });
});

describe('fileErrorReason', () => {
  it('puts common system errors in words', () => {
    const reason = (code: string) => fileErrorReason('/x/out.csv', Object.assign(new Error(code), { code }));
    expect(reason('EACCES')).toBe('permission denied');
    expect(reason('EROFS')).toBe('the file system is read-only');
    expect(reason('EPIPE')).toBe('the reading end of the pipe was closed');
    expect(reason('EWHATEVER')).toBe('EWHATEVER');
    expect(fileErrorReason('x', new Error('plain'))).toBe('plain');
  });
});
