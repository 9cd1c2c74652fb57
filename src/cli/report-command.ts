/**
 * `chuan-ngheo report`: counts and rates of a survey file by category and group, the deprivation
 * profile, children's deprivations, movement since an earlier review, and progress against a plan.
 *
 * @module
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ColumnOptions } from '../columns.js';
import { differenceInCalendarDays } from 'date-fns/differenceInCalendarDays';
import { parseISO } from 'date-fns/parseISO';
import { createBatchClassifier } from '../batch.js';
import { compareReviews, type ReviewEntry, type Transitions } from '../analytics/transitions.js';
import { defineTargetPlan, measureTargets } from '../analytics/targets.js';
import { childrenTable, profileChart, profileTable, ratesChart, summaryTable, targetsTable, transitionsTable } from '../report/summary.js';
import type { Table } from '../report/table.js';
import { BLANK_GROUP, createReview, readClassifiedFile, type ClassifiedReview, type Review } from '../report/review.js';
import { barChartSvg } from '../report/svg.js';
import type { Lang } from '../report/labels.js';
import { readHouseholdBatches } from '../node/household-reader.js';
import { openAtomicOutput, OutputFileError, type AtomicOutput } from '../node/atomic-output.js';
import type { Standard } from '../standards/schema.js';
import type { StandardId } from '../standards/ids.js';
import { columnOptions, columnOptionsOf, columnUsage, commonUsage, describeFatal, describeHeader, exitStatus, inputFormatOf, limitOptions, limitsOf, limitUsage, oneOf, openInput, OptionError, outputSignals, readCommandLine, refuseInputAsOutput, standardChoiceOf, standardFileOption, standardFileUsage, standardIdOf, UsageError } from './args.js';
import { checkColumns } from './columns.js';
import { startProgress } from './progress.js';
import { DesignRates } from '../report/design-rates.js';
import { isWorkbookFile, openReportOutput, readClassifiedWorkbook, reportFormatOf, sheetOf, sheetOption, sheetUsage, writeReport } from './excel.js';

export const reportUsage = `Usage: chuan-ngheo report FILE [--by KEY] [--weight COLUMN] [--standard ID | --standard-file FILE]
                        [--date YYYY-MM-DD] [--previous FILE [--previous-date YYYY-MM-DD [--previous-standard ID]]]
                        [--targets PLAN.json [--years N]]
                        [--charts DIR] [--format table|csv|json|md|xlsx] [--out FILE] [--lang vi|en]
                        [--unit households|persons] [--input csv|jsonl|json|xlsx] [--sheet NAME] [--quiet]
                        [--strata COLUMN] [--psu COLUMN [--nest]] [--lonely-psu fail|certainty|adjust] [--level 0.95]

Classifies every household of FILE (indicator level or survey records) and prints households by
category (overall and by the grouping column KEY, e.g. commune; 'area' groups rural and urban), the
deprivation profile, and children's deprivations when the file has rosters. --unit persons counts
the members of the households instead; --weight COLUMN weights each household by a survey weight
(a number ≥ 0; a row without one is invalid). KEY and COLUMN name a CSV column the classification
does not read, or a key of the JSON Lines records' "attributes" (checked on the first record); a
name the file lacks is an error.
--previous compares with an earlier review, matched by id (both files need one): a file already
classified (with a category column, e.g. from 'chuan-ngheo classify', as CSV, JSON Lines or .xlsx),
or a survey classified on --previous-date (and --previous-standard, to name its standard); without
--previous these two are refused, and so is --years without --targets.
--targets measures a plan (JSON: povertyRateChangePerYear, coverage) over --years (default: the
years between the two reviews, else 1). --charts writes two SVG bar charts into DIR (created if
missing): deprivation-profile.svg and rates-by-group.svg, each through a temporary file beside it,
renamed into place only when the whole report succeeded (a failed or interrupted run leaves the
earlier charts as they were); a chart may not overwrite FILE, --previous or --targets. An output
that cannot be written (a chart, standard output) is one line on stderr and exit status 2; a
reader of standard output that stops early (| head) ends the run quietly.
--out FILE writes the report to FILE (whole or not at all); --format xlsx (or --out FILE.xlsx) writes
a workbook, one sheet per table, numbers as numbers. FILE may be an .xlsx workbook (its first visible
sheet, or --sheet).
--lang vi writes the legal terms, and numbers as Vietnamese does (1.234,5) in the table, Markdown
and charts; CSV, JSON and workbooks keep numbers a program reads (1234.5) in either language.
Exit status: 0 all rows valid, 1 some rows invalid (left out of the figures), 2 usage or file error.
A progress bar goes to stderr when it is a terminal (--quiet silences it). A record that cannot be
read is left out of the figures and counted on stderr.
--strata and --psu (with --weight) give the survey design: a table of the poverty and near-poverty
rates by group (and in total) follows, each with its standard error and interval (Taylor
linearisation; the logit interval of R's svyciprop with PSUs − strata degrees of freedom, at
--level, default 0.95). --nest: PSU ids repeat across strata and name different PSUs. A stratum
with a single PSU is an error naming it unless --lonely-psu certainty or adjust (as R's
survey.lonely.psu). A household with a blank stratum or PSU is an invalid row.
${standardFileUsage}
${columnUsage}
${limitUsage}
${sheetUsage}
${commonUsage}`;

/** What a review is read for: the options that name columns, and whether to keep ids. */
interface ReviewRequest {
  readonly by?: string | undefined;
  readonly weight?: string | undefined;
  /** Why ids are needed (households are kept by id for the movement), when they are. */
  readonly idFor?: string | undefined;
  readonly quiet: boolean;
  /** The reading limits and how the file's columns are read. */
  readonly read?: { maxRecordBytes?: number; maxDepth?: number; sheet?: string } & ColumnOptions;
  /** The survey design's columns, collecting each counted household, when given. */
  readonly design?: { readonly strata?: string | undefined; readonly psu?: string | undefined; readonly rates: DesignRates } | undefined;
}

async function readReview(file: string, input: 'csv' | 'jsonl' | 'json' | 'xlsx' | undefined, choice: { standard?: StandardId | Standard; date?: string }, request: ReviewRequest): Promise<Review> {
  const { by, weight, idFor } = request;
  const batch = createBatchClassifier(choice);
  const format = inputFormatOf(file, input);
  const review = createReview(batch, {
    format,
    by,
    weight,
    keepIds: idFor !== undefined,
    design: request.design?.rates,
    onMissingIndicators: (missingIndicators) => process.stderr.write(describeHeader({ names: [], renamed: [], missingIndicators, attributeColumns: [], hasId: true }, batch.standard.id)),
  });
  const source = openInput(file);
  const progress = startProgress(request.quiet, file, source, 'reporting');
  let read = 0;
  // The options that name a column are checked against the header (or first record) before any row is read.
  const onColumns = (columns: Parameters<typeof checkColumns>[0]) => checkColumns(columns, { file, by, weight, idFor, strata: request.design?.strata, psu: request.design?.psu });
  try {
    for await (const list of readHouseholdBatches(source, format, batch, { ...request.read, onColumns })) {
      read += list.length;
      progress.update(read);
      for (const entry of list) review.add(entry);
    }
  } catch (error) {
    // Stop reading (standard input included), so that the command ends with its message.
    progress.stop(false);
    source.destroy();
    throw error;
  }
  progress.stop();
  return review.result();
}

/**
 * Reads a file that is already classified (see {@link readClassifiedFile}); `undefined` when the
 * file has no category column (or key).
 *
 * @throws {UsageError} when it has categories but no id column to match households by.
 */
function readClassified(file: string, idFor: string): ClassifiedReview | undefined {
  return readClassifiedFile(readFileSync(file), (columns) => checkColumns(columns, { file, idFor }));
}

/** Runs the command; resolves to the exit status. */
export async function reportCommand(argv: string[]): Promise<number> {
  const line = readCommandLine(argv, {
    command: 'report',
    usage: reportUsage,
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
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      lang: { type: 'string', default: 'en' },
      unit: { type: 'string', default: 'households' },
      input: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      strata: { type: 'string' },
      psu: { type: 'string' },
      nest: { type: 'boolean' },
      'lonely-psu': { type: 'string' },
      level: { type: 'string' },
      ...standardFileOption,
      ...limitOptions,
      ...columnOptions,
      ...sheetOption,
    },
  });
  if (line === undefined) return exitStatus.ok;
  const { values, positionals } = line;
  if (positionals.length !== 1) throw new OptionError(`report takes exactly one FILE; received ${positionals.length}`);
  const file = positionals[0]!;
  const format = reportFormatOf(values.format, values.out);
  const lang: Lang = oneOf('--lang', values.lang!, ['vi', 'en']);
  const unit = oneOf('--unit', values.unit!, ['households', 'persons']);
  const input = values.input === undefined ? undefined : oneOf('--input', values.input, ['csv', 'jsonl', 'json', 'xlsx']);
  const fileFormat = inputFormatOf(file, input);
  const sheet = sheetOf(values.sheet, fileFormat);
  refuseInputAsOutput('--out', values.out, [['FILE', file], ['--previous', values.previous], ['--targets', values.targets]]);
  const choice = standardChoiceOf(values);
  const quiet = values.quiet === true;
  // Options that only mean something with another one are refused without it, rather than ignored.
  if (values.previous === undefined) {
    for (const option of ['previous-date', 'previous-standard'] as const) if (values[option] !== undefined) throw new UsageError(`--${option} ${JSON.stringify(values[option])} is given without --previous`);
  } else if (values['previous-standard'] !== undefined && values['previous-date'] === undefined) {
    throw new UsageError(`--previous-standard ${JSON.stringify(values['previous-standard'])} is given without --previous-date (the standard classifies the earlier survey on that date)`);
  }
  if (values['previous-standard'] !== undefined) standardIdOf('--previous-standard', values['previous-standard']);
  if (values.years !== undefined && values.targets === undefined) throw new UsageError(`--years ${JSON.stringify(values.years)} is given without --targets (it spreads the plan's yearly rate change)`);
  let years = values.years !== undefined ? Number(values.years) : 1;
  if (values.years !== undefined && !(Number.isFinite(years) && years > 0)) throw new UsageError(`--years must be a positive number; received ${JSON.stringify(values.years)}`);
  let plan;
  if (values.targets !== undefined) {
    try {
      plan = defineTargetPlan(JSON.parse(readFileSync(values.targets, 'utf8')));
    } catch (error) {
      throw new UsageError(`--targets ${values.targets}: ${describeFatal(error)}`);
    }
  }
  const chartNames = ['deprivation-profile.svg', 'rates-by-group.svg'] as const;
  const chartFiles = values.charts === undefined ? [] : chartNames.map((name) => join(values.charts!, name));
  for (const chart of chartFiles) refuseInputAsOutput('--charts', chart, [['FILE', file], ['--previous', values.previous], ['--targets', values.targets]]);
  // The charts are opened before the survey is read (a directory that cannot be written fails at
  // once) and renamed into place only when the whole report has succeeded.
  if (values.charts !== undefined) chartDirectory(values.charts);
  const charts: AtomicOutput[] = [];
  let out: ReturnType<typeof openReportOutput>;
  try {
    out = openReportOutput(values.out);
    for (const chart of chartFiles) charts.push(openAtomicOutput(chart, { signals: outputSignals }));
    const idFor = values.previous !== undefined ? '--previous matches households by id' : undefined;
    const read = { ...limitsOf(values, fileFormat), ...columnOptionsOf(values, fileFormat) };
    const design = designOf(values);
    const review = await readReview(file, input, choice, { by: values.by, weight: values.weight, idFor, quiet, read: { ...read, ...sheet }, design });
    const notes: string[] = [];

    let transitions: Transitions | undefined;
    if (values.previous !== undefined) {
      let previous: ReviewEntry[];
      let classified: ClassifiedReview | undefined;
      try {
        const previousFile = values.previous;
        const byId = '--previous matches households by id';
        classified = values['previous-date'] === undefined ? (isWorkbookFile(previousFile) ? await readClassifiedWorkbook(previousFile, byId) : readClassified(previousFile, byId)) : undefined;
      } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`--previous ${values.previous}: ${describeFatal(error)}`);
      }
      if (classified) {
        previous = classified.entries;
        if (classified.unclassified > 0) notes.push(`${classified.unclassified} row(s) of --previous ${values.previous} without a category (errors of its classification) left out of the movement`);
        if (classified.withoutId > 0) notes.push(`${classified.withoutId} household(s) of --previous ${values.previous} without an id left out of the movement`);
      } else {
        if (values['previous-date'] === undefined) throw new UsageError(`--previous ${values.previous} is not a classified file (id and category columns): give --previous-date to classify it`);
        const earlier = await readReview(values.previous, input, { date: values['previous-date'], ...(values['previous-standard'] !== undefined ? { standard: values['previous-standard'] as StandardId } : {}) }, { idFor: '--previous matches households by id', quiet, read });
        previous = earlier.entries;
        if (values.years === undefined) years = Math.max(1, Math.round(differenceInCalendarDays(parseISO(review.date), parseISO(earlier.date)) / 365.25));
        if (earlier.invalid > 0) notes.push(`${earlier.invalid} invalid row(s) in --previous left out; first: ${earlier.firstError}`);
        if (earlier.withoutId > 0) notes.push(`${earlier.withoutId} household(s) of --previous ${values.previous} without an id left out of the movement`);
      }
      if (review.withoutId > 0) notes.push(`${review.withoutId} household(s) of ${file} without an id left out of the movement`);
      transitions = compareReviews(previous, review.entries);
    }

    const context = { standard: review.standard.id, date: review.date };
    const tables: Table[] = [summaryTable(review.tally, lang, context, unit), profileTable(review.tally, review.standard, lang)];
    const children = childrenTable(review.tally, lang, review.standard);
    if (children) tables.push(children);
    if (transitions) tables.push(transitionsTable(transitions, lang, { weighted: review.tally.weighted }));
    if (design) tables.push(design.rates.table(lang, unit, values.by));
    if (plan) {
      tables.push(targetsTable(measureTargets(plan, review.tally, transitions, years), plan, lang, review.tally.rounding.decimals, { weighted: review.tally.weighted }));
    }
    if (charts.length === 2) {
      const [profile, rates] = charts as [AtomicOutput, AtomicOutput];
      profile.stream.write(barChartSvg(profileChart(review.tally, review.standard, lang)));
      rates.stream.write(barChartSvg(ratesChart(review.tally, lang)));
      // Both on disk before either is renamed: the two charts appear together or not at all.
      for (const chart of charts) await chart.flush();
      for (const chart of charts) await chart.commit();
    }
    await writeReport(tables, format, out);
    if (review.withoutGroup > 0) notes.push(`--by ${JSON.stringify(values.by)}: ${review.withoutGroup} record(s) without this key in their attributes, counted in ${BLANK_GROUP}`);
    if (review.invalid > 0) {
      const weight = `--weight ${JSON.stringify(values.weight)}`;
      const forWeight =
        review.badWeights === 0
          ? ''
          : review.badWeights === review.invalid
            ? `, all for their ${weight}`
            : `, ${review.badWeights} of them for their ${weight}${review.firstBadWeight === review.firstError ? '' : ` (first: ${review.firstBadWeight})`}`;
      notes.push(`${review.invalid} invalid row(s) left out of the figures${forWeight}; first: ${review.firstError}`);
    }
    for (const note of notes) process.stderr.write(`chuan-ngheo: ${note}\n`);
    return review.invalid > 0 ? exitStatus.invalidRows : exitStatus.ok;
  } catch (error) {
    await Promise.all([...charts.map((chart) => chart.abort()), out?.abort()]);
    throw charts.find((chart) => chart.failure)?.failure ?? out?.failure ?? error;
  }
}

/** The survey design of `--strata`/`--psu` (none without them); its companions refused without them. */
function designOf(values: { strata?: string | undefined; psu?: string | undefined; nest?: boolean | undefined; 'lonely-psu'?: string | undefined; level?: string | undefined }) {
  if (values.strata === undefined && values.psu === undefined) {
    for (const option of ['lonely-psu', 'level'] as const) if (values[option] !== undefined) throw new UsageError(`--${option} ${JSON.stringify(values[option])} is given without --strata or --psu (the survey design it belongs to)`);
    if (values.nest) throw new UsageError('--nest is given without --psu');
    return undefined;
  }
  if (values.nest && values.psu === undefined) throw new UsageError('--nest is given without --psu');
  const level = values.level === undefined ? 0.95 : Number(values.level);
  if (!(level > 0 && level < 1)) throw new UsageError(`--level must be a confidence level between 0 and 1 such as 0.95; received ${JSON.stringify(values.level)}`);
  const lonelyPsu = values['lonely-psu'] === undefined ? 'fail' : oneOf('--lonely-psu', values['lonely-psu'], ['fail', 'certainty', 'adjust']);
  return { strata: values.strata, psu: values.psu, rates: new DesignRates({ strata: values.strata, psu: values.psu, nest: values.nest === true, lonelyPsu, level }) };
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
