/**
 * Bot speed on one set of positions (about 30, sampled from seeded random games): medium's
 * time per decision; hard's time per decision, iterations per second and simulated moves per
 * second at its default budget; the tree search's iterations per second; and boardgame.io's
 * MCTSBot iterations per second on the same positions. Measure with NODE_ENV=production.
 */
import { MCTSBot } from 'boardgame.io/ai';
import type { State } from 'boardgame.io';
import {
  FACTIONS,
  activeSeat,
  applyActionInPlace,
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
import { decisionRng } from '../../bots/stream.js';
import { defaultBotWeights } from '../../bots/weights.js';

/** What `measureBots` reports. */
export interface BotSpeed {
  positions: number;
  medium: { msPerMove: number };
  /**
   * The hard bot at its default budget. With search `rollouts`, an iteration is one rollout:
   * the medium policy playing every seat to the horizon (`movesPerIteration` moves on average,
   * each weighing every candidate action), so `movesPerSecond` is the work behind it.
   */
  hard: { search: string; msPerMove: number; iterations: number; iterationsPerSecond: number; movesPerIteration: number; movesPerSecond: number };
  /** The tree search (search `mcts`: iterations cut off by the evaluation), on the same positions. */
  hardTree: { iterations: number; iterationsPerSecond: number; msPerMove: number };
  boardgameioMcts: { iterationsPerSecond: number; iterations: number; playoutDepth: number };
  /** hard.iterationsPerSecond / boardgameioMcts.iterationsPerSecond. */
  ratio: number;
  /** hardTree.iterationsPerSecond / boardgameioMcts.iterationsPerSecond. */
  treeRatio: number;
}

interface Position {
  seed: string;
  state: GameState;
  actions: { seat: FactionId; action: Action }[];
}

/**
 * Positions from seeded random games: game i stopped after 5 + 11·i mod 70 decisions. Each
 * decision indexes the legal list with the decision's stream (the random bot's pick before it
 * drew with the engine's sampler), so the positions, and the figures, are those of earlier runs.
 */
function samplePositions(rules: Rules, count = 30): Position[] {
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
  let hardMs = 0;
  const stats = { iterations: 0, moves: 0 };
  for (const v of views) hardMs += time(() => decide(rules, v, 'hard', 'bench', { stats }));
  let treeMs = 0;
  for (const v of views) treeMs += time(() => decide(rules, v, 'hard', 'bench', { weights: tree }));
  const bgioIterations = options.bgioIterations ?? 10;
  const playoutDepth = 50;
  let bgioMs = 0;
  for (const p of positions) {
    const { game, reducer, initial } = bgioMatch(rules, p.seed);
    let state = initial;
    for (const { seat, action } of p.actions) state = reducer(state, makeMoveAction(seat, action.type, [moveArgs(action)]) as never) as State<GameState>;
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
    medium: { msPerMove: round(mediumMs / views.length) },
    hard: {
      search: weights.hard.search,
      msPerMove: round(hardMs / views.length),
      iterations,
      iterationsPerSecond: Math.round(hardIps),
      movesPerIteration: round(stats.iterations ? stats.moves / stats.iterations : 0, 1),
      movesPerSecond: Math.round(stats.moves / (hardMs / 1000)),
    },
    hardTree: { iterations: TREE_ITERATIONS, iterationsPerSecond: Math.round(treeIps), msPerMove: round(treeMs / views.length) },
    boardgameioMcts: { iterationsPerSecond: round(bgioIps, 1), iterations: bgioIterations, playoutDepth },
    ratio: round(hardIps / bgioIps, 1),
    treeRatio: round(treeIps / bgioIps, 1),
  };
}
