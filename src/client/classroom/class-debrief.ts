/**
 * The class debrief on the teacher's console: the tables compared over the rounds (chart.js,
 * one line per table), each table's winner and ending, the catastrophes, and the downloads
 * (every table's match file, all of them, the CSV). Downloads go through fetch: the teacher's
 * secret travels in a header, never in a link.
 */
import { FACTIONS, type Lang, type Rules, type TextKey } from '../../engine/index.js';
import { translate } from '../i18n/i18n.js';
import { FACTION_LOOK } from '../model/factions.js';
import { download, h, prefersReducedMotion, replaceChildren } from '../ui/dom.js';
import type { Line } from '../ui/charts.js';
import { debriefData, exportCsv, matchFiles, type DebriefData, type RoundFigures, type TableDebrief } from './api.js';
import { caveats, compareConditions, type ConditionGroup } from './conditions.js';

/** Distinct colours for up to 14 tables (then they repeat with another point shape). */
const TABLE_COLOURS = [
  '#56b4e9',
  '#e69f00',
  '#009e73',
  '#f0e442',
  '#cc79a7',
  '#d55e00',
  '#0072b2',
  '#ffffff',
  '#9ad0a0',
  '#ff8c8c',
  '#b39ddb',
  '#ffcc80',
  '#80cbc4',
  '#bdbdbd',
];
const POINTS: Line['pointStyle'][] = ['circle', 'rect', 'rectRot', 'triangle', 'star'];

/** A chart of the debrief: one number per table and round. */
interface Metric {
  key: TextKey;
  value(r: RoundFigures): number;
}

/** What the charts compare. */
export const METRICS: Metric[] = [
  { key: 'classroom.debrief.chartLeaderVp', value: (r) => Math.max(...FACTIONS.map((f) => r.factions[f].vp)) },
  { key: 'classroom.debrief.chartCapability', value: (r) => FACTIONS.reduce((n, f) => n + r.factions[f].capability, 0) },
  { key: 'classroom.debrief.chartCapital', value: (r) => FACTIONS.reduce((n, f) => n + r.factions[f].capital, 0) },
  { key: 'classroom.debrief.chartRisk', value: (r) => r.risk },
  { key: 'classroom.debrief.chartTension', value: (r) => r.tension },
];

/**
 * The chart series of a metric: labels are rounds, one line per table (null where a table had
 * not reached the round); a table still playing shows its figures now at its current round.
 */
export function metricSeries(d: DebriefData, metric: Metric): { labels: string[]; tables: (number | null)[][] } {
  const reached = (tb: TableDebrief) => (tb.finished ? Math.max(0, ...tb.rounds.map((r) => r.round)) : tb.round);
  const last = Math.max(0, ...d.tables.map(reached));
  const labels = Array.from({ length: last }, (_, i) => `${i + 1}`);
  const tables = d.tables.map((tb) =>
    labels.map((_, i) => {
      const r = tb.rounds.find((x) => x.round === i + 1) ?? (!tb.finished && tb.round === i + 1 ? tb.final : undefined);
      return r ? metric.value(r) : null;
    }),
  );
  return { labels, tables };
}

/** Fetches and renders the debrief of class `code` into `el`. */
export async function renderClassDebrief(el: HTMLElement, rules: Rules, code: string, secret: string, lang: Lang): Promise<void> {
  const tr = (k: TextKey, p?: Record<string, string | number>) => translate(lang, k, p);
  replaceChildren(el, h('p', {}, tr('classroom.loading')));
  const r = await debriefData(code, secret);
  if (!r.ok) {
    replaceChildren(el, h('p', { class: 'error' }, tr('classroom.console.failed', { error: r.error })));
    return;
  }
  const d = r.value;
  const faction = (f: (typeof FACTIONS)[number]) => `${FACTION_LOOK[f].glyph} ${rules.factions[f].short[lang]}`;
  const ending = (reason: string | null, finished: boolean) =>
    !finished ? tr('classroom.debrief.unfinished') : tr(`classroom.debrief.reason.${reason ?? 'rounds'}` as TextKey);
  const error = h('p', { class: 'error', role: 'alert' });
  const fetchMatches = async (table: number | null) => {
    const m = await matchFiles(code, secret);
    if (!m.ok) return void (error.textContent = tr('classroom.console.failed', { error: m.error }));
    if (table === null) download(`gigawatt-${code}-matches.json`, JSON.stringify(m.value, null, 2));
    else download(`gigawatt-${code}-table-${table + 1}.json`, JSON.stringify(m.value.matches[table], null, 2));
  };
  const csv = async () => {
    const c = await exportCsv(code, secret);
    if (!c.ok) return void (error.textContent = tr('classroom.console.failed', { error: c.error }));
    download(`gigawatt-${code}.csv`, c.value, 'text/csv');
  };
  const canvases: { canvas: HTMLCanvasElement; metric: Metric }[] = [];
  const charts = h('div', { class: 'charts' });
  for (const metric of METRICS) {
    const s = metricSeries(d, metric);
    const canvas = h('canvas', {
      role: 'img',
      'aria-label': `${tr(metric.key)}: ${s.tables.map((v, i) => `${tr('classroom.console.table', { n: i + 1 })} ${v.map((x) => x ?? '–').join(', ')}`).join('; ')}`,
    });
    canvases.push({ canvas, metric });
    charts.append(h('figure', { class: 'chart' }, h('figcaption', {}, tr(metric.key)), h('div', { class: 'chart-box' }, canvas)));
  }
  const wins = FACTIONS.map((f) => `${faction(f)} ${d.summary.wins[f] ?? 0}`).join(' · ');
  const groups = compareConditions(d);
  // A class experiment: more than one condition, or one that is not the standard rules.
  const experiment = groups.length > 1 || groups.some((g) => g.condition !== 'standard');
  const conditionName = (id: string) => tr(`preset.${id}.name` as TextKey);
  const comparison = experiment ? conditionSection(groups, d.sharedSeed ?? false, tr, faction, conditionName) : null;
  replaceChildren(
    el,
    h('p', { class: 'print-only print-title' }, tr('classroom.debrief.printTitle', { code })),
    h('h2', { 'data-testid': 'class-debrief-title' }, tr('classroom.debrief.title')),
    h(
      'p',
      {},
      tr('classroom.debrief.finished', { finished: d.summary.finished, tables: d.summary.tables }),
      ' · ',
      tr('classroom.debrief.wins', { wins }),
      ' · ',
      d.summary.catastrophes.length > 0
        ? tr('classroom.debrief.catastrophes', { tables: d.summary.catastrophes.map((n) => n + 1).join(', ') })
        : tr('classroom.debrief.noCatastrophe'),
    ),
    h(
      'table',
      { class: 'results class-results' },
      h('caption', {}, tr('classroom.debrief.tables')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, tr('classroom.debrief.table')),
          experiment ? h('th', { scope: 'col' }, tr('classroom.debrief.condition')) : null,
          h('th', { scope: 'col' }, tr('classroom.debrief.winner')),
          h('th', { scope: 'col' }, tr('classroom.debrief.ending')),
          ...FACTIONS.map((f) => h('th', { scope: 'col' }, faction(f))),
          h('th', { scope: 'col' }, tr('classroom.debrief.files')),
        ),
      ),
      h(
        'tbody',
        {},
        ...d.tables.map((tb) =>
          h(
            'tr',
            { class: tb.reason === 'catastrophe' ? 'catastrophe' : '' },
            h('th', { scope: 'row' }, tr('classroom.console.table', { n: tb.table + 1 })),
            experiment ? h('td', {}, conditionName(tb.condition ?? 'standard')) : null,
            h('td', {}, tb.winner ? faction(tb.winner) : '—'),
            h('td', {}, ending(tb.reason, tb.finished), ' · ', tr('classroom.debrief.roundN', { round: tb.round })),
            ...FACTIONS.map((f) => {
              const p = tb.seats[f];
              const who =
                p.kind === 'person' ? (p.name ?? '') : translate(lang, 'player.bot', { level: translate(lang, `level.${p.level ?? 'medium'}` as TextKey) });
              return h('td', {}, `${tb.final.factions[f].vp} ${translate(lang, 'board.vp')} · ${who}`);
            }),
            h(
              'td',
              {},
              h(
                'button',
                { type: 'button', class: 'small', 'data-testid': `match-${tb.table}`, onclick: () => void fetchMatches(tb.table) },
                tr('classroom.debrief.matchFile'),
              ),
            ),
          ),
        ),
      ),
    ),
    h(
      'p',
      { class: 'downloads' },
      h('button', { type: 'button', 'data-testid': 'download-matches', onclick: () => void fetchMatches(null) }, tr('classroom.debrief.allMatches')),
      ' ',
      h('button', { type: 'button', 'data-testid': 'download-csv', onclick: () => void csv() }, tr('classroom.debrief.csv')),
      ' ',
      h('button', { type: 'button', 'data-testid': 'print-debrief', onclick: () => window.print() }, tr('classroom.debrief.print')),
      ' ',
      h('span', { class: 'hint' }, tr('classroom.debrief.replayHint')),
    ),
    error,
    comparison?.el ?? null,
    h('h3', {}, tr('classroom.debrief.charts')),
    charts,
  );
  const { drawLineChart, drawBarChart } = await import('../ui/charts.js');
  if (comparison?.winsCanvas.isConnected) {
    drawBarChart(
      comparison.winsCanvas,
      groups.map((g) => conditionName(g.condition)),
      [
        ...FACTIONS.map((f) => ({ label: faction(f), values: groups.map((g) => g.wins[f]), color: FACTION_LOOK[f].css })),
        { label: tr('classroom.debrief.catastrophesRow'), values: groups.map((g) => g.catastrophes), color: '#cc79a7' },
      ],
      prefersReducedMotion(),
    );
    drawBarChart(
      comparison.figuresCanvas,
      groups.map((g) => conditionName(g.condition)),
      [
        { label: tr('classroom.debrief.avgRisk'), values: groups.map((g) => g.risk), color: '#e69f00' },
        { label: tr('classroom.debrief.avgCapability'), values: groups.map((g) => g.capability), color: '#56b4e9' },
      ],
      prefersReducedMotion(),
    );
  }
  for (const { canvas, metric } of canvases) {
    if (!canvas.isConnected) continue;
    const s = metricSeries(d, metric);
    drawLineChart(
      canvas,
      s.labels.map((l) => tr('classroom.debrief.roundLabel', { round: l })),
      s.tables.map((values, i) => ({
        label: tr('classroom.console.table', { n: i + 1 }),
        values: values as number[],
        color: TABLE_COLOURS[i % TABLE_COLOURS.length]!,
        pointStyle: POINTS[Math.floor(i / TABLE_COLOURS.length + i) % POINTS.length]!,
        dashed: i >= TABLE_COLOURS.length,
      })),
      prefersReducedMotion(),
    );
  }
}

type Tr = (k: TextKey, p?: Record<string, string | number>) => string;

/**
 * The experiment's section: what so few tables can show, the conditions side by side (tables,
 * wins, risk, capability, money), two bar charts and the actions each faction took.
 */
function conditionSection(
  groups: ConditionGroup[],
  sharedSeed: boolean,
  tr: Tr,
  faction: (f: (typeof FACTIONS)[number]) => string,
  conditionName: (id: string) => string,
): { el: HTMLElement; winsCanvas: HTMLCanvasElement; figuresCanvas: HTMLCanvasElement } {
  const finished = groups.some((g) => g.finished > 0);
  const head = h(
    'tr',
    {},
    h('th', { scope: 'col' }, tr('classroom.debrief.condition')),
    ...groups.map((g) => h('th', { scope: 'col' }, conditionName(g.condition))),
  );
  const row = (label: string, cell: (g: ConditionGroup) => string) =>
    h('tr', {}, h('th', { scope: 'row' }, label), ...groups.map((g) => h('td', { class: 'num' }, cell(g))));
  const winsCanvas = h('canvas', {
    role: 'img',
    'aria-label': `${tr('classroom.debrief.winsBy')}: ${groups.map((g) => `${conditionName(g.condition)} ${FACTIONS.map((f) => `${faction(f)} ${g.wins[f]}`).join(', ')}`).join('; ')}`,
  });
  const figuresCanvas = h('canvas', {
    role: 'img',
    'aria-label': `${tr('classroom.debrief.chartByCondition')}: ${groups.map((g) => `${conditionName(g.condition)} ${tr('classroom.debrief.avgRisk')} ${g.risk}, ${tr('classroom.debrief.avgCapability')} ${g.capability}`).join('; ')}`,
  });
  const actionRows = FACTIONS.flatMap((f) => {
    const types = [...new Set(groups.flatMap((g) => Object.keys(g.actions[f])))];
    return types.map((type, i) =>
      h(
        'tr',
        {},
        h('th', { scope: 'row' }, i === 0 ? faction(f) : '', ' ', tr(`action.${type}` as TextKey)),
        ...groups.map((g) => h('td', { class: 'num' }, String(g.actions[f][type] ?? 0))),
      ),
    );
  });
  const el = h(
    'section',
    { class: 'conditions-compared', 'data-testid': 'conditions-compared' },
    h('h3', {}, tr('classroom.debrief.compare')),
    h('p', {}, tr('classroom.debrief.compareIntro')),
    finished
      ? h(
          'div',
          { class: 'caveat', 'data-testid': 'experiment-caveat' },
          ...caveats(groups, sharedSeed).map((c) => h('p', {}, tr(c.key, c.n !== undefined ? { n: c.n } : undefined))),
        )
      : h('p', { class: 'caveat' }, tr('classroom.debrief.noneFinished')),
    h(
      'table',
      { class: 'results condition-table' },
      h('thead', {}, head),
      h(
        'tbody',
        {},
        row(tr('classroom.debrief.nTables'), (g) => `${g.finished} / ${g.tables.length}`),
        ...FACTIONS.map((f) => row(`${tr('classroom.debrief.winsBy')} ${faction(f)}`, (g) => String(g.wins[f]))),
        row(tr('classroom.debrief.catastrophesRow'), (g) => String(g.catastrophes)),
        row(tr('classroom.debrief.avgRisk'), (g) => String(g.risk)),
        row(tr('classroom.debrief.avgCapability'), (g) => String(g.capability)),
        row(tr('classroom.debrief.avgCapital'), (g) => String(g.capital)),
      ),
    ),
    h(
      'div',
      { class: 'charts' },
      h('figure', { class: 'chart' }, h('figcaption', {}, tr('classroom.debrief.winsBy')), h('div', { class: 'chart-box' }, winsCanvas)),
      h('figure', { class: 'chart' }, h('figcaption', {}, tr('classroom.debrief.chartByCondition')), h('div', { class: 'chart-box' }, figuresCanvas)),
    ),
    h(
      'details',
      { class: 'condition-actions' },
      h('summary', {}, tr('classroom.debrief.actionsTitle')),
      h('table', { class: 'results condition-table' }, h('thead', {}, head.cloneNode(true)), h('tbody', {}, ...actionRows)),
    ),
  );
  return { el, winsCanvas, figuresCanvas };
}
