/**
 * The ids of the shipped standards and of their indicators, as types: a misspelt id is a compile
 * error. The standards' data files are the source; a test checks these lists against them.
 *
 * @module
 */

/** The id of a national standard shipped with the library, oldest first. */
export type NationalStandardId = 'qd59-2015' | 'nd07-2021' | 'nd351-2025';

/** The id of a local standard shipped with the library (an example of the data model). */
export type LocalStandardId = 'dong-nai-2022-2025';

/** The id of a standard shipped with the library. */
export type StandardId = NationalStandardId | LocalStandardId;

/** Indicators of Decision 59/2015/QĐ-TTg (in force 2016-2021): ten, in five dimensions. */
export type Qd59IndicatorId =
  | 'healthcareAccess'
  | 'healthInsurance'
  | 'adultEducation'
  | 'childSchoolAttendance'
  | 'housingQuality'
  | 'housingArea'
  | 'domesticWater'
  | 'hygienicLatrine'
  | 'telecomServices'
  | 'informationMeans';

/** Indicators of Decree 07/2021/NĐ-CP (in force 2022-2026): twelve, in six dimensions (Đồng Nai's standard uses the same). */
export type Nd07IndicatorId =
  | 'employment'
  | 'dependants'
  | 'nutrition'
  | 'healthInsurance'
  | 'adultEducation'
  | 'childSchoolAttendance'
  | 'housingQuality'
  | 'housingArea'
  | 'domesticWater'
  | 'hygienicLatrine'
  | 'telecomServices'
  | 'informationMeans';

/** Indicators of Decree 351/2025/NĐ-CP (in force 2027-2030): twelve, waste treatment in place of information means. */
export type Nd351IndicatorId =
  | 'employment'
  | 'dependants'
  | 'nutrition'
  | 'healthInsurance'
  | 'adultEducation'
  | 'childSchoolAttendance'
  | 'housingQuality'
  | 'housingArea'
  | 'domesticWater'
  | 'hygienicLatrine'
  | 'wasteTreatment'
  | 'telecomServices';

/** The indicator ids of each shipped standard. */
export interface IndicatorIdsByStandard {
  readonly 'qd59-2015': Qd59IndicatorId;
  readonly 'nd07-2021': Nd07IndicatorId;
  readonly 'nd351-2025': Nd351IndicatorId;
  readonly 'dong-nai-2022-2025': Nd07IndicatorId;
}

/**
 * The indicator ids of a shipped standard.
 *
 * Example:
 *
 *     const id: IndicatorIdOf<'nd351-2025'> = 'wasteTreatment'; // 'informationMeans' would not compile
 */
export type IndicatorIdOf<S extends StandardId> = IndicatorIdsByStandard[S];

/** An indicator id of any shipped standard. */
export type IndicatorId = IndicatorIdsByStandard[StandardId];
