import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: an entry per audience, dual ESM/CJS, dependencies left to the user's install.
    // Split, so that what two entries share (ChuanNgheoError first) is one module in one chunk.
    entry: {
      index: 'src/index.ts',
      survey: 'src/survey/index.ts',
      measures: 'src/analytics/index.ts',
      report: 'src/report/index.ts',
      tabular: 'src/csv/index.ts',
      node: 'src/node/index.ts',
    },
    format: ['esm', 'cjs'],
    // `@internal` exports (kept for the benchmark) are left out of the declarations.
    dts: { compilerOptions: { stripInternal: true } },
    sourcemap: true,
    target: 'node20',
    silent: true,
    splitting: true,
    treeshake: true,
    shims: true,
  },
  {
    // The command line and the worker it starts: bundled with their dependencies, so that a run
    // loads a few files instead of hundreds of modules (start-up matters on large batch jobs).
    // Split, so that a worker loads only the fast path, and the general path when it needs it.
    entry: { cli: 'src/cli/main.ts', 'chunk-worker': 'src/node/chunk-worker.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    silent: true,
    splitting: true,
    // exceljs and unzipper are left out: they are loaded only when a workbook is read or written, from the install.
    noExternal: [/^(?!(?:exceljs|unzipper)$)/],
    minify: true,
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  },
]);
