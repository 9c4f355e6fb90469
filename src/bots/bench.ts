/**
 * Bot speed on one set of positions (about 30, sampled from seeded random games): medium's
 * time per decision, hard's time per decision and search iterations per second at its
 * default budget, and boardgame.io's MCTSBot iterations per second on the same positions.
 * Measure with NODE_ENV=production.
 */
import { MCTSBot } from 'boardgame.io/ai';
import type { State } from 'boardgame.io';
import {
  FACTIONS,
  activeSeat,
  applyActionInPlace,
  createInitialState,
  viewFor,
  type Action,
  type FactionId,
  type GameState,
  type Rules,
} from '../engine/index.js';
import { moveArgs } from '../game/gigawatt.js';
import { bgioMatch, makeMoveAction } from '../sim/bgio-play.js';
import { decide, decideFast } from './index.js';
import { defaultBotWeights } from './weights.js';

/** What `measureBots` reports. */
export interface BotSpeed {
  positions: number;
  medium: { msPerMove: number };
  hard: { msPerMove: number; iterations: number; iterationsPerSecond: number };
  boardgameioMcts: { iterationsPerSecond: number; iterations: number; playoutDepth: number };
  ratio: number;
}

interface Position {
  seed: string;
  state: GameState;
  actions: { seat: FactionId; action: Action }[];
}

/** Positions from seeded random games: game i stopped after 5 + 11·i mod 70 decisions. */
export function samplePositions(rules: Rules, count = 30): Position[] {
  const out: Position[] = [];
  for (let i = 0; i < count; i++) {
    const seed = `bench-bots-${i}`;
    const state = createInitialState(rules, seed);
    const actions: Position['actions'] = [];
    const stop = 5 + ((11 * i) % 65);
    for (let n = 0; n < stop && state.phase !== 'over'; n++) {
      const seat = activeSeat(state) as FactionId;
      const { action } = decideFast(rules, state, seat, 'random', `bench/${seed}/${seat}`);
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

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Measures the bots (and boardgame.io's MCTSBot) on the same ~30 positions. */
export function measureBots(rules: Rules, options: { positions?: number; bgioIterations?: number } = {}): BotSpeed {
  const positions = samplePositions(rules, options.positions ?? 30);
  const views = positions.map((p) => viewFor(p.state, activeSeat(p.state) as FactionId));
  const iterations = defaultBotWeights().hard.iterations;
  // Warm the JIT up on the same positions first.
  for (const v of views) decide(rules, v, 'medium', 'warm');
  for (const v of views.slice(0, 5)) decide(rules, v, 'hard', 'warm', { iterations: 500 });
  let mediumMs = 0;
  for (const v of views) mediumMs += time(() => decide(rules, v, 'medium', 'bench'));
  let hardMs = 0;
  for (const v of views) hardMs += time(() => decide(rules, v, 'hard', 'bench'));
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
  const hardIps = (iterations * views.length) / (hardMs / 1000);
  const bgioIps = (bgioIterations * positions.length) / (bgioMs / 1000);
  return {
    positions: positions.length,
    medium: { msPerMove: round(mediumMs / views.length) },
    hard: { msPerMove: round(hardMs / views.length), iterations, iterationsPerSecond: Math.round(hardIps) },
    boardgameioMcts: { iterationsPerSecond: round(bgioIps, 1), iterations: bgioIterations, playoutDepth },
    ratio: round(hardIps / bgioIps, 1),
  };
}
