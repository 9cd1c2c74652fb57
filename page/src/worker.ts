/**
 * The page's worker: reads and classifies files, explains households, builds the report and the
 * files to save, so that the page stays responsive on large files. Nothing leaves the browser.
 *
 * @module
 */
import * as ExcelJS from 'exceljs';
import type { BatchClassifier, BatchRow } from '../../src/batch.js';
import { csvOutputColumns, rowToCsv } from '../../src/node/output.js';
import { childrenTable, profileChart, profileTable, ratesChart, summaryTable } from '../../src/report/summary.js';
import { renderTables, type Table } from '../../src/report/table.js';
import { barChartSvg } from '../../src/report/svg.js';
import type { Lang } from '../../src/report/labels.js';
import type { Tally } from '../../src/analytics/tally.js';
import { toSafe } from '../../src/errors.js';
import { classifyOn } from '../../src/classify.js';
import { addTableSheets, classifiedColumnWidths, classifiedRowValues, xlsxMaxRows } from '../../src/xlsx/workbook.js';
import { classifierOf, classifyRecord, detailOf, explainRecord, isWorkbook, readCsvFile, readWorkbookFile, tallyFile, type ReadFile } from './file-review.js';
import { categoryCodes, ERROR_CODE, type Classified, type Download, type Explained, type Report, type Request, type Response, type Saved } from './protocol.js';

interface WorkerScope {
  postMessage(message: Response, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<{ id: number; request: Request }>) => void): void;
}
const scope = globalThis as unknown as WorkerScope;

/** The file loaded last, with what has been worked out of it. */
interface Loaded {
  readonly name: string;
  readonly batch: BatchClassifier;
  readonly file: ReadFile | undefined;
  readonly rows: BatchRow[];
  readonly tallies: Map<string, { tally: Tally; invalid: number }>;
}
let loaded: Loaded | undefined;

const SLICE = 4096;

async function classifyFile(id: number, name: string, buffer: ArrayBuffer, choice: Parameters<typeof classifierOf>[0]): Promise<Classified> {
  const started = performance.now();
  const batch = classifierOf(choice);
  const bytes = new Uint8Array(buffer);
  const file = isWorkbook(name, bytes) ? await readWorkbookFile(bytes, batch) : readCsvFile(bytes, batch);
  const n = file?.count ?? 0;
  const rows: BatchRow[] = new Array(n);
  const ids: string[] = new Array(n);
  const recordNumbers = new Int32Array(n);
  const category = new Uint8Array(n);
  const deprivationCount = new Int16Array(n);
  const newlyEscaped = new Uint8Array(n);
  const errors: Classified['errors'] = [];
  const attributeColumns = file?.reader.attributeColumns ?? [];
  const attributeAt = attributeColumns.map((c) => file!.reader.header.indexOf(c));
  const attributes: Record<string, string[]> = Object.fromEntries(attributeColumns.map((c) => [c, new Array<string>(n)]));
  const codes = new Map<string, number>(categoryCodes.map((c, i) => [c, i]));
  const interned = attributeColumns.map(() => new Map<string, string>());
  for (let start = 0; start < n; start += SLICE) {
    const end = Math.min(n, start + SLICE);
    for (let i = start; i < end; i++) {
      const r = file!.recordAt(i);
      const row = classifyRecord(file!, r);
      rows[i] = row;
      ids[i] = row.id === undefined ? '' : String(row.id);
      recordNumbers[i] = r.record;
      if ('error' in row) {
        category[i] = ERROR_CODE;
        errors.push({ index: i, error: row.error });
      } else {
        category[i] = codes.get(row.category)!;
        deprivationCount[i] = row.deprivationCount;
        newlyEscaped[i] = row.newlyEscaped ? 1 : 0;
      }
      for (let k = 0; k < attributeColumns.length; k++) {
        // One string per distinct value (a commune's name, not 100,000 copies of it).
        const value = r.fields[attributeAt[k]!] ?? '';
        const seen = interned[k]!;
        let kept = seen.get(value);
        if (kept === undefined) seen.set(value, (kept = value));
        attributes[attributeColumns[k]!]![i] = kept;
      }
    }
    scope.postMessage({ id, type: 'progress', done: end, total: n });
  }
  loaded = { name, batch, file, rows, tallies: new Map() };
  const plan = file?.reader.plan ?? { names: [], renamed: [], missingIndicators: [], attributeColumns: [], hasId: false };
  return {
    file: name,
    format: file?.format ?? 'csv',
    standard: batch.standard.id,
    date: batch.date,
    plan,
    ...(file?.sheet !== undefined ? { sheet: file.sheet } : {}),
    rows: n,
    ids,
    records: recordNumbers,
    category,
    deprivationCount,
    newlyEscaped,
    errors,
    attributes,
    seconds: (performance.now() - started) / 1000,
  };
}

function current(): Loaded {
  if (loaded === undefined) throw new Error('no file is loaded');
  return loaded;
}

function tallyOf(by: string | undefined) {
  const l = current();
  const key = by ?? '';
  let t = l.tallies.get(key);
  if (t === undefined) {
    t = tallyFile(l.file, l.batch, by);
    l.tallies.set(key, t);
  }
  return t;
}

/** The report's tables, as `chuan-ngheo report FILE --lang LANG [--by KEY]` makes them. */
function tablesOf(lang: Lang, by: string | undefined): { tables: Table[]; tally: Tally; invalid: number } {
  const l = current();
  const { tally, invalid } = tallyOf(by);
  const tables = [summaryTable(tally, lang, { standard: l.batch.standard.id, date: l.batch.date }), profileTable(tally, l.batch.standard, lang)];
  const children = childrenTable(tally, lang, l.batch.standard);
  if (children) tables.push(children);
  return { tables, tally, invalid };
}

function report(lang: Lang, by: string | undefined): Report {
  const { tables, tally, invalid } = tablesOf(lang, by);
  const standard = current().batch.standard;
  return { tables, charts: { profile: barChartSvg(profileChart(tally, standard, lang)), rates: barChartSvg(ratesChart(tally, lang)) }, invalid };
}

const encoder = new TextEncoder();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook's bytes, in a buffer of their own (exceljs gives a view, which cannot be handed to the page). */
async function workbookBytes(workbook: ExcelJS.Workbook): Promise<ArrayBuffer> {
  return new Uint8Array(await workbook.xlsx.writeBuffer()).buffer;
}

/** The name of a file saved from the one loaded: its name without extension, and what it holds. */
const savedName = (suffix: string) => `${current().name.replace(/\.[^.]*$/, '') || 'households'}${suffix}`;

async function download(what: Download, lang: Lang, by: string | undefined): Promise<Saved> {
  const l = current();
  switch (what) {
    case 'classified-csv': {
      const parts = [`${csvOutputColumns.join(',')}\n`];
      for (const row of l.rows) parts.push(rowToCsv(row));
      return { name: savedName('-classified.csv'), type: 'text/csv', bytes: encoder.encode(parts.join('')).buffer as ArrayBuffer };
    }
    case 'classified-xlsx': {
      // The command line's workbook: a worksheet Households (continued on Households (2) … past Excel's rows), the header frozen and bold.
      const workbook = new ExcelJS.Workbook();
      let sheet: ExcelJS.Worksheet | undefined;
      let inSheet = 0;
      let sheets = 0;
      const open = () => {
        sheets++;
        sheet = workbook.addWorksheet(sheets === 1 ? 'Households' : `Households (${sheets})`, { views: [{ state: 'frozen', ySplit: 1 }] });
        sheet.columns = classifiedColumnWidths.map((width) => ({ width }));
        sheet.addRow([...csvOutputColumns]).font = { bold: true };
        inSheet = 1;
      };
      open();
      for (const row of l.rows) {
        if (inSheet >= xlsxMaxRows) open();
        sheet!.addRow(classifiedRowValues(row));
        inSheet++;
      }
      return { name: savedName('-classified.xlsx'), type: XLSX, bytes: await workbookBytes(workbook) };
    }
    case 'report-xlsx': {
      const workbook = new ExcelJS.Workbook();
      addTableSheets(workbook, tablesOf(lang, by).tables);
      return { name: savedName(`-report-${lang}.xlsx`), type: XLSX, bytes: await workbookBytes(workbook) };
    }
    case 'report-md':
      return { name: savedName(`-report-${lang}.md`), type: 'text/markdown', bytes: encoder.encode(renderTables(tablesOf(lang, by).tables, 'md')).buffer as ArrayBuffer };
  }
}

function explain(index: number): Explained {
  const l = current();
  const row = l.rows[index];
  const r = row === undefined ? undefined : l.file?.recordAt(index);
  if (r === undefined || row === undefined) throw new Error(`no row ${index}`);
  const explained = explainRecord(l.file!, l.batch, r, row);
  if (explained.classification) return { record: r.record, household: explained.household, classification: explained.classification };
  return { record: r.record, error: explained.error! };
}

async function answer(id: number, request: Request): Promise<{ data: unknown; transfer?: Transferable[] }> {
  switch (request.type) {
    case 'classify': {
      const data = await classifyFile(id, request.name, request.bytes, request.choice);
      return { data, transfer: [data.records.buffer, data.category.buffer, data.deprivationCount.buffer, data.newlyEscaped.buffer] as Transferable[] };
    }
    case 'explain':
      return { data: explain(request.index) };
    case 'explainOne': {
      const batch = classifierOf(request.choice);
      const result = toSafe(() => classifyOn(request.household, batch.standard, batch.date));
      return { data: result.success ? { classification: result.data, household: request.household } : { error: result.error } };
    }
    case 'report':
      return { data: report(request.lang, request.by) };
    case 'download': {
      const saved = await download(request.what, request.lang, request.by);
      return { data: saved, transfer: [saved.bytes] };
    }
  }
}

scope.addEventListener('message', (event) => {
  const { id, request } = event.data;
  answer(id, request).then(
    ({ data, transfer }) => scope.postMessage({ id, type: 'result', data }, transfer),
    (error: unknown) => scope.postMessage({ id, type: 'failure', error: detailOf(error) }),
  );
});
