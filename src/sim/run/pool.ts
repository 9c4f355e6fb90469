/**
 * A pool of simulator threads that lives as long as a command: each thread loads the engine and
 * the bots once, receives each rule set once (keyed by its hash) and then plays any chunk of any
 * run it is sent, so a command that plays many runs (`npm run balance`) starts its threads once
 * and keeps every core busy across the runs' boundaries. With one worker, chunks are played in
 * this thread. Results do not depend on the number of threads: a game is fixed by its rules,
 * plan and index.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Rules } from '../../engine/index.js';
import { runChunk, type ChunkResult, type PoolRequest, type PoolReply } from './chunk.js';
import type { RunPlan } from './game-record.js';

/** The file URL of tsx's ESM registration API (resolved from this file, not from the working directory). */
function tsxEsmApi(): string {
  const pkgPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(pkgPath), pkg.exports['./esm/api']!.import.default)).href;
}

/** Starts a worker thread that runs TypeScript (it registers tsx, then loads worker.ts). */
function startWorker(): Worker {
  const tsx = tsxEsmApi();
  const entry = new URL('./worker.ts', import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(code, { eval: true });
}

interface Task {
  priority: number;
  rules: Rules;
  plan: RunPlan;
  from: number;
  to: number;
  resolve: (result: ChunkResult | null) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  /** The rules hashes this thread has been sent. */
  rules: Set<string>;
  task: Task | null;
}

/** Games `from` (inclusive) to `to` (exclusive) of a plan under some rules. */
export interface PoolChunk {
  rules: Rules;
  plan: RunPlan;
  from: number;
  to: number;
}

/**
 * Threads that play chunks of games in the order they are asked for (first asked, first played).
 * `play` resolves with the chunk's records, or null when the chunk was cancelled before it
 * started (`cancelQueued`); a game that throws rejects its chunk.
 */
export class GamePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private closed = false;
  private failure: Error | null = null;

  /** `workers` threads (1 or less: this thread). */
  constructor(readonly workers: number) {}

  /**
   * Plays a chunk after the chunks asked for before it with the same or a higher `priority`
   * (default 0), and before those with a lower one.
   */
  play(chunk: PoolChunk, priority = 0): Promise<ChunkResult | null> {
    if (this.closed) return Promise.reject(new Error('the game pool is closed'));
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const at = this.queue.findIndex((t) => t.priority < priority);
      const task = { ...chunk, priority, resolve, reject };
      if (at < 0) this.queue.push(task);
      else this.queue.splice(at, 0, task);
      this.pump();
    });
  }

  /** Chunks asked for and not started resolve with null; chunks in play finish. */
  cancelQueued(): void {
    for (const task of this.queue.splice(0)) task.resolve(null);
  }

  /** Chunks waiting for a thread. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Stops the threads (chunks still queued resolve with null). */
  async close(): Promise<void> {
    this.closed = true;
    this.cancelQueued();
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private inThreadBusy = false;

  private pump(): void {
    if (this.workers <= 1) {
      this.pumpInThread();
      return;
    }
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => !s.task);
      if (!slot && this.slots.length < this.workers) slot = this.addSlot();
      if (!slot) return;
      const task = this.queue.shift()!;
      slot.task = task;
      const key = task.rules.hash;
      const request: PoolRequest = { rulesHash: key, plan: task.plan, from: task.from, to: task.to };
      if (!slot.rules.has(key)) {
        request.rules = task.rules;
        slot.rules.add(key);
      }
      slot.worker.postMessage(request);
    }
  }

  /** One worker: play the chunks here, one per turn of the event loop (so Ctrl-C is heard). */
  private pumpInThread(): void {
    if (this.inThreadBusy) return;
    const task = this.queue.shift();
    if (!task) return;
    this.inThreadBusy = true;
    setImmediate(() => {
      try {
        task.resolve(runChunk(task.rules, task.plan, { from: task.from, to: task.to }));
      } catch (error) {
        task.reject(new Error(`game ${task.from}+: ${(error as Error).message}`));
      }
      this.inThreadBusy = false;
      this.pumpInThread();
    });
  }

  private addSlot(): Slot {
    const slot: Slot = { worker: startWorker(), rules: new Set(), task: null };
    this.slots.push(slot);
    slot.worker.on('message', (reply: PoolReply) => {
      const task = slot.task;
      slot.task = null;
      if (!task) return;
      if (reply.ok) task.resolve({ from: reply.from, records: reply.records, matches: reply.matches });
      else task.reject(new Error(`game ${reply.from}+: ${reply.error}`));
      this.pump();
    });
    slot.worker.on('error', (error) => {
      this.failure = error;
      const task = slot.task;
      slot.task = null;
      task?.reject(error);
      for (const t of this.queue.splice(0)) t.reject(error);
    });
    return slot;
  }
}
