/**
 * Options that name a column of a file (a grouping key, a weight, a survey design's columns, and
 * the `id` that a comparison with an earlier review matches households by), checked against the
 * file before its rows are read: a name the file does not have is a problem naming the option, the
 * nearest column and the file's columns. Pure: the command line and the review page word it alike.
 *
 * @module
 */
import { normalizeColumnName } from './columns.js';

/** What a file offers to options that name a column (a grouping key, a weight, the id). */
export type FileColumns =
  /** CSV or a worksheet: the header, and the columns kept as attributes (not read by the classification). */
  | { readonly format: 'csv'; readonly header: readonly string[]; readonly attributes: readonly string[] }
  /** JSON Lines: the keys of the first record that is an object, and the keys of its `attributes`. */
  | { readonly format: 'jsonl'; readonly keys: readonly string[]; readonly attributes: readonly string[] }
  /** A CSV file without a header, or JSON Lines without a record. */
  | { readonly format: 'empty'; readonly of: 'csv' | 'jsonl' | 'xlsx' };

/** What a report asks of a file's columns. */
export interface ColumnRequest {
  /** The file, as named to the user, for messages. */
  readonly file: string;
  /** The grouping key of `--by` (`area` is always there: the classified area). */
  readonly by?: string | undefined;
  /** The weight column of `--weight`. */
  readonly weight?: string | undefined;
  /** Why an `id` column is needed (e.g. `--previous matches households by id`), when it is. */
  readonly idFor?: string | undefined;
  /** The survey design's stratum and PSU columns of `--strata` and `--psu`. */
  readonly strata?: string | undefined;
  readonly psu?: string | undefined;
}

/** Levenshtein distance between two strings (by code point). */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row.push(Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[y.length]!;
}

/**
 * The name of `names` nearest to `name`: the same once folded (case, diacritics, `_`, `-`,
 * spaces), else within an edit distance of 1 (folded names of up to 4 characters) or 2.
 */
export function nearestName(name: string, names: readonly string[]): string | undefined {
  const folded = normalizeColumnName(name);
  const same = names.find((n) => normalizeColumnName(n) === folded);
  if (same !== undefined) return same;
  const limit = [...folded].length <= 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const n of names) {
    const d = editDistance(folded, normalizeColumnName(n));
    if (d < bestDistance) [best, bestDistance] = [n, d];
  }
  return best;
}

const quote = (s: string) => JSON.stringify(s);
const list = (names: readonly string[]) => (names.length ? names.join(', ') : '(none)');
/** `; did you mean "x"?` when a name is near enough, else a full stop. */
const nearest = (name: string, names: readonly string[]) => {
  const near = nearestName(name, names);
  return near === undefined ? '.' : `; did you mean ${quote(near)}?`;
};

/** A grouping or weight column: one of the file's attributes (or, to group by, `area`). */
function attributeProblem(option: '--by' | '--weight' | '--strata' | '--psu', name: string, columns: Exclude<FileColumns, { format: 'empty' }>): string | undefined {
  const grouping = option === '--by';
  if (columns.attributes.includes(name) || (grouping && name === 'area')) return undefined;
  const usable = grouping ? ['area', ...columns.attributes] : [...columns.attributes];
  const takes = `${option} takes ${grouping ? 'area or ' : ''}one of: ${list(columns.attributes)}`;
  if (columns.format === 'csv') {
    if (columns.header.includes(name)) return `${option} ${quote(name)}: a column the classification reads, not one to ${grouping ? 'group' : option === '--weight' ? 'weight' : 'design the sample'} by; ${takes}`;
    return `${option} ${quote(name)}: no such column${nearest(name, usable)} Columns: ${list(columns.header)}`;
  }
  if (columns.keys.includes(name)) return `${option} ${quote(name)}: a field the classification reads, not a key of "attributes"; ${takes}`;
  return `${option} ${quote(name)}: no such key in the attributes of the first record${nearest(name, usable)} Attributes: ${list(columns.attributes)}`;
}

/** The problem of the options that name a column, checked against the file: `undefined` when there is none. */
export function columnProblem(columns: FileColumns, request: ColumnRequest): string | undefined {
  const { file, by, weight, idFor, strata, psu } = request;
  if (columns.format === 'empty') {
    const what = columns.of === 'csv' ? 'no header' : 'no record';
    if (by !== undefined && by !== 'area') return `--by ${quote(by)}: ${file} has ${what} to find the column in`;
    if (weight !== undefined) return `--weight ${quote(weight)}: ${file} has ${what} to find the column in`;
    for (const [option, name] of [['--strata', strata], ['--psu', psu]] as const) if (name !== undefined) return `${option} ${quote(name)}: ${file} has ${what} to find the column in`;
    if (idFor !== undefined) return `${idFor}: ${file} has ${what}, so no id column`;
    return undefined;
  }
  for (const [option, name] of [['--by', by], ['--weight', weight], ['--strata', strata], ['--psu', psu]] as const) {
    const problem = name === undefined ? undefined : attributeProblem(option, name, columns);
    if (problem !== undefined) return problem;
  }
  if (idFor !== undefined) {
    const names = columns.format === 'csv' ? columns.header : columns.keys;
    if (names.includes('id')) return undefined;
    const [what, label] = columns.format === 'csv' ? ['no id column', 'Columns'] : ['no id in its first record', 'Keys'];
    return `${idFor}: ${file} has ${what}${nearest('id', names)} ${label}: ${list(names)}`;
  }
  return undefined;
}
