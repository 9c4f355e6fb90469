/**
 * The match log in plain sentences: each move (with the bot's reasons) interleaved with what
 * happened without a decision (headlines, scoring, crises), and a heading at each new round.
 */
import type { FactionId, Lang, LogEntry, Rules, TextKey } from '../../engine/index.js';
import { translate } from '../i18n/i18n.js';
import type { MoveRecord, WeighedOption } from '../session/session.js';

/** One line of the log. */
export interface LogLine {
  kind: 'round' | 'move' | LogEntry['kind'];
  round: number;
  seat?: FactionId;
  text: string;
  /** The bot's reasons (moves by bots only). */
  why?: string;
  /** The other actions the bot weighed, with the VP each came out behind (moves by bots only). */
  weighed?: string;
  /** The event card revealed (headline lines only), to show its art. */
  card?: string;
}

/** How far behind (VP) an option may come and still be a number of VP: beyond it, a search's futures ended in lost games or catastrophes. */
const FAR_BEHIND = 100;

/** "Expand influence in India (−0.5 VP), …" in the page's language; an option far behind says so in words. */
function weighedText(options: readonly WeighedOption[], lang: Lang): string {
  return options
    .map((o) =>
      o.value <= -FAR_BEHIND
        ? translate(lang, 'log.weighedOptionFar', { action: o[lang] })
        : translate(lang, 'log.weighedOption', { action: o[lang], delta: Math.round(o.value * 10) / 10 }),
    )
    .join(' · ');
}

function entryText(rules: Rules, e: LogEntry, lang: Lang, notes?: ReadonlyMap<number, string>): string {
  const tr = (key: TextKey, params?: Record<string, string | number>) => translate(lang, key, params);
  const who = e.seat ? rules.factions[e.seat].short[lang] : '';
  switch (e.kind) {
    case 'event': {
      const ev = e.id ? rules.events[e.id] : undefined;
      return tr(e.by === 'teacher' ? 'log.teacherNews' : 'log.event', { name: ev?.name[lang] ?? e.id ?? '', text: ev?.text[lang] ?? '' });
    }
    case 'choice': {
      const [eventId, option] = (e.id ?? '').split('.');
      const ev = eventId ? rules.events[eventId] : undefined;
      const last = ev?.effects[ev.effects.length - 1];
      const text = last?.op === 'choice' ? last.options.find((o) => o.id === option)?.text[lang] : undefined;
      return tr('log.choice', { faction: who, option: text ?? option ?? '' });
    }
    case 'incident': {
      const row = rules.game.incidents.table[e.amount ?? 0];
      return tr('log.incident', { text: row?.text[lang] ?? '' });
    }
    case 'crisis':
      return tr('log.crisis');
    case 'catastrophe':
      return tr('log.catastrophe');
    case 'financialCrisis':
      return tr('log.financialCrisis', { faction: who });
    case 'scoring': {
      const detail = notes?.get(e.round);
      return detail ? tr('log.scoringDetail', { round: e.round, detail }) : tr('log.scoring', { round: e.round });
    }
    case 'race':
      return tr('log.race', { faction: who, level: e.amount ?? 0 });
    case 'frontier':
      return tr('log.frontier', { faction: who });
    case 'gameOver':
      return e.id === 'catastrophe' ? tr('log.gameOverCatastrophe') : e.seat ? tr('log.gameOver', { faction: who }) : tr('log.gameOverTie');
  }
}

/** The log of a match so far, oldest first. `engineLog` is the view's `log`; `moves` the session's moves; `notes` what each scoring gave, by round, when known. */
export function logLines(
  rules: Rules,
  moves: readonly MoveRecord[],
  engineLog: readonly LogEntry[],
  lang: Lang,
  notes?: ReadonlyMap<number, string>,
): LogLine[] {
  const out: LogLine[] = [];
  let round = 0;
  const heading = (r: number) => {
    if (r === round) return;
    round = r;
    out.push({ kind: 'round', round: r, text: translate(lang, 'log.round', { round: r, year: rules.game.rounds.firstYear + r - 1 }) });
  };
  let next = 0;
  const flushTo = (end: number) => {
    for (; next < end && next < engineLog.length; next++) {
      const e = engineLog[next] as LogEntry;
      heading(e.round);
      out.push({
        kind: e.kind,
        round: e.round,
        ...(e.seat ? { seat: e.seat } : {}),
        ...(e.kind === 'event' && e.id ? { card: e.id } : {}),
        text: entryText(rules, e, lang, notes),
      });
    }
  };
  for (const m of moves) {
    flushTo(m.logBefore);
    heading(m.round);
    out.push({
      kind: 'move',
      round: m.round,
      seat: m.seat,
      text: translate(lang, 'board.labelled', { label: rules.factions[m.seat].short[lang], text: m.text[lang] }),
      ...(m.explanation ? { why: m.explanation[lang] } : {}),
      ...(m.weighed?.length ? { weighed: weighedText(m.weighed, lang) } : {}),
    });
  }
  flushTo(engineLog.length);
  return out;
}
