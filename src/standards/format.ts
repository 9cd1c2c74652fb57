/**
 * A standard as JSON text a reviewer can read: small objects and lists on one line, larger ones
 * one entry a line. The shipped files are written this way, and `chuan-ngheo standards ID --format
 * json` prints a standard in the same form, ready to copy, edit and read back with `--standard-file`.
 *
 * @module
 */

/** The widest line, in characters, before an object or a list is broken over several lines. */
const WIDTH = 110;

function flat(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(flat).join(', ')}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length ? `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${flat(v)}`).join(', ')} }` : '{}';
}

function layout(value: unknown, indent: string, prefix: number): string {
  const one = flat(value);
  if (value === null || typeof value !== 'object' || indent.length + prefix + one.length <= WIDTH) return one;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + layout(v, inner, 0)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${layout(v, inner, JSON.stringify(k).length + 2)}`).join(',\n')}\n${indent}}`;
}

/**
 * JSON text of a value laid out for reading, ending with a line feed; `JSON.parse` gives the value back.
 * `{ effective: { from: '2022-01-01', to: '2026-12-31' } }` is laid out on one line:
 * `{ "effective": { "from": "2022-01-01", "to": "2026-12-31" } }`.
 */
export function formatJson(value: unknown): string {
  return `${layout(value, '', 0)}\n`;
}
