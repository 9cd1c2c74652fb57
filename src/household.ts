/**
 * A household at indicator level: the input of {@link classify}.
 *
 * @module
 */
import * as z from 'zod/mini';
import { strictObject } from './strict-object.js';
import { fail, formatPath, describeReceived, type ErrorCode, type ErrorPath } from './errors.js';
import { isIsoDate, type IsoDate } from './dates.js';
import { firstIssue, ownValue, safeParseInWords } from './schema-issues.js';
import { AMOUNT_EXPECTED, readAmount, type Amount } from './money.js';
import { incomeFields, type IncomeField } from './income.js';
import { nearest } from './nearest.js';
import type { Area } from './standards/schema.js';
import type { IndicatorId } from './standards/ids.js';

/** The words for an area that a household or record may give: the English and the Vietnamese (with or without marks). */
export type AreaInput = Area | 'nông thôn' | 'nong thon' | 'thành thị' | 'thanh thi' | 'đô thị' | 'do thi';

/** Words accepted for each area (compared after trimming, lower-casing and Unicode NFC). */
export const areaAliases: Readonly<Record<string, Area>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, Area>, {
    rural: 'rural',
    urban: 'urban',
    'nông thôn': 'rural',
    'nong thon': 'rural',
    'thành thị': 'urban',
    'thanh thi': 'urban',
    'đô thị': 'urban',
    'do thi': 'urban',
  } satisfies Record<AreaInput, Area>),
);

/**
 * Reads an area word; `undefined` when it is not one.
 *
 * @example
 * readArea('Nông thôn') //=> 'rural'
 * readArea('urban')     //=> 'urban'
 * readArea('xã')        //=> undefined
 */
export function readArea(value: unknown): Area | undefined {
  if (typeof value !== 'string') return undefined;
  return areaAliases[value] ?? areaAliases[value.normalize('NFC').trim().toLowerCase()];
}

export { incomeFields, type IncomeField };

const amount = z.union([z.number(), z.string()], { error: AMOUNT_EXPECTED }).check(z.refine((v) => readAmount(v) !== undefined, { error: AMOUNT_EXPECTED }));

const isoDate = z.string({ error: 'a calendar date YYYY-MM-DD' }).check(z.refine(isIsoDate, { error: 'a calendar date YYYY-MM-DD' }));

/** What an id may be. */
export const ID_EXPECTED = 'an id: a text or a finite number';

/**
 * The zod schema (`zod/mini`) of a household at indicator level. Unknown keys are errors (a misspelt field
 * must not be ignored); put grouping fields such as commune or ethnicity under `attributes`.
 */
export const householdSchema = strictObject({
  /** Your identifier, echoed back in the result. */
  id: z.optional(z.union([z.string(), z.number()], { error: ID_EXPECTED })),
  /** `rural` or `urban`; the Vietnamese `nông thôn`, `thành thị`, `đô thị` are accepted. */
  area: z.string({ error: 'rural or urban' }).check(z.refine((v) => readArea(v) !== undefined, { error: 'rural or urban (nông thôn, thành thị, đô thị)' })),
  /** Number of household members, a whole number ≥ 1. */
  size: z.int({ error: 'a whole number of members ≥ 1' }).check(z.minimum(1, { error: 'a whole number of members ≥ 1' })),
  /** Income per person per month, in đồng. */
  incomeMonthlyPerCapita: z.optional(amount),
  /** Income of the whole household per month, in đồng. */
  incomeMonthlyTotal: z.optional(amount),
  /** Income of the whole household over 12 months, in đồng. */
  incomeAnnualTotal: z.optional(amount),
  /** Ids of the indicators in which the household is deprived. */
  deprived: z._default(z.array(z.string({ error: 'an indicator id' }), { error: 'an array of indicator ids' }), []),
  /** The household's category on the previous list, for escape status. */
  previousCategory: z.optional(z.enum(['poor', 'near-poor'], { error: 'poor or near-poor' })),
  /** The date the previous category was recognised. */
  previousRecognizedOn: z.optional(isoDate),
  /**
   * The date the household left that list, when it left at an earlier review (on or before the
   * review date); absent: it leaves at this review, on the review date.
   */
  leftListOn: z.optional(isoDate),
  /** Free grouping fields (commune, ethnicity …), carried through untouched. */
  attributes: z.optional(
    z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()], { error: 'a text, a finite number, true, false or null' }), { error: 'an object of grouping fields' }),
  ),
});

/** An amount of đồng: a number, or an exact decimal text such as `"1500000.50"`. */
export type AmountInput = number | string;

/** Exactly one of the three income fields. */
export type IncomeInput =
  | { readonly incomeMonthlyPerCapita: AmountInput; readonly incomeMonthlyTotal?: never; readonly incomeAnnualTotal?: never }
  | { readonly incomeMonthlyPerCapita?: never; readonly incomeMonthlyTotal: AmountInput; readonly incomeAnnualTotal?: never }
  | { readonly incomeMonthlyPerCapita?: never; readonly incomeMonthlyTotal?: never; readonly incomeAnnualTotal: AmountInput };

/** The fields of a household besides its income; `I` is the indicator ids `deprived` may hold. */
export interface HouseholdFields<I extends string = IndicatorId> {
  /** Your identifier, echoed back in the result. */
  readonly id?: string | number;
  /** `rural` or `urban`; the Vietnamese `nông thôn`, `thành thị`, `đô thị` are accepted. */
  readonly area: AreaInput;
  /** Number of household members, a whole number ≥ 1. */
  readonly size: number;
  /** Ids of the indicators in which the household is deprived, each once. */
  readonly deprived?: readonly I[];
  /** The household's category on the previous list, for escape status (with `previousRecognizedOn`). */
  readonly previousCategory?: 'poor' | 'near-poor';
  /** The date the previous category was recognised, `YYYY-MM-DD`. */
  readonly previousRecognizedOn?: IsoDate;
  /** The date the household left that list, when it left at an earlier review (on or before the review date). */
  readonly leftListOn?: IsoDate;
  /** Free grouping fields (commune, ethnicity …), carried through untouched. */
  readonly attributes?: Readonly<Record<string, string | number | boolean | null>>;
}

/**
 * A household as given to {@link classify}: its fields and exactly one income field. `I` narrows
 * `deprived` to a standard's indicators ({@link IndicatorIdOf}); by default, any shipped standard's.
 * An unknown key, a second income field or an unknown indicator does not compile; for data whose
 * shape is not known (a parsed file, a request body), use {@link safeClassify}.
 *
 * Example:
 *
 *     const household: HouseholdInput<IndicatorIdOf<'nd07-2021'>> = { area: 'rural', size: 3, incomeMonthlyTotal: 4_500_000, deprived: ['healthInsurance'] };
 */
export type HouseholdInput<I extends string = IndicatorId> = HouseholdFields<I> & IncomeInput;

/** A household after validation: area resolved, income read exactly. */
export interface Household {
  readonly id: string | number | undefined;
  readonly area: Area;
  readonly size: number;
  readonly income: { readonly field: IncomeField; readonly amount: Amount };
  readonly deprived: readonly string[];
  readonly previousCategory: 'poor' | 'near-poor' | undefined;
  readonly previousRecognizedOn: IsoDate | undefined;
  readonly leftListOn: IsoDate | undefined;
}

const codeByField: ReadonlyMap<string | number, ErrorCode> = new Map([
  ['area', 'INVALID_AREA'],
  ['size', 'INVALID_SIZE'],
  ['incomeMonthlyPerCapita', 'INVALID_INCOME'],
  ['incomeMonthlyTotal', 'INVALID_INCOME'],
  ['incomeAnnualTotal', 'INVALID_INCOME'],
  ['previousRecognizedOn', 'INVALID_DATE'],
  ['leftListOn', 'INVALID_DATE'],
  ['previousCategory', 'INVALID_PREVIOUS_STATUS'],
]);

/** The fields of a household, for the message on an unknown one. */
const householdFields = Object.keys(householdSchema.shape).join(', ');

function raise(path: ErrorPath, detail: string, received: unknown, input?: unknown): never {
  const field = path[0];
  const missing = received === undefined && path.length === 1 && field !== 'deprived';
  const code = missing ? 'MISSING_FIELD' : (field !== undefined ? codeByField.get(field) : undefined) ?? 'INVALID_FIELD';
  const what = path.length ? formatPath(path) : 'household';
  const misspelt = missing && typeof field === 'string' ? misspeltAs(input, field) : undefined;
  const note = misspelt !== undefined ? ` (the field is required; the household has ${JSON.stringify(misspelt)}: did you mean ${field}?)` : missing ? ' (the field is required)' : '';
  return fail(code, path, `${what}: expected ${detail}, received ${describeReceived(received)}${note}`, received, detail);
}

/** An unknown key of the household that is near `field` (`sizee` for `size`), when it has one. */
function misspeltAs(input: unknown, field: string): string | undefined {
  let keys: string[];
  try {
    keys = typeof input === 'object' && input !== null ? Object.keys(input) : [];
  } catch {
    return undefined;
  }
  return keys.find((key) => !Object.hasOwn(householdSchema.shape, key) && nearest(key, [field]) === field);
}

/**
 * Validates a household at indicator level against a standard's indicators.
 *
 * @throws {ChuanNgheoError} with the code of the first problem found.
 * @example
 * readHousehold({ id: 'HH1', area: 'nông thôn', size: 3, incomeMonthlyTotal: '4500000', deprived: ['nutrition'] }, indicatorIdSet(getStandard('nd07-2021')))
 * //=> { id: 'HH1', area: 'rural', size: 3, income: { field: 'incomeMonthlyTotal', amount: 4500000 }, deprived: ['nutrition'] }
 */
export function readHousehold(input: unknown, indicatorIds: ReadonlySet<string>): Household {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) raise([], 'an object with area, size and one income field', input);
  const parsed = safeParseInWords(householdSchema, input);
  if (!parsed.success) {
    const issue = firstIssue(parsed.error);
    if (issue.unknownKey !== undefined) {
      const received = ownValue(input, issue.unknownKey);
      const expected = `one of the fields ${householdFields} (grouping fields go under "attributes")`;
      fail('INVALID_FIELD', issue.path, `${formatPath(issue.path)}: expected ${expected}, received an unknown field holding ${describeReceived(received)}`, received, expected);
    }
    raise(issue.path, issue.message, issue.input, input);
  }
  const h = parsed.data;

  const given = incomeFields.filter((f) => h[f] !== undefined);
  if (given.length === 0) fail('MISSING_INCOME', ['income'], `income: expected exactly one of ${incomeFields.join(', ')}, received none of them`, undefined, incomeFields.join(' | '));
  if (given.length > 1) fail('CONFLICTING_INCOME', [given[1]!], `income: expected exactly one income field, received ${given.join(' and ')}`, given, 'exactly one income field');
  const field = given[0]!;

  const seen = new Set<string>();
  h.deprived.forEach((id, i) => {
    if (!indicatorIds.has(id)) fail('UNKNOWN_INDICATOR', ['deprived', i], `deprived[${i}]: expected an indicator of the standard (${[...indicatorIds].join(', ')}), received ${describeReceived(id)}`, id, [...indicatorIds].join(' | '));
    if (seen.has(id)) fail('DUPLICATE_INDICATOR', ['deprived', i], `deprived[${i}]: expected each indicator once, received ${describeReceived(id)} a second time`, id, 'each indicator once');
    seen.add(id);
  });

  if ((h.previousCategory === undefined) !== (h.previousRecognizedOn === undefined)) {
    const path = h.previousCategory === undefined ? 'previousCategory' : 'previousRecognizedOn';
    fail('INVALID_PREVIOUS_STATUS', [path], `${path}: expected it with ${path === 'previousCategory' ? 'previousRecognizedOn' : 'previousCategory'} (both or neither), received nothing`, undefined, 'both or neither');
  }
  checkLeftListOn(h.previousCategory, h.previousRecognizedOn, h.leftListOn);

  return {
    id: h.id,
    area: readArea(h.area)!,
    size: h.size,
    income: { field, amount: readAmount(h[field])! },
    deprived: h.deprived,
    previousCategory: h.previousCategory,
    previousRecognizedOn: h.previousRecognizedOn,
    leftListOn: h.leftListOn,
  };
}

/**
 * `leftListOn` needs the list it left (`previousCategory`) and cannot be before that list was
 * recognised. (That it is on or before the review date is checked with the date.)
 */
export function checkLeftListOn(previousCategory: unknown, previousRecognizedOn: IsoDate | undefined, leftListOn: IsoDate | undefined): void {
  if (leftListOn === undefined) return;
  if (previousCategory === undefined) {
    fail('INVALID_PREVIOUS_STATUS', ['leftListOn'], 'leftListOn: expected it with previousCategory and previousRecognizedOn, received it without them', leftListOn, 'previousCategory and previousRecognizedOn');
  }
  if (previousRecognizedOn !== undefined && leftListOn < previousRecognizedOn) {
    fail('INVALID_PREVIOUS_STATUS', ['leftListOn'], `leftListOn: expected a date on or after previousRecognizedOn ${previousRecognizedOn}, received ${leftListOn}`, leftListOn, `a date on or after ${previousRecognizedOn}`);
  }
}
