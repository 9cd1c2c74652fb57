// `npm start` builds only when dist/ is older than what it is built from.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = join(import.meta.dirname, '../scripts/dist-current.mjs');
const current = (root: string) => spawnSync(process.execPath, [script, root], { encoding: 'utf8' }).status;

/** A package of source files and a build, each file written at the given time (seconds). */
function project(files: Record<string, number>): string {
  const root = mkdtempSync(join(tmpdir(), 'chuan-ngheo-dist-'));
  for (const [file, time] of Object.entries(files)) {
    const path = join(root, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, '');
    utimesSync(path, time, time);
  }
  // Directories take the time of their latest file, as they would when it is written.
  for (const dir of ['src', 'src/cli', 'dist']) {
    try {
      utimesSync(join(root, dir), 1000, 1000);
    } catch {
      // not in this project
    }
  }
  return root;
}

const sources = { 'src/index.ts': 1000, 'src/cli/main.ts': 1000, 'package.json': 1000, 'tsup.config.ts': 1000, 'tsconfig.json': 1000 };

describe('scripts/dist-current.mjs', () => {
  it('dist/ built after every source is current (exit 0)', () => {
    const root = project({ ...sources, 'dist/cli.js': 2000, 'dist/standard.schema.json': 2001 });
    expect(current(root)).toBe(0);
    rmSync(root, { recursive: true });
  });

  it.each([
    ['a source file deep in src/', { 'src/cli/main.ts': 3000 }],
    ['package.json', { 'package.json': 3000 }],
    ['tsup.config.ts', { 'tsup.config.ts': 3000 }],
    ['tsconfig.json', { 'tsconfig.json': 3000 }],
    ['a new file under src/', { 'src/report/new.ts': 3000 }],
  ])('a change to %s after the build makes it stale (exit 1)', (_, changed) => {
    const root = project({ ...sources, ...changed, 'dist/cli.js': 2000, 'dist/standard.schema.json': 2001 });
    expect(current(root)).toBe(1);
    rmSync(root, { recursive: true });
  });

  it('a build that did not finish (no JSON Schema), or no build, is stale', () => {
    const unfinished = project({ ...sources, 'dist/cli.js': 2000 });
    expect(current(unfinished)).toBe(1);
    const none = project(sources);
    expect(current(none)).toBe(1);
    rmSync(unfinished, { recursive: true });
    rmSync(none, { recursive: true });
  });

  it('a source changed between the first file of the build and its last is stale', () => {
    const root = project({ ...sources, 'src/index.ts': 2500, 'dist/cli.js': 2000, 'dist/standard.schema.json': 3000 });
    expect(current(root)).toBe(1);
    rmSync(root, { recursive: true });
  });
});
