/**
 * `chuan-ngheo report`: counts and rates of a survey file, by category and group, and the
 * deprivation profile.
 *
 * @module
 */
import { parseArgs } from 'node:util';
import { createBatchClassifier } from '../batch.js';
import { classify } from '../classify.js';
import { toSafe } from '../errors.js';
import { readAmount } from '../money.js';
import { createTally } from '../analytics/tally.js';
import { profileTable, summaryTable } from '../report/summary.js';
import { renderTables } from '../report/table.js';
import { readHouseholdBatches } from '../node/household-reader.js';
import { exitStatus, inputFormatOf, oneOf, openInput, UsageError } from './args.js';

export const reportUsage = `Usage: chuan-ngheo report FILE [--by KEY] [--weight COLUMN] [--standard ID | --date YYYY-MM-DD]
                        [--format table|csv|json|md] [--lang vi|en] [--input csv|jsonl]

Classifies every household of FILE and prints households by category (overall and by the
grouping column KEY, e.g. commune; 'area' groups rural and urban), then the deprivation profile.`;

/** Runs the command; resolves to the exit status. */
export async function reportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      by: { type: 'string' },
      weight: { type: 'string' },
      standard: { type: 'string' },
      date: { type: 'string' },
      format: { type: 'string', default: 'table' },
      lang: { type: 'string', default: 'en' },
      input: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(`${reportUsage}\n`);
    return exitStatus.ok;
  }
  if (positionals.length !== 1) throw new UsageError('report takes exactly one FILE');
  const file = positionals[0]!;
  const format = oneOf('--format', values.format!, ['table', 'csv', 'json', 'md']);
  const lang = oneOf('--lang', values.lang!, ['vi', 'en']);
  const batch = createBatchClassifier({
    ...(values.standard !== undefined ? { standard: values.standard } : {}),
    ...(values.date !== undefined ? { date: values.date } : {}),
  });
  const options = { standard: batch.standard, date: batch.date };
  const tally = createTally({ indicators: batch.standard.indicators.map((i) => i.id) });
  let invalid = 0;
  let firstError: string | undefined;
  for await (const entries of readHouseholdBatches(openInput(file), inputFormatOf(file, values.input), batch)) {
    for (const entry of entries) {
      const outcome = 'error' in entry ? { success: false as const, error: entry.error } : toSafe(() => classify(entry.value, options));
      if (!outcome.success) {
        invalid++;
        firstError ??= `record ${entry.record}: ${outcome.error.code}: ${outcome.error.message}`;
        continue;
      }
      const r = outcome.data;
      const attributes = (typeof entry === 'object' && 'value' in entry ? (entry.value as { attributes?: Record<string, unknown> }).attributes : undefined) ?? {};
      const groupValue = values.by === undefined ? undefined : values.by === 'area' ? r.area : attributes[values.by];
      let weight: string | undefined;
      if (values.weight !== undefined) {
        const raw = attributes[values.weight];
        if (readAmount(raw) === undefined) {
          invalid++;
          firstError ??= `record ${entry.record}: INVALID_FIELD: weight column ${values.weight} must be a number ≥ 0, received ${JSON.stringify(raw)}`;
          continue;
        }
        weight = String(raw);
      }
      tally.add({
        category: r.category,
        deprived: r.deprived,
        size: r.size,
        ...(values.by !== undefined ? { group: groupValue === undefined || groupValue === null ? '(blank)' : String(groupValue) } : {}),
        ...(weight !== undefined ? { weight } : {}),
      });
    }
  }
  const result = tally.result();
  const context = { standard: batch.standard.id, date: batch.date };
  process.stdout.write(renderTables([summaryTable(result, lang, context), profileTable(result, batch.standard, lang)], format));
  if (invalid > 0) process.stderr.write(`chuan-ngheo: ${invalid} invalid row(s) left out of the figures; first: ${firstError}\n`);
  return invalid > 0 ? exitStatus.invalidRows : exitStatus.ok;
}
