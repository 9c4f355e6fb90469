/**
 * The class debrief: each table's game replayed from its seed and its move log, giving the
 * figures per round (VP, capability, risk, tension), the winners and catastrophes, every
 * table's match file, and a CSV of the key figures.
 */
import { presetRules } from '../engine/rules/presets.js';
import { presetOf } from './classes.js';
import { stepsInLog } from '../game/log.js';
import type { LogEntry } from 'boardgame.io';
import { FACTIONS, applyActionInPlace, createInitialState, injectNews, roundFigures, type FactionId } from '../engine/index.js';
import { MatchRecorder, type MatchFile, type SeatPlayer } from '../match/index.js';
import type { ClassState, TableState } from './class-model.js';

export type { RoundFigures, TableDebrief } from '../protocol/classroom.js';
import type { RoundFigures, TableDebrief } from '../protocol/classroom.js';

/** Who played each seat, as match files say it. */
function seatPlayers(cls: ClassState, table: TableState): Record<FactionId, SeatPlayer> {
  return Object.fromEntries(
    FACTIONS.map((f) => {
      const s = table.seats[f];
      const player: SeatPlayer =
        s.people.length > 0
          ? {
              kind: 'person',
              name: s.people
                .map((p) => p.name)
                .join(', ')
                .slice(0, 64),
            }
          : { kind: 'bot', level: cls.settings.botLevel };
      return [f, player];
    }),
  ) as Record<FactionId, SeatPlayer>;
}

/** Replays a table under its condition's rules (a preset's): its debrief figures and its match file. */
export function replayTable(cls: ClassState, table: TableState, log: LogEntry[]): { debrief: TableDebrief; match: MatchFile } {
  const rules = presetRules(presetOf(table));
  const state = createInitialState(rules, table.seed);
  const seats = seatPlayers(cls, table);
  const recorder = new MatchRecorder(rules.hash, table.seed, seats, state, `gigawatt-server class ${cls.code} table ${table.no + 1}`);
  const rounds: RoundFigures[] = [];
  let round = state.round;
  let count = 0;
  const actionsBy = Object.fromEntries(FACTIONS.map((f) => [f, {}])) as Record<FactionId, Record<string, number>>;
  for (const step of stepsInLog(log)) {
    if (state.phase === 'over') break;
    // The teacher's news: queued as the master did, and recorded in the match file.
    if ('news' in step) {
      if (!injectNews(rules, state, step.news)) recorder.injected(step.news);
      continue;
    }
    const { seat, action } = step;
    const before = round;
    const refused = applyActionInPlace(rules, state, seat, action);
    if (refused) continue;
    count++;
    actionsBy[seat][action.type] = (actionsBy[seat][action.type] ?? 0) + 1;
    recorder.applied(seat, action, state);
    if (state.round !== before || (state.phase as string) === 'over') {
      rounds.push(roundFigures(state, before));
      round = state.round;
    }
  }
  const finished = (state.phase as string) === 'over';
  return {
    debrief: {
      table: table.no,
      condition: presetOf(table),
      finished,
      reason: state.result?.reason ?? null,
      winner: state.result?.winner ?? null,
      round: state.round,
      actions: count,
      seats,
      rounds,
      final: roundFigures(state, state.round),
      actionsBy,
    },
    match: recorder.toMatch(state),
  };
}

const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  // Quote, and defuse spreadsheet formulas in names.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The key figures of every table, one row per table and faction. */
export function debriefCsv(cls: ClassState, tables: TableDebrief[]): string {
  const head = [
    'class',
    'table',
    'condition',
    'faction',
    'player',
    'vp',
    'capability',
    'capital',
    'winner',
    'finished',
    'end_reason',
    'round',
    'final_risk',
    'final_tension',
    'actions',
  ];
  const rows = [head.join(',')];
  for (const t of tables) {
    for (const f of FACTIONS) {
      const p = t.seats[f];
      const who = p.kind === 'person' ? (p.name ?? 'person') : `bot (${p.level})`;
      rows.push(
        [
          cls.code,
          t.table + 1,
          t.condition,
          f,
          who,
          t.final.factions[f].vp,
          t.final.factions[f].capability,
          t.final.factions[f].capital,
          t.winner === f ? 'yes' : 'no',
          t.finished ? 'yes' : 'no',
          t.reason,
          t.round,
          t.final.risk,
          t.final.tension,
          t.actions,
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return `${rows.join('\n')}\n`;
}
