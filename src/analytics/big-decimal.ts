/**
 * decimal.js as the measures use it: weighted sums of survey weights and rates. (Amounts of đồng,
 * on the classification's path, are the library's own exact `Decimal` on BigInt; the
 * measures need division and rounding to places, which decimal.js does.)
 *
 * @module
 */
import { Decimal as DecimalBase } from 'decimal.js';

/**
 * Significant digits of the measures' decimal arithmetic: more than any exact result on the
 * values they accept can need (a weight spans at most 40 + 40 digits; times a household size, or
 * summed over any number of households, it stays under 120), so sums never round. Only divisions
 * (rates) round, half to even.
 */
const PRECISION = 200;

/** decimal.js with enough precision that no product or sum of accepted weights is rounded. */
export const BigDecimal = /* @__PURE__ */ DecimalBase.clone({ precision: PRECISION, rounding: DecimalBase.ROUND_HALF_EVEN });
/** A decimal.js value of the measures' configuration. */
export type BigDecimal = InstanceType<typeof BigDecimal>;
