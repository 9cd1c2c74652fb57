// Builds the review page into dist-page/: index.html, page.css and app.js (the worker's source
// inside it, started from a blob: URL), so that the page opens from file:// with no server and
// no network.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, '..', 'dist-page');
const common = { bundle: true, platform: 'browser', target: 'es2022', format: 'iife', minify: true, legalComments: 'none', logLevel: 'warning', write: false };

const worker = await build({ ...common, entryPoints: [join(here, 'src', 'worker.ts')] });
const workerSource = worker.outputFiles[0].text;

const app = await build({
  ...common,
  entryPoints: [join(here, 'src', 'main.ts')],
  plugins: [
    {
      name: 'worker-source',
      setup(b) {
        b.onResolve({ filter: /^page-worker-source$/ }, () => ({ path: 'page-worker-source', namespace: 'worker-source' }));
        b.onLoad({ filter: /.*/, namespace: 'worker-source' }, () => ({ contents: `export default ${JSON.stringify(workerSource)};`, loader: 'js' }));
      },
    },
  ],
});

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'app.js'), app.outputFiles[0].text);
copyFileSync(join(here, 'index.html'), join(out, 'index.html'));
copyFileSync(join(here, 'page.css'), join(out, 'page.css'));
console.log(`dist-page/: app.js ${(app.outputFiles[0].text.length / 1024).toFixed(0)} KiB (worker ${(workerSource.length / 1024).toFixed(0)} KiB)`);
