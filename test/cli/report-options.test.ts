// Report options that only mean something with another one are refused without it, rather than
// ignored. On the built package.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const cli = join(import.meta.dirname, '../../dist/cli.js');
const run = (args: string[]) => spawnSync(process.execPath, [cli, 'report', 'examples/households.csv', '--date', '2025-12-01', ...args], { encoding: 'utf8' });

describe('report options without the option they go with', () => {
  it.each([
    [['--previous-date', '2024-12-01'], 'chuan-ngheo: --previous-date "2024-12-01" is given without --previous\n'],
    [['--previous-standard', 'nd07-2021'], 'chuan-ngheo: --previous-standard "nd07-2021" is given without --previous\n'],
    [
      ['--previous', 'examples/households-2024.csv', '--previous-standard', 'nd07-2021'],
      'chuan-ngheo: --previous-standard "nd07-2021" is given without --previous-date (the standard classifies the earlier survey on that date)\n',
    ],
    [['--years', '2'], 'chuan-ngheo: --years "2" is given without --targets (it spreads the plan\'s yearly rate change)\n'],
  ])('%j is a usage error', (args, message) => {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(message);
  });
  it('with the option they go with, they are used', () => {
    const r = run(['--previous', 'examples/households-2024.csv', '--previous-date', '2024-12-01', '--previous-standard', 'nd07-2021', '--targets', 'examples/targets-bac-ninh.json', '--years', '2', '--format', 'json']);
    expect(r.status).toBe(0);
    const targets = (JSON.parse(r.stdout) as { id: string; rows: Record<string, unknown>[] }[]).find((t) => t.id === 'targets')!;
    expect(targets.rows[0]).toMatchObject({ target: 'poverty rate change over 2 year(s)', plan: -0.2, planExact: '-1/5' });
  });
});
