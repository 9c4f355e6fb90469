/** The classroom's data: a class of tables, each a boardgame.io match of three seats. Plain JSON, persisted as is. */
import type { PresetId } from '../engine/rules/presets.js';
import type { BotLevel } from '../bots/index.js';
import type { FactionId } from '../engine/index.js';
import type { Discussion, TimeoutNote } from '../protocol/classroom.js';

/**
 * Lifecycle of a class: students join in the lobby; moves happen only while running. `closed`:
 * the teacher closed the class until another lesson (tables and seats kept; reopened, it runs).
 */
const CLASS_STATUSES = ['lobby', 'running', 'paused', 'closed', 'ended'] as const;
export type ClassStatus = (typeof CLASS_STATUSES)[number];

/** Who plays a seat: nobody yet (lobby), people (a team of devices) or a bot. */
const SEAT_MODES = ['open', 'person', 'bot'] as const;
export type SeatMode = (typeof SEAT_MODES)[number];

export { MAX_DEVICES_PER_SEAT } from '../protocol/classroom.js';

/**
 * One device of a team. Its device token is also its seat credential: each device has its own,
 * so the teacher can take one device off a seat without touching the others.
 */
export interface Person {
  name: string;
  /** sha256 of the device token (the token itself stays on the device). */
  tokenHash: string;
}

/** The id the teacher's console uses for a device (a prefix of its token's hash: names nothing secret). */
export function personId(p: Person): string {
  return p.tokenHash.slice(0, 16);
}

/** One seat of a table. */
export interface SeatState {
  mode: SeatMode;
  people: Person[];
}

/** One table: a boardgame.io match. */
export interface TableState {
  no: number;
  matchID: string;
  /** The engine seed (server only). */
  seed: string;
  /**
   * boardgame.io credentials per seat, known to the server only: a device proves its seat with
   * its own device token, and the socket guard hands these to boardgame.io's master.
   */
  credentials: Record<FactionId, string>;
  /**
   * The seat links' tokens: joining a seat someone already holds (a team member, or a bot once
   * the class runs) needs the seat's link, from its team or from the teacher. A new token is
   * drawn when the teacher removes a device.
   */
  invites: Record<FactionId, string>;
  seats: Record<FactionId, SeatState>;
  /** Epoch ms when the current turn times out (null: no timer running). */
  deadline: number | null;
  /** Time left on the turn while paused. */
  remainingMs: number | null;
  /** The `_stateID` the deadline belongs to. */
  turnKey: number | null;
  /** The table's condition: a scenario preset (absent in tables stored before experiments: `standard`). */
  preset?: PresetId;
  /** The last turn that ran out of time at this table (absent in tables stored before it existed). */
  lastTimeout?: TimeoutNote | null;
}

/** What the teacher chose when hosting. */
export interface ClassSettings {
  tables: number;
  seedMode: 'shared' | 'perTable';
  /** The teacher's seed, if any (otherwise seeds come from crypto). */
  seed: string | null;
  botLevel: BotLevel;
  /** Seconds per turn; 0: no timer. */
  turnSeconds: number;
  lang: 'en' | 'fr';
  /**
   * The experiment's conditions (scenario presets), given to the tables in turn: table n plays
   * `conditions[n % conditions.length]`. Absent in classes stored before experiments: all `standard`.
   */
  conditions?: PresetId[];
}

/** A class session. */
export interface ClassState {
  code: string;
  secretHash: string;
  settings: ClassSettings;
  status: ClassStatus;
  createdAt: number;
  startedAt: number | null;
  endedAt: number | null;
  tables: TableState[];
  /** A discussion the teacher called (absent or null: none). */
  discussion?: Discussion | null;
}
