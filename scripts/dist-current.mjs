// Whether dist/ is current: built after the last change to what it is built from (src/, package.json,
// tsup.config.ts, tsconfig.json and the script that writes the JSON Schemas). Exit status 0 when it
// is, 1 when it must be built again. `npm start` builds only then.
//
//   node scripts/dist-current.mjs [ROOT]   (ROOT: the package's directory, default this one)
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? join(import.meta.dirname, '..'));

/** The latest modification time of a file, or of any file under a directory; 0 when it is missing. */
function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stat.mtimeMs);
}

/** The time of the build: its first file and its last (the JSON Schema); nothing built when either is missing. */
function built() {
  const times = ['dist/cli.js', 'dist/standard.schema.json'].map((file) => {
    try {
      return statSync(join(root, file)).mtimeMs;
    } catch {
      return undefined;
    }
  });
  return times.includes(undefined) ? undefined : Math.min(...times);
}

const sources = ['src', 'package.json', 'tsup.config.ts', 'tsconfig.json', 'scripts/write-json-schema.mjs'].map((p) => newest(join(root, p)));
const at = built();
process.exitCode = at !== undefined && Math.max(...sources) <= at ? 0 : 1;
