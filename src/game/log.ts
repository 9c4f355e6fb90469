/** Reading boardgame.io's move log back into engine actions (the server's debrief and the browser's match log share it). */
import type { LogEntry } from 'boardgame.io';
import { parseAction, type Action, type FactionId } from '../engine/index.js';
import { NEWS_MOVE, seatOf } from './gigawatt.js';

/** A move as the boardgame.io log has it: the state it was made from, its seat and its action. */
export interface LoggedMove {
  stateID: number;
  seat: FactionId;
  action: Action;
}

/** The teacher's news as the boardgame.io log has it: the state it was injected at, and the event. */
export interface LoggedNews {
  stateID: number;
  news: string;
}

/** The engine actions and the teacher's news of a boardgame.io log, in order (game events and malformed entries are skipped). */
export function stepsInLog(log: readonly LogEntry[]): (LoggedMove | LoggedNews)[] {
  const out: (LoggedMove | LoggedNews)[] = [];
  for (const entry of log) {
    const a = entry.action as { type?: string; payload?: { type?: string; args?: unknown[]; playerID?: string } };
    if (a.type !== 'MAKE_MOVE' || !a.payload) continue;
    const first = (a.payload.args?.[0] ?? {}) as Record<string, unknown>;
    if (a.payload.type === NEWS_MOVE) {
      if (typeof first.event === 'string') out.push({ stateID: entry._stateID, news: first.event });
      continue;
    }
    const seat = seatOf(a.payload.playerID);
    const parsed = parseAction({ ...first, type: a.payload.type });
    if (seat && parsed.ok) out.push({ stateID: entry._stateID, seat, action: parsed.value });
  }
  return out;
}

/** The engine actions of a boardgame.io log, in order (the teacher's news, game events and malformed entries are skipped). */
export function movesInLog(log: readonly LogEntry[]): LoggedMove[] {
  return stepsInLog(log).filter((s): s is LoggedMove => 'action' in s);
}
