// Each shipped standard is one JSON file, and the library serves exactly what the file says.
// Where a file carries a value from another standard (`carriedFrom`), the value is written out,
// and it must equal the value in that standard: fixing one never silently changes another, and a
// carried value that drifts from its source fails here.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { getStandard, standardIds, standardJsonSchema, type Standard } from '../src/index.js';
import qd59 from '../src/standards/data/qd59-2015.json' with { type: 'json' };
import nd07 from '../src/standards/data/nd07-2021.json' with { type: 'json' };
import nd351 from '../src/standards/data/nd351-2025.json' with { type: 'json' };
import dongNai from '../src/standards/data/dong-nai-2022-2025.json' with { type: 'json' };

const files: Record<string, unknown> = { 'qd59-2015': qd59, 'nd07-2021': nd07, 'nd351-2025': nd351, 'dong-nai-2022-2025': dongNai };

describe('the standards as JSON files', () => {
  it('there is one file for each shipped standard', () => {
    expect(Object.keys(files).sort()).toEqual([...standardIds].sort());
  });
  it.each([...standardIds])('%s: the library serves the file, value for value', (id) => {
    expect(files[id]).toStrictEqual(JSON.parse(JSON.stringify(getStandard(id))));
  });
});

describe('the published JSON Schema of a standard', () => {
  const validate = new Ajv2020.default({ strict: false, allErrors: true, validateFormats: false }).compile(standardJsonSchema());
  it.each([...standardIds])('%s: the file validates', (id) => {
    expect(validate(files[id]), JSON.stringify(validate.errors)).toBe(true);
  });
  it('rejects a misplaced key, a missing reference kind and a line that is not a whole number', () => {
    const misplaced = structuredClone(nd07) as unknown as { rule: { lines: { rural: Record<string, unknown> } } };
    misplaced.rule.lines.rural.confirmd = true;
    expect(validate(misplaced)).toBe(false);
    const kindless = structuredClone(nd07) as unknown as { rule: { lines: { rural: { reference: Record<string, unknown> } } } };
    delete kindless.rule.lines.rural.reference.source;
    expect(validate(kindless)).toBe(false);
    const fractional = structuredClone(nd07) as unknown as { rule: { lines: { rural: { value: number } } } };
    fractional.rule.lines.rural.value = 1_500_000.5;
    expect(validate(fractional)).toBe(false);
  });
  it('is the file shipped in the build, exported as chuan-ngheo/standard.schema.json', () => {
    expect(JSON.parse(readFileSync('dist/standard.schema.json', 'utf8'))).toEqual(standardJsonSchema());
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, unknown> };
    expect(pkg.exports['./standard.schema.json']).toBe('./dist/standard.schema.json');
  });
});

/** A step of a path: a key, or an element of a list found by its id. */
type Step = string | { readonly id: string } | number;
interface Carried {
  readonly path: readonly Step[];
  readonly from: string;
  readonly node: Record<string, unknown>;
}

const PROVENANCE = new Set(['reference', 'confirmed', 'note', 'carriedFrom']);
/** What a value says, without where it was read. */
const contentOf = (node: Record<string, unknown>) => Object.fromEntries(Object.entries(node).filter(([k]) => !PROVENANCE.has(k)));

function carriedValues(value: unknown, path: Step[] = [], out: Carried[] = []): Carried[] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      const id = item && typeof item === 'object' && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : undefined;
      carriedValues(item, [...path, id !== undefined ? { id } : i], out);
    });
  } else if (value && typeof value === 'object') {
    const node = value as Record<string, unknown>;
    if (typeof node.carriedFrom === 'string') out.push({ path, from: node.carriedFrom, node });
    for (const [key, child] of Object.entries(node)) carriedValues(child, [...path, key], out);
  }
  return out;
}

function at(standard: Standard, path: readonly Step[]): unknown {
  let here: unknown = standard;
  for (const step of path) {
    if (typeof step === 'object') here = (here as { id: string }[] | undefined)?.find((x) => x.id === step.id);
    else here = (here as Record<string | number, unknown> | undefined)?.[step];
  }
  return here;
}

const show = (path: readonly Step[]) => path.map((s) => (typeof s === 'object' ? `[${s.id}]` : `.${s}`)).join('');

describe('values carried from another standard', () => {
  const all = standardIds.flatMap((id) => carriedValues(getStandard(id)).map((c) => ({ id, ...c })));

  it('are written out where Decree 351/2025, Đồng Nai and Decision 59/2015 take them from Decree 07/2021', () => {
    const count = (id: string) => all.filter((c) => c.id === id).length;
    expect(count('nd351-2025')).toBeGreaterThanOrEqual(35);
    expect(count('dong-nai-2022-2025')).toBeGreaterThanOrEqual(43);
    expect(all.filter((c) => c.id === 'qd59-2015').map((c) => show(c.path))).toEqual(['.children.under', '.indicators[domesticWater].derivation', '.indicators[hygienicLatrine].derivation']);
    expect(new Set(all.map((c) => c.from))).toEqual(new Set(['nd07-2021']));
  });

  it.each(all.map((c) => [`${c.id}${show(c.path)}`, c] as const))('%s equals its source', (_, c) => {
    expect(standardIds).toContain(c.from);
    const source = at(getStandard(c.from), c.path);
    expect(source, `${c.from}${show(c.path)} exists`).toBeTypeOf('object');
    expect(contentOf(c.node)).toEqual(contentOf(source as Record<string, unknown>));
  });

  it('a carried value that drifts from its source is caught', () => {
    const drifted = structuredClone(getStandard('nd351-2025'));
    const nutrition = drifted.indicators.find((i) => i.id === 'nutrition')!.derivation as { childUnder: number };
    nutrition.childUnder = 15;
    const c = carriedValues(drifted).find((x) => show(x.path) === '.indicators[nutrition].derivation')!;
    expect(contentOf(c.node)).not.toEqual(contentOf(at(getStandard('nd07-2021'), c.path) as Record<string, unknown>));
  });
});
