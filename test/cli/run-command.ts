// Runs a command of the command line in this process, as `chuan-ngheo COMMAND …` runs it: what it
// writes to standard output and standard error is captured, and an error it throws ends it as the
// command line ends it (one line on stderr, exit status 2). The same commands are run end to end,
// on the built package, by the other tests of this folder.
import { Readable } from 'node:stream';
import { vi } from 'vitest';
import { describeFatal, exitStatus } from '../../src/cli/args.js';

/** What a command did. */
export interface CommandRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  /** The error that ended the command, when one did. */
  readonly error?: unknown;
}

/** A command's entry point: `classifyCommand`, `reportCommand` … */
export type Command = (argv: string[]) => Promise<number>;

/** Options of {@link runCommand}. */
export interface RunOptions {
  /** Standard input, when the command reads it. */
  readonly stdin?: string | Buffer;
  /** Whether standard error is a terminal (it shows the progress bar then). */
  readonly stderrIsTerminal?: boolean;
}

type WriteCallback = (error?: Error | null) => void;

/** A `write` that keeps what it is given and reports it written at once. */
function capture(into: (string | Uint8Array)[]) {
  return (chunk: string | Uint8Array, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback): boolean => {
    into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (done) process.nextTick(done, null);
    return true;
  };
}

const text = (parts: (string | Uint8Array)[]) => parts.map((p) => (typeof p === 'string' ? p : Buffer.from(p).toString('utf8'))).join('');

/** Runs `command` with `argv` in this process; resolves to its status and what it wrote. */
export async function runCommand(command: Command, argv: string[], options: RunOptions = {}): Promise<CommandRun> {
  const out: (string | Uint8Array)[] = [];
  const err: (string | Uint8Array)[] = [];
  const spies: { mockRestore(): void }[] = [vi.spyOn(process.stdout, 'write').mockImplementation(capture(out) as typeof process.stdout.write), vi.spyOn(process.stderr, 'write').mockImplementation(capture(err) as typeof process.stderr.write)];
  if (options.stdin !== undefined) spies.push(vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from([Buffer.from(options.stdin)]) as typeof process.stdin));
  const wasTerminal = process.stderr.isTTY;
  if (options.stderrIsTerminal !== undefined) process.stderr.isTTY = options.stderrIsTerminal;
  try {
    const status = await command(argv);
    return { status, stdout: text(out), stderr: text(err) };
  } catch (error) {
    err.push(`chuan-ngheo: ${describeFatal(error)}\n`);
    return { status: exitStatus.usage, stdout: text(out), stderr: text(err), error };
  } finally {
    process.stderr.isTTY = wasTerminal;
    for (const spy of spies) spy.mockRestore();
  }
}

/** The rows of CSV text without quoted fields, as arrays of fields (the header first). */
export const csvRows = (csv: string): string[][] =>
  csv
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));

/** The objects of JSON Lines text. */
export const jsonLines = (jsonl: string): Record<string, unknown>[] =>
  jsonl
    .trimEnd()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
