/**
 * Decision 59/2015/QĐ-TTg: the multidimensional poverty standard for 2016-2020, kept for 2021 by
 * Decree 07/2021/NĐ-CP, Art. 2. Two income lines (poverty and near-poverty) and 10 indicators.
 *
 * @module
 */
import type { StandardInput } from './schema.js';
import { qd59Derivations } from './derivations.js';

const QD59 = 'Decision 59/2015/QĐ-TTg';
const INDICATOR_NOTE = 'the indicator name is confirmed; its threshold is unconfirmed';

/** Decision 59/2015/QĐ-TTg as data. */
export const qd59_2015: StandardInput = {
  id: 'qd59-2015',
  name: {
    vi: 'Chuẩn nghèo tiếp cận đa chiều giai đoạn 2016-2020 (Quyết định 59/2015/QĐ-TTg)',
    en: 'Multidimensional poverty standard 2016-2020 (Decision 59/2015/QĐ-TTg)',
  },
  scope: 'national',
  effective: { from: '2016-01-01', to: '2021-12-31' },
  legalBasis: [
    { title: 'Decision 59/2015/QĐ-TTg', issuedOn: '2015-11-19', effectiveFrom: '2016-01-05', role: 'sets the standard for 2016-2020', confirmed: true },
    { title: 'Decree 07/2021/NĐ-CP, Art. 2', issuedOn: '2021-01-27', role: 'keeps it in force for 2021', confirmed: true },
  ],
  incomePeriod: 'month',
  rule: {
    kind: 'two-tier',
    povertyLines: {
      rural: { value: 700_000, reference: QD59, confirmed: true },
      urban: { value: 900_000, reference: QD59, confirmed: true },
    },
    nearPovertyLines: {
      rural: { value: 1_000_000, reference: QD59, confirmed: true },
      urban: { value: 1_300_000, reference: QD59, confirmed: true },
    },
    minDeprivations: {
      value: 3,
      reference: QD59,
      confirmed: true,
      note: 'poor: income at most the poverty line, or above it and at most the near-poverty line with 3 or more deprivations; near-poor: that middle band with fewer than 3',
    },
  },
  averageBand: {
    status: 'defined',
    rural: {
      above: { value: 1_000_000, reference: QD59, confirmed: false, note: 'the figure is confirmed; whether the bound is exclusive is not' },
      atMost: { value: 1_500_000, reference: QD59, confirmed: false, note: 'the figure is confirmed; whether the bound is inclusive is not' },
    },
    urban: {
      above: { value: 1_300_000, reference: QD59, confirmed: false, note: 'the figure is confirmed; whether the bound is exclusive is not' },
      atMost: { value: 1_950_000, reference: QD59, confirmed: false, note: 'the figure is confirmed; whether the bound is inclusive is not' },
    },
  },
  newlyEscapedWindow: {
    value: 36,
    reference: 'Decision 90/QĐ-TTg of 18/01/2022 (beneficiary group "hộ mới thoát nghèo")',
    confirmed: false,
    note: 'the 36-month window is unconfirmed, and was set for the 2021-2025 programme, not this standard',
  },
  dimensions: [
    { id: 'health', label: { vi: 'Y tế', en: 'Health' } },
    { id: 'education', label: { vi: 'Giáo dục', en: 'Education' } },
    { id: 'housing', label: { vi: 'Nhà ở', en: 'Housing' } },
    { id: 'waterSanitation', label: { vi: 'Nước sạch và vệ sinh', en: 'Water and sanitation' } },
    { id: 'information', label: { vi: 'Thông tin', en: 'Information' } },
  ],
  indicators: withDerivations([
    {
      id: 'healthcareAccess',
      dimension: 'health',
      label: { vi: 'Tiếp cận các dịch vụ y tế', en: 'Access to healthcare' },
      deprivedWhen: { en: 'a member was ill (bedridden, needed care, stopped normal activity) and got no examination or treatment' },
      reference: QD59,
      confirmed: false,
      note: INDICATOR_NOTE,
    },
    {
      id: 'healthInsurance',
      dimension: 'health',
      label: { vi: 'Bảo hiểm y tế', en: 'Health insurance' },
      deprivedWhen: { en: 'at least one member aged 6 or more has no health insurance' },
      reference: QD59,
      confirmed: false,
      note: INDICATOR_NOTE,
    },
    {
      id: 'adultEducation',
      dimension: 'education',
      label: { vi: 'Trình độ giáo dục của người lớn', en: 'Adult education' },
      deprivedWhen: { en: 'at least one member aged 15 or more, born in 1986 or later, has no lower-secondary diploma and is not in school' },
      reference: QD59,
      confirmed: false,
      note: INDICATOR_NOTE,
    },
    {
      id: 'childSchoolAttendance',
      dimension: 'education',
      label: { vi: 'Tình trạng đi học của trẻ em', en: 'Child school attendance' },
      deprivedWhen: { en: 'at least one child aged 5 to under 15 is not in school' },
      reference: QD59,
      confirmed: false,
      note: INDICATOR_NOTE,
    },
    {
      id: 'housingQuality',
      dimension: 'housing',
      label: { vi: 'Chất lượng nhà ở', en: 'Housing quality' },
      deprivedWhen: { en: 'the household lives in a non-durable or makeshift dwelling' },
      reference: QD59,
      confirmed: false,
      note: INDICATOR_NOTE,
    },
    {
      id: 'housingArea',
      dimension: 'housing',
      label: { vi: 'Diện tích nhà ở bình quân đầu người', en: 'Floor area per person' },
      deprivedWhen: { en: 'floor area per person is less than 8 m²' },
      reference: QD59,
      confirmed: false,
      note: INDICATOR_NOTE,
    },
    {
      id: 'domesticWater',
      dimension: 'waterSanitation',
      label: { vi: 'Nguồn nước sinh hoạt', en: 'Domestic water' },
      deprivedWhen: { en: 'no hygienic water source' },
      reference: QD59,
      confirmed: false,
      note: INDICATOR_NOTE,
    },
    {
      id: 'hygienicLatrine',
      dimension: 'waterSanitation',
      label: { vi: 'Hố xí/nhà tiêu hợp vệ sinh', en: 'Hygienic latrine' },
      deprivedWhen: { en: 'no hygienic latrine' },
      reference: QD59,
      confirmed: false,
      note: INDICATOR_NOTE,
    },
    {
      id: 'telecomServices',
      dimension: 'information',
      label: { vi: 'Sử dụng dịch vụ viễn thông', en: 'Use of telecommunication services' },
      deprivedWhen: { en: 'no member uses a telephone subscription or the internet' },
      reference: QD59,
      confirmed: false,
      note: INDICATOR_NOTE,
    },
    {
      id: 'informationMeans',
      dimension: 'information',
      label: { vi: 'Tài sản phục vụ tiếp cận thông tin', en: 'Assets for access to information' },
      deprivedWhen: { en: 'owns none of TV, radio, computer, and cannot hear the commune loudspeakers' },
      reference: QD59,
      confirmed: false,
      note: INDICATOR_NOTE,
    },
  ]),
};

function withDerivations(indicators: StandardInput['indicators']): StandardInput['indicators'] {
  return indicators.map((indicator) => {
    const derivation = (qd59Derivations as Record<string, NonNullable<StandardInput['indicators'][number]['derivation']>>)[indicator.id];
    return derivation ? { ...indicator, derivation } : indicator;
  });
}
