/**
 * Who computes the bots' moves: a Web Worker in the browser (the page never freezes while a
 * hard bot searches), or inline (tests in Node). Both answer the same `decide` call.
 */
import type { SeatView } from '../../engine/index.js';
import { decide, type BotDecision, type BotLevel } from '../../bots/index.js';
import { defaultRules } from '../../engine/rules/default-rules.js';

/** Computes a bot decision away from the caller. */
export interface BotRunner {
  /** `iterations`: the hard bot's search budget (default: the weights' own). */
  decide(view: SeatView, level: BotLevel, seed: string, iterations?: number): Promise<BotDecision>;
  dispose(): void;
}

/** The request the worker receives. */
export interface BotRequest {
  id: number;
  view: SeatView;
  level: BotLevel;
  seed: string;
  iterations?: number;
}

/** The worker's answer. */
export type BotReply = { id: number; ok: true; decision: BotDecision; thinking?: ThinkingSpan } | { id: number; ok: false; error: string };

/** When a bot thought, in epoch milliseconds. */
export interface ThinkingSpan {
  start: number;
  end: number;
}

/** The last bot thinking spans measured in the worker (read by the browser tests through `window`). */
export const recentThinking: ThinkingSpan[] = [];

/** Runs bots on the calling thread (tests; the fallback when Workers are missing). */
export class InlineBotRunner implements BotRunner {
  decide(view: SeatView, level: BotLevel, seed: string, iterations?: number): Promise<BotDecision> {
    return Promise.resolve().then(() => decide(defaultRules(), view, level, seed, iterations ? { iterations } : {}));
  }
  dispose(): void {}
}

/** Runs bots in a dedicated Web Worker (see bot-worker.ts). */
class WorkerBotRunner implements BotRunner {
  private next = 1;
  private readonly waiting = new Map<number, { resolve: (d: BotDecision) => void; reject: (e: Error) => void }>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (event: MessageEvent<BotReply>) => {
      const reply = event.data;
      const w = this.waiting.get(reply.id);
      if (!w) return;
      this.waiting.delete(reply.id);
      if (reply.ok && reply.thinking) {
        recentThinking.push(reply.thinking);
        if (recentThinking.length > 100) recentThinking.shift();
      }
      if (reply.ok) w.resolve(reply.decision);
      else w.reject(new Error(reply.error));
    };
  }

  decide(view: SeatView, level: BotLevel, seed: string, iterations?: number): Promise<BotDecision> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, view, level, seed, ...(iterations ? { iterations } : {}) } satisfies BotRequest);
    });
  }

  dispose(): void {
    this.worker.terminate();
    for (const w of this.waiting.values()) w.reject(new Error('bot worker stopped'));
    this.waiting.clear();
  }
}

/** The best runner this environment has: a module Worker when possible, else inline. */
export function createBotRunner(): BotRunner {
  if (typeof Worker === 'undefined') return new InlineBotRunner();
  try {
    return new WorkerBotRunner(new Worker(new URL('./bot-worker.ts', import.meta.url), { type: 'module' }));
  } catch {
    return new InlineBotRunner();
  }
}
