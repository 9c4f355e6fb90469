/** Plays one seeded game to its end with bots, through the pure engine. */
import {
  FACTIONS,
  Rng,
  activeSeat,
  applyActionInPlace,
  createInitialState,
  type Action,
  type FactionId,
  type GameState,
  type Rules,
} from '../../engine/index.js';
import { botFor, type BotContext, type BotLevel } from './bots.js';
import { botSeed } from '../../engine/seeds.js';

export { BOT_LEVELS, isBotLevel, type BotLevel } from './bots.js';

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

/** Watches a game being played: `start` sees the initial state, `applied` each accepted action. */
export interface GameObserver {
  start?(state: GameState): void;
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
  const contexts = Object.fromEntries(
    FACTIONS.map((seat) => {
      const s = botSeed(seed, seat);
      return [seat, { seed: s, rng: Rng.detached(s) }];
    }),
  ) as Record<FactionId, BotContext>;
  const bots = { us: botFor(levels.us), china: botFor(levels.china), eu: botFor(levels.eu) };
  const actions: PlayedAction[] = [];
  observer?.start?.(state);
  for (let n = 0; n < MAX_DECISIONS; n++) {
    const seat = activeSeat(state);
    if (!seat) return { seed, state, actions };
    const action = bots[seat](rules, state, seat, contexts[seat]);
    const refused = applyActionInPlace(rules, state, seat, action);
    if (refused) throw new Error(`Bot ${levels[seat]} (${seat}) chose an illegal action ${JSON.stringify(action)}: ${refused.code}`);
    if (record) actions.push({ seat, action });
    observer?.applied(seat, action, state);
  }
  throw new Error(`Game ${seed} did not end after ${MAX_DECISIONS} decisions`);
}
