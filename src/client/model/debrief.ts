/**
 * The end-of-game debrief as data: ranking with the VP breakdown, chart series over the rounds,
 * and per era a note on what happened in reality, with the real facts behind the headlines drawn.
 */
import { FACTIONS, VP_SOURCES, finalScores, type FactionId, type GameState, type Lang, type Rules, type VpSource, type TextKey } from '../../engine/index.js';
import { translate } from '../i18n/i18n.js';
import type { RoundFigures } from '../../engine/index.js';

/** One faction's line in the results. */
export interface ResultRow {
  faction: FactionId;
  name: string;
  vp: number;
  rank: number;
  winner: boolean;
  parts: { source: VpSource; label: string; vp: number }[];
}

/** A chart: one line per faction (or per track), one point per round. */
export interface ChartSeries {
  id: 'capital' | 'capability' | 'influence' | 'vp' | 'world';
  title: string;
  labels: string[];
  lines: { key: string; label: string; faction: FactionId | null; values: number[] }[];
}

/** An era's reality note and the real facts behind its headlines. */
export interface EraNote {
  era: number;
  title: string;
  note: string;
  /** Each drawn event's id, name, its real fact, the month of that fact (YYYY-MM) and its source line. */
  facts: { id: string; name: string; fact: string; date: string; source: string }[];
}

/** The whole debrief. */
export interface Debrief {
  headline: string;
  /** Are the rows a ranking? Not after a catastrophe: everyone lost, nobody came first. */
  ranked: boolean;
  rows: ResultRow[];
  charts: ChartSeries[];
  eras: EraNote[];
}

/** The debrief of a finished (or current) game. */
export function debriefModel(rules: Rules, state: GameState, rounds: readonly RoundFigures[], lang: Lang): Debrief {
  const tr = (key: TextKey, params?: Record<string, string | number>) => translate(lang, key, params);
  const name = (f: FactionId) => rules.factions[f].short[lang];
  const result = state.result;
  const headline = !result
    ? tr('debrief.unfinished')
    : result.reason === 'catastrophe'
      ? tr('status.catastrophe')
      : result.winner
        ? tr('status.winner', { faction: name(result.winner) })
        : tr('status.tie');
  const ranked = result?.reason !== 'catastrophe';
  const rows = finalScores(state).map((s) => ({
    faction: s.faction,
    name: name(s.faction),
    vp: s.vp,
    rank: s.rank,
    winner: s.winner,
    parts: VP_SOURCES.filter((src) => s.breakdown[src] !== 0).map((src) => ({ source: src, label: tr(`vp.${src}`), vp: s.breakdown[src] })),
  }));
  const labels = rounds.map((r) => (r.round === 0 ? tr('debrief.start') : String(rules.game.rounds.firstYear + r.round - 1)));
  const perFaction = (id: ChartSeries['id'], key: 'capital' | 'capability' | 'influence' | 'vp'): ChartSeries => ({
    id,
    title: tr(`chart.${id}`),
    labels,
    lines: FACTIONS.map((f) => ({ key: f, label: name(f), faction: f, values: rounds.map((r) => r.factions[f][key]) })),
  });
  const charts: ChartSeries[] = [
    perFaction('capital', 'capital'),
    perFaction('capability', 'capability'),
    perFaction('influence', 'influence'),
    perFaction('vp', 'vp'),
    {
      id: 'world',
      title: tr('chart.world'),
      labels,
      lines: [
        { key: 'risk', label: tr('track.risk'), faction: null, values: rounds.map((r) => r.risk) },
        { key: 'tension', label: tr('track.tension'), faction: null, values: rounds.map((r) => r.tension) },
      ],
    },
  ];
  const drawn = state.log.filter((e) => e.kind === 'event' && e.id).map((e) => e.id as string);
  const eras = rules.game.eras.map((era) => ({
    era: era.id,
    title: era.name[lang],
    note: tr(`reality.era${era.id}` as TextKey),
    facts: drawn
      .map((id) => rules.events[id])
      .filter((ev): ev is NonNullable<typeof ev> => !!ev && ev.era === era.id)
      .map((ev) => ({ id: ev.id, name: ev.name[lang], fact: ev.fact?.[lang] ?? '', date: ev.date, source: ev.source[lang] }))
      .filter((f) => f.fact),
  }));
  return { headline, ranked, rows, charts, eras };
}
