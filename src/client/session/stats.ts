/** Public per-round numbers of a game state, for the debrief charts. */
import { FACTIONS, REGIONS, type GameState } from '../../engine/index.js';
import type { RoundStats } from './session.js';

/** The public stats of `state`, labelled as the end of `round` (0: the start). */
export function roundStats(state: GameState, round: number): RoundStats {
  const factions = {} as RoundStats['factions'];
  for (const id of FACTIONS) {
    const f = state.factions[id];
    const influence = REGIONS.reduce((sum, r) => sum + f.influence[r], 0);
    factions[id] = { capital: f.capital, debt: f.debt, capability: f.capability, influence, vp: f.vp };
  }
  return { round, risk: state.tracks.risk, tension: state.tracks.tension, factions };
}
