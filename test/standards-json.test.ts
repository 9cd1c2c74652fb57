// Each shipped standard is one JSON file, and the library serves exactly what the file says.
import { describe, expect, it } from 'vitest';
import { getStandard, standardIds } from '../src/index.js';
import qd59 from '../src/standards/data/qd59-2015.json' with { type: 'json' };
import nd07 from '../src/standards/data/nd07-2021.json' with { type: 'json' };
import nd351 from '../src/standards/data/nd351-2025.json' with { type: 'json' };
import dongNai from '../src/standards/data/dong-nai-2022-2025.json' with { type: 'json' };

const files: Record<string, unknown> = { 'qd59-2015': qd59, 'nd07-2021': nd07, 'nd351-2025': nd351, 'dong-nai-2022-2025': dongNai };

describe('the standards as JSON files', () => {
  it('there is one file for each shipped standard', () => {
    expect(Object.keys(files).sort()).toEqual([...standardIds].sort());
  });
  it.each([...standardIds])('%s: the library serves the file, value for value', (id) => {
    expect(files[id]).toStrictEqual(JSON.parse(JSON.stringify(getStandard(id))));
  });
});
