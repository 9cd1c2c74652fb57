// Every `@example` of the sources runs against the built package (dist/, as a user imports it), and
// every `//=>` in it holds. Names are resolved from whichever entry of package.json exports them, so
// the examples need no imports. Every public function and class has an example.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSource, checkedProgram, declarations, packageEntries, removeSandbox, sandbox, toJavaScript, typeErrors, type Snippet } from './snippets.js';

const all = declarations();
const examples: Snippet[] = all.flatMap((d) => d.examples);
const exampleKey = (e: Snippet) => `${e.name} (${e.file}:${e.line})`;

/** Node modules an example may use without importing them. */
const runner = `
import fs from 'node:fs';
import path from 'node:path';
import { Readable, Writable, PassThrough } from 'node:stream';
${checkSource}
const entries = JSON.parse(process.argv[2]);
const lib = {};
const exports = {};
for (const entry of entries) {
  const m = await import(entry);
  for (const [name, value] of Object.entries(m)) {
    if (name === 'default' || name in lib) continue;
    lib[name] = value;
    exports[name] = { entry, kind: typeof value === 'function' ? (/^class\\b/.test(Function.prototype.toString.call(value)) || /^[A-Z]/.test(name) ? 'class' : 'function') : typeof value };
  }
}
const globals = { fs, path, Readable, Writable, PassThrough };
const AsyncFunction = (async () => {}).constructor;
const examples = JSON.parse(fs.readFileSync('examples.json', 'utf8'));
const results = [];
// An error no example awaited (an unhandled stream error) fails the example that was running.
let stray;
process.on('uncaughtException', (error) => { stray ??= error; });
process.on('unhandledRejection', (error) => { stray ??= error; });
for (const example of examples) {
  stray = undefined;
  if (example.error) { results.push({ ok: false, message: example.error }); continue; }
  const names = [...new Set(example.code.match(/[A-Za-z_$][\\w$]*/g) ?? [])].filter((n) => n in lib || n in globals);
  try {
    const run = new AsyncFunction(...names, '__expect', '__throws', '{\\n' + example.code + '\\n}');
    await run(...names.map((n) => (n in lib ? lib[n] : globals[n])), __expect, __throws);
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (stray) throw stray;
    results.push({ ok: true });
  } catch (error) {
    results.push({ ok: false, message: String((error && error.stack) || error) });
  }
}
fs.writeFileSync('results.json', JSON.stringify({ results, exports }));
`;

let outcome: { results: { ok: boolean; message?: string }[]; exports: Record<string, { entry: string; kind: string }> };
/** The type errors of each example, by its key. */
const typeProblems = new Map<string, string[]>();

/** Node modules the examples use without importing them, as a user would import them. */
const nodeImports: Record<string, string> = {
  fs: "import fs from 'node:fs';",
  path: "import path from 'node:path';",
  Readable: "import { Readable } from 'node:stream';",
  Writable: "import { Writable } from 'node:stream';",
  PassThrough: "import { PassThrough } from 'node:stream';",
};

/** An example as a user's module: each name it uses imported from the entry that exports it. */
function asModule(code: string, exports: typeof outcome.exports): string {
  const declared = new Set([...code.matchAll(/\b(?:const|let|var|function|class)\s+([A-Za-z_$][\w$]*)/g)].map((m) => m[1]!));
  const used = [...new Set(code.match(/[A-Za-z_$][\w$]*/g) ?? [])].filter((n) => !declared.has(n));
  const byEntry = new Map<string, string[]>();
  for (const name of used.filter((n) => Object.hasOwn(exports, n))) byEntry.set(exports[name]!.entry, [...(byEntry.get(exports[name]!.entry) ?? []), name]);
  const imports = [...used.filter((n) => Object.hasOwn(nodeImports, n)).map((n) => nodeImports[n]!), ...[...byEntry].map(([entry, names]) => `import { ${names.join(', ')} } from '${entry}';`)];
  return `${imports.join('\n')}\n${code}\nexport {};\n`;
}

let dir: string;

beforeAll(() => {
  dir = sandbox();
  const prepared = examples.map((e) => {
    try {
      const code = e.code.replace(/^import\s[^;]*?from\s+['"][^'"]+['"];?\s*$/gm, '');
      const { code: checked, checks } = checkedProgram(code, e.line);
      if (checks === 0) return { error: 'no //=> result to check' };
      return { code: toJavaScript(checked).replace(/^export \{\};?\s*$/m, '') };
    } catch (error) {
      return { error: (error as Error).message };
    }
  });
  writeFileSync(join(dir, 'examples.json'), JSON.stringify(prepared));
  writeFileSync(join(dir, 'run.mjs'), runner);
  const r = spawnSync(process.execPath, ['run.mjs', JSON.stringify(packageEntries())], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`the examples' runner failed: ${r.stderr}`);
  outcome = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
  // Each example type-checks in a strict project, its names imported from their entries.
  mkdirSync(join(dir, 'typed'));
  const files = examples.map((e, i) => {
    const file = join(dir, 'typed', `example-${i}.ts`);
    writeFileSync(file, asModule(e.code.replace(/^import\s[^;]*?from\s+['"][^'"]+['"];?\s*$/gm, ''), outcome.exports));
    return file;
  });
  for (const [file, errors] of typeErrors(files)) {
    const example = examples[files.indexOf(file)];
    typeProblems.set(example ? exampleKey(example) : '(program)', errors);
  }
}, 180_000);

afterAll(() => removeSandbox(dir));

describe('@example blocks', () => {
  it.each(examples.map((e, i) => [exampleKey(e), i] as const))('%s type-checks, runs and its results hold', (key, i) => {
    const problems = typeProblems.get(key) ?? [];
    if (problems.length > 0) throw new Error(`type errors (line in the example after its imports):\n${problems.join('\n')}`);
    const r = outcome.results[i]!;
    expect(r.ok, r.message).toBe(true);
  });

  it('the examples type-check as one program', () => {
    expect(typeProblems.get('(program)') ?? []).toEqual([]);
  });

  it('examples document public names only (an example of an internal name would not be run as a user runs it)', () => {
    const internal = examples.filter((e) => !(e.name! in outcome.exports)).map(exampleKey);
    if (internal.length > 0) throw new Error(`examples of names no entry exports:\n${internal.join('\n')}`);
  });

  it('every public function and class has an example; every export is described', () => {
    const byName = new Map<string, (typeof all)[number][]>();
    for (const d of all) if (d.exported) byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
    const missing = Object.entries(outcome.exports)
      .filter(([name, { kind }]) => (kind === 'function' || kind === 'class') && !(byName.get(name) ?? []).some((d) => d.examples.length > 0))
      .map(([name, { entry }]) => `${entry}: ${name}`);
    if (missing.length > 0) throw new Error(`public functions and classes without an example:\n${missing.join('\n')}`);
    const undescribed = Object.entries(outcome.exports)
      .filter(([name]) => !(byName.get(name) ?? []).some((d) => d.documented))
      .map(([name, { entry }]) => `${entry}: ${name}`);
    if (undescribed.length > 0) throw new Error(`exports without a description:\n${undescribed.join('\n')}`);
  });
});

describe('the example checker', () => {
  it('checks a value, a declaration and a thrown code, and refuses a //=> it cannot check', () => {
    expect(checkedProgram("f(1) //=> 'a'").code).toBe("__expect((f(1)), ('a'), 1); //=> 'a'");
    expect(checkedProgram('const x = f();\n//=> { a: 1,\n//     b: 2 }').code).toBe('const x = f();\n__expect(x, ({ a: 1,\n    b: 2 }), 1);\n//=> { a: 1,\n//     b: 2 }');
    expect(checkedProgram('g() //=> throws INVALID_DATE').code).toBe('await __throws(async () => (g()), "INVALID_DATE", 1); //=> throws INVALID_DATE');
    expect(() => checkedProgram('for (const x of y) {\n  f(x) //=> 1\n}')).toThrow(/cannot be checked/);
    expect(() => checkedProgram('if (a) b();\n//=> 1')).toThrow(/no value/);
  });

  it('fails on a wrong value and on a missing error', async () => {
    const run = async (code: string) => {
      const body = toJavaScript(checkedProgram(code).code);
      const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => () => Promise<void>;
      return new AsyncFunction(`${checkSource}\n${body}`)();
    };
    await expect(run("[1, 'a'] //=> [1, 'a']")).resolves.toBeUndefined();
    await expect(run('new Float64Array([3, 0.5]) //=> [3, 0.5]')).resolves.toBeUndefined();
    await expect(run("new Map([['a', new Set([1])]]) //=> { a: [1] }")).resolves.toBeUndefined();
    await expect(run('({ a: 1, b: [2] }) //=> { a: 1, b: [3] }')).rejects.toThrow(/line 1: expected \{"a":1,"b":\[3\]\}, got \{"a":1,"b":\[2\]\}/);
    await expect(run('({ a: 1 }) //=> { a: 1, b: undefined }')).resolves.toBeUndefined();
    await expect(run('1 //=> throws INVALID_DATE')).rejects.toThrow(/expected an error INVALID_DATE, got the value 1/);
    await expect(run("(() => { throw Object.assign(new Error('x'), { code: 'INVALID_AREA' }); })() //=> throws INVALID_DATE")).rejects.toThrow(/expected an error INVALID_DATE, got INVALID_AREA: x/);
    await expect(run("(() => { throw new Error('x'); })() //=> throws")).resolves.toBeUndefined();
    await expect(run('1 //=> throws')).rejects.toThrow(/line 1: expected an error, got the value 1/);
  });
});
