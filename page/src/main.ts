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
import { byId, fill, h } from './dom.js';
import { drawForm, formHousehold } from './form-view.js';
import { showReport } from './report-view.js';
import { categoryCodes, ERROR_CODE, type Choice, type Classified, type Download, type Explained, type Report, type Saved } from './protocol.js';
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
/** The file loaded last (picked or dropped), classified again when the date or standard changes. */
let currentFile: File | undefined;
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
  for (const r of data.plan.renamed) notes.push(h('li', {}, s.renamed(r.column, r.as)));
  if (data.plan.missingIndicators.length) notes.push(h('li', {}, s.missing(data.plan.missingIndicators.join(', '))));
  if (!data.plan.hasId && data.rows > 0) notes.push(h('li', {}, s.noId));
  fill(byId('header-notes'), ...(notes.length ? [h('h3', {}, s.headerNotes), h('ul', {}, ...notes)] : []));
  fill(byId('status'), s.classified(data.rows, data.file, data.standard, data.date));
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
  report = await worker.ask<Report>({ type: 'report', lang, ...(by() !== undefined ? { by: by()! } : {}) });
  showReport(report, lang);
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
  currentFile = file;
  const mine = ++loads;
  const bytes = await file.arrayBuffer();
  const box = byId('progress-box');
  const bar = byId<HTMLProgressElement>('progress');
  byId('file-error').hidden = true;
  fill(byId('status'), strings[lang].working);
  box.hidden = false;
  bar.value = 0;
  document.body.dataset.state = 'working';
  let loaded: Classified;
  try {
    loaded = await worker.ask<Classified>(
      { type: 'classify', name: file.name, bytes, choice: choice() },
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
  const saved = await worker.ask<Saved>({ type: 'download', what, lang, ...(by() !== undefined ? { by: by()! } : {}) });
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
