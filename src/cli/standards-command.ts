/**
 * `chuan-ngheo standards`: the standards this version knows, with their periods and lines.
 *
 * @module
 */
import { localStandards, nationalStandards } from '../standards/registry.js';
import type { Standard } from '../standards/schema.js';
import { exitStatus } from './args.js';

function lineText(s: Standard): string {
  const r = s.rule;
  const fmt = (n: number) => n.toLocaleString('en-US');
  if (r.kind === 'two-tier') {
    return `poverty ${fmt(r.povertyLines.rural.value)}/${fmt(r.povertyLines.urban.value)}, near-poverty ${fmt(r.nearPovertyLines.rural.value)}/${fmt(r.nearPovertyLines.urban.value)}`;
  }
  return `line ${fmt(r.lines.rural.value)}/${fmt(r.lines.urban.value)}`;
}

/** Prints the standards; `--json` prints them whole. */
export async function standardsCommand(argv: string[]): Promise<number> {
  const all = [...nationalStandards, ...localStandards];
  if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
    return exitStatus.ok;
  }
  for (const s of all) {
    const unconfirmed = s.indicators.filter((i) => !i.deprivedWhen.confirmed).length;
    process.stdout.write(
      `${s.id.padEnd(20)} ${s.scope.padEnd(8)} ${s.effective.from} … ${s.effective.to}  ${lineText(s)} (rural/urban, đồng/person/${s.incomePeriod}), k = ${s.rule.minDeprivations.value}, ${s.indicators.length} indicators (${unconfirmed} unconfirmed)\n`,
    );
  }
  return exitStatus.ok;
}
