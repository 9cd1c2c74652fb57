// Writes the README's "What is unconfirmed" list from the standards' data: every value marked
// `confirmed: false`, with its note; every name whose Vietnamese wording was not read; and what was
// confirmed only from a quote (a secondary source). The list sits between two markers in the README.
//
//   node scripts/docs-unconfirmed.mjs            rewrites the list in README.md
//   node scripts/docs-unconfirmed.mjs --check    exits 1 when README.md and the data disagree
//   --readme FILE, --data DIR                    another README or data directory (for tests)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

export const START = '<!-- unconfirmed:start (written by npm run docs:unconfirmed from src/standards/data; do not edit) -->';
export const END = '<!-- unconfirmed:end -->';

/**
 * What a path of a standard is: a kind of value, and what it is of (an indicator, a dimension, an
 * area), so that a list can say "thresholds of `a`, `b` and `c`".
 */
function describe(path, standard) {
  const [head, ...rest] = path;
  const id = (step) => `\`${step.id}\``;
  switch (head) {
    case 'rule':
      if (rest[0] === 'minDeprivations') return { kind: 'k (deprivations for poor)' };
      return { kind: { lines: 'income line', povertyLines: 'poverty line', nearPovertyLines: 'near-poverty line' }[rest[0]], area: rest[1] };
    case 'averageBand':
      if (rest.length === 0) return { kind: 'average-living-standard band' };
      return { kind: `average band, ${rest[1] === 'above' ? 'lower' : 'upper'} bound`, area: rest[0] };
    case 'lowIncomeWorker':
      if (rest[0] === 'lines') return { kind: 'low-income-worker line', area: rest[1] };
      return { kind: rest[0] === 'excludedCategories' ? 'households excluded from low-income workers' : 'who is a low-income worker' };
    case 'children':
      return { kind: "age of a child in the children's report" };
    case 'reviewScores':
      if (rest[0] === 'scoreACutoffs') return { kind: 'review score A cut-off', area: rest[1] };
      return { kind: rest[0] === 'pointsPerIndicator' ? 'review points per deprivation' : 'review score B from which a household is poor' };
    case 'newlyEscapedWindow':
      return { kind: 'newly-escaped window' };
    case 'legalBasis':
      return { kind: 'legal basis', plural: 'legal basis', of: standard.legalBasis[rest[0]].reference.instrument };
    case 'dimensions':
      return { kind: 'name of dimension', plural: 'names of dimensions', of: id(rest[0]) };
    case 'indicators': {
      const [kind, plural] = { label: ['name', 'names'], deprivedWhen: ['threshold', 'thresholds'], derivation: ['roster derivation', 'roster derivations'] }[rest[1]];
      return { kind: `${kind} of`, plural: `${plural} of`, of: id(rest[0]) };
    }
    default:
      return { kind: path.map((p) => (typeof p === 'object' ? p.id : p)).join('.') };
  }
}

/** Several values in words: same kinds together ("thresholds of `a` and `b`", "income line (rural and urban)"). */
function say(whats) {
  const kinds = new Map();
  for (const w of whats) kinds.set(w.kind, [...(kinds.get(w.kind) ?? []), w]);
  return joinWords(
    [...kinds.values()].map((same) => {
      const first = same[0];
      if (first.of !== undefined) return `${same.length > 1 ? first.plural : first.kind} ${joinWords(same.map((w) => w.of))}`;
      if (first.area !== undefined) return `${first.kind} (${joinWords(same.map((w) => w.area))})`;
      return first.kind;
    }),
  );
}

function joinWords(words) {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** Every value with provenance in a standard, with its path (list elements with an id by id). */
function provenanced(value, path = [], out = []) {
  if (Array.isArray(value)) {
    value.forEach((item, i) => provenanced(item, [...path, item && typeof item.id === 'string' ? { id: item.id } : i], out));
  } else if (value && typeof value === 'object') {
    if (typeof value.confirmed === 'boolean') out.push({ path, node: value });
    for (const [key, child] of Object.entries(value)) if (key !== 'reference') provenanced(child, [...path, key], out);
  }
  return out;
}

function at(standard, path) {
  let here = standard;
  for (const step of path) here = typeof step === 'object' ? here?.find?.((x) => x.id === step.id) : here?.[step];
  return here;
}

/** The Markdown list for a set of standards. */
export function renderUnconfirmed(standards) {
  const byId = new Map(standards.map((s) => [s.id, s]));
  const ordered = [...standards].sort((a, b) => (a.scope === b.scope ? a.effective.from.localeCompare(b.effective.from) : a.scope === 'national' ? -1 : 1));
  const lines = [];
  for (const s of ordered) {
    const values = provenanced(s).map((v) => ({ ...v, what: describe(v.path, s) }));
    // An unconfirmed value carried unchanged, note and all, is listed under its source.
    const sameAsSource = (v) => {
      const source = v.node.carriedFrom !== undefined ? at(byId.get(v.node.carriedFrom), v.path) : undefined;
      return source !== undefined && source.confirmed === false && source.note === v.node.note;
    };
    const unconfirmed = values.filter((v) => !v.node.confirmed);
    const remarks = new Map();
    for (const v of unconfirmed.filter((x) => !sameAsSource(x))) remarks.set(v.node.note, [...(remarks.get(v.node.note) ?? []), v.what]);
    const carried = new Map();
    for (const v of unconfirmed.filter(sameAsSource)) carried.set(v.node.carriedFrom, [...(carried.get(v.node.carriedFrom) ?? []), v.what]);
    const unread = values.filter((v) => v.path.at(-1) === 'label' && v.node.vi === undefined).map((v) => v.what);
    const secondary = values.filter((v) => v.node.confirmed && v.node.reference?.source === 'secondary').map((v) => v.what);
    lines.push(`- **${s.name.en}** (\`${s.id}\`, ${s.effective.from} … ${s.effective.to}${s.scope === 'local' ? `, local: ${s.jurisdiction}` : ''})`);
    if (unconfirmed.length === 0) lines.push('  - every value is confirmed');
    for (const [note, whats] of remarks) lines.push(`  - ${say(whats)}: ${note}`);
    for (const [from, whats] of carried) lines.push(`  - as under \`${from}\`, and unconfirmed there: ${say(whats)}`);
    if (unread.length) lines.push(`  - no Vietnamese wording was read, and none is given: ${say(unread)}`);
    if (secondary.length) lines.push(`  - confirmed from a quote (a secondary source), not from the text: ${say(secondary)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The standards of a data directory. */
export function readStandards(dir) {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
}

/** The README with the list between the markers replaced. */
export function withUnconfirmed(readme, list) {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`the README has no "${START}" … "${END}" markers`);
  return `${readme.slice(0, start + START.length)}\n${list}${readme.slice(end)}`;
}

const isMain = process.argv[1] && new URL(import.meta.url).pathname === new URL(`file://${process.argv[1]}`).pathname;
if (isMain) {
  const { values } = parseArgs({ options: { check: { type: 'boolean' }, readme: { type: 'string' }, data: { type: 'string' } } });
  const root = new URL('..', import.meta.url).pathname;
  const readmeFile = values.readme ?? join(root, 'README.md');
  const dataDir = values.data ?? join(root, 'src/standards/data');
  const readme = readFileSync(readmeFile, 'utf8');
  const updated = withUnconfirmed(readme, renderUnconfirmed(readStandards(dataDir)));
  if (values.check) {
    if (updated !== readme) {
      process.stderr.write(`${readmeFile}: "What is unconfirmed" disagrees with ${dataDir}; run npm run docs:unconfirmed\n`);
      process.exit(1);
    }
  } else if (updated !== readme) writeFileSync(readmeFile, updated);
}
