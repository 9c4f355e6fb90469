/** Runs N seeded games and summarises them (wins, catastrophes, length, digest). */
import { FACTIONS, hashString, stateHash, type FactionId, type Rules } from '../engine/index.js';
import { gameSeed } from './seeds.js';
import { playGame, type BotLevel } from './play.js';

/** What the simulator was asked to do. */
export interface SimOptions {
  games: number;
  seed: string;
  /** Bot level per seat, in us, china, eu order. */
  bots: [BotLevel, BotLevel, BotLevel];
}

/** Per-faction results. */
export interface FactionSummary {
  wins: number;
  winRate: number;
  averageVp: number;
}

/** The simulator's JSON output. */
export interface SimSummary {
  games: number;
  seed: string;
  rulesHash: string;
  bots: Record<FactionId, BotLevel>;
  factions: Record<FactionId, FactionSummary>;
  noWinner: number;
  catastrophes: number;
  frontierEndings: number;
  averageRounds: number;
  reachedLastRound: number;
  digest: string;
}

/** Plays `games` seeded games and returns the summary. Game i's seed is `seed#i`. */
export function simulate(rules: Rules, options: SimOptions): SimSummary {
  const levels = { us: options.bots[0], china: options.bots[1], eu: options.bots[2] };
  const wins: Record<FactionId, number> = { us: 0, china: 0, eu: 0 };
  const vp: Record<FactionId, number> = { us: 0, china: 0, eu: 0 };
  let noWinner = 0;
  let catastrophes = 0;
  let frontierEndings = 0;
  let rounds = 0;
  let reachedLastRound = 0;
  const hashes: string[] = [];
  for (let i = 0; i < options.games; i++) {
    const { state } = playGame(rules, gameSeed(options.seed, i), levels);
    const result = state.result;
    if (result?.winner) wins[result.winner]++;
    else noWinner++;
    if (result?.reason === 'catastrophe') catastrophes++;
    if (result?.reason === 'frontier') frontierEndings++;
    rounds += state.round;
    if (state.round >= rules.game.rounds.count) reachedLastRound++;
    for (const id of FACTIONS) vp[id] += state.factions[id].vp;
    hashes.push(stateHash(state));
  }
  const n = Math.max(1, options.games);
  const factions = Object.fromEntries(
    FACTIONS.map((id) => [id, { wins: wins[id], winRate: round3(wins[id] / n), averageVp: round3(vp[id] / n) }]),
  ) as Record<FactionId, FactionSummary>;
  return {
    games: options.games,
    seed: options.seed,
    rulesHash: rules.hash,
    bots: levels,
    factions,
    noWinner,
    catastrophes,
    frontierEndings,
    averageRounds: round3(rounds / n),
    reachedLastRound,
    digest: hashString(hashes.join('\n')),
  };
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
