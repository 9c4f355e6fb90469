/** What the teacher's console and the join page show of a class (never seeds or credentials; seat links to the teacher only). */
import { FACTIONS, activeSeat, type FactionId, type GameState } from '../engine/index.js';
import { PLAYER_IDS } from '../game/gigawatt.js';
import { personId, type ClassState, type TableState } from './class-model.js';
import type { BotNote } from './runner.js';
import { presetOf } from './classes.js';

export type { ConsoleView, SeatLine, TableLine } from '../protocol/classroom.js';
import type { ConsoleView, DiscussionView, SeatLine, TableClock, TableLine, TableNews } from '../protocol/classroom.js';

/** What the console needs to read. */
export interface ConsoleSources {
  state(matchID: string): { G: unknown; _stateID: number } | undefined;
  devices(matchID: string, playerID: string | null): number;
  note(matchID: string): BotNote | undefined;
  timeouts(matchID: string): number;
}

function tableLine(cls: ClassState, t: TableState, src: ConsoleSources, now: number): TableLine {
  const G = src.state(t.matchID)?.G as GameState | undefined;
  const per = (f: (id: FactionId) => number) => Object.fromEntries(FACTIONS.map((id) => [id, f(id)])) as Record<FactionId, number>;
  const seats = Object.fromEntries(
    FACTIONS.map((f) => {
      const seat = t.seats[f];
      const line: SeatLine = {
        mode: seat.mode,
        names: seat.people.map((p) => p.name),
        devices: src.devices(t.matchID, PLAYER_IDS[f]),
        people: seat.people.map((p) => ({ id: personId(p), name: p.name })),
        invite: t.invites[f],
      };
      return [f, line];
    }),
  ) as Record<FactionId, SeatLine>;
  const left = t.deadline !== null ? Math.max(0, Math.ceil((t.deadline - now) / 1000)) : t.remainingMs !== null ? Math.ceil(t.remainingMs / 1000) : null;
  return {
    no: t.no,
    matchID: t.matchID,
    preset: presetOf(t),
    round: G?.round ?? 0,
    actionRound: G?.actionRound ?? 0,
    actions: G?.actionCount ?? 0,
    phase: G?.phase ?? 'actions',
    finished: G?.phase === 'over',
    winner: G?.result?.winner ?? null,
    endReason: G?.result?.reason ?? null,
    risk: G?.tracks.risk ?? 0,
    tension: G?.tracks.tension ?? 0,
    vp: per((id) => G?.factions[id].vp ?? 0),
    capability: per((id) => G?.factions[id].capability ?? 0),
    turn: G ? activeSeat(G) : null,
    secondsLeft: cls.status === 'lobby' ? null : left,
    seats,
    spectators: src.devices(t.matchID, null),
    timeouts: src.timeouts(t.matchID),
    lastBot: src.note(t.matchID) ?? null,
    news: tableNews(G),
  };
}

/** The teacher's news at a table: waiting for the next headline, and announced at this round's. */
function tableNews(G: GameState | undefined): TableNews {
  if (!G) return { pending: [], announced: [], round: 0 };
  const announced = G.log.filter((e) => e.by === 'teacher' && e.round === G.round && e.id).map((e) => e.id as string);
  return { pending: [...(G.pendingNews ?? [])], announced, round: G.round };
}

/** The teacher's console view of a class. */
export function consoleView(cls: ClassState, src: ConsoleSources, now: number): ConsoleView {
  const s = cls.settings;
  return {
    code: cls.code,
    status: cls.status,
    settings: {
      tables: s.tables,
      seedMode: s.seedMode,
      teacherSeed: s.seed !== null,
      botLevel: s.botLevel,
      turnSeconds: s.turnSeconds,
      lang: s.lang,
      conditions: s.conditions ?? ['standard'],
    },
    tables: cls.tables.map((t) => tableLine(cls, t, src, now)),
    discussion: discussionView(cls, src),
  };
}

/** The class's discussion as pages show it: the prompt and which tables already wait at the end of their round. */
function discussionView(cls: ClassState, src: ConsoleSources): DiscussionView | null {
  const d = cls.discussion;
  if (!d) return null;
  const waiting = cls.tables.filter((t) => {
    const G = src.state(t.matchID)?.G as GameState | undefined;
    return !G || G.phase === 'over' || G.round > (d.fromRound[t.no] ?? 0);
  });
  return { preset: d.preset, text: d.text, waiting: waiting.map((t) => t.no) };
}

/**
 * The turn timer of a table as its students see it: the seat whose turn runs, and the time left
 * now (frozen while the class is paused), or null when no timer runs.
 */
function tableClock(cls: ClassState, t: TableState, G: GameState | undefined, now: number): TableClock | null {
  if (!G || cls.settings.turnSeconds === 0 || (cls.status !== 'running' && cls.status !== 'paused')) return null;
  const seat = activeSeat(G);
  const msLeft = t.deadline !== null ? Math.max(0, t.deadline - now) : t.remainingMs;
  if (!seat || msLeft === null || G.phase === 'over') return null;
  return { seat, msLeft, paused: cls.status === 'paused', turnSeconds: cls.settings.turnSeconds };
}

/** What a student sees before joining (the tables, who sits where, which tables can be watched) and while playing (the timers). */
export function publicView(cls: ClassState, src: ConsoleSources, now: number) {
  return {
    code: cls.code,
    status: cls.status,
    lang: cls.settings.lang,
    botLevel: cls.settings.botLevel,
    discussion: discussionView(cls, src),
    tables: cls.tables.map((t) => {
      const G = src.state(t.matchID)?.G as GameState | undefined;
      const finished = G?.phase === 'over';
      return {
        no: t.no,
        // The table's rules are public: its students' pages show and check moves with them.
        preset: presetOf(t),
        finished,
        round: G?.round ?? 0,
        // Finished tables (or all, once the class ended) can be watched.
        matchID: finished || cls.status === 'ended' ? t.matchID : null,
        seats: Object.fromEntries(FACTIONS.map((f) => [f, { mode: t.seats[f].mode, names: t.seats[f].people.map((p) => p.name) }])),
        clock: tableClock(cls, t, G, now),
        lastTimeout: t.lastTimeout ?? null,
        news: tableNews(G),
      };
    }),
  };
}
