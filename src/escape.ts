/**
 * Escaping poverty between two reviews: a household on the previous poor list that is no longer
 * poor has escaped poverty; one on the previous near-poor list that is now neither poor nor
 * near-poor has escaped near-poverty (Decision 24/2021/QĐ-TTg: the commune recognises both).
 *
 * @module
 */
import type { Category } from './rule.js';

/** What the household escaped at this review, or `null`. */
export function escapedFrom(previous: 'poor' | 'near-poor', now: Category): 'poverty' | 'near-poverty' | null {
  if (previous === 'poor') return now === 'poor' ? null : 'poverty';
  return now === 'poor' || now === 'near-poor' ? null : 'near-poverty';
}
