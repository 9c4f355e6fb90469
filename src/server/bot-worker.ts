/** A worker thread that computes bot decisions off the server's event loop. Receives a seat's view only. */
import { rulesOfState } from '../engine/rules/presets.js';
import { parentPort } from 'node:worker_threads';
import { decide, shareableAlternatives, type BotLevel } from '../bots/index.js';
import type { SeatView } from '../engine/index.js';
import { defaultRules } from '../engine/rules/default-rules.js';
import type { WeighedNote } from '../protocol/classroom.js';

/** A request: decide for the seat whose view this is. */
export interface BotRequest {
  id: number;
  view: SeatView;
  level: BotLevel;
  seed: string;
}

/** The answer: an action, or why none was found. */
export type BotReply =
  | { id: number; ok: true; action: unknown; explanation: { en: string; fr: string }; weighed: WeighedNote[] }
  | { id: number; ok: false; error: string };

const rules = defaultRules();
parentPort?.on('message', (req: BotRequest) => {
  let reply: BotReply;
  try {
    const d = decide(rulesOfState(req.view, rules), req.view, req.level, req.seed);
    const weighed = shareableAlternatives(d);
    reply = { id: req.id, ok: true, action: d.action, explanation: d.explanation, weighed };
  } catch (e) {
    reply = { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(reply);
});
