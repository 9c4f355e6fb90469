/**
 * A simulator worker thread: keeps each rule set it is sent (by hash), plays the chunks of games
 * it is sent and posts their records back.
 */
import { parentPort } from 'node:worker_threads';
import type { Rules } from '../../engine/index.js';
import { runChunk, type PoolReply, type PoolRequest } from './chunk.js';

const known = new Map<string, Rules>();

parentPort?.on('message', (request: PoolRequest) => {
  let reply: PoolReply;
  try {
    if (request.rules) known.set(request.rulesHash, request.rules);
    const rules = known.get(request.rulesHash);
    if (!rules) throw new Error(`rules ${request.rulesHash} were never sent to this thread`);
    reply = { ok: true, ...runChunk(rules, request.plan, request) };
  } catch (error) {
    reply = { ok: false, from: request.from, error: (error as Error).message };
  }
  parentPort?.postMessage(reply);
});
