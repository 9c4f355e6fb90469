/** Invariants that must hold after every action of every game. */
import { FACTIONS, REGIONS, VP_SOURCES, freePower, gpusIn, influenceCap, type GameState, type Rules } from '../../src/engine/index.js';

/** Returns the first broken invariant, or null. */
export function brokenInvariant(rules: Rules, state: GameState): string | null {
  for (const id of FACTIONS) {
    const f = state.factions[id];
    if (f.capital < 0) return `${id} capital ${f.capital} is negative`;
    if (f.debt < 0) return `${id} debt ${f.debt} is negative`;
    if (f.compute < 0 || f.compute > rules.game.gpus.computeCap) return `${id} compute ${f.compute} out of range`;
    if (f.capability < 0 || f.capability > rules.game.limits.capability) return `${id} capability ${f.capability} out of range`;
    const sum = VP_SOURCES.reduce((n, k) => n + f.vpBreakdown[k], 0);
    if (sum !== f.vp) return `${id} VP ${f.vp} differs from the sum of its breakdown ${sum}`;
    if (f.hand.length > rules.game.upkeep.handSize) return `${id} holds ${f.hand.length} cards`;
    for (const r of REGIONS) {
      if (f.influence[r] < 0 || f.influence[r] > influenceCap(rules, id, r)) return `${id} influence ${f.influence[r]} in ${r}`;
      if (gpusIn(f, r) > f.modules[r] * rules.game.gpus.slotsPerModule) return `${id} has ${gpusIn(f, r)} GPUs in ${f.modules[r]} modules in ${r}`;
      if (f.modules[r] > 0 && rules.factions[id].forbidden.includes(r)) return `${id} has a module in forbidden ${r}`;
      if (id !== 'china' && f.gpus[r].domestic > 0) return `${id} has domestic GPUs`;
    }
  }
  for (const r of REGIONS) if (freePower(rules, state, r) < 0) return `modules exceed power in ${r}`;
  for (const [track, range] of Object.entries(rules.game.tracks)) {
    const v = state.tracks[track as keyof GameState['tracks']];
    if (v < range.min || v > range.max) return `track ${track} at ${v}`;
  }
  if (state.market.units < 0) return 'market below zero';
  return null;
}
