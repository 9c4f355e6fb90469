/** State hash and final scores with their per-source breakdown. */
import { FACTIONS, type FactionId, type VpSource } from './ids.js';
import { hashJson } from './hash.js';
import type { GameState } from './state.js';

/** A digest of the whole state (same seed, rules and actions → same hash, anywhere). */
export function stateHash(state: GameState): string {
  return hashJson(state);
}

/** One faction's final score. */
export interface FinalScore {
  faction: FactionId;
  vp: number;
  breakdown: Record<VpSource, number>;
  rank: number;
  winner: boolean;
}

/** Final scores (or the current ones, mid-game), ranked. */
export function finalScores(state: GameState): FinalScore[] {
  const order = state.result?.ranking.length ? state.result.ranking : [...FACTIONS].sort((a, b) => state.factions[b].vp - state.factions[a].vp);
  return order.map((faction, i) => ({
    faction,
    vp: state.factions[faction].vp,
    breakdown: { ...state.factions[faction].vpBreakdown },
    rank: i + 1,
    winner: state.result?.winner === faction,
  }));
}
