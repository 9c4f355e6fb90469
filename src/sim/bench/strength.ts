/**
 * Strength at equal thinking time: one of our search bots (hard or expert) against two of
 * boardgame.io's own `MCTSBot` (from 'boardgame.io/ai', over the game's boardgame.io definition
 * and its `ai.enumerate`), each MCTSBot given as many iterations as fit in the time our bot takes
 * a decision. The iteration count is calibrated on the benchmark's positions (bench/bots.ts), in CPU time,
 * then the games are played through boardgame.io's reducer, the tested level rotating over the
 * three factions. Everything is seeded; only the calibrated iteration count depends on timing
 * (pass it back with `mctsIterations` to repeat a run exactly).
 */
import { MCTSBot } from 'boardgame.io/ai';
import type { State } from 'boardgame.io';
import { FACTIONS, activeSeat, viewFor, type FactionId, type GameState, type Rules } from '../../engine/index.js';
import { botSeed, gameSeed } from '../../engine/seeds.js';
import { decide, type BotLevel } from '../../bots/index.js';
import { PLAYER_IDS, moveArgs } from '../../game/gigawatt.js';
import { bgioMatch, makeMoveAction } from '../run/bgio-play.js';
import { round, wilson95 } from '../stats/stats-math.js';
import { bgioStateAt, samplePositions } from './bots.js';

/** What a strength run plays. */
export interface StrengthOptions {
  /** Our level in the tested seat. */
  level: Extract<BotLevel, 'hard' | 'expert'>;
  games: number;
  seed: string;
  /** MCTSBot's iterations a decision; absent: calibrated to our level's time a decision. */
  mctsIterations?: number;
  /** MCTSBot's playout depth in moves (a playout that ends the game scores; one cut short scores nothing). */
  playoutDepth: number;
  /** Benchmark positions the calibration times both bots on. */
  calibrationPositions: number;
  /** Told after each game (progress). */
  onGame?: (done: number, testedWins: number) => void;
}

/**
 * The calibration, in this process's CPU time (on a shared machine wall time mostly measures the
 * other processes; on an idle one the two agree): our level's mean time a decision, MCTSBot's time
 * an iteration, and the iterations that match.
 */
export interface Calibration {
  positions: number;
  levelMsPerDecision: number;
  mctsMsPerIteration: number;
  mctsIterations: number;
  /** MCTSBot's mean time a decision at `mctsIterations` on the same positions. */
  mctsMsPerDecision: number;
}

/** What a strength run reports. */
export interface StrengthResult {
  level: string;
  opponent: string;
  games: number;
  seed: string;
  mctsIterations: number;
  playoutDepth: number;
  /** Absent when the iterations were given. */
  calibration?: Calibration;
  /** Mean wall time a decision in the games, each side. */
  msPerDecision: { level: number; mcts: number };
  /** Mean CPU time a decision in the games, each side (what the calibration matches). */
  cpuMsPerDecision: { level: number; mcts: number };
  decisions: { level: number; mcts: number };
  wins: number;
  winRate: number;
  ci95: [number, number];
  bySeat: Record<FactionId, { seats: number; wins: number }>;
  /** Games MCTSBots won, and games no one won (catastrophe). */
  mctsWins: number;
  noWinner: number;
  seconds: number;
}

/** CPU time (ms, user and system) this process has used. */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function cpuTime(run: () => void): number {
  const start = cpuMs();
  run();
  return cpuMs() - start;
}

/** MCTSBot's choice (a MAKE_MOVE action) for `seat`, seeded by `seed`. Its `play` resolves at once when not async. */
async function mctsMove(
  game: ReturnType<typeof bgioMatch>['game'],
  state: State<GameState>,
  seat: FactionId,
  seed: string,
  iterations: number,
  playoutDepth: number,
) {
  const bot = new MCTSBot({ game, enumerate: game.ai?.enumerate as never, seed, iterations, playoutDepth });
  const { action } = await bot.play(state, PLAYER_IDS[seat]);
  if (!action) throw new Error(`MCTSBot found no move for ${seat}`);
  return action;
}

/** Times `level` and MCTSBot on the benchmark's positions and returns the iterations that give MCTSBot the same time a decision. */
export async function calibrate(rules: Rules, level: StrengthOptions['level'], positionCount: number, playoutDepth: number): Promise<Calibration> {
  const positions = samplePositions(rules, positionCount);
  const states = positions.map((p) => bgioStateAt(rules, p));
  const { game } = bgioMatch(rules, 'calibration');
  const views = positions.map((p) => viewFor(p.state, activeSeat(p.state) as FactionId));
  for (const v of views.slice(0, 3)) decide(rules, v, level, 'warm');
  let levelMs = 0;
  for (const v of views) levelMs += cpuTime(() => decide(rules, v, level, 'calibrate'));
  const levelMsPerDecision = levelMs / views.length;
  const mctsMs = async (iterations: number) => {
    let ms = 0;
    for (let i = 0; i < states.length; i++) {
      const state = states[i] as State<GameState>;
      const seat = activeSeat(state.G) as FactionId;
      const start = cpuMs();
      await mctsMove(game, state, seat, `calibrate-${i}`, iterations, playoutDepth);
      ms += cpuMs() - start;
    }
    return ms / states.length;
  };
  const probe = 4;
  await mctsMs(probe); // warm-up
  const perIteration = (await mctsMs(probe)) / probe;
  // One correction: a decision's fixed cost (enumerating the root) does not scale with the iterations.
  let iterations = Math.max(1, Math.round(levelMsPerDecision / perIteration));
  let mctsMsPerDecision = await mctsMs(iterations);
  const corrected = Math.max(1, Math.round((iterations * levelMsPerDecision) / mctsMsPerDecision));
  if (corrected !== iterations) {
    iterations = corrected;
    mctsMsPerDecision = await mctsMs(iterations);
  }
  return {
    positions: positions.length,
    levelMsPerDecision: round(levelMsPerDecision, 1),
    mctsMsPerIteration: round(perIteration, 2),
    mctsIterations: iterations,
    mctsMsPerDecision: round(mctsMsPerDecision, 1),
  };
}

/** Plays the games: game i seats `level` at FACTIONS[i mod 3] and MCTSBots at the other two, through boardgame.io's reducer. */
export async function measureStrength(rules: Rules, o: StrengthOptions): Promise<StrengthResult> {
  const started = performance.now();
  const calibration = o.mctsIterations === undefined ? await calibrate(rules, o.level, o.calibrationPositions, o.playoutDepth) : undefined;
  const iterations = o.mctsIterations ?? (calibration as Calibration).mctsIterations;
  const bySeat = Object.fromEntries(FACTIONS.map((f) => [f, { seats: 0, wins: 0 }])) as StrengthResult['bySeat'];
  const spent = { level: 0, mcts: 0 };
  const cpu = { level: 0, mcts: 0 };
  const decisions = { level: 0, mcts: 0 };
  let wins = 0;
  let mctsWins = 0;
  let noWinner = 0;
  for (let g = 0; g < o.games; g++) {
    const seed = gameSeed(o.seed, g);
    const tested = FACTIONS[g % 3] as FactionId;
    const { game, reducer, initial } = bgioMatch(rules, seed);
    let state = initial;
    for (let n = 0; n < 2_000; n++) {
      const seat = activeSeat(state.G);
      if (!seat) break;
      const start = performance.now();
      const startCpu = cpuMs();
      let move: unknown;
      const side = seat === tested ? 'level' : 'mcts';
      if (side === 'level') {
        const { action } = decide(rules, viewFor(state.G, seat), o.level, botSeed(seed, seat));
        move = makeMoveAction(seat, action.type, [moveArgs(action)]);
      } else move = await mctsMove(game, state, seat, `${seed}/mcts/${seat}/${n}`, iterations, o.playoutDepth);
      spent[side] += performance.now() - start;
      cpu[side] += cpuMs() - startCpu;
      decisions[side]++;
      const next = reducer(state, move as never) as State<GameState>;
      if (next.G === state.G) throw new Error(`boardgame.io refused ${seat}'s move ${JSON.stringify(move)} in ${seed}`);
      state = next;
    }
    if (state.G.phase !== 'over') throw new Error(`Game ${seed} did not end`);
    const winner = state.G.result?.winner ?? null;
    bySeat[tested].seats++;
    if (winner === tested) {
      wins++;
      bySeat[tested].wins++;
    } else if (winner) mctsWins++;
    else noWinner++;
    o.onGame?.(g + 1, wins);
  }
  return {
    level: o.level,
    opponent: 'boardgame.io MCTSBot',
    games: o.games,
    seed: o.seed,
    mctsIterations: iterations,
    playoutDepth: o.playoutDepth,
    ...(calibration ? { calibration } : {}),
    msPerDecision: { level: round(spent.level / Math.max(1, decisions.level), 1), mcts: round(spent.mcts / Math.max(1, decisions.mcts), 1) },
    cpuMsPerDecision: { level: round(cpu.level / Math.max(1, decisions.level), 1), mcts: round(cpu.mcts / Math.max(1, decisions.mcts), 1) },
    decisions,
    wins,
    winRate: round(wins / Math.max(1, o.games)),
    ci95: wilson95(wins, o.games).map((x) => round(x)) as [number, number],
    bySeat,
    mctsWins,
    noWinner,
    seconds: round((performance.now() - started) / 1000, 1),
  };
}
