/** The board as a text table, for screen readers and anyone who prefers words to the map. */
import { FACTIONS } from '../../engine/index.js';
import type { BoardModel } from '../model/board-model.js';
import { FACTION_LOOK } from '../model/factions.js';
import { translate } from '../i18n/i18n.js';
import { h } from './dom.js';

/** A table: one row per region (influence, modules, free power, EU rules, deals) and one per faction. */
export function boardTable(m: BoardModel): HTMLElement {
  const tr = (k: Parameters<typeof translate>[1]) => translate(m.lang, k);
  const names = m.factions.map((f) => `${FACTION_LOOK[f.id].glyph} ${f.name}`);
  const regions = h(
    'table',
    {},
    h('caption', {}, tr('text.regions')),
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col' }, tr('text.region')), ...names.map((n) => h('th', { scope: 'col' }, n)), h('th', { scope: 'col' }, tr('text.power'))),
    ),
    h(
      'tbody',
      {},
      ...m.regions.map((r) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, `${r.name} (★${r.value})${r.euRules ? ` · ${m.labels.euRules}` : ''}`),
          ...FACTIONS.map((f) => h('td', {}, `${r.influence[f]} · ${r.modules[f]} ${m.labels.modules}${r.deals.includes(f) ? ` · ${m.labels.deal}` : ''}`)),
          h('td', {}, `${r.freePower}/${r.power}`),
        ),
      ),
    ),
  );
  const factions = h(
    'table',
    {},
    h('caption', {}, tr('text.factions')),
    h(
      'tbody',
      {},
      ...m.factions.map((f) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, `${FACTION_LOOK[f.id].glyph} ${f.name}`),
          h(
            'td',
            {},
            `${f.money} · ${m.labels.vp} ${f.vp} · ${m.labels.capShort} ${f.capability} · ${m.labels.compute} ${f.compute} · ${m.labels.gpus} ${f.gpus} · ${m.labels.modules} ${f.modules}`,
          ),
        ),
      ),
    ),
  );
  const tracks = h(
    'p',
    {},
    m.tracks.map((t) => `${t.label} ${t.value}/${t.max}`).join(' · '),
    ' · ',
    m.provisions.map((p) => translate(m.lang, 'board.labelled', { label: p.label, text: p.statusLabel })).join(' · '),
  );
  return h('div', { class: 'board-text' }, tracks, regions, factions);
}
