/**
 * Decree 351/2025/NĐ-CP: the multidimensional poverty standard for 2027-2030. The lines and the
 * rule are confirmed; the indicators' names come from the draft and officials' statements, and
 * every threshold is unconfirmed (the Decree 07/2021 thresholds are carried where the draft says
 * they are inherited). No average-living-standard band is known for this period.
 *
 * @module
 */
import type { StandardInput } from './schema.js';
import { nd07_2021 } from './nd07-2021.js';
import { wasteTreatmentDerivation } from './derivations.js';

const ND351 = 'Decree 351/2025/NĐ-CP';
const INHERITED = 'name from the draft and officials\u2019 statements; threshold unconfirmed, carried from Decree 07/2021/NĐ-CP where the draft says it is inherited';

const inherited = (id: string, dimension: string): StandardInput['indicators'][number] => {
  const base = nd07_2021.indicators.find((indicator) => indicator.id === id);
  if (!base) throw new Error(`nd07-2021 has no indicator ${id}`);
  const derivation = base.derivation ? { ...base.derivation, reference: ND351, confirmed: false, note: `${INHERITED}${base.derivation.note ? `; ${base.derivation.note}` : ''}` } : undefined;
  return { id, dimension, label: base.label, deprivedWhen: base.deprivedWhen, reference: ND351, confirmed: false, note: INHERITED, ...(derivation ? { derivation } : {}) };
};

/** Decree 351/2025/NĐ-CP as data. */
export const nd351_2025: StandardInput = {
  id: 'nd351-2025',
  name: {
    vi: 'Chuẩn nghèo đa chiều quốc gia giai đoạn 2026-2030 (Nghị định 351/2025/NĐ-CP)',
    en: 'National multidimensional poverty standard 2026-2030 (Decree 351/2025/NĐ-CP)',
  },
  scope: 'national',
  effective: { from: '2027-01-01', to: '2030-12-31' },
  legalBasis: [
    { title: 'Decree 351/2025/NĐ-CP', issuedOn: '2025-12-30', role: 'sets the standard; applies from 2027 (2026 keeps Decree 07/2021/NĐ-CP)', confirmed: true },
  ],
  incomePeriod: 'month',
  rule: {
    kind: 'single-line',
    lines: {
      rural: { value: 2_200_000, reference: ND351, confirmed: true },
      urban: { value: 2_800_000, reference: ND351, confirmed: true, note: 'urban is "đô thị" (replacing "thành thị"): where the household resides under the Law on Residence' },
    },
    minDeprivations: {
      value: 3,
      reference: ND351,
      confirmed: true,
      note: 'poor: income at most the line AND deprived in 3 or more indicators; near-poor: income at most the line AND fewer than 3',
    },
  },
  averageBand: {
    status: 'not-defined',
    reference: ND351,
    confirmed: false,
    note: 'no average-living-standard band for 2027-2030 has been found; households above the line are reported as "none"',
  },
  newlyEscapedWindow: {
    value: 36,
    reference: 'Decision 90/QĐ-TTg of 18/01/2022 (beneficiary group "hộ mới thoát nghèo")',
    confirmed: false,
    note: 'carried from the 2021-2025 programme; unconfirmed for 2027-2030',
  },
  dimensions: [
    { id: 'employment', label: { vi: 'Việc làm', en: 'Employment' } },
    { id: 'health', label: { vi: 'Y tế', en: 'Health' } },
    { id: 'education', label: { vi: 'Giáo dục', en: 'Education' } },
    { id: 'housing', label: { vi: 'Nhà ở', en: 'Housing' } },
    { id: 'waterSanitationEnvironment', label: { vi: 'Nước sinh hoạt, vệ sinh và môi trường', en: 'Water, sanitation and environment' } },
    { id: 'information', label: { vi: 'Thông tin', en: 'Information' } },
  ],
  indicators: [
    inherited('employment', 'employment'),
    inherited('dependants', 'employment'),
    inherited('nutrition', 'health'),
    inherited('healthInsurance', 'health'),
    inherited('adultEducation', 'education'),
    inherited('childSchoolAttendance', 'education'),
    inherited('housingQuality', 'housing'),
    inherited('housingArea', 'housing'),
    inherited('domesticWater', 'waterSanitationEnvironment'),
    inherited('hygienicLatrine', 'waterSanitationEnvironment'),
    {
      id: 'wasteTreatment',
      dimension: 'waterSanitationEnvironment',
      label: { vi: 'Xử lý rác thải', en: 'Waste treatment' },
      deprivedWhen: { en: 'household waste is not collected or treated hygienically' },
      reference: ND351,
      confirmed: false,
      note: 'a new indicator; its name is from the draft and officials\u2019 statements, its threshold is unconfirmed',
      derivation: wasteTreatmentDerivation,
    },
    {
      id: 'telecomServices',
      dimension: 'information',
      label: { vi: 'Sử dụng dịch vụ viễn thông, dịch vụ số và internet', en: 'Use of telecommunication, digital and internet services' },
      deprivedWhen: { en: 'no member uses telecommunication, digital or internet services' },
      reference: ND351,
      confirmed: false,
      note: 'reoriented towards digital services; threshold unconfirmed',
      derivation: { rule: 'telecomServices', phoneSubscriptionCounts: false, reference: ND351, confirmed: false, note: 'derived as: no member uses the internet' },
    },
  ],
};
