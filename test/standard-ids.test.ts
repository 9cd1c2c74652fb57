// The id types (src/standards/ids.ts) name exactly what the standards' data files hold: each list
// below must cover its type (checked by the compiler) and equal the file's ids (checked here).
import { describe, expect, it } from 'vitest';
import { getStandard, isStandardId, localStandards, nationalStandards, standardIds, type IndicatorIdOf, type StandardId } from '../src/index.js';

type Covers<S extends StandardId, L extends readonly IndicatorIdOf<S>[]> = Exclude<IndicatorIdOf<S>, L[number]> extends never ? L : never;
const covers = <S extends StandardId>() => <const L extends readonly IndicatorIdOf<S>[]>(list: Covers<S, L>): L => list;

const indicatorIds: { readonly [S in StandardId]: readonly IndicatorIdOf<S>[] } = {
  'qd59-2015': covers<'qd59-2015'>()(['healthcareAccess', 'healthInsurance', 'adultEducation', 'childSchoolAttendance', 'housingQuality', 'housingArea', 'domesticWater', 'hygienicLatrine', 'telecomServices', 'informationMeans']),
  'nd07-2021': covers<'nd07-2021'>()(['employment', 'dependants', 'nutrition', 'healthInsurance', 'adultEducation', 'childSchoolAttendance', 'housingQuality', 'housingArea', 'domesticWater', 'hygienicLatrine', 'telecomServices', 'informationMeans']),
  'nd351-2025': covers<'nd351-2025'>()(['employment', 'dependants', 'nutrition', 'healthInsurance', 'adultEducation', 'childSchoolAttendance', 'housingQuality', 'housingArea', 'domesticWater', 'hygienicLatrine', 'wasteTreatment', 'telecomServices']),
  'dong-nai-2022-2025': covers<'dong-nai-2022-2025'>()(['employment', 'dependants', 'nutrition', 'healthInsurance', 'adultEducation', 'childSchoolAttendance', 'housingQuality', 'housingArea', 'domesticWater', 'hygienicLatrine', 'telecomServices', 'informationMeans']),
};

describe('the id types', () => {
  it('StandardId names every shipped standard, and nothing else', () => {
    expect([...standardIds].sort()).toEqual(Object.keys(indicatorIds).sort());
    expect([...nationalStandards, ...localStandards].map((s) => s.id)).toEqual(standardIds);
  });

  it.each(Object.keys(indicatorIds) as StandardId[])("%s: the indicator type is the data file's indicators", (id) => {
    expect(getStandard(id).indicators.map((i) => i.id).sort()).toEqual([...indicatorIds[id]].sort());
  });

  it('isStandardId narrows a text read at run time', () => {
    expect(standardIds.every(isStandardId)).toBe(true);
    expect(['nd07', 'ND07-2021', '', ' nd07-2021', 7, null, undefined].some(isStandardId)).toBe(false);
  });
});
