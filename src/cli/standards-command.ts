/**
 * `chuan-ngheo standards`: the standards this version knows, with their periods and lines; one of
 * them whole, as JSON a province can copy, edit and pass back with `--standard-file`; or a file of
 * the user's own, checked.
 *
 * @module
 */
import { getStandard, localStandards, nationalStandards } from '../standards/registry.js';
import { formatJson } from '../standards/format.js';
import type { Standard } from '../standards/schema.js';
import { commonUsage, exitStatus, oneOf, OptionError, readCommandLine, readStandardFile, standardFileOption, standardIdOf, UsageError } from './args.js';

export const standardsUsage = `Usage: chuan-ngheo standards [ID | --standard-file FILE] [--format text|json]

Lists the standards this version knows: period, lines, k and indicators. With ID, that standard;
--format json prints it whole, in the form --standard-file reads: copy it, change its id and
figures, and classify with 'chuan-ngheo classify FILE --standard-file yours.json'.
--standard-file FILE checks a standard of your own (exit status 2 with the path of the first
problem) and prints it as the shipped ones are printed.
  --format text|json    a line per standard (the default), or the standards whole as JSON
  --json                the same as --format json
${commonUsage}`;

function lineText(s: Standard): string {
  const r = s.rule;
  const fmt = (n: number) => n.toLocaleString('en-US');
  if (r.kind === 'two-tier') {
    return `poverty ${fmt(r.povertyLines.rural.value)}/${fmt(r.povertyLines.urban.value)}, near-poverty ${fmt(r.nearPovertyLines.rural.value)}/${fmt(r.nearPovertyLines.urban.value)}`;
  }
  return `line ${fmt(r.lines.rural.value)}/${fmt(r.lines.urban.value)}`;
}

function summary(s: Standard): string {
  const unconfirmed = s.indicators.filter((i) => !i.deprivedWhen.confirmed).length;
  return `${s.id.padEnd(20)} ${s.scope.padEnd(8)} ${s.effective.from} … ${s.effective.to}  ${lineText(s)} (rural/urban, đồng/person/${s.incomePeriod}), k = ${s.rule.minDeprivations.value}, ${s.indicators.length} indicators (${unconfirmed} unconfirmed)\n`;
}

/** Prints the standards, one standard, or a file's standard; `--format json` (or `--json`) prints them whole. */
export async function standardsCommand(argv: string[]): Promise<number> {
  const line = readCommandLine(argv, {
    command: 'standards',
    usage: standardsUsage,
    options: { format: { type: 'string' }, json: { type: 'boolean' }, ...standardFileOption },
  });
  if (line === undefined) return exitStatus.ok;
  const { values, positionals } = line;
  if (values.json && values.format !== undefined && values.format !== 'json') throw new UsageError(`--json and --format ${values.format} disagree; give one of them`);
  const format = values.json ? 'json' : oneOf('--format', values.format ?? 'text', ['text', 'json']);
  if (positionals.length > 1) throw new OptionError(`standards takes at most one ID; received ${positionals.length}`);
  const file = values['standard-file'];
  if (file !== undefined && positionals.length) throw new UsageError('give an ID or --standard-file FILE, not both');
  const id = positionals[0];
  const chosen = file !== undefined ? readStandardFile(file) : id !== undefined ? getStandard(standardIdOf('the ID', id)) : undefined;
  if (chosen) {
    process.stdout.write(format === 'json' ? formatJson(chosen) : summary(chosen));
    return exitStatus.ok;
  }
  const all = [...nationalStandards, ...localStandards];
  process.stdout.write(format === 'json' ? formatJson(all) : all.map(summary).join(''));
  return exitStatus.ok;
}
