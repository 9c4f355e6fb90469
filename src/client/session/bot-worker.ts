/** The bots' Web Worker: receives a seat's view, answers with the bot's decision. */
import { decide } from '../../bots/index.js';
import { defaultRules } from '../../engine/rules/default-rules.js';
import type { BotReply, BotRequest } from './bot-runner.js';

const scope = self as unknown as { onmessage: ((e: MessageEvent<BotRequest>) => void) | null; postMessage(reply: BotReply): void };

scope.onmessage = (event) => {
  const { id, view, level, seed } = event.data;
  try {
    scope.postMessage({ id, ok: true, decision: decide(defaultRules(), view, level, seed) });
  } catch (error) {
    scope.postMessage({ id, ok: false, error: (error as Error).message });
  }
};
