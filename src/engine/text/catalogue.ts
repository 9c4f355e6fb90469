/**
 * The one catalogue of player-facing text: every string the engine's refusal reasons, the bots'
 * explanations, the board, the classroom pages and the terminal game show, by key, in English
 * and French, filled by `fillText` (fill.ts). Texts the rules data carries (cards, events,
 * region and faction names) stay in rules/.
 *
 * One key space in two files per language: `game.*.json`, the words the engine and the bots
 * use (reasons, moves, bot explanations, the names they put in sentences), and `ui.*.json`, the
 * screens' words. The engine and the bots read only the first (`gameText`), so the bots' Web
 * Worker bundle does not carry the screens' words; `text` reads either.
 */
import type { Lang } from '../ids.js';
import gameEn from './game.en.json' with { type: 'json' };
import gameFr from './game.fr.json' with { type: 'json' };
import uiEn from './ui.en.json' with { type: 'json' };
import uiFr from './ui.fr.json' with { type: 'json' };

/** A text in every language the game speaks. */
export type Text = { [L in Lang]: string };

/** A key of the engine's and bots' words (English is the reference). */
export type GameTextKey = keyof typeof gameEn;
/** Every key of the catalogue. */
export type TextKey = GameTextKey | keyof typeof uiEn;

/** The ends of the engine's and bots' keys under `prefix`: `KeysUnder<'reason'>` is every reason code. */
export type KeysUnder<P extends string> = { [K in GameTextKey]: K extends `${P}.${infer Rest}` ? Rest : never }[GameTextKey];

/** The French files have every English key (a compile-time check; a test checks the reverse and the placeholders). */
const GAME_FR: Record<GameTextKey, string> = gameFr;
const UI_FR: Record<keyof typeof uiEn, string> = uiFr;

type Dictionaries = Record<Lang, Readonly<Record<string, string>>>;
const GAME: Dictionaries = { en: gameEn, fr: GAME_FR };
const UI: Dictionaries = { en: uiEn, fr: UI_FR };

/** Writes a text once per language. */
export function inEveryLang(make: (lang: Lang) => string): Text {
  return { en: make('en'), fr: make('fr') };
}

/** The text of `key` in `dictionaries` (English when French lacks it; a key missing from both shows as itself). */
function lookUp(dictionaries: Dictionaries, key: string): Text {
  const english = dictionaries.en[key] ?? key;
  return { en: english, fr: dictionaries.fr[key] ?? english };
}

/** The text of one of the engine's and bots' keys in every language. */
export function gameText(key: GameTextKey): Text {
  return lookUp(GAME, key);
}

/** The text of any key of the catalogue in every language (a key built at run time and missing shows as itself). */
export function text(key: TextKey): Text {
  return lookUp(Object.hasOwn(GAME.en, key) ? GAME : UI, key);
}

/** The text of `prefix.id` among the engine's and bots' words (a track's or partner's name by its id), or null when there is none. */
export function gameTextUnder(prefix: string, id: string): Text | null {
  const key = `${prefix}.${id}`;
  return Object.hasOwn(GAME.en, key) ? lookUp(GAME, key) : null;
}

/** The ends of the engine's and bots' keys under `prefix`, in catalogue order: `keysUnder('reason')` lists every reason code. */
export function keysUnder<P extends string>(prefix: P): KeysUnder<P>[] {
  const start = `${prefix}.`;
  return Object.keys(gameEn)
    .filter((key) => key.startsWith(start))
    .map((key) => key.slice(start.length) as KeysUnder<P>);
}
