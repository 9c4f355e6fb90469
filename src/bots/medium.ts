/**
 * The `medium` level: every candidate action is tried on a working copy of the seat's view
 * and the resulting position evaluated (one-step look-ahead), plus the faction's priorities
 * from rules/bots.json. Deterministic for a given view; the stream only breaks exact ties.
 * One working copy serves every candidate: applied to, evaluated, then reset in place
 * (working.ts), so a decision copies the position once.
 */
import { FACTIONS, applyLegalActionInPlace, type Action, type FactionId, type GameState, type Rng, type Rules } from '../engine/index.js';
import { candidateActions } from './candidates.js';
import { COMPONENTS, positionRiskPenalty, projectAllInto, utilityAt, type Projection } from './evaluate.js';
import type { Driver } from './explain.js';
import { actionPriority } from './priority.js';
import { weightsFor, type BotWeights } from './weights.js';
import { WorkingState } from './working.js';

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
  // Component by component in the trials' order, each term divided first (as the explanations always had it).
  const n = trials.length;
  let vp = 0;
  let regions = 0;
  let agenda = 0;
  let money = 0;
  let capability = 0;
  let influence = 0;
  let rivalsBest = 0;
  let risk = 0;
  for (let i = 0; i < n; i++) {
    const t = trials[i] as Trial;
    const m = t.mine;
    vp += m.vp / n;
    regions += m.regions / n;
    agenda += m.agenda / n;
    money += m.money / n;
    capability += m.capability / n;
    influence += m.influence / n;
    rivalsBest += t.rivalsBest / n;
    risk += t.risk / n;
  }
  return { mine: { vp, regions, agenda, money, capability, influence, total: 0 }, rivalsBest, risk };
}

const AFTER: Record<FactionId, Projection> = {
  us: { vp: 0, regions: 0, agenda: 0, money: 0, capability: 0, influence: 0, total: 0 },
  china: { vp: 0, regions: 0, agenda: 0, money: 0, capability: 0, influence: 0, total: 0 },
  eu: { vp: 0, regions: 0, agenda: 0, money: 0, capability: 0, influence: 0, total: 0 },
};

/** The working copy the policy reuses from one decision to the next (a decision never runs inside another). */
let shared: WorkingState | null = null;

/** Every candidate of `seat` tried and weighed, in the candidates' order (one draw of `rng` each). */
function trialsOf(rules: Rules, weights: BotWeights, state: GameState, seat: FactionId, rng: Rng): Trial[] {
  const w = weightsFor(weights, seat);
  // The base is only read (a shallow copy without the log); the working copy is the one changed.
  const base: GameState = { ...state, log: [] };
  const work = shared ? shared.rebase(base) : (shared = new WorkingState(base));
  const next = work.state;
  const trials: Trial[] = [];
  const candidates = candidateActions(rules, base, seat, w.medium.releaseCombos);
  let last: Action | null = null;
  for (let i = 0; i < candidates.length; i++) {
    const action = candidates[i] as Action;
    const priority = actionPriority(rules, w, base, seat, action);
    if (last) work.undo(last);
    // A candidate is one of the base's legal actions, and the copy is the base: no check again.
    applyLegalActionInPlace(rules, next, seat, action);
    last = action;
    const after = projectAllInto(rules, w, next, AFTER);
    const risk = positionRiskPenalty(rules, w, next);
    const value = utilityAt(w, next, seat, after, risk) + priority;
    let rivalsBest = -Infinity;
    for (const id of FACTIONS) if (id !== seat) rivalsBest = Math.max(rivalsBest, after[id].total);
    const m = after[seat];
    const mine = { vp: m.vp, regions: m.regions, agenda: m.agenda, money: m.money, capability: m.capability, influence: m.influence, total: m.total };
    trials.push({ action, value, tie: rng.next(), mine, rivalsBest, risk });
  }
  trials.sort(byValue);
  return trials;
}

/** Best value first; exact ties by the random draw. */
function byValue(a: Trial, b: Trial): number {
  return b.value - a.value || a.tie - b.tie;
}

/**
 * Scores every candidate action of `seat` in `state` (a seat's view or a working copy; it is
 * not changed), best first. `rng` only breaks ties.
 */
export function scoreActions(rules: Rules, weights: BotWeights, state: GameState, seat: FactionId, rng: Rng): ScoredAction[] {
  const trials = trialsOf(rules, weights, state, seat, rng);
  const mean = meanOf(trials);
  return trials.map((t) => ({ action: t.action, value: t.value, driver: mainDriver(t, mean), projection: t.mine }));
}

/**
 * The best-scored action of type `type` when one is legal, else the best: what
 * `scoreActions(…).find((s) => s.action.type === type) ?? scoreActions(…)[0]` picks, without
 * the drivers (the single-minded levels' choice in the simulator).
 */
export function preferredAction(rules: Rules, w: BotWeights, state: GameState, seat: FactionId, rng: Rng, type: string): Action {
  const trials = trialsOf(rules, w, state, seat, rng);
  const best = trials.find((t) => t.action.type === type) ?? trials[0];
  if (!best) throw new Error(`No legal action for ${seat} in round ${state.round}`);
  return best.action;
}

/** The medium policy's choice: the first of `scoreActions` (only its driver worked out). */
export function mediumAction(rules: Rules, w: BotWeights, state: GameState, seat: FactionId, rng: Rng): ScoredAction {
  const trials = trialsOf(rules, w, state, seat, rng);
  const best = trials[0];
  if (!best) throw new Error(`No legal action for ${seat} in round ${state.round}`);
  return { action: best.action, value: best.value, driver: mainDriver(best, meanOf(trials)), projection: best.mine };
}
