/** The bots' Web Worker: receives a seat's view, answers with the bot's decision. */
import { decide } from '../../bots/index.js';
import { defaultRules } from '../../engine/rules/default-rules.js';
import type { BotReply, BotRequest } from './bot-runner.js';

const scope = self as unknown as { onmessage: ((e: MessageEvent<BotRequest>) => void) | null; postMessage(reply: BotReply): void };

scope.onmessage = (event) => {
  const { id, view, level, seed, iterations } = event.data;
  // Wall-clock (epoch ms) bounds of the thinking, so the page can show it ran here, not there.
  const start = performance.timeOrigin + performance.now();
  try {
    const decision = decide(defaultRules(), view, level, seed, iterations ? { iterations } : {});
    scope.postMessage({ id, ok: true, decision, thinking: { start, end: performance.timeOrigin + performance.now() } });
  } catch (error) {
    scope.postMessage({ id, ok: false, error: (error as Error).message });
  }
};
