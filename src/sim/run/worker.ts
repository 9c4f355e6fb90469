/** A simulator worker thread: plays the chunks of games it is sent and posts their records back. */
import { parentPort, workerData } from 'node:worker_threads';
import type { Rules } from '../../engine/index.js';
import { runChunk, type ChunkRequest, type WorkerSetup } from './chunk.js';

const setup = workerData as WorkerSetup;
const rules = setup.rules as Rules;

parentPort?.on('message', (request: ChunkRequest) => {
  try {
    parentPort?.postMessage({ ok: true, ...runChunk(rules, setup.plan, request) });
  } catch (error) {
    parentPort?.postMessage({ ok: false, from: request.from, error: (error as Error).message });
  }
});
