/**
 * The nearest of the valid words to one mistyped: `--dat` is `--date`, `jsn` is `json`.
 *
 * @module
 */

/**
 * The edit distance between two texts: insertions, deletions, substitutions and swaps of two
 * neighbouring characters (the optimal string alignment distance).
 *
 * Example:
 *
 *     editDistance('standrad', 'standard') //=> 1
 */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const rows: number[][] = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[x.length]![y.length]!;
}

/**
 * The valid word nearest to `given`, if one is near enough to be what was meant: the same word in
 * other letter case, a word that begins with it (or that it begins with), or one within a third of
 * its length in edits (1 for a word of one or two letters, else 2, at most 3). Ties go to the word listed first.
 *
 * Example:
 *
 *     nearest('dat', ['standard', 'date', 'format']) //=> 'date'
 *     nearest('frobnicate', ['standard', 'date']) //=> undefined
 */
export function nearest(given: string, valid: readonly string[]): string | undefined {
  const word = given.toLowerCase();
  if (word === '') return undefined;
  const folded = valid.find((v) => v.toLowerCase() === word);
  if (folded !== undefined) return folded;
  const length = [...word].length;
  const limit = length <= 2 ? 1 : Math.min(3, Math.max(2, Math.floor(length / 3)));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const v of valid) {
    const d = editDistance(word, v.toLowerCase());
    if (d <= limit && d < bestDistance) {
      best = v;
      bestDistance = d;
    }
  }
  if (best !== undefined) return best;
  if (length < 2) return undefined;
  const prefixed = valid.filter((v) => v.toLowerCase().startsWith(word) || word.startsWith(v.toLowerCase()));
  return prefixed.sort((p, q) => p.length - q.length)[0];
}

/**
 * `; did you mean X?` for the nearest valid word X, or nothing.
 *
 * Example:
 *
 *     didYouMean('--dat', ['--date', '--out']) //=> '; did you mean --date?'
 */
export function didYouMean(given: string, valid: readonly string[]): string {
  const near = nearest(given, valid);
  return near === undefined ? '' : `; did you mean ${near}?`;
}
