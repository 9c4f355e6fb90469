/**
 * The bot levels the simulator can seat, as a registry: adding a level is one line. The random
 * level stays on the fast path (legal actions on the true state, no view clone); every other
 * level decides from its seat's view only.
 */
import { COMMON_ACTION_TYPES, viewFor, type Action, type ActionType, type FactionId, type GameState, type Rng, type Rules } from '../../engine/index.js';
import { decide, defaultBotWeights, type BotLevel as DecideLevel } from '../../bots/index.js';
import { scoreActions } from '../../bots/medium.js';
import { decisionRng } from '../../bots/stream.js';
import { randomAction } from '../../bots/random.js';

/** What a bot gets to decide one action: the bot's own seeded stream and seed (never the game's). */
export interface BotContext {
  /** botSeed(matchSeed, seat): for bots that derive their randomness from a seed. */
  seed: string;
  /** A stream seeded with `seed`, advanced only by this seat's decisions. */
  rng: Rng;
}

/** A bot: picks a legal action for `seat`. Only the random level may look at the true state. */
export type BotChooser = (rules: Rules, state: GameState, seat: FactionId, ctx: BotContext) => Action;

/** A level of src/bots that decides from the seat's view only (a clone with every secret emptied). */
function fromView(level: DecideLevel): BotChooser {
  return (rules, state, seat, ctx) => decide(rules, viewFor(state, seat), level, ctx.seed).action;
}

/**
 * A single-minded bot (for the balance target "no single-minded strategy wins over 20%"):
 * whenever an action of its favourite type is legal it takes the medium bot's best one of that
 * type; otherwise it plays like the medium bot.
 */
function singleMinded(type: ActionType): BotChooser {
  return (rules, state, seat, ctx) => {
    const view = viewFor(state, seat);
    const scored = scoreActions(rules, defaultBotWeights(), view, seat, decisionRng(ctx.seed, view));
    const pick = scored.find((s) => s.action.type === type) ?? scored[0];
    if (!pick) throw new Error(`No legal action for ${seat} in round ${state.round}`);
    return pick.action;
  };
}

/** The action types a single-minded bot can favour: the common actions. */
export const SINGLE_MINDED_TYPES = COMMON_ACTION_TYPES;

type SingleLevel = `single-${(typeof SINGLE_MINDED_TYPES)[number]}`;

const BOTS = {
  random: (rules, state, seat, ctx) => randomAction(rules, state, seat, ctx.rng),
  medium: fromView('medium'),
  hard: fromView('hard'),
  ...(Object.fromEntries(SINGLE_MINDED_TYPES.map((t) => [`single-${t}`, singleMinded(t)])) as Record<SingleLevel, BotChooser>),
} satisfies Record<DecideLevel | SingleLevel, BotChooser>;

/** A bot level the simulator knows. */
export type BotLevel = keyof typeof BOTS;

/** Every bot level, in the order the registry lists them. */
export const BOT_LEVELS = Object.keys(BOTS) as BotLevel[];

/** Is `value` a known bot level? */
export function isBotLevel(value: string): value is BotLevel {
  return Object.hasOwn(BOTS, value);
}

/** The chooser of a level. */
export function botFor(level: BotLevel): BotChooser {
  return BOTS[level];
}
