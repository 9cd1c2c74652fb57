// The code of the guides (docs/guides/*.md) and the READMEs, as a user would run it: each ```ts block
// type-checks in strict mode against the built declarations (importing `chuan-ngheo` as an installed
// package), then runs with node, its `//=>` results checked; each `npx chuan-ngheo …` line of a ```sh
// block that reads the bundled examples runs against dist/cli.js and exits 0.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSource, checkedProgram, fencedBlocks, root, removeSandbox, sandbox, toJavaScript, typeErrors, type Snippet } from './snippets.js';

const documents = [
  ...readdirSync(join(root, 'docs/guides'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join(root, 'docs/guides', f)),
  join(root, 'README.md'),
  join(root, 'README.vi.md'),
].filter((f) => existsSync(f));

const blocks = documents.flatMap((d) => fencedBlocks(d, ['ts', 'sh']));
const code = blocks.filter((b) => b.lang === 'ts');
const shell = blocks.filter((b) => b.lang === 'sh');
const key = (s: Snippet) => `${s.file}:${s.line}`;
const fileOf = (s: Snippet, ext: string) => `${s.file.replace(/[^A-Za-z0-9]+/g, '-')}-${s.line}.${ext}`;

let dir: string;
const diagnostics = new Map<string, string[]>();
const ran = new Map<string, { ok: boolean; message?: string }>();

/** Imports each snippet in turn; an error it throws, or leaves unhandled, fails it. */
const runner = `
import { writeFileSync } from 'node:fs';
const modules = JSON.parse(process.argv[2]);
const results = [];
let stray;
process.on('uncaughtException', (error) => { stray ??= error; });
process.on('unhandledRejection', (error) => { stray ??= error; });
for (const url of modules) {
  stray = undefined;
  try {
    await import(url);
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (stray) throw stray;
    results.push({ ok: true });
  } catch (error) {
    results.push({ ok: false, message: String((error && error.stack) || error) });
  }
}
writeFileSync('results.json', JSON.stringify(results));
`;

beforeAll(() => {
  dir = sandbox();
  mkdirSync(join(dir, 'snippets'));
  const files = code.map((s) => {
    const path = join(dir, 'snippets', fileOf(s, 'ts'));
    // Each snippet is a module of its own; top-level await is allowed, as in an ES module.
    writeFileSync(path, `${s.code}\nexport {};\n`);
    return path;
  });
  // Lines are counted in the file written: the snippet's own lines, from its first.
  for (const [file, errors] of typeErrors(files)) {
    const snippet = code[files.indexOf(file)];
    const k = snippet ? key(snippet) : 'program';
    diagnostics.set(k, errors.map((e) => e.replace(/^(\d+):/, (_, l: string) => `line ${(snippet?.line ?? 0) + Number(l)}:`)));
  }
  // Then each runs, in the order of the documents, as an ES module of one node process.
  const modules = code.map((s) => {
    const path = join(dir, 'snippets', fileOf(s, 'mjs'));
    let program: string;
    try {
      program = `${checkSource}\n${toJavaScript(checkedProgram(s.code, s.line).code)}`;
    } catch (error) {
      program = `throw new Error(${JSON.stringify((error as Error).message)});`;
    }
    writeFileSync(path, program);
    return pathToFileURL(path).href;
  });
  writeFileSync(join(dir, 'run.mjs'), runner);
  const r = spawnSync(process.execPath, ['run.mjs', JSON.stringify(modules)], { cwd: dir, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`the snippets' runner failed: ${r.stderr}`);
  const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as { ok: boolean; message?: string }[];
  code.forEach((s, i) => ran.set(key(s), results[i]!));
}, 300_000);

afterAll(() => removeSandbox(dir));

describe('```ts snippets of the guides and the READMEs', () => {
  it('there are snippets to check', () => {
    expect(code.length).toBeGreaterThan(10);
    expect(diagnostics.get('program') ?? []).toEqual([]);
  });

  it.each(code.map((s) => [key(s), s] as const))('%s type-checks in strict mode and runs', (_, snippet) => {
    const problems = diagnostics.get(key(snippet)) ?? [];
    if (problems.length > 0) throw new Error(`type errors:\n${problems.join('\n')}`);
    const outcome = ran.get(key(snippet));
    if (outcome === undefined || !outcome.ok) throw new Error(outcome?.message ?? 'not run');
  });
});

/** The commands of a shell block, continuation lines joined, prompts and comments removed. */
function commands(block: string): string[] {
  return block
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((l) => l.replace(/^\$ /, '').replace(/\s+#\s.*$/, '').trim())
    .filter((l) => l.startsWith('npx chuan-ngheo '));
}

const fileArgument = /^[^-][^\s]*\.(?:csv|jsonl|ndjson|json|xlsx)$/;

/**
 * The commands that can run here: every file they read is a bundled example or was written by an
 * earlier command of the same document (`--out FILE`, `> FILE`).
 */
function runnable(): { snippet: Snippet; command: string }[] {
  const out: { snippet: Snippet; command: string }[] = [];
  const written = new Map<string, Set<string>>();
  for (const snippet of shell) {
    const made = written.get(snippet.file) ?? new Set<string>();
    written.set(snippet.file, made);
    for (const command of commands(snippet.code)) {
      const words = command.split(/\s+/);
      const outputs = new Set(words.filter((_, i) => i > 0 && (words[i - 1] === '--out' || words[i - 1] === '>')));
      const inputs = words.filter((w) => fileArgument.test(w) && !outputs.has(w));
      if (!inputs.every((f) => f.startsWith('examples/') || made.has(f))) continue;
      if (!inputs.some((f) => f.startsWith('examples/')) && !words.includes('standards')) continue;
      outputs.forEach((f) => made.add(f));
      out.push({ snippet, command });
    }
  }
  return out;
}

describe('shell snippets on the bundled examples', () => {
  const commandsToRun = runnable();
  it('there are commands to run', () => {
    expect(commandsToRun.length).toBeGreaterThan(3);
  });

  it.each(commandsToRun.map((c) => [`${key(c.snippet)}: ${c.command}`, c] as const))('%s exits 0', (_, { command }) => {
    const line = command.replace(/^npx chuan-ngheo /, `${JSON.stringify(process.execPath)} ${JSON.stringify(join(root, 'dist/cli.js'))} `);
    const r = spawnSync('bash', ['-c', line], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) throw new Error(`exit status ${r.status}:\n${r.stderr}`);
  });
});

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as dashes. */
const anchorOf = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
    .replace(/ /g, '-');

describe('links between the documents', () => {
  it.each(documents.map((d) => [relative(root, d), d] as const))('%s links to files and headings that exist', (_, path) => {
    const text = readFileSync(path, 'utf8').replace(/```[\s\S]*?```/g, '');
    const broken: string[] = [];
    for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target!)) continue;
      const [file, anchor] = target!.split('#') as [string, string | undefined];
      const linked = file === '' ? path : join(dirname(path), file);
      if (!existsSync(linked)) {
        broken.push(target!);
        continue;
      }
      if (anchor === undefined || !linked.endsWith('.md')) continue;
      const headings = [...readFileSync(linked, 'utf8').matchAll(/^#{1,6} (.+)$/gm)].map((m) => anchorOf(m[1]!));
      if (!headings.includes(decodeURIComponent(anchor))) broken.push(target!);
    }
    expect(broken).toEqual([]);
  });
});
