/**
 * The one registry of bot levels. Players pick among `BOT_LEVELS`; the simulator also seats the
 * single-minded levels, `single-<action type>`: the medium bot with one parameter, a favourite
 * action type it takes whenever one is legal (for the balance target "no single-minded strategy
 * wins over 20%").
 */
import { COMMON_ACTION_TYPES, isOneOf, type ActionType } from '../engine/index.js';

/** The levels a player can pick, weakest first. */
export const BOT_LEVELS = ['random', 'medium', 'hard', 'expert'] as const;
/** A level a player can pick. */
export type BotLevel = (typeof BOT_LEVELS)[number];

/** The action types a single-minded bot can favour: the common actions. */
export const SINGLE_MINDED_TYPES = COMMON_ACTION_TYPES;
/** A single-minded level: `single-<favourite action type>`. */
export type SingleMindedLevel = `single-${(typeof SINGLE_MINDED_TYPES)[number]}`;
/** Any level the bots can play: a player's levels and the single-minded ones. */
export type AnyBotLevel = BotLevel | SingleMindedLevel;

/** Every level, in registry order: the player's levels, then one single-minded level per common action. */
export const ALL_BOT_LEVELS: readonly AnyBotLevel[] = [...BOT_LEVELS, ...SINGLE_MINDED_TYPES.map((t) => `single-${t}` as const)];

/** Is `value` a level the bots can play? */
export function isBotLevel(value: string): value is AnyBotLevel {
  return isOneOf(BOT_LEVELS, value) || singleMindedType(value) !== null;
}

/** The favourite action type of a single-minded level (null for any other string). */
export function singleMindedType(level: string): ActionType | null {
  const type = level.startsWith('single-') ? level.slice('single-'.length) : '';
  return isOneOf(SINGLE_MINDED_TYPES, type) ? type : null;
}
