/**
 * Bot speed on one set of positions (about 30, sampled from seeded random games): medium's
 * time per decision (its policy alone, beside the engine's time per applied action, and with
 * its explanation); hard's time per decision, iterations per second and simulated moves per
 * second at its default budget; the tree search's iterations per second; and boardgame.io's
 * MCTSBot iterations per second on the same positions; the expert level's time per decision. Measure with NODE_ENV=production.
 */
import { MCTSBot } from 'boardgame.io/ai';
import type { State } from 'boardgame.io';
import {
  FACTIONS,
  activeSeat,
  applyActionInPlace,
  cloneState,
  createInitialState,
  legalActions,
  viewFor,
  type Action,
  type FactionId,
  type GameState,
  type Rules,
} from '../../engine/index.js';
import { moveArgs } from '../../game/gigawatt.js';
import { bgioMatch, makeMoveAction } from '../run/bgio-play.js';
import { decide } from '../../bots/index.js';
import { mediumAction, scoreActions } from '../../bots/medium.js';
import { decisionRng } from '../../bots/stream.js';
import { defaultBotWeights } from '../../bots/weights.js';

/** The medium level's speed: its policy's decision, the whole decision with the explanation, and the engine beside them. */
export interface MediumSpeed {
  /** `decide` at the medium level, explanation and alternatives included. */
  msPerMove: number;
  /** The medium policy's decision (`mediumAction` on the seat's view: what the hard bot's rollouts and the simulator run), µs. */
  usPerDecision: number;
  /** The engine applying one action (the positions' games replayed), µs. */
  engineUsPerAction: number;
  /** usPerDecision / engineUsPerAction, the median of the alternating passes' ratios. */
  enginePerDecision: number;
  /** Candidate actions the policy weighs per decision, on average. */
  candidatesPerDecision: number;
}

/** What `measureBots` reports. */
export interface BotSpeed {
  positions: number;
  medium: MediumSpeed;
  /**
   * The hard bot at its default budget. With search `rollouts`, an iteration is one rollout:
   * the medium policy playing every seat to the horizon (`movesPerIteration` moves on average,
   * each weighing every candidate action), so `movesPerSecond` is the work behind it.
   */
  hard: { search: string; msPerMove: number; iterations: number; iterationsPerSecond: number; movesPerIteration: number; movesPerSecond: number };
  /** The expert level at its default budget (rootWidth candidates, `iterations` rollouts to `horizon`): its time a decision (wall). */
  expert: { msPerDecision: number; iterations: number; rootWidth: number; horizon: string; iterationsPerSecond: number };
  /** The tree search (search `mcts`: iterations cut off by the evaluation), on the same positions. */
  hardTree: { iterations: number; iterationsPerSecond: number; msPerMove: number };
  boardgameioMcts: { iterationsPerSecond: number; iterations: number; playoutDepth: number };
  /** hard.iterationsPerSecond / boardgameioMcts.iterationsPerSecond. */
  ratio: number;
  /** hardTree.iterationsPerSecond / boardgameioMcts.iterationsPerSecond. */
  treeRatio: number;
}

/** A sampled position: its game's seed, the state, and the actions that led there. */
export interface Position {
  seed: string;
  state: GameState;
  actions: { seat: FactionId; action: Action }[];
}

/**
 * Positions from seeded random games: game i stopped after 5 + 11·i mod 70 decisions. Each
 * decision indexes the legal list with the decision's stream (the random bot's pick before it
 * drew with the engine's sampler), so the positions, and the figures, are those of earlier runs.
 */
export function samplePositions(rules: Rules, count = 30): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < count; i++) {
    const seed = `bench-bots-${i}`;
    const state = createInitialState(rules, seed);
    const actions: Position['actions'] = [];
    const stop = 5 + ((11 * i) % 65);
    for (let n = 0; n < stop && state.phase !== 'over'; n++) {
      const seat = activeSeat(state) as FactionId;
      const legal = legalActions(rules, state, seat);
      const action = legal[decisionRng(`bench/${seed}/${seat}`, state).int(legal.length)] as Action;
      applyActionInPlace(rules, state, seat, action);
      actions.push({ seat, action });
    }
    if (state.phase !== 'over') out.push({ seed, state, actions });
  }
  return out;
}

/** The boardgame.io state of a sampled position: its game's actions replayed through boardgame.io's reducer. */
export function bgioStateAt(rules: Rules, p: Position): State<GameState> {
  const { reducer, initial } = bgioMatch(rules, p.seed);
  let state = initial;
  for (const { seat, action } of p.actions) state = reducer(state, makeMoveAction(seat, action.type, [moveArgs(action)]) as never) as State<GameState>;
  return state;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

/**
 * The medium policy and the engine in alternating passes (so a busy machine slows both alike):
 * each pass decides `DECISION_ROUNDS` times in every position, then replays every position's
 * game from its start (`ENGINE_REPLAYS` times); the figures are the medians over the passes,
 * in CPU time (this process's: on a shared machine, wall time mostly measures the others).
 */
export function measureMedium(rules: Rules, positions: readonly Position[], passes = 15): Omit<MediumSpeed, 'msPerMove'> {
  const weights = defaultBotWeights();
  const views = positions.map((p) => viewFor(p.state, activeSeat(p.state) as FactionId));
  const starts = positions.map((p) => createInitialState(rules, p.seed));
  const actions = positions.reduce((n, p) => n + p.actions.length, 0) * ENGINE_REPLAYS;
  let candidates = 0;
  for (const v of views) candidates += scoreActions(rules, weights, v, v.viewer as FactionId, decisionRng('count', v)).length;
  const decide = () => {
    for (let k = 0; k < DECISION_ROUNDS; k++) for (const v of views) mediumAction(rules, weights, v, v.viewer as FactionId, decisionRng('bench', v));
  };
  const replay = (states: GameState[]) => {
    for (let i = 0; i < positions.length; i++) {
      const state = states[i] as GameState;
      for (const { seat, action } of (positions[i] as Position).actions) applyActionInPlace(rules, state, seat, action);
    }
  };
  const fresh = () => Array.from({ length: ENGINE_REPLAYS }, () => starts.map((s) => cloneState(s)));
  for (let k = 0; k < 3; k++) {
    decide();
    for (const states of fresh()) replay(states);
  }
  const perDecision: number[] = [];
  const perAction: number[] = [];
  const ratios: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    const d = cpuMicroseconds(decide) / (views.length * DECISION_ROUNDS);
    const games = fresh();
    const a = cpuMicroseconds(() => games.forEach(replay)) / actions;
    perDecision.push(d);
    perAction.push(a);
    ratios.push(d / a);
  }
  return {
    usPerDecision: round(median(perDecision), 1),
    engineUsPerAction: round(median(perAction), 3),
    enginePerDecision: round(median(ratios), 1),
    candidatesPerDecision: round(candidates / views.length, 1),
  };
}

/** How many times a pass decides in every position and replays the positions' games (so each share of a pass is long enough to time). */
const DECISION_ROUNDS = 3;
const ENGINE_REPLAYS = 4;

/** The CPU time (µs, user and system) this process spends running `run`. */
function cpuMicroseconds(run: () => void): number {
  const start = process.cpuUsage();
  run();
  const used = process.cpuUsage(start);
  return used.user + used.system;
}

function time(run: () => void): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** The tree search's budget in the benchmark (its former default). */
const TREE_ITERATIONS = 3000;

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Measures the bots (and boardgame.io's MCTSBot) on the same ~30 positions. */
export function measureBots(rules: Rules, options: { positions?: number; bgioIterations?: number } = {}): BotSpeed {
  const positions = samplePositions(rules, options.positions ?? 30);
  const views = positions.map((p) => viewFor(p.state, activeSeat(p.state) as FactionId));
  const weights = defaultBotWeights();
  const iterations = weights.hard.iterations;
  const tree = { ...weights, hard: { ...weights.hard, search: 'mcts' as const, iterations: TREE_ITERATIONS } };
  // Warm the JIT up on the same positions first.
  for (const v of views) decide(rules, v, 'medium', 'warm');
  for (const v of views.slice(0, 5)) decide(rules, v, 'hard', 'warm');
  for (const v of views.slice(0, 5)) decide(rules, v, 'hard', 'warm', { weights: tree });
  let mediumMs = 0;
  for (const v of views) mediumMs += time(() => decide(rules, v, 'medium', 'bench'));
  const medium = measureMedium(rules, positions);
  let hardMs = 0;
  const stats = { iterations: 0, moves: 0 };
  for (const v of views) hardMs += time(() => decide(rules, v, 'hard', 'bench', { stats }));
  const expertStats = { iterations: 0, moves: 0 };
  for (const v of views.slice(0, 2)) decide(rules, v, 'expert', 'warm');
  let expertMs = 0;
  for (const v of views) expertMs += time(() => decide(rules, v, 'expert', 'bench', { stats: expertStats }));
  let treeMs = 0;
  for (const v of views) treeMs += time(() => decide(rules, v, 'hard', 'bench', { weights: tree }));
  const bgioIterations = options.bgioIterations ?? 10;
  const playoutDepth = 50;
  let bgioMs = 0;
  for (const p of positions) {
    const { game } = bgioMatch(rules, p.seed);
    const state = bgioStateAt(rules, p);
    const seat = activeSeat(state.G) as FactionId;
    const bot = new MCTSBot({ game, enumerate: game.ai?.enumerate as never, seed: p.seed, iterations: bgioIterations, playoutDepth });
    bgioMs += time(() => void bot.play(state, String(FACTIONS.indexOf(seat))));
  }
  // Rollout searches count what they did; a tree search always spends its whole budget.
  const hardIterations = weights.hard.search === 'rollouts' ? stats.iterations : iterations * views.length;
  const hardIps = hardIterations / (hardMs / 1000);
  const treeIps = (TREE_ITERATIONS * views.length) / (treeMs / 1000);
  const bgioIps = (bgioIterations * positions.length) / (bgioMs / 1000);
  return {
    positions: positions.length,
    medium: { msPerMove: round(mediumMs / views.length, 3), ...medium },
    hard: {
      search: weights.hard.search,
      msPerMove: round(hardMs / views.length),
      iterations,
      iterationsPerSecond: Math.round(hardIps),
      movesPerIteration: round(stats.iterations ? stats.moves / stats.iterations : 0, 1),
      movesPerSecond: Math.round(stats.moves / (hardMs / 1000)),
    },
    expert: {
      msPerDecision: round(expertMs / views.length),
      iterations: weights.expert.iterations,
      rootWidth: weights.expert.rootWidth,
      horizon: weights.expert.horizon,
      iterationsPerSecond: Math.round(expertStats.iterations / (expertMs / 1000)),
    },
    hardTree: { iterations: TREE_ITERATIONS, iterationsPerSecond: Math.round(treeIps), msPerMove: round(treeMs / views.length) },
    boardgameioMcts: { iterationsPerSecond: round(bgioIps, 1), iterations: bgioIterations, playoutDepth },
    ratio: round(hardIps / bgioIps, 1),
    treeRatio: round(treeIps / bgioIps, 1),
  };
}
