/**
 * `chuan-ngheo report`: counts and rates of a survey file by category and group, the deprivation
 * profile, children's deprivations, movement since an earlier review, and progress against a plan.
 *
 * @module
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { parseISO } from 'date-fns/parseISO';
import { createBatchClassifier } from '../batch.js';
import { readAmount } from '../money.js';
import { createTally, type Tally } from '../analytics/tally.js';
import { childFacts } from '../analytics/children.js';
import { compareReviews, type ReviewEntry, type Transitions } from '../analytics/transitions.js';
import { defineTargetPlan, measureTargets } from '../analytics/targets.js';
import { readSurveyRecord } from '../derivation/derive.js';
import { isSurveyRecord } from '../survey/record.js';
import { surelyValidRecord } from '../survey/record-precheck.js';
import { childrenTable, profileChart, profileTable, ratesChart, summaryTable, targetsTable, transitionsTable } from '../report/summary.js';
import { renderTables, type Table } from '../report/table.js';
import { barChartSvg } from '../report/svg.js';
import type { Lang } from '../report/labels.js';
import { readHouseholdBatches } from '../node/household-reader.js';
import { openAtomicOutput, OutputFileError, type AtomicOutput } from '../node/atomic-output.js';
import type { Category } from '../rule.js';
import type { Standard } from '../standards/schema.js';
import { describeFatal, exitStatus, inputFormatOf, oneOf, openInput, outputSignals, refuseInputAsOutput, UsageError, standardChoiceOf, writeStandardOutput } from './args.js';
import { startProgress } from './progress.js';

export const reportUsage = `Usage: chuan-ngheo report FILE [--by KEY] [--weight COLUMN] [--standard ID | --date YYYY-MM-DD]
                        [--previous FILE [--previous-date YYYY-MM-DD]] [--targets PLAN.json] [--years N]
                        [--charts DIR] [--format table|csv|json|md] [--lang vi|en] [--unit households|persons]
                        [--input csv|jsonl] [--quiet]

Classifies every household of FILE (indicator level or survey records) and prints households by
category (overall and by the grouping column KEY, e.g. commune; 'area' groups rural and urban), the
deprivation profile, and children's deprivations when the file has rosters. --unit persons counts
the members of the households instead; --weight COLUMN weights each household by a survey weight.
--previous compares with an earlier review, matched by id: a file already classified (with a
category column, e.g. from 'chuan-ngheo classify'), or a survey classified on --previous-date.
--targets measures a plan (JSON: povertyRateChangePerYear, coverage) over --years (default: the
years between the two reviews, else 1). --charts writes two SVG bar charts into DIR (created if
missing): deprivation-profile.svg and rates-by-group.svg, each through a temporary file beside it,
renamed into place only when the whole report succeeded (a failed or interrupted run leaves the
earlier charts as they were); a chart may not overwrite FILE, --previous or --targets. An output
that cannot be written (a chart, standard output) is one line on stderr and exit status 2; a
reader of standard output that stops early (| head) ends the run quietly.
Exit status: 0 all rows valid, 1 some rows invalid (left out of the figures), 2 usage or file error.
A progress bar goes to stderr when it is a terminal (--quiet silences it).`;

interface Review {
  readonly standard: Standard;
  readonly date: string;
  readonly tally: Tally;
  readonly entries: ReviewEntry[];
  readonly invalid: number;
  readonly firstError?: string;
}

const CATEGORIES = new Set<Category>(['poor', 'near-poor', 'average', 'none']);

/** The children's facts of a survey record already classified (so valid): read again only when the quick check is unsure. */
function childrenOf(value: unknown, standard: Standard, date: string) {
  return childFacts(surelyValidRecord(value) ? value : readSurveyRecord(value), standard, date);
}

async function readReview(
  file: string,
  input: 'csv' | 'jsonl' | undefined,
  choice: { standard?: string; date?: string },
  by: string | undefined,
  weightColumn: string | undefined,
  keepEntries: boolean,
  quiet: boolean,
): Promise<Review> {
  const batch = createBatchClassifier(choice);
  const tally = createTally({ indicators: batch.standard.indicators.map((i) => i.id) });
  const entries: ReviewEntry[] = [];
  let invalid = 0;
  let firstError: string | undefined;
  const source = openInput(file);
  const progress = startProgress(quiet, file, source, 'reporting');
  let read = 0;
  try {
    for await (const list of readHouseholdBatches(source, inputFormatOf(file, input), batch)) {
      read += list.length;
      progress.update(read);
      for (const entry of list) {
        const r = 'error' in entry ? { error: entry.error } : batch.classifyWithFacts(entry.value);
        if ('error' in r) {
          invalid++;
          firstError ??= `record ${entry.record}: ${r.error.code}: ${r.error.message}`;
          continue;
        }
        const value = (entry as { value: Record<string, unknown> }).value;
        const attributes = (value.attributes as Record<string, unknown> | undefined) ?? {};
        let weight: string | undefined;
        if (weightColumn !== undefined) {
          const raw = attributes[weightColumn];
          if (readAmount(raw) === undefined) {
            invalid++;
            firstError ??= `record ${entry.record}: INVALID_FIELD: weight column ${weightColumn} must be a number ≥ 0, received ${JSON.stringify(raw)}`;
            continue;
          }
          weight = String(raw);
        }
        const group = by === undefined ? undefined : by === 'area' ? r.area : attributes[by];
        tally.add({
          category: r.category,
          deprived: r.deprived,
          size: r.size,
          ...(by !== undefined ? { group: group === undefined || group === null ? '(blank)' : String(group) } : {}),
          ...(weight !== undefined ? { weight } : {}),
          ...(isSurveyRecord(value) ? { children: childrenOf(value, batch.standard, batch.date) } : {}),
        });
        if (keepEntries && r.id !== undefined) entries.push({ id: String(r.id), category: r.category, escaped: r.escaped });
      }
    }
  } catch (error) {
    progress.stop(false);
    throw error;
  }
  progress.stop();
  return { standard: batch.standard, date: batch.date, tally: tally.result(), entries, invalid, ...(firstError !== undefined ? { firstError } : {}) };
}

/** Reads a file that is already classified: rows with id and category (and newlyEscaped). */
function readClassified(file: string): ReviewEntry[] | undefined {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return undefined;
  if (lines[0]!.trimStart().startsWith('{')) {
    const rows = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    if (!rows.every((r) => 'category' in r || 'error' in r)) return undefined;
    return rows.filter((r) => CATEGORIES.has(r.category as Category) && r.id !== undefined).map((r) => ({ id: String(r.id), category: r.category as Category, escaped: r.newlyEscaped === true ? 'poverty' : null }));
  }
  const rows = Papa.parse<string[]>(lines.join('\n'), { skipEmptyLines: true }).data;
  const header = rows[0]!.map((h) => h.trim());
  const idAt = header.indexOf('id');
  const catAt = header.indexOf('category');
  const escAt = header.indexOf('newlyEscaped');
  if (idAt < 0 || catAt < 0) return undefined;
  return rows
    .slice(1)
    .filter((f) => CATEGORIES.has(f[catAt] as Category) && (f[idAt] ?? '') !== '')
    .map((f) => ({ id: f[idAt]!, category: f[catAt] as Category, escaped: f[escAt] === 'true' ? 'poverty' : null }));
}

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
      previous: { type: 'string' },
      'previous-date': { type: 'string' },
      'previous-standard': { type: 'string' },
      targets: { type: 'string' },
      years: { type: 'string' },
      charts: { type: 'string' },
      format: { type: 'string', default: 'table' },
      lang: { type: 'string', default: 'en' },
      unit: { type: 'string', default: 'households' },
      input: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
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
  const lang: Lang = oneOf('--lang', values.lang!, ['vi', 'en']);
  const unit = oneOf('--unit', values.unit!, ['households', 'persons']);
  const input = values.input === undefined ? undefined : oneOf('--input', values.input, ['csv', 'jsonl']);
  const chartNames = ['deprivation-profile.svg', 'rates-by-group.svg'] as const;
  const chartFiles = values.charts === undefined ? [] : chartNames.map((name) => join(values.charts!, name));
  for (const chart of chartFiles) refuseInputAsOutput('--charts', chart, [['FILE', file], ['--previous', values.previous], ['--targets', values.targets]]);
  // The charts are opened before the survey is read (a directory that cannot be written fails at
  // once) and renamed into place only when the whole report has succeeded.
  if (values.charts !== undefined) chartDirectory(values.charts);
  const charts: AtomicOutput[] = [];
  try {
    for (const chart of chartFiles) charts.push(openAtomicOutput(chart, { signals: outputSignals }));
    const choice = standardChoiceOf(values);
    const wantEntries = values.previous !== undefined;
    const quiet = values.quiet === true;
    const review = await readReview(file, input, choice, values.by, values.weight, wantEntries, quiet);

    let transitions: Transitions | undefined;
    let years = values.years !== undefined ? Number(values.years) : 1;
    if (values.years !== undefined && !(years > 0)) throw new UsageError(`--years must be a positive number; received ${JSON.stringify(values.years)}`);
    if (values.previous !== undefined) {
      let previous: ReviewEntry[] | undefined;
      try {
        previous = values['previous-date'] === undefined ? readClassified(values.previous) : undefined;
      } catch (error) {
        throw new UsageError(`--previous ${values.previous}: ${describeFatal(error)}`);
      }
      if (!previous) {
        if (values['previous-date'] === undefined) throw new UsageError('--previous is not a classified file (id and category columns): give --previous-date to classify it');
        const earlier = await readReview(values.previous, input, { date: values['previous-date'], ...(values['previous-standard'] !== undefined ? { standard: values['previous-standard'] } : {}) }, undefined, undefined, true, quiet);
        previous = earlier.entries;
        if (values.years === undefined) years = Math.max(1, Math.round(differenceInCalendarDays(parseISO(review.date), parseISO(earlier.date)) / 365.25));
        if (earlier.invalid > 0) process.stderr.write(`chuan-ngheo: ${earlier.invalid} invalid row(s) in --previous left out; first: ${earlier.firstError}\n`);
      }
      transitions = compareReviews(previous, review.entries);
    }

    const context = { standard: review.standard.id, date: review.date };
    const tables: Table[] = [summaryTable(review.tally, lang, context, unit), profileTable(review.tally, review.standard, lang)];
    const children = childrenTable(review.tally, lang);
    if (children) tables.push(children);
    if (transitions) tables.push(transitionsTable(transitions, lang));
    if (values.targets !== undefined) {
      let plan;
      try {
        plan = defineTargetPlan(JSON.parse(readFileSync(values.targets, 'utf8')));
      } catch (error) {
        throw new UsageError(`--targets ${values.targets}: ${describeFatal(error)}`);
      }
      tables.push(targetsTable(measureTargets(plan, review.tally, transitions, years), plan, lang, review.tally.rounding.decimals));
    }
    if (charts.length === 2) {
      const [profile, rates] = charts as [AtomicOutput, AtomicOutput];
      profile.stream.write(barChartSvg(profileChart(review.tally, review.standard, lang)));
      rates.stream.write(barChartSvg(ratesChart(review.tally, lang)));
      // Both on disk before either is renamed: the two charts appear together or not at all.
      for (const chart of charts) await chart.flush();
      for (const chart of charts) await chart.commit();
    }
    await writeStandardOutput(renderTables(tables, format));
    if (review.invalid > 0) process.stderr.write(`chuan-ngheo: ${review.invalid} invalid row(s) left out of the figures; first: ${review.firstError}\n`);
    return review.invalid > 0 ? exitStatus.invalidRows : exitStatus.ok;
  } catch (error) {
    await Promise.all(charts.map((chart) => chart.abort()));
    throw charts.find((chart) => chart.failure)?.failure ?? error;
  }
}

/** Creates the charts' directory if missing; one that cannot be made is an output error. */
function chartDirectory(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    throw new OutputFileError(dir, code === 'EEXIST' ? Object.assign(new Error('not a directory'), { code: 'ENOTDIR' }) : error);
  }
}
