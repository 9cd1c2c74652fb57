/**
 * Decree 07/2021/NĐ-CP: the multidimensional poverty standard for 2022-2025, kept in force for
 * 2026 by Decree 351/2025/NĐ-CP and amended by Decree 30/2025/NĐ-CP (low-income workers).
 *
 * @module
 */
import type { StandardInput } from './schema.js';
import { nd07Derivations } from './derivations.js';

const ART3 = 'Decree 07/2021/NĐ-CP, Art. 3';
const CIRCULAR07 = 'Circular 07/2021/TT-BLĐTBXH, Art. 1 (amended by Circular 02/2022/TT-BLĐTBXH; consolidated text 1315/VBHN-BLĐTBXH)';
const ART3_INDICATORS = 'Decree 07/2021/NĐ-CP, Art. 3(1)(b) (indicators of deprivation of basic social services)';
const ART3_INCOME = 'Decree 07/2021/NĐ-CP, Art. 3(1)(a)';

/** Decree 07/2021/NĐ-CP as data. */
export const nd07_2021: StandardInput = {
  id: 'nd07-2021',
  name: {
    vi: 'Chuẩn nghèo đa chiều giai đoạn 2022-2025 (Nghị định 07/2021/NĐ-CP)',
    en: 'Multidimensional poverty standard 2022-2025 (Decree 07/2021/NĐ-CP)',
  },
  scope: 'national',
  effective: { from: '2022-01-01', to: '2026-12-31' },
  legalBasis: [
    { title: 'Decree 07/2021/NĐ-CP', issuedOn: '2021-01-27', effectiveFrom: '2021-03-15', role: 'sets the standard for 2022-2025', confirmed: true },
    { title: 'Decree 30/2025/NĐ-CP', effectiveFrom: '2025-02-24', role: 'amends it: low-income worker line', confirmed: true },
    { title: 'Decree 351/2025/NĐ-CP', issuedOn: '2025-12-30', role: 'keeps it in force for 2026', confirmed: true },
    { title: 'Circular 07/2021/TT-BLĐTBXH', issuedOn: '2021-07-18', role: 'review method: scores A and B', confirmed: true },
  ],
  incomePeriod: 'month',
  rule: {
    kind: 'single-line',
    lines: {
      rural: { value: 1_500_000, reference: ART3_INCOME, confirmed: true },
      urban: { value: 2_000_000, reference: ART3_INCOME, confirmed: true },
    },
    minDeprivations: {
      value: 3,
      reference: ART3,
      confirmed: true,
      note: 'poor: income at most the line AND deprived in 3 or more indicators; near-poor: income at most the line AND fewer than 3',
    },
  },
  averageBand: {
    status: 'defined',
    rural: {
      above: { value: 1_500_000, reference: ART3, confirmed: true },
      atMost: { value: 2_250_000, reference: ART3, confirmed: true },
    },
    urban: {
      above: { value: 2_000_000, reference: ART3, confirmed: true },
      atMost: { value: 3_000_000, reference: ART3, confirmed: true },
    },
  },
  lowIncomeWorker: {
    effectiveFrom: '2025-02-24',
    lines: {
      rural: { value: 2_250_000, reference: 'Decree 30/2025/NĐ-CP (amending Decree 07/2021/NĐ-CP)', confirmed: true },
      urban: { value: 3_000_000, reference: 'Decree 30/2025/NĐ-CP (amending Decree 07/2021/NĐ-CP)', confirmed: true },
    },
    note: 'a worker of a household that is neither poor nor near-poor; whether "worker" means of working age or employed is unconfirmed',
  },
  reviewScores: {
    scoreACutoffs: {
      rural: { value: 140, equivalentIncome: 1_500_000, reference: CIRCULAR07, confirmed: true, note: '140 points correspond to 1,500,000 đồng per person per month' },
      urban: { value: 175, equivalentIncome: 2_000_000, reference: CIRCULAR07, confirmed: true, note: '175 points correspond to 2,000,000 đồng per person per month' },
    },
    pointsPerIndicator: { value: 10, reference: CIRCULAR07, confirmed: true },
    scoreBPoorFrom: { value: 30, reference: CIRCULAR07, confirmed: true, note: 'poor: score A at most the cut-off and score B of 30 or more; near-poor: score B below 30' },
  },
  newlyEscapedWindow: {
    value: 36,
    reference: 'Decision 90/QĐ-TTg of 18/01/2022 (National Target Programme, beneficiary group "hộ mới thoát nghèo")',
    confirmed: false,
    note: 'the group is confirmed; the 36-month window from the date of recognition is not',
  },
  dimensions: [
    { id: 'employment', label: { vi: 'Việc làm', en: 'Employment' } },
    { id: 'health', label: { vi: 'Y tế', en: 'Health' } },
    { id: 'education', label: { vi: 'Giáo dục', en: 'Education' } },
    { id: 'housing', label: { vi: 'Nhà ở', en: 'Housing' } },
    { id: 'waterSanitation', label: { vi: 'Nước sinh hoạt và vệ sinh', en: 'Water and sanitation' } },
    { id: 'information', label: { vi: 'Thông tin', en: 'Information' } },
  ],
  indicators: withDerivations([
    {
      id: 'employment',
      dimension: 'employment',
      label: { vi: 'Việc làm', en: 'Employment' },
      deprivedWhen: { en: 'at least one member of working age, able and wanting to work, has no job or works without a labour contract' },
      reference: ART3_INDICATORS,
      confirmed: true,
      note: 'the core rule is confirmed; the qualifier "wage work" and the working-age bounds (15 to the statutory retirement age, Labour Code 2019 and Decree 135/2020) are unconfirmed',
    },
    {
      id: 'dependants',
      dimension: 'employment',
      label: { vi: 'Người phụ thuộc trong hộ gia đình', en: 'Dependants in the household' },
      deprivedWhen: { en: 'dependants are more than 50 % of household members' },
      reference: ART3_INDICATORS,
      confirmed: true,
      note: 'who counts as a dependant is unconfirmed (a 2026-2030 draft: children under 16, elderly or disabled people receiving a monthly social allowance)',
    },
    {
      id: 'nutrition',
      dimension: 'health',
      label: { vi: 'Dinh dưỡng', en: 'Nutrition' },
      deprivedWhen: { en: 'at least one child under 16 is stunted (height-for-age) or underweight (weight-for-age)' },
      reference: ART3_INDICATORS,
      confirmed: true,
    },
    {
      id: 'healthInsurance',
      dimension: 'health',
      label: { vi: 'Bảo hiểm y tế', en: 'Health insurance' },
      deprivedWhen: { en: 'at least one member aged 6 or more has no health insurance' },
      reference: ART3_INDICATORS,
      confirmed: true,
    },
    {
      id: 'adultEducation',
      dimension: 'education',
      label: { vi: 'Trình độ giáo dục của người lớn', en: 'Adult education' },
      deprivedWhen: { en: 'at least one member aged 16 to 30 is neither in training nor holds the qualification for their age' },
      reference: ART3_INDICATORS,
      confirmed: true,
      note: 'the age rule is unconfirmed: 16 to under 18, lower-secondary diploma or studying; 18 to 30, upper-secondary or vocational qualification or studying',
    },
    {
      id: 'childSchoolAttendance',
      dimension: 'education',
      label: { vi: 'Tình trạng đi học của trẻ em', en: 'Child school attendance' },
      deprivedWhen: { en: 'at least one child aged 3 to under 16 is not at the school level right for their age' },
      reference: ART3_INDICATORS,
      confirmed: true,
    },
    {
      id: 'housingQuality',
      dimension: 'housing',
      label: { vi: 'Chất lượng nhà ở', en: 'Housing quality' },
      deprivedWhen: { en: 'the household lives in a non-durable dwelling' },
      reference: ART3_INDICATORS,
      confirmed: true,
      note: 'the definition of non-durable is unconfirmed: at least 2 of the 3 main structures (walls or columns, roof, floor or foundation) of non-durable material, or no house',
    },
    {
      id: 'housingArea',
      dimension: 'housing',
      label: { vi: 'Diện tích nhà ở bình quân đầu người', en: 'Floor area per person' },
      deprivedWhen: { en: 'floor area per person is less than 8 m²' },
      reference: ART3_INDICATORS,
      confirmed: true,
    },
    {
      id: 'domesticWater',
      dimension: 'waterSanitation',
      label: { vi: 'Nguồn nước sinh hoạt', en: 'Domestic water' },
      deprivedWhen: { en: 'no access to a safe domestic water source' },
      reference: ART3_INDICATORS,
      confirmed: true,
      note: 'the qualifying sources are unconfirmed (piped, drilled well, protected dug well or spring, rainwater, bottled)',
    },
    {
      id: 'hygienicLatrine',
      dimension: 'waterSanitation',
      label: { vi: 'Nhà tiêu hợp vệ sinh', en: 'Hygienic latrine' },
      deprivedWhen: { en: 'the household does not use a hygienic latrine' },
      reference: ART3_INDICATORS,
      confirmed: true,
      note: 'the qualifying latrine types are unconfirmed (septic, semi-septic, pour-flush, ventilated pit, double-vault, ecological)',
    },
    {
      id: 'telecomServices',
      dimension: 'information',
      label: { vi: 'Sử dụng dịch vụ viễn thông', en: 'Use of telecommunication services' },
      deprivedWhen: { en: 'no member uses internet services' },
      reference: ART3_INDICATORS,
      confirmed: true,
    },
    {
      id: 'informationMeans',
      dimension: 'information',
      label: { vi: 'Phương tiện phục vụ tiếp cận thông tin', en: 'Means of access to information' },
      deprivedWhen: { en: 'owns none of TV, radio, computer, smartphone … and cannot hear the commune or village loudspeakers' },
      reference: ART3_INDICATORS,
      confirmed: false,
      note: 'the threshold is unconfirmed; the list of qualifying devices is not known in full',
    },
  ]),
};

function withDerivations(indicators: StandardInput['indicators']): StandardInput['indicators'] {
  return indicators.map((indicator) => {
    const derivation = (nd07Derivations as Record<string, NonNullable<StandardInput['indicators'][number]['derivation']>>)[indicator.id];
    return derivation ? { ...indicator, derivation } : indicator;
  });
}
