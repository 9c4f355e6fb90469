/**
 * The `random` level: a uniformly random legal action, drawn from the decision's own stream
 * (`decisionRng(seed, state)`), so one seed plays the same game in the simulator, the browser
 * and the server.
 */
import { sampleLegalAction, type Action, type FactionId, type GameState, type Rules } from '../engine/index.js';
import { decisionRng } from './stream.js';

/**
 * The random level's pick for `seat`: the engine's uniform sampler over the legal actions, fed
 * by the decision's own stream. Legal actions depend only on what the seat may see (its own
 * hand, public state), so the true state or the seat's view give the same pick.
 */
export function randomPick(rules: Rules, state: GameState, seat: FactionId, seed: string): Action {
  const action = sampleLegalAction(rules, state, seat, decisionRng(seed, state));
  if (!action) throw new Error(`No legal action for ${seat} in round ${state.round}`);
  return action;
}
