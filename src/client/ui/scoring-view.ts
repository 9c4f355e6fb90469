/** The scoring panel: the next scoring as it stands, region by region, summed per faction. */
import { FACTIONS, type Lang, type Rules, type SeatView } from '../../engine/index.js';
import { translate } from '../i18n/i18n.js';
import { FACTION_LOOK } from '../model/factions.js';
import { scoringForecast } from '../model/scoring.js';
import { h, replaceChildren } from './dom.js';

/** Fills `el` (a `details`) with the forecast of the next scoring for `view`, in `lang`. */
export function renderScoring(el: HTMLElement, rules: Rules, view: SeatView, lang: Lang): void {
  const tr = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(lang, key, params);
  const f = scoringForecast(rules, view, lang);
  const open = el.hasAttribute('open');
  const cell = (n: number) => h('td', { class: n > 0 ? 'gain' : 'none' }, n > 0 ? `+${n}` : '·');
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, tr('scoring.region')),
    ...FACTIONS.map((s) => h('th', { scope: 'col' }, `${FACTION_LOOK[s].glyph} ${rules.factions[s].short[lang]}`)),
  );
  const rows = f.regions.map((r) => h('tr', {}, h('th', { scope: 'row' }, `${r.name} ★${r.value}`), ...FACTIONS.map((s) => cell(r.prizes[s]))));
  const compute = FACTIONS.some((s) => f.compute[s] > 0)
    ? h('tr', {}, h('th', { scope: 'row' }, tr('scoring.compute')), ...FACTIONS.map((s) => cell(f.compute[s])))
    : null;
  replaceChildren(
    el,
    h('summary', {}, tr('scoring.title')),
    h('p', { class: 'hint' }, f.round === null ? tr('scoring.none') : tr('scoring.next', { round: f.round })),
    f.round === null
      ? null
      : h(
          'table',
          { class: 'scoring-table' },
          h('thead', {}, head),
          h(
            'tbody',
            {},
            ...rows,
            compute,
            h('tr', {}, h('th', { scope: 'row' }, tr('scoring.agenda')), ...FACTIONS.map((s) => cell(f.agenda[s]))),
            h('tr', { class: 'total' }, h('th', { scope: 'row' }, tr('scoring.total')), ...FACTIONS.map((s) => h('td', {}, `+${f.total[s]}`))),
          ),
        ),
    h('p', { class: 'hint' }, tr('scoring.rule')),
  );
  if (open) el.setAttribute('open', '');
}
