// The core entry runs in a browser: it may import no Node built-in, under its `node:` name or its
// bare one (the build may write `node:os` as `os`). Exits 1, naming the imports, when it does.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';

const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
let found = [];
for (const file of ['dist/index.js', 'dist/index.cjs']) {
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/(?:from\s*|import\s*\(\s*|require\(\s*)["']([^"']+)["']/g)) {
    if (builtins.has(m[1]) || m[1].startsWith('node:')) found.push(`${file}: ${m[1]}`);
  }
}
found = [...new Set(found)];
if (found.length) {
  console.error(`the core entry imports Node built-ins:\n  ${found.join('\n  ')}`);
  process.exit(1);
}
console.log('core entry: no Node built-in imported');
