/**
 * Writing an output file whole or not at all. The output goes to a temporary file beside the
 * target (same directory, so that the final rename stays on one file system), named
 * `.<name>.<pid>.<random>.tmp`; when the run has succeeded, the file is flushed to disk and renamed
 * onto the target, in one step. A run that fails, or that is stopped by a signal it was told to
 * watch, removes the temporary file and leaves the target as it was: absent, or the earlier file
 * unchanged. Only a stop that runs no code at all (SIGKILL, a power cut) can leave the temporary
 * file behind, never a partial file under the target's name.
 *
 * A target that is not a regular file (a device such as `/dev/null`, a named pipe) cannot be
 * renamed onto: it is written in place. A symbolic link to a file is followed (the file is
 * replaced, not the link), and an existing file keeps its permission bits.
 *
 * @module
 */
import { randomBytes } from 'node:crypto';
import { accessSync, close, closeSync, constants, createWriteStream, fchmodSync, fsync, openSync, realpathSync, renameSync, statSync, unlinkSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { promisify } from 'node:util';
import { ChuanNgheoError, describeReceived, fail, toSafeAsync, type SafeResult } from '../errors.js';
import { readOptions } from '../options.js';

/** Options of {@link openAtomicOutput}. */
export interface AtomicOutputOptions {
  /**
   * Signals on which the temporary file is removed (default: none). After removing it, the
   * process is ended by the same signal, as it would have been without the handler, unless
   * another listener handles that signal. The command line passes SIGINT, SIGTERM and SIGHUP.
   */
  readonly signals?: readonly NodeJS.Signals[];
}

/** An output file being written; see {@link openAtomicOutput}. */
export interface AtomicOutput {
  /** The target, as given. */
  readonly path: string;
  /** The temporary file written until {@link AtomicOutput.commit}; undefined for a target written in place. */
  readonly tempPath: string | undefined;
  /** Where to write. Its errors are listened to: they make {@link AtomicOutput.commit} fail. */
  readonly stream: Writable;
  /** The first error of the file, described, once there is one. */
  readonly failure: OutputFileError | undefined;
  /**
   * Ends the stream, waits until everything is written and flushes the file to disk, without
   * renaming it yet: for several files that should appear together, flush them all, then commit
   * each. On any error the temporary file is removed and the promise rejects with an
   * {@link OutputFileError}.
   */
  flush(): Promise<void>;
  /**
   * {@link AtomicOutput.flush | Flushes} the file if not done yet and renames it onto the target.
   * On any error the temporary file is removed and the promise rejects with an {@link OutputFileError}.
   */
  commit(): Promise<void>;
  /** Gives up: stops the stream and removes the temporary file; the target is left as it was. Never rejects. */
  abort(): Promise<void>;
}

/**
 * An output file that could not be written: a {@link ChuanNgheoError} with the code
 * `OUTPUT_NOT_WRITTEN`, the path `[]` and the file as the received value. The message names the
 * file and the reason in words, e.g. `cannot write out/result.csv: the directory out does not
 * exist`; `systemCode` is the system's (`ENOENT`, `ENOTDIR`, `EISDIR`, `EACCES`, `ENOSPC`, `EPIPE` …)
 * and `cause` the original error.
 *
 * @example
 * const error = new OutputFileError('out/result.csv', Object.assign(new Error('no such file'), { code: 'ENOENT' }));
 * error.message //=> 'cannot write out/result.csv: the directory out does not exist'
 * error.code //=> 'OUTPUT_NOT_WRITTEN'
 * error.systemCode //=> 'ENOENT'
 * error.file //=> 'out/result.csv'
 * error instanceof ChuanNgheoError //=> true
 */
export class OutputFileError extends ChuanNgheoError {
  override readonly name: string = 'OutputFileError';
  /** The system error code, e.g. `ENOSPC`; `EUNKNOWN` when the cause has none. */
  readonly systemCode: string;
  /** The file, as given. */
  readonly file: string;

  /**
   * @param file - The file that could not be written, as given (or `standard output`).
   * @param cause - The error that stopped it, usually a system error with a `code`.
   */
  constructor(file: string, cause: unknown) {
    super({ code: 'OUTPUT_NOT_WRITTEN', path: [], message: `cannot write ${file}: ${fileErrorReason(file, cause)}`, received: file, expected: 'a file that can be written' });
    this.cause = cause;
    this.systemCode = codeOf(cause) ?? 'EUNKNOWN';
    this.file = file;
  }
}

const REASONS: Readonly<Record<string, string>> = {
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EFBIG: 'the file is larger than the file system allows',
  EIO: 'an input/output error of the device',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many levels of symbolic links',
  EPIPE: 'the reading end of the pipe was closed',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  ETXTBSY: 'the file is busy',
  EBUSY: 'the file is busy',
  ERR_STREAM_PREMATURE_CLOSE: 'the output was closed before all rows were written',
  ECANCELED: 'the run was stopped before the file was complete',
};

/**
 * The reason of a file error in words, for `path`: for a missing directory or a path through a
 * file, which part is wrong (`the directory out does not exist`, `survey.csv is not a directory`).
 */
export function fileErrorReason(path: string, error: unknown): string {
  const code = codeOf(error);
  if (code === 'ENOENT') {
    const missing = firstMissing(dirname(path));
    return missing === undefined ? 'no such file' : `the directory ${missing} does not exist`;
  }
  if (code === 'ENOTDIR') {
    const file = firstNonDirectory(path);
    if (file === undefined) return 'a part of the path is not a directory';
    return file === path ? 'it is not a directory' : `${file} is not a directory`;
  }
  if (code !== undefined && REASONS[code]) return REASONS[code];
  const message = error instanceof Error ? error.message : String(error);
  return code !== undefined && !message.includes(code) ? `${message} (${code})` : message;
}

function codeOf(error: unknown): string | undefined {
  const code = error && typeof error === 'object' && 'code' in error ? (error as { code: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** The outermost directory of `dir` that does not exist (`out` for `out/a/b`), if any. */
function firstMissing(dir: string): string | undefined {
  let missing: string | undefined;
  for (let d = dir; statOrUndefined(d) === undefined; d = dirname(d)) {
    missing = d;
    if (dirname(d) === d) break;
  }
  return missing;
}

/** The part of `path` that exists and is not a directory (`survey.csv` for `survey.csv/out.csv`), if any. */
function firstNonDirectory(path: string): string | undefined {
  for (let d = path; ; d = dirname(d)) {
    const stats = statOrUndefined(d);
    if (stats && !stats.isDirectory()) return d;
    if (stats || dirname(d) === d) return undefined;
  }
}

const systemError = (code: string, message: string) => Object.assign(new Error(message), { code });
const fsyncAsync = promisify(fsync);
const closeAsync = promisify(close);

// Temporary files not yet renamed or removed, and the process hooks that remove them.
interface Pending {
  readonly signals: readonly NodeJS.Signals[];
  discardNow(): void;
}
const pending = new Set<Pending>();
const signalHooks = new Map<NodeJS.Signals, () => void>();

function onExit(): void {
  for (const p of [...pending]) p.discardNow();
}

function onSignal(signal: NodeJS.Signals): void {
  for (const p of [...pending]) if (p.signals.includes(signal)) p.discardNow();
  // Without another listener, end the process by the signal, as it would have ended without this one.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function track(p: Pending): void {
  if (pending.size === 0) process.on('exit', onExit);
  pending.add(p);
  for (const signal of p.signals) {
    if (signalHooks.has(signal)) continue;
    const hook = () => onSignal(signal);
    signalHooks.set(signal, hook);
    process.on(signal, hook);
  }
}

function untrack(p: Pending): void {
  if (!pending.delete(p)) return;
  if (pending.size === 0) process.off('exit', onExit);
  for (const [signal, hook] of signalHooks) {
    if ([...pending].some((q) => q.signals.includes(signal))) continue;
    process.off(signal, hook);
    signalHooks.delete(signal);
  }
}

const whenClosed = (stream: Writable) => new Promise<void>((resolve) => (stream.closed ? resolve() : stream.once('close', () => resolve())));

/**
 * Opens `path` for writing whole or not at all (see the module's description). Problems that can
 * be seen at once (a missing directory, a path through a file, a directory as target, a file that
 * may not be written) throw here, before anything is read or written.
 *
 * @throws {OutputFileError} `OUTPUT_NOT_WRITTEN` when the output cannot be created. A
 * {@link ChuanNgheoError} `OUTPUT_NOT_WRITTEN` for a path that is not a file name,
 * `INVALID_OPTIONS` for options that are not an object of signals.
 * @example
 * const out = openAtomicOutput('result.csv', { signals: ['SIGINT', 'SIGTERM'] });
 * try {
 *   await classifyCsvParallel(fs.createReadStream('examples/households.csv'), out.stream, { output: 'csv', date: '2025-12-01' });
 *   await out.commit(); // result.csv appears, complete
 * } catch (error) {
 *   await out.abort(); // no result.csv, no temporary file
 *   throw out.failure ?? error;
 * }
 * fs.readFileSync('result.csv', 'utf8').split('\n').length //=> 42
 */
export function openAtomicOutput(path: string, options: AtomicOutputOptions = {}): AtomicOutput {
  if (typeof path !== 'string' || path === '') {
    fail('OUTPUT_NOT_WRITTEN', [], `the output: expected the name of a file, received ${describeReceived(path)}`, path, 'the name of a file');
  }
  const signals = signalsOf(options);
  const failed = (error: unknown) => (error instanceof OutputFileError ? error : new OutputFileError(path, error));
  let existing: Stats | undefined;
  try {
    existing = statSync(path);
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw failed(error);
  }
  if (existing?.isDirectory()) throw failed(systemError('EISDIR', 'is a directory'));
  if (existing && !existing.isFile()) return inPlace(path, failed);

  let target = path;
  if (existing) {
    try {
      target = realpathSync(path);
      accessSync(target, constants.W_OK);
    } catch (error) {
      throw failed(error);
    }
  }
  const tempPath = join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(tempPath, 'wx', 0o666);
  } catch (error) {
    throw failed(error);
  }
  let fdOpen = true;
  const closeFd = () => {
    if (!fdOpen) return;
    fdOpen = false;
    try {
      closeSync(fd);
    } catch {
      // closing is all that is left to do
    }
  };
  const removeTemp = () => {
    try {
      unlinkSync(tempPath);
    } catch {
      // already gone
    }
  };
  if (existing) {
    try {
      fchmodSync(fd, existing.mode & 0o777);
    } catch {
      // the permission bits of the earlier file are kept where the file system allows it
    }
  }

  const stream = createWriteStream(tempPath, { fd, autoClose: false });
  let failure: OutputFileError | undefined;
  stream.on('error', (error) => {
    failure ??= failed(error);
  });
  // open: being written; finishing: flushed or being flushed, not yet renamed; done: renamed or given up.
  let state: 'open' | 'finishing' | 'done' = 'open';
  const entry: Pending = {
    signals,
    discardNow() {
      // From a signal or the process's exit: synchronous, the file first. A flush under way sees
      // it after its next step and closes the descriptor itself.
      if (state === 'done') return;
      const finishing = state === 'finishing';
      state = 'done';
      untrack(entry);
      removeTemp();
      if (finishing) return;
      stream.destroy();
      void whenClosed(stream).then(closeFd);
    },
  };
  track(entry);

  const stillWanted = () => {
    if (state !== 'finishing') throw systemError('ECANCELED', 'stopped before the file was complete');
  };
  const giveUp = async (error: unknown): Promise<never> => {
    failure ??= failed(error);
    state = 'done';
    untrack(entry);
    stream.destroy();
    await whenClosed(stream); // no write still under way on the descriptor
    closeFd();
    removeTemp();
    throw failure;
  };
  let flushing: Promise<void> | undefined;
  const flush = (): Promise<void> =>
    (flushing ??= (async () => {
      if (state !== 'open') fail('OUTPUT_NOT_WRITTEN', [], `the output ${path} was already given up`, path, 'an output not yet given up');
      state = 'finishing';
      try {
        if (failure) throw failure;
        stream.end();
        await finished(stream);
        if (failure) throw failure;
        stillWanted();
        await fsyncAsync(fd);
        fdOpen = false;
        await closeAsync(fd);
        stillWanted();
      } catch (error) {
        await giveUp(error);
      }
    })());

  return {
    path,
    tempPath,
    stream,
    get failure() {
      return failure;
    },
    flush,
    async commit() {
      if (state === 'done') fail('OUTPUT_NOT_WRITTEN', [], `the output ${path} was already committed or given up`, path, 'an output not yet committed or given up');
      await flush();
      try {
        stillWanted();
        renameSync(tempPath, target);
        state = 'done';
        untrack(entry);
      } catch (error) {
        await giveUp(error);
      }
    },
    async abort() {
      if (state === 'done') return;
      state = 'done';
      untrack(entry);
      if (flushing) await flushing.catch(() => {}); // it sees the state and stops
      else {
        stream.destroy();
        await whenClosed(stream); // no write still under way on the descriptor
      }
      closeFd();
      removeTemp();
    },
  };
}

/** The signals option, checked: an array of signal names, or nothing. */
function signalsOf(options: unknown): readonly NodeJS.Signals[] {
  const { signals } = readOptions(options, ['signals']);
  if (signals === undefined) return [];
  if (!Array.isArray(signals) || !signals.every((signal) => typeof signal === 'string' && /^SIG[A-Z0-9]+$/.test(signal))) {
    fail('INVALID_OPTIONS', ['signals'], `options.signals: expected an array of signal names such as ["SIGINT", "SIGTERM"], received ${describeReceived(signals)}`, signals, 'an array of signal names');
  }
  return [...signals] as NodeJS.Signals[];
}

/** A device or a named pipe: written in place (nothing to rename). */
function inPlace(path: string, failed: (error: unknown) => OutputFileError): AtomicOutput {
  const stream = createWriteStream(path);
  let failure: OutputFileError | undefined;
  stream.on('error', (error) => {
    failure ??= failed(error);
  });
  let flushing: Promise<void> | undefined;
  const flush = (): Promise<void> =>
    (flushing ??= (async () => {
      try {
        if (failure) throw failure;
        stream.end();
        await finished(stream);
        if (failure) throw failure;
      } catch (error) {
        failure ??= failed(error);
        stream.destroy();
        throw failure;
      }
    })());
  return {
    path,
    tempPath: undefined,
    stream,
    get failure() {
      return failure;
    },
    flush,
    commit: flush,
    async abort() {
      if (flushing) return;
      flushing = Promise.resolve();
      stream.destroy();
      await whenClosed(stream);
    },
  };
}

/**
 * Writes `data` to `path` whole or not at all: through a temporary file renamed onto `path`.
 *
 * @throws {OutputFileError} `OUTPUT_NOT_WRITTEN` when the file cannot be written; `path` is then
 * left as it was. A {@link ChuanNgheoError} `OUTPUT_NOT_WRITTEN` for a path or data of the wrong
 * type, `INVALID_OPTIONS` for options that are not an object of signals.
 * @example
 * await writeFileAtomic('summary.txt', 'whole or nothing\n');
 * fs.readFileSync('summary.txt', 'utf8') //=> 'whole or nothing\n'
 * writeFileAtomic('no-such-directory/summary.txt', 'x') //=> throws OUTPUT_NOT_WRITTEN
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicOutputOptions = {}): Promise<void> {
  if (typeof data !== 'string' && !(data instanceof Uint8Array)) {
    fail('OUTPUT_NOT_WRITTEN', [], `the data of ${typeof path === 'string' ? path : 'the file'}: expected text or bytes (a Uint8Array), received ${describeReceived(data)}`, data, 'text or bytes');
  }
  const out = openAtomicOutput(path, options);
  try {
    out.stream.write(data);
    await out.commit();
  } catch (error) {
    await out.abort();
    throw out.failure ?? error;
  }
}

/**
 * Safe twin of {@link writeFileAtomic}: resolves to `{ success, data | error }` and never rejects,
 * whatever its arguments; on failure `path` is left as it was.
 *
 * @example
 * const r = await safeWriteFileAtomic('no-such-directory/summary.txt', 'x');
 * !r.success && r.error
 * //=> { code: 'OUTPUT_NOT_WRITTEN', path: [], message: 'cannot write no-such-directory/summary.txt: the directory no-such-directory does not exist',
 * //     received: 'no-such-directory/summary.txt', expected: 'a file that can be written' }
 * const ok = await safeWriteFileAtomic('summary.txt', 'whole or nothing\n');
 * ok.success //=> true
 */
export async function safeWriteFileAtomic(path: string, data: string | Uint8Array, options: AtomicOutputOptions = {}): Promise<SafeResult<void>> {
  return toSafeAsync(() => writeFileAtomic(path, data, options));
}
