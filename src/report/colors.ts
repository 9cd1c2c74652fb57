/**
 * One colour per category in every chart: poor households are the same red in the deprivation
 * profile and in the rates by group, so that a reader who has learnt a colour once can trust it.
 *
 * @module
 */
import type { Category } from '../rule.js';

/** The colour of each category (and of all households together) in the charts. */
export const categoryColors: Readonly<Record<Category | 'poor-or-near-poor' | 'all', string>> = {
  all: '#5d6d7e',
  poor: '#c0392b',
  'near-poor': '#e67e22',
  'poor-or-near-poor': '#8e44ad',
  average: '#2e86c1',
  none: '#27ae60',
};
