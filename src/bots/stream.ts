/**
 * Each decision's random stream: derived from the bot's seed and the view's round and action
 * count only, so a decision depends on (view, seed, level) and never on call history.
 */
import { Rng, type GameState } from '../engine/index.js';
import { cloneGame } from './clone.js';

/**
 * The random stream of the decision a bot seeded `seed` takes in the position `view`: the
 * stream of `new Rng({ rng: seedRng(…) })` over the same string, without writing its state back
 * into a holder after every draw (nobody reads it), so a draw allocates nothing.
 */
export function decisionRng(seed: string, view: Pick<GameState, 'round' | 'actionCount'>): Rng {
  return Rng.detached(`${seed}/decision/${view.round}/${view.actionCount}`);
}

/**
 * A working copy of a view as a plain game state: no log (the engine only appends to it), no
 * viewer or hidden counts. The bots apply actions to such copies, never to the view.
 */
export function scratchOf(view: GameState): GameState {
  const copy = { ...view, log: [] } as GameState & { viewer?: unknown; hidden?: unknown };
  delete copy.viewer;
  delete copy.hidden;
  return cloneGame(copy);
}
