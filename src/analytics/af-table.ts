/**
 * A survey for the Alkire-Foster measures held as columns of numbers: deprivations as bytes,
 * names (strata, PSUs, groups, rounds) as codes, survey weights as doubles and, when every
 * weight is a short decimal, as whole numbers over one power of ten, so that sums of them are
 * exact. Built row by row from raw values (CSV text, JSON numbers), so that two million rows
 * take tens of megabytes, not an object each.
 *
 * @module
 */
import { fail } from '../errors.js';
import { show } from './exact.js';
import type { CodedColumn } from './design.js';

/** A deprivation value that is missing (blank, `NA`, null). */
export const MISSING_DEPRIVATION = 255;

/** The columns a table is built from, by role. */
export interface AfTableColumns {
  /** Indicator columns (0/1 deprivation status). */
  readonly indicators: readonly string[];
  readonly weight?: string | undefined;
  readonly strata?: string | undefined;
  readonly psu?: string | undefined;
  readonly fpc?: string | undefined;
  /** Grouping columns. */
  readonly over?: readonly string[] | undefined;
  readonly time?: string | undefined;
  readonly year?: string | undefined;
}

/** A survey as columns, ready for {@link alkireFosterInference}'s core. */
export interface AfTable {
  readonly rows: number;
  readonly columns: AfTableColumns;
  /** Per indicator: 0, 1, or {@link MISSING_DEPRIVATION}. */
  readonly deprived: readonly Uint8Array[];
  /** Survey weights (all 1 without a weight column). */
  readonly weights: Float64Array;
  /**
   * When every weight is a decimal of at most 6 places below 10^9: the number of places D, the
   * weights times 10^D being whole numbers; otherwise undefined (no exact figures then).
   */
  readonly weightDecimals: number | undefined;
  readonly strata?: CodedColumn | undefined;
  readonly psu?: CodedColumn | undefined;
  readonly fpc?: Float64Array | undefined;
  readonly over: readonly CodedColumn[];
  readonly time?: CodedColumn | undefined;
  /** The year of each round (by time code), when a year column was given. */
  readonly years?: readonly number[] | undefined;
  /** Columns of the source that no role names (for the caller to report). */
  readonly unusedColumns?: readonly string[] | undefined;
  /** Row numbers (as the caller counts them) for messages, when they are not 0, 1, 2 … */
  readonly rowNames?: Int32Array | undefined;
}

/** Builds an {@link AfTable} row by row. */
export interface AfTableBuilder {
  /**
   * Adds a row: `values` in the order of {@link AfTableBuilder.order}; `rowName` is how the caller
   * names the row in messages (a record number).
   */
  add(values: readonly unknown[], rowName: number): void;
  /** The roles of the values `add` takes, in order: indicators, then weight, strata, psu, fpc, over…, time, year (those given). */
  readonly order: readonly string[];
  /** The table. */
  finish(): AfTable;
}

class Growable<T extends Float64Array | Int32Array | Uint8Array> {
  data: T;
  length = 0;
  constructor(private readonly make: (n: number) => T) {
    this.data = make(1024);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

class Coder {
  readonly codes = new Growable((n) => new Int32Array(n));
  readonly labels: string[] = [];
  private readonly index = new Map<string, number>();
  private lastLabel: string | undefined;
  private lastCode = 0;
  push(label: string): void {
    // Survey files come sorted by cluster: a name is most often the row before's.
    if (label === this.lastLabel) {
      this.codes.push(this.lastCode);
      return;
    }
    let c = this.index.get(label);
    if (c === undefined) {
      this.index.set(label, (c = this.labels.length));
      this.labels.push(label);
    }
    this.lastLabel = label;
    this.lastCode = c;
    this.codes.push(c);
  }
  done(): CodedColumn {
    return { codes: this.codes.done(), labels: this.labels };
  }
}

/** Text of a raw value, trimmed; undefined when blank, `NA`, null or undefined. */
function textOf(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : String(value);
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value !== 'string') return undefined;
  const t = value.trim();
  return t === '' || t === 'NA' ? undefined : t;
}

const DECIMAL_TEXT = /^\d+(?:\.(\d*))?$/;

/**
 * Starts an {@link AfTable}. Values: deprivations 0/1 (also `true`/`false`), blank or `NA` missing;
 * a weight a number ≥ 0; names any text. A value that does not fit is an error naming its row
 * and column; a blank weight, stratum, PSU, group or round is `MISSING_VALUE`.
 *
 * Example:
 *
 *     const b = createAfTableBuilder({ indicators: ['d1', 'd2'], weight: 'w' });
 *     b.add(['1', '0', '2.5'], 2);
 *     b.finish().rows //=> 1
 */
export function createAfTableBuilder(columns: AfTableColumns): AfTableBuilder {
  const d = columns.indicators.length;
  const over = columns.over ?? [];
  const deprived = columns.indicators.map(() => new Growable((n) => new Uint8Array(n)));
  const weights = new Growable((n) => new Float64Array(n));
  const fpc = columns.fpc !== undefined ? new Growable((n) => new Float64Array(n)) : undefined;
  const strata = columns.strata !== undefined ? new Coder() : undefined;
  const psu = columns.psu !== undefined ? new Coder() : undefined;
  const groups = over.map(() => new Coder());
  const time = columns.time !== undefined ? new Coder() : undefined;
  const years = new Map<number, number>();
  const rowNames = new Growable((n) => new Int32Array(n));
  let decimals: number | undefined = 0;
  let plainNames = true;
  const order = [
    ...columns.indicators,
    ...(columns.weight !== undefined ? [columns.weight] : []),
    ...(columns.strata !== undefined ? [columns.strata] : []),
    ...(columns.psu !== undefined ? [columns.psu] : []),
    ...(columns.fpc !== undefined ? [columns.fpc] : []),
    ...over,
    ...(columns.time !== undefined ? [columns.time] : []),
    ...(columns.year !== undefined ? [columns.year] : []),
  ];
  const name = (rowName: number, column: string) => `row ${rowName}, column ${JSON.stringify(column)}`;
  /** A cell holds a text, a number, a boolean, or nothing: anything else is refused. */
  const plain = (value: unknown, rowName: number, column: string): void => {
    const t = typeof value;
    if (value !== null && t !== 'undefined' && t !== 'string' && t !== 'number' && t !== 'boolean') {
      fail('INVALID_FIELD', ['rows', rowName, column], `${name(rowName, column)}: expected a text or a number, received ${show(value)}`, value);
    }
  };
  const need = (value: unknown, rowName: number, column: string, what: string): string => {
    plain(value, rowName, column);
    const t = textOf(value);
    if (t === undefined) fail('MISSING_VALUE', ['rows', rowName, column], `${name(rowName, column)}: ${what} is blank`, value);
    return t;
  };
  const numberOf = (value: unknown, rowName: number, column: string, what: string): number => {
    const t = need(value, rowName, column, what);
    const v = Number(t);
    if (!Number.isFinite(v) || v < 0) fail('INVALID_FIELD', ['rows', rowName, column], `${name(rowName, column)}: ${what} must be a number ≥ 0, received ${JSON.stringify(t)}`, value);
    return v;
  };
  return {
    order,
    add(values, rowName) {
      const index = rowNames.length;
      if (rowName !== index) plainNames = false;
      rowNames.push(rowName);
      for (let j = 0; j < d; j++) {
        const v = values[j];
        let code: number;
        if (v === 1 || v === '1' || v === true) code = 1;
        else if (v === 0 || v === '0' || v === false) code = 0;
        else {
          plain(v, rowName, columns.indicators[j]!);
          const t = textOf(v);
          if (t === undefined) code = MISSING_DEPRIVATION;
          else if (t === '1' || t === 'true' || t === '1.0') code = 1;
          else if (t === '0' || t === 'false' || t === '0.0') code = 0;
          else return fail('INVALID_FIELD', ['rows', rowName, columns.indicators[j]!], `${name(rowName, columns.indicators[j]!)}: a deprivation is 0 or 1 (blank or NA when missing), received ${JSON.stringify(t)}`, v);
        }
        deprived[j]!.push(code);
      }
      let at = d;
      if (columns.weight !== undefined) {
        const raw = values[at++];
        const w = numberOf(raw, rowName, columns.weight, 'the weight');
        if (decimals !== undefined) {
          const m = DECIMAL_TEXT.exec(String(raw).trim());
          const places = m ? (m[1] ?? '').length : Infinity;
          decimals = places <= 6 && w < 1e9 ? Math.max(decimals, places) : undefined;
        }
        weights.push(w);
      } else weights.push(1);
      if (strata) strata.push(need(values[at++], rowName, columns.strata!, 'the stratum'));
      if (psu) psu.push(need(values[at++], rowName, columns.psu!, 'the PSU'));
      if (fpc) {
        const v = numberOf(values[at++], rowName, columns.fpc!, 'the finite population correction');
        if (v === 0) fail('INVALID_FIELD', ['rows', rowName, columns.fpc!], `${name(rowName, columns.fpc!)}: the finite population correction must be positive`, 0);
        fpc.push(v);
      }
      over.forEach((column, g) => groups[g]!.push(need(values[at++], rowName, column, 'the group')));
      if (time) {
        const label = need(values[at++], rowName, columns.time!, 'the round');
        time.push(label);
        if (columns.year !== undefined) {
          const raw = need(values[at++], rowName, columns.year, 'the year');
          const y = Number(raw);
          if (!Number.isFinite(y)) fail('INVALID_FIELD', ['rows', rowName, columns.year], `${name(rowName, columns.year)}: the year must be a number, received ${JSON.stringify(raw)}`, raw);
          const code = time.codes.data[time.codes.length - 1]!;
          const known = years.get(code);
          if (known === undefined) years.set(code, y);
          else if (known !== y) fail('INVALID_FIELD', ['rows', rowName, columns.year], `${name(rowName, columns.year)}: round ${JSON.stringify(label)} has the year ${known} in earlier rows and ${y} here; a round has one year`, raw);
        }
      }
    },
    finish() {
      const t = time?.done();
      return {
        rows: rowNames.length,
        columns,
        deprived: deprived.map((g) => g.done()),
        weights: weights.done(),
        weightDecimals: decimals,
        strata: strata?.done(),
        psu: psu?.done(),
        fpc: fpc?.done(),
        over: groups.map((g) => g.done()),
        time: t,
        years: t && columns.year !== undefined ? t.labels.map((_, c) => years.get(c)!) : undefined,
        rowNames: plainNames ? undefined : rowNames.done(),
      };
    },
  };
}
