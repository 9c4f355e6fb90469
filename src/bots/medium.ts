/**
 * The `medium` level: every candidate action is tried on a working copy of the seat's view
 * and the resulting position evaluated (one-step look-ahead), plus the faction's priorities
 * from rules/bots.json. Deterministic for a given view; the stream only breaks exact ties.
 * One working copy serves every candidate: applied to, evaluated, then reset in place
 * (working.ts), so a decision copies the position once.
 */
import { applyLegalActionInPlace, type Action, type FactionId, type GameState, type Rng, type Rules } from '../engine/index.js';
import { candidateActions } from './candidates.js';
import { ALL_ROWS, positionRiskPenalty, projectAllInto, utilityAt, type Projection } from './evaluate.js';
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

/**
 * One candidate tried: its value, tie draw, the seat's projection after it (component by
 * component), the best rival's projected total and the risk penalty. Pooled: a decision reuses
 * the objects of the last one (nothing returned refers to them).
 */
interface Trial {
  action: Action;
  value: number;
  tie: number;
  vp: number;
  regions: number;
  agenda: number;
  money: number;
  capability: number;
  influence: number;
  total: number;
  rivalsBest: number;
  risk: number;
}

/** The mean of the trials' components, rival best and risk. */
interface Mean {
  vp: number;
  regions: number;
  agenda: number;
  money: number;
  capability: number;
  influence: number;
  rivalsBest: number;
  risk: number;
}

/** How far (in projected VP) an action must beat the average candidate on one component for that component to explain it. */
const DRIVER_MIN_GAIN = 0.05;

/** The main driver of an action: where it beats the average candidate by the most (components in `COMPONENTS` order, then risk, then rivals). */
function mainDriver(t: Trial, mean: Mean): Driver {
  let best: Driver = 'none';
  let gain = DRIVER_MIN_GAIN;
  let d = t.vp - mean.vp;
  if (d > gain) {
    gain = d;
    best = 'vp';
  }
  d = t.regions - mean.regions;
  if (d > gain) {
    gain = d;
    best = 'regions';
  }
  d = t.agenda - mean.agenda;
  if (d > gain) {
    gain = d;
    best = 'agenda';
  }
  d = t.money - mean.money;
  if (d > gain) {
    gain = d;
    best = 'money';
  }
  d = t.capability - mean.capability;
  if (d > gain) {
    gain = d;
    best = 'capability';
  }
  d = t.influence - mean.influence;
  if (d > gain) {
    gain = d;
    best = 'influence';
  }
  if (mean.risk - t.risk > gain) {
    gain = mean.risk - t.risk;
    best = 'risk';
  }
  if (mean.rivalsBest - t.rivalsBest > gain) best = 'rivals';
  return best;
}

function meanOf(trials: readonly Trial[]): Mean {
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
    vp += t.vp / n;
    regions += t.regions / n;
    agenda += t.agenda / n;
    money += t.money / n;
    capability += t.capability / n;
    influence += t.influence / n;
    rivalsBest += t.rivalsBest / n;
    risk += t.risk / n;
  }
  return { vp, regions, agenda, money, capability, influence, rivalsBest, risk };
}

/** The seat's projection after a trial (a new object). */
function projectionOf(t: Trial): Projection {
  return { vp: t.vp, regions: t.regions, agenda: t.agenda, money: t.money, capability: t.capability, influence: t.influence, total: t.total };
}

const AFTER: Record<FactionId, Projection> = {
  us: { vp: 0, regions: 0, agenda: 0, money: 0, capability: 0, influence: 0, total: 0 },
  china: { vp: 0, regions: 0, agenda: 0, money: 0, capability: 0, influence: 0, total: 0 },
  eu: { vp: 0, regions: 0, agenda: 0, money: 0, capability: 0, influence: 0, total: 0 },
};

/** The working copy the policy reuses from one decision to the next (a decision never runs inside another). */
let shared: WorkingState | null = null;
/** The trial objects, reused from one decision to the next, and the list of the current decision's. */
const pool: Trial[] = [];
const TRIALS: Trial[] = [];

function pooled(i: number): Trial {
  let t = pool[i];
  if (!t) {
    t = {
      action: { type: 'collect' },
      value: 0,
      tie: 0,
      vp: 0,
      regions: 0,
      agenda: 0,
      money: 0,
      capability: 0,
      influence: 0,
      total: 0,
      rivalsBest: 0,
      risk: 0,
    };
    pool[i] = t;
  }
  return t;
}

/**
 * Every candidate of `seat` tried and weighed, best value first, exact ties by the random draw
 * (one draw of `rng` each, in the candidates' order). The list and its trials are reused by the
 * next decision.
 */
function trialsOf(rules: Rules, weights: BotWeights, state: GameState, seat: FactionId, rng: Rng): Trial[] {
  const w = weightsFor(weights, seat);
  const e = w.evaluation;
  // The state is only read; the working copy (without the log, which nothing here reads) is the one changed.
  const work = shared ? shared.rebase(state) : (shared = new WorkingState(state, { withoutLog: true }));
  const next = work.state;
  const trials = TRIALS;
  trials.length = 0;
  const candidates = candidateActions(rules, state, seat, w.medium.releaseCombos);
  let last: Action | null = null;
  // The board rows the last candidate changed (all of them before the first).
  let changed = ALL_ROWS;
  // Of those, the rows whose GPUs it changed.
  let changedGpus = ALL_ROWS;
  const round = state.round;
  for (let i = 0; i < candidates.length; i++) {
    const action = candidates[i] as Action;
    const priority = actionPriority(rules, w, state, seat, action);
    if (last) work.undo(last);
    // A candidate is one of the base's legal actions, and the copy is the base: no check again.
    applyLegalActionInPlace(rules, next, seat, action);
    last = action;
    const whole = next.round !== round || next.log.length !== 0 || next.phase === 'over';
    const rows = whole ? ALL_ROWS : rowsChangedBy(action, seat);
    const gpuRows = whole ? ALL_ROWS : gpuRowsChangedBy(action, seat);
    const after = projectAllInto(rules, w, next, AFTER, rows | changed, gpuRows | changedGpus);
    changed = rows;
    changedGpus = gpuRows;
    const risk = positionRiskPenalty(rules, w, next);
    // The best rival's projection and the rivals' sum, in `FACTIONS` order (as `utilityAt`).
    let rivalsBest = -Infinity;
    let sum = 0;
    if (seat !== 'us') {
      rivalsBest = Math.max(rivalsBest, after.us.total);
      sum += after.us.total;
    }
    if (seat !== 'china') {
      rivalsBest = Math.max(rivalsBest, after.china.total);
      sum += after.china.total;
    }
    if (seat !== 'eu') {
      rivalsBest = Math.max(rivalsBest, after.eu.total);
      sum += after.eu.total;
    }
    const m = after[seat];
    const utility = next.phase === 'over' ? utilityAt(w, next, seat, after, risk) : m.total - e.rivalMax * rivalsBest - (e.rivalMean * sum) / 2 - risk;
    const t = pooled(trials.length);
    t.action = action;
    t.value = utility + priority;
    t.tie = rng.next();
    t.vp = m.vp;
    t.regions = m.regions;
    t.agenda = m.agenda;
    t.money = m.money;
    t.capability = m.capability;
    t.influence = m.influence;
    t.total = m.total;
    t.rivalsBest = rivalsBest;
    t.risk = risk;
    trials.push(t);
  }
  sortByValue(trials);
  return trials;
}

/** The seat's row (bit k for `FACTIONS[k]`). */
const ROW: Record<FactionId, number> = { us: 1, china: 2, eu: 4 };

/**
 * The factions whose influence, modules or GPUs an action changed, when the round did not end
 * and nothing was logged (working.ts's `undo` lists what such an action changes): building,
 * expanding, a deal and a GPU purchase change the seat's own; a release also its rivals' (their
 * influence where it spills); a card or a choice, anything; the other actions none.
 */
function rowsChangedBy(action: Action, seat: FactionId): number {
  switch (action.type) {
    case 'build':
    case 'expand':
    case 'deal':
    case 'buyGpus':
      return ROW[seat];
    case 'release':
    case 'playCard':
    case 'choose':
      return ALL_ROWS;
    default:
      return 0;
  }
}

/**
 * Of `rowsChangedBy`, the factions whose GPUs an action changed (the same conditions): a GPU
 * purchase the seat's; a card, a choice or a release (kept whole, as its rows) any; the others
 * none (working.ts's `undo` puts GPUs back only after a purchase or a card).
 */
function gpuRowsChangedBy(action: Action, seat: FactionId): number {
  switch (action.type) {
    case 'buyGpus':
      return ROW[seat];
    case 'release':
    case 'playCard':
    case 'choose':
      return ALL_ROWS;
    default:
      return 0;
  }
}

/** Best value first; exact ties by the random draw. */
function byValue(a: Trial, b: Trial): number {
  return b.value - a.value || a.tie - b.tie;
}

/** Sorts by `byValue`, stably (what `Array.prototype.sort` gives: a few dozen trials, sorted by insertion). */
function sortByValue(trials: Trial[]): void {
  for (let i = 1; i < trials.length; i++) {
    const x = trials[i] as Trial;
    let j = i - 1;
    while (j >= 0 && byValue(trials[j] as Trial, x) > 0) {
      trials[j + 1] = trials[j] as Trial;
      j--;
    }
    trials[j + 1] = x;
  }
}

/**
 * Scores every candidate action of `seat` in `state` (a seat's view or a working copy; it is
 * not changed), best first. `rng` only breaks ties.
 */
export function scoreActions(rules: Rules, weights: BotWeights, state: GameState, seat: FactionId, rng: Rng): ScoredAction[] {
  const trials = trialsOf(rules, weights, state, seat, rng);
  const mean = meanOf(trials);
  return trials.map((t) => ({ action: t.action, value: t.value, driver: mainDriver(t, mean), projection: projectionOf(t) }));
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
  return { action: best.action, value: best.value, driver: mainDriver(best, meanOf(trials)), projection: projectionOf(best) };
}
