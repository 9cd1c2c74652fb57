/**
 * The enumerations of a household survey record: stable ids (used in JSON and CSV) with
 * Vietnamese and English labels. Which values qualify (durable, safe, hygienic …) is not decided
 * here: that is each standard's data, because the law's lists are partly unconfirmed.
 *
 * @module
 */

/** An enumeration: ids in order, each with its labels. */
export type Enumeration<T extends string> = Readonly<Record<T, { readonly vi: string; readonly en: string }>>;

const ids = <T extends string>(e: Enumeration<T>) => Object.keys(e) as [T, ...T[]];

/** Materials of the walls (or columns) of a dwelling, with their labels. */
export const wallMaterials = {
  concrete: { vi: 'Bê tông cốt thép', en: 'Reinforced concrete' },
  brick: { vi: 'Gạch, đá', en: 'Brick or stone' },
  durableWood: { vi: 'Gỗ bền chắc', en: 'Durable wood' },
  metalSheet: { vi: 'Tôn, kim loại', en: 'Metal sheet' },
  bambooOrPoorWood: { vi: 'Tre, nứa, gỗ tạp', en: 'Bamboo or poor-quality wood' },
  earth: { vi: 'Đất, vách đất', en: 'Earth' },
  leavesOrStraw: { vi: 'Lá, rơm rạ', en: 'Leaves or straw' },
  plasticOrCanvas: { vi: 'Bạt, nhựa, giấy', en: 'Plastic, canvas or cardboard' },
  other: { vi: 'Khác', en: 'Other' },
} as const satisfies Enumeration<string>;
/** An id of {@link wallMaterials}. */
export type WallMaterial = keyof typeof wallMaterials;

/** Materials of a dwelling's roof, with their labels. */
export const roofMaterials = {
  concrete: { vi: 'Bê tông cốt thép', en: 'Reinforced concrete' },
  tile: { vi: 'Ngói', en: 'Tile' },
  metalSheet: { vi: 'Tôn, kim loại', en: 'Metal sheet' },
  fibreCement: { vi: 'Fibro xi măng', en: 'Fibre cement' },
  leavesOrStraw: { vi: 'Lá, rơm rạ', en: 'Leaves or straw' },
  plasticOrCanvas: { vi: 'Bạt, nhựa, giấy', en: 'Plastic, canvas or cardboard' },
  other: { vi: 'Khác', en: 'Other' },
} as const satisfies Enumeration<string>;
/** An id of {@link roofMaterials}. */
export type RoofMaterial = keyof typeof roofMaterials;

/** Materials of a dwelling's floor, with their labels. */
export const floorMaterials = {
  concrete: { vi: 'Bê tông, xi măng', en: 'Concrete or cement' },
  tile: { vi: 'Gạch men, gạch lát', en: 'Ceramic or brick tiles' },
  durableWood: { vi: 'Gỗ bền chắc', en: 'Durable wood' },
  bambooOrPoorWood: { vi: 'Tre, nứa, gỗ tạp', en: 'Bamboo or poor-quality wood' },
  earth: { vi: 'Đất', en: 'Earth' },
  other: { vi: 'Khác', en: 'Other' },
} as const satisfies Enumeration<string>;
/** An id of {@link floorMaterials}. */
export type FloorMaterial = keyof typeof floorMaterials;

/** Main sources of a household's domestic water, with their labels. */
export const waterSources = {
  piped: { vi: 'Nước máy', en: 'Piped water' },
  drilledWell: { vi: 'Giếng khoan', en: 'Drilled well' },
  protectedDugWell: { vi: 'Giếng đào được bảo vệ', en: 'Protected dug well' },
  unprotectedDugWell: { vi: 'Giếng đào không được bảo vệ', en: 'Unprotected dug well' },
  protectedSpring: { vi: 'Nước khe, mó được bảo vệ', en: 'Protected spring' },
  unprotectedSpring: { vi: 'Nước khe, mó không được bảo vệ', en: 'Unprotected spring' },
  rainwater: { vi: 'Nước mưa', en: 'Rainwater' },
  bottled: { vi: 'Nước đóng chai, bình', en: 'Bottled water' },
  tanker: { vi: 'Nước mua (xe bồn)', en: 'Tanker truck' },
  surfaceWater: { vi: 'Nước sông, suối, ao, hồ', en: 'Surface water' },
  other: { vi: 'Khác', en: 'Other' },
} as const satisfies Enumeration<string>;
/** An id of {@link waterSources}. */
export type WaterSource = keyof typeof waterSources;

/** Types of a household's latrine, with their labels. */
export const latrineTypes = {
  septic: { vi: 'Tự hoại', en: 'Septic tank' },
  semiSeptic: { vi: 'Bán tự hoại', en: 'Semi-septic' },
  pourFlush: { vi: 'Thấm dội nước', en: 'Pour-flush' },
  ventilatedPit: { vi: 'Chìm có ống thông hơi', en: 'Ventilated pit' },
  doubleVault: { vi: 'Hai ngăn', en: 'Double-vault' },
  ecological: { vi: 'Sinh thái', en: 'Ecological' },
  simplePit: { vi: 'Hố xí đào đơn giản', en: 'Simple pit' },
  overWater: { vi: 'Cầu tõm, trên ao', en: 'Over water (hanging)' },
  none: { vi: 'Không có nhà tiêu', en: 'No latrine' },
  other: { vi: 'Khác', en: 'Other' },
} as const satisfies Enumeration<string>;
/** An id of {@link latrineTypes}. */
export type LatrineType = keyof typeof latrineTypes;

/** Devices a household reaches information with, with their labels. */
export const informationDevices = {
  tv: { vi: 'Ti vi', en: 'Television' },
  radio: { vi: 'Đài, radio', en: 'Radio' },
  computer: { vi: 'Máy tính', en: 'Computer' },
  smartphone: { vi: 'Điện thoại thông minh', en: 'Smartphone' },
  featurePhone: { vi: 'Điện thoại thường', en: 'Basic mobile phone' },
  tablet: { vi: 'Máy tính bảng', en: 'Tablet' },
} as const satisfies Enumeration<string>;
/** An id of {@link informationDevices}. */
export type InformationDevice = keyof typeof informationDevices;

/** How a household's waste is handled (an indicator from 2027), with their labels. */
export const wasteHandlings = {
  collected: { vi: 'Được thu gom', en: 'Collected' },
  treatedOnSite: { vi: 'Tự xử lý hợp vệ sinh (chôn lấp, ủ phân)', en: 'Treated hygienically on site (buried, composted)' },
  burnedInOpen: { vi: 'Đốt lộ thiên', en: 'Burned in the open' },
  dumped: { vi: 'Vứt bừa bãi, xuống sông, ao', en: 'Dumped' },
  other: { vi: 'Khác', en: 'Other' },
} as const satisfies Enumeration<string>;
/** An id of {@link wasteHandlings}. */
export type WasteHandling = keyof typeof wasteHandlings;

/** A member's sex, with its labels. */
export const sexes = {
  male: { vi: 'Nam', en: 'Male' },
  female: { vi: 'Nữ', en: 'Female' },
} as const satisfies Enumeration<string>;
/** An id of {@link sexes}. */
export type Sex = keyof typeof sexes;

/** A member's relationship to the head of the household, with its labels. */
export const relationships = {
  head: { vi: 'Chủ hộ', en: 'Head' },
  spouse: { vi: 'Vợ/chồng', en: 'Spouse' },
  child: { vi: 'Con', en: 'Child' },
  parent: { vi: 'Bố/mẹ', en: 'Parent' },
  grandchild: { vi: 'Cháu', en: 'Grandchild' },
  grandparent: { vi: 'Ông/bà', en: 'Grandparent' },
  sibling: { vi: 'Anh/chị/em', en: 'Sibling' },
  other: { vi: 'Khác', en: 'Other' },
} as const satisfies Enumeration<string>;
/** An id of {@link relationships}. */
export type Relationship = keyof typeof relationships;

/** A member's capacity to work (full, partial, none), with its labels. */
export const workingCapacities = {
  full: { vi: 'Có khả năng lao động', en: 'Able to work' },
  partial: { vi: 'Suy giảm khả năng lao động', en: 'Partly able to work' },
  none: { vi: 'Không có khả năng lao động', en: 'Unable to work' },
} as const satisfies Enumeration<string>;
/** An id of {@link workingCapacities}. */
export type WorkingCapacity = keyof typeof workingCapacities;

/** A member's employment: wage worker, self-employed, unemployed, or not in the labour force, with its labels. */
export const employmentStatuses = {
  wageWorker: { vi: 'Làm công ăn lương', en: 'Wage worker' },
  selfEmployed: { vi: 'Tự làm, làm nông', en: 'Self-employed or farming' },
  unemployed: { vi: 'Thất nghiệp, đang tìm việc', en: 'Unemployed, wants work' },
  notInLabourForce: { vi: 'Không tham gia lao động (đi học, nội trợ, nghỉ hưu …)', en: 'Not in the labour force (studying, homemaking, retired …)' },
} as const satisfies Enumeration<string>;
/** An id of {@link employmentStatuses}. */
export type EmploymentStatus = keyof typeof employmentStatuses;

/** A member's highest qualification, with its labels. */
export const qualifications = {
  none: { vi: 'Chưa tốt nghiệp tiểu học', en: 'None' },
  primary: { vi: 'Tiểu học', en: 'Primary' },
  lowerSecondary: { vi: 'Trung học cơ sở', en: 'Lower secondary' },
  upperSecondary: { vi: 'Trung học phổ thông', en: 'Upper secondary' },
  vocationalElementary: { vi: 'Sơ cấp nghề', en: 'Vocational, elementary' },
  vocationalIntermediate: { vi: 'Trung cấp', en: 'Vocational, intermediate' },
  college: { vi: 'Cao đẳng', en: 'College' },
  university: { vi: 'Đại học trở lên', en: 'University or higher' },
} as const satisfies Enumeration<string>;
/** An id of {@link qualifications}. */
export type Qualification = keyof typeof qualifications;

/** The level a member in school attends, with its labels. */
export const schoolLevels = {
  preschool: { vi: 'Mầm non', en: 'Preschool' },
  primary: { vi: 'Tiểu học', en: 'Primary' },
  lowerSecondary: { vi: 'Trung học cơ sở', en: 'Lower secondary' },
  upperSecondary: { vi: 'Trung học phổ thông', en: 'Upper secondary' },
  vocational: { vi: 'Giáo dục nghề nghiệp', en: 'Vocational training' },
  higher: { vi: 'Cao đẳng, đại học', en: 'College or university' },
} as const satisfies Enumeration<string>;
/** An id of {@link schoolLevels}. */
export type SchoolLevel = keyof typeof schoolLevels;

/** Every enumeration by name, for forms and documentation. */
export const enumerations = {
  wallMaterials,
  roofMaterials,
  floorMaterials,
  waterSources,
  latrineTypes,
  informationDevices,
  wasteHandlings,
  sexes,
  relationships,
  workingCapacities,
  employmentStatuses,
  qualifications,
  schoolLevels,
} as const;

/**
 * The ids of an enumeration, as a non-empty tuple for zod.
 *
 * @example
 * enumIds(sexes) //=> ['male', 'female']
 */
export const enumIds = ids;
