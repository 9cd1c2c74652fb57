import { expect } from 'vitest';
import { classify, safeClassify, type BatchClassifier, type Classification, type ClassifyOptions, type HouseholdInput } from '../src/index.js';
import { classifyCsvParallel as csvParallel, classifyJsonlParallel as jsonlParallel } from '../src/node/index.js';

/**
 * {@link classify} on a value built at run time (an object with a field as a plain string, one
 * read from a fixture): the checks these tests exercise are the run-time ones, which hold whatever
 * the compiler was told.
 */
export function classifyValue(household: unknown, options?: ClassifyOptions): Classification {
  return classify(household as HouseholdInput, options);
}

/** Deprivation lists of a given length, from a standard's indicator ids. */
export function firstIndicators(ids: readonly string[], count: number): string[] {
  return ids.slice(0, count);
}

export const nd07Ids = [
  'employment',
  'dependants',
  'nutrition',
  'healthInsurance',
  'adultEducation',
  'childSchoolAttendance',
  'housingQuality',
  'housingArea',
  'domesticWater',
  'hygienicLatrine',
  'telecomServices',
  'informationMeans',
] as const;

export const qd59Ids = [
  'healthcareAccess',
  'healthInsurance',
  'adultEducation',
  'childSchoolAttendance',
  'housingQuality',
  'housingArea',
  'domesticWater',
  'hygienicLatrine',
  'telecomServices',
  'informationMeans',
] as const;

export const nd351Ids = [
  'employment',
  'dependants',
  'nutrition',
  'healthInsurance',
  'adultEducation',
  'childSchoolAttendance',
  'housingQuality',
  'housingArea',
  'domesticWater',
  'hygienicLatrine',
  'wasteTreatment',
  'telecomServices',
] as const;

export type IncomeForm = 'incomeMonthlyPerCapita' | 'incomeMonthlyTotal' | 'incomeAnnualTotal';
export const incomeForms: readonly IncomeForm[] = ['incomeMonthlyPerCapita', 'incomeMonthlyTotal', 'incomeAnnualTotal'];

/**
 * A household whose income sits at `perCapitaLine` per person per month plus `overBy` đồng
 * in the given form (the total forms add the đồng to the household total, so one đồng over the
 * total is the smallest step above the line).
 */
export function householdAt(
  form: IncomeForm,
  perCapitaLine: number,
  overBy: number,
  base: { area: 'rural' | 'urban'; size: number; deprived: string[] },
): HouseholdInput<string> {
  const amount =
    form === 'incomeMonthlyPerCapita' ? perCapitaLine + overBy : form === 'incomeMonthlyTotal' ? perCapitaLine * base.size + overBy : perCapitaLine * base.size * 12 + overBy;
  return { area: base.area, size: base.size, deprived: base.deprived, [form]: amount } as unknown as HouseholdInput<string>;
}

/**
 * A readable stream of `text` that gives its first line, then pauses (long enough for worker
 * threads to come online, so that they do receive chunks), then the rest in slices.
 */
export async function* afterPause(text: string, pauseMs = 1000, slice = 16 * 1024): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  const firstLine = bytes.indexOf(0x0a) + 1;
  yield bytes.subarray(0, firstLine);
  await new Promise((resolve) => setTimeout(resolve, pauseMs));
  for (let i = firstLine; i < bytes.length; i += slice) yield bytes.subarray(i, i + slice);
}

/** Checks that the batch path (`classify` and `classifyWithFacts`) gives what `classify` gives one input at a time, errors included. */
export function expectBatchAgrees(batch: BatchClassifier, input: unknown): void {
  const single = safeClassify(input, { standard: batch.standard, date: batch.date });
  const row = batch.classify(input);
  const facts = batch.classifyWithFacts(input);
  if (single.success) {
    const c = single.data;
    const expected = { ...(c.id !== undefined ? { id: c.id } : {}), category: c.category, deprivationCount: c.deprivationCount, newlyEscaped: c.newlyEscaped, standard: c.standard };
    expect(row).toEqual(expected);
    expect(facts).toEqual({ ...expected, area: c.area, size: c.size, deprived: c.deprived, escaped: c.escape?.from ?? null });
  } else {
    expect(row).toMatchObject({ error: single.error });
    expect(facts).toMatchObject({ error: single.error });
  }
}


/**
 * The built worker script (npm test builds first). The parallel classifiers run in the test's own
 * process from the source, where coverage sees them; their worker threads run this script, as the
 * built package's do (the source's worker is TypeScript, which a worker thread cannot load).
 */
export const builtWorkerUrl = new URL('../dist/chunk-worker.js', import.meta.url);

/** {@link csvParallel | classifyCsvParallel}, its worker threads running {@link builtWorkerUrl} unless the options name another script. */
export const classifyCsvParallel: typeof csvParallel = (input, output, options) => csvParallel(input, output, { workerUrl: builtWorkerUrl, ...options });

/** {@link jsonlParallel | classifyJsonlParallel}, its worker threads running {@link builtWorkerUrl} unless the options name another script. */
export const classifyJsonlParallel: typeof jsonlParallel = (input, output, options) => jsonlParallel(input, output, { workerUrl: builtWorkerUrl, ...options });
