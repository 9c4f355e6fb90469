/** Plays one seeded game to its end with bots, through the pure engine. */
import { chooseAction, type AnyBotLevel } from '../../bots/index.js';
import {
  FACTIONS,
  Rng,
  activeSeat,
  sampleLegalAction,
  applyActionInPlace,
  createInitialState,
  type Action,
  type FactionId,
  type GameState,
  type Rules,
} from '../../engine/index.js';
import { botSeed } from '../../engine/seeds.js';

/** A level the simulator can seat: any level of the bots' registry (src/bots/levels.ts). */
export type BotLevel = AnyBotLevel;

/** One recorded decision. */
export interface PlayedAction {
  seat: FactionId;
  action: Action;
}

/** A finished game: the final state and every action taken (when recorded). */
export interface PlayedGame {
  seed: string;
  state: GameState;
  actions: PlayedAction[];
}

/** Watches a game being played: `start` sees the initial state, `deciding` each seat about to choose, `applied` each accepted action. */
export interface GameObserver {
  start?(state: GameState): void;
  deciding?(seat: FactionId, state: GameState): void;
  applied(seat: FactionId, action: Action, state: GameState): void;
}

/** Safety net: no game of 8 rounds needs more decisions than this. */
const MAX_DECISIONS = 2_000;

/**
 * Plays a full game with one bot level per seat. `record` keeps every action in the result;
 * `observer` is told of each one (for statistics and match files). Same rules, seed and levels:
 * same game, anywhere.
 */
export function playGame(rules: Rules, seed: string, levels: Record<FactionId, BotLevel>, record = false, observer?: GameObserver): PlayedGame {
  const state = createInitialState(rules, seed);
  const seeds = Object.fromEntries(FACTIONS.map((seat) => [seat, botSeed(seed, seat)])) as Record<FactionId, string>;
  const actions: PlayedAction[] = [];
  observer?.start?.(state);
  for (let n = 0; n < MAX_DECISIONS; n++) {
    const seat = activeSeat(state);
    if (!seat) return { seed, state, actions };
    observer?.deciding?.(seat, state);
    const action = chooseAction(rules, state, seat, levels[seat], seeds[seat]);
    const refused = applyActionInPlace(rules, state, seat, action);
    if (refused) throw new Error(`Bot ${levels[seat]} (${seat}) chose an illegal action ${JSON.stringify(action)}: ${refused.code}`);
    if (record) actions.push({ seat, action });
    observer?.applied(seat, action, state);
  }
  throw new Error(`Game ${seed} did not end after ${MAX_DECISIONS} decisions`);
}

/** Each seat's stream of a random walk: seeded `botSeed(seed, seat)` and kept for the whole game. */
export function walkStreams(seed: string): Record<FactionId, Rng> {
  return Object.fromEntries(FACTIONS.map((seat) => [seat, Rng.detached(botSeed(seed, seat))])) as Record<FactionId, Rng>;
}

/**
 * A seeded random walk through the rules: each seat draws uniformly among its legal actions
 * (the engine's sampler) from its own stream, kept for the whole game. Not a bot level (a bot's
 * decision may not depend on what it drew before, so the `random` level re-seeds every
 * decision): the fixture of the golden transcripts and the engine benchmark, and fast because
 * it never re-seeds.
 */
export function playRandomWalk(rules: Rules, seed: string, record = false): PlayedGame {
  const state = createInitialState(rules, seed);
  const streams = walkStreams(seed);
  const actions: PlayedAction[] = [];
  for (let n = 0; n < MAX_DECISIONS; n++) {
    const seat = activeSeat(state);
    if (!seat) return { seed, state, actions };
    const action = sampleLegalAction(rules, state, seat, streams[seat]);
    if (!action) throw new Error(`No legal action for ${seat} in game ${seed}`);
    const refused = applyActionInPlace(rules, state, seat, action);
    if (refused) throw new Error(`The random walk drew an illegal action ${JSON.stringify(action)}: ${refused.code}`);
    if (record) actions.push({ seat, action });
  }
  throw new Error(`Game ${seed} did not end after ${MAX_DECISIONS} decisions`);
}
