/**
 * The debrief: winner and VP breakdown, charts over the rounds (chart.js, loaded on demand),
 * and per era what happened in reality.
 */
import type { GameState, Lang, Rules } from '../../engine/index.js';
import { debriefModel, type ChartSeries } from '../model/debrief.js';
import { FACTION_LOOK } from '../model/factions.js';
import { translate } from '../i18n/i18n.js';
import type { RoundFigures } from '../../engine/index.js';
import { emblemImg, eventFace } from './card-face.js';
import { h, prefersReducedMotion, replaceChildren } from './dom.js';

const POINT_STYLE = { us: 'rect', china: 'circle', eu: 'rectRot' } as const;

let chartsLoaded: Promise<typeof import('./charts.js')> | null = null;

/** Renders the debrief of `state` into `el` (charts appear once chart.js has loaded). */
export async function renderDebrief(el: HTMLElement, rules: Rules, state: GameState, rounds: readonly RoundFigures[], lang: Lang): Promise<void> {
  const d = debriefModel(rules, state, rounds, lang);
  const tr = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  const canvases: { series: ChartSeries; canvas: HTMLCanvasElement }[] = [];
  const charts = h('div', { class: 'charts' });
  for (const series of d.charts) {
    const values = series.lines.map((l) => `${l.label} ${l.values.join(', ')}`).join('; ');
    const canvas = h('canvas', { role: 'img', 'aria-label': translate(lang, 'board.labelled', { label: series.title, text: values }) });
    canvases.push({ series, canvas });
    charts.append(h('figure', { class: 'chart' }, h('figcaption', {}, series.title), h('div', { class: 'chart-box' }, canvas)));
  }
  replaceChildren(
    el,
    h('h2', { 'data-testid': 'debrief-title' }, d.headline),
    h(
      'table',
      { class: 'results' },
      h('caption', {}, tr('debrief.results')),
      h(
        'tbody',
        {},
        ...d.rows.map((r) =>
          h(
            'tr',
            { class: r.winner ? 'winner' : '' },
            h('th', { scope: 'row' }, d.ranked ? `${r.rank}. ` : '', emblemImg(r.faction), r.name),
            h('td', {}, `${r.vp}`),
            h('td', {}, r.parts.map((p) => `${p.label} ${p.vp > 0 ? '+' : ''}${p.vp}`).join(' · ')),
          ),
        ),
      ),
    ),
    h('h3', {}, tr('debrief.charts')),
    charts,
    h('h3', {}, tr('debrief.reality')),
    ...d.eras.map((era) =>
      h(
        'section',
        { class: 'era' },
        h('h4', {}, era.title),
        h('p', {}, era.note),
        era.facts.length
          ? h(
              'ul',
              { class: 'card-list' },
              ...era.facts.map((f) => h('li', {}, eventFace(rules, f.id, lang, 'wide', f.fact, h('small', { class: 'cf-source source' }, f.source)))),
            )
          : null,
      ),
    ),
  );
  chartsLoaded ??= import('./charts.js');
  const { drawLineChart } = await chartsLoaded;
  for (const { series, canvas } of canvases) {
    if (!canvas.isConnected) continue;
    drawLineChart(
      canvas,
      series.labels,
      series.lines.map((l, i) => ({
        label: l.label,
        values: l.values,
        color: l.faction ? FACTION_LOOK[l.faction].css : i === 0 ? '#ff6b6b' : '#c8b6ff',
        pointStyle: l.faction ? POINT_STYLE[l.faction] : i === 0 ? 'triangle' : 'star',
        dashed: !l.faction && i === 1,
      })),
      prefersReducedMotion(),
    );
  }
}
