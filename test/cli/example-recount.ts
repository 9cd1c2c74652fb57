// The example surveys (indicator level, CSV) classified one household at a time by the library,
// read with an independent CSV parser: what the command line's output is checked against.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { safeClassify } from '../../src/index.js';
import { nd07Ids } from '../helpers.js';

/** One household of an example survey, and how the library classifies it. */
export interface RecountedRow {
  readonly id: string;
  readonly commune: string;
  readonly size: number;
  readonly deprived: readonly string[];
  /** The classification's row, as `classify --format jsonl` writes it (an error by its code only). */
  readonly row: Record<string, unknown>;
}

/** The households of an indicator-level CSV survey with the example's columns, classified on `date`. */
export function recountExample(file: string, date: string): RecountedRow[] {
  const { data } = Papa.parse<Record<string, string>>(readFileSync(file, 'utf8').trimEnd(), { header: true });
  return data.map((cells) => {
    const deprived = nd07Ids.filter((i) => cells[i] === '1');
    const household = {
      id: cells.id,
      area: cells.area,
      size: Number(cells.size),
      incomeMonthlyTotal: Number(cells.incomeMonthlyTotal),
      deprived,
      ...(cells.previousCategory ? { previousCategory: cells.previousCategory } : {}),
      ...(cells.previousRecognizedOn ? { previousRecognizedOn: cells.previousRecognizedOn } : {}),
    };
    const r = safeClassify(household, { date });
    const row = r.success
      ? { id: r.data.id, category: r.data.category, deprivationCount: r.data.deprivationCount, newlyEscaped: r.data.newlyEscaped, standard: r.data.standard }
      : { id: cells.id, error: { code: r.error.code } };
    return { id: cells.id!, commune: cells.commune!, size: Number(cells.size), deprived, row };
  });
}
