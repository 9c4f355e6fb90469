/**
 * The teacher's news at class tables: an event card or a "breaking news" item announced at one
 * table or all. Everything is checked before anything is written (unknown event, unknown or
 * finished table, ended class); then each table gets the news through boardgame.io's master, as
 * a server move in the name of the seat to play (so it is stored, broadcast and logged like a
 * move, and a replay of the match reproduces it). The current turn keeps its timer.
 */
import { activeSeat, injectNews, isEventId, type GameState, type NewsRefusal, type Rules } from '../engine/index.js';
import { rulesOfState } from '../engine/rules/presets.js';
import { NEWS_MOVE, PLAYER_IDS } from '../game/gigawatt.js';
import type { ClassState, TableState } from './class-model.js';
import type { ClassService } from './classes.js';
import { HttpError } from './http.js';
import type { SqlStorage } from './storage.js';

/** How the news reaches a match: a server move through the match's queue and master. */
export type NewsMove = (matchID: string, playerID: string, type: string, args: unknown[], stateID: number) => Promise<void>;

/** What announcing news needs. */
export interface NewsDeps {
  rules: Rules;
  classes: ClassService;
  storage: SqlStorage;
  move: NewsMove;
}

/** The teacher's words for each refusal of the engine. */
const REFUSAL: Record<NewsRefusal, (no: number) => string> = {
  unknownEvent: () => 'event: no event or news item has that id.',
  gameOver: (no) => `Table ${no + 1} has finished.`,
  lastRound: (no) => `Table ${no + 1} is playing its last round: no headline is left to announce the news at.`,
  tooMuchNews: (no) => `Table ${no + 1} already has the most news waiting for its next headline.`,
};

/** The tables the news goes to, once every check passed (or the error that stops it, before any write). */
function targets(deps: NewsDeps, cls: ClassState, event: string, tableNo: number | null): TableState[] {
  if (cls.status === 'ended') throw new HttpError(409, 'The class has ended.');
  if (cls.status === 'closed') throw new HttpError(409, 'The class is closed until the next lesson: reopen it to announce news.');
  const chosen = tableNo === null ? cls.tables : cls.tables.filter((t) => t.no === tableNo);
  if (chosen.length === 0) throw new HttpError(404, 'table: no such table in this class.');
  const live: TableState[] = [];
  for (const t of chosen) {
    const G = deps.storage.latestState(t.matchID)?.G as GameState | undefined;
    if (!G) throw new HttpError(409, `Table ${t.no + 1} has no game.`);
    const rules = rulesOfState(G, deps.rules);
    if (!isEventId(rules, event)) throw new HttpError(400, `event: no event or news item has the id ${JSON.stringify(event)}.`);
    // Checked on a copy: the real change goes through the master.
    const refusal = injectNews(rules, { ...G, pendingNews: G.pendingNews ? [...G.pendingNews] : undefined }, event);
    if (!refusal) live.push(t);
    else if (tableNo !== null) throw new HttpError(refusal === 'unknownEvent' ? 400 : 409, REFUSAL[refusal](t.no));
  }
  if (live.length === 0) throw new HttpError(409, 'No table can take news now: every table has finished or is playing its last round.');
  return live;
}

/** Announces `event` at table `tableNo` (null: every table that can take it). Resolves with the tables that will hear it. */
export async function announceNews(deps: NewsDeps, cls: ClassState, event: string, tableNo: number | null): Promise<number[]> {
  const tables = targets(deps, cls, event, tableNo);
  const done: number[] = [];
  for (const t of tables) {
    // A player's move may come first (a stale state id): try again on the new state.
    for (let attempt = 0; attempt < 5; attempt++) {
      const state = deps.storage.latestState(t.matchID);
      const G = state?.G as GameState | undefined;
      const seat = G ? activeSeat(G) : null;
      if (!state || !G || !seat) break;
      const timer = t.turnKey === state._stateID ? { deadline: t.deadline, remainingMs: t.remainingMs } : null;
      await deps.move(t.matchID, PLAYER_IDS[seat], NEWS_MOVE, [{ event }], state._stateID);
      const after = deps.storage.latestState(t.matchID);
      if (!after || after._stateID === state._stateID) continue;
      const news = (after.G as GameState).pendingNews ?? [];
      if (news.length !== (G.pendingNews?.length ?? 0) + 1) continue;
      // The seat still has its turn: the news does not give it a new timer.
      if (timer && activeSeat(after.G as GameState) === seat) {
        t.turnKey = after._stateID;
        t.deadline = timer.deadline;
        t.remainingMs = timer.remainingMs;
        deps.classes.saveTimer(cls, t);
      }
      done.push(t.no);
      break;
    }
  }
  if (done.length === 0) throw new HttpError(503, 'The tables were busy: try again.');
  return done;
}
