/**
 * Where a value of the law was read, as data: the instrument, the article, the Vietnamese sentence
 * where one was read, and whether that was the legal text itself or a quote of it. Every figure,
 * threshold, name and definition of a standard carries this provenance.
 *
 * @module
 */
import * as z from 'zod/mini';

/** A standard's id: lower-case letters, digits and dashes, e.g. `nd07-2021`. */
export const standardIdSchema = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'a standard id is lower-case letters, digits and dashes'));

/** A non-empty text. */
const text = z.string().check(z.minLength(1));

/** The kinds of source a value was read in. */
export const sourceKinds = ['primary', 'secondary'] as const;

/** Where a value was read. */
export const referenceSchema = z.strictObject({
  /** The legal instrument, e.g. `Decree 07/2021/NĐ-CP`. */
  instrument: text,
  /** Article, clause and point (or appendix), e.g. `Art. 3(1)(a)`; absent when no article was read. */
  article: z.optional(text),
  /** The Vietnamese sentence as it was read, where one was. */
  quote: z.optional(text),
  /**
   * `primary`: the instrument's own text (or a full translation of it) was read; `secondary`: a
   * newspaper, a government portal or a legal Q&A quoting or reporting it.
   */
  source: z.enum(sourceKinds),
  /** Where it was read (publications, portals). */
  seenIn: z.optional(z.array(text).check(z.minLength(1))),
});

/**
 * The provenance every value of a standard carries. A confirmed value cites where it was read; an
 * unconfirmed one says in its note what is not confirmed, and cites nothing it was not read in.
 */
export const provenanceShape = {
  /** Where the value was read; absent when it was not read in any source. */
  reference: z.optional(referenceSchema),
  /** `true` when the value was seen in the cited source; `false` when inferred, assumed or carried over. */
  confirmed: z.boolean(),
  /** What is uncertain, or how the value was read. */
  note: z.optional(text),
  /**
   * The value is the same as in that standard and is written out here, not derived from it (the
   * test suite checks that the shipped standards' carried values equal their source).
   */
  carriedFrom: z.optional(standardIdSchema),
};

/** Where a value was read. */
export type Reference = z.infer<typeof referenceSchema>;

/** Any value with its provenance. */
export interface Provenance {
  readonly reference?: Reference | undefined;
  readonly confirmed: boolean;
  readonly note?: string | undefined;
  readonly carriedFrom?: string | undefined;
}

/** What a trace says when a value was not read in any source. */
export const NO_SOURCE = 'no source read (unconfirmed)';

/**
 * A reference in words: the instrument and the article.
 *
 * @example
 * citation({ instrument: 'Decree 07/2021/NĐ-CP', article: 'Art. 3(1)(a)', source: 'primary' }) //=> 'Decree 07/2021/NĐ-CP, Art. 3(1)(a)'
 * citation(undefined) //=> 'no source read (unconfirmed)'
 */
export function citation(reference: Reference | undefined): string {
  if (reference === undefined) return NO_SOURCE;
  return reference.article === undefined ? reference.instrument : `${reference.instrument}, ${reference.article}`;
}
