// What a schema expected, in the library's words, for each kind of problem zod reports; and the
// first issue read into a path, a message and the received value.
import { z } from 'zod';
import * as mini from 'zod/mini';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstIssue, ownValue, safeParseInWords } from '../src/schema-issues.js';
import { householdSchema } from '../src/household.js';
import { dwellingSchema, memberSchema, surveyRecordSchema } from '../src/survey/record.js';
import { strictObject } from '../src/strict-object.js';

/** The message of the first issue of parsing `input` with `schema`. */
function expected(schema: z.core.$ZodType, input: unknown): string {
  const result = safeParseInWords(schema, input);
  if (result.success) throw new Error('expected the parse to fail');
  return firstIssue(result.error).message;
}

describe('expectedInWords', () => {
  it.each([
    ['a text for a number', z.string(), 1, 'a text'],
    ['a whole number for a fraction', z.int(), 1.5, 'a whole number'],
    ['true or false', z.boolean(), 'yes', 'true or false'],
    ['an array', z.array(z.string()), {}, 'an array'],
    ['an object', z.object({}), [], 'an object'],
    ['a type without words', z.bigint(), 1, 'a BigInt'],
    ['a non-empty text', z.string().min(1), '', 'a non-empty text'],
    ['a longer text', z.string().min(3), 'ab', 'a text of at least 3 characters'],
    ['a shorter text', z.string().max(1), 'ab', 'a text of at most 1 character'],
    ['at least one item', z.array(z.number()).min(1), [], 'at least one item'],
    ['fewer items', z.array(z.number()).max(2), [1, 2, 3], 'at most 2 items'],
    ['a number from a bound', z.int().min(1), 0, 'a number ≥ 1'],
    ['a number above a bound', z.number().gt(0), 0, 'a number > 0'],
    ['a number below a bound', z.number().lt(5), 5, 'a number < 5'],
    ['a number up to a bound', z.number().max(5), 6, 'a number ≤ 5'],
    ['one literal', z.literal('rural'), 'urban', '"rural"'],
    ['a BigInt literal', z.literal(1n), 2n, '1n'],
    ['one of several values', z.enum(['rural', 'urban']), 'suburb', 'one of "rural", "urban"'],
    ['a format', z.email(), 'not an address', 'a text in the email format'],
    ['a multiple', z.number().multipleOf(5), 7, 'a multiple of 5'],
    ['the alternatives of a union, each failing on the value', z.union([z.string(), z.number()]), true, 'a text or a finite number'],
    ['a union of shapes', z.union([z.object({ a: z.string() }), z.object({ b: z.number() })]), {}, 'a value of one of the accepted forms'],
    ['valid keys', z.record(z.string().min(2), z.number()), { b: 1 }, 'an object with valid keys'],
    ['anything else', z.string().refine(() => false), 'x', 'a valid value'],
  ])('%s', (_, schema, input, words) => {
    expect(expected(schema as z.ZodType, input)).toBe(words);
  });

  it('a schema\'s own text comes first', () => {
    expect(expected(z.string({ error: 'the name of a commune' }), 1)).toBe('the name of a commune');
  });
});

describe('firstIssue', () => {
  it('gives the path and the received value', () => {
    const result = safeParseInWords(z.object({ members: z.array(z.object({ age: z.int() })) }), { members: [{ age: 'ten' }] });
    expect(result.success).toBe(false);
    expect(firstIssue(result.error!)).toEqual({ path: ['members', 0, 'age'], message: 'a finite number', input: 'ten' });
  });

  it('an unknown key ends the path, and is named', () => {
    const result = safeParseInWords(z.strictObject({ area: z.string() }), { area: 'rural', sizee: 3 });
    expect(firstIssue(result.error!)).toEqual({ path: ['sizee'], message: 'no field "sizee"', input: undefined, unknownKey: 'sizee' });
  });
});

describe('ownValue', () => {
  it('reads an own property without running a getter, and nothing from a value that is not an object', () => {
    let ran = false;
    const object = Object.defineProperty({ w: 2 }, 'g', {
      get: () => {
        ran = true;
        return 1;
      },
      enumerable: true,
    });
    expect(ownValue(object, 'w')).toBe(2);
    expect(ownValue(object, 'g')).toBeUndefined();
    expect(ran).toBe(false);
    expect(ownValue(Object.create({ inherited: 1 }), 'inherited')).toBeUndefined();
    expect(ownValue(null, 'w')).toBeUndefined();
    expect(ownValue('text', 'length')).toBeUndefined();
  });
});

describe('the compiled strict object', () => {
  // The same shapes and texts, on zod/mini's own strictObject, which checks keys one by one.
  const errorOf = (schema: mini.ZodMiniType) => ({ error: schema._zod.def.error as never });
  const plainMember = mini.strictObject(memberSchema.shape, errorOf(memberSchema));
  const plainDwelling = mini.strictObject(dwellingSchema.shape, errorOf(dwellingSchema));
  const plainRecord = mini.strictObject(
    { ...surveyRecordSchema.shape, members: mini.array(plainMember, errorOf(surveyRecordSchema.shape.members)), dwelling: mini.optional(plainDwelling) },
    errorOf(surveyRecordSchema),
  );
  const plainHousehold = mini.strictObject(householdSchema.shape);
  const outcome = (schema: mini.ZodMiniType, input: unknown) => {
    const r = safeParseInWords(schema, input);
    return r.success ? { data: r.data } : { issues: r.error.issues.map(({ code, path, message }) => ({ code, path, message })) };
  };
  const leaf = fc.oneof(fc.boolean(), fc.integer({ min: -5, max: 200 }), fc.double(), fc.string({ maxLength: 4 }), fc.constant(null), fc.constant(undefined), fc.constantFrom('rural', 'urban', '2024-12-10', '4500000', 'nutrition', 'poor', 'male', 'piped', 'brick'));
  const member = fc.dictionary(fc.constantFrom(...Object.keys(memberSchema.shape), 'age', '__proto__'), leaf, { maxKeys: 5 });
  const record = fc.record(
    {
      id: leaf,
      area: fc.oneof(fc.constantFrom('rural', 'urban', 'nông thôn'), leaf),
      size: fc.oneof(fc.integer({ min: 0, max: 6 }), leaf),
      incomeMonthlyTotal: fc.oneof(fc.constantFrom(4_500_000, '4500000.50', ' 1'), leaf),
      deprived: fc.oneof(fc.constant(['nutrition']), fc.array(leaf, { maxLength: 2 })),
      members: fc.oneof(fc.array(member, { maxLength: 3 }), leaf),
      dwelling: fc.oneof(fc.dictionary(fc.constantFrom(...Object.keys(dwellingSchema.shape), 'rooms'), leaf, { maxKeys: 3 }), leaf),
      attributes: fc.oneof(fc.dictionary(fc.string({ maxLength: 3 }), leaf, { maxKeys: 2 }), leaf),
      unknown: leaf,
    },
    { requiredKeys: [] },
  );

  it('accepts, refuses and reports exactly as zod/mini\'s strictObject, households and records alike', () => {
    fc.assert(
      fc.property(fc.oneof(record, fc.anything()), (input) => {
        expect(outcome(householdSchema, input)).toEqual(outcome(plainHousehold, input));
        expect(outcome(surveyRecordSchema, input)).toEqual(outcome(plainRecord, input));
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps the definition, the shape and the methods of a zod/mini object', () => {
    const schema = strictObject({ a: mini.string() }, { error: 'an object with a' });
    expect(schema).toBeInstanceOf(mini.ZodMiniObject);
    expect(Object.keys(schema.shape)).toEqual(['a']);
    expect(schema._zod.def).toMatchObject({ type: 'object', catchall: expect.anything() });
    expect(mini.toJSONSchema(schema)).toEqual(mini.toJSONSchema(mini.strictObject({ a: mini.string() })));
    expect(schema.safeParse({ a: 'x' })).toMatchObject({ success: true, data: { a: 'x' } });
    expect(expected(schema, 1)).toBe('an object with a');
    expect(schema.check(mini.refine(() => false, { error: 'never' })).safeParse({ a: 'x' }).success).toBe(false);
  });
});
