/**
 * The `hard` level's search: policy improvement over the medium bot by paired rollouts.
 * Each sample draws one determinisation of the seat's view (never the true state); every root
 * candidate is then tried in that same world and the game played on by the medium policy for
 * every seat up to a horizon (the end of the round, the next scoring, or the end of the game),
 * where the seat's utility is read. Sharing the worlds between candidates (common random
 * numbers) makes their comparison far less noisy than independent samples. Candidates are
 * pruned by successive halving, so the budget goes to the close calls. Deterministic for a
 * given (view, stream, budget).
 */
import { Rng, activeSeat, applyActionInPlace, type Action, type FactionId, type GameState, type Rules, type SeatView } from '../engine/index.js';
import { cloneGame } from './clone.js';
import { determiniseInPlace, hiddenPools } from './determinise.js';
import { DECISIVE, utility } from './evaluate.js';
import { mediumAction } from './medium.js';
import { scratchOf } from './stream.js';
import { weightsFor, type BotWeights } from './weights.js';

/** Where a rollout stops and the position is judged. */
export type Horizon = 'round' | 'scoring' | 'game';

/**
 * One root option after the search: its action, rollouts and mean utility (VP) for the searching
 * seat, and how far (VP) it fell behind the chosen option in the worlds both were played in.
 */
export interface RolloutResult {
  action: Action;
  rollouts: number;
  mean: number;
  behind: number;
}

/** Search options: the budget in rollouts, the root actions (best prior first) and the horizon. */
export interface RolloutOptions {
  rollouts: number;
  rootActions: Action[];
  horizon: Horizon;
  /** Counts the rollouts played and the moves played inside them (for benchmarks). */
  stats?: SearchStats;
}

/** What a search did: its iterations (here, rollouts) and the moves it simulated. */
export interface SearchStats {
  iterations: number;
  moves: number;
}

/** The round at whose end a rollout stops. */
function stopRound(rules: Rules, state: GameState, horizon: Horizon): number {
  if (horizon === 'round') return state.round;
  if (horizon === 'game') return rules.game.rounds.count;
  return rules.game.rounds.scoring.find((r) => r >= state.round) ?? rules.game.rounds.count;
}

/** Plays the medium policy for every seat from `state` (in place) until the round after `last` begins or the game ends. */
function playOn(rules: Rules, weights: BotWeights, state: GameState, last: number, rng: Rng): number {
  let n = 0;
  for (; n < 2_000 && state.phase !== 'over' && state.round <= last; n++) {
    const mover = activeSeat(state) as FactionId;
    applyActionInPlace(rules, state, mover, mediumAction(rules, weights, state, mover, rng).action);
  }
  return n;
}

/** Searches the position of `view` for its viewer; returns the root options, best first. */
export function rolloutSearch(rules: Rules, weights: BotWeights, view: SeatView, rng: Rng, options: RolloutOptions): RolloutResult[] {
  const seat = view.viewer;
  if (!seat) throw new Error('A search needs a seat view');
  const w = weightsFor(weights, seat);
  const pools = hiddenPools(rules, view);
  const scratch = scratchOf(view);
  const last = stopRound(rules, scratch, options.horizon);
  const stats = options.rootActions.map((action) => ({ action, rollouts: 0, total: 0, byWorld: new Map<number, number>() }));
  let worlds = 0;
  let alive = stats.map((_, i) => i);
  // Successive halving: rounds of equal samples for the candidates still alive, then the worse half goes.
  const rounds = Math.max(1, Math.ceil(Math.log2(Math.max(2, alive.length))));
  let budget = options.rollouts;
  for (let r = 0; r < rounds && budget > 0; r++) {
    // Every candidate alive gets the same worlds, so their means stay comparable (a remainder smaller than the field is left unspent).
    const perCandidate = Math.max(1, Math.floor(budget / (alive.length * (rounds - r))));
    for (let k = 0; k < perCandidate && budget > 0; k++) {
      const world = determiniseInPlace(cloneGame(scratch), view, pools, rng);
      const worldId = worlds++;
      const streamSeed = String(rng.next());
      for (const i of alive) {
        if (budget <= 0) break;
        const s = stats[i] as (typeof stats)[number];
        const state = cloneGame(world);
        applyActionInPlace(rules, state, seat, s.action);
        const moves = playOn(rules, weights, state, last, Rng.detached(streamSeed));
        if (options.stats) {
          options.stats.iterations++;
          options.stats.moves += moves + 1;
        }
        const value = state.phase === 'over' && state.result?.reason === 'catastrophe' ? -DECISIVE : utility(rules, w, state, seat);
        s.total += value;
        s.byWorld.set(worldId, value);
        s.rollouts++;
        budget--;
      }
    }
    if (alive.length <= 1) continue;
    alive = [...alive].sort((a, b) => mean(stats[b]) - mean(stats[a]) || a - b).slice(0, Math.ceil(alive.length / 2));
  }
  // The finalists (equal rollouts, the most) by mean, then those dropped earlier, latest first.
  const ranked = [...stats].sort((a, b) => b.rollouts - a.rollouts || mean(b) - mean(a));
  const chosen = ranked[0];
  return ranked.map((s) => ({ action: s.action, rollouts: s.rollouts, mean: mean(s), behind: chosen ? pairedGap(chosen.byWorld, s.byWorld) : 0 }));
}

/** Mean of `a − b` over the worlds where both were played (the chosen option was played in every world the others were). */
function pairedGap(a: Map<number, number>, b: Map<number, number>): number {
  let sum = 0;
  let n = 0;
  for (const [world, value] of b) {
    const other = a.get(world);
    if (other === undefined) continue;
    sum += other - value;
    n++;
  }
  return n > 0 ? sum / n : 0;
}

function mean(s: { rollouts: number; total: number } | undefined): number {
  return s && s.rollouts > 0 ? s.total / s.rollouts : -Infinity;
}
