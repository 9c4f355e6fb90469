/**
 * A small pool of worker threads running the bots (tsx loaded in each worker), so the server
 * keeps answering other tables while a hard bot thinks. A crashed worker is replaced and its
 * requests fail (the runner retries on the next state change or tick).
 */
import { Worker } from 'node:worker_threads';
import type { BotLevel } from '../bots/index.js';
import type { Action, SeatView } from '../engine/index.js';
import type { WeighedNote } from '../protocol/classroom.js';
import type { BotReply, BotRequest } from './bot-worker.js';

/** A bot's answer: its action, its reasons and the other actions it weighed. */
export interface BotAnswer {
  action: Action;
  explanation: { en: string; fr: string };
  weighed: WeighedNote[];
}

interface Pending {
  resolve: (a: BotAnswer) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  busy: Map<number, Pending>;
}

/** Decisions computed in worker threads. */
export class BotPool {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly size: number) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    // execArgv: [] — an inherited `--import tsx` does not load .ts files in a Node 20 worker; the entry registers tsx itself.
    const worker = new Worker(new URL('./bot-worker-entry.mjs', import.meta.url), { execArgv: [] });
    const slot: Slot = { worker, busy: new Map() };
    worker.on('message', (reply: BotReply) => {
      const p = slot.busy.get(reply.id);
      if (!p) return;
      slot.busy.delete(reply.id);
      if (reply.ok) p.resolve({ action: reply.action as Action, explanation: reply.explanation, weighed: reply.weighed });
      else p.reject(new Error(reply.error));
    });
    const fail = (e: Error) => {
      for (const p of slot.busy.values()) p.reject(e);
      slot.busy.clear();
      const i = this.slots.indexOf(slot);
      if (i >= 0 && !this.closed) this.slots[i] = this.spawn();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`bot worker exited with code ${code}`));
    });
    worker.unref();
    return slot;
  }

  /** The bot's decision for the seat whose view it is. */
  decide(view: SeatView, level: BotLevel, seed: string): Promise<BotAnswer> {
    if (this.closed) return Promise.reject(new Error('bot pool closed'));
    const slot = this.slots.reduce((a, b) => (b.busy.size < a.busy.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.busy.set(id, { resolve, reject });
      const req: BotRequest = { id, view, level, seed };
      slot.worker.postMessage(req);
    });
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
