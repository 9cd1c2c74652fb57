/**
 * Water, sanitation and environment: a safe domestic water source, a hygienic latrine, and (from
 * 2027) hygienic waste handling. Decree 07/2021/NĐ-CP, Art. 3(1)(b); Decree 351/2025/NĐ-CP. The
 * qualifying lists are standard data (unconfirmed).
 *
 * @module
 */
import type { DerivationOf } from '../parameters.js';
import { factOutside, type DerivationContext, type RuleResult } from '../context.js';

export function domesticWater(ctx: DerivationContext, p: DerivationOf<'domesticWater'>): RuleResult {
  return factOutside(ctx.record.waterSource, p.safeSources, 'waterSource', {
    deprived: (v) => `the water source (${v}) is not a safe source`,
    ok: (v) => `the water source (${v}) is a safe source`,
  });
}

export function hygienicLatrine(ctx: DerivationContext, p: DerivationOf<'hygienicLatrine'>): RuleResult {
  return factOutside(ctx.record.latrineType, p.hygienicTypes, 'latrineType', {
    deprived: (v) => `the latrine (${v}) is not hygienic`,
    ok: (v) => `the latrine (${v}) is hygienic`,
  });
}

export function wasteTreatment(ctx: DerivationContext, p: DerivationOf<'wasteTreatment'>): RuleResult {
  return factOutside(ctx.record.wasteHandling, p.hygienic, 'wasteHandling', {
    deprived: (v) => `household waste (${v}) is neither collected nor treated hygienically`,
    ok: (v) => `household waste is ${v}`,
  });
}
