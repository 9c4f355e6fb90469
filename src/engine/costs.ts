/** What things cost right now: shared by legality, apply and the board's cost labels. */
import { FACTIONS, type FactionId, type GpuKind, type RegionId } from './ids.js';
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
  let cost = base + modifierTotal(f, 'trainCost') - (rules.factions[seat].trainingEfficiency ?? 0);
  if (needsLicence(rules, state, seat)) cost += rules.game.training.copyrightSurcharge;
  if (f.modifiers.some((m) => m.key === 'trainHalf')) cost = Math.ceil(cost / 2);
  return Math.max(1, cost);
}

/**
 * The $B of cloud compute a training by `seat` would pay now for the compute it lacks (0 when it
 * has enough; Infinity when it lacks some and the rules have no cloud compute, or at the maximum).
 */
export function cloudCost(rules: Rules, state: GameState, seat: FactionId): number {
  const missing = trainCost(rules, state, seat) - state.factions[seat].compute;
  if (missing > 0 && rules.game.training.cloudSource === 'rivals' && missing > rentableCompute(rules, state, seat)) return Infinity;
  return cloudCostFor(rules, missing);
}

/**
 * May `seat` rent cloud compute from `lender` now? Only from rivals' data centers
 * (`training.cloudSource: rivals`), and never between China and the others from the
 * know-your-customer level of export controls (`training.cloudKycFrom`).
 */
function mayRentFrom(rules: Rules, state: GameState, seat: FactionId, lender: FactionId): boolean {
  if (lender === seat) return false;
  const kyc = rules.game.training.cloudKycFrom;
  return !(kyc !== undefined && state.tracks.exportControls >= kyc && (seat === 'china' || lender === 'china'));
}

/** The unused compute of the rivals `seat` may rent from now (0 unless cloud compute comes from rivals). */
export function rentableCompute(rules: Rules, state: GameState, seat: FactionId): number {
  if (rules.game.training.cloudSource !== 'rivals') return 0;
  let n = 0;
  for (const id of FACTIONS) if (mayRentFrom(rules, state, seat, id)) n += state.factions[id].compute;
  return n;
}

/**
 * The rivals a training by `seat` rents `missing` compute from, with the units each lends: the
 * one with the most unused compute first (ties: board order of factions). Empty when cloud
 * compute comes from the market.
 */
export function cloudLenders(rules: Rules, state: GameState, seat: FactionId, missing: number): { lender: FactionId; units: number }[] {
  if (rules.game.training.cloudSource !== 'rivals' || missing <= 0) return [];
  const lenders = FACTIONS.filter((id) => mayRentFrom(rules, state, seat, id) && state.factions[id].compute > 0).sort(
    (a, b) => state.factions[b].compute - state.factions[a].compute,
  );
  const out: { lender: FactionId; units: number }[] = [];
  let left = missing;
  for (const lender of lenders) {
    if (left <= 0) break;
    const units = Math.min(left, state.factions[lender].compute);
    out.push({ lender, units });
    left -= units;
  }
  return out;
}

/** The $B of cloud compute for `missing` compute (0 when nothing is missing; Infinity when the rules have no cloud compute). */
function cloudCostFor(rules: Rules, missing: number): number {
  if (missing <= 0) return 0;
  const price = rules.game.training.cloudPrice;
  return price === undefined ? Infinity : missing * price;
}

/** $B of interest due at upkeep on a debt. */
export function interestOn(rules: Rules, debt: number): number {
  return Math.ceil((debt * rules.game.upkeep.interestPercent) / 100);
}
