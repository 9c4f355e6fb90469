/**
 * The language on screen, with listeners, and the UI's words: `t` and `translate` take them
 * from the game's one text catalogue (src/engine/text, shared with the engine's reasons and the
 * bots' explanations) and fill them with its one formatter, which names ids from the rules.
 */
import { fillText, text, type Lang, type TextKey, type TextParams } from '../../engine/index.js';
import { defaultRules } from '../../engine/rules/default-rules.js';

/** The text of `key` in `lang`, its placeholders filled (unknown ones stay visible). */
export function translate(lang: Lang, key: TextKey, params?: TextParams): string {
  return fillText(defaultRules(), text(key), params, lang);
}

type Listener = (lang: Lang) => void;
let current: Lang = 'en';
const listeners = new Set<Listener>();

/** The language on screen now. */
export function getLang(): Lang {
  return current;
}

/** Switches the language on screen and tells every listener (no-op when unchanged). */
export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  for (const l of [...listeners]) l(lang);
}

/** Calls `listener` on each language change; returns the unsubscribe function. */
export function onLangChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The text of `key` in the current language. */
export function t(key: TextKey, params?: TextParams): string {
  return translate(current, key, params);
}
