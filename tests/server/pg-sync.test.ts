/**
 * The synchronous PostgreSQL connection (src/server/pg-sync.ts) must hand every call its own
 * reply, whatever the timing between the main thread and its worker: a reply that comes late
 * (after its call gave up) or a wake-up that belongs to an earlier call must never be taken for
 * the answer of the call that is waiting. (Both happened on loaded machines: one server's calls
 * then each got the previous call's rows, and a class's joins and syncs failed.)
 */
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PgSyncSql } from '../../src/server/pg-sync.js';
import { type Services, scaleOutServices } from './services.js';

let services: Services | null = null;
beforeAll(async () => {
  services = await scaleOutServices();
});
afterAll(async () => {
  await services?.drop();
});

describe('the synchronous PostgreSQL connection', () => {
  test('after a call that timed out, the next calls get their own rows, not the late reply of the one that gave up', (ctx) => {
    if (!services) return ctx.skip();
    const sql = new PgSyncSql(services.databaseUrl, { queryTimeoutMs: 300 });
    try {
      expect(() => sql.get("SELECT pg_sleep(0.8), 'late' AS v")).toThrow(/did not answer within 300 ms/);
      // The slow query is still running on the connection: the next call waits behind it (up to
      // its own timeout), then must read its own answer.
      const deadline = Date.now() + 5000;
      let got: { v: string } | undefined;
      while (Date.now() < deadline) {
        try {
          got = sql.get<{ v: string }>("SELECT 'mine' AS v");
          break;
        } catch (e) {
          expect(String(e)).toMatch(/did not answer/);
        }
      }
      expect(got).toEqual({ v: 'mine' });
      for (let i = 0; i < 20; i++) expect(sql.get<{ n: number }>('SELECT ?::int AS n', [i])).toEqual({ n: i });
    } finally {
      sql.close();
    }
  });

  test('wake-ups that carry no reply for the waiting call (a late notify of an earlier call) are waited through', async (ctx) => {
    if (!services) return ctx.skip();
    const sql = new PgSyncSql(services.databaseUrl);
    // Another thread wakes the waiting main thread again and again, as a late notify would.
    const flag = (sql as unknown as { flag: Int32Array }).flag;
    const noise = new Worker(
      `const { workerData, parentPort } = require('node:worker_threads');
       const flag = new Int32Array(workerData);
       let on = true;
       parentPort.on('message', () => { on = false; });
       (function loop() { for (let i = 0; i < 200 && on; i++) Atomics.notify(flag, 0); if (on) setImmediate(loop); else process.exit(0); })();`,
      { eval: true, workerData: flag.buffer },
    );
    try {
      for (let i = 0; i < 300; i++) expect(sql.get<{ n: number }>('SELECT ?::int AS n', [i])).toEqual({ n: i });
    } finally {
      noise.postMessage('stop');
      await new Promise((r) => noise.once('exit', r));
      sql.close();
    }
  });
});
