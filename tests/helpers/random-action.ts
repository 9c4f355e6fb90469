import { sampleLegalAction, type Action, type FactionId, type GameState, type Rules } from '../../src/engine/index.js';

/** A uniformly random legal action from the test's own stream (the engine's sampler; the `random` bot level draws from its decision streams instead). */
export function randomAction(rules: Rules, state: GameState, seat: FactionId, rng: { int(n: number): number }): Action {
  const action = sampleLegalAction(rules, state, seat, rng);
  if (!action) throw new Error(`No legal action for ${seat}`);
  return action;
}
