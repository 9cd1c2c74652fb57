/**
 * `chuan-ngheo mpi`: the Alkire-Foster measures of a survey file with standard errors and
 * intervals under its design, one row per estimate, as mpitbR's tidy frames.
 *
 * @module
 */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { createAfTableBuilder, type AfTableBuilder } from '../analytics/af-table.js';
import { estimateAfInference, planAfInference, unusedColumns, type AfInferenceOptions, type AfPlan, type AfRow } from '../analytics/alkire-foster-inference.js';
import { resolveStandard } from '../standards/registry.js';
import type { Table } from '../report/table.js';
import { renderCsv, renderMarkdown, renderText } from '../report/table.js';
import { readAfCsv } from '../node/af-csv.js';
import { writeTablesXlsx } from '../node/xlsx-writer.js';
import { commonUsage, describeFatal, exitStatus, inputFormatOf, oneOf, openInput, openOutput, OptionError, readCommandLine, refuseInputAsOutput, standardIdOf, UsageError, writeStandardOutput } from './args.js';
import { startProgress } from './progress.js';

export const mpiUsage = `Usage: chuan-ngheo mpi FILE [--dimension NAME=IND,IND …] [--weights nested|perIndicator|FILE.json]
                        [--k 20,33,50] [--weight COL] [--strata COL] [--psu COL [--nest]] [--fpc COL]
                        [--lonely-psu fail|certainty|adjust] [--over COL,COL] [--time COL --year COL]
                        [--missing error|drop|notDeprived] [--level 0.95] [--standard ID]
                        [--format csv|jsonl|table|md|xlsx] [--out FILE] [--quiet]

The Alkire-Foster measures of a CSV survey (one row per unit, 0/1 deprivation columns) with standard
errors and confidence intervals under the survey design (Taylor linearisation, as R's survey
package and OPHI's mpitbR): M0, H, A for each cut-off, and per indicator hd (uncensored headcount),
hdk (censored headcount), actb and pctb (absolute and percentage contribution), nationally (loa nat)
and by each --over column. One table, one row per estimate, with the columns
measure,indicator,k,loa,subgroup,round,change,annualised,from,to,estimate,se,lower,upper
(estimates as proportions; empty where a figure does not exist: hd has no k, actb and pctb no se).
  --dimension NAME=IND,IND  a dimension and its indicator columns (repeatable, in order); default:
                        the standard's own dimensions, when the indicator columns are its ids
  --weights W           nested (each dimension the same weight, split equally among its indicators:
                        mpitbR's "equal"), perIndicator (1/d each), or a JSON file of weights by
                        indicator summing to 1 ({"d_nutr": "1/6", …}); 'equal' is refused as ambiguous
  --k LIST              poverty cut-offs: per cent as mpitbR (20,33,50: poor when the score ≥ 0.33),
                        or fractions (1/3); written in the k column as given (default 33)
  --weight COL          survey weight column (a number ≥ 0; default 1 each)
  --strata COL, --psu COL, --fpc COL  the design: strata, primary sampling units (default each row
                        its own; --nest when PSU ids repeat across strata), finite population
                        correction (PSUs in the stratum's population, or the sampling fraction)
  --lonely-psu RULE     a stratum with a single PSU: fail (default, naming it), certainty, adjust
  --over COL,COL        grouping columns, each a level of analysis beside the national one
  --time COL --year COL a survey in rounds: levels per round (each round its own design), then the
                        changes of M0, H and A between consecutive rounds for every cut-off and
                        subgroup: abs and rel (per cent), raw and annualised (abs per year; rel as
                        the compound yearly rate), with the normal interval as mpitbR
  --missing RULE        a blank or NA indicator value: error (default: names the rows), drop the
                        unit, or count it notDeprived
  --level P             confidence level (default 0.95): logit intervals (R's svyciprop) with the
                        design's degrees of freedom (PSUs − strata) for levels
  --format F            csv (default), jsonl (the same keys, and exact: the exact fraction where the
                        estimate is exact), table, md, xlsx (needs --out FILE.xlsx)
  --out FILE            write to FILE, whole or not at all (default standard output)
Columns of FILE that no option names are listed on stderr. A progress bar goes to stderr when it is
a terminal (--quiet silences it). Exit status: 0 done, 2 usage, file or data error (one line on stderr).
${commonUsage}`;

const HEADER = ['measure', 'indicator', 'k', 'loa', 'subgroup', 'round', 'change', 'annualised', 'from', 'to', 'estimate', 'se', 'lower', 'upper'] as const;

type MpiFormat = 'csv' | 'jsonl' | 'table' | 'md' | 'xlsx';

function listOf(value: string, option: string): string[] {
  const items = value.split(',').map((x) => x.trim());
  if (items.some((x) => x === '')) throw new UsageError(`${option} takes names separated by commas, received ${JSON.stringify(value)}`);
  return items;
}

function dimensionsOf(given: readonly string[]): Record<string, string[]> {
  const dims: Record<string, string[]> = {};
  for (const text of given) {
    const at = text.indexOf('=');
    if (at <= 0) throw new UsageError(`--dimension takes NAME=IND,IND, received ${JSON.stringify(text)}`);
    const name = text.slice(0, at).trim();
    if (name in dims) throw new UsageError(`--dimension ${name} is given twice`);
    dims[name] = listOf(text.slice(at + 1), `--dimension ${name}`);
  }
  return dims;
}

function weightsOf(value: string | undefined): AfInferenceOptions['weights'] {
  if (value === undefined) return 'nested';
  if (value === 'nested' || value === 'perIndicator' || value === 'equal') return value as AfInferenceOptions['weights'];
  if (extname(value).toLowerCase() !== '.json') throw new UsageError(`--weights must be nested, perIndicator or a JSON file of weights by indicator; received ${JSON.stringify(value)}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(value, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UsageError(`--weights ${value}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not valid JSON (${describeFatal(error)})`}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UsageError(`--weights ${value}: expected a JSON object of weights by indicator`);
  return parsed as Record<string, string | number>;
}

/** The standard's own dimensions, when the header has every one of its indicator ids. */
function standardDimensions(file: string, header: readonly string[], id: string | undefined): Record<string, string[]> {
  const standard = resolveStandard(id !== undefined ? { standard: standardIdOf('--standard', id) } : {}).standard;
  const ids = standard.indicators.map((i) => i.id);
  const present = ids.filter((x) => header.includes(x));
  if (present.length === 0) throw new UsageError(`${file} has no column named as an indicator of ${standard.id} (${ids.join(', ')}): give the dimensions, --dimension NAME=IND,IND`);
  if (present.length < ids.length) throw new UsageError(`${file} lacks ${ids.filter((x) => !present.includes(x)).join(', ')} of the indicators of ${standard.id}: give the dimensions, --dimension NAME=IND,IND`);
  const dimensions: Record<string, string[]> = {};
  for (const dim of standard.dimensions) {
    const list = standard.indicators.filter((i) => i.dimension === dim.id).map((i) => i.id);
    if (list.length) dimensions[dim.id] = list;
  }
  return dimensions;
}

function numberText(x: number | null): string | number | null {
  return x === null ? null : x;
}

/** The tidy rows as one report table (the same columns as the CSV header). */
function tidyTable(rows: readonly AfRow[]): Table {
  return {
    id: 'alkire-foster',
    title: 'Alkire-Foster measures',
    columns: HEADER.map((key) => ({ key, label: key, ...(['estimate', 'se', 'lower', 'upper'].includes(key) ? { decimals: 6 } : {}) })),
    rows: rows.map((r) => [r.measure, r.indicator, r.k, r.loa, r.subgroup, r.round, r.change, r.annualised, r.from, r.to, numberText(r.estimate), numberText(r.se), numberText(r.lower), numberText(r.upper)]),
  };
}

/** Runs the command; resolves to the exit status. */
export async function mpiCommand(argv: string[]): Promise<number> {
  const line = readCommandLine(argv, {
    command: 'mpi',
    usage: mpiUsage,
    options: {
      dimension: { type: 'string', multiple: true },
      weights: { type: 'string' },
      k: { type: 'string' },
      weight: { type: 'string' },
      strata: { type: 'string' },
      psu: { type: 'string' },
      nest: { type: 'boolean' },
      fpc: { type: 'string' },
      'lonely-psu': { type: 'string' },
      over: { type: 'string' },
      time: { type: 'string' },
      year: { type: 'string' },
      missing: { type: 'string' },
      level: { type: 'string' },
      standard: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string', short: 'o' },
      quiet: { type: 'boolean', short: 'q' },
    },
  });
  if (line === undefined) return exitStatus.ok;
  const { values, positionals } = line;
  if (positionals.length !== 1) throw new OptionError(`mpi takes exactly one FILE; received ${positionals.length}`);
  const file = positionals[0]!;
  if (inputFormatOf(file, undefined, ['csv']) !== 'csv') throw new UsageError('mpi reads CSV');
  const format: MpiFormat = values.format !== undefined ? oneOf('--format', values.format, ['csv', 'jsonl', 'table', 'md', 'xlsx']) : extname(values.out ?? '').toLowerCase() === '.xlsx' ? 'xlsx' : 'csv';
  if (format === 'xlsx' && (values.out === undefined || values.out === '-')) throw new UsageError('--format xlsx writes a workbook, which is not text: give --out FILE.xlsx');
  if (values.standard !== undefined && values.dimension !== undefined) throw new UsageError('--standard names the default dimensions; with --dimension it is not used: give one or the other');
  refuseInputAsOutput('--out', values.out, [['FILE', file]]);
  const level = values.level === undefined ? 0.95 : Number(values.level);
  if (!(level > 0 && level < 1)) throw new UsageError(`--level must be a confidence level between 0 and 1 such as 0.95; received ${JSON.stringify(values.level)}`);
  const missing = values.missing === undefined ? 'error' : oneOf('--missing', values.missing, ['error', 'drop', 'notDeprived']);
  const lonelyPsu = values['lonely-psu'] === undefined ? 'fail' : oneOf('--lonely-psu', values['lonely-psu'], ['fail', 'certainty', 'adjust']);
  if (values.nest && values.psu === undefined) throw new UsageError('--nest is given without --psu (it says that PSU ids repeat across strata)');
  const weights = weightsOf(values.weights);
  const k = values.k === undefined ? ['33'] : listOf(values.k, '--k');

  const source = openInput(file);
  const progress = startProgress(values.quiet === true, file, source, 'reading');
  let plan: AfPlan | undefined;
  let builder: AfTableBuilder | undefined;
  try {
    builder = await readAfCsv(
      source,
      (fields) => {
        const header = fields.map((h) => h.trim());
        let dimensions = values.dimension !== undefined ? dimensionsOf(values.dimension) : undefined;
        if (dimensions === undefined) dimensions = standardDimensions(file, header, values.standard);
        plan = planAfInference({
          dimensions,
          weights,
          k,
          level,
          missing,
          lonelyPsu,
          ...(values.nest ? { nest: true } : {}),
          ...(values.weight !== undefined ? { weight: values.weight } : {}),
          ...(values.strata !== undefined ? { strata: values.strata } : {}),
          ...(values.psu !== undefined ? { psu: values.psu } : {}),
          ...(values.fpc !== undefined ? { fpc: values.fpc } : {}),
          ...(values.over !== undefined ? { over: listOf(values.over, '--over') } : {}),
          ...(values.time !== undefined ? { time: values.time } : {}),
          ...(values.year !== undefined ? { year: values.year } : {}),
        });
        const made = createAfTableBuilder(plan.columns);
        const lacking = made.order.filter((c) => !header.includes(c));
        if (lacking.length) throw new UsageError(`${file} has no column ${lacking.map((c) => JSON.stringify(c)).join(', ')}; its columns: ${header.join(', ')}`);
        const repeated = header.find((h, i) => header.indexOf(h) !== i);
        if (repeated !== undefined) throw new UsageError(`${file} has two columns named ${JSON.stringify(repeated)}`);
        const unused = unusedColumns(header, plan);
        if (unused.length) process.stderr.write(`chuan-ngheo: columns not used by the measure: ${unused.join(', ')}\n`);
        return { builder: made, positions: made.order.map((c) => header.indexOf(c)), indicators: plan.indicators.length, weightAt: plan.columns.weight !== undefined ? plan.indicators.length : undefined };
      },
      (rows) => progress.update(rows),
    );
  } catch (error) {
    progress.stop(false);
    source.destroy();
    throw error;
  }
  progress.stop();
  if (!builder || !plan) throw new UsageError(`${file} is empty: expected a header row`);
  const result = estimateAfInference(builder.finish(), plan);
  if (result.dropped > 0) process.stderr.write(`chuan-ngheo: ${result.dropped} unit(s) with a missing indicator value left out (--missing drop)\n`);

  const output = openOutput(values.out);
  try {
    if (format === 'xlsx') await writeTablesXlsx([tidyTable(result.rows)], output.stream);
    else {
      let text: string;
      if (format === 'jsonl') {
        text = result.rows.map((r) => JSON.stringify({ ...Object.fromEntries(HEADER.map((key) => [key, r[key]])), exact: r.exact ?? null })).join('\n') + '\n';
      } else if (format === 'csv') text = renderCsv(tidyTable(result.rows));
      else text = format === 'md' ? renderMarkdown(tidyTable(result.rows)) : renderText(tidyTable(result.rows));
      if (values.out === undefined || values.out === '-') await writeStandardOutput(text);
      else output.stream.write(text);
    }
    await output.commit();
  } catch (error) {
    await output.abort();
    throw output.failure ?? error;
  }
  return exitStatus.ok;
}
