// The options that name a column (--by, --weight, and the id --previous matches by), checked in
// process against each kind of file: a header, the first JSON Lines record, or a file without either.
import { describe, expect, it } from 'vitest';
import { checkColumns } from '../../src/cli/columns.js';
import { UsageError } from '../../src/cli/args.js';

const csv = { format: 'csv', header: ['id', 'area', 'size', 'xa', 'trong_so'], attributes: ['xa', 'trong_so'] } as const;
const jsonl = { format: 'jsonl', keys: ['id', 'area', 'members', 'attributes'], attributes: ['commune', 'w'] } as const;
const file = 'survey';

describe('checkColumns', () => {
  it('accepts the file\'s attributes, area to group by, and an id column or key', () => {
    expect(() => checkColumns(csv, { file, by: 'xa', weight: 'trong_so', idFor: '--previous matches households by id' })).not.toThrow();
    expect(() => checkColumns(csv, { file, by: 'area' })).not.toThrow();
    expect(() => checkColumns(jsonl, { file, by: 'commune', weight: 'w', idFor: '--previous matches households by id' })).not.toThrow();
  });

  it('a column the classification reads is not a weight', () => {
    expect(() => checkColumns(csv, { file, weight: 'size' })).toThrow('--weight "size": a column the classification reads, not one to weight by; --weight takes one of: xa, trong_so');
    expect(() => checkColumns(jsonl, { file, weight: 'members' })).toThrow('--weight "members": a field the classification reads, not a key of "attributes"; --weight takes one of: commune, w');
  });

  it('area is no weight, and a name near none is listed with the columns', () => {
    expect(() => checkColumns(csv, { file, weight: 'area' })).toThrow('--weight "area": a column the classification reads');
    expect(() => checkColumns(csv, { file, by: 'district' })).toThrow('--by "district": no such column. Columns: id, area, size, xa, trong_so');
    expect(() => checkColumns({ ...jsonl, attributes: [] }, { file, weight: 'w' })).toThrow('--weight "w": no such key in the attributes of the first record. Attributes: (none)');
    expect(() => checkColumns(jsonl, { file, by: 'Commune' })).toThrow('--by "Commune": no such key in the attributes of the first record; did you mean "commune"? Attributes: commune, w');
  });

  it('a file without an id: its columns or keys, and the nearest', () => {
    const idFor = '--previous matches households by id';
    expect(() => checkColumns({ format: 'csv', header: ['ID', 'area'], attributes: [] }, { file, idFor })).toThrow(`${idFor}: survey has no id column; did you mean "ID"? Columns: ID, area`);
    expect(() => checkColumns({ format: 'jsonl', keys: ['area'], attributes: [] }, { file, idFor })).toThrow(`${idFor}: survey has no id in its first record. Keys: area`);
  });

  it('a file without a header or a record cannot have the column', () => {
    const noHeader = { format: 'empty', of: 'csv' } as const;
    const noRecord = { format: 'empty', of: 'jsonl' } as const;
    expect(() => checkColumns(noHeader, { file, by: 'area' })).not.toThrow();
    expect(() => checkColumns(noHeader, { file, by: 'xa' })).toThrow('--by "xa": survey has no header to find the column in');
    expect(() => checkColumns(noRecord, { file, weight: 'w' })).toThrow('--weight "w": survey has no record to find the column in');
    expect(() => checkColumns(noRecord, { file, idFor: '--previous matches households by id' })).toThrow('--previous matches households by id: survey has no record, so no id column');
    expect(() => checkColumns(noRecord, { file, idFor: 'x' })).toThrow(UsageError);
    expect(() => checkColumns(noRecord, { file })).not.toThrow();
  });
});
