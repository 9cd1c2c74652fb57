// The package's entries, as built: each throws the one ChuanNgheoError class of the main entry (one
// module in one shared chunk, in ESM and in CommonJS), and every file classifier returns one summary shape.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { HouseholdInput } from '../src/index.js';

type Core = typeof import('../src/index.js');
type Survey = typeof import('../src/survey/index.js');
type Measures = typeof import('../src/analytics/index.js');
type Tabular = typeof import('../src/csv/index.js');
type NodeEntry = typeof import('../src/node/index.js');

interface Entries {
  readonly core: Core;
  readonly survey: Survey;
  readonly measures: Measures;
  readonly tabular: Tabular;
  readonly node: NodeEntry;
}

const dist = (name: string): string => `../dist/${name}`;
const esm: Entries = {
  core: (await import(dist('index.js'))) as Core,
  survey: (await import(dist('survey.js'))) as Survey,
  measures: (await import(dist('measures.js'))) as Measures,
  tabular: (await import(dist('tabular.js'))) as Tabular,
  node: (await import(dist('node.js'))) as NodeEntry,
};
const require = createRequire(import.meta.url);
const cjs: Entries = {
  core: require('../dist/index.cjs') as Core,
  survey: require('../dist/survey.cjs') as Survey,
  measures: require('../dist/measures.cjs') as Measures,
  tabular: require('../dist/tabular.cjs') as Tabular,
  node: require('../dist/node.cjs') as NodeEntry,
};

/** What `run` threw (or rejected with). */
async function thrown(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

const date = '2025-12-01';
const csv = readFileSync('examples/households.csv', 'utf8');
const sink = () => {
  const out = new PassThrough();
  out.resume();
  return out;
};

describe.each([
  ['ESM', esm],
  ['CommonJS', cjs],
])('the built entries (%s)', (_, e) => {
  const { ChuanNgheoError } = e.core;

  it('the core throws its own class', async () => {
    // @ts-expect-error: 'rurall' is not an area (the run-time check is under test)
    const error = await thrown(() => e.core.classify({ area: 'rurall', size: 3, incomeMonthlyTotal: 1 }, { date }));
    expect(error).toBeInstanceOf(ChuanNgheoError);
    expect(error).toMatchObject({ code: 'INVALID_AREA' });
  });

  it('chuan-ngheo/survey throws the core class', async () => {
    // @ts-expect-error: members is an array (the run-time check is under test)
    const error = await thrown(() => e.survey.deriveIndicators({ area: 'rural', members: 'none' }, { date }));
    expect(error).toBeInstanceOf(ChuanNgheoError);
  });

  it('chuan-ngheo/measures throws the core class', async () => {
    const error = await thrown(() => e.measures.alkireFoster([], { indicators: [], k: 'one' }));
    expect(error).toBeInstanceOf(ChuanNgheoError);
  });

  it('chuan-ngheo/tabular throws the core class', async () => {
    const error = await thrown(() => e.tabular.planHeader([], e.core.getStandard('nd07-2021')));
    expect(error).toBeInstanceOf(ChuanNgheoError);
    expect(error).toMatchObject({ code: 'INVALID_HEADER' });
  });

  it('chuan-ngheo/node throws the core class', async () => {
    const error = await thrown(() => e.node.classifyCsvParallel(Readable.from(['id\n']), sink(), { output: 'csv', date: '2025-13-01', threads: 1 }));
    expect(error).toBeInstanceOf(ChuanNgheoError);
    expect(error).toMatchObject({ code: 'INVALID_DATE' });
  });

});

describe('the summary of a file classifier', () => {
  const { classifyStream, classifyCsvParallel, classifyJsonlParallel, classifyJsonArray, classifyXlsx } = esm.node;
  const [header, ...lines] = csv.trimEnd().split('\n').map((line) => line.split(','));
  const households = lines.map((cells) => {
    const at = (name: string) => cells[header!.indexOf(name)]!;
    const indicators = header!.slice(header!.indexOf('employment'), header!.indexOf('previousCategory'));
    return {
      id: at('id'),
      area: at('area'),
      size: Number(at('size')),
      incomeMonthlyTotal: Number(at('incomeMonthlyTotal')),
      deprived: indicators.filter((i) => at(i) === '1'),
      ...(at('previousCategory') ? { previousCategory: at('previousCategory'), previousRecognizedOn: at('previousRecognizedOn') } : {}),
      attributes: { commune: at('commune'), ethnicity: at('ethnicity') },
    };
  });
  const jsonl = households.map((h) => JSON.stringify(h)).join('\n');

  it('is one shape, with the same counts, whichever function read the file', async () => {
    const summaries = [
      await classifyStream(Readable.from([csv]), sink(), { input: 'csv', output: 'csv', date }),
      await classifyCsvParallel(Readable.from([csv]), sink(), { output: 'jsonl', date, threads: 1 }),
      await classifyStream(Readable.from([jsonl]), sink(), { input: 'jsonl', output: 'csv', date }),
      await classifyJsonlParallel(Readable.from([jsonl]), sink(), { output: 'csv', date, threads: 1 }),
      await classifyJsonArray(Readable.from([JSON.stringify(households)]), sink(), { output: 'jsonl', date }),
      await classifyXlsx(Readable.from([csv]), sink(), { input: 'csv', output: 'jsonl', date }),
    ];
    const keys = ['categories', 'date', 'invalid', 'newlyEscaped', 'rows', 'standard'];
    for (const summary of summaries) {
      expect(Object.keys(summary).sort()).toEqual(keys);
      expect(Object.keys(summary.categories).sort()).toEqual(['average', 'near-poor', 'none', 'poor']);
    }
    // The counts agree with one another and with classify, household by household.
    const counted = { poor: 0, 'near-poor': 0, average: 0, none: 0 };
    let newlyEscaped = 0;
    for (const h of households) {
      const result = esm.core.classify(h as HouseholdInput, { date });
      counted[result.category]++;
      if (result.newlyEscaped) newlyEscaped++;
    }
    expect(counted.poor).toBeGreaterThan(0);
    for (const summary of summaries) {
      expect(summary).toEqual({ standard: 'nd07-2021', date, rows: households.length, invalid: 0, categories: counted, newlyEscaped });
    }
  });
});
