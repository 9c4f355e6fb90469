/**
 * Runs a plan's games on K threads (K = 1: in this thread). Chunks of consecutive games go to
 * whichever thread is free; records are put back in game order, so the result does not depend
 * on K. When aborted, it returns the finished games that form an unbroken prefix 0..m-1 (the
 * same as a run of m games).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Rules } from '../../engine/index.js';
import type { MatchFile } from '../../match/index.js';
import { runChunk, type ChunkRequest, type ChunkResult, type WorkerSetup } from './chunk.js';
import type { GameRecord, RunPlan } from './game-record.js';

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

function chunks(games: number, workers: number): ChunkRequest[] {
  const size = Math.max(1, Math.min(200, Math.ceil(games / (workers * 8))));
  const out: ChunkRequest[] = [];
  for (let from = 0; from < games; from += size) out.push({ from, to: Math.min(games, from + size) });
  return out;
}

/** The file URL of tsx's ESM registration API (resolved from this file, not from the working directory). */
function tsxEsmApi(): string {
  const pkgPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(pkgPath), pkg.exports['./esm/api']!.import.default)).href;
}

/** Starts a worker thread that runs TypeScript (it registers tsx, then loads worker.ts). */
function startWorker(setup: WorkerSetup): Worker {
  const tsx = tsxEsmApi();
  const entry = new URL('./worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true, workerData: setup });
}

/**
 * Plays the plan's games and returns their records in game order. On abort, the chunks in
 * flight complete and the result holds every game up to the first one not played.
 */
export async function runGames(rules: Rules, plan: RunPlan, options: RunOptions): Promise<RunResult> {
  const slots: (GameRecord | undefined)[] = new Array(options.games);
  let done = 0;
  const take = (result: ChunkResult) => {
    for (const [i, record] of result.records.entries()) slots[result.from + i] = record;
    for (const [i, match] of result.matches.entries()) if (match) options.onMatch?.(result.from + i, match);
    done += result.records.length;
    options.onProgress?.(done);
  };
  const queue = chunks(options.games, options.workers);
  if (options.workers <= 1) {
    for (const request of queue) {
      if (options.signal?.aborted) break;
      take(runChunk(rules, plan, request));
      await new Promise((resolve) => setImmediate(resolve));
    }
  } else {
    await runOnThreads(rules, plan, queue, options, take);
  }
  const records: GameRecord[] = [];
  for (const r of slots) {
    if (!r) break;
    records.push(r);
  }
  return { records, interrupted: records.length < options.games };
}

function runOnThreads(rules: Rules, plan: RunPlan, queue: ChunkRequest[], options: RunOptions, take: (r: ChunkResult) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const workers = Array.from({ length: Math.min(options.workers, queue.length) }, () => startWorker({ rules, plan }));
    let next = 0;
    let busy = 0;
    let finished = false;
    const finish = (error?: Error) => {
      if (finished) return;
      finished = true;
      options.signal?.removeEventListener('abort', onAbort);
      void Promise.all(workers.map((w) => w.terminate())).then(() => (error ? reject(error) : resolve()));
    };
    // On abort, dispatch nothing new but let the chunks in flight finish: chunks go out in
    // game order, so the finished games then form an unbroken run from game 0.
    const onAbort = () => {
      if (busy === 0) finish();
    };
    options.signal?.addEventListener('abort', onAbort);
    const feed = (w: Worker) => {
      if (finished) return;
      if (options.signal?.aborted || next >= queue.length) {
        if (busy === 0) finish();
        return;
      }
      busy++;
      w.postMessage(queue[next++]);
    };
    for (const w of workers) {
      w.on('message', (message: ({ ok: true } & ChunkResult) | { ok: false; from: number; error: string }) => {
        busy--;
        if (!message.ok) return finish(new Error(`game ${message.from}+: ${message.error}`));
        take(message);
        feed(w);
      });
      w.on('error', (error) => finish(error));
      feed(w);
    }
    if (options.signal?.aborted) finish();
  });
}
