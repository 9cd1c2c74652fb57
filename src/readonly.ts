/**
 * The input types of the typed definitions, as readonly at every depth, so that a value written
 * `as const` fits them as well as a mutable one does.
 *
 * @module
 */

/**
 * `T` with every array and object property readonly, at every depth. A mutable value fits it as
 * well as one written `as const`; unknown keys of an object literal are still refused.
 *
 * Example:
 *
 *     const source = { instrument: 'Resolution 12/2024/NQ-HĐND', source: 'primary', seenIn: ['the provincial gazette'] } as const;
 *     const reference: DeepReadonly<Reference> = source;
 */
export type DeepReadonly<T> = T extends (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends readonly (infer U)[]
    ? readonly DeepReadonly<U>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;
