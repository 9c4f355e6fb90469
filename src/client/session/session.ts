/**
 * The one interface between the board and whoever runs the game: `LocalSession` (engine and
 * bots in this browser) or a `RemoteSession` (a server over sockets). The board only ever reads
 * `SessionUpdate`s and submits actions; it never holds the true state nor decides legality.
 */
import type { RoundFigures } from '../../engine/index.js';
import type { Action, FactionId, Lang, SeatView } from '../../engine/index.js';
import type { SeatPlayer } from '../../match/index.js';
import type { WeighedNote } from '../../protocol/classroom.js';

/** A text in both languages of the game. */
export interface Bilingual {
  en: string;
  fr: string;
}

/** An action a bot weighed and did not take (the same shape the classroom server sends). */
export type WeighedOption = WeighedNote;

/** One action taken in the match, in public words (with the bot's reasons when a bot took it). */
export interface MoveRecord {
  /** 0-based action number in the match. */
  index: number;
  seat: FactionId;
  action: Action;
  round: number;
  /** What the action did, e.g. "Build a module in India". */
  text: Bilingual;
  /** Why a bot chose it; absent for a person's move. */
  explanation?: Bilingual;
  /** The best other actions the bot weighed, with how many VP each came out behind its choice. */
  weighed?: WeighedOption[];
  /** Length of the engine log before this move (to interleave headlines, scoring...). */
  logBefore: number;
}

/** Public numbers of the three factions and the world at one moment (for the debrief charts). */

/** What a session tells its subscribers after every change. */
export interface SessionUpdate {
  /** The game as the session's seat may see it (a spectator view when seat is null). */
  view: SeatView;
  /** Every move so far, in order. */
  moves: MoveRecord[];
  /** Stats at the start and at the end of every finished round. */
  rounds: RoundFigures[];
  /** Who plays each seat. */
  seats: Record<FactionId, SeatPlayer>;
  /** A bot is thinking for this seat (null: nobody). */
  thinking: FactionId | null;
  /** The match seed, when the session may show it (solo: yes; a networked match: no). */
  seed: string | null;
}

/** The result of a submitted action. */
export type SubmitResult = { ok: true } | { ok: false; error: string };

/** A running game as the board sees it. */
export interface GameSession {
  /** The seat this board plays (null: spectator). */
  readonly seat: FactionId | null;
  /** Calls `listener` now with the current update (if any) and after every change; returns the unsubscribe function. */
  subscribe(listener: (update: SessionUpdate) => void): () => void;
  /** Submits the seat's action; the error (in `lang`) says why it was refused. */
  submit(action: Action, lang?: Lang): Promise<SubmitResult>;
  /** The match so far as match-file text (gigawatt-match JSON), when this session may export it. */
  exportMatch?(): string | null;
  /** Stops bots and timers; the session sends nothing afterwards. */
  close(): void;
}
