/**
 * The header of a CSV file given as bytes: the first row, quotes honoured, BOM removed.
 *
 * @module
 */
import Papa from 'papaparse';
import { fail } from '../errors.js';

/** Reads the header line (the first row, quotes honoured) and returns its fields and where the data starts. */
export function readHeader(bytes: Uint8Array): { header: string[]; dataStart: number } | undefined {
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  const end = lastRowBoundaryFirst(bytes, start);
  if (end === undefined) return undefined;
  const text = new TextDecoder().decode(bytes.subarray(start, end)).replace(/\r?\n$/, '');
  const header = Papa.parse<string[]>(text).data[0];
  if (!header) fail('INVALID_ROW', [], 'header: expected a header row naming the columns, received an empty file', text, 'a header row');
  return { header, dataStart: end };
}

function lastRowBoundaryFirst(bytes: Uint8Array, start: number): number | undefined {
  let inQuotes = false;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x22) inQuotes = !inQuotes;
    else if (b === 0x0a && !inQuotes) return i + 1;
  }
  return undefined;
}

