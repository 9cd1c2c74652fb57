/**
 * Reading an options object without trusting it: `undefined` means no options; anything else must
 * be an object, and each option is read once, so that a getter that throws (or a Proxy) becomes an
 * `INVALID_OPTIONS` error naming the option rather than an exception from inside the library.
 *
 * @module
 */
import { describeReceived, describeThrown, fail } from './errors.js';

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
 * @throws {ChuanNgheoError} `INVALID_OPTIONS` when `options` is neither `undefined` nor an object,
 * or when reading one of the options throws.
 */
export function readOptions<K extends string>(options: unknown, keys: readonly K[]): ReadOptions<K> {
  const read = Object.create(null) as Record<K, unknown>;
  if (options === undefined) return read;
  if (typeof options !== 'object' || options === null || isArray(options)) {
    fail('INVALID_OPTIONS', [], `options: expected an object such as { date: "2025-12-01" }, or nothing, received ${describeReceived(options)}`, options, 'an object');
  }
  for (const key of keys) {
    try {
      read[key] = (options as Record<K, unknown>)[key];
    } catch (error) {
      fail('INVALID_OPTIONS', [key], `options.${key}: expected a value that can be read, received one whose reading raised ${describeThrown(error)}`, undefined, 'a value that can be read');
    }
  }
  return read;
}
