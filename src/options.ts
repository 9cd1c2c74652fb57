/**
 * Reading an options object without trusting it: `undefined` means no options; anything else must
 * be an object, and each option is read once, so that a getter that throws (or a Proxy) becomes an
 * `INVALID_OPTIONS` error naming the option rather than an exception from inside the library. An
 * option the function does not know (a misspelt `standrd`) is an error too: ignored, it would give
 * an answer under another standard or date than the caller meant.
 *
 * @module
 */
import { describeReceived, describeThrown, fail } from './errors.js';
import { nearest } from './nearest.js';

/** The options as read: each named option's value, `undefined` when absent. */
export type ReadOptions<K extends string> = { readonly [P in K]: unknown };

function isArray(value: object): boolean {
  try {
    return Array.isArray(value);
  } catch {
    // A revoked Proxy.
    return true;
  }
}

/**
 * Reads the named options of `options`.
 *
 * @param known - When given, every option the caller accepts (those read here and those it reads
 *   elsewhere): any other own key of `options` is an `INVALID_OPTIONS` error naming it.
 * @throws {ChuanNgheoError} `INVALID_OPTIONS` when `options` is neither `undefined` nor an object,
 * when reading one of the options throws, or for an option not `known`.
 */
export function readOptions<K extends string>(options: unknown, keys: readonly K[], known?: readonly string[]): ReadOptions<K> {
  const read = Object.create(null) as Record<K, unknown>;
  if (options === undefined) return read;
  if (typeof options !== 'object' || options === null || isArray(options)) {
    fail('INVALID_OPTIONS', [], `options: expected an object such as { date: "2025-12-01" }, or nothing, received ${describeReceived(options)}`, options, 'an object');
  }
  if (known !== undefined) rejectUnknownOptions(options, known);
  for (const key of keys) {
    try {
      read[key] = (options as Record<K, unknown>)[key];
    } catch (error) {
      fail('INVALID_OPTIONS', [key], `options.${key}: expected a value that can be read, received one whose reading raised ${describeThrown(error)}`, undefined, 'a value that can be read');
    }
  }
  return read;
}

/** Fails on the first own key of `options` that is not a `known` option, naming the nearest one. */
function rejectUnknownOptions(options: object, known: readonly string[]): void {
  let keys: string[];
  try {
    keys = Object.keys(options);
  } catch (error) {
    return fail('INVALID_OPTIONS', [], `options: expected an object whose options can be listed, received one whose listing raised ${describeThrown(error)}`, undefined, 'an object');
  }
  for (const key of keys) {
    if (known.includes(key)) continue;
    const near = nearest(key, known);
    const hint = near === undefined ? '' : `; did you mean ${near}?`;
    fail('INVALID_OPTIONS', [key], `options.${key}: not an option here${hint} (the options are ${known.join(', ')})`, key, known.join(' | '));
  }
}
