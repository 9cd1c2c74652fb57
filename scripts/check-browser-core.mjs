// The core in a browser: bundles, with esbuild for the browser platform, a one-line page that
// calls `classify` from the built package (dist/index.js, as an app installs it), prints its size
// minified and gzipped, and fails above the budget. It also bundles each pure entry whole (the
// core, survey, measures, report, tabular) and fails when any of them reaches a Node built-in,
// under its `node:` name or its bare one (the build may write `node:os` as `os`).
import { builtinModules } from 'node:module';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Gzipped kilobytes the classify page may weigh (see docs/performance.md for the figures). */
const budgetKb = 40;
const root = new URL('..', import.meta.url).pathname;
const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** Bundles `contents` for the browser; returns its bytes and the Node built-ins it reached, with who imported them. */
async function bundle(contents) {
  const reached = [];
  const result = await build({
    stdin: { contents, resolveDir: root, loader: 'js', sourcefile: 'page.js' },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
    plugins: [
      {
        name: 'node-builtins',
        setup(b) {
          b.onResolve({ filter: /.*/ }, (args) => {
            if (!builtins.has(args.path) && !args.path.startsWith('node:')) return undefined;
            reached.push(`${args.path} (imported by ${args.importer.replace(root, '')})`);
            return { path: args.path, external: true };
          });
        },
      },
    ],
  });
  return { bytes: result.outputFiles[0].contents, reached };
}

let failed = false;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const page = await bundle(
  "import { classify } from './dist/index.js';\ndocument.body.textContent = classify({ area: 'rural', size: 3, incomeMonthlyTotal: 4_500_000 }, { date: '2025-12-01' }).category;\n",
);
const gzipped = gzipSync(page.bytes, { level: 9 }).length;
console.log(`browser page calling classify: ${kb(page.bytes.length)} minified, ${kb(gzipped)} gzipped (budget ${budgetKb} KB)`);
if (gzipped > budgetKb * 1024) {
  console.error(`the classify page is ${kb(gzipped)} gzipped, above the budget of ${budgetKb} KB`);
  failed = true;
}

for (const entry of ['index', 'survey', 'measures', 'report', 'tabular']) {
  const whole = await bundle(`export * from './dist/${entry}.js';\n`);
  const size = `${kb(whole.bytes.length)} minified, ${kb(gzipSync(whole.bytes, { level: 9 }).length)} gzipped`;
  if (whole.reached.length) {
    console.error(`dist/${entry}.js reaches Node built-ins:\n  ${[...new Set(whole.reached)].join('\n  ')}`);
    failed = true;
  } else console.log(`dist/${entry}.js whole: ${size}, no Node built-in`);
}
if (failed) process.exit(1);
