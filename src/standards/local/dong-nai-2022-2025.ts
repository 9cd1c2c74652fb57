/**
 * Đồng Nai province's local standard for 2022-2025: an example of a standard that differs from the
 * national one in its lines, its k and its band, expressed entirely as data.
 *
 * @module
 */
import type { StandardInput } from '../schema.js';
import { nd07_2021 } from '../nd07-2021.js';

const DONG_NAI = 'Đồng Nai Provincial People\u2019s Council/Committee, local multidimensional poverty standard 2022-2025';
const SECONDARY = 'confirmed in a secondary source (press report), not in the provincial text';

/** Đồng Nai 2022-2025 as data (national indicators, local lines and k = 2). */
export const dongNai_2022_2025: StandardInput = {
  id: 'dong-nai-2022-2025',
  name: { vi: 'Chuẩn nghèo đa chiều tỉnh Đồng Nai giai đoạn 2022-2025', en: 'Đồng Nai multidimensional poverty standard 2022-2025' },
  scope: 'local',
  jurisdiction: 'Đồng Nai',
  effective: { from: '2022-01-01', to: '2025-12-31' },
  legalBasis: [
    { title: DONG_NAI, role: 'sets a local standard above the national one', confirmed: true },
    { title: 'Decree 07/2021/NĐ-CP', issuedOn: '2021-01-27', role: 'national indicators, used unchanged', confirmed: true },
  ],
  incomePeriod: 'month',
  rule: {
    kind: 'single-line',
    lines: {
      rural: { value: 2_000_000, reference: DONG_NAI, confirmed: true, note: SECONDARY },
      urban: { value: 2_500_000, reference: DONG_NAI, confirmed: true, note: SECONDARY },
    },
    minDeprivations: { value: 2, reference: DONG_NAI, confirmed: true, note: SECONDARY },
  },
  averageBand: {
    status: 'defined',
    rural: {
      above: { value: 2_000_000, reference: DONG_NAI, confirmed: true, note: SECONDARY },
      atMost: { value: 3_000_000, reference: DONG_NAI, confirmed: true, note: SECONDARY },
    },
    urban: {
      above: { value: 2_500_000, reference: DONG_NAI, confirmed: true, note: SECONDARY },
      atMost: { value: 3_750_000, reference: DONG_NAI, confirmed: true, note: SECONDARY },
    },
  },
  newlyEscapedWindow: nd07_2021.newlyEscapedWindow,
  dimensions: nd07_2021.dimensions,
  indicators: nd07_2021.indicators,
};
