/**
 * The classroom API as the browser calls it (same origin, JSON). The shapes mirror
 * src/server/class-routes.ts; a refused call resolves to `{ ok: false, error }` with the
 * server's message, never throws.
 */
import { routeHref } from '../routes.js';
import type { FactionId } from '../../engine/index.js';
import type { BotLevel } from '../../bots/index.js';
import type { ClassStatus, DiscussionPreset, DiscussionView, TableClock, TableNews, TimeoutNote } from '../../protocol/classroom.js';
import type { SeatTicket } from '../../protocol/classroom.js';
import type { ConsoleView as ConsoleData } from '../../protocol/classroom.js';
import type { PresetId } from '../../engine/rules/presets.js';
import type { TableDebrief } from '../../protocol/classroom.js';

/** The teacher's hosting form. */
export interface HostSettings {
  tables: number;
  seedMode: 'shared' | 'perTable';
  seed: string | null;
  botLevel: BotLevel;
  turnSeconds: number;
  lang: 'en' | 'fr';
  /** A class experiment: the tables' conditions, given in turn (absent: all standard). */
  conditions?: PresetId[];
}

/** What hosting returns (the secret is shown once: keep it). */
export interface Hosted {
  code: string;
  teacherSecret: string;
  joinUrl: string;
  qrSvg: string;
}

/** A seat of a table as everyone sees it. */
export interface PublicSeat {
  mode: 'open' | 'person' | 'bot';
  names: string[];
}

/** A class as a student sees it before joining. */
export interface PublicClass {
  code: string;
  status: ClassStatus;
  lang: 'en' | 'fr';
  botLevel?: BotLevel;
  /** The discussion the teacher called, if any. */
  discussion?: DiscussionView | null;
  tables: {
    no: number;
    /** The table's condition (scenario preset; absent from older servers: standard). */
    preset?: PresetId;
    finished: boolean;
    round: number;
    matchID: string | null;
    seats: Record<FactionId, PublicSeat>;
    /** The turn timer (null: none runs). */
    clock?: TableClock | null;
    /** The last turn that ran out of time, and what the server played. */
    lastTimeout?: TimeoutNote | null;
    /** The teacher's news at the table (absent from older servers). */
    news?: TableNews;
  }[];
}

export type { ClassStatus } from '../../protocol/classroom.js';

export type { SeatTicket } from '../../protocol/classroom.js';

export type { BotNote, TableLine as ConsoleTable, ConsoleView as ConsoleData } from '../../protocol/classroom.js';

export type { RoundFigures, TableDebrief } from '../../protocol/classroom.js';

/** The class debrief. */
export interface DebriefData {
  code: string;
  status: ClassStatus;
  /** Did every table deal from one seed? */
  sharedSeed?: boolean;
  tables: TableDebrief[];
  summary: { tables: number; finished: number; wins: Record<FactionId, number>; catastrophes: number[] };
}

/** A call's outcome. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; error: string };

/** A teacher's action on the class. */
const TEACHER_ACTIONS = ['start', 'pause', 'resume', 'close', 'reopen', 'end'] as const;
export type TeacherAction = (typeof TEACHER_ACTIONS)[number];

const base = (code: string) => `/api/classes/${encodeURIComponent(code)}`;

async function call<T>(path: string, init: { method?: string; body?: unknown; secret?: string } = {}): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.secret !== undefined) headers['x-teacher-secret'] = init.secret;
  try {
    const res = await fetch(path, {
      method: init.method ?? (init.body !== undefined ? 'POST' : 'GET'),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await res.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      /* CSV and SVG bodies are text */
    }
    if (!res.ok) return { ok: false, status: res.status, error: (data as { error?: string })?.error ?? `HTTP ${res.status}` };
    return { ok: true, value: data as T };
  } catch (e) {
    return { ok: false, status: 0, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Hosts a class. */
export function hostClass(settings: HostSettings): Promise<ApiResult<Hosted>> {
  return call('/api/classes', { body: settings });
}

/** A class as students see it. */
export function publicClass(code: string): Promise<ApiResult<PublicClass>> {
  return call(base(code));
}

/**
 * Takes a seat (a chosen one, or wherever there is room when `seat` is absent). `invite`: the
 * seat link's token, needed for a seat someone already holds.
 */
export function joinClass(
  code: string,
  name: string,
  choice: { table: number; seat: FactionId } | null,
  invite: string | null = null,
): Promise<ApiResult<SeatTicket>> {
  return call(`${base(code)}/join`, { body: { name, ...(choice ?? {}), ...(invite ? { invite } : {}) } });
}

/** The link that seats a device at a seat someone holds (a team's, or one the teacher hands out). */
export function seatLinkUrl(code: string, table: number, seat: FactionId, invite: string): string {
  return `${location.origin}/${routeHref('join', { code, table: String(table), seat, invite })}`;
}

/** The teacher takes one device off a seat (`person`: its id in the console). */
export function removeDevice(code: string, secret: string, table: number, seat: FactionId, person: string): Promise<ApiResult<ConsoleData>> {
  return call(`${base(code)}/remove`, { secret, body: { table, seat, person } });
}

/** The seat this device joined before. */
export function rejoinClass(code: string, deviceToken: string): Promise<ApiResult<SeatTicket>> {
  return call(`${base(code)}/rejoin`, { body: { deviceToken } });
}

/** The teacher's live view. */
export function consoleData(code: string, secret: string): Promise<ApiResult<ConsoleData>> {
  return call(`${base(code)}/console`, { secret });
}

/** Start, pause, resume, close (until the next lesson), reopen or end the class. */
export function teacherAction(code: string, secret: string, action: TeacherAction): Promise<ApiResult<ConsoleData>> {
  return call(`${base(code)}/${action}`, { method: 'POST', secret });
}

/** Adds time to the current turn of every table (or one). */
export function extendTimer(code: string, secret: string, seconds: number, table?: number): Promise<ApiResult<ConsoleData>> {
  return call(`${base(code)}/extend`, { secret, body: { seconds, ...(table === undefined ? {} : { table }) } });
}

/** Hands a seat to a bot, or back to its people. */
export function setSeatMode(code: string, secret: string, table: number, seat: FactionId, mode: 'bot' | 'person'): Promise<ApiResult<ConsoleData>> {
  return call(`${base(code)}/seat`, { secret, body: { table, seat, mode } });
}

/** Every table stops at the end of its round to discuss a prompt (a preset, or the teacher's text). */
export function startDiscussion(code: string, secret: string, prompt: { preset: DiscussionPreset } | { text: string }): Promise<ApiResult<ConsoleData>> {
  return call(`${base(code)}/discuss`, { secret, body: prompt });
}

/** The teacher's news (an event or news id) at one table, or every table that can take it: resolved at its next headline. */
export function announceNews(
  code: string,
  secret: string,
  event: string,
  table: number | null,
): Promise<ApiResult<ConsoleData & { news: { event: string; tables: number[] } }>> {
  return call(`${base(code)}/news`, { secret, body: table === null ? { event } : { event, table } });
}

/** The discussion is over: play goes on. */
export function endDiscussion(code: string, secret: string): Promise<ApiResult<ConsoleData>> {
  return call(`${base(code)}/continue`, { method: 'POST', secret });
}

/** Deletes the class and all its data (`confirm`: the class code, typed by the teacher). */
export function deleteClass(code: string, secret: string, confirm: string): Promise<ApiResult<{ deleted: string; tables: number }>> {
  return call(`${base(code)}/delete`, { secret, body: { confirm } });
}

/** The class debrief. */
export function debriefData(code: string, secret: string): Promise<ApiResult<DebriefData>> {
  return call(`${base(code)}/debrief`, { secret });
}

/** Every table's match file (`{ class, matches }`). */
export function matchFiles(code: string, secret: string): Promise<ApiResult<{ class: string; matches: unknown[] }>> {
  return call(`${base(code)}/matches.json`, { secret });
}

/** The CSV of key figures. */
export function exportCsv(code: string, secret: string): Promise<ApiResult<string>> {
  return call(`${base(code)}/export.csv`, { secret });
}

/** The address of the class's QR code image. */
export function qrUrl(code: string): string {
  return `${base(code)}/qr.svg`;
}
