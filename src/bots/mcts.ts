/**
 * The `hard` level's search: information-set Monte Carlo tree search over the pure engine.
 * Each iteration samples a determinisation of the seat's view (never the true state),
 * descends the tree (UCB with availability counts, progressive widening), optionally plays a
 * few moves of a cheap policy, then cuts off with the shared evaluation turned into rewards
 * in [0, 1] per faction. The budget is a number of iterations, so a search is deterministic.
 */
import { activeSeat, actionKey, applyActionInPlace, type Action, type FactionId, type Rng, type Rules, type SeatView } from '../engine/index.js';
import { cloneGame } from './clone.js';
import { candidateActions } from './candidates.js';
import { mediumAction } from './medium.js';
import { determiniseInPlace, hiddenPools } from './determinise.js';
import { rewards } from './evaluate.js';
import { scratchOf } from './stream.js';
import { actionPriority } from './priority.js';
import { weightsFor, type BotWeights } from './weights.js';

interface SearchNode {
  key: string;
  action: Action | null;
  /** The seat that took `action` (whose reward this node accumulates). */
  mover: FactionId | null;
  /** Prior value in [0, 1] (root children: the reward one step ahead on the view) and its weight in virtual visits. */
  prior: number;
  priorVisits: number;
  children: SearchNode[];
  visits: number;
  avail: number;
  total: number;
}

/** One root option after the search: its action, visits and mean reward for the searching seat. */
export interface SearchResult {
  action: Action;
  visits: number;
  mean: number;
}

/** Search options: the iteration budget and the root actions to consider, best prior first. */
export interface SearchOptions {
  iterations: number;
  rootActions: Action[];
}

function node(action: Action | null, mover: FactionId | null): SearchNode {
  return { key: action ? actionKey(action) : '', action, mover, prior: 0, priorVisits: 0, children: [], visits: 0, avail: 0, total: 0 };
}

function pickChild(children: SearchNode[], legal: Set<string>, c: number): SearchNode | null {
  let best: SearchNode | null = null;
  let bestValue = -Infinity;
  for (const child of children) {
    if (!legal.has(child.key)) continue;
    const value =
      (child.total + child.prior * child.priorVisits) / (child.visits + child.priorVisits) + c * Math.sqrt(Math.log(Math.max(1, child.avail)) / child.visits);
    if (value > bestValue) {
      bestValue = value;
      best = child;
    }
  }
  return best;
}

/** Searches the position of `view` for its viewer; returns the root options, most visited first. */
export function search(rules: Rules, weights: BotWeights, view: SeatView, rng: Rng, options: SearchOptions): SearchResult[] {
  const seat = view.viewer;
  if (!seat) throw new Error('A search needs a seat view');
  const w = weightsFor(weights, seat);
  const h = w.hard;
  const pools = hiddenPools(rules, view);
  const scratch = scratchOf(view);
  const root = node(null, null);
  const rootKeys = new Set(options.rootActions.map(actionKey));
  const priors = options.rootActions.map((action) => {
    const next = cloneGame(scratch);
    applyActionInPlace(rules, next, seat, action);
    const bonus = { us: 0, china: 0, eu: 0, [seat]: actionPriority(rules, w, scratch, seat, action) };
    return rewards(rules, w, next, bonus)[seat];
  });
  for (let it = 0; it < options.iterations; it++) {
    const det = determiniseInPlace(cloneGame(scratch), view, pools, rng);
    const path: SearchNode[] = [];
    // The faction priorities of the actions each seat takes on the way, as VP (as the medium bot weighs them).
    const bonus: Record<FactionId, number> = { us: 0, china: 0, eu: 0 };
    const take = (mover: FactionId, action: Action) => {
      bonus[mover] += actionPriority(rules, weights, det, mover, action);
      applyActionInPlace(rules, det, mover, action);
    };
    let current = root;
    while (det.phase !== 'over') {
      const mover = activeSeat(det) as FactionId;
      const acts = current === root ? options.rootActions : candidateActions(rules, det, mover, 1);
      const keys = current === root ? rootKeys : new Set(acts.map(actionKey));
      for (const child of current.children) if (keys.has(child.key)) child.avail++;
      const limit = current === root ? acts.length : Math.ceil(h.widening * Math.sqrt(current.visits + 1));
      let next: SearchNode | null = null;
      if (current.children.length < limit || !current.children.some((c) => keys.has(c.key))) {
        const known = new Set(current.children.map((c) => c.key));
        const fresh = acts.filter((a) => !known.has(actionKey(a)));
        if (fresh.length > 0) {
          const action = current === root ? (fresh[0] as Action) : (fresh[rng.int(fresh.length)] as Action);
          next = node(action, mover);
          next.avail = 1;
          if (current === root) {
            next.prior = priors[current.children.length] ?? 0;
            next.priorVisits = h.priorVisits;
          }
          current.children.push(next);
          take(mover, action);
          path.push(next);
          break;
        }
      }
      next = pickChild(current.children, keys, h.exploration);
      if (!next) break;
      take(mover, next.action as Action);
      path.push(next);
      current = next;
    }
    // Playout: a few moves of the medium policy (each seat with its own weights), until the
    // searching seat's next turn when `playoutToTurn` is set.
    for (let d = 0; d < h.playoutDepth && det.phase !== 'over'; d++) {
      const mover = activeSeat(det) as FactionId;
      if (h.playoutToTurn && mover === seat) break;
      take(mover, mediumAction(rules, weights, det, mover, rng).action);
    }
    const r = rewards(rules, w, det, bonus);
    root.visits++;
    for (const n of path) {
      n.visits++;
      n.total += r[n.mover as FactionId];
    }
  }
  return root.children
    .map((c) => ({ action: c.action as Action, visits: c.visits, mean: c.total / Math.max(1, c.visits) }))
    .sort((a, b) => b.visits - a.visits || b.mean - a.mean);
}
