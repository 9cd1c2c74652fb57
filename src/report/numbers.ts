/**
 * Numbers as a report's language writes them: `1,234.5` in English, `1.234,5` in Vietnamese (dots
 * group the thousands, a comma comes before the decimals). Text, Markdown and charts are written so;
 * CSV, JSON and workbooks keep numbers a program reads (`1234.5`).
 *
 * @module
 */
import type { Lang } from './labels.js';

/** How many decimal places to show: exactly `decimals`, or up to `maxDecimals` (trailing zeros dropped). */
export interface NumberStyle {
  /** Exactly this many decimal places (zeros added). */
  readonly decimals?: number | undefined;
  /** At most this many decimal places, trailing zeros dropped (default 6); ignored with `decimals`. */
  readonly maxDecimals?: number | undefined;
}

/**
 * A number as `lang` writes it, with its thousands grouped.
 *
 * Example:
 *
 *     formatNumber(1234567.5, 'en') //=> '1,234,567.5'
 *     formatNumber(1234567.5, 'vi') //=> '1.234.567,5'
 *     formatNumber(12.5, 'vi', { decimals: 2 }) //=> '12,50'
 */
export function formatNumber(value: number, lang: Lang, style: NumberStyle = {}): string {
  const digits = style.decimals !== undefined ? { minimumFractionDigits: style.decimals, maximumFractionDigits: style.decimals } : { maximumFractionDigits: style.maxDecimals ?? 6 };
  const english = value.toLocaleString('en-US', digits);
  return lang === 'en' ? english : english.replace(/[.,]/g, (mark) => (mark === ',' ? '.' : ','));
}
