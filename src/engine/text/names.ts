/**
 * Faction and region names as a sentence needs them. A bare name ("Chine", "États-Unis") is a
 * label; inside a French sentence a name takes its article or preposition ("la Chine", "aux
 * États-Unis", "en Amérique du Nord"), which the rules data gives per name (`forms`). Templates
 * write `{region:in}`, `{faction:of}`...; a capital first letter (`{Region:the}`) capitalises the
 * phrase, for the start of a sentence.
 */
import type { FactionId, Lang, RegionId } from '../ids.js';
import type { Rules } from '../rules/load.js';
import { gameText } from './catalogue.js';

/** How a region's name may appear: bare, or with its article ("the") or preposition ("in", "of"). */
export type RegionForm = 'name' | 'the' | 'in' | 'of';
/** How a faction's name may appear: bare (`short`), with its article or preposition, or as a singular subject. */
export type FactionForm = 'short' | 'the' | 'of' | 'to' | 'subject';

/** A region's name in a given form. */
export function regionName(rules: Rules, id: RegionId, lang: Lang, form: RegionForm = 'name'): string {
  const r = rules.regions[id];
  return form === 'name' ? r.name[lang] : r.forms[lang][form];
}

/** A faction's name in a given form. */
export function factionName(rules: Rules, id: FactionId, lang: Lang, form: FactionForm = 'short'): string {
  const f = rules.factions[id];
  return form === 'short' ? f.short[lang] : f.forms[lang][form];
}

/** "en Amérique du Nord, en Europe et en Inde": several regions where something happens. */
export function inRegions(rules: Rules, regions: readonly RegionId[], lang: Lang): string {
  const parts = regions.map((r) => regionName(rules, r, lang, 'in'));
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} ${gameText('list.and')[lang]} ${parts[parts.length - 1]}`;
}

/** The text with its first letter in capitals. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const REGION_FORMS: readonly string[] = ['the', 'in', 'of'];
const FACTION_FORMS: readonly string[] = ['the', 'of', 'to', 'subject'];

/**
 * Renders a name placeholder: `key` is `region`, `faction` or `seat` (capitalised: capitalise the
 * phrase), `form` one of the forms above (none: the bare name). Null when it is no name.
 */
export function renderName(rules: Rules, key: string, form: string | undefined, value: string, lang: Lang): string | null {
  const lower = key.toLowerCase();
  const cap = key !== lower ? capitalise : (s: string) => s;
  if (lower === 'region' && value in rules.regions) {
    const f = form && REGION_FORMS.includes(form) ? (form as RegionForm) : 'name';
    return cap(regionName(rules, value as RegionId, lang, f));
  }
  if ((lower === 'faction' || lower === 'seat' || lower === 'target') && value in rules.factions) {
    const f = form && FACTION_FORMS.includes(form) ? (form as FactionForm) : 'short';
    return cap(factionName(rules, value as FactionId, lang, f));
  }
  return null;
}
