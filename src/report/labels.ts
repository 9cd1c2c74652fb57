/**
 * Words of the reports in Vietnamese (the legal terms) and English.
 *
 * @module
 */
import type { Category } from '../rule.js';

/** Report languages. */
export type Lang = 'vi' | 'en';

/** Category names: the legal terms in Vietnamese. */
export const categoryLabels: Readonly<Record<Lang, Readonly<Record<Category | 'poor-or-near-poor', string>>>> = {
  vi: { poor: 'Hộ nghèo', 'near-poor': 'Hộ cận nghèo', 'poor-or-near-poor': 'Nghèo và cận nghèo', average: 'Hộ có mức sống trung bình', none: 'Hộ khác' },
  en: { poor: 'Poor', 'near-poor': 'Near-poor', 'poor-or-near-poor': 'Poor or near-poor', average: 'Average living standard', none: 'Other' },
};

/** Column and title words. */
export const words = {
  vi: {
    summaryTitle: 'Kết quả phân loại hộ',
    profileTitle: 'Hộ thiếu hụt theo chỉ số',
    group: 'Nhóm',
    total: 'Tổng',
    households: 'Số hộ',
    persons: 'Số khẩu',
    indicator: 'Chỉ số',
    dimension: 'Chiều',
    deprivedAll: 'Hộ thiếu hụt',
    deprivedPoor: 'Trong hộ nghèo',
    deprivedNearPoor: 'Trong hộ cận nghèo',
    invalid: 'Dòng không hợp lệ',
    rounding: (d: number) => `Tỷ lệ (%) làm tròn ${d} chữ số thập phân (làm tròn về số chẵn).`,
    standard: (id: string, date: string) => `Chuẩn ${id}, ngày rà soát ${date}.`,
  },
  en: {
    summaryTitle: 'Households by category',
    profileTitle: 'Households deprived, by indicator',
    group: 'Group',
    total: 'Total',
    households: 'Households',
    persons: 'Persons',
    indicator: 'Indicator',
    dimension: 'Dimension',
    deprivedAll: 'Deprived',
    deprivedPoor: 'Among poor',
    deprivedNearPoor: 'Among near-poor',
    invalid: 'Invalid rows',
    rounding: (d: number) => `Rates (%) rounded half to even to ${d} decimal place(s).`,
    standard: (id: string, date: string) => `Standard ${id}, review date ${date}.`,
  },
} as const;
