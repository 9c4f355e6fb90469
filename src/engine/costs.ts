/** What things cost right now: shared by legality, apply and the board's cost labels. */
import type { FactionId, GpuKind, RegionId } from './ids.js';
import type { Rules } from './rules/load.js';
import type { GameState } from './state.js';
import { currentEra, isEnacted, modifierTotal, underEuRules } from './world.js';

/** $B to build one module in a region. */
export function buildCost(rules: Rules, state: GameState, seat: FactionId, region: RegionId): number {
  const c = rules.game.costs;
  const compliance = seat !== 'eu' && underEuRules(state, region) ? c.compliance : 0;
  return Math.max(0, c.build + state.tracks.tariffs + compliance + modifierTotal(state.factions[seat], 'buildCost'));
}

/** $B per GPU unit of a kind. Domestic chips ignore tariffs. */
export function gpuPrice(rules: Rules, state: GameState, seat: FactionId, kind: GpuKind): number {
  const g = rules.game.gpus;
  const mod = modifierTotal(state.factions[seat], 'gpuPrice');
  if (kind === 'domestic') return Math.max(0, g.domesticPrice + mod);
  return Math.max(0, (kind === 'frontier' ? g.frontierPrice : g.exportPrice) + state.tracks.tariffs + mod);
}

/** Does this faction need a copyright licence to train without surcharge now? */
export function needsLicence(rules: Rules, state: GameState, seat: FactionId): boolean {
  return seat !== 'eu' && isEnacted(state, 'copyright') && state.factions[seat].licenceEra !== currentEra(rules, state);
}

/** Compute to train one level up from the current capability (Infinity at the maximum). */
export function trainCost(rules: Rules, state: GameState, seat: FactionId): number {
  const f = state.factions[seat];
  const base = rules.game.training.costs[f.capability];
  if (base === undefined) return Infinity;
  let cost = base + modifierTotal(f, 'trainCost');
  if (needsLicence(rules, state, seat)) cost += rules.game.training.copyrightSurcharge;
  if (f.modifiers.some((m) => m.key === 'trainHalf')) cost = Math.ceil(cost / 2);
  return Math.max(1, cost);
}

/**
 * The $B of cloud compute a training by `seat` would pay now for the compute it lacks (0 when it
 * has enough; Infinity when it lacks some and the rules have no cloud compute, or at the maximum).
 */
export function cloudCost(rules: Rules, state: GameState, seat: FactionId): number {
  return cloudCostFor(rules, trainCost(rules, state, seat) - state.factions[seat].compute);
}

/** The $B of cloud compute for `missing` compute (0 when nothing is missing; Infinity when the rules have no cloud compute). */
export function cloudCostFor(rules: Rules, missing: number): number {
  if (missing <= 0) return 0;
  const price = rules.game.training.cloudPrice;
  return price === undefined ? Infinity : missing * price;
}

/** $B of interest due at upkeep on a debt. */
export function interestOn(rules: Rules, debt: number): number {
  return Math.ceil((debt * rules.game.upkeep.interestPercent) / 100);
}
