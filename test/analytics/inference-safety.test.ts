// The safe twins of the design and of Alkire-Foster with inference never throw, and every error
// they give has a stable code, a path and a message that says what was expected and received.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeAlkireFosterInference, safeDesignMean, safeDesignRatio, safeDesignTotal, safeSurveyDesign, surveyDesign } from '../../src/analytics/index.js';
import { safePlanAfInference } from '../../src/analytics/alkire-foster-inference.js';
import { safeRestrictDesign } from '../../src/analytics/design.js';
import { errorCodes, type ErrorDetail } from '../../src/index.js';

const codes: ReadonlySet<string> = new Set(errorCodes);
const MEANINGLESS = /Invalid input|\[object |received\s*$|received\s*[,;)]|received undefined|whose reading raised/;
function coded(result: { success: boolean; error?: ErrorDetail }): void {
  if (result.success) return;
  const e = result.error!;
  expect(codes.has(e.code), e.code).toBe(true);
  expect(Array.isArray(e.path)).toBe(true);
  expect(e.message, e.message).not.toMatch(MEANINGLESS);
}

const cell = fc.oneof(fc.constantFrom(0, 1, '0', '1', '', 'NA', null, undefined, true, 2, '1.5', 'x'), fc.anything());
const row = fc.record({ a: cell, b: cell, w: fc.oneof(fc.constantFrom('1', '2.5', 3, -1, '', 'x'), fc.anything()), s: fc.oneof(fc.constantFrom('A', 'B', ''), fc.anything()), p: fc.oneof(fc.constantFrom('1', '2', '3'), fc.anything()) }, { requiredKeys: [] });

describe('safe twins', () => {
  it('safeAlkireFosterInference on arbitrary rows and options', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(row, { maxLength: 8 }), fc.anything()), fc.oneof(fc.constant({ indicators: ['a', 'b'], weights: 'perIndicator', k: [50, '1/3'], weight: 'w', strata: 's', psu: 'p' }), fc.anything()), (rows, options) => {
        coded(safeAlkireFosterInference(rows as never, options as never));
      }),
      { numRuns: 400 },
    );
  });
  it('safeSurveyDesign on arbitrary columns', () => {
    fc.assert(
      fc.property(fc.oneof(fc.record({ weights: fc.anything(), strata: fc.anything(), psu: fc.anything(), fpc: fc.anything(), lonelyPsu: fc.anything() }, { requiredKeys: [] }), fc.anything()), (input) => {
        coded(safeSurveyDesign(input as never));
      }),
      { numRuns: 400 },
    );
  });
  it('safePlanAfInference, safeRestrictDesign and the safe estimators on arbitrary input', () => {
    const design = surveyDesign({ psu: ['p', 'q', 'p'] });
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (a, b) => {
        coded(safePlanAfInference(a as never));
        coded(safeRestrictDesign(design, a as never));
        coded(safeDesignMean(design, a as never, b as never));
        coded(safeDesignRatio(design, [1, 2, 3], a as never));
        coded(safeDesignTotal(design, a as never));
      }),
      { numRuns: 300 },
    );
    expect(safeDesignMean(design, [1, 0, 1]).success).toBe(true);
  });
});
