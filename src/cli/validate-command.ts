/**
 * `chuan-ngheo validate`: schema and consistency errors of survey records, and an audit of
 * recorded categories.
 *
 * @module
 */
import { createSurveyValidator, formatIssue, type RecordReport } from '../survey/validate.js';
import { readRecordBatches } from '../node/json-records.js';
import { commonUsage, exitStatus, inputFormatOf, limitOptions, limitsOf, limitUsage, oneOf, openInput, OptionError, readCommandLine, standardChoiceOf, standardFileOption, standardFileUsage, writeStandardOutput } from './args.js';
import { startProgress } from './progress.js';
import { refuseWorkbook } from './excel.js';

export const validateUsage = `Usage: chuan-ngheo validate FILE [--standard ID | --standard-file FILE] [--date YYYY-MM-DD]
                          [--format text|jsonl] [--input json|jsonl] [--quiet]

Checks household survey records (a JSON array, or JSON Lines): schema errors, facts that cannot
all be true (a child born after the review, a member listed twice, floor area 0 …), and recorded
categories that disagree with the computed ones. The problems go to standard output (a reader that
stops early, as '| head' does, ends the run quietly). Exit status: 0 all records valid, 1 some
records invalid, 2 usage or file error. A progress bar goes to stderr when it is a terminal
(--quiet silences it).
${standardFileUsage}
${limitUsage}
${commonUsage}`;

/** Runs the command; resolves to the exit status. */
export async function validateCommand(argv: string[]): Promise<number> {
  const line = readCommandLine(argv, {
    command: 'validate',
    usage: validateUsage,
    options: {
      standard: { type: 'string' },
      date: { type: 'string' },
      format: { type: 'string', default: 'text' },
      input: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      ...standardFileOption,
      ...limitOptions,
    },
  });
  if (line === undefined) return exitStatus.ok;
  const { values, positionals } = line;
  if (positionals.length !== 1) throw new OptionError(`validate takes exactly one FILE; received ${positionals.length}`);
  const file = positionals[0]!;
  const format = oneOf('--format', values.format!, ['text', 'jsonl']);
  refuseWorkbook(file, values.input);
  const input = inputFormatOf(file, values.input, ['json', 'jsonl']) as 'json' | 'jsonl';
  const limits = limitsOf(values, input);
  const validator = createSurveyValidator(standardChoiceOf(values));
  let records = 0;
  let invalid = 0;
  const source = openInput(file);
  const progress = startProgress(values.quiet === true, file, source, 'validating');
  try {
    for await (const entries of readRecordBatches(source, input, limits)) {
      let text = '';
      for (const entry of entries) {
        const report: RecordReport =
          'error' in entry
            ? { index: records, valid: false, issues: [{ code: entry.error.code, path: entry.error.path, message: entry.error.message }] }
            : // The validator counts only the records it checks; the file's record number counts the unreadable ones too.
              { ...validator.check(entry.value), index: records };
        records++;
        if (!report.valid) invalid++;
        if (format === 'jsonl') text += `${JSON.stringify(report)}\n`;
        else for (const issue of report.issues) text += `${formatIssue(report, issue)}\n`;
      }
      if (text) await writeStandardOutput(text);
      progress.update(records);
    }
  } catch (error) {
    progress.stop(false);
    source.destroy();
    throw error;
  }
  progress.stop();
  process.stderr.write(`chuan-ngheo: ${records} record(s) under ${validator.standard} on ${validator.date}: ${records - invalid} valid, ${invalid} invalid\n`);
  return invalid > 0 ? exitStatus.invalidRows : exitStatus.ok;
}
