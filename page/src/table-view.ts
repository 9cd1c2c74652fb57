/**
 * The households as a table that draws only the rows in view (100,000 rows scroll as 20), sorted
 * by any column and filtered by category, group and error.
 *
 * @module
 */
import { categoryLabels, type Lang } from '../../src/report/labels.js';
import { byId, fill, h } from './dom.js';
import { categoryCodes, ERROR_CODE, type Classified } from './protocol.js';
import { strings } from './strings.js';

const ROW_HEIGHT = 28;
const OVERSCAN = 10;

type SortKey = 'record' | 'id' | 'category' | 'count' | 'escaped' | 'group' | 'error';

/** The filters of the table. */
export interface Filters {
  category: string;
  group: string | undefined;
  errorsOnly: boolean;
  search: string;
}

/** The table of the loaded file. */
export class TableView {
  private data: Classified | undefined;
  private errorAt = new Map<number, string>();
  private order = new Int32Array(0);
  private sort: { key: SortKey; descending: boolean } = { key: 'record', descending: false };
  private selected = -1;
  private drawn = '';
  private frame = 0;
  by: string | undefined;
  filters: Filters = { category: '', group: undefined, errorsOnly: false, search: '' };

  constructor(
    private lang: Lang,
    private readonly onSelect: (index: number) => void,
  ) {
    const viewport = byId('viewport');
    viewport.addEventListener('scroll', () => this.schedule());
    window.addEventListener('resize', () => this.schedule());
  }

  /** Shows a file. */
  show(data: Classified, by: string | undefined): void {
    this.data = data;
    this.by = by;
    this.selected = -1;
    this.errorAt = new Map(data.errors.map((e) => [e.index, e.error.code]));
    this.filters = { category: '', group: undefined, errorsOnly: false, search: '' };
    this.refresh();
  }

  /** Redraws in a language. */
  setLang(lang: Lang): void {
    this.lang = lang;
    if (this.data) this.refresh(false);
  }

  /** Groups by another column. */
  setGroup(by: string | undefined): void {
    this.by = by;
    this.filters.group = undefined;
    if (this.data) this.refresh();
  }

  /** Marks a row as the one explained. */
  select(index: number): void {
    this.selected = index;
    this.drawn = '';
    this.draw();
  }

  /** Applies the filters and the sort again, and draws. */
  refresh(reorder = true): void {
    if (reorder) this.reorder();
    this.header();
    this.drawn = '';
    this.draw();
  }

  private groupValues(): string[] | undefined {
    return this.by === undefined ? undefined : this.data?.attributes[this.by];
  }

  private reorder(): void {
    const d = this.data!;
    const f = this.filters;
    const groups = this.groupValues();
    const wanted = f.category === '' ? -1 : f.category === 'error' ? ERROR_CODE : categoryCodes.indexOf(f.category as (typeof categoryCodes)[number]);
    const search = f.search.trim().toLowerCase();
    const picked: number[] = [];
    for (let i = 0; i < d.rows; i++) {
      if (wanted >= 0 && d.category[i] !== wanted) continue;
      if (f.errorsOnly && d.category[i] !== ERROR_CODE) continue;
      if (f.group !== undefined && groups && groups[i] !== f.group) continue;
      if (search !== '' && !d.ids[i]!.toLowerCase().includes(search)) continue;
      picked.push(i);
    }
    const { key, descending } = this.sort;
    const sign = descending ? -1 : 1;
    const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const compare: (a: number, b: number) => number =
      key === 'record'
        ? (a, b) => d.records[a]! - d.records[b]!
        : key === 'id'
          ? (a, b) => text(d.ids[a]!, d.ids[b]!)
          : key === 'category'
            ? (a, b) => d.category[a]! - d.category[b]!
            : key === 'count'
              ? (a, b) => (d.category[a] === ERROR_CODE ? 99 : d.deprivationCount[a]!) - (d.category[b] === ERROR_CODE ? 99 : d.deprivationCount[b]!)
              : key === 'escaped'
                ? (a, b) => d.newlyEscaped[a]! - d.newlyEscaped[b]!
                : key === 'group'
                  ? (a, b) => text(groups?.[a] ?? '', groups?.[b] ?? '')
                  : (a, b) => text(this.errorAt.get(a) ?? '', this.errorAt.get(b) ?? '');
    // Rows come in file order: sorted by record already.
    if (key !== 'record' || descending) picked.sort((a, b) => sign * compare(a, b) || a - b);
    this.order = Int32Array.from(picked);
    const s = strings[this.lang];
    fill(byId('shown'), s.shown(this.order.length, d.rows));
    byId('viewport').scrollTop = 0;
  }

  private columns(): { key: SortKey; label: string }[] {
    const s = strings[this.lang];
    const columns: { key: SortKey; label: string }[] = [
      { key: 'record', label: s.colRecord },
      { key: 'id', label: s.colId },
      { key: 'category', label: s.colCategory },
      { key: 'count', label: s.colCount },
      { key: 'escaped', label: s.colEscaped },
    ];
    if (this.by !== undefined) columns.push({ key: 'group', label: this.by });
    columns.push({ key: 'error', label: s.colError });
    return columns;
  }

  private header(): void {
    const s = strings[this.lang];
    const cells = this.columns().map(({ key, label }) => {
      const sorted = this.sort.key === key;
      const button = h('button', { type: 'button', title: s.sortBy(label) }, label, sorted ? (this.sort.descending ? ' ▼' : ' ▲') : '');
      button.addEventListener('click', () => {
        this.sort = { key, descending: sorted ? !this.sort.descending : false };
        this.refresh();
      });
      return h('th', { scope: 'col', 'aria-sort': sorted ? (this.sort.descending ? 'descending' : 'ascending') : 'none' }, button);
    });
    fill(byId('rows-head'), ...cells);
  }

  private schedule(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    const d = this.data;
    if (!d) return;
    const viewport = byId('viewport');
    const n = this.order.length;
    const first = Math.max(0, Math.floor(viewport.scrollTop / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(n, first + Math.ceil(viewport.clientHeight / ROW_HEIGHT) + 2 * OVERSCAN);
    const key = `${first}:${last}:${n}`;
    if (key === this.drawn) return;
    this.drawn = key;
    const s = strings[this.lang];
    const labels = categoryLabels[this.lang];
    const groups = this.groupValues();
    const width = this.columns().length;
    const rows: HTMLElement[] = [];
    if (first > 0) rows.push(h('tr', { 'aria-hidden': 'true' }, h('td', { colspan: width, style: `height:${first * ROW_HEIGHT}px;padding:0;border:0` })));
    for (let k = first; k < last; k++) {
      const i = this.order[k]!;
      const code = d.category[i]!;
      const isError = code === ERROR_CODE;
      const category = isError ? undefined : categoryCodes[code]!;
      const id = d.ids[i]!;
      const open = h('button', { type: 'button', class: 'link', 'aria-label': s.openTrace(id || String(d.records[i])), 'data-index': i }, id || '—');
      open.addEventListener('click', () => this.onSelect(i));
      const cells = [
        h('td', {}, String(d.records[i])),
        h('td', {}, open),
        h('td', { class: isError ? 'cat-error' : `cat-${category}` }, isError ? s.colError : labels[category!]),
        h('td', {}, isError ? '' : String(d.deprivationCount[i])),
        h('td', {}, isError ? '' : d.newlyEscaped[i] ? s.yes : s.no),
      ];
      if (this.by !== undefined) cells.push(h('td', {}, groups?.[i] ?? ''));
      cells.push(h('td', {}, this.errorAt.get(i) ?? ''));
      rows.push(h('tr', { class: i === this.selected ? 'selected' : undefined, 'data-row': i }, ...cells));
    }
    if (last < n) rows.push(h('tr', { 'aria-hidden': 'true' }, h('td', { colspan: width, style: `height:${(n - last) * ROW_HEIGHT}px;padding:0;border:0` })));
    fill(byId('rows-body'), ...rows);
  }
}
