/** The `random` level: a uniformly random legal action, from the bot's own seeded stream. */
import { legalActions, type Action, type FactionId, type GameState, type Rules } from '../engine/index.js';
import type { Rng } from '../engine/rng.js';

/** Picks a uniformly random legal action for `seat` (legal actions depend only on what the seat may see). */
export function randomAction(rules: Rules, state: GameState, seat: FactionId, rng: Rng): Action {
  const actions = legalActions(rules, state, seat);
  const action = actions[rng.int(actions.length)];
  if (!action) throw new Error(`No legal action for ${seat} in round ${state.round}`);
  return action;
}
