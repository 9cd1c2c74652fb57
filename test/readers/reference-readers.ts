// Reference readers for the record rules of CSV (src/csv/records.ts, rules 1-7) and JSON Lines,
// written apart from the library and as plainly as possible: one record at a time over the whole
// file, byte by byte, no chunks, no windows, no fast paths. The tests hold the library's every
// path (fast, general, report, workers, any read size) to what these give.

const LF = 0x0a;
const CR = 0x0d;
const COMMA = 0x2c;
const QUOTE = 0x22;

const lossy = new TextDecoder('utf-8', { ignoreBOM: true });
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** What a record should give: its fields, or that it is broken (too long, quote never closed). */
export interface ReferenceRecord {
  /** The record's fields (for a broken record, the complete unquoted fields of its first line). */
  readonly fields: string[];
  readonly broken?: 'tooLong' | 'unclosedQuote';
  /** The record is not valid UTF-8. */
  readonly badText?: boolean;
  /** Text follows a closing quote in some field. */
  readonly afterQuote?: boolean;
}

const isLineEnd = (b: number | undefined) => b === LF || b === CR;

function validUtf8(bytes: Uint8Array): boolean {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** Reads a whole CSV file by the rules: its header's fields and its data records. */
export function referenceCsv(bytes: Uint8Array, limit: number): { header: string[] | undefined; records: ReferenceRecord[] } {
  const n = bytes.length;
  let p = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const all: ReferenceRecord[] = [];
  while (p < n) {
    if (isLineEnd(bytes[p])) {
      p++;
      continue;
    }
    const fields: number[][] = [];
    let field: number[] = [];
    let quoted = false;
    let atStart = true;
    let afterQuote = false;
    let closedQuote = false;
    let i = p;
    let broken: 'tooLong' | 'unclosedQuote' | undefined;
    for (;;) {
      if (i - p > limit) {
        broken = 'tooLong';
        break;
      }
      if (i >= n) {
        if (quoted) broken = 'unclosedQuote';
        break;
      }
      const b = bytes[i]!;
      if (quoted) {
        if (b === QUOTE) {
          if (bytes[i + 1] === QUOTE) {
            field.push(QUOTE);
            i += 2;
          } else {
            quoted = false;
            closedQuote = true;
            i++;
          }
        } else {
          field.push(b);
          i++;
        }
        continue;
      }
      if (isLineEnd(b)) break;
      if (b === COMMA) {
        fields.push(field);
        field = [];
        atStart = true;
        closedQuote = false;
        i++;
        continue;
      }
      if (b === QUOTE && atStart) {
        quoted = true;
        atStart = false;
        i++;
        continue;
      }
      if (closedQuote) afterQuote = true;
      atStart = false;
      field.push(b);
      i++;
    }
    if (broken) {
      // Named by the complete unquoted fields of its first line; resume after that line.
      let lineEnd = p;
      while (lineEnd < n && !isLineEnd(bytes[lineEnd])) lineEnd++;
      const first = lossy.decode(bytes.subarray(p, Math.min(lineEnd, p + (1 << 16))));
      const parts = first.split(',');
      parts.pop();
      const quotedAt = parts.findIndex((f) => f.startsWith('"'));
      all.push({ fields: quotedAt < 0 ? parts : parts.slice(0, quotedAt), broken });
      p = lineEnd + 1;
      continue;
    }
    fields.push(field);
    const record = bytes.subarray(p, i);
    all.push({
      fields: fields.map((f) => lossy.decode(Uint8Array.from(f))),
      ...(validUtf8(record) ? {} : { badText: true }),
      ...(afterQuote ? { afterQuote } : {}),
    });
    p = i + 1;
  }
  const [header, ...records] = all;
  return { header: header?.fields, records };
}

/** What a JSON line should give: its value, or the reason it gives an error row. */
export type ReferenceLine = { readonly value: unknown } | { readonly problem: 'tooLong' | 'badText' | 'notJson' | 'tooDeep' };

function depth(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  let deepest = 0;
  let level: unknown[] = [value];
  while (level.length) {
    deepest++;
    level = level.flatMap((v) => (v !== null && typeof v === 'object' ? Object.values(v as object) : [])).filter((v) => v !== null && typeof v === 'object');
  }
  return deepest;
}

/** Reads a whole JSON Lines file: one entry per non-blank line. */
export function referenceJsonl(bytes: Uint8Array, limit: number, maxDepth: number): ReferenceLine[] {
  let p = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const out: ReferenceLine[] = [];
  while (p <= bytes.length) {
    let e = bytes.indexOf(LF, p);
    if (e < 0) e = bytes.length;
    let line = bytes.subarray(p, e);
    if (line[line.length - 1] === CR) line = line.subarray(0, line.length - 1);
    p = e + 1;
    if (line.length > limit) out.push({ problem: 'tooLong' });
    else if (!validUtf8(line)) out.push({ problem: 'badText' });
    else {
      const text = strict.decode(line);
      if (text.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        out.push({ problem: 'notJson' });
        continue;
      }
      out.push(depth(value) > maxDepth ? { problem: 'tooDeep' } : { value });
    }
  }
  return out;
}
