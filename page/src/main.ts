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
import { formatPath, toSafe } from '../../src/errors.js';
import { safeDefineTargetPlan } from '../../src/analytics/targets.js';
import type { LonelyPsu } from '../../src/analytics/design.js';
import { safeParseColumnMap, type ColumnOptions } from '../../src/columns.js';
import type { FileFormat } from '../../src/input-format.js';
import { byId, fill, h } from './dom.js';
import { drawForm, formHousehold } from './form-view.js';
import { showReport, showReportError } from './report-view.js';
import { categoryCodes, ERROR_CODE, type Choice, type Classified, type DesignChoice, type Download, type Explained, type Previous, type ReadChoice, type Report, type ReportChoice, type Saved } from './protocol.js';
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
/** The earlier list picked, kept to be read again when its date or standard, or how files are read, changes. */
let previousFile: { name: string; bytes: ArrayBuffer } | undefined;
/** The plan measured (`--targets PLAN.json`): its file's name, its JSON and its id; or why it cannot be used. */
let targetPlan: { name: string; plan: unknown; id: string } | undefined;
let targetsProblem: { name: string; message: string } | undefined;
/** The number of the latest reading of the earlier list: an earlier one ending after it is dropped. */
let previousReads = 0;
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

/** A column chosen in a list whose first choice is none. */
function chosen(id: string): string | undefined {
  const value = byId<HTMLSelectElement>(id).value;
  return value === '' ? undefined : value;
}

/** The grouping column chosen (`area`: the classified area). */
const by = (): string | undefined => chosen('by');

/** The grouping column the table shows and filters by: a column kept as an attribute (the classified area is the report's alone). */
function tableGroup(): string | undefined {
  const column = by();
  return column === 'area' ? undefined : column;
}

/** The survey design chosen (none without a stratum or PSU column). */
function design(): DesignChoice | undefined {
  const strata = chosen('strata');
  const psu = chosen('psu');
  if (strata === undefined && psu === undefined) return undefined;
  return {
    ...(strata !== undefined ? { strata } : {}),
    ...(psu !== undefined ? { psu } : {}),
    nest: psu !== undefined && byId<HTMLInputElement>('nest').checked,
    lonelyPsu: byId<HTMLSelectElement>('lonely-psu').value as LonelyPsu,
    level: Number(byId<HTMLSelectElement>('level').value),
  };
}

/** What the report is asked for: the page's language, the grouping and weight columns, the unit, the earlier list, the plan, the survey design. */
function reportChoice(): ReportChoice {
  const years = byId<HTMLInputElement>('years').value;
  const d = design();
  const group = by();
  const weight = chosen('weight');
  return {
    lang,
    ...(group !== undefined ? { by: group } : {}),
    ...(weight !== undefined ? { weight } : {}),
    ...(byId<HTMLSelectElement>('unit').value === 'persons' ? { unit: 'persons' as const } : {}),
    ...(previousList ? { previous: true } : {}),
    ...(targetPlan ? { targets: { plan: targetPlan.plan, ...(years.trim() !== '' ? { years } : {}) } } : {}),
    ...(d ? { design: d } : {}),
  };
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
  drawPreviousStandards();
  drawTargetsNote();
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

/** The lists of columns the report's options name: the weight, the survey design's strata and PSUs. */
function drawWeightOptions(): void {
  const columns = data ? Object.keys(data.attributes) : [];
  for (const [id, none] of [
    ['weight', strings[lang].noWeight],
    ['strata', strings[lang].noColumn],
    ['psu', strings[lang].noColumn],
  ] as const) {
    const select = byId<HTMLSelectElement>(id);
    const value = select.value;
    fill(select, h('option', { value: '' }, none), ...columns.map((c) => h('option', { value: c }, c)));
    select.value = columns.includes(value) ? value : '';
  }
  drawDesignControls();
}

/** The design's companions, usable once there is a design (nesting, once there are PSUs), as the command line refuses them alone. */
function drawDesignControls(): void {
  const psu = chosen('psu') !== undefined;
  const any = psu || chosen('strata') !== undefined;
  byId<HTMLInputElement>('nest').disabled = !psu;
  byId<HTMLSelectElement>('lonely-psu').disabled = !any;
  byId<HTMLSelectElement>('level').disabled = !any;
}

/** The earlier review's standards: the one in force on its date, or a shipped one (usable once the date is given). */
function drawPreviousStandards(): void {
  const select = byId<HTMLSelectElement>('previous-standard');
  const value = select.value;
  fill(select, h('option', { value: '' }, strings[lang].inForce), ...[...nationalStandards, ...localStandards].map((s) => h('option', { value: s.id }, `${s.id}: ${nameOf(s)}`)));
  select.value = value;
  select.disabled = byId<HTMLInputElement>('previous-date').value === '';
}

/** What the plan says (its id), or why it cannot be used. */
function drawTargetsNote(): void {
  const note = byId('targets-note');
  if (targetsProblem) fill(note, h('span', { class: 'error-line' }, `${targetsProblem.name}: ${targetsProblem.message}`));
  else if (targetPlan) fill(note, strings[lang].targetsLoaded(targetPlan.name, targetPlan.id));
  else fill(note);
  byId('targets-clear').hidden = targetPlan === undefined;
  byId<HTMLInputElement>('years').disabled = targetPlan === undefined;
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
    const survey = previousList.survey;
    const parts = [survey ? s.previousSurvey(previousList.name, previousList.households, survey.date, survey.standard) : s.previousLoaded(previousList.name, previousList.households)];
    if (previousList.unclassified > 0) parts.push(s.previousUnclassified(previousList.unclassified));
    if (previousList.invalid > 0) parts.push(s.previousInvalid(previousList.invalid, previousList.firstError ?? ''));
    if (previousList.withoutId > 0) parts.push(s.previousWithoutId(previousList.withoutId));
    fill(note, parts.join(' '));
  } else fill(note);
  // A list that cannot be used stays picked (a date may make it a survey to classify) until it is removed.
  byId('previous-clear').hidden = previousFile === undefined;
}

/** Reads the earlier list picked: as a classified list, or as a survey classified on the date (and standard) given, read as the file loaded is read. */
async function readPrevious(): Promise<void> {
  if (!previousFile) return;
  const date = byId<HTMLInputElement>('previous-date').value;
  const standard = byId<HTMLSelectElement>('previous-standard').value;
  // A copy each time: the bytes cross to the worker, and the list is read again when an option changes.
  const file = { name: previousFile.name, bytes: previousFile.bytes.slice(0) };
  const survey = date === '' ? undefined : { choice: { date, ...(standard !== '' ? { standard: standard as StandardId } : {}) }, read: readChoice() };
  const mine = ++previousReads;
  let read: Previous | undefined;
  let problem: typeof previousProblem;
  try {
    read = await worker.ask<Previous>({ type: 'previous', file, ...(survey ? { survey } : {}) }, { transfer: [file.bytes] });
  } catch (error) {
    problem = { name: file.name, message: error instanceof WorkerFailure ? error.detail.message : String(error) };
  }
  // A later reading (another list, date or standard) has been asked for: this one is not shown.
  if (mine !== previousReads) return;
  previousList = read;
  previousProblem = problem;
  drawPreviousNote();
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
  fill(select, h('option', { value: '' }, strings[lang].noGroup), h('option', { value: 'area' }, strings[lang].groupArea), ...columns.filter((c) => c !== 'area').map((c) => h('option', { value: c }, c)));
  select.value = value === 'area' || columns.includes(value) ? value : '';
  drawGroupFilter();
}

function drawGroupFilter(): void {
  const select = byId<HTMLSelectElement>('f-group');
  const column = tableGroup();
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
  table.show(data, tableGroup());
  drawErrors();
  lastTrace = undefined;
  showTrace(undefined, '', lang);
  // The table is there; the report follows (it reads the file again, as the command line's report does).
  document.body.dataset.state = 'shown';
  // An earlier survey is read as the file is: again, with the options it was loaded with.
  if (previousFile && byId<HTMLInputElement>('previous-date').value !== '') await readPrevious();
  if (mine !== loads) return;
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
    drawGroupOptions();
    drawSummary();
    drawErrors();
    void drawReport();
  }
  if (lastTrace) showTrace(lastTrace.explained, lastTrace.label, lang);
}

/**
 * Reads the file picked in a file input: the input is emptied first, so that picking the same
 * file again (corrected since) reads it again.
 */
function onFilePicked(id: string, read: (file: File) => Promise<void>): void {
  const input = byId<HTMLInputElement>(id);
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    input.value = '';
    if (file) void read(file);
  });
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
  onFilePicked('columns-file', async (file) => {
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
  onFilePicked('previous-file', async (file) => {
    previousFile = { name: file.name, bytes: await file.arrayBuffer() };
    await readPrevious();
    await drawReport();
  });
  byId('previous-clear').addEventListener('click', async () => {
    previousReads++;
    await worker.ask({ type: 'previous' });
    previousFile = undefined;
    previousList = undefined;
    previousProblem = undefined;
    drawPreviousNote();
    await drawReport();
  });
  const previousAgain = async () => {
    drawPreviousStandards();
    if (!previousFile) return;
    await readPrevious();
    await drawReport();
  };
  byId('previous-date').addEventListener('change', previousAgain);
  byId('previous-standard').addEventListener('change', previousAgain);
  onFilePicked('targets-file', async (file) => {
    const text = await file.text();
    // Checked here for the note, in the command line's words; the worker measures it as the command line does.
    targetPlan = undefined;
    targetsProblem = undefined;
    let plan: unknown;
    try {
      plan = JSON.parse(text);
    } catch (error) {
      targetsProblem = { name: file.name, message: error instanceof Error ? error.message : String(error) };
    }
    if (targetsProblem === undefined) {
      const checked = safeDefineTargetPlan(plan);
      if (checked.success) targetPlan = { name: file.name, plan, id: checked.data.id };
      else targetsProblem = { name: file.name, message: `${checked.error.code} at ${formatPath(checked.error.path)}: ${checked.error.message}` };
    }
    drawTargetsNote();
    await drawReport();
  });
  byId('targets-clear').addEventListener('click', async () => {
    targetPlan = undefined;
    targetsProblem = undefined;
    drawTargetsNote();
    await drawReport();
  });
  byId('years').addEventListener('change', () => void drawReport());
  byId('unit').addEventListener('change', () => void drawReport());
  for (const id of ['strata', 'psu', 'nest', 'lonely-psu', 'level']) {
    byId(id).addEventListener('change', () => {
      drawDesignControls();
      void drawReport();
    });
  }
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
    table.setGroup(tableGroup());
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
