/**
 * Shared pieces of the command line: reading options, opening files, reporting errors.
 *
 * @module
 */
import { closeSync, createReadStream, fstatSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs';
import { parseColumnMap, type ColumnOptions, type HeaderPlan } from '../columns.js';
import { formatByContent, formatByName, formatNames, type FileFormat } from '../input-format.js';
import { basename, dirname, extname, join, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { ChuanNgheoError, formatPath } from '../errors.js';
import { fileErrorReason, openAtomicOutput, OutputFileError } from '../node/atomic-output.js';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isStandardId, loadStandard, standardIds } from '../standards/registry.js';
import type { Standard } from '../standards/schema.js';
import type { StandardId } from '../standards/ids.js';
import { didYouMean, nearest } from '../nearest.js';

/** A usage error: exit status 2, message on stderr. */
export class UsageError extends Error {}

/**
 * A mistake in how the command was written: an unknown option, an option without its value (or with
 * one it does not take, or given twice), a value that is not one of those allowed, too many or too
 * few FILEs. Exit status 2, its message on stderr, then the usage of the command (see
 * {@link usageAfter}). A value out of its range, or options that do not go together, are a
 * {@link UsageError} of one line: its message says what is allowed.
 */
export class OptionError extends UsageError {
  /** The usage of the command being read when the mistake was found. */
  readonly usage: string | undefined = currentUsage;
}

/** The usage of the command whose options {@link readCommandLine} read last. */
let currentUsage: string | undefined;

/** The command whose options {@link readCommandLine} read last. */
let currentCommand: string | undefined;

/** An input file that cannot be opened or read: exit status 2, message on stderr. */
export class InputFileError extends Error {
  readonly code: string | undefined;
  constructor(path: string, cause: unknown, doing: 'open' | 'read' = 'open') {
    super(`cannot ${doing} ${path}: ${fileErrorReason(path, cause)}`, { cause });
    this.code = (cause as { code?: string } | undefined)?.code;
  }
}

/** The exit statuses of the command line. */
export const exitStatus = { ok: 0, invalidRows: 1, usage: 2 } as const;

/** The signals on which an output file under way is removed before the command ends. */
export const outputSignals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * What to tell someone whose command waits on standard input typed at a terminal: what it waits
 * for, how to end it, and how to give a file instead.
 */
export function terminalInputNotice(command = currentCommand ?? 'COMMAND'): string {
  return `chuan-ngheo: reading standard input from the terminal: type or paste the records, then press Ctrl-D (Ctrl-Z then Enter on Windows) to end; or give a file: chuan-ngheo ${command} FILE\n`;
}

/** Writes {@link terminalInputNotice} on stderr when standard input is a terminal (a pipe or a file needs no word). */
export function noticeTerminalInput(stdin: { readonly isTTY?: boolean } = process.stdin, stderr: { write(text: string): unknown } = process.stderr): void {
  if (stdin.isTTY === true) stderr.write(terminalInputNotice());
}

/**
 * Opens FILE, or standard input for `-` or no file (with a notice on stderr when that is a
 * terminal). A file that cannot be opened fails here, before anything is written.
 */
export function openInput(file: string | undefined): Readable {
  if (file === undefined || file === '-') {
    noticeTerminalInput();
    return process.stdin;
  }
  let fd: number;
  try {
    fd = openSync(file, 'r');
    if (fstatSync(fd).isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  } catch (error) {
    throw new InputFileError(file, error);
  }
  return createReadStream(file, { fd, highWaterMark: 1 << 20 });
}

/** Where a command writes its rows: a file written whole or not at all, or standard output. */
export interface OutputTarget {
  readonly stream: Writable;
  /** The first error of the output, described, once there is one. */
  readonly failure: Error | undefined;
  /** Finishes the output: renames a file into place, or waits until standard output has taken everything. */
  commit(): Promise<void>;
  /** Gives up: a file's temporary copy is removed and the target left as it was. */
  abort(): Promise<void>;
}

let standardOutputFailure: OutputFileError | undefined;

/** Listens to standard output and standard error for errors (a closed pipe), so that none is left unhandled. */
export function listenToStandardStreams(): void {
  process.stdout.on('error', (error) => {
    standardOutputFailure ??= new OutputFileError('standard output', error);
  });
  process.stderr.on('error', () => {
    // nowhere left to report it
  });
}

/** The first error of standard output, if any. */
export function standardOutputError(): OutputFileError | undefined {
  return standardOutputFailure;
}

/** Writes text to standard output; resolves once it is written, rejects if standard output failed. */
export function writeStandardOutput(text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    if (standardOutputFailure) return reject(standardOutputFailure);
    process.stdout.write(text, (error) => (error ? reject(standardOutputFailure ?? new OutputFileError('standard output', error)) : resolve()));
  });
}

const standardOutput: OutputTarget = {
  stream: process.stdout,
  get failure() {
    return standardOutputFailure;
  },
  commit: () => writeStandardOutput(''),
  abort: async () => {},
};

/**
 * Opens FILE for writing, or standard output for `-` or no file. A file is written beside its
 * target under a temporary name and renamed onto it by {@link OutputTarget.commit}; a problem that
 * can be seen at once (a missing directory, a directory as target) fails here, before any reading.
 */
export function openOutput(file: string | undefined): OutputTarget {
  if (file === undefined || file === '-') return standardOutput;
  return openAtomicOutput(file, { signals: outputSignals });
}

/** The real path of a file, or of its directory joined with its name when it does not exist yet. */
function realPathOf(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    try {
      return join(realpathSync(dirname(file)), basename(file));
    } catch {
      return resolve(file);
    }
  }
}

/** Whether two paths name the same file: the same real path (through links, `./x` and `x`), or the same inode. */
export function sameFile(a: string, b: string): boolean {
  if (realPathOf(a) === realPathOf(b)) return true;
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.ino !== 0 && x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** Refuses an output that is one of the inputs: a usage error before anything is opened, so the input stays as it was. */
export function refuseInputAsOutput(option: string, output: string | undefined, inputs: readonly (readonly [string, string | undefined])[]): void {
  if (output === undefined || output === '-') return;
  for (const [name, input] of inputs) {
    if (input === undefined || input === '-') continue;
    if (sameFile(output, input)) throw new UsageError(`${option} ${output} is the same file as ${name} ${input}: write the output to another file`);
  }
}

/** Formats of an input file: CSV, JSON Lines, a JSON array of records, or an Excel workbook. */
export type { FileFormat } from '../input-format.js';

const FORMAT_NAMES = formatNames;

/**
 * What a file's first bytes say it holds (see {@link formatByContent}); `undefined` for standard
 * input or an empty file.
 */
export function sniffFormat(file: string | undefined): FileFormat | undefined {
  if (file === undefined || file === '-') return undefined;
  let head: Buffer;
  try {
    const fd = openSync(file, 'r');
    try {
      head = Buffer.alloc(4096);
      head = head.subarray(0, readSync(fd, head, 0, head.length, 0));
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined; // opening it fails later, with its own message
  }
  return formatByContent(head);
}

/**
 * The input format: `--input`, else the file's extension (`.jsonl`/`.ndjson`, `.json`, `.csv`,
 * `.xlsx`/`.xlsm`), else what its first bytes hold. A file whose content contradicts its extension
 * is a usage error (one line), not an error for each of its rows.
 */
export function inputFormatOf(file: string | undefined, given: string | undefined, allowed: readonly FileFormat[] = ['csv', 'jsonl', 'json', 'xlsx']): FileFormat {
  if (given !== undefined) return oneOf('--input', given, allowed);
  const ext = file ? extname(file).toLowerCase() : '';
  const byName = file ? formatByName(file) : undefined;
  const byContent = sniffFormat(file);
  if (byContent !== undefined && !allowed.includes(byContent) && byName !== byContent) {
    throw new UsageError(`${file} holds ${FORMAT_NAMES[byContent]}; this command reads ${allowed.map((f) => FORMAT_NAMES[f]).join(' or ')}`);
  }
  if (byName !== undefined && byContent !== undefined && byName !== byContent) {
    const start = byContent === 'csv' ? 'a header row' : byContent === 'xlsx' ? 'the bytes of a workbook' : JSON.stringify(byContent === 'json' ? '[' : '{');
    throw new UsageError(`${file} is named as ${FORMAT_NAMES[byName]} (${ext}) but holds ${FORMAT_NAMES[byContent]} (it starts with ${start}); rename it, or give --input ${byContent} to read it so`);
  }
  const format = byName ?? byContent ?? (allowed.includes('csv') ? 'csv' : 'jsonl');
  if (!allowed.includes(format)) throw new UsageError(`${file ?? 'standard input'} holds ${FORMAT_NAMES[format]}; this command reads ${allowed.map((f) => FORMAT_NAMES[f]).join(' or ')}`);
  return format;
}

/** Checks an option's value against its allowed values; a value not among them is an {@link OptionError} naming the nearest. */
export function oneOf<T extends string>(option: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new OptionError(`${option} must be one of ${allowed.join(', ')}; received ${JSON.stringify(value)}${didYouMean(value, allowed)}`);
  return value as T;
}

/**
 * A standard's id given on the command line (`--standard ID`, `standards ID`), checked against
 * the standards this version knows: an unknown one is an {@link OptionError} naming the nearest.
 */
export function standardIdOf(option: string, id: string): StandardId {
  if (!isStandardId(id)) {
    throw new OptionError(`UNKNOWN_STANDARD: ${option} ${JSON.stringify(id)} is not a standard this version knows (${standardIds.join(', ')})${didYouMean(id, standardIds)}`);
  }
  return id;
}

/** The version of the package, from its package.json (beside dist/ when built, two folders up from src/cli/ otherwise). */
export function packageVersion(): string {
  for (const path of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as { name?: string; version: string };
      if (pkg.name === 'chuan-ngheo') return pkg.version;
    } catch {
      // not there: the next place
    }
  }
  return 'unknown';
}

/** The options of a command, as `parseArgs` takes them. */
export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

/** The usage lines of the options every command has. */
export const commonUsage = `  --help, -h            print this text
  --version             print the version of chuan-ngheo`;

/** The options every command has. */
const commonOptions = { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } } as const;

/** A command: its name, its usage text and its options (`--help` and `--version` are added). */
export interface CommandSpec<O extends CommandOptions> {
  /** The command's name as typed: `classify`. */
  readonly command: string;
  /** Its usage text, printed by `--help` and after a mistake in its options. */
  readonly usage: string;
  readonly options: O;
}

/** The options and FILEs read from a command line. */
export type CommandLine<O extends CommandOptions> = ReturnType<typeof parseArgs<{ args: string[]; options: O & typeof commonOptions; allowPositionals: true; strict: true }>>;

/**
 * Reads a command's options and FILEs. `--help` prints the usage and `--version` the version (on
 * standard output; the result is then `undefined`: the command has nothing more to do). A mistake
 * is an {@link OptionError} of one line, naming the option and the nearest valid one, followed by
 * the usage: an unknown option, an option without its value (or whose value looks like another
 * option: write `--date=-X`), a value given to an option that takes none, an option given twice.
 *
 * Example:
 *
 *     const spec = { command: 'demo', usage: 'Usage: chuan-ngheo demo FILE [--date YYYY-MM-DD]', options: { date: { type: 'string' } } } as const;
 *     const line = readCommandLine(['--date', '2025-12-01', 'a.csv'], spec); // undefined after --help or --version
 *     line?.values.date //=> '2025-12-01'
 *     line?.positionals //=> ['a.csv']
 *     readCommandLine(['--dat', '2025-12-01'], spec); // throws OptionError: unknown option --dat; did you mean --date?
 */
export function readCommandLine<const O extends CommandOptions>(argv: readonly string[], spec: CommandSpec<O>): CommandLine<O> | undefined {
  currentCommand = spec.command;
  currentUsage = spec.usage;
  const options: CommandOptions = { ...spec.options, ...commonOptions };
  const { values, positionals, tokens } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: false, tokens: true });
  const longNames = Object.keys(options);
  const given = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const config = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (config === undefined) {
      const near = token.rawName.startsWith('--') ? nearest(token.name, longNames) : undefined;
      throw new OptionError(`unknown option ${token.rawName}${near === undefined ? '' : `; did you mean --${near}?`}`);
    }
    const name = `--${token.name}`;
    if (config.type === 'boolean') {
      if (token.inlineValue) throw new OptionError(`${name} takes no value; received ${JSON.stringify(token.value)}`);
    } else {
      if (token.value === undefined) throw new OptionError(`${name} needs a value`);
      if (!token.inlineValue && token.value.length > 1 && token.value.startsWith('-')) {
        throw new OptionError(`${name} needs a value; received the option ${token.value} (for a value that starts with -, write ${name}=${token.value})`);
      }
    }
    if (config.multiple !== true && given.has(token.name)) throw new OptionError(`${name} is given twice; give it once`);
    given.add(token.name);
  }
  if (values.help === true) {
    process.stdout.write(`${spec.usage}\n`);
    return undefined;
  }
  if (values.version === true) {
    process.stdout.write(`${packageVersion()}\n`);
    return undefined;
  }
  return { values, positionals } as unknown as CommandLine<O>;
}

/** The usage to print after an error's message: the command's, for an {@link OptionError}; else nothing. */
export function usageAfter(error: unknown): string {
  return error instanceof OptionError && error.usage !== undefined ? `\n${error.usage}\n` : '';
}

/** A one-line message for an error that stops the command. */
export function describeFatal(error: unknown): string {
  // An output file's error names the file and the reason: its message says it all, before its code.
  if (error instanceof UsageError || error instanceof OutputFileError || error instanceof InputFileError) return error.message;
  if (error instanceof ChuanNgheoError) return `${error.code} at ${formatPath(error.path)}: ${error.message}`;
  const path = error && typeof error === 'object' && 'path' in error ? (error as { path: unknown }).path : undefined;
  if (typeof path === 'string' && error && typeof error === 'object' && 'code' in error) return new InputFileError(path, error).message;
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*\n\s*/g, ' ');
}

/**
 * The standard and date options as a choice for the library (absent options stay absent). A
 * `--standard-file` is read and validated here, so that a bad file stops the command before it
 * reads any record, and the standard reaches worker threads as data.
 */
export function standardChoiceOf(values: {
  readonly standard?: string | undefined;
  readonly 'standard-file'?: string | undefined;
  readonly date?: string | undefined;
}): { standard?: StandardId | Standard; date?: string } {
  const file = values['standard-file'];
  if (file !== undefined && values.standard !== undefined) throw new UsageError('give --standard ID or --standard-file FILE, not both');
  const standard = file !== undefined ? readStandardFile(file) : values.standard !== undefined ? standardIdOf('--standard', values.standard) : undefined;
  return { ...(standard !== undefined ? { standard } : {}), ...(values.date !== undefined ? { date: values.date } : {}) };
}

/** Reads a standard of the user's own from a JSON file, validated strictly. */
export function readStandardFile(file: string): Standard {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--standard-file ${file}: ${describeFatal(error)}`);
  }
  try {
    return loadStandard(text);
  } catch (error) {
    throw new UsageError(`--standard-file ${file}: ${describeFatal(error)}`);
  }
}

/** The option of a standard of the user's own, shared by every command that classifies. */
export const standardFileOption = { 'standard-file': { type: 'string' } } as const;

/** The usage lines of `--standard-file`. */
export const standardFileUsage = `  --standard-file FILE  classify under a standard of your own: JSON in the form that
                        'chuan-ngheo standards ID --format json' prints (copy a shipped standard,
                        change its id and figures), validated strictly; errors name the path`;

/** The options of the reading limits, shared by every command that reads a file. */
export const limitOptions = {
  'max-record-bytes': { type: 'string' },
  'max-depth': { type: 'string' },
} as const;

/** The usage lines of the reading limits. */
export const limitUsage = `  --max-record-bytes N  the longest record (CSV record or JSON line) in bytes; a longer one is one
                        RECORD_TOO_LONG row and reading goes on (default 1048576)
  --max-depth N         the deepest nesting of a JSON record (default 64)`;

/** A whole number written in digits, within [min, max]. */
export function wholeNumberOption(option: string, value: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d{1,15}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`${option} must be a whole number from ${min} to ${max}, written in digits; received ${JSON.stringify(value)}`);
  }
  return Number(value);
}

/**
 * The reading limits that do not apply to the input, refused rather than ignored: a JSON array is
 * read whole, a table's cells have no nesting, a worksheet's rows no byte length.
 */
function refuseUnusedLimits(input: FileFormat, values: { readonly 'max-record-bytes'?: string | undefined; readonly 'max-depth'?: string | undefined }): void {
  if (values['max-depth'] !== undefined && input !== 'jsonl' && input !== 'json') {
    throw new UsageError(`--max-depth limits the nesting of JSON records; this input is read as ${input}, whose cells have none`);
  }
  if (input === 'json' && (values['max-record-bytes'] !== undefined || values['max-depth'] !== undefined)) {
    throw new UsageError(`${values['max-record-bytes'] !== undefined ? '--max-record-bytes' : '--max-depth'} limits each JSON line of JSON Lines; a JSON array (--input json) is read whole`);
  }
  if (input === 'xlsx' && values['max-record-bytes'] !== undefined) {
    throw new UsageError('--max-record-bytes limits a CSV record or a JSON line; a worksheet is read row by row, by its cells');
  }
}

/** The reading limits given on the command line (absent ones stay absent: the library's defaults apply). */
export function limitsOf(values: { readonly 'max-record-bytes'?: string | undefined; readonly 'max-depth'?: string | undefined }, input: FileFormat): { maxRecordBytes?: number; maxDepth?: number } {
  refuseUnusedLimits(input, values);
  return {
    ...(values['max-record-bytes'] !== undefined ? { maxRecordBytes: wholeNumberOption('--max-record-bytes', values['max-record-bytes'], 16, 1 << 30) } : {}),
    ...(values['max-depth'] !== undefined ? { maxDepth: wholeNumberOption('--max-depth', values['max-depth'], 1, 10_000) } : {}),
  };
}

/** The options that say how a file's columns are read, shared by the commands that read tables. */
export const columnOptions = {
  columns: { type: 'string' },
  'keep-column': { type: 'string', multiple: true },
} as const;

/** The usage lines of the column options. */
export const columnUsage = `  --columns MAP.json    the file's column names mapped to fields and indicator ids
                        ({"Mã hộ": "id", "BHYT": "healthInsurance"}, or {"columns": {…}, "values":
                        {"area": {"NT": "rural"}, "indicators": {"Có": 1, "Không": 0}}})
  --keep-column NAME    keep a column whose name is close to a field's as an attribute (repeatable)`;

/** The column options given on the command line, read and checked (the map's shape by {@link parseColumnMap}, its names against the file's header when it is read). */
export function columnOptionsOf(values: { readonly columns?: string | undefined; readonly 'keep-column'?: string[] | undefined }, input?: FileFormat): ColumnOptions {
  // JSON records name their own fields: a map or a kept column would be ignored, so it is refused.
  if (input === 'jsonl' || input === 'json') {
    const given = values.columns !== undefined ? '--columns' : values['keep-column']?.length ? '--keep-column' : undefined;
    if (given !== undefined) throw new UsageError(`${given} reads the columns of a CSV file or a worksheet; this input is read as ${input}, whose records name their own fields`);
  }
  let map: ColumnOptions = {};
  if (values.columns !== undefined) {
    let text: string;
    try {
      text = readFileSync(values.columns, 'utf8');
    } catch (error) {
      throw new UsageError(`--columns ${values.columns}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : new InputFileError(values.columns, error).message}`);
    }
    try {
      map = parseColumnMap(text);
    } catch (error) {
      if (error instanceof ChuanNgheoError) throw new UsageError(`--columns ${values.columns}: ${error.message}`);
      throw error;
    }
  }
  const keep = [...(map.keepColumns ?? []), ...(values['keep-column'] ?? [])];
  return { ...map, ...(keep.length ? { keepColumns: keep } : {}) };
}

/** One line on stderr for each thing about a header a user should know: renamed columns, missing indicators, no id. */
export function describeHeader(plan: HeaderPlan, standard: string): string {
  let text = '';
  if (plan.renamed.length) text += `chuan-ngheo: columns read as ${plan.renamed.map((r) => `${JSON.stringify(r.column)} → ${r.as}`).join(', ')}\n`;
  if (plan.missingIndicators.length) {
    text += `chuan-ngheo: no column for ${plan.missingIndicators.join(', ')} (indicators of ${standard}): undetermined in every row; a row whose category depends on ${plan.missingIndicators.length > 1 ? 'them' : 'it'} is an UNDETERMINED_INDICATOR error\n`;
  }
  if (!plan.hasId) text += 'chuan-ngheo: no id column: each row\'s id is its record number (the header is record 1)\n';
  return text;
}
