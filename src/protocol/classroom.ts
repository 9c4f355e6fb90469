/**
 * The classroom's wire types, shared by the server (which sends them) and the browser (which
 * reads them), and the one limit both must agree on. Neither side's code is imported here.
 */
import type { PresetId } from '../engine/rules/presets.js';
import type { FactionId } from '../engine/index.js';
import type { SeatPlayer } from '../match/index.js';

/** The most devices that may share one seat (a team): the server enforces it, the join page shows it. */
export const MAX_DEVICES_PER_SEAT = 4;

/** What a device gets when it joins: enough to connect to its seat, and to come back. */
export interface SeatTicket {
  code: string;
  table: number;
  matchID: string;
  playerID: string;
  seat: FactionId;
  credentials: string;
  deviceToken: string;
  name: string;
  /** The seat link's token: a teammate opens `#/join?code=…&table=…&seat=…&invite=…` to join this team. */
  invite: string;
  /** The table's condition (scenario preset): the page shows and checks moves with its rules. */
  preset?: PresetId;
}

/** The figures of a table at the end of a round (or now, for the round in progress): the engine's one shape. */
export type { RoundFigures } from '../engine/index.js';
import type { RoundFigures } from '../engine/index.js';

/** One table in the debrief. */
export interface TableDebrief {
  table: number;
  /** The table's condition in a class experiment (`standard`: the shipped rules). */
  condition: PresetId;
  finished: boolean;
  reason: 'rounds' | 'frontier' | 'catastrophe' | null;
  winner: FactionId | null;
  round: number;
  actions: number;
  seats: Record<FactionId, SeatPlayer>;
  rounds: RoundFigures[];
  final: RoundFigures;
  /** How many times each faction took each kind of action (action type → count). */
  actionsBy: Record<FactionId, Record<string, number>>;
}

/** A class's lifecycle. */
export type ClassStatus = 'lobby' | 'running' | 'paused' | 'closed' | 'ended';

/** Who plays a seat: nobody yet (lobby), people (a team of devices) or a bot. */
export type SeatMode = 'open' | 'person' | 'bot';

/** A bot's last move at a table, with its reasons in both languages. */
export interface BotNote {
  seat: FactionId;
  round: number;
  /** The `_stateID` the bot moved from (its move's log entry carries the same id). */
  stateID: number;
  en: string;
  fr: string;
  /** The best other actions the bot weighed, with how many VP each came out behind its choice. */
  weighed?: WeighedNote[];
}

/** An action a bot weighed and did not take: its words and how many VP it came out behind (≤ 0). */
export interface WeighedNote {
  en: string;
  fr: string;
  value: number;
}

/** The discussion prompts a teacher can pick (their texts are in the catalogue: `classroom.prompt.<id>`). */
export const DISCUSSION_PRESETS = ['stargate', 'exportControls', 'aiAct', 'openWeights', 'safety'] as const;
export type DiscussionPreset = (typeof DISCUSSION_PRESETS)[number];

/** The longest discussion prompt a teacher may type. */
export const MAX_PROMPT = 300;

/**
 * A discussion the teacher called: every table stops at the end of its current round and shows
 * the prompt (a preset, shown in each student's language, or the teacher's own text).
 */
export interface Discussion {
  preset: DiscussionPreset | null;
  text: string | null;
  /** The round each table was in when the teacher called it (by table number): it stops once past it. */
  fromRound: number[];
}

/** A discussion as the pages see it: the prompt, and the tables (numbers) already waiting at the end of their round. */
export interface DiscussionView {
  preset: DiscussionPreset | null;
  text: string | null;
  waiting: number[];
}

/** A turn that ran out of time: whose it was and what the server played for the seat (public: the move is in the log). */
export interface TimeoutNote {
  seat: FactionId;
  round: number;
  /** The `_stateID` the server moved from. */
  stateID: number;
  /** The action taken, in words. */
  en: string;
  fr: string;
}

/** The turn timer of a table as everyone sees it: whose turn it counts, and the time left when the server answered. */
export interface TableClock {
  seat: FactionId;
  /** Milliseconds left when the reply was made (the page counts down from there). */
  msLeft: number;
  /** The class is paused: the clock is stopped. */
  paused: boolean;
  /** The whole turn's length in seconds. */
  turnSeconds: number;
}

/** One device on a seat as the teacher sees it: its console id (for "remove") and its name. */
export interface DeviceLine {
  id: string;
  name: string;
}

/** One seat as the teacher sees it. */
export interface SeatLine {
  mode: SeatMode;
  names: string[];
  devices: number;
  /** Teacher's console only: each device on the seat, and the seat link's token. */
  people?: DeviceLine[];
  invite?: string;
}

/**
 * The teacher's news at a table (public, as in its state): the events waiting for its next
 * headline, and those announced at the headline of its current round.
 */
export interface TableNews {
  pending: string[];
  announced: string[];
  round: number;
}

/** One table as the teacher sees it. */
export interface TableLine {
  no: number;
  matchID: string;
  /** The table's condition (scenario preset). */
  preset: PresetId;
  round: number;
  actionRound: number;
  /** Actions played so far at the table. */
  actions: number;
  phase: string;
  finished: boolean;
  winner: FactionId | null;
  endReason: string | null;
  risk: number;
  tension: number;
  vp: Record<FactionId, number>;
  capability: Record<FactionId, number>;
  turn: FactionId | null;
  /** Seconds left on the current turn (null: no timer). */
  secondsLeft: number | null;
  seats: Record<FactionId, SeatLine>;
  spectators: number;
  timeouts: number;
  lastBot: BotNote | null;
  /** The teacher's news at the table. */
  news: TableNews;
}

/** The live state of a class for its teacher (the console route adds the join link). */
export interface ConsoleView {
  code: string;
  status: ClassStatus;
  settings: { tables: number; seedMode: string; teacherSeed: boolean; botLevel: string; turnSeconds: number; lang: string; conditions: PresetId[] };
  tables: TableLine[];
  /** The discussion the teacher called, if any. */
  discussion: DiscussionView | null;
  joinUrl?: string;
  /** Days after its creation when the server deletes the class (the console route adds it). */
  retentionDays?: number;
}
