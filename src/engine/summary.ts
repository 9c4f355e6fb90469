/** State hash and final scores with their per-source breakdown. */
import { FACTIONS, REGIONS, type FactionId, type VpSource } from './ids.js';
import { hashJson } from './hash.js';
import type { GameState } from './state.js';

/** A digest of the whole state (same seed, rules and actions → same hash, anywhere). */
export function stateHash(state: GameState): string {
  return hashJson(state);
}

/**
 * The public figures of a game at the end of a round (the one shape for the solo debrief, the
 * class debrief and the simulator): what anyone at the table can see, nothing hidden.
 */
export interface RoundFigures {
  /** 0 = the start of the game, n = the end of round n. */
  round: number;
  risk: number;
  tension: number;
  factions: Record<FactionId, { capital: number; debt: number; capability: number; influence: number; vp: number }>;
}

/** The public figures of `state`, labelled as the end of `round` (0: the start); influence is the total on the board. */
export function roundFigures(state: GameState, round: number): RoundFigures {
  const factions = {} as RoundFigures['factions'];
  for (const id of FACTIONS) {
    const f = state.factions[id];
    const influence = REGIONS.reduce((sum, r) => sum + f.influence[r], 0);
    factions[id] = { capital: f.capital, debt: f.debt, capability: f.capability, influence, vp: f.vp };
  }
  return { round, risk: state.tracks.risk, tension: state.tracks.tension, factions };
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
