/**
 * One household entered by hand: area, members, income in any of its three forms, and the
 * standard's indicators as checkboxes under their legal names.
 *
 * @module
 */
import { incomeFields } from '../../src/income.js';
import type { Lang } from '../../src/report/labels.js';
import type { Standard } from '../../src/standards/schema.js';
import { byId, fill, h } from './dom.js';
import { strings } from './strings.js';

/** Draws the form's parts that depend on the language and the standard (what was ticked stays ticked). */
export function drawForm(standard: Standard | undefined, lang: Lang): void {
  const s = strings[lang];
  const kind = byId('one-income-kind');
  const chosen = (kind.querySelector('input:checked') as HTMLInputElement | null)?.value ?? 'incomeMonthlyTotal';
  fill(
    kind,
    h('legend', {}, s.incomeKind),
    ...incomeFields.map((field) =>
      h('p', { class: 'radio' }, h('input', { type: 'radio', name: 'incomeField', id: `one-${field}`, value: field, checked: field === chosen }), ' ', h('label', { for: `one-${field}` }, s.incomeFields[field] ?? field)),
    ),
  );
  const list = byId('one-indicator-list');
  const ticked = new Set([...list.querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value));
  if (standard === undefined) {
    fill(list);
    return;
  }
  const groups = standard.dimensions.map((dimension) => {
    const items = standard.indicators
      .filter((i) => i.dimension === dimension.id)
      .map((i) => {
        const label = (lang === 'vi' ? i.label.vi : undefined) ?? i.label.en;
        return h('p', {}, h('input', { type: 'checkbox', id: `ind-${i.id}`, value: i.id, checked: ticked.has(i.id) }), ' ', h('label', { for: `ind-${i.id}`, title: i.id }, label));
      });
    const name = (lang === 'vi' ? dimension.label.vi : undefined) ?? dimension.label.en;
    return h('div', { role: 'group', 'aria-label': name }, h('strong', {}, name), ...items);
  });
  fill(list, ...groups);
}

/** The household the form describes, as the library reads one. */
export function formHousehold(): Record<string, unknown> {
  const value = (id: string) => byId<HTMLInputElement>(id).value.trim();
  const household: Record<string, unknown> = {};
  if (value('one-id') !== '') household.id = value('one-id');
  household.area = value('one-area');
  const size = value('one-size');
  household.size = /^\d+$/.test(size) ? Number(size) : size;
  const field = (byId('one-income-kind').querySelector('input:checked') as HTMLInputElement | null)?.value ?? 'incomeMonthlyTotal';
  // The amount as written (digits, with a dot for decimals): the library reads it exactly.
  household[field] = value('one-income').replace(/[\s.,](?=\d{3}(\D|$))/g, '');
  household.deprived = [...byId('one-indicator-list').querySelectorAll<HTMLInputElement>('input:checked')].map((i) => i.value);
  if (value('one-previous') !== '') household.previousCategory = value('one-previous');
  if (value('one-previous-on') !== '') household.previousRecognizedOn = value('one-previous-on');
  return household;
}
