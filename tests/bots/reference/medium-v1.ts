/**
 * The `medium` level: every candidate action is tried on a working copy of the seat's view
 * and the resulting position evaluated (one-step look-ahead), plus the faction's priorities
 * from rules/bots.json. Deterministic for a given view; the stream only breaks exact ties.
 */
import { FACTIONS, applyActionInPlace, type Action, type FactionId, type GameState, type Rng, type Rules } from '../../../src/engine/index.js';
import { cloneGame } from '../../../src/bots/clone.js';
import { candidateActions } from './candidates-v1.js';
import { COMPONENTS, positionRiskPenalty, projectAll, utility, type Projection } from './evaluate-v1.js';
import type { Driver } from '../../../src/bots/explain.js';
import { actionPriority } from './priority-v1.js';
import { weightsFor, type BotWeights } from '../../../src/bots/weights.js';

/** One weighed action: its value (utility after it, plus priority), its main driver, and the seat's projection after it. */
export interface ScoredAction {
  action: Action;
  value: number;
  driver: Driver;
  projection: Projection;
}

interface Trial {
  action: Action;
  value: number;
  tie: number;
  mine: Projection;
  rivalsBest: number;
  risk: number;
}

/** How far (in projected VP) an action must beat the average candidate on one component for that component to explain it. */
const DRIVER_MIN_GAIN = 0.05;

/** The main driver of an action: where it beats the average candidate by the most. */
function mainDriver(trial: Trial, mean: Omit<Trial, 'action' | 'value' | 'tie'>): Driver {
  let best: Driver = 'none';
  let gain = DRIVER_MIN_GAIN;
  for (const c of COMPONENTS) {
    const d = trial.mine[c] - mean.mine[c];
    if (d > gain) {
      gain = d;
      best = c;
    }
  }
  if (mean.risk - trial.risk > gain) {
    gain = mean.risk - trial.risk;
    best = 'risk';
  }
  if (mean.rivalsBest - trial.rivalsBest > gain) best = 'rivals';
  return best;
}

function meanOf(trials: Trial[]): Omit<Trial, 'action' | 'value' | 'tie'> {
  const mine = { vp: 0, regions: 0, agenda: 0, money: 0, capability: 0, influence: 0, total: 0 } as Projection;
  let rivalsBest = 0;
  let risk = 0;
  for (const t of trials) {
    for (const c of COMPONENTS) mine[c] += t.mine[c] / trials.length;
    rivalsBest += t.rivalsBest / trials.length;
    risk += t.risk / trials.length;
  }
  return { mine, rivalsBest, risk };
}

/**
 * Scores every candidate action of `seat` in `state` (a seat's view or a working copy; it is
 * not changed), best first. `rng` only breaks ties.
 */
export function scoreActions(rules: Rules, weights: BotWeights, state: GameState, seat: FactionId, rng: Rng): ScoredAction[] {
  const w = weightsFor(weights, seat);
  const base = cloneGame({ ...state, log: [] });
  const trials: Trial[] = [];
  for (const action of candidateActions(rules, base, seat, w.medium.releaseCombos)) {
    const priority = actionPriority(rules, w, base, seat, action);
    const next = cloneGame(base);
    if (applyActionInPlace(rules, next, seat, action)) continue;
    const after = projectAll(rules, w, next);
    const value = utility(rules, w, next, seat, after) + priority;
    const rivalsBest = Math.max(...FACTIONS.filter((id) => id !== seat).map((id) => after[id].total));
    trials.push({ action, value, tie: rng.next(), mine: after[seat], rivalsBest, risk: positionRiskPenalty(rules, w, next) });
  }
  trials.sort((a, b) => b.value - a.value || a.tie - b.tie);
  const mean = meanOf(trials);
  return trials.map((t) => ({ action: t.action, value: t.value, driver: mainDriver(t, mean), projection: t.mine }));
}

/** The medium policy's choice (the best-scored action). */
export function mediumAction(rules: Rules, w: BotWeights, state: GameState, seat: FactionId, rng: Rng): ScoredAction {
  const best = scoreActions(rules, w, state, seat, rng)[0];
  if (!best) throw new Error(`No legal action for ${seat} in round ${state.round}`);
  return best;
}
