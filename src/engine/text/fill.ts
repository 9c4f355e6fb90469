/**
 * The one formatter of player-facing text: it fills the catalogue's templates (catalogue.ts) for
 * the engine's refusal reasons, the bots' explanations, the board, the classroom pages and the
 * terminal game, naming ids from the rules and the catalogue and writing numbers and money.
 */
import type { FactionId, Lang, RegionId } from '../ids.js';
import type { Rules } from '../rules/load.js';
import { gameTextUnder, inEveryLang, type Text } from './catalogue.js';
import { inRegions, renderName } from './names.js';
import { formatMoney, formatNumber, formatSigned } from './numbers.js';

/**
 * Parameters of a template: ids and numbers (the formatter finds the words), or a text already
 * written in every language (a bot's description of an action inside its explanation).
 */
export type TextParams = Record<string, string | number | Text>;

/** Parameters named by an id the catalogue holds the words of, and the keys' prefix: `{track}` "risk" is `trackName.risk`. */
const NAMED_IN_CATALOGUE: Readonly<Record<string, string>> = {
  track: 'trackName',
  provision: 'provision',
  partner: 'partner',
  kind: 'gpuKind',
};

/** A parameter named by an id of the rules (a region, faction, card...) or the catalogue, or null. */
function nameOf(rules: Rules, key: string, format: string | undefined, v: string, lang: Lang): string | null {
  // A name in a sentence: {region:in} "en Inde", {Faction:subject} "Le camp chinois" (see names.ts).
  const named = format ? renderName(rules, key, format, v, lang) : null;
  if (named !== null) return named;
  if (key === 'regions' && format === 'in') return inRegions(rules, v.split(',') as RegionId[], lang);
  key = key.charAt(0).toLowerCase() + key.slice(1);
  if (key === 'region' && Object.hasOwn(rules.regions, v)) return rules.regions[v as RegionId].name[lang];
  if (key === 'regions')
    return v
      .split(',')
      .map((r) => (Object.hasOwn(rules.regions, r) ? rules.regions[r as RegionId].name[lang] : r))
      .join(', ');
  if ((key === 'seat' || key === 'faction') && Object.hasOwn(rules.factions, v)) return rules.factions[v as FactionId].short[lang];
  if (key === 'deal' && Object.hasOwn(rules.factions, v)) return rules.factions[v as FactionId].dealName[lang];
  if (key === 'card' && Object.hasOwn(rules.cards, v)) return rules.cards[v]?.name[lang] ?? v;
  const prefix = NAMED_IN_CATALOGUE[key];
  return prefix ? (gameTextUnder(prefix, v)?.[lang] ?? null) : null;
}

/**
 * One parameter in words. A text: its language. A number: as the language writes it, with the
 * `:money` format an amount of money, with `:signed` a difference ("+1", "−0.5"). An id, by the
 * parameter's name: a region, seat or faction, a faction's deal, a card or a comma-separated list
 * of regions is named from the rules; a track, provision, partner or GPU kind from the
 * catalogue. Anything else (a name already written) as it is.
 */
function renderParam(rules: Rules, key: string, format: string | undefined, value: string | number | Text, lang: Lang): string {
  if (typeof value === 'object') return value[lang];
  if (typeof value === 'number') {
    if (format === 'money') return formatMoney(value, lang);
    if (format === 'signed') return formatSigned(value, lang);
    return formatNumber(value, lang);
  }
  return nameOf(rules, key, format, value, lang) ?? value;
}

/**
 * Fills the placeholders of one language of `template` (an unknown key stays as it is, so a
 * missing value shows): `{key}`, `{key:money}`, `{key:signed}`, and for names the form a sentence
 * needs, `{region:in}`, `{faction:the}`, `{regions:in}`…; a capital first letter (`{Region:the}`)
 * capitalises the phrase.
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
