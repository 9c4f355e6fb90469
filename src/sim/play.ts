/** Plays one seeded game to its end with bots, through the pure engine. */
import { FACTIONS, Rng, activeSeat, applyActionInPlace, createInitialState, seedRng, type Action, type FactionId, type GameState, type Rules } from '../engine/index.js';
import { randomAction } from '../bots/random.js';
import { botSeed } from './seeds.js';

/** Bot levels the simulator knows. */
export const BOT_LEVELS = ['random'] as const;
export type BotLevel = (typeof BOT_LEVELS)[number];

/** One recorded decision. */
export interface PlayedAction {
  seat: FactionId;
  action: Action;
}

/** A finished game: the final state and every action taken. */
export interface PlayedGame {
  seed: string;
  state: GameState;
  actions: PlayedAction[];
}

/** Safety net: no game of 8 rounds needs more decisions than this. */
const MAX_DECISIONS = 2_000;

/** Plays a full game with one bot level per seat (us, china, eu order). */
export function playGame(rules: Rules, seed: string, levels: Record<FactionId, BotLevel>, record = false): PlayedGame {
  const state = createInitialState(rules, seed);
  const streams = Object.fromEntries(FACTIONS.map((seat) => [seat, new Rng({ rng: seedRng(botSeed(seed, seat)) })])) as Record<FactionId, Rng>;
  const actions: PlayedAction[] = [];
  for (let n = 0; n < MAX_DECISIONS; n++) {
    const seat = activeSeat(state);
    if (!seat) return { seed, state, actions };
    const level = levels[seat];
    const action = level === 'random' ? randomAction(rules, state, seat, streams[seat]) : randomAction(rules, state, seat, streams[seat]);
    const refused = applyActionInPlace(rules, state, seat, action);
    if (refused) throw new Error(`Bot ${level} (${seat}) chose an illegal action ${JSON.stringify(action)}: ${refused.code}`);
    if (record) actions.push({ seat, action });
  }
  throw new Error(`Game ${seed} did not end after ${MAX_DECISIONS} decisions`);
}
