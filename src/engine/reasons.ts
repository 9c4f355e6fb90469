/** Why an action is not allowed: a code with parameters, rendered in words a player understands. */
import type { Lang } from './ids.js';
import type { Rules } from './rules/load.js';
import { gameText, type KeysUnder, keysUnder } from './text/catalogue.js';
import { fillText, type TextParams } from './text/fill.js';

/** A refusal: what rule stops the action, with the numbers that matter. */
export interface Reason {
  code: ReasonCode;
  params?: TextParams;
}

/** Every reason code: the keys under `reason.` of the text catalogue (src/engine/text/game.en.json). */
export type ReasonCode = KeysUnder<'reason'>;
/** All reason codes (for tests: each has text in every language). */
export const REASON_CODES = keysUnder('reason');

/** The reason in plain words, in the given language. */
export function reasonText(rules: Rules, reason: Reason, lang: Lang = 'en'): string {
  return fillText(rules, gameText(`reason.${reason.code}`), reason.params, lang);
}
