/**
 * `chuan-ngheo classify`: one output row per input row, in order; invalid rows carry their error.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { finished } from 'node:stream/promises';
import { summaryOf } from '../node/classify-stream.js';
import { classifyJsonlParallel } from '../node/classify-jsonl-parallel.js';
import { classifyCsvParallel } from '../node/classify-csv-parallel.js';
import { parallelFromBytes } from '../node/chunk-pool.js';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { columnOptions, columnOptionsOf, columnUsage, describeHeader, exitStatus, inputFormatOf, limitOptions, limitsOf, limitUsage, oneOf, openInput, openOutput, UsageError, standardChoiceOf } from './args.js';
import { startProgress } from './progress.js';
import type { HeaderPlan } from '../columns.js';

export const classifyUsage = `Usage: chuan-ngheo classify [FILE|-] [--standard ID | --date YYYY-MM-DD] [--format csv|jsonl]
                          [--input csv|jsonl] [--out FILE] [--quiet] [--threads N]

Classifies every household of FILE (or standard input) and writes one row per household:
id, category, deprivationCount, newlyEscaped, standard (CSV adds errorCode, errorMessage).
CSV input has a header; one 0/1 column per indicator id; an empty cell is an absent field.
The review date defaults to today; the standard defaults to the one in force on that date.
Files of 40 MiB or more are classified on all cores (--threads N to choose; 1 for none).
Records are read by the rules in the README ("Reading files"); a record that cannot be read is one
row with its error, and reading goes on.
${columnUsage}
${limitUsage}
Exit status: 0 all rows valid, 1 some rows invalid (still written, with their error), 2 usage or file error.`;

/** Runs the command; resolves to the exit status. */
export async function classifyCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      standard: { type: 'string' },
      date: { type: 'string' },
      format: { type: 'string' },
      input: { type: 'string' },
      out: { type: 'string', short: 'o' },
      quiet: { type: 'boolean', short: 'q' },
      threads: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...limitOptions,
      ...columnOptions,
    },
  });
  if (values.help) {
    process.stdout.write(`${classifyUsage}\n`);
    return exitStatus.ok;
  }
  if (positionals.length > 1) throw new UsageError(`classify takes one FILE; received ${positionals.length}`);
  const file = positionals[0];
  const input = inputFormatOf(file, values.input);
  const output = values.format === undefined ? input : oneOf('--format', values.format, ['csv', 'jsonl']);
  const source = openInput(file);
  const sink = openOutput(values.out);
  const progress = startProgress(values.quiet === true, file, source);
  const choice = standardChoiceOf(values);
  const onHeader = (plan: HeaderPlan, standard: string) => process.stderr.write(describeHeader(plan, standard));
  const parallel = { ...choice, ...limitsOf(values), ...columnOptionsOf(values), onHeader, output, threads: threadsFor(file, values.threads), onProgress: progress.update };
  const summary = summaryOf(input === 'csv' ? await classifyCsvParallel(source, sink, parallel) : await classifyJsonlParallel(source, sink, parallel));
  progress.stop();
  if (sink !== process.stdout) {
    sink.end();
    await finished(sink);
  }
  const c = summary.categories;
  process.stderr.write(
    `chuan-ngheo: ${summary.rows} row(s) under ${summary.standard} on ${summary.date}: poor ${c.poor}, near-poor ${c['near-poor']}, average ${c.average}, none ${c.none}, newly escaped ${summary.newlyEscaped}; invalid ${summary.invalid}\n`,
  );
  return summary.invalid > 0 ? exitStatus.invalidRows : exitStatus.ok;
}

/** Worker threads: the option, else all cores for files of {@link parallelFromBytes} or more. */
export function threadsFor(file: string | undefined, option: string | undefined): number {
  if (option !== undefined) {
    const n = Number(option);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`--threads must be a whole number ≥ 1; received ${JSON.stringify(option)}`);
    return n;
  }
  if (file === undefined || file === '-') return 1;
  try {
    return statSync(file).size >= parallelFromBytes ? availableParallelism() : 1;
  } catch {
    return 1;
  }
}
