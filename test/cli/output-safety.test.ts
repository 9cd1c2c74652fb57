// What the command line does with its outputs, end to end on the built package (npm test builds
// it first): an output never replaces its input, a file appears under its name only when complete,
// every output error is one line and exit status 2, and --threads stays within the machine.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, mkdtempSync, openSync, closeSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PassThrough, Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { afterPause, nd07Ids } from '../helpers.js';

const cli = join(import.meta.dirname, '../../dist/cli.js');
const run = (args: string[], options: { input?: string; cwd?: string; stdout?: number } = {}) =>
  spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    ...(options.input !== undefined ? { input: options.input } : {}),
    ...(options.cwd !== undefined ? { cwd: options.cwd } : {}),
    ...(options.stdout !== undefined ? { stdio: ['pipe', options.stdout, 'pipe'] } : {}),
  });
const fresh = () => mkdtempSync(join(tmpdir(), 'chuan-ngheo-cli-out-'));
const example = readFileSync('examples/households.csv', 'utf8');
const date = '2025-12-01';
const isRoot = process.getuid?.() === 0;
const hasDevFull = existsSync('/dev/full');
if (!hasDevFull) console.log('/dev/full is absent here: the full-disk cases (ENOSPC) are skipped');

/** Checks a failed run: exit status 2 and exactly one line on stderr, matching `message`, without a stack trace. */
function expectOneLineError(r: { status: number | null; stderr: string }, message: RegExp): void {
  expect(r.stderr).toMatch(/^chuan-ngheo: [^\n]*\n$/);
  expect(r.stderr).toMatch(message);
  expect(r.stderr).not.toMatch(/Unhandled|\n\s+at /);
  expect(r.status).toBe(2);
}

/** `rows` CSV rows at indicator level (about 60 bytes each). */
function csvRows(from: number, rows: number): string {
  let text = '';
  for (let i = from; i < from + rows; i++) text += `H${i},${i % 2 ? 'rural' : 'urban'},${1 + (i % 5)},${(i * 7919) % 4_000_000},${nd07Ids.map((_, j) => ((i + j) % 4 === 0 ? 1 : 0)).join(',')}\n`;
  return text;
}
const csvHeader = `id,area,size,incomeMonthlyTotal,${nd07Ids.join(',')}\n`;

/** Waits, polling, until `ready` holds (or fails after a generous deadline: nothing here is timed). */
async function until(ready: () => boolean, what: string): Promise<void> {
  for (const started = Date.now(); !ready(); ) {
    if (Date.now() - started > 30_000) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));

describe('--out that names the input', () => {
  const cases: [string, (dir: string) => string][] = [
    ['the same name', () => 'survey.csv'],
    ['./ before the name', () => './survey.csv'],
    ['an absolute path', (dir) => join(dir, 'survey.csv')],
    ['a path through the parent', (dir) => join('..', relative(join(dir, '..'), dir), 'survey.csv')],
    ['a symbolic link to it', (dir) => (symlinkSync('survey.csv', join(dir, 'link.csv')), 'link.csv')],
    ['a hard link to it (the same inode)', (dir) => (linkSync(join(dir, 'survey.csv'), join(dir, 'hard.csv')), 'hard.csv')],
  ];
  it.each(cases)('is refused through %s: exit 2, the input unchanged, nothing written', (_, outOf) => {
    const dir = fresh();
    writeFileSync(join(dir, 'survey.csv'), example);
    const out = outOf(dir);
    const before = readdirSync(dir).sort();
    const r = run(['classify', 'survey.csv', '--date', date, '--out', out], { cwd: dir });
    expectOneLineError(r, new RegExp(`--out ${out.replace(/[.]/g, '\\.')} is the same file as the input survey\\.csv`));
    expect(r.stdout).toBe('');
    expect(readFileSync(join(dir, 'survey.csv'), 'utf8')).toBe(example);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('the input given through a symbolic link and --out as the file itself is refused too', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'survey.csv'), example);
    symlinkSync('survey.csv', join(dir, 'link.csv'));
    const r = run(['classify', 'link.csv', '--date', date, '--out', 'survey.csv'], { cwd: dir });
    expectOneLineError(r, /--out survey\.csv is the same file as the input link\.csv/);
    expect(readFileSync(join(dir, 'survey.csv'), 'utf8')).toBe(example);
  });

  it('report refuses a chart that would replace its input', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'charts'));
    writeFileSync(join(dir, 'charts', 'rates-by-group.svg'), example);
    const r = run(['report', join('charts', 'rates-by-group.svg'), '--date', date, '--charts', 'charts'], { cwd: dir });
    expectOneLineError(r, /--charts charts\/rates-by-group\.svg is the same file as FILE/);
    expect(readFileSync(join(dir, 'charts', 'rates-by-group.svg'), 'utf8')).toBe(example);
    expect(readdirSync(join(dir, 'charts'))).toEqual(['rates-by-group.svg']);
  });
});

describe('output files appear whole or not at all', () => {
  it('a complete run leaves the output under its name and no temporary file; invalid rows (exit 1) are still a complete output', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'in.csv'), `${example}HHX,rural,0,1\n`);
    const r = run(['classify', 'in.csv', '--date', date, '--out', 'out.csv'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(42);
    expect(readdirSync(dir).sort()).toEqual(['in.csv', 'out.csv']);
  });

  it('a run that stops on an error leaves an earlier output as it was and no temporary file', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'out.csv'), 'earlier\n');
    writeFileSync(join(dir, 'dup.csv'), 'id,area,area\nA,rural,rural\n');
    const r = run(['classify', 'dup.csv', '--date', date, '--out', 'out.csv'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('earlier\n');
    expect(readdirSync(dir).sort()).toEqual(['dup.csv', 'out.csv']);
  });

  it('report writes both charts only when it succeeds', () => {
    const dir = fresh();
    const failed = run(['report', 'examples/households.csv', '--date', date, '--previous', 'examples/households-2024.csv', '--charts', join(dir, 'charts')]);
    expect(failed.status).toBe(2);
    expect(readdirSync(join(dir, 'charts'))).toEqual([]);
    const done = run(['report', 'examples/households.csv', '--date', date, '--charts', join(dir, 'charts')]);
    expect(done.status).toBe(0);
    expect(readdirSync(join(dir, 'charts')).sort()).toEqual(['deprivation-profile.svg', 'rates-by-group.svg']);
  });

  /**
   * Starts `classify - --out out.csv` in `dir`, feeds it more than one chunk of rows and keeps its
   * input open, so that it is certainly in the middle of the run; resolves once rows have reached
   * its temporary file.
   */
  async function midway(dir: string): Promise<ChildProcess> {
    const child = spawn(process.execPath, [cli, 'classify', '-', '--date', date, '--out', 'out.csv', '--quiet'], { cwd: dir, stdio: ['pipe', 'ignore', 'pipe'] });
    child.stdin!.on('error', () => {});
    child.stdin!.write(csvHeader + csvRows(0, 40_000)); // about 2.4 MB: more than one 1 MiB chunk
    const temps = () => readdirSync(dir).filter((f) => /^\.out\.csv\.\d+\.[0-9a-f]{8}\.tmp$/.test(f));
    await until(() => temps().length === 1 && statSync(join(dir, temps()[0]!)).size > 0, 'rows in the temporary file');
    expect(existsSync(join(dir, 'out.csv'))).toBe(false);
    return child;
  }

  it.each(['SIGTERM', 'SIGINT'] as const)('a run stopped by %s removes its temporary file and leaves no output', async (signal) => {
    const dir = fresh();
    const child = await midway(dir);
    const end = exited(child);
    child.kill(signal);
    expect((await end).signal).toBe(signal);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a run stopped by SIGTERM leaves an earlier output as it was', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'out.csv'), 'earlier\n');
    const child = await (async () => {
      const c = spawn(process.execPath, [cli, 'classify', '-', '--date', date, '--out', 'out.csv', '--quiet'], { cwd: dir, stdio: ['pipe', 'ignore', 'pipe'] });
      c.stdin!.on('error', () => {});
      c.stdin!.write(csvHeader + csvRows(0, 40_000));
      await until(() => readdirSync(dir).some((f) => f.endsWith('.tmp') && statSync(join(dir, f)).size > 0), 'rows in the temporary file');
      return c;
    })();
    const end = exited(child);
    child.kill('SIGTERM');
    await end;
    expect(readdirSync(dir)).toEqual(['out.csv']);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('earlier\n');
  });

  it('a run killed outright (SIGKILL, no handler runs) leaves no file under the final name: only a temporary file may remain', async () => {
    const dir = fresh();
    const child = await midway(dir);
    const end = exited(child);
    child.kill('SIGKILL');
    expect((await end).signal).toBe('SIGKILL');
    const left = readdirSync(dir);
    expect(left).not.toContain('out.csv');
    for (const f of left) expect(f).toMatch(/^\.out\.csv\.\d+\.[0-9a-f]{8}\.tmp$/);
  });
});

describe('output errors: one line naming the file and the reason, exit 2', () => {
  it('a missing directory', () => {
    const dir = fresh();
    const r = run(['classify', 'examples/households.csv', '--date', date, '--out', join(dir, 'missing', 'out.csv')]);
    expectOneLineError(r, new RegExp(`cannot write ${join(dir, 'missing', 'out.csv')}: the directory ${join(dir, 'missing')} does not exist`));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a path under a regular file (ENOTDIR)', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'file.csv'), 'x\n');
    const r = run(['classify', 'examples/households.csv', '--date', date, '--out', join(dir, 'file.csv', 'out.csv')]);
    expectOneLineError(r, new RegExp(`cannot write ${join(dir, 'file.csv', 'out.csv')}: ${join(dir, 'file.csv')} is not a directory`));
    expect(readFileSync(join(dir, 'file.csv'), 'utf8')).toBe('x\n');
  });

  it('a directory as target (EISDIR)', () => {
    const dir = fresh();
    mkdirSync(join(dir, 'out.csv'));
    const r = run(['classify', 'examples/households.csv', '--date', date, '--out', join(dir, 'out.csv')]);
    expectOneLineError(r, /: it is a directory$/m);
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('--charts under a regular file', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'file.csv'), 'x\n');
    const r = run(['report', 'examples/households.csv', '--date', date, '--charts', join(dir, 'file.csv', 'charts')]);
    expectOneLineError(r, /file\.csv is not a directory/);
    expect(r.stdout).toBe('');
  });

  it.skipIf(isRoot)('a read-only target (not checked as root, who may write it)', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'out.csv'), 'earlier\n');
    chmodSync(join(dir, 'out.csv'), 0o444);
    const r = run(['classify', 'examples/households.csv', '--date', date, '--out', join(dir, 'out.csv')]);
    expectOneLineError(r, /out\.csv: permission denied/);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('earlier\n');
  });

  it.skipIf(!hasDevFull)('a full disk (ENOSPC, /dev/full) with --out, and as standard output of each command', () => {
    expectOneLineError(run(['classify', 'examples/households.csv', '--date', date, '--out', '/dev/full']), /^chuan-ngheo: cannot write \/dev\/full: no space left on the device\n$/);
    const full = openSync('/dev/full', 'w');
    try {
      for (const args of [
        ['classify', 'examples/households.csv', '--date', date],
        ['report', 'examples/households.csv', '--date', date],
        ['validate', 'test/fixtures/roster-broken.jsonl', '--date', date],
      ]) {
        expectOneLineError(run(args, { stdout: full }), /^chuan-ngheo: cannot write standard output: no space left on the device\n$/);
      }
    } finally {
      closeSync(full);
    }
    expect(statSync('/dev/full').isCharacterDevice()).toBe(true);
  });

  it.each([
    ['classify', ['classify', '-', '--date', date, '--quiet'], csvHeader, (from: number) => csvRows(from, 40_000)],
    ['validate', ['validate', '-', '--date', date, '--format', 'jsonl', '--quiet'], '', () => `${readFileSync('examples/roster.jsonl', 'utf8')}`.repeat(200)],
  ] as const)('%s ends quietly, status 0, when the reader of standard output stops early (| head)', async (_, args, head, more) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin!.on('error', () => {});
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    const end = exited(child);
    const firstOutput = new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    child.stdin!.write(head + more(0));
    await firstOutput;
    child.stdout!.destroy(); // the reader goes away, as head does after its lines
    child.stdin!.end(more(40_000)); // so the command has more to write
    expect(await end).toEqual({ code: 0, signal: null });
    expect(stderr).toBe('');
  });
});

describe('--threads', async () => {
  const { threadsFor, maxThreads } = await import('../../src/cli/classify-command.js');
  const cores = availableParallelism();

  it.each(['1e3', '2.5', '0x2', ' 2', '2 ', '+2', '-1', '0', '', 'two'])('refuses %j: not a whole number from 1, written in digits', (value) => {
    expect(() => threadsFor('x.csv', value)).toThrow(new RegExp(`^--threads must be a whole number from 1 to ${Math.min(cores, maxThreads)}, written in digits; received ${JSON.stringify(value).replace(/[.+]/g, '\\$&')}$`));
  });

  it('takes 1 to the available parallelism; above it, a usage error that gives the maximum', () => {
    expect(threadsFor('x.csv', '1')).toBe(1);
    expect(threadsFor('x.csv', String(Math.min(cores, maxThreads)))).toBe(Math.min(cores, maxThreads));
    expect(threadsFor('x.csv', '01')).toBe(1);
    if (cores < maxThreads) {
      expect(() => threadsFor('x.csv', String(cores + 1))).toThrow(`--threads ${cores + 1} is more than the ${cores} thread(s) this machine runs at once: use --threads ${cores} at most, or add --force-threads to go up to ${maxThreads}`);
    }
    expect(() => threadsFor('x.csv', '1000')).toThrow(/use --threads \d+ at most/);
  });

  it(`with --force-threads goes above the cores, up to ${64} and no further`, () => {
    expect(maxThreads).toBe(64);
    expect(threadsFor('x.csv', String(maxThreads), true)).toBe(maxThreads);
    expect(() => threadsFor('x.csv', String(maxThreads + 1), true)).toThrow(`--threads ${maxThreads + 1} is more than ${maxThreads}, the most a run may use (even with --force-threads)`);
    expect(() => threadsFor('x.csv', '1e3', true)).toThrow(/written in digits/);
  });

  it('on the command line: --threads 1000 and 1e3 are usage errors before anything is read or started', () => {
    const dir = fresh();
    for (const value of ['1000', '1e3']) {
      const r = run(['classify', 'examples/households.csv', '--date', date, '--threads', value, '--out', join(dir, 'out.csv')]);
      expectOneLineError(r, /--threads/);
    }
    expect(readdirSync(dir)).toEqual([]);
    expectOneLineError(run(['classify', 'examples/households.csv', '--threads', '1000', '--force-threads']), /the most a run may use/);
  });

  it('with --force-threads, more threads than cores still write what one thread writes', () => {
    const one = run(['classify', 'examples/households.csv', '--date', date, '--threads', '1']);
    const more = run(['classify', 'examples/households.csv', '--date', date, '--threads', String(cores + 1), '--force-threads']);
    expect(more.status).toBe(0);
    expect(more.stdout).toBe(one.stdout);
  });
});

describe('the streaming classifiers stop when their output fails', async () => {
  // The library in process (coverage sees it); worker threads run the built worker script (npm test builds first).
  const { classifyCsvParallel, classifyJsonlParallel } = await import('../helpers.js');

  /** An output that fails on its third write, as a full disk does. */
  const failingOutput = () => {
    let writes = 0;
    return new Writable({
      highWaterMark: 1024,
      write(_chunk, _encoding, callback) {
        if (++writes === 3) callback(Object.assign(new Error('no space left on device, write'), { code: 'ENOSPC' }));
        else setImmediate(callback);
      },
    });
  };
  /** The input in slices, counting how many were read. */
  const counted = (text: string, threads: number) => {
    const read = { slices: 0, total: Math.ceil(Buffer.byteLength(text) / (16 * 1024)) };
    async function* slices() {
      for await (const slice of threads > 1 ? afterPause(text, 500) : afterPause(text, 0)) {
        read.slices++;
        yield slice;
      }
    }
    return { input: Readable.from(slices()), read };
  };
  const csv = csvHeader + csvRows(0, 30_000);
  const jsonl = `${readFileSync('examples/roster.jsonl', 'utf8')}`.repeat(60);

  it.each([1, 2])('CSV on %i thread(s): rejects with the output error, and stops reading', async (threads) => {
    const { input, read } = counted(csv, threads);
    await expect(classifyCsvParallel(input, failingOutput(), { output: 'csv', date, threads, chunkBytes: 32 * 1024 })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(read.slices).toBeLessThan(read.total / 2);
    expect(input.destroyed).toBe(true);
  });

  it.each([1, 2])('JSON Lines on %i thread(s): rejects with the output error, and stops reading', async (threads) => {
    const { input, read } = counted(jsonl, threads);
    await expect(classifyJsonlParallel(input, failingOutput(), { output: 'jsonl', date, threads, chunkBytes: 32 * 1024 })).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(read.slices).toBeLessThan(read.total / 2);
  });

  it('an output closed in the middle of the run fails it instead of leaving it waiting', async () => {
    const output = new PassThrough({ highWaterMark: 1024 });
    output.once('data', () => output.destroy());
    await expect(classifyCsvParallel(Readable.from([Buffer.from(csv)]), output, { output: 'csv', date, threads: 1, chunkBytes: 32 * 1024 })).rejects.toThrow(
      /closed before all rows were written/,
    );
  });
});
