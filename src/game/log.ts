/** Reading boardgame.io's move log back into engine actions (the server's debrief and the browser's match log share it). */
import type { LogEntry } from 'boardgame.io';
import { parseAction, type Action, type FactionId } from '../engine/index.js';
import { seatOf } from './gigawatt.js';

/** A move as the boardgame.io log has it: the state it was made from, its seat and its action. */
export interface LoggedMove {
  stateID: number;
  seat: FactionId;
  action: Action;
}

/** The engine actions of a boardgame.io log, in order (game events and malformed entries are skipped). */
export function movesInLog(log: readonly LogEntry[]): LoggedMove[] {
  const out: LoggedMove[] = [];
  for (const entry of log) {
    const a = entry.action as { type?: string; payload?: { type?: string; args?: unknown[]; playerID?: string } };
    if (a.type !== 'MAKE_MOVE' || !a.payload) continue;
    const seat = seatOf(a.payload.playerID);
    const first = (a.payload.args?.[0] ?? {}) as Record<string, unknown>;
    const parsed = parseAction({ ...first, type: a.payload.type });
    if (seat && parsed.ok) out.push({ stateID: entry._stateID, seat, action: parsed.value });
  }
  return out;
}
