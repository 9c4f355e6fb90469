/**
 * Player-facing text: the `{en, fr}` type, the names the rules files do not hold, money, and
 * the one formatter that fills the engine's refusal reasons and the bots' explanations.
 */
import { isOneOf, type Lang, type RegionId } from './ids.js';
import { inRegions, renderName } from './names.js';
import type { Rules } from './rules/load.js';

/** A text in every language the game speaks. */
export type Text = { [L in Lang]: string };

/** Writes a text once per language. */
export function inEveryLang(make: (lang: Lang) => string): Text {
  return { en: make('en'), fr: make('fr') };
}

/** An amount of money in $B: "$12B" in English, "12 Md$" in French. */
export function formatMoney(amount: number, lang: Lang): string {
  return lang === 'fr' ? `${amount} Md$` : `$${amount}B`;
}

/** A range of money in $B ("$3–6B", "3–6 Md$"); a single amount when both ends are equal. */
export function formatMoneyRange(lo: number, hi: number, lang: Lang): string {
  if (lo === hi) return formatMoney(lo, lang);
  return lang === 'fr' ? `${lo}–${hi} Md$` : `$${lo}–${hi}B`;
}

/** The tracks' names. */
const TRACK_NAMES = {
  risk: { en: 'Risk', fr: 'Risque' },
  tension: { en: 'Tension', fr: 'Tension' },
  exportControls: { en: 'Export controls', fr: 'Contrôles à l’export' },
  tariffs: { en: 'Tariffs', fr: 'Droits de douane' },
} as const satisfies Record<string, Text>;

/** The AI Act provisions' names. */
const PROVISION_NAMES = {
  transparency: { en: 'Transparency', fr: 'Transparence' },
  riskManagement: { en: 'Risk management', fr: 'Gestion des risques' },
  copyright: { en: 'Copyright', fr: 'Droit d’auteur' },
} as const satisfies Record<string, Text>;

/** The US partners' names (the same in every language). */
const PARTNER_NAMES = { softbank: 'SoftBank', oracle: 'Oracle', mgx: 'MGX' } as const;

/** The GPU kinds, as adjectives. */
const GPU_KIND_NAMES = {
  frontier: { en: 'frontier', fr: 'de pointe' },
  export: { en: 'export-grade', fr: 'bridées à l’export' },
  domestic: { en: 'domestic', fr: 'nationales' },
} as const satisfies Record<string, Text>;

/** Parameters of a template: ids and numbers, never words (the formatter finds the words). */
export type TextParams = Record<string, string | number>;

/**
 * One parameter in words. By its name: a region, seat or faction, track, provision, partner,
 * GPU kind, card, a faction's deal or a comma-separated list of regions is named from the rules
 * or the tables above; with the `:money` format, an amount of money. Anything else as it is.
 */
function renderParam(rules: Rules, key: string, format: string | undefined, value: string | number, lang: Lang): string {
  const v = String(value);
  if (format === 'money' && typeof value === 'number') return formatMoney(value, lang);
  // A name in a sentence: {region:in} "en Inde", {Faction:subject} "Le camp chinois" (see names.ts).
  const named = format ? renderName(rules, key, format, v, lang) : null;
  if (named !== null) return named;
  if (key === 'regions' && format === 'in') return inRegions(rules, v.split(',') as RegionId[], lang);
  key = key.charAt(0).toLowerCase() + key.slice(1);
  if (key === 'region' && v in rules.regions) return rules.regions[v as RegionId].name[lang];
  if (key === 'regions')
    return v
      .split(',')
      .map((r) => rules.regions[r as RegionId]?.name[lang] ?? r)
      .join(', ');
  if ((key === 'seat' || key === 'faction') && v in rules.factions) return rules.factions[v as keyof Rules['factions']].short[lang];
  if (key === 'deal' && v in rules.factions) return rules.factions[v as keyof Rules['factions']].dealName[lang];
  if (key === 'card') return rules.cards[v]?.name[lang] ?? v;
  if (key === 'track' && isOneOf(Object.keys(TRACK_NAMES) as (keyof typeof TRACK_NAMES)[], v)) return TRACK_NAMES[v][lang];
  if (key === 'provision' && isOneOf(Object.keys(PROVISION_NAMES) as (keyof typeof PROVISION_NAMES)[], v)) return PROVISION_NAMES[v][lang];
  if (key === 'partner' && isOneOf(Object.keys(PARTNER_NAMES) as (keyof typeof PARTNER_NAMES)[], v)) return PARTNER_NAMES[v];
  if (key === 'kind' && isOneOf(Object.keys(GPU_KIND_NAMES) as (keyof typeof GPU_KIND_NAMES)[], v)) return GPU_KIND_NAMES[v][lang];
  return v;
}

/**
 * Fills the placeholders of one language of `template` (an unknown key stays as it is): `{key}`,
 * `{key:money}`, and for names the form a sentence needs, `{region:in}`, `{faction:the}`,
 * `{regions:in}`…; a capital first letter (`{Region:the}`) capitalises the phrase.
 */
export function fillText(rules: Rules, template: Text, params: TextParams | undefined, lang: Lang): string {
  return template[lang].replace(/\{(\w+)(?::(\w+))?\}/g, (whole, key: string, format: string | undefined) => {
    const value = params?.[key] ?? params?.[key.charAt(0).toLowerCase() + key.slice(1)];
    return value === undefined ? whole : renderParam(rules, key, format, value, lang);
  });
}

/** `fillText` in every language. */
export function fillTexts(rules: Rules, template: Text, params?: TextParams): Text {
  return inEveryLang((lang) => fillText(rules, template, params, lang));
}
