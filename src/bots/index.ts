/**
 * The bots' one interface: a seat's view + a seed + a level → an action and its explanation.
 * Pure and free of Node imports (usable by the simulator, a browser Web Worker and the
 * server). A decision depends only on (view, seed, level, options): its random stream derives
 * from the seed and the view's round and action count.
 */
import {
  activeSeat,
  fillTexts,
  gameText,
  legalActions,
  viewFor,
  type Action,
  type FactionId,
  type GameState,
  type Rules,
  type SeatView,
} from '../engine/index.js';
import { aimsOfAction, aimsText, chosenAims, describeAction, describeForExplanation, explanation, gapText, type Bilingual, type Driver } from './explain.js';
import { singleMindedType, type AnyBotLevel } from './levels.js';
import { mediumAction, preferredAction, scoreActions } from './medium.js';
import { search } from './mcts.js';
import { randomPick } from './random.js';
import { rolloutSearch, type SearchStats } from './rollout.js';
import { decisionRng } from './stream.js';
import { defaultBotWeights, expertWeights, hardWeights, type BotWeights } from './weights.js';

export { parseBotWeights, defaultBotWeights, botWeightsSchema, type BotWeights } from './weights.js';
export { describeAction, explainRecordedMove } from './explain.js';

export {
  ALL_BOT_LEVELS,
  BOT_LEVELS,
  SINGLE_MINDED_TYPES,
  isBotLevel,
  singleMindedType,
  type AnyBotLevel,
  type BotLevel,
  type SingleMindedLevel,
} from './levels.js';

/** One action a bot weighed, with its value: VP behind the chosen action (≤ 0; hard: in the same simulated worlds), or the share of simulated wins with the tree search. */
export interface WeighedAction {
  action: Action;
  value: number;
  en: string;
  fr: string;
}

/** A bot's decision: the action, why (in English and French), and the best alternatives it weighed. */
export interface BotDecision {
  action: Action;
  explanation: Bilingual;
  alternatives: WeighedAction[];
}

/** Options of a decision: other weights than rules/bots.json, another search budget. */
export interface DecideOptions {
  weights?: BotWeights;
  /** Hard and expert levels: search iterations (default: `hard.iterations` / `expert.iterations` of the weights). */
  iterations?: number;
  /** Hard level with rollouts: counts the rollouts and the moves simulated in them (benchmarks). */
  stats?: SearchStats;
}

function weighed(rules: Rules, state: GameState, action: Action, value: number): WeighedAction {
  return { action, value: Math.round(value * 1000) / 1000, ...describeAction(rules, state, action) };
}

/** "Build a module in India: it takes the lead in India, …": the action and the reason. */
function join(rules: Rules, state: GameState, action: Action, why: Bilingual): Bilingual {
  return explanation(rules, describeForExplanation(rules, state, action), why);
}

/** What `action` aims at for `seat`, read from what it changes in `state` (`driver`: the evaluation's reason, which picks the aim to lead with). */
function aimOf(rules: Rules, state: GameState, seat: FactionId, action: Action, driver?: Driver): Bilingual {
  return aimsText(rules, chosenAims(aimsOfAction(rules, state, seat, action), driver));
}

function decideRandom(rules: Rules, state: GameState, seat: FactionId, seed: string): BotDecision {
  const action = randomPick(rules, state, seat, seed);
  const among = legalActions(rules, state, seat).length;
  const aims = chosenAims(aimsOfAction(rules, state, seat, action)).slice(0, 1);
  const why = aims.length
    ? fillTexts(rules, gameText('bot.randomAim'), { count: among, aim: aimsText(rules, aims) })
    : fillTexts(rules, gameText('bot.random'), { count: among });
  return { action, explanation: join(rules, state, action, why), alternatives: [] };
}

/** A single-minded level's pick: the medium bot's best action of its favourite type when one is legal, else the medium bot's best. */
function singleMindedPick(rules: Rules, view: SeatView, seat: FactionId, seed: string, type: string, w: BotWeights) {
  const scored = scoreActions(rules, w, view, seat, decisionRng(seed, view));
  const pick = scored.find((s) => s.action.type === type) ?? scored[0];
  if (!pick) throw new Error(`No legal action for ${seat} in round ${view.round}`);
  return pick;
}

function decideMedium(rules: Rules, view: SeatView, seat: FactionId, seed: string, w: BotWeights): BotDecision {
  const scored = scoreActions(rules, w, view, seat, decisionRng(seed, view));
  const best = scored[0];
  if (!best) throw new Error(`No legal action for ${seat} in round ${view.round}`);
  return {
    action: best.action,
    explanation: join(rules, view, best.action, aimOf(rules, view, seat, best.action, best.driver)),
    alternatives: scored.slice(1, 1 + w.medium.alternatives).map((s) => weighed(rules, view, s.action, s.value - best.value)),
  };
}

/** The hard level's search, or the expert's (`w`: `hardWeights` or `expertWeights` of the shared weights). */
function decideHard(rules: Rules, view: SeatView, seat: FactionId, seed: string, w: BotWeights, iterations: number, stats?: SearchStats): BotDecision {
  const rng = decisionRng(seed, view);
  const scored = scoreActions(rules, w, view, seat, rng);
  const first = scored[0];
  if (!first) throw new Error(`No legal action for ${seat} in round ${view.round}`);
  if (scored.length === 1)
    return { action: first.action, explanation: join(rules, view, first.action, aimOf(rules, view, seat, first.action, first.driver)), alternatives: [] };
  const roots = scored.slice(0, w.hard.rootWidth);
  const rootActions = roots.map((s) => s.action);
  const why = (action: Action) => aimOf(rules, view, seat, action, roots.find((s) => s.action === action)?.driver ?? first.driver);
  let best: { action: Action; mean: number };
  let others: { action: Action; mean: number }[];
  let searched: Bilingual;
  if (w.hard.search === 'rollouts') {
    const results = rolloutSearch(rules, w, view, rng, { rollouts: iterations, rootActions, horizon: w.hard.horizon, ...(stats ? { stats } : {}) });
    best = results[0] ?? { action: first.action, mean: 0 };
    // Alternatives are valued by how far behind the chosen action they came, in the same simulated worlds.
    others = results.slice(1).map((r) => ({ action: r.action, mean: -r.behind }));
    const rollouts = results[0]?.rollouts ?? 0;
    searched = fillTexts(rules, gameText('bot.rollouts'), {
      why: why(best.action),
      rollouts,
      horizon: gameText(`bot.horizon.${w.hard.horizon}`),
      gap: gapText(rules, Math.max(0, results[1]?.behind ?? 0)),
    });
  } else {
    const results = search(rules, w, view, rng, { iterations, rootActions });
    best = results[0] ?? { action: first.action, mean: 0 };
    others = results.slice(1);
    const pct = Math.round(best.mean * 100);
    searched = fillTexts(rules, gameText('bot.search'), { why: why(best.action), iterations, pct });
  }
  return {
    action: best.action,
    explanation: join(rules, view, best.action, searched),
    alternatives: others.slice(0, w.medium.alternatives).map((r) => weighed(rules, view, r.action, r.mean)),
  };
}

/**
 * The alternatives of a decision that other seats may be shown: all but the cards still in the
 * bot's hand (a weighed "Play …" would reveal them), with the values rounded to 0.1 VP.
 */
export function shareableAlternatives(decision: BotDecision): { en: string; fr: string; value: number }[] {
  return decision.alternatives.filter((a) => a.action.type !== 'playCard').map((a) => ({ en: a.en, fr: a.fr, value: Math.round(a.value * 10) / 10 }));
}

/**
 * The decision of a bot of `level` for the seat whose view this is (it must be that seat's
 * turn). Reads nothing but the view: hidden parts are sampled, never looked up.
 */
export function decide(rules: Rules, view: SeatView, level: AnyBotLevel, seed: string, options: DecideOptions = {}): BotDecision {
  const seat = view.viewer;
  if (!seat || activeSeat(view) !== seat) throw new Error(`decide: it is not ${seat ?? 'a spectator'}'s turn`);
  const w = options.weights ?? defaultBotWeights();
  const favourite = singleMindedType(level);
  if (favourite) {
    const pick = singleMindedPick(rules, view, seat, seed, favourite, w);
    return { action: pick.action, explanation: join(rules, view, pick.action, aimOf(rules, view, seat, pick.action, pick.driver)), alternatives: [] };
  }
  switch (level) {
    case 'random':
      return decideRandom(rules, view, seat, seed);
    case 'medium':
      return decideMedium(rules, view, seat, seed, w);
    case 'hard':
      return decideHard(rules, view, seat, seed, hardWeights(w), options.iterations ?? w.hard.iterations, options.stats);
    case 'expert':
      return decideHard(rules, view, seat, seed, expertWeights(w), options.iterations ?? w.expert.iterations, options.stats);
    default:
      throw new Error(`decide: unknown bot level ${level}`);
  }
}

/**
 * The simulator's fast path: the action `decide(rules, viewFor(state, seat), level, seed)`
 * would take, without its explanation. Only the random level reads the true state directly
 * (legal actions depend on nothing hidden from the seat); the others go through `viewFor`.
 */
export function chooseAction(rules: Rules, state: GameState, seat: FactionId, level: AnyBotLevel, seed: string, options: DecideOptions = {}): Action {
  if (level === 'random') return randomPick(rules, state, seat, seed);
  const view = viewFor(state, seat);
  const favourite = singleMindedType(level);
  if (favourite) return preferredAction(rules, options.weights ?? defaultBotWeights(), view, seat, decisionRng(seed, view), favourite);
  // The medium level's choice is its policy's, without the explanation and alternatives decide words.
  if (level === 'medium') return mediumAction(rules, options.weights ?? defaultBotWeights(), view, seat, decisionRng(seed, view)).action;
  return decide(rules, view, level, seed, options).action;
}

/** `decide` on the true state: the same decision as `decide(rules, viewFor(state, seat), …)` (the random level skips the view). */
export function decideFast(rules: Rules, state: GameState, seat: FactionId, level: AnyBotLevel, seed: string, options: DecideOptions = {}): BotDecision {
  if (level === 'random') return decideRandom(rules, state, seat, seed);
  return decide(rules, viewFor(state, seat), level, seed, options);
}
