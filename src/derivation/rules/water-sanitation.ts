/**
 * Water, sanitation and environment: a safe domestic water source, a hygienic latrine, and (from
 * 2027) hygienic waste handling. Decree 07/2021/NĐ-CP, Art. 3(1)(b); Decree 351/2025/NĐ-CP. The
 * qualifying lists are standard data (unconfirmed).
 *
 * @module
 */
import type { DerivationOf } from '../parameters.js';
import { factOutside, type DerivationContext, type RuleResult } from '../context.js';

const waterWords = {
  deprived: (v: string) => `the water source (${v}) is not a safe source`,
  ok: (v: string) => `the water source (${v}) is a safe source`,
};

export function domesticWater(ctx: DerivationContext, p: DerivationOf<'domesticWater'>): RuleResult {
  return factOutside(ctx, ctx.record.waterSource, p.safeSources, 'waterSource', waterWords);
}

const latrineWords = {
  deprived: (v: string) => `the latrine (${v}) is not hygienic`,
  ok: (v: string) => `the latrine (${v}) is hygienic`,
};

export function hygienicLatrine(ctx: DerivationContext, p: DerivationOf<'hygienicLatrine'>): RuleResult {
  return factOutside(ctx, ctx.record.latrineType, p.hygienicTypes, 'latrineType', latrineWords);
}

const wasteWords = {
  deprived: (v: string) => `household waste (${v}) is neither collected nor treated hygienically`,
  ok: (v: string) => `household waste is ${v}`,
};

export function wasteTreatment(ctx: DerivationContext, p: DerivationOf<'wasteTreatment'>): RuleResult {
  return factOutside(ctx, ctx.record.wasteHandling, p.hygienic, 'wasteHandling', wasteWords);
}
