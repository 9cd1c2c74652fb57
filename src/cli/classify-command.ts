/**
 * `chuan-ngheo classify`: one output row per input row, in order; invalid rows carry their error.
 *
 * @module
 */
import { classifyJsonlParallel } from '../node/classify-jsonl-parallel.js';
import { classifyCsvParallel } from '../node/classify-csv-parallel.js';
import { classifyJsonArray } from '../node/classify-json-array.js';
import { classifyXlsx } from '../node/classify-xlsx.js';
import { parallelFromBytes } from '../node/chunk-pool.js';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { columnOptions, columnOptionsOf, columnUsage, commonUsage, describeHeader, inputFormatOf, limitOptions, limitsOf, limitUsage, openInput, openOutput, OptionError, readCommandLine, refuseInputAsOutput, type OutputTarget, UsageError, standardChoiceOf, standardFileOption, standardFileUsage, exitStatus } from './args.js';
import { startProgress } from './progress.js';
import { classifyOutputOf, sheetOf, sheetOption, sheetUsage } from './excel.js';
import type { HeaderPlan } from '../columns.js';

/** The most threads a run may use, even with --force-threads. */
export const maxThreads = 64;

export const classifyUsage = `Usage: chuan-ngheo classify [FILE|-] [--standard ID | --standard-file FILE] [--date YYYY-MM-DD]
                          [--format csv|jsonl|xlsx] [--input csv|jsonl|json|xlsx] [--sheet NAME] [--out FILE] [--quiet]
                          [--threads N [--force-threads]]

Classifies every household of FILE (or standard input) and writes one row per household:
id, category, deprivationCount, newlyEscaped, standard (CSV adds errorCode, errorMessage).
CSV input has a header; one 0/1 column per indicator id; an empty cell is an absent field.
An .xlsx FILE is read as the same table (cells by their type; an error cell makes its row an error).
--format xlsx (or --out FILE.xlsx) writes a workbook; it needs --out.
The review date defaults to today; the standard defaults to the one in force on that date.
--out FILE writes to a temporary file beside FILE (.FILE.<pid>.<random>.tmp), renamed onto FILE
only when the run is complete: a run that fails or is interrupted leaves FILE as it was. --out may
not name the input file. Without --out (or with -) the rows go to standard output.
Files of 40 MiB or more are classified on all cores (at most ${maxThreads}). --threads N chooses: a whole
number in digits from 1 (no worker) to the machine's available parallelism; more only with
--force-threads, and never more than ${maxThreads}. Workbooks and JSON arrays (read, or a workbook
written) take one thread, and refuse --threads.
An output that cannot be written is one line on stderr and exit status 2; a reader of standard
output that stops early (| head) ends the run quietly.
Records are read by the rules in the README ("Reading files"); a record that cannot be read is one
row with its error, and reading goes on.
${standardFileUsage}
${columnUsage}
${limitUsage}
${sheetUsage}
${commonUsage}
Exit status: 0 all rows valid, 1 some rows invalid (still written, with their error), 2 usage or file error.`;

/** Runs the command; resolves to the exit status. */
export async function classifyCommand(argv: string[]): Promise<number> {
  const line = readCommandLine(argv, {
    command: 'classify',
    usage: classifyUsage,
    options: {
      standard: { type: 'string' },
      date: { type: 'string' },
      format: { type: 'string' },
      input: { type: 'string' },
      out: { type: 'string', short: 'o' },
      quiet: { type: 'boolean', short: 'q' },
      threads: { type: 'string' },
      'force-threads': { type: 'boolean' },
      ...standardFileOption,
      ...limitOptions,
      ...columnOptions,
      ...sheetOption,
    },
  });
  if (line === undefined) return exitStatus.ok;
  const { values, positionals } = line;
  if (positionals.length > 1) throw new OptionError(`classify takes one FILE; received ${positionals.length}`);
  const file = positionals[0];
  const input = inputFormatOf(file, values.input);
  const output = classifyOutputOf(values.format, input, values.out);
  const sheet = sheetOf(values.sheet, input);
  const columns = columnOptionsOf(values, input);
  const threads = threadsFor(file, values.threads, values['force-threads'] === true);
  const oneThread = input === 'xlsx' || input === 'json' || output === 'xlsx';
  if (oneThread && values.threads !== undefined) throw new UsageError(`--threads: ${output === 'xlsx' && input !== 'xlsx' ? 'a workbook is written' : `${input === 'xlsx' ? 'a workbook' : 'a JSON array'} is read`} on one thread; give --threads with CSV or JSON Lines read and written as CSV or JSON Lines`);
  const limits = limitsOf(values, input);
  refuseInputAsOutput('--out', values.out, [['the input', file]]);
  const source = openInput(file);
  let sink: OutputTarget;
  try {
    sink = openOutput(values.out);
  } catch (error) {
    source.destroy();
    throw error;
  }
  const progress = startProgress(values.quiet === true, file, source);
  const choice = standardChoiceOf(values);
  const onHeader = (plan: HeaderPlan, standard: string) => process.stderr.write(describeHeader(plan, standard));
  const reading = { ...choice, ...limits, ...columns, onHeader, onProgress: progress.update };
  let summary;
  try {
    summary =
      input === 'xlsx' || output === 'xlsx'
        ? await classifyXlsx(source, sink.stream, { ...reading, ...sheet, input, output })
        : input === 'csv'
          ? await classifyCsvParallel(source, sink.stream, { ...choice, ...(limits.maxRecordBytes !== undefined ? { maxRecordBytes: limits.maxRecordBytes } : {}), ...columns, onHeader, onProgress: progress.update, threads, output })
          : input === 'json'
            ? await classifyJsonArray(source, sink.stream, { ...choice, output, onProgress: progress.update })
            : await classifyJsonlParallel(source, sink.stream, { ...choice, ...limits, onProgress: progress.update, threads, output });
    await sink.commit();
  } catch (error) {
    progress.stop(false);
    source.destroy();
    await sink.abort();
    throw sink.failure ?? error;
  }
  progress.stop();
  const c = summary.categories;
  process.stderr.write(
    `chuan-ngheo: ${summary.rows} row(s) under ${summary.standard} on ${summary.date}: poor ${c.poor}, near-poor ${c['near-poor']}, average ${c.average}, none ${c.none}, newly escaped ${summary.newlyEscaped}; invalid ${summary.invalid}\n`,
  );
  return summary.invalid > 0 ? exitStatus.invalidRows : exitStatus.ok;
}

/**
 * Worker threads: `--threads` (a whole number in digits, from 1 to the available parallelism, or
 * up to {@link maxThreads} when `force`), else all cores for files of {@link parallelFromBytes} or more.
 */
export function threadsFor(file: string | undefined, option: string | undefined, force = false): number {
  const cores = availableParallelism();
  const limit = Math.min(cores, maxThreads);
  if (option !== undefined) {
    if (!/^[0-9]+$/.test(option) || Number(option) < 1) {
      throw new UsageError(`--threads must be a whole number from 1 to ${force ? maxThreads : limit}, written in digits; received ${JSON.stringify(option)}`);
    }
    const n = Number(option);
    if (n > cores && !force) {
      throw new UsageError(`--threads ${option} is more than the ${cores} thread(s) this machine runs at once: use --threads ${limit} at most, or add --force-threads to go up to ${maxThreads}`);
    }
    if (n > maxThreads) throw new UsageError(`--threads ${option} is more than ${maxThreads}, the most a run may use (even with --force-threads)`);
    return n;
  }
  if (file === undefined || file === '-') return 1;
  try {
    return statSync(file).size >= parallelFromBytes ? limit : 1;
  } catch {
    return 1;
  }
}
