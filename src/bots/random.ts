/** The `random` level: a uniformly random legal action, from the bot's own seeded stream. */
import { sampleLegalAction, type Action, type FactionId, type GameState, type Rules } from '../engine/index.js';
import type { Rng } from '../engine/rng.js';

/**
 * Picks a uniformly random legal action for `seat`. Legal actions depend only on what the
 * seat may see (its own hand, public state), so the true state or the seat's view give the same pick.
 */
export function randomAction(rules: Rules, state: GameState, seat: FactionId, rng: Rng): Action {
  const action = sampleLegalAction(rules, state, seat, rng);
  if (!action) throw new Error(`No legal action for ${seat} in round ${state.round}`);
  return action;
}
