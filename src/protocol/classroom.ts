/**
 * The classroom's wire types, shared by the server (which sends them) and the browser (which
 * reads them). Types only: neither side's code is imported here.
 */
import type { FactionId } from '../engine/index.js';
import type { SeatPlayer } from '../match/index.js';

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
}

/** The figures of a table at the end of a round (or now, for the round in progress). */
export interface RoundFigures {
  round: number;
  vp: Record<FactionId, number>;
  capability: Record<FactionId, number>;
  capital: Record<FactionId, number>;
  risk: number;
  tension: number;
}

/** One table in the debrief. */
export interface TableDebrief {
  table: number;
  finished: boolean;
  reason: 'rounds' | 'frontier' | 'catastrophe' | null;
  winner: FactionId | null;
  round: number;
  actions: number;
  seats: Record<FactionId, SeatPlayer>;
  rounds: RoundFigures[];
  final: RoundFigures;
}
