import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    testTimeout: 60_000,
    // Measured by `npm test` (`vitest run --coverage`), which fails below the thresholds.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: [
        // The command line's entry runs its command as soon as it is loaded, so no test can load it:
        // it is run end to end as the built dist/cli.js, and the commands it calls are tested in process.
        'src/cli/main.ts',
        // Runs only inside worker threads, which the coverage of the test process does not reach: it is
        // run by the parallel classifiers' tests, on the built package, against one thread's output.
        'src/node/chunk-worker.ts',
      ],
      reporter: [['text', { skipFull: true }], 'text-summary'],
      thresholds: { lines: 90, branches: 85 },
    },
  },
});
