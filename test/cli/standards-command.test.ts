// `chuan-ngheo standards` in process: the list, one standard, a file of one's own, and the errors.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { standardsCommand, standardsUsage } from '../../src/cli/standards-command.js';
import { UsageError } from '../../src/cli/args.js';
import { getStandard, localStandards, nationalStandards, type Standard } from '../../src/index.js';
import { runCommand } from './run-command.js';

const all = [...nationalStandards, ...localStandards];
const dir = mkdtempSync(join(tmpdir(), 'chuan-ngheo-standards-'));
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');

/** What the summary line of a standard must say, read from its data. */
function expectSummary(line: string, s: Standard): void {
  expect(line.startsWith(`${s.id} `)).toBe(true);
  expect(line).toContain(` ${s.scope} `);
  expect(line).toContain(`${s.effective.from} … ${s.effective.to}`);
  const r = s.rule;
  if (r.kind === 'two-tier') {
    expect(line).toContain(`poverty ${grouped(r.povertyLines.rural.value)}/${grouped(r.povertyLines.urban.value)}, near-poverty ${grouped(r.nearPovertyLines.rural.value)}/${grouped(r.nearPovertyLines.urban.value)}`);
  } else {
    expect(line).toContain(`line ${grouped(r.lines.rural.value)}/${grouped(r.lines.urban.value)}`);
  }
  expect(line).toContain(`đồng/person/${s.incomePeriod}`);
  expect(line).toContain(`k = ${r.minDeprivations.value}`);
  const unconfirmed = s.indicators.filter((i) => !i.deprivedWhen.confirmed).length;
  expect(line.endsWith(`${s.indicators.length} indicators (${unconfirmed} unconfirmed)`)).toBe(true);
}

describe('standards (in process)', () => {
  it('lists every standard, one line each, with its period, lines, k and indicators', async () => {
    const r = await runCommand(standardsCommand, []);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(all.length);
    lines.forEach((line, i) => expectSummary(line, all[i]!));
    // Both kinds of rule are in the list: a two-tier one and a single line.
    expect(new Set(all.map((s) => s.rule.kind))).toEqual(new Set(['two-tier', 'single-line']));
  });

  it.each(all.map((s) => s.id))('%s alone: its summary line', async (id) => {
    const r = await runCommand(standardsCommand, [id]);
    expect(r.status).toBe(0);
    expect(r.stdout.endsWith('\n')).toBe(true);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1);
    expectSummary(r.stdout.trimEnd(), getStandard(id));
  });

  it('--format json (or --json) prints one standard whole, as data that reads back', async () => {
    const standard = getStandard('nd07-2021');
    for (const argv of [['nd07-2021', '--format', 'json'], ['--json', 'nd07-2021']]) {
      const r = await runCommand(standardsCommand, argv);
      expect(r.status).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(standard)));
    }
  });

  it('--format json without an id prints them all, in the order of the list', async () => {
    const r = await runCommand(standardsCommand, ['--format', 'json']);
    expect(r.status).toBe(0);
    const printed = JSON.parse(r.stdout) as { id: string }[];
    expect(printed.map((s) => s.id)).toEqual(all.map((s) => s.id));
  });

  it('--standard-file checks a standard of one\'s own and prints it as a shipped one is printed', async () => {
    const mine = { ...JSON.parse(JSON.stringify(getStandard('nd07-2021'))), id: 'tinh-y-2025', scope: 'local', jurisdiction: 'Tỉnh Y' };
    const file = join(dir, 'tinh-y.json');
    writeFileSync(file, JSON.stringify(mine));
    const r = await runCommand(standardsCommand, ['--standard-file', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^tinh-y-2025 +local +2022-01-01 … 2026-12-31 +line 1,500,000\/2,000,000 /);
    const json = await runCommand(standardsCommand, ['--standard-file', file, '--format', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ id: 'tinh-y-2025', scope: 'local' });
  });

  it('a standard file with a figure of the wrong type: exit 2 naming the file, the code and the path', async () => {
    const bad = JSON.parse(JSON.stringify(getStandard('nd07-2021'))) as { rule: { minDeprivations: { value: unknown } } };
    bad.rule.minDeprivations.value = 'three';
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = await runCommand(standardsCommand, ['--standard-file', file]);
    expect(r.status).toBe(2);
    expect(r.error).toBeInstanceOf(UsageError);
    expect(r.stderr).toMatch(new RegExp(`^chuan-ngheo: --standard-file ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: [A-Z_]+ at rule\\.minDeprivations\\.value: `));
    expect(r.stdout).toBe('');
  });

  it('a missing standard file, and text that is not JSON, are usage errors naming the file', async () => {
    const missing = await runCommand(standardsCommand, ['--standard-file', join(dir, 'none.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/--standard-file .*none\.json: cannot open .*none\.json: no such file/);
    const text = join(dir, 'text.json');
    writeFileSync(text, 'not json');
    const notJson = await runCommand(standardsCommand, ['--standard-file', text]);
    expect(notJson.status).toBe(2);
    expect(notJson.stderr).toMatch(/--standard-file .*text\.json: /);
  });

  it.each([
    [['nope'], UsageError, /^chuan-ngheo: UNKNOWN_STANDARD: the ID "nope" is not a standard this version knows/],
    [['--format', 'xml'], UsageError, /^chuan-ngheo: --format must be one of text, json; received "xml"\n$/],
    [['qd59-2015', 'nd07-2021'], UsageError, /^chuan-ngheo: standards takes at most one ID; received 2\n$/],
    [['nd07-2021', '--standard-file', 'x.json'], UsageError, /^chuan-ngheo: give an ID or --standard-file FILE, not both\n$/],
  ] as const)('%j: exit 2, one line on stderr, nothing on stdout', async (argv, kind, message) => {
    const r = await runCommand(standardsCommand, [...argv]);
    expect(r.status).toBe(2);
    expect(r.error).toBeInstanceOf(kind);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('--help prints the usage and nothing else', async () => {
    for (const flag of ['--help', '-h']) {
      const r = await runCommand(standardsCommand, [flag]);
      expect(r).toEqual({ status: 0, stdout: `${standardsUsage}\n`, stderr: '' });
    }
  });
});
