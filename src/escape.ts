/**
 * Escaping poverty between two reviews, and the "newly escaped" status.
 *
 * Escape: a household on the previous poor list that is no longer poor has escaped poverty; one on
 * the previous near-poor list that is now neither poor nor near-poor has escaped near-poverty
 * (Decision 24/2021/QĐ-TTg: the commune recognises both). A poor household that becomes near-poor
 * has left the poor list and counts as escaped in the movement tables.
 *
 * Newly escaped ("hộ mới thoát nghèo"), Decision 28/2015/QĐ-TTg as amended by Decision
 * 02/2021/QĐ-TTg, as quoted by a provincial labour department and a legal publisher: "hộ gia đình
 * đã từng là hộ nghèo, hộ cận nghèo, qua điều tra, rà soát hằng năm có thu nhập bình quân đầu người
 * cao hơn chuẩn cận nghèo theo quy định của pháp luật hiện hành, được UBND cấp xã xác nhận và thời
 * gian kể từ khi ra khỏi danh sách hộ nghèo, hộ cận nghèo tối đa là 3 năm". On a review date a
 * household is newly escaped when
 *   (1) it was on the poor or near-poor list;
 *   (2) its income per person is now above the near-poverty standard (Decision 59/2015/QĐ-TTg: the
 *       near-poverty line; Decrees 07/2021/NĐ-CP and 351/2025/NĐ-CP: the single line, since a
 *       near-poor household has income at most that line); and
 *   (3) at most 3 years have passed since it left the list.
 * So a poor household that becomes near-poor is not newly escaped.
 *
 * The window, day by day: a household that left the list on D is newly escaped through D plus the
 * standard's window (36 months = 3 years) on the calendar, that day included, and not the day
 * after. D plus 3 years is the same month and day three years later; 29 February becomes 28
 * February in a common year (date-fns `addMonths`, which `addYears` also applies: the day is
 * clamped to the last day of the target month). Left on 2024-02-29: newly escaped through
 * 2027-02-28; left on 2023-03-31: through 2026-03-31.
 *
 * @module
 */
import { addMonthsIso, type IsoDate } from './dates.js';
import type { Category } from './rule.js';

/** What the household escaped (the list it left), or `null`. */
export function escapedFrom(previous: 'poor' | 'near-poor', now: Category): 'poverty' | 'near-poverty' | null {
  if (previous === 'poor') return now === 'poor' ? null : 'poverty';
  return now === 'poor' || now === 'near-poor' ? null : 'near-poverty';
}

/**
 * Whether the income is above the near-poverty standard, read from the category. Exact for both
 * kinds of rule (src/rule.ts): under a two-tier standard a household is poor or near-poor exactly
 * when its income is at most the near-poverty line; under a single-line standard, exactly when its
 * income is at most the line. So income above that standard ⇔ category average or none.
 */
export function aboveNearPovertyStandard(now: Category): boolean {
  return now === 'average' || now === 'none';
}

/** The last day a household that left the list on `leftListOn` counts as newly escaped. */
export function newlyEscapedUntil(leftListOn: IsoDate, windowMonths: number): IsoDate {
  return addMonthsIso(leftListOn, windowMonths);
}

/**
 * Whether a household on the `previous` list, now in category `now`, which left the list on
 * `leftListOn`, is newly escaped on the review `date`: conditions (1) to (3) above.
 */
export function isNewlyEscaped(now: Category, leftListOn: IsoDate, date: IsoDate, windowMonths: number): boolean {
  return aboveNearPovertyStandard(now) && date <= newlyEscapedUntil(leftListOn, windowMonths);
}
