// Alkire-Foster with standard errors against OPHI's mpitbR 1.0.1: every row of its estimates on a
// seeded synthetic survey (test/vectors/alkire-foster-mpitbR/, copied from the shared vectors; its
// README says how mpitbR made them). Estimates at 1e-7 relative (mpitbR fits H, M0 and A by a
// logit model, off the exact fractions by up to 3e-8), standard errors and bounds at 1e-6.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/csv/records.js';
import { alkireFosterInference, type AfRow } from '../../src/analytics/alkire-foster-inference.js';

const dir = fileURLToPath(new URL('../vectors/alkire-foster-mpitbR/', import.meta.url));
const table = (name: string) => {
  const { header, records } = readCsv(readFileSync(dir + name));
  return records.map((r) => Object.fromEntries(header!.map((h, i) => [h, r.fields[i]!])));
};
export const dimensions = { hl: ['d_nutr', 'd_cm'], ed: ['d_satt', 'd_educ'], ls: ['d_elct', 'd_sani', 'd_wtr', 'd_hsg', 'd_ckfl', 'd_asst'] };

/** Relative difference, or absolute below 1 in magnitude. */
const off = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));
const num = (text: string) => (text === 'NA' ? null : Number(text));

describe('mpitbR vectors', () => {
  const survey = table('survey.csv');
  const result = alkireFosterInference(survey, { dimensions, weights: 'nested', k: [20, 33, 50], weight: 'weight', over: ['area', 'region'], time: 't', year: 'year' });
  const find = (pred: (r: AfRow) => boolean) => {
    const found = result.rows.filter(pred);
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  it('reports the id column as unused', () => {
    expect(result.unusedColumns).toEqual(['id']);
    expect(result.exact).toBe(true);
  });
  it.each(table('levels.csv').map((v, i) => [i + 2, v] as const))('levels.csv line %i', (_, v) => {
    const k = v.k === 'NA' ? null : v.k!;
    const indicator = v.indicator === 'NA' ? null : v.indicator!;
    const row = find((r) => r.round === '1' && r.measure === v.measure && r.k === k && r.indicator === indicator && r.loa === v.loa && r.subgroup === v.subg && r.change === null);
    expect(rel(row.estimate!, Number(v.b))).toBeLessThan(1e-7);
    for (const [ours, theirs] of [
      [row.se, num(v.se!)],
      [row.lower, num(v.ll!)],
      [row.upper, num(v.ul!)],
    ] as const) {
      if (theirs === null) expect(ours).toBeNull();
      else expect(rel(ours!, theirs)).toBeLessThan(1e-6);
    }
  });
  it.each(table('changes.csv').map((v, i) => [i + 2, v] as const))('changes.csv line %i', (_, v) => {
    const row = find((r) => r.change === v.ctype && r.measure === v.measure && r.k === v.k && r.loa === v.loa && r.subgroup === v.subg && r.from === v.yt0 && r.to === v.yt1 && r.annualised === Number(v.ann));
    expect(off(row.estimate!, Number(v.b))).toBeLessThan(1e-7);
    expect(rel(row.se!, Number(v.se))).toBeLessThan(1e-6);
    expect(off(row.lower!, Number(v.ll))).toBeLessThan(1e-6);
    expect(off(row.upper!, Number(v.ul))).toBeLessThan(1e-6);
  });
});
