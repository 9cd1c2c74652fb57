/**
 * The review page: load a household file (or enter one household), see each household's category
 * and its explanation, the report and the error rows, and take the results away. Everything runs
 * in the browser; the file never leaves it.
 *
 * @module
 */
import workerSource from 'page-worker-source';
import { categoryLabels, type Lang } from '../../src/report/labels.js';
import { loadStandard, nationalStandards, localStandards, resolveStandard } from '../../src/standards/registry.js';
import type { Standard } from '../../src/standards/schema.js';
import type { StandardId } from '../../src/standards/ids.js';
import { toSafe } from '../../src/errors.js';
import { safeParseColumnMap, type ColumnOptions } from '../../src/columns.js';
import type { FileFormat } from '../../src/input-format.js';
import { byId, fill, h } from './dom.js';
import { drawForm, formHousehold } from './form-view.js';
import { showReport, showReportError } from './report-view.js';
import { categoryCodes, ERROR_CODE, type Choice, type Classified, type Download, type Explained, type Previous, type ReadChoice, type Report, type ReportChoice, type Saved } from './protocol.js';
import { strings } from './strings.js';
import { TableView } from './table-view.js';
import { errorLine, showTrace } from './trace-view.js';
import { WorkerClient, WorkerFailure } from './worker-client.js';

const worker = new WorkerClient(workerSource);

let lang: Lang = 'vi';
let data: Classified | undefined;
let report: Report | undefined;
let standardFile: { text: string; standard: Standard } | undefined;
let lastTrace: { explained: Explained; label: string } | undefined;
/** The file loaded last (picked or dropped), classified again when the date, the standard or how it is read changes. */
let currentFile: File | undefined;
/** The column map chosen (`--columns MAP.json`): its file's name and what it says. */
let columnMap: { name: string; options: ColumnOptions } | undefined;
/** The earlier classified list the report compares with (`--previous FILE`), as the worker read it. */
let previousList: Previous | undefined;
/** The number of the latest load: an earlier one still running when another starts is dropped. */
let loads = 0;

const table = new TableView(lang, (index) => void explainRow(index));

/** The date and standard chosen. */
function choice(): Choice {
  const date = byId<HTMLInputElement>('date').value;
  const standard = byId<HTMLSelectElement>('standard').value;
  if (standard === 'file' && standardFile) return { date, standardFile: standardFile.text };
  // The list's values are the shipped standards' ids; resolving the choice checks it again.
  return standard === '' ? { date } : { date, standard: standard as StandardId };
}

/** The standard of the choice, for the form's indicators (undefined while the choice is not valid). */
function chosenStandard(): Standard | undefined {
  const c = choice();
  const result = toSafe(() => resolveStandard({ date: c.date, ...(c.standardFile ? { standard: standardFile!.standard } : c.standard ? { standard: c.standard } : {}) }));
  const note = byId('standard-note');
  if (!result.success) {
    fill(note, errorLine(result.error));
    return undefined;
  }
  const s = result.data.standard;
  fill(note, `${s.id}: ${nameOf(s)}${standardFile && c.standardFile ? ` (${strings[lang].standardFileLoaded(s.id)})` : ''}`);
  return s;
}

/** A standard's name in the page's language. */
function nameOf(standard: Standard): string {
  return (lang === 'vi' ? standard.name.vi : undefined) ?? standard.name.en;
}

function by(): string | undefined {
  const value = byId<HTMLSelectElement>('by').value;
  return value === '' ? undefined : value;
}

function weight(): string | undefined {
  const value = byId<HTMLSelectElement>('weight').value;
  return value === '' ? undefined : value;
}

/** What the report is asked for: the page's language, the grouping and weight columns, the earlier list. */
function reportChoice(): ReportChoice {
  return { lang, ...(by() !== undefined ? { by: by()! } : {}), ...(weight() !== undefined ? { weight: weight()! } : {}), ...(previousList ? { previous: true } : {}) };
}

/** The columns kept as attributes, one a line (`--keep-column NAME`, repeated). */
function keptColumns(): string[] {
  return byId<HTMLTextAreaElement>('keep-columns')
    .value.split(/\r?\n/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

/** How the file is read: the format, the worksheet, the column map with the columns kept (the map's first, as the command line joins them). */
function readChoice(): ReadChoice {
  const input = byId<HTMLSelectElement>('input').value;
  const sheet = byId<HTMLSelectElement>('sheet').value;
  const keep = [...(columnMap?.options.keepColumns ?? []), ...keptColumns()];
  const columns: ColumnOptions = { ...(columnMap?.options ?? {}), ...(keep.length ? { keepColumns: keep } : {}) };
  return {
    ...(input !== '' ? { input: input as FileFormat } : {}),
    ...(sheet !== '' ? { sheet } : {}),
    ...(Object.keys(columns).length ? { columns } : {}),
  };
}

/** Sets every fixed text of the page in the language. */
function drawTexts(): void {
  const s = strings[lang];
  document.documentElement.lang = lang;
  document.title = `${s.title} · chuan-ngheo`;
  for (const element of document.querySelectorAll<HTMLElement>('[data-s]')) {
    const text = (s as unknown as Record<string, unknown>)[element.dataset.s!];
    if (typeof text === 'string') element.textContent = text;
  }
  const langButton = byId('lang');
  langButton.textContent = s.switchLang;
  langButton.setAttribute('aria-label', s.switchLangLabel);
  langButton.setAttribute('lang', lang === 'vi' ? 'en' : 'vi');
  const previous = byId<HTMLSelectElement>('one-previous');
  previous.options[1]!.textContent = categoryLabels[lang].poor;
  previous.options[2]!.textContent = categoryLabels[lang]['near-poor'];
  drawStandards();
  drawCategoryFilter();
  drawSheets();
  drawWeightOptions();
  drawColumnsNote();
  drawPreviousNote();
}

/** The worksheets of the file loaded last, when it is a workbook (listed even when the sheet read cannot be used, so that another can be chosen). */
let fileSheets: readonly { readonly name: string; readonly visible: boolean }[] = [];

/** The worksheets of the workbook loaded (the first visible one unless another is chosen). */
function drawSheets(): void {
  const s = strings[lang];
  const select = byId<HTMLSelectElement>('sheet');
  const value = select.value;
  const sheets = fileSheets;
  const first = sheets.find((sheet) => sheet.visible) ?? sheets[0];
  fill(select, h('option', { value: '' }, first ? s.firstSheet(first.name) : s.noSheet), ...sheets.map((sheet) => h('option', { value: sheet.name }, sheet.visible ? sheet.name : s.hiddenSheet(sheet.name))));
  select.value = sheets.some((sheet) => sheet.name === value) ? value : '';
  select.disabled = sheets.length === 0;
}

function drawWeightOptions(): void {
  const select = byId<HTMLSelectElement>('weight');
  const value = select.value;
  const columns = data ? Object.keys(data.attributes) : [];
  fill(select, h('option', { value: '' }, strings[lang].noWeight), ...columns.map((c) => h('option', { value: c }, c)));
  select.value = columns.includes(value) ? value : '';
}

/** What the column map says, or why it cannot be read. */
let columnsProblem: { name: string; message: string } | undefined;

function drawColumnsNote(): void {
  const note = byId('columns-note');
  if (columnsProblem) fill(note, h('span', { class: 'error-line' }, `${columnsProblem.name}: ${columnsProblem.message}`));
  else if (columnMap) fill(note, strings[lang].columnsLoaded(columnMap.name, Object.keys(columnMap.options.columns ?? {}).length));
  else fill(note);
  byId('columns-clear').hidden = columnMap === undefined;
}

/** Why the earlier list cannot be read, when it cannot. */
let previousProblem: { name: string; message: string } | undefined;

function drawPreviousNote(): void {
  const s = strings[lang];
  const note = byId('previous-note');
  if (previousProblem) fill(note, h('span', { class: 'error-line' }, `${previousProblem.name}: ${previousProblem.message}`));
  else if (previousList) {
    const parts = [s.previousLoaded(previousList.name, previousList.households)];
    if (previousList.unclassified > 0) parts.push(s.previousUnclassified(previousList.unclassified));
    if (previousList.withoutId > 0) parts.push(s.previousWithoutId(previousList.withoutId));
    fill(note, parts.join(' '));
  } else fill(note);
  byId('previous-clear').hidden = previousList === undefined;
}

function drawStandards(): void {
  const select = byId<HTMLSelectElement>('standard');
  const value = select.value;
  const options = [h('option', { value: '' }, strings[lang].inForce), ...[...nationalStandards, ...localStandards].map((s) => h('option', { value: s.id }, `${s.id}: ${nameOf(s)}`))];
  if (standardFile) options.push(h('option', { value: 'file' }, `${standardFile.standard.id} (${strings[lang].standardFile})`));
  fill(select, ...options);
  select.value = value;
}

function drawCategoryFilter(): void {
  const s = strings[lang];
  const select = byId<HTMLSelectElement>('f-category');
  const value = select.value;
  fill(select, h('option', { value: '' }, s.all), ...categoryCodes.map((c) => h('option', { value: c }, categoryLabels[lang][c])), h('option', { value: 'error' }, s.colError));
  select.value = value;
}

function drawGroupOptions(): void {
  const select = byId<HTMLSelectElement>('by');
  const value = select.value;
  const columns = data ? Object.keys(data.attributes) : [];
  fill(select, h('option', { value: '' }, strings[lang].noGroup), ...columns.map((c) => h('option', { value: c }, c)));
  select.value = columns.includes(value) ? value : '';
  drawGroupFilter();
}

function drawGroupFilter(): void {
  const select = byId<HTMLSelectElement>('f-group');
  const column = by();
  const values = column && data ? [...new Set(data.attributes[column])].sort() : [];
  fill(select, h('option', { value: '' }, strings[lang].all), ...values.map((v) => h('option', { value: `=${v}` }, v === '' ? '(blank)' : v)));
  select.disabled = column === undefined;
}

function drawSummary(): void {
  if (!data) return;
  const s = strings[lang];
  const counts = [0, 0, 0, 0];
  let errors = 0;
  let escaped = 0;
  for (let i = 0; i < data.rows; i++) {
    const c = data.category[i]!;
    if (c === ERROR_CODE) errors++;
    else counts[c]!++;
    if (data.newlyEscaped[i]) escaped++;
  }
  const item = (key: string, label: string, n: number) => h('li', { 'data-count': key }, h('span', { class: 'n' }, n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en')), label);
  fill(
    byId('counts'),
    ...categoryCodes.map((c, i) => item(c, categoryLabels[lang][c], counts[i]!)),
    item('newly-escaped', s.newlyEscaped, escaped),
    item('error', s.errorRows, errors),
  );
  const notes: HTMLElement[] = [];
  const plan = data.plan;
  if (plan) {
    for (const r of plan.renamed) notes.push(h('li', {}, s.renamed(r.column, r.as)));
    if (plan.missingIndicators.length) notes.push(h('li', {}, s.missing(plan.missingIndicators.join(', '))));
    if (!plan.hasId && data.rows > 0) notes.push(h('li', {}, s.noId));
  }
  fill(byId('header-notes'), ...(notes.length ? [h('h3', {}, s.headerNotes), h('ul', {}, ...notes)] : []));
  fill(byId('status'), `${s.classified(data.rows, data.file, data.standard, data.date)}${data.sheet !== undefined ? ` ${s.sheetRead(data.sheet)}` : ''}`);
  fill(byId('timing'), s.seconds(data.seconds.toFixed(2)));
}

const ERRORS_SHOWN = 1000;

function drawErrors(): void {
  if (!data) return;
  const s = strings[lang];
  if (data.errors.length === 0) {
    fill(byId('errors'), h('p', {}, s.noErrors));
    return;
  }
  const shown = data.errors.slice(0, ERRORS_SHOWN);
  const rows = shown.map(({ index, error }) =>
    h('tr', { 'data-code': error.code }, h('td', {}, String(data!.records[index])), h('td', {}, data!.ids[index] ?? ''), h('td', {}, h('code', {}, error.code)), h('td', {}, error.path.join('.')), h('td', {}, error.message)),
  );
  fill(
    byId('errors'),
    ...(data.errors.length > ERRORS_SHOWN ? [h('p', {}, s.errorsFirst(ERRORS_SHOWN, data.errors.length))] : []),
    h(
      'table',
      { class: 'report', id: 'error-rows' },
      h('thead', {}, h('tr', {}, ...[s.colRecord, s.colId, s.colCode, s.colPath, s.colMessage].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, ...rows),
    ),
  );
}

async function drawReport(): Promise<void> {
  if (!data) return;
  const choice = reportChoice();
  try {
    report = await worker.ask<Report>({ type: 'report', report: choice });
  } catch (error) {
    report = undefined;
    showReportError(error, lang);
    reportDrawn();
    return;
  }
  showReport(report, choice, lang);
  reportDrawn();
}

/** The number of reports drawn (or failed), for whoever waits for the next one. */
let reportsDrawn = 0;
function reportDrawn(): void {
  document.body.dataset.reports = String(++reportsDrawn);
}

function showFileError(error: unknown): void {
  const box = byId('file-error');
  const detail = error instanceof WorkerFailure ? error.detail : undefined;
  fill(box, h('strong', {}, strings[lang].fileError), detail ? errorLine(detail) : h('p', {}, error instanceof Error ? error.message : String(error)));
  box.hidden = false;
}

function setSectionsHidden(hidden: boolean): void {
  for (const id of ['summary-section', 'table-section', 'report-section', 'errors-section', 'downloads-section']) byId(id).hidden = hidden;
}

async function load(file: File): Promise<void> {
  // A file picked anew is read from its first visible worksheet, unless one is chosen afterwards.
  if (file !== currentFile) {
    byId<HTMLSelectElement>('sheet').value = '';
    fileSheets = [];
  }
  currentFile = file;
  const mine = ++loads;
  // At once, so that whoever waits for this load never takes an earlier one's end for it.
  document.body.dataset.load = String(mine);
  document.body.dataset.state = 'working';
  const bytes = await file.arrayBuffer();
  if (mine !== loads) return;
  const box = byId('progress-box');
  const bar = byId<HTMLProgressElement>('progress');
  byId('file-error').hidden = true;
  fill(byId('status'), strings[lang].working);
  box.hidden = false;
  bar.value = 0;
  let loaded: Classified;
  try {
    loaded = await worker.ask<Classified>(
      { type: 'classify', name: file.name, bytes, choice: choice(), read: readChoice() },
      {
        transfer: [bytes],
        progress: (done, total) => {
          bar.value = total === 0 ? 1 : done / total;
          fill(byId('progress-text'), `${done.toLocaleString()} / ${total.toLocaleString()}`);
        },
      },
    );
  } catch (error) {
    if (mine !== loads) return;
    data = undefined;
    // The workbook's worksheets all the same, to choose another than the one that cannot be read.
    fileSheets = await worker.ask<Classified['sheets']>({ type: 'sheets', name: file.name, bytes: await file.arrayBuffer(), read: readChoice() }).catch(() => undefined) ?? [];
    if (mine !== loads) return;
    drawSheets();
    setSectionsHidden(true);
    fill(byId('status'));
    fill(byId('timing'));
    showFileError(error);
    document.body.dataset.state = 'failed';
    return;
  } finally {
    if (mine === loads) box.hidden = true;
  }
  if (mine !== loads) return;
  data = loaded;
  const columns = Object.keys(data.attributes);
  const select = byId<HTMLSelectElement>('by');
  drawGroupOptions();
  // Grouped by the file's first grouping column unless another was chosen.
  if (select.value === '' && columns.length) select.value = columns[0]!;
  drawGroupFilter();
  drawWeightOptions();
  fileSheets = data.sheets ?? [];
  drawSheets();
  setSectionsHidden(false);
  drawSummary();
  table.show(data, by());
  drawErrors();
  lastTrace = undefined;
  showTrace(undefined, '', lang);
  // The table is there; the report follows (it reads the file again, as the command line's report does).
  document.body.dataset.state = 'shown';
  await drawReport();
  if (mine === loads) document.body.dataset.state = 'ready';
}

async function explainRow(index: number): Promise<void> {
  if (!data) return;
  table.select(index);
  const explained = await worker.ask<Explained>({ type: 'explain', index });
  lastTrace = { explained, label: data.ids[index] || String(data.records[index]) };
  showTrace(explained, lastTrace.label, lang);
}

async function save(what: Download): Promise<void> {
  const saved = await worker.ask<Saved>({ type: 'download', what, report: reportChoice() });
  const url = URL.createObjectURL(new Blob([saved.bytes], { type: saved.type }));
  const link = h('a', { href: url, download: saved.name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function setLang(next: Lang): void {
  lang = next;
  drawTexts();
  drawForm(chosenStandard(), lang);
  table.setLang(lang);
  if (data) {
    drawGroupFilter();
    drawSummary();
    drawErrors();
    void drawReport();
  }
  if (lastTrace) showTrace(lastTrace.explained, lastTrace.label, lang);
}

function wire(): void {
  byId('lang').addEventListener('click', () => setLang(lang === 'vi' ? 'en' : 'vi'));
  const fileInput = byId<HTMLInputElement>('file');
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    // Emptied, so that picking the same file again (corrected since) reads it again; the status names it.
    fileInput.value = '';
    if (file) void load(file);
  });
  const drop = byId('drop');
  for (const type of ['dragenter', 'dragover']) {
    drop.addEventListener(type, (event) => {
      event.preventDefault();
      drop.classList.add('over');
    });
  }
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    drop.classList.remove('over');
    const file = (event as DragEvent).dataTransfer?.files[0];
    if (file) void load(file);
  });
  // A file dropped outside the drop zone is not opened by the browser in place of the page.
  window.addEventListener('dragover', (event) => event.preventDefault());
  window.addEventListener('drop', (event) => event.preventDefault());
  const reclassify = () => {
    drawForm(chosenStandard(), lang);
    if (currentFile) void load(currentFile);
  };
  byId('date').addEventListener('change', reclassify);
  byId('standard').addEventListener('change', reclassify);
  byId('input').addEventListener('change', () => {
    // A worksheet is a workbook's: read as another format, the file has none.
    byId<HTMLSelectElement>('sheet').value = '';
    reclassify();
  });
  byId('sheet').addEventListener('change', reclassify);
  byId('keep-columns').addEventListener('change', reclassify);
  const columnsInput = byId<HTMLInputElement>('columns-file');
  columnsInput.addEventListener('change', async () => {
    const file = columnsInput.files?.[0];
    // Emptied, so that picking the same map again (corrected since) reads it again.
    columnsInput.value = '';
    if (!file) return;
    const result = safeParseColumnMap(await file.text());
    // A map that cannot be read is not used: the file is read without one, and the note says why.
    columnMap = result.success ? { name: file.name, options: result.data } : undefined;
    columnsProblem = result.success ? undefined : { name: file.name, message: result.error.message };
    drawColumnsNote();
    reclassify();
  });
  byId('columns-clear').addEventListener('click', () => {
    columnMap = undefined;
    columnsProblem = undefined;
    drawColumnsNote();
    reclassify();
  });
  const previousInput = byId<HTMLInputElement>('previous-file');
  previousInput.addEventListener('change', async () => {
    const file = previousInput.files?.[0];
    previousInput.value = '';
    if (!file) return;
    const bytes = await file.arrayBuffer();
    try {
      previousList = await worker.ask<Previous>({ type: 'previous', file: { name: file.name, bytes } }, { transfer: [bytes] });
      previousProblem = undefined;
    } catch (error) {
      previousList = undefined;
      previousProblem = { name: file.name, message: error instanceof WorkerFailure ? error.detail.message : String(error) };
    }
    drawPreviousNote();
    await drawReport();
  });
  byId('previous-clear').addEventListener('click', async () => {
    await worker.ask({ type: 'previous' });
    previousList = undefined;
    previousProblem = undefined;
    drawPreviousNote();
    await drawReport();
  });
  byId('weight').addEventListener('change', () => void drawReport());
  const standardInput = byId<HTMLInputElement>('standard-file');
  standardInput.addEventListener('change', async () => {
    const file = standardInput.files?.[0];
    if (!file) return;
    const text = await file.text();
    const result = toSafe(() => loadStandard(text));
    if (!result.success) {
      fill(byId('standard-note'), errorLine(result.error));
      return;
    }
    standardFile = { text, standard: result.data };
    drawStandards();
    byId<HTMLSelectElement>('standard').value = 'file';
    reclassify();
  });
  byId('by').addEventListener('change', () => {
    drawGroupFilter();
    table.setGroup(by());
    void drawReport();
  });
  byId('f-category').addEventListener('change', (event) => {
    table.filters.category = (event.target as HTMLSelectElement).value;
    table.refresh();
  });
  byId('f-group').addEventListener('change', (event) => {
    const value = (event.target as HTMLSelectElement).value;
    table.filters.group = value === '' ? undefined : value.slice(1);
    table.refresh();
  });
  byId('f-errors').addEventListener('change', (event) => {
    table.filters.errorsOnly = (event.target as HTMLInputElement).checked;
    table.refresh();
  });
  byId('f-search').addEventListener('input', (event) => {
    table.filters.search = (event.target as HTMLInputElement).value;
    table.refresh();
  });
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-download]')) {
    button.addEventListener('click', () => save(button.dataset.download as Download).catch(showFileError));
  }
  byId('one').addEventListener('submit', async (event) => {
    event.preventDefault();
    const box = byId('one-error');
    box.hidden = true;
    const household = formHousehold();
    const explained = await worker.ask<Explained>({ type: 'explainOne', household, choice: choice() });
    if ('error' in explained && !('classification' in explained)) {
      fill(box, errorLine(explained.error));
      box.hidden = false;
    }
    lastTrace = { explained, label: typeof household.id === 'string' ? household.id : '—' };
    showTrace(explained, lastTrace.label, lang);
    byId('trace-section').scrollIntoView({ block: 'nearest' });
  });
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

byId<HTMLInputElement>('date').value = today();
drawTexts();
drawForm(chosenStandard(), lang);
wire();
document.body.dataset.state = 'idle';
