/** A chunk of consecutive games: the unit of work the runner hands to a thread. */
import type { Rules } from '../../engine/index.js';
import type { MatchFile } from '../../match/index.js';
import { playRecorded, type GameRecord, type RunPlan } from './game-record.js';

/** A chunk sent to a pool thread: the rules go with the first chunk under them, then the hash names them. */
export interface PoolRequest {
  rulesHash: string;
  rules?: Rules;
  plan: RunPlan;
  from: number;
  to: number;
}

/** A pool thread's answer to a chunk. */
export type PoolReply = ({ ok: true } & ChunkResult) | { ok: false; from: number; error: string };

/** Games `from` (inclusive) to `to` (exclusive). */
export interface ChunkRequest {
  from: number;
  to: number;
}

/** The records (and match files, when saving) of a chunk's games, in order. */
export interface ChunkResult {
  from: number;
  records: GameRecord[];
  matches: (MatchFile | null)[];
}

/** Plays a chunk of games. */
export function runChunk(rules: Rules, plan: RunPlan, request: ChunkRequest): ChunkResult {
  const records: GameRecord[] = [];
  const matches: (MatchFile | null)[] = [];
  for (let i = request.from; i < request.to; i++) {
    const { record, match } = playRecorded(rules, plan, i);
    records.push(record);
    matches.push(match);
  }
  return { from: request.from, records, matches };
}
