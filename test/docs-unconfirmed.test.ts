// The README's "What is unconfirmed" list is written from the standards' data
// (npm run docs:unconfirmed): this fails when the two disagree.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = 'scripts/docs-unconfirmed.mjs';
const run = (args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
const section = (readme: string) => readme.slice(readme.indexOf('<!-- unconfirmed:start'), readme.indexOf('<!-- unconfirmed:end -->'));

/** The notes of every value marked unconfirmed in a standard. */
function unconfirmedNotes(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) unconfirmedNotes(item, out);
  else if (value && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    if (node.confirmed === false) out.push(node.note as string);
    for (const [key, child] of Object.entries(node)) if (key !== 'reference') unconfirmedNotes(child, out);
  }
  return out;
}

describe('README: What is unconfirmed', () => {
  it('agrees with the data (npm run docs:unconfirmed -- --check)', () => {
    const r = run(['--check']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('names every standard and says every unconfirmed value, with its note', () => {
    const listed = section(readFileSync('README.md', 'utf8'));
    for (const file of readdirSync('src/standards/data')) {
      const standard = JSON.parse(readFileSync(join('src/standards/data', file), 'utf8')) as { id: string };
      expect(listed).toContain(`(\`${standard.id}\`, `);
      for (const note of unconfirmedNotes(standard)) expect(listed).toContain(note);
    }
  });

  it('a change in the data makes the check fail until the list is written again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chuan-ngheo-docs-'));
    const readme = join(dir, 'README.md');
    const data = join(dir, 'data');
    cpSync('README.md', readme);
    cpSync('src/standards/data', data, { recursive: true });
    const args = ['--readme', readme, '--data', data];
    expect(run([...args, '--check']).status).toBe(0);

    const file = join(data, 'nd07-2021.json');
    const nd07 = JSON.parse(readFileSync(file, 'utf8')) as { indicators: { id: string; deprivedWhen: Record<string, unknown> }[] };
    const means = nd07.indicators.find((i) => i.id === 'informationMeans')!;
    means.deprivedWhen = { ...means.deprivedWhen, note: 'a changed note' };
    writeFileSync(file, JSON.stringify(nd07));
    const stale = run([...args, '--check']);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toMatch(/"What is unconfirmed" disagrees with .*; run npm run docs:unconfirmed/);

    expect(run(args).status).toBe(0);
    expect(run([...args, '--check']).status).toBe(0);
    expect(section(readFileSync(readme, 'utf8'))).toContain('threshold of `informationMeans`: a changed note');
    expect(readFileSync(readme, 'utf8').replace(section(readFileSync(readme, 'utf8')), '')).toBe(readFileSync('README.md', 'utf8').replace(section(readFileSync('README.md', 'utf8')), ''));
  });
});
