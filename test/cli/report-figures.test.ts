// The report's figures in every format (table, csv, md, json) and language, against a recount made
// here from the input files: each household classified on its own with `classify`, counted by
// group, and its rates worked out with whole-number arithmetic and rounded half to even. Also: the
// headers and keys of every table are distinct in every format and language. On the built package.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { getStandard, type Category } from '../../src/index.js';
import { nd07Ids, classifyValue } from '../helpers.js';

const cli = join(import.meta.dirname, '../../dist/cli.js');
const report = (args: string[]) => spawnSync(process.execPath, [cli, 'report', ...args], { encoding: 'utf8' });

// Exact arithmetic on fractions of bigints, and rounding half to even to two places.
interface Q {
  readonly n: bigint;
  readonly d: bigint;
}
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const q = (n: bigint, d: bigint): Q => {
  const g = gcd(n, d) || 1n;
  return d < 0n ? { n: -n / g, d: -d / g } : { n: n / g, d: d / g };
};
const minus = (a: Q, b: Q) => q(a.n * b.d - b.n * a.d, a.d * b.d);
const text = (x: Q) => (x.d === 1n ? `${x.n}` : `${x.n}/${x.d}`);
function halfEven(x: Q): number {
  const negative = x.n < 0n;
  const scaled = (negative ? -x.n : x.n) * 100n;
  let whole = scaled / x.d;
  const twice = (scaled - whole * x.d) * 2n;
  if (twice > x.d || (twice === x.d && whole % 2n === 1n)) whole += 1n;
  const value = Number(whole) / 100;
  return negative && whole !== 0n ? -value : value;
}
/** A decimal written in a file (`-0.1`) as a fraction. */
const decimal = (s: string): Q => {
  const [int, frac = ''] = s.replace('-', '').split('.');
  const x = q(BigInt(int! + frac), 10n ** BigInt(frac.length));
  return s.startsWith('-') ? q(-x.n, x.d) : x;
};

type Figure = { value: number; exact: string };
type Expected = string | number | Figure | null;
const figure = (x: Q): Figure => ({ value: halfEven(x), exact: text(x) });
/** `part` of `whole` in percent; nothing when there is no whole. */
const percent = (part: number, whole: number): Figure | null => (whole === 0 ? null : figure(q(BigInt(part) * 100n, BigInt(whole))));
const percentQ = (part: number, whole: number): Q => q(BigInt(part) * 100n, BigInt(whole));

/** What a table should hold: its id, its keys (`exact` for rounded figures) and its rows. */
interface ExpectedTable {
  readonly id: string;
  readonly columns: readonly { key: string; exact?: boolean }[];
  readonly rows: readonly (readonly Expected[])[];
}
const cols = (...keys: string[]) => keys.map((k) => (k.endsWith('*') ? { key: k.slice(0, -1), exact: true } : { key: k }));

// The input files, read and classified here.
type Row = Record<string, string>;
const readCsv = (file: string) => Papa.parse<Row>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
const household = (row: Row) => ({
  id: row.id,
  area: row.area,
  size: Number(row.size),
  incomeMonthlyTotal: row.incomeMonthlyTotal,
  deprived: nd07Ids.filter((id) => row[id] === '1'),
  ...(row.previousCategory ? { previousCategory: row.previousCategory, previousRecognizedOn: row.previousRecognizedOn } : {}),
});
const current = readCsv('examples/households.csv').map((row) => ({ row, result: classifyValue(household(row), { date: '2025-12-01' }) }));
const earlier = readCsv('examples/households-2024.csv').map((row) => ({ row, result: classifyValue(household(row), { date: '2024-12-01' }) }));
const plan = JSON.parse(readFileSync('examples/targets-bac-ninh.json', 'utf8')) as {
  povertyRateChangePerYear: number;
  coverage: { indicator: string; among: 'poor' | 'near-poor' | 'poor-or-near-poor'; label: { vi: string; en: string }; minimumPercent: number }[];
};
const standard = getStandard('nd07-2021');

type Lang = 'en' | 'vi';
const t = {
  en: { total: 'Total', poor: 'Poor', nearPoor: 'Near-poor', yes: 'yes', no: 'no', rateChange: 'poverty rate change over 1 year(s)' },
  vi: { total: 'Tổng', poor: 'Hộ nghèo', nearPoor: 'Hộ cận nghèo', yes: 'Đạt', no: 'Chưa đạt', rateChange: 'Thay đổi tỷ lệ hộ nghèo trong 1 năm' },
} as const;
const categoryOrder: Category[] = ['poor', 'near-poor', 'average', 'none'];

function summary(lang: Lang, unit: 'households' | 'persons'): ExpectedTable {
  const communes = [...new Set(current.map((h) => h.row.commune!))].sort((a, b) => a.localeCompare(b, 'vi'));
  const row = (name: string, members: typeof current): Expected[] => {
    const measure = (h: (typeof current)[number]) => (unit === 'households' ? 1 : Number(h.row.size));
    const total = members.reduce((s, h) => s + measure(h), 0);
    const other = members.reduce((s, h) => s + (unit === 'households' ? Number(h.row.size) : 1), 0);
    const cells: Expected[] = [name, total];
    for (const c of categoryOrder) {
      const n = members.filter((h) => h.result.category === c).reduce((s, h) => s + measure(h), 0);
      cells.push(n, percent(n, total));
    }
    return [...cells, other];
  };
  return {
    id: `${unit}-by-category`,
    columns: cols('group', unit, 'poor', 'poorRate*', 'nearPoor', 'nearPoorRate*', 'average', 'averageRate*', 'other', 'otherRate*', unit === 'households' ? 'persons' : 'households'),
    rows: [...communes.map((c) => row(c, current.filter((h) => h.row.commune === c))), row(t[lang].total, current)],
  };
}

function profile(lang: Lang): ExpectedTable {
  const all = current.length;
  const poor = current.filter((h) => h.result.category === 'poor');
  const near = current.filter((h) => h.result.category === 'near-poor');
  return {
    id: 'deprivation-profile',
    columns: cols('indicator', 'deprivedAll', 'deprivedAllRate*', 'deprivedPoor', 'deprivedPoorRate*', 'deprivedNearPoor', 'deprivedNearPoorRate*'),
    rows: standard.indicators.map((i) => {
      const deprived = (hs: typeof current) => hs.filter((h) => h.row[i.id] === '1').length;
      return [i.label[lang] ?? i.label.en, deprived(current), percent(deprived(current), all), deprived(poor), percent(deprived(poor), poor.length), deprived(near), percent(deprived(near), near.length)];
    }),
  };
}

/** The movement recounted from both files, by household id, as the official templates define it. */
function movementCounts(list: 'poor' | 'near-poor') {
  const before = new Map(earlier.map((h) => [h.row.id!, h.result]));
  const after = new Map(current.map((h) => [h.row.id!, h.result]));
  const other = list === 'poor' ? 'near-poor' : 'poor';
  const rank = { poor: 0, 'near-poor': 1, average: 2, none: 2 } as const;
  const was = [...before].filter(([, r]) => r.category === list);
  const now = [...after].filter(([, r]) => r.category === list);
  const escaped = was.filter(([id]) => after.has(id) && rank[after.get(id)!.category] > rank[list]);
  return {
    beginning: was.length,
    escaped: escaped.length,
    escapedToNearPoor: list === 'poor' ? escaped.filter(([id]) => after.get(id)!.category === 'near-poor').length : null,
    movedToPoor: list === 'near-poor' ? was.filter(([id]) => after.get(id)?.category === 'poor').length : null,
    movedIn: now.filter(([id]) => before.get(id)?.category === other).length,
    // Back on the list after escaping at the earlier review; else on it for the first time.
    fallenBack: now.filter(([id]) => ![list, other].includes(before.get(id)?.category as Category) && before.get(id)?.escape != null).length,
    newlyOn: now.filter(([id]) => ![list, other].includes(before.get(id)?.category as Category) && before.get(id)?.escape == null).length,
    left: was.filter(([id]) => !after.has(id)).length,
    end: now.length,
    before: percentQ(was.length, before.size),
    after: percentQ(now.length, after.size),
  };
}

function movement(lang: Lang): ExpectedTable {
  const row = (list: 'poor' | 'near-poor', name: string): Expected[] => {
    const m = movementCounts(list);
    return [name, m.beginning, m.escaped, m.escapedToNearPoor, m.movedToPoor, m.movedIn, m.fallenBack, m.newlyOn, m.left, m.end, figure(m.before), figure(m.after), figure(minus(m.after, m.before))];
  };
  return {
    id: 'movement',
    columns: cols('list', 'beginning', 'escaped', 'escapedToNearPoor', 'movedToPoor', 'movedIn', 'fallenBack', 'newlyOn', 'left', 'end', 'rateBefore*', 'rateAfter*', 'rateChange*'),
    rows: [row('poor', t[lang].poor), row('near-poor', t[lang].nearPoor)],
  };
}

function targets(lang: Lang): ExpectedTable {
  const m = movementCounts('poor');
  const change = minus(m.after, m.before);
  const planned = decimal(String(plan.povertyRateChangePerYear)); // one year between the reviews
  const rows: Expected[][] = [[t[lang].rateChange, figure(change), figure(planned), figure(minus(planned, change)), change.n * planned.d <= planned.n * change.d ? t[lang].yes : t[lang].no]];
  for (const c of plan.coverage) {
    const among = current.filter((h) => (c.among === 'poor-or-near-poor' ? h.result.category === 'poor' || h.result.category === 'near-poor' : h.result.category === c.among));
    const covered = among.filter((h) => h.row[c.indicator] !== '1').length;
    const measured = percentQ(covered, among.length);
    const minimum = decimal(String(c.minimumPercent));
    rows.push([c.label[lang], figure(measured), figure(minimum), figure(minus(measured, minimum)), measured.n * minimum.d >= minimum.n * measured.d ? t[lang].yes : t[lang].no]);
  }
  return { id: 'targets', columns: cols('target', 'measured*', 'plan*', 'gap*', 'met'), rows };
}

/** Children under 16 of poor and near-poor households of the roster, recounted from dates of birth. */
function children(lang: Lang): ExpectedTable {
  const records = readFileSync('examples/roster.jsonl', 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { members: Record<string, unknown>[] });
  const age = (birth: string) => {
    const [y, mo, d] = birth.split('-').map(Number) as [number, number, number];
    return 2025 - y - (mo === 12 && d > 1 ? 1 : 0); // on 2025-12-01
  };
  const row = (list: 'poor' | 'near-poor', name: string): Expected[] => {
    const kids = records.filter((r) => classifyValue(r, { date: '2025-12-01' }).category === list).flatMap((r) => r.members.map((m) => ({ m, age: age(m.dateOfBirth as string) })).filter((k) => k.age < 16));
    return [
      name,
      kids.length,
      kids.filter((k) => k.age >= 6 && k.m.healthInsurance === false).length,
      kids.filter((k) => k.m.stunted === true || k.m.underweight === true).length,
      kids.filter((k) => k.age >= 3 && k.m.inSchool === false).length,
    ];
  };
  return { id: 'children', columns: cols('list', 'children', 'withoutHealthInsurance', 'malnourished', 'notInSchool'), rows: [row('poor', t[lang].poor), row('near-poor', t[lang].nearPoor)] };
}

// Reading each format back.
type Format = 'table' | 'csv' | 'md' | 'json';
interface Read {
  readonly title: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}
function readBack(format: Exclude<Format, 'json'>, out: string, rowCounts: readonly number[]): Read[] {
  const blocks = out.trimEnd().split('\n\n');
  if (format === 'table') {
    // Title, headers, rule, rows (then perhaps a note): cells are at least two spaces apart.
    const tables: Read[] = [];
    let b = 0;
    for (const count of rowCounts) {
      const lines = blocks[b++]!.split('\n');
      const cells = (line: string) => line.trimEnd().split(/ {2,}/);
      tables.push({ title: lines[0]!, headers: cells(lines[1]!), rows: lines.slice(3, 3 + count).map(cells) });
    }
    return tables;
  }
  if (format === 'csv') {
    return blocks.map((block) => {
      const [title, ...lines] = block.split('\n');
      const [headers, ...rows] = Papa.parse<string[]>(lines.join('\n')).data;
      return { title: title!.replace(/^# /, ''), headers: headers!, rows };
    });
  }
  // Markdown: heading, blank line, header row, alignment row, rows, then perhaps a note.
  const tables: Read[] = [];
  for (let b = 0; b < blocks.length; b++) {
    if (!blocks[b]!.startsWith('### ')) continue;
    const title = blocks[b]!.slice(4);
    const lines = blocks[b + 1]!.split('\n');
    const cells = (line: string) => line.slice(2, -2).split(' | ');
    tables.push({ title, headers: cells(lines[0]!), rows: lines.slice(2).map(cells) });
  }
  return tables;
}

const isFigure = (e: Expected): e is Figure => typeof e === 'object' && e !== null;

// The terminal and Markdown write numbers as the language does (Vietnamese: 1.234,56); CSV keeps them for programs.
function expectCell(format: Exclude<Format, 'json'>, expected: Expected, shown: string, where: string, lang: Lang) {
  const locale = lang === 'vi' ? 'vi-VN' : 'en-US';
  if (expected === null) expect(shown, where).toBe(format === 'csv' ? '' : '—');
  else if (typeof expected === 'string') expect(shown, where).toBe(expected);
  else if (format === 'csv') expect(Number(shown), where).toBe(isFigure(expected) ? expected.value : expected);
  else if (isFigure(expected)) expect(shown, where).toBe(expected.value.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  else expect(shown, where).toBe(expected.toLocaleString(locale, { maximumFractionDigits: 6 }));
}

const runs = [
  { name: 'survey, earlier review and plan', file: 'examples/households.csv', extra: ['--previous', 'examples/households-2024.csv', '--previous-date', '2024-12-01', '--targets', 'examples/targets-bac-ninh.json'], tables: (l: Lang) => [summary(l, 'households'), profile(l), movement(l), targets(l)] },
  { name: 'persons', file: 'examples/households.csv', extra: ['--unit', 'persons'], tables: (l: Lang) => [summary(l, 'persons'), profile(l)] },
  { name: 'rosters', file: 'examples/roster.jsonl', extra: [], tables: (l: Lang) => [children(l)] },
] as const;

describe.each(['en', 'vi'] as const)('report figures, --lang %s', (lang) => {
  describe.each(runs)('$name', ({ file, extra, tables }) => {
    const expected = tables(lang);
    const args = [file, '--date', '2025-12-01', '--by', 'commune', '--lang', lang, ...extra];
    const json = report([...args, '--format', 'json']);
    const fromJson = JSON.parse(json.stdout) as { id: string; title: string; columns: { key: string; label: string }[]; rows: Record<string, unknown>[] }[];
    const pick = <T extends { id: string }>(all: readonly T[], id: string) => all.find((x) => x.id === id)!;

    it('json: every row, with each rounded figure and its exact value, equals the recount', () => {
      expect(json.status).toBe(0);
      expect(json.stderr).toBe('');
      for (const e of expected) {
        const table = pick(fromJson, e.id);
        expect(table, e.id).toBeDefined();
        expect(table.columns.map((c) => c.key)).toEqual(e.columns.map((c) => c.key));
        const rows = e.rows.map((cells) =>
          Object.fromEntries(
            e.columns.flatMap((c, i): [string, Expected][] => {
              const cell = cells[i] ?? null;
              if (!c.exact) return [[c.key, cell]];
              return isFigure(cell) ? [[c.key, cell.value], [`${c.key}Exact`, cell.exact]] : [[c.key, cell], [`${c.key}Exact`, null]];
            }),
          ),
        );
        expect(table.rows, e.id).toEqual(rows);
      }
    });

    it('json: keys are distinct, camelCase, and the same in both languages', () => {
      const other = report([...args.map((a) => (a === lang ? (lang === 'en' ? 'vi' : 'en') : a)), '--format', 'json']);
      const keysOf = (tables: typeof fromJson) => tables.map((tb) => tb.rows.map((r) => Object.keys(r)));
      expect(keysOf(JSON.parse(other.stdout) as typeof fromJson)).toEqual(keysOf(fromJson));
      for (const tb of fromJson) {
        const keys = tb.columns.map((c) => c.key);
        expect(new Set(keys).size, tb.id).toBe(keys.length);
        for (const key of keys) expect(key).toMatch(/^[a-z][A-Za-z0-9]*$/);
        for (const row of tb.rows) expect(Object.keys(row).length).toBe(keys.length + Object.keys(row).filter((k) => k.endsWith('Exact')).length);
      }
    });

    it.each(['table', 'csv', 'md'] as const)('%s: distinct headers, and every cell equals the recount', (format) => {
      const r = report([...args, '--format', format]);
      expect(r.status).toBe(0);
      const read = readBack(format, r.stdout, fromJson.map((tb) => tb.rows.length));
      expect(read.map((tb) => tb.title)).toEqual(fromJson.map((tb) => tb.title));
      read.forEach((tb, i) => {
        expect(tb.headers).toEqual(fromJson[i]!.columns.map((c) => c.label));
        expect(new Set(tb.headers).size, tb.title).toBe(tb.headers.length);
      });
      for (const e of expected) {
        const at = fromJson.findIndex((tb) => tb.id === e.id);
        const tb = read[at]!;
        expect(tb.rows).toHaveLength(e.rows.length);
        e.rows.forEach((cells, r) => {
          expect(tb.rows[r]).toHaveLength(e.columns.length);
          cells.forEach((cell, c) => expectCell(format, cell, tb.rows[r]![c]!, `${e.id} row ${r + 1} ${e.columns[c]!.key}`, lang));
        });
      }
    });
  });
});
