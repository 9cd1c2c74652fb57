/**
 * What a household file holds, by its name and by its first bytes: CSV, JSON Lines, a JSON array
 * or an Excel workbook. The command line and the review page decide alike. Pure.
 *
 * @module
 */

/** The formats of a household file. */
export type FileFormat = 'csv' | 'jsonl' | 'json' | 'xlsx';

/** The formats by name, as messages say them. */
export const formatNames: Readonly<Record<FileFormat, string>> = { csv: 'CSV', jsonl: 'JSON Lines', json: 'a JSON array', xlsx: 'an Excel workbook' };

/** A zip archive (an .xlsx workbook is one), or an Excel 97-2003 or password-protected workbook. */
const WORKBOOK_HEADS = [
  [0x50, 0x4b, 0x03, 0x04],
  [0xd0, 0xcf, 0x11, 0xe0],
];

/** The extension of a file name, lower case, with its dot (`''` when it has none). */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The format a file's name says: `.jsonl`/`.ndjson`, `.json`, `.csv`, `.xlsx`/`.xlsm`; `undefined` for any other. */
export function formatByName(name: string): FileFormat | undefined {
  const ext = extensionOf(name);
  return ext === '.jsonl' || ext === '.ndjson' ? 'jsonl' : ext === '.json' ? 'json' : ext === '.csv' ? 'csv' : ext === '.xlsx' || ext === '.xlsm' ? 'xlsx' : undefined;
}

/**
 * What a file's first bytes say it holds: a workbook (a zip archive, or an older Excel file), `{`
 * JSON Lines, `[` a JSON array, anything else CSV (a byte-order mark and blank space skipped);
 * `undefined` for an empty file.
 */
export function formatByContent(head: Uint8Array): FileFormat | undefined {
  if (WORKBOOK_HEADS.some((h) => h.every((b, i) => head[i] === b))) return 'xlsx';
  const text = new TextDecoder().decode(head.subarray(0, 4096)).replace(/^\uFEFF/, '').trimStart();
  if (text === '') return undefined;
  return text.startsWith('{') ? 'jsonl' : text.startsWith('[') ? 'json' : 'csv';
}
