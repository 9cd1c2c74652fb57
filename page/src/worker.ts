/**
 * The page's worker: reads and classifies files, explains households, builds the report and the
 * files to save, so that the page stays responsive on large files. Nothing leaves the browser.
 *
 * @module
 */
import * as ExcelJS from 'exceljs';
import type { BatchClassifier, BatchRow } from '../../src/batch.js';
import { compareReviews, type ReviewEntry } from '../../src/analytics/transitions.js';
import { columnProblem } from '../../src/column-check.js';
import { csvOutputColumns, rowToCsv } from '../../src/node/output.js';
import { childrenTable, profileChart, profileTable, ratesChart, summaryTable, transitionsTable } from '../../src/report/summary.js';
import { addClassifiedSheet, createReview, readClassifiedFile, type ClassifiedReview, type Review } from '../../src/report/review.js';
import { renderTables, type Table } from '../../src/report/table.js';
import { barChartSvg } from '../../src/report/svg.js';
import { ChuanNgheoError, fail, toSafe } from '../../src/errors.js';
import { classifyOn } from '../../src/classify.js';
import { chooseSheet } from '../../src/xlsx/records.js';
import { addTableSheets, classifiedColumnWidths, classifiedRowValues, xlsxMaxRows } from '../../src/xlsx/workbook.js';
import { classifierOf, detailOf, explainEntry, formatOf, isWorkbook, loadWorkbook, readFile, sheetRecords, type ReadFile } from './file-review.js';
import { categoryCodes, ERROR_CODE, type Classified, type Download, type Explained, type Previous, type ReadChoice, type Report, type ReportChoice, type Request, type Response, type Saved } from './protocol.js';

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
  readonly reviews: Map<string, Review>;
}
let loaded: Loaded | undefined;
/** The earlier classified list the report compares with, when one is given. */
let previous: (ClassifiedReview & { readonly name: string }) | undefined;

const SLICE = 4096;

async function classifyFile(id: number, name: string, buffer: ArrayBuffer, choice: Parameters<typeof classifierOf>[0], read: ReadChoice): Promise<Classified> {
  const started = performance.now();
  const batch = classifierOf(choice);
  const bytes = new Uint8Array(buffer);
  const file = await readFile(name, bytes, batch, read);
  const n = file?.count ?? 0;
  const rows: BatchRow[] = new Array(n);
  const ids: string[] = new Array(n);
  const recordNumbers = new Int32Array(n);
  const category = new Uint8Array(n);
  const deprivationCount = new Int16Array(n);
  const newlyEscaped = new Uint8Array(n);
  const errors: Classified['errors'] = [];
  const attributeColumns = file?.groupColumns ?? [];
  const attributes: Record<string, string[]> = Object.fromEntries(attributeColumns.map((c) => [c, new Array<string>(n)]));
  const codes = new Map<string, number>(categoryCodes.map((c, i) => [c, i]));
  const interned = attributeColumns.map(() => new Map<string, string>());
  for (let start = 0; start < n; start += SLICE) {
    const end = Math.min(n, start + SLICE);
    for (let i = start; i < end; i++) {
      const { record, row, groups } = file!.row(i);
      rows[i] = row;
      ids[i] = row.id === undefined ? '' : String(row.id);
      recordNumbers[i] = record;
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
        const value = groups[k]!;
        const seen = interned[k]!;
        let kept = seen.get(value);
        if (kept === undefined) seen.set(value, (kept = value));
        attributes[attributeColumns[k]!]![i] = kept;
      }
    }
    scope.postMessage({ id, type: 'progress', done: end, total: n });
  }
  loaded = { name, batch, file, rows, reviews: new Map() };
  return {
    file: name,
    format: file?.format ?? 'csv',
    standard: batch.standard.id,
    date: batch.date,
    ...(file?.plan !== undefined ? { plan: file.plan } : {}),
    ...(file?.sheet !== undefined ? { sheet: file.sheet } : {}),
    ...(file?.sheets !== undefined ? { sheets: file.sheets } : {}),
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

/** Why the households of the loaded file are matched by id, in messages. */
const BY_ID = 'the comparison with an earlier list matches households by id';

/** The review of the loaded file, counted as `chuan-ngheo report FILE [--by KEY] [--weight COLUMN] [--previous …]` counts it. */
function reviewOf(choice: ReportChoice): Review {
  const l = current();
  const keepIds = choice.previous === true && previous !== undefined;
  const key = JSON.stringify([choice.by ?? null, choice.weight ?? null, keepIds]);
  let review = l.reviews.get(key);
  if (review === undefined) {
    const columns = l.file?.columns ?? { format: 'empty' as const, of: 'csv' as const };
    // The options that name a column are checked against the file, as the command line checks them.
    const problem = columnProblem(columns, { file: l.name, by: choice.by, weight: choice.weight, idFor: keepIds ? BY_ID : undefined });
    if (problem !== undefined) fail('INVALID_OPTIONS', [], problem);
    const counting = createReview(l.batch, { format: l.file?.format ?? 'csv', by: choice.by, weight: choice.weight, keepIds });
    for (let i = 0; i < (l.file?.count ?? 0); i++) counting.add(l.file!.entry(i));
    review = counting.result();
    l.reviews.set(key, review);
  }
  return review;
}

/** The report's tables, as `chuan-ngheo report FILE --lang LANG [--by KEY] [--weight COLUMN] [--previous EARLIER]` makes them. */
function tablesOf(choice: ReportChoice): { tables: Table[]; review: Review } {
  const review = reviewOf(choice);
  const { lang } = choice;
  const tables = [summaryTable(review.tally, lang, { standard: review.standard.id, date: review.date }), profileTable(review.tally, review.standard, lang)];
  const children = childrenTable(review.tally, lang, review.standard);
  if (children) tables.push(children);
  if (choice.previous === true && previous !== undefined) tables.push(transitionsTable(compareReviews(previous.entries, review.entries), lang, { weighted: review.tally.weighted }));
  return { tables, review };
}

function report(choice: ReportChoice): Report {
  const { tables, review } = tablesOf(choice);
  const { lang } = choice;
  return {
    tables,
    charts: { profile: barChartSvg(profileChart(review.tally, review.standard, lang)), rates: barChartSvg(ratesChart(review.tally, lang)) },
    invalid: review.invalid,
    ...(review.firstError !== undefined ? { firstError: review.firstError } : {}),
    badWeights: review.badWeights,
    withoutGroup: review.withoutGroup,
    withoutId: choice.previous === true && previous !== undefined ? review.withoutId : 0,
  };
}

/**
 * Reads an earlier list already classified (CSV, JSON Lines or a workbook, as `chuan-ngheo classify`
 * writes them), as `report --previous FILE` reads it: its households by id.
 */
async function readPrevious(name: string, buffer: ArrayBuffer): Promise<Previous> {
  const bytes = new Uint8Array(buffer);
  const check = (columns: Parameters<typeof columnProblem>[0]) => {
    const problem = columnProblem(columns, { file: name, idFor: BY_ID });
    if (problem !== undefined) fail('INVALID_OPTIONS', [], problem);
  };
  let classified: ClassifiedReview | undefined;
  if (isWorkbook(name, bytes)) {
    // The rows of its first visible sheet, and of the sheets they go on in (`Households (2)` …).
    const { workbook, sheets } = await loadWorkbook(bytes);
    const review = { entries: [] as ReviewEntry[], withoutId: 0, unclassified: 0 };
    let base: string | undefined;
    let isClassified = true;
    for (let part = 1; ; part++) {
      let sheet;
      try {
        sheet = chooseSheet(sheets, base === undefined ? undefined : `${base} (${part})`);
      } catch (error) {
        if (part > 1 && error instanceof ChuanNgheoError && error.code === 'UNKNOWN_SHEET') break;
        throw error;
      }
      base ??= sheet.name;
      const { header, records } = sheetRecords(workbook, sheet.worksheet);
      if (header === undefined || !addClassifiedSheet(review, header, records, check)) {
        isClassified = part > 1;
        break;
      }
    }
    classified = isClassified ? review : undefined;
  } else {
    try {
      classified = readClassifiedFile(bytes, check);
    } catch (error) {
      if (error instanceof ChuanNgheoError) throw error;
      fail('INVALID_ROW', [], `${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  if (classified === undefined) fail('INVALID_OPTIONS', [], `${name} is not a classified file (id and category columns), such as the classified rows this page or 'chuan-ngheo classify' writes`);
  previous = { name, ...classified };
  return { name, households: classified.entries.length, unclassified: classified.unclassified, withoutId: classified.withoutId };
}

const encoder = new TextEncoder();
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A workbook's bytes, in a buffer of their own (exceljs gives a view, which cannot be handed to the page). */
async function workbookBytes(workbook: ExcelJS.Workbook): Promise<ArrayBuffer> {
  return new Uint8Array(await workbook.xlsx.writeBuffer()).buffer;
}

/** The name of a file saved from the one loaded: its name without extension, and what it holds. */
const savedName = (suffix: string) => `${current().name.replace(/\.[^.]*$/, '') || 'households'}${suffix}`;

async function download(what: Download, choice: ReportChoice): Promise<Saved> {
  const l = current();
  const { lang } = choice;
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
      addTableSheets(workbook, tablesOf(choice).tables);
      return { name: savedName(`-report-${lang}.xlsx`), type: XLSX, bytes: await workbookBytes(workbook) };
    }
    case 'report-md':
      return { name: savedName(`-report-${lang}.md`), type: 'text/markdown', bytes: encoder.encode(renderTables(tablesOf(choice).tables, 'md')).buffer as ArrayBuffer };
  }
}

function explain(index: number): Explained {
  const l = current();
  const row = l.rows[index];
  if (row === undefined || l.file === undefined) throw new Error(`no row ${index}`);
  const entry = l.file.household(index);
  const explained = explainEntry(entry, l.batch, row);
  if (explained.classification) return { record: entry.record, household: explained.household, classification: explained.classification };
  return { record: entry.record, error: explained.error! };
}

async function answer(id: number, request: Request): Promise<{ data: unknown; transfer?: Transferable[] }> {
  switch (request.type) {
    case 'classify': {
      const data = await classifyFile(id, request.name, request.bytes, request.choice, request.read);
      return { data, transfer: [data.records.buffer, data.category.buffer, data.deprivationCount.buffer, data.newlyEscaped.buffer] as Transferable[] };
    }
    case 'sheets': {
      const bytes = new Uint8Array(request.bytes);
      try {
        if (formatOf(request.name, bytes, request.read.input) !== 'xlsx') return { data: [] };
        return { data: (await loadWorkbook(bytes)).sheets.map((s) => ({ name: s.name, visible: s.visible })) };
      } catch {
        return { data: [] };
      }
    }
    case 'explain':
      return { data: explain(request.index) };
    case 'explainOne': {
      const batch = classifierOf(request.choice);
      const result = toSafe(() => classifyOn(request.household, batch.standard, batch.date));
      return { data: result.success ? { classification: result.data, household: request.household } : { error: result.error } };
    }
    case 'previous':
      previous = undefined;
      if (loaded) loaded.reviews.clear();
      return { data: request.file === undefined ? undefined : await readPrevious(request.file.name, request.file.bytes) };
    case 'report':
      return { data: report(request.report) };
    case 'download': {
      const saved = await download(request.what, request.report);
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
