/**
 * Card faces: an event or strategy card drawn as a published card (a frame in its era's or
 * faction's colours, a title band, the card's art from assets/cards/, its text), and the faction
 * emblems. The art files are loaded as URLs (never inlined into the code); titles and texts come
 * from the rules in the page's language, so nothing in the art needs translating.
 */
import { FACTIONS, formatMoney, type FactionId, type Lang, type Rules } from '../../engine/index.js';
import { translate } from '../i18n/i18n.js';
import usUrl from '../../../assets/emblem-us.svg?url';
import chinaUrl from '../../../assets/emblem-china.svg?url';
import euUrl from '../../../assets/emblem-eu.svg?url';
import { h } from './dom.js';
import './card-face.css';

const ART: Record<string, string> = import.meta.glob('../../../assets/cards/*.svg', { query: '?url&no-inline', import: 'default', eager: true });

const EMBLEMS: Record<FactionId, string> = { us: usUrl, china: chinaUrl, eu: euUrl };

/** How a card face is laid out: `wide` (art beside the text, for panels), `tall` (art above, for galleries). */
export type FaceLayout = 'wide' | 'tall';

/** The URL of a card's art (event or strategy card id), or null when it has none. */
export function cardArtUrl(id: string): string | null {
  return ART[`../../../assets/cards/${id}.svg`] ?? null;
}

/** A faction's emblem as a decorative image of `size` CSS px (its name is given by the text beside it). */
export function emblemImg(faction: FactionId, size = 20): HTMLImageElement {
  return h('img', { class: 'emblem', src: EMBLEMS[faction], alt: '', width: size, height: size, 'aria-hidden': 'true' });
}

/** "Jan 2025" / "janv. 2025" from a YYYY-MM month. */
function monthLabel(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(lang, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y!, m! - 1, 1)));
}

function art(id: string): HTMLImageElement | null {
  const src = cardArtUrl(id);
  return src ? h('img', { class: 'cf-art', src, alt: '', width: 300, height: 200, loading: 'lazy', decoding: 'async' }) : null;
}

function face(id: string, theme: string, layout: FaceLayout, title: string, meta: string, body: (Node | string | null)[], extraClass = ''): HTMLElement {
  return h(
    'article',
    { class: `cardface cf-${theme} cf-${layout}${extraClass ? ` ${extraClass}` : ''}`, 'data-card': id, 'aria-label': title },
    h('header', { class: 'cf-band' }, h('h4', { class: 'cf-title' }, title), meta ? h('span', { class: 'cf-meta' }, meta) : null),
    art(id),
    h('div', { class: 'cf-body' }, ...body),
  );
}

/**
 * The face of event `id`: its name, the month of the real fact, its art and its game text
 * (or `text` instead, e.g. the real fact in the debrief), then `extra` nodes. Throws on an unknown id.
 */
export function eventFace(rules: Rules, id: string, lang: Lang, layout: FaceLayout, text?: string, ...extra: (Node | null)[]): HTMLElement {
  const ev = rules.events[id];
  if (!ev) throw new Error(`eventFace: no event "${id}" in the rules`);
  return face(id, `era${ev.era}`, layout, ev.name[lang], monthLabel(ev.date, lang), [h('p', { class: 'cf-text' }, text ?? ev.text[lang]), ...extra]);
}

/**
 * The face of strategy card `id`: its name, `meta` in the band (its cost, in words), its art,
 * its text, then `extra` nodes (e.g. the play button); `off` greys it out. Throws on an unknown id.
 */
export function strategyFace(rules: Rules, id: string, lang: Lang, layout: FaceLayout, meta: string, off = false, ...extra: (Node | null)[]): HTMLElement {
  const card = rules.cards[id];
  if (!card) throw new Error(`strategyFace: no strategy card "${id}" in the rules`);
  return face(id, card.faction, layout, card.name[lang], meta, [h('p', { class: 'cf-text' }, card.text[lang]), ...extra], off ? 'off' : '');
}

/** A small decorative thumbnail of a card's art (for log lines), or null when the card has none. */
export function cardThumb(id: string): HTMLImageElement | null {
  const src = cardArtUrl(id);
  return src ? h('img', { class: 'cf-thumb', src, alt: '', width: 48, height: 32, loading: 'lazy', 'aria-hidden': 'true' }) : null;
}

/** Every card of the rules as faces: the events era by era, then each faction's strategy cards. */
export function cardGallery(rules: Rules, lang: Lang): HTMLElement {
  const tr = (key: 'rules.cards' | 'rules.cardsEvents' | 'rules.cardsStrategy', params?: Record<string, string>) => translate(lang, key, params);
  const free = translate(lang, 'menu.free');
  return h(
    'section',
    { class: 'cards-appendix', 'aria-label': tr('rules.cards') },
    h('h2', {}, tr('rules.cards')),
    rules.game.eras.flatMap((era) => [
      h('h3', {}, tr('rules.cardsEvents', { era: era.name[lang] })),
      h('div', { class: 'card-gallery' }, ...rules.eventList.filter((e) => e.era === era.id).map((e) => eventFace(rules, e.id, lang, 'tall'))),
    ]),
    FACTIONS.flatMap((f) => [
      h('h3', {}, emblemImg(f, 24), tr('rules.cardsStrategy', { faction: rules.factions[f].name[lang] })),
      h(
        'div',
        { class: 'card-gallery' },
        ...rules.cardList.filter((c) => c.faction === f).map((c) => strategyFace(rules, c.id, lang, 'tall', c.cost ? formatMoney(c.cost, lang) : free)),
      ),
    ]),
  );
}
