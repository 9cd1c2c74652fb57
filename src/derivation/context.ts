/**
 * What every derivation rule needs: the record, the review date, each member's age on that date,
 * and a tri-state way to combine member facts (deprived, not deprived, cannot be told).
 *
 * @module
 */
import { monthsBetween, yearOf, type IsoDate } from '../dates.js';
import type { Member, SurveyRecord } from '../survey/record.js';

/** A member's age on the review date. Months are a range when only whole years are known. */
export interface Age {
  readonly years: number;
  readonly monthsAtLeast: number;
  readonly monthsBelow: number;
  /** Birth year, when the date of birth is known (`undefined` from an age alone). */
  readonly birthYear: number | undefined;
}

/** The state of one member or one household fact: `true` deprives, `false` does not, `undefined` unknown. */
export type Tri = boolean | undefined;

/** The outcome of a rule, as reported. */
export interface RuleOutcome {
  readonly status: 'deprived' | 'not-deprived' | 'undetermined';
  /** Indices of the members that made the household deprived (or that count towards it). */
  readonly members: readonly number[];
  /** Paths of the facts that were missing, when undetermined. */
  readonly missing: readonly string[];
  /** Why, in words. */
  readonly reason: string;
}

/**
 * What a rule returns: the outcome, with its words written only when asked for. When the context
 * does not ask for explanations (`explain: false`, the batch path), a rule returns only its status:
 * one of the shared {@link COUNTED} results, with no members, missing facts or words.
 */
export interface RuleResult extends Omit<RuleOutcome, 'reason'> {
  /** The reason in words, made only when asked for. */
  readonly because: () => string;
}

/** Shared empty lists for outcomes that name no member or missing fact (they are never mutated). */
export const NONE: readonly number[] = Object.freeze([]);
export const NONE_MISSING: readonly string[] = Object.freeze([]);

const counted = (status: RuleOutcome['status']): RuleResult => Object.freeze({ status, members: NONE, missing: NONE_MISSING, because: () => `${status} (counted, not explained)` });

/** The results of a rule that only counts: one shared object per status, nothing allocated. */
export const COUNTED: { readonly [S in RuleOutcome['status']]: RuleResult } = Object.freeze({
  deprived: counted('deprived'),
  'not-deprived': counted('not-deprived'),
  undetermined: counted('undetermined'),
});

/** The facts rules read. */
export interface DerivationContext {
  readonly record: SurveyRecord;
  readonly date: IsoDate;
  readonly year: number;
  readonly ages: readonly (Age | undefined)[];
  /**
   * Whether rules say why (members responsible, missing facts, words). Without it a rule may stop
   * as soon as its status is known and returns one of the {@link COUNTED} results.
   */
  readonly explain: boolean;
}

/** Age on the review date (a child born on that day 16 years earlier is 16). */
export function ageOf(member: Member, date: IsoDate): Age | undefined {
  if (member.dateOfBirth !== undefined) {
    if (member.dateOfBirth > date) return undefined;
    const months = monthsBetween(member.dateOfBirth, date);
    // Whole years: months is never negative here, so an integer division.
    return { years: (months / 12) | 0, monthsAtLeast: months, monthsBelow: months + 1, birthYear: yearOf(member.dateOfBirth) };
  }
  if (member.ageAtReview !== undefined) {
    return { years: member.ageAtReview, monthsAtLeast: member.ageAtReview * 12, monthsBelow: member.ageAtReview * 12 + 12, birthYear: undefined };
  }
  return undefined;
}

/** Builds the context of a record on a review date; `explain: false` for counting only. */
export function contextOf(record: SurveyRecord, date: IsoDate, explain = true): DerivationContext {
  const members = record.members;
  const ages: (Age | undefined)[] = new Array<Age | undefined>(members.length);
  for (let i = 0; i < members.length; i++) ages[i] = ageOf(members[i]!, date);
  return { record, date, year: yearOf(date), ages, explain };
}

/** Path of a member's field, e.g. `members[2].healthInsurance`. */
export const memberPath = (i: number, field: string) => `members[${i}].${field}`;

/** Path of a missing age. */
export const agePath = (i: number) => memberPath(i, 'dateOfBirth');

/** How a member is named in reasons: `member 2 (Lan, 34)`. */
export function memberLabel(ctx: DerivationContext, i: number): string {
  const m = ctx.record.members[i]!;
  const age = ctx.ages[i];
  const parts = [m.name ?? m.id, age ? `${age.years}` : undefined].filter((p) => p !== undefined);
  return `member ${i + 1}${parts.length ? ` (${parts.join(', ')})` : ''}`;
}

/**
 * Notes a missing fact of the member under test, by field name (`dateOfBirth` for a missing age),
 * and gives `undefined`, the state of a member that cannot be told: `return miss('inSchool')`.
 */
export type Miss = (field: string) => undefined;

const ignore: Miss = () => undefined;

/**
 * The state of one member under a rule: `true` deprives, `false` does not, `undefined` cannot be
 * told (after noting what is missing with `miss`; notes made before a known state are dropped).
 * Written once per rule, at module level, so that applying a rule allocates nothing.
 */
export type MemberTest<P> = (member: Member, age: Age | undefined, p: P, miss: Miss, ctx: DerivationContext) => Tri;

/** What a member rule says of the household, deprived or not. */
export type MemberWords<P> = (p: P) => { readonly deprived: string; readonly none: string };

/** A household is deprived when any member is; undetermined when none is but some cannot be told. */
export function anyMember<P>(ctx: DerivationContext, p: P, test: MemberTest<P>, words: MemberWords<P>): RuleResult {
  const members = ctx.record.members;
  if (!ctx.explain) {
    let unknown = false;
    for (let i = 0; i < members.length; i++) {
      const state = test(members[i]!, ctx.ages[i], p, ignore, ctx);
      if (state === true) return COUNTED.deprived;
      if (state === undefined) unknown = true;
    }
    return unknown ? COUNTED.undetermined : COUNTED['not-deprived'];
  }
  return explainAnyMember(ctx, p, test, words);
}

function explainAnyMember<P>(ctx: DerivationContext, p: P, test: MemberTest<P>, words: MemberWords<P>): RuleResult {
  const members = ctx.record.members;
  let deprived: number[] | undefined;
  let missing: string[] | undefined;
  for (let i = 0; i < members.length; i++) {
    const noted: string[] = [];
    const miss: Miss = (field) => {
      noted.push(memberPath(i, field));
      return undefined;
    };
    const state = test(members[i]!, ctx.ages[i], p, miss, ctx);
    if (state === true) (deprived ??= []).push(i);
    else if (state === undefined) (missing ??= []).push(...noted);
  }
  if (deprived) {
    const responsible = deprived;
    return { status: 'deprived', members: responsible, missing: NONE_MISSING, because: () => `${responsible.map((i) => memberLabel(ctx, i)).join('; ')}: ${words(p).deprived}` };
  }
  if (missing) {
    const absent = missing;
    return { status: 'undetermined', members: NONE, missing: absent, because: () => `cannot tell: ${absent.join(', ')} missing` };
  }
  return { status: 'not-deprived', members: NONE, missing: NONE_MISSING, because: () => words(p).none };
}

/** A household fact against a list: deprived when not in it. */
export function factOutside<T extends string>(ctx: DerivationContext, value: T | undefined, allowed: readonly T[], path: string, words: { readonly deprived: (v: T) => string; readonly ok: (v: T) => string }): RuleResult {
  const status = value === undefined ? 'undetermined' : allowed.includes(value) ? 'not-deprived' : 'deprived';
  return ctx.explain ? explainFact(status, value, path, words) : COUNTED[status];
}

function explainFact<T extends string>(status: RuleOutcome['status'], value: T | undefined, path: string, words: { readonly deprived: (v: T) => string; readonly ok: (v: T) => string }): RuleResult {
  if (value === undefined) return { status, members: NONE, missing: [path], because: () => `cannot tell: ${path} missing` };
  return { status, members: NONE, missing: NONE_MISSING, because: () => (status === 'deprived' ? words.deprived(value) : words.ok(value)) };
}
