/**
 * Runs a plan's games on K threads (K = 1: in this thread). Chunks of consecutive games go to
 * whichever thread is free; records are put back in game order, so the result does not depend
 * on K. When aborted, it returns the finished games that form an unbroken prefix 0..m-1 (the
 * same as a run of m games).
 */
import type { Rules } from '../../engine/index.js';
import type { MatchFile } from '../../match/index.js';
import type { ChunkRequest, ChunkResult } from './chunk.js';
import type { GameRecord, RunPlan } from './game-record.js';
import { GamePool } from './pool.js';

/** How to run. */
export interface RunOptions {
  games: number;
  workers: number;
  signal?: AbortSignal;
  /** Called as games finish (count done so far). */
  onProgress?: (done: number) => void;
  /** Called with each saved game's match file, as chunks finish. */
  onMatch?: (index: number, match: MatchFile) => void;
}

/** The games played, in order, and whether the run was cut short. */
export interface RunResult {
  records: GameRecord[];
  interrupted: boolean;
}

/** Chunks of games `from`..`games`-1: about eight a thread, at most `most` games each (default 200). */
export function chunks(from: number, games: number, workers: number, most = 200): ChunkRequest[] {
  const size = Math.max(1, Math.min(most, Math.ceil((games - from) / (Math.max(1, workers) * 8))));
  const out: ChunkRequest[] = [];
  for (let i = from; i < games; i += size) out.push({ from: i, to: Math.min(games, i + size) });
  return out;
}

/**
 * Plays the plan's games and returns their records in game order. On abort, the chunks in
 * flight complete and the result holds every game up to the first one not played.
 */
export async function runGames(rules: Rules, plan: RunPlan, options: RunOptions): Promise<RunResult> {
  const slots: (GameRecord | undefined)[] = new Array(options.games);
  const pool = new GamePool(options.workers);
  let done = 0;
  const take = (result: ChunkResult) => {
    for (const [i, record] of result.records.entries()) slots[result.from + i] = record;
    for (const [i, match] of result.matches.entries()) if (match) options.onMatch?.(result.from + i, match);
    done += result.records.length;
    options.onProgress?.(done);
  };
  // On abort, start nothing new but let the chunks in flight finish: chunks go out in game
  // order, so the finished games then form an unbroken run from the first.
  const pending: Promise<ChunkResult | null>[] = [];
  const onAbort = () => pool.cancelQueued();
  options.signal?.addEventListener('abort', onAbort);
  try {
    if (!options.signal?.aborted)
      for (const request of chunks(0, options.games, options.workers))
        pending.push(
          pool.play({ rules, plan, ...request }).then((result) => {
            if (result) take(result);
            return result;
          }),
        );
    await Promise.all(pending);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    await pool.close();
  }
  const records: GameRecord[] = [];
  for (const r of slots) {
    if (!r) break;
    records.push(r);
  }
  return { records, interrupted: records.length < options.games };
}
