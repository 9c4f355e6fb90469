/** A worker thread that computes bot decisions off the server's event loop. Receives a seat's view only. */
import { parentPort } from 'node:worker_threads';
import { decide, type BotLevel } from '../bots/index.js';
import type { SeatView } from '../engine/index.js';
import { defaultRules } from '../engine/rules/default-rules.js';

/** A request: decide for the seat whose view this is. */
export interface BotRequest {
  id: number;
  view: SeatView;
  level: BotLevel;
  seed: string;
}

/** The answer: an action, or why none was found. */
export type BotReply = { id: number; ok: true; action: unknown; explanation: { en: string; fr: string } } | { id: number; ok: false; error: string };

const rules = defaultRules();
parentPort?.on('message', (req: BotRequest) => {
  let reply: BotReply;
  try {
    const d = decide(rules, req.view, req.level, req.seed);
    reply = { id: req.id, ok: true, action: d.action, explanation: d.explanation };
  } catch (e) {
    reply = { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(reply);
});
