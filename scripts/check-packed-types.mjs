// The packed package in a new app: `npm pack`, unpack the tarball into a scratch app's
// node_modules, and compile scripts/packed-app under strict settings with `node16` (ESM and
// CommonJS) and `bundler` resolution. The app's `@ts-expect-error` lines are the mistakes the types
// must catch. The app sits under this project's node_modules, so that the package's dependencies
// (zod, decimal.js …, and @types/node) resolve to the versions of the lockfile without a download.
// Run after the build; exits 1 on any compile error.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const source = join(root, 'scripts', 'packed-app');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const app = join(root, 'node_modules', '.cache', 'packed-app');
rmSync(app, { recursive: true, force: true });
const installed = join(app, 'node_modules', 'chuan-ngheo');
mkdirSync(installed, { recursive: true });
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

try {
  const started = Date.now();
  const tarball = join(app, npm(['pack', '--silent', '--pack-destination', app], root).trim().split('\n').pop());
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'scratch-app', private: true, type: 'module' }, null, 2)}\n`);
  for (const file of readdirSync(source)) copyFileSync(join(source, file), join(app, file));
  let failed = false;
  for (const config of ['tsconfig.node16.json', 'tsconfig.bundler.json']) {
    try {
      execFileSync(process.execPath, [tsc, '-p', config], { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      console.log(`packed app: compiles under ${config.replace(/^tsconfig\.|\.json$/g, '')} resolution`);
    } catch (error) {
      failed = true;
      console.error(`packed app: ${config} does not compile:\n${error.stdout}${error.stderr}`);
    }
  }
  console.log(`packed app: checked in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (failed) process.exitCode = 1;
} finally {
  rmSync(app, { recursive: true, force: true });
}
