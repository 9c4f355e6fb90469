/**
 * The UI's words in English and French: a flat dictionary per language (en.json, fr.json,
 * same keys; a test checks it), `{name}` placeholders, and the current language with listeners.
 * Game texts (cards, events, regions) come from the rules data, which is bilingual already.
 */
import type { Lang } from '../../engine/index.js';
import en from './en.json';
import fr from './fr.json';

/** Every UI string key (from the English dictionary, the reference). */
export type MessageKey = keyof typeof en;

/** The dictionaries, by language. */
const DICTIONARIES: Record<Lang, Record<string, string>> = { en, fr };

/** Fills `{name}` placeholders; unknown names stay visible so a missing value shows. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (params[key] === undefined ? whole : String(params[key])));
}

/** The text of `key` in `lang` (English, then the key itself, when missing). */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const template = DICTIONARIES[lang][key] ?? DICTIONARIES.en[key] ?? key;
  return format(template, params);
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
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  return translate(current, key, params);
}
