/**
 * A household's explanation, step by step: what each rule compared, under which article, and
 * which steps rest on a parameter the law has not been confirmed to contain.
 *
 * @module
 */
import type { ErrorDetail } from '../../src/errors.js';
import { formatPath } from '../../src/errors.js';
import { categoryLabels, type Lang } from '../../src/report/labels.js';
import { byId, fill, h } from './dom.js';
import type { Explained } from './protocol.js';
import { strings } from './strings.js';

/** An error with its code, where it is, and its message. */
export function errorLine(error: ErrorDetail): HTMLElement {
  const where = error.path.length ? ` (${formatPath(error.path)})` : '';
  return h('p', { class: 'error-line' }, h('code', {}, error.code), where, ': ', error.message);
}

/** Shows an explanation (or clears the panel with `undefined`). */
export function showTrace(explained: Explained | undefined, label: string, lang: Lang): void {
  const s = strings[lang];
  const panel = byId('trace');
  if (explained === undefined) {
    fill(panel, h('p', {}, s.traceHint));
    return;
  }
  const parts: HTMLElement[] = [h('h3', {}, s.traceOf(label))];
  if ('error' in explained && explained.error) parts.push(h('div', { class: 'error-box', role: 'alert' }, h('strong', {}, s.rowError), errorLine(explained.error)));
  if ('classification' in explained) {
    const c = explained.classification;
    parts.push(h('p', { class: `cat-${c.category}`, 'data-testid': 'trace-result' }, s.traceResult(categoryLabels[lang][c.category], c.deprivationCount)));
    const steps = c.trace.map((step) =>
      h(
        'li',
        { 'data-step': step.step },
        h('strong', {}, s.steps[step.step] ?? step.step),
        step.confirmed ? '' : h('span', { class: 'badge', title: s.unconfirmedNote }, s.unconfirmed),
        h('br'),
        step.text,
        h('span', { class: 'ref' }, `${s.reference}: ${step.reference}`),
        step.note ? h('span', { class: 'ref' }, step.note) : '',
      ),
    );
    parts.push(h('ol', {}, ...steps));
  }
  fill(panel, ...parts);
}
