/** The match log panel: plain sentences, bot reasons under bot moves, newest at the bottom. */
import type { Lang, Rules } from '../../engine/index.js';
import { FACTION_LOOK } from '../model/factions.js';
import { logLines } from '../model/log-lines.js';
import type { SessionUpdate } from '../session/session.js';
import { translate } from '../i18n/i18n.js';
import { cardThumb } from './card-face.js';
import { h, replaceChildren } from './dom.js';

/** Renders the log of an update into `el` (an ordered list), keeping the view scrolled to the end; `scoringNotes`: what each scoring gave, by round. */
export function renderLog(
  el: HTMLElement,
  rules: Rules,
  update: Pick<SessionUpdate, 'moves' | 'view'>,
  lang: Lang,
  scoringNotes?: ReadonlyMap<number, string>,
): void {
  const lines = logLines(rules, update.moves, update.view.log, lang, scoringNotes);
  const atEnd = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
  const items = lines.slice(-160).map((l) => {
    if (l.kind === 'round') return h('li', { class: 'log-round' }, l.text);
    const mark = l.seat
      ? h('span', { class: 'glyph', style: `color:${FACTION_LOOK[l.seat].css}`, 'aria-hidden': 'true' }, FACTION_LOOK[l.seat].glyph, ' ')
      : null;
    return h(
      'li',
      { class: `log-${l.kind}` },
      l.card ? cardThumb(l.card) : null,
      mark,
      l.text,
      l.why ? h('div', { class: 'why' }, translate(lang, 'log.why'), ' ', l.why) : null,
      l.weighed ? h('div', { class: 'why weighed' }, translate(lang, 'log.weighed'), ' ', l.weighed) : null,
    );
  });
  replaceChildren(el, ...items);
  if (atEnd || lines.length < 8) el.scrollTop = el.scrollHeight;
}
