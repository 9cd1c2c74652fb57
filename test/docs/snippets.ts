// Code shown in the docs, made checkable: the `@example` blocks of the sources and the snippets of the
// guides and the README. A statement followed by `//=> value` is checked against the value (deep
// equality of JSON values: a Set or a typed array compares as an array, a Map as an object);
// `//=> throws CODE` expects a ChuanNgheoError (or any error with that code), `//=> throws` alone
// any error.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import ts from 'typescript';

export const root = join(import.meta.dirname, '../..');

/** A piece of code shown in the docs: where it is, and its text. */
export interface Snippet {
  readonly file: string;
  /** 1-based line of the first line of code in the file. */
  readonly line: number;
  /** The declaration it documents (for `@example` blocks). */
  readonly name?: string;
  readonly code: string;
}

/** The package's entries with code, as imported by a user (`chuan-ngheo`, `chuan-ngheo/node` …), from package.json. */
export function packageEntries(): string[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; exports: Record<string, unknown> };
  return Object.entries(pkg.exports)
    .filter(([, target]) => typeof target === 'object' && target !== null)
    .map(([key]) => (key === '.' ? pkg.name : `${pkg.name}${key.slice(1)}`));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The name a JSDoc comment documents: the declaration it is attached to. */
function declarationName(node: ts.Node): string | undefined {
  if (ts.isVariableStatement(node)) {
    const d = node.declarationList.declarations[0];
    return d && ts.isIdentifier(d.name) ? d.name.text : undefined;
  }
  const name = (node as { name?: ts.Node }).name;
  return name && ts.isIdentifier(name) ? name.text : undefined;
}

/** A declaration of the sources with its JSDoc: its name, whether it is exported, its examples. */
export interface Declaration {
  readonly file: string;
  readonly name: string;
  readonly exported: boolean;
  readonly documented: boolean;
  readonly examples: readonly Snippet[];
}

/** Every top-level declaration of src/ (and class members with examples), with its `@example` blocks. */
export function declarations(): Declaration[] {
  const out: Declaration[] = [];
  for (const path of sourceFiles(join(root, 'src'))) {
    const text = readFileSync(path, 'utf8');
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    const file = relative(root, path);
    const visit = (node: ts.Node, inClass: boolean) => {
      const docs = (node as { jsDoc?: ts.JSDoc[] }).jsDoc ?? [];
      const name = declarationName(node);
      if (name !== undefined && (docs.length > 0 || !inClass)) {
        const examples: Snippet[] = [];
        for (const doc of docs) {
          for (const tag of doc.tags ?? []) {
            if (tag.tagName.text !== 'example') continue;
            examples.push(exampleOf(text, source, tag, file, name));
          }
        }
        const exported = inClass || (ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword));
        out.push({ file, name, exported, documented: docs.some((d) => d.comment !== undefined && d.comment !== ''), examples });
      }
      if (ts.isClassDeclaration(node)) node.members.forEach((m) => visit(m, true));
    };
    source.statements.forEach((s) => visit(s, false));
  }
  return out;
}

/** The code of an `@example` tag, without the comment's leading ` * `. */
function exampleOf(text: string, source: ts.SourceFile, tag: ts.JSDocTag, file: string, name: string): Snippet {
  const start = tag.tagName.end;
  const raw = text.slice(start, tag.end);
  const lines = raw.split('\n').map((l) => l.replace(/^\s*\*( |$)/, '').replace(/\s*\*\/\s*$/, ''));
  // The first line is what follows `@example` on its line (usually nothing).
  const first = lines[0]!.trim() === '' ? 1 : 0;
  const code = lines.slice(first).join('\n').replace(/\s+$/, '');
  const line = source.getLineAndCharacterOfPosition(start).line + 1 + first;
  return { file, line, name, code };
}

/** The fenced blocks of a Markdown file in the given languages, with their lines. */
export function fencedBlocks(path: string, langs: readonly string[]): (Snippet & { lang: string })[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const out: (Snippet & { lang: string })[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\w+)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !/^\s*```\s*$/.test(lines[j]!); j++) body.push(lines[j]!.slice(indent));
    if (langs.includes(open[2]!)) out.push({ file: relative(root, path), line: i + 2, lang: open[2]!, code: body.join('\n') });
    i = j;
  }
  return out;
}

/** What follows a `//=>`: a value, or `throws CODE`. */
type Expectation = { kind: 'value'; text: string } | { kind: 'throws'; code: string | undefined };

function parsesAsExpression(text: string): boolean {
  const source = ts.createSourceFile('x.ts', `(${text}\n);`, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  return (source as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics.length === 0;
}

/**
 * The `//=>` comments in the text between two statements: each a value (continued on the following
 * `//` lines until it is a whole expression) or `throws CODE`.
 */
function expectationsIn(gap: string): Expectation[] {
  const lines = gap.split('\n').map((l) => l.trim());
  const found: Expectation[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^\/\/=>\s?(.*)$/.exec(lines[i]!) ?? /^.*?\/\/=>\s?(.*)$/.exec(i === 0 ? lines[i]! : '');
    if (!m) continue;
    const first = m[1]!.trim();
    const thrown = /^throws(?:\s+([A-Z_]+))?$/.exec(first);
    if (thrown) {
      found.push({ kind: 'throws', code: thrown[1] });
      continue;
    }
    let text = first;
    while (!parsesAsExpression(text) && i + 1 < lines.length && /^\/\/(?!=>)/.test(lines[i + 1]!)) text += `\n${lines[++i]!.replace(/^\/\/\s?/, '')}`;
    found.push({ kind: 'value', text });
  }
  return found;
}

/**
 * The code with each statement followed by `//=>` turned into a check of its value:
 * `expr; //=> v` becomes `__expect(expr, v, line)`, `const x = expr; //=> v` checks `x` after it,
 * and `//=> throws CODE` runs the statement expecting an error of that code. Throws when a `//=>`
 * is left that it cannot check (one inside a block, or after a statement without a value).
 */
export function checkedProgram(code: string, firstLine = 1): { code: string; checks: number } {
  const source = ts.createSourceFile('example.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const statements = source.statements;
  const edits: { start: number; end: number; text: string }[] = [];
  let checks = 0;
  statements.forEach((statement, s) => {
    const gapEnd = s + 1 < statements.length ? statements[s + 1]!.getStart(source) : code.length;
    // The gap runs from the statement's end, on its own line (a trailing comment) and the lines after.
    const gap = code.slice(statement.end, gapEnd);
    const expectations = expectationsIn(gap);
    if (expectations.length === 0) return;
    const line = firstLine + source.getLineAndCharacterOfPosition(statement.getStart(source)).line;
    if (expectations.length > 1) throw new Error(`line ${line}: more than one //=> after one statement`);
    const expected = expectations[0]!;
    const start = statement.getStart(source);
    const text = code.slice(start, statement.end);
    checks++;
    if (ts.isExpressionStatement(statement)) {
      const expr = code.slice(statement.expression.getStart(source), statement.expression.end);
      edits.push({
        start,
        end: statement.end,
        text: expected.kind === 'value' ? `__expect((${expr}), (${expected.text}), ${line});` : `await __throws(async () => (${expr}), ${JSON.stringify(expected.code ?? null)}, ${line});`,
      });
    } else if (ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1 && ts.isIdentifier(statement.declarationList.declarations[0]!.name)) {
      if (expected.kind === 'throws') throw new Error(`line ${line}: //=> throws after a declaration; write the call alone`);
      const name = (statement.declarationList.declarations[0]!.name as ts.Identifier).text;
      edits.push({ start, end: statement.end, text: `${text}\n__expect(${name}, (${expected.text}), ${line});` });
    } else {
      throw new Error(`line ${line}: //=> after a statement that has no value (${ts.SyntaxKind[statement.kind]})`);
    }
  });
  const all = (code.match(/\/\/=>/g) ?? []).length;
  if (all !== checks) throw new Error(`${all - checks} //=> that cannot be checked (inside a block, or before any statement)`);
  let out = code;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { code: out, checks };
}

/** TypeScript to JavaScript (an ES module), types removed. */
export function toJavaScript(code: string): string {
  return ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, verbatimModuleSyntax: false } }).outputText;
}

/** The source of the checks, prepended to a checked program (or passed to it). */
export const checkSource = `
const __plain = (v) => v === undefined ? undefined : JSON.parse(JSON.stringify(v, (_k, x) =>
  typeof x === 'bigint' ? x.toString() : x instanceof Set ? [...x] : x instanceof Map ? Object.fromEntries(x) :
  ArrayBuffer.isView(x) && !(x instanceof DataView) ? Array.from(x) : x));
const __same = (a, b) => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && __same(a[k], b[k]));
};
const __expect = (actual, expected, line) => {
  const a = __plain(actual), e = __plain(expected);
  if (!__same(a, e)) throw new Error('line ' + line + ': expected ' + JSON.stringify(e) + ', got ' + JSON.stringify(a));
};
const __throws = async (run, code, line) => {
  const wanted = code === null ? 'an error' : 'an error ' + code;
  let value;
  try { value = await run(); } catch (error) {
    if (code === null || (error && error.code === code)) return;
    throw new Error('line ' + line + ': expected ' + wanted + ', got ' + (error && error.code ? error.code + ': ' : '') + (error && error.message));
  }
  throw new Error('line ' + line + ': expected ' + wanted + ', got the value ' + JSON.stringify(__plain(value)));
};
`;

/**
 * Type-checks files as a user's strict project would (module and resolution `NodeNext`, Node's
 * types), importing `chuan-ngheo` from the sandbox: the errors of each file, by its path.
 */
export function typeErrors(files: readonly string[]): Map<string, string[]> {
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    types: ['node'],
    typeRoots: [join(root, 'node_modules/@types')],
    noEmit: true,
    skipLibCheck: true,
  };
  const program = ts.createProgram([...files], options);
  const errors = new Map<string, string[]>();
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const file = d.file?.fileName ?? '(program)';
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : 0;
    errors.set(file, [...(errors.get(file) ?? []), `${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`]);
  }
  return errors;
}

/**
 * A directory where the docs' code runs as a user's would: `chuan-ngheo` is installed (a link to
 * this repository, so its package.json exports resolve), and the bundled examples are at `examples/`.
 */
export function sandbox(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chuan-ngheo-docs-'));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'chuan-ngheo'), 'dir');
  cpSync(join(root, 'examples'), join(dir, 'examples'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  return dir;
}

/** Removes a sandbox: its link to this repository first, so that nothing of the repository is touched. */
export function removeSandbox(dir: string): void {
  unlinkSync(join(dir, 'node_modules', 'chuan-ngheo'));
  rmSync(dir, { recursive: true, force: true });
}
