// Worker thread of pg-sync.ts: runs the queries on one `pg` client, in the order they come, and
// answers each with its request's id; after posting a reply it counts it in the shared word and
// wakes the blocked main thread. Reconnects after a lost connection.
import { workerData } from 'node:worker_threads';
import pg from 'pg';

const { url, port, flag } = workerData;
const signal = new Int32Array(flag);
// BIGINT (updated_at, created_at, expires_at): JavaScript numbers, as SQLite gives them.
pg.types.setTypeParser(20, (v) => Number(v));
let client = null;
let connecting = null;

async function connected() {
  if (client) return client;
  // One connection attempt at a time (requests can queue up behind a call that timed out).
  connecting ??= (async () => {
    const c = new pg.Client({ connectionString: url });
    c.on('error', () => {
      if (client === c) client = null;
    });
    try {
      await c.connect();
      client = c;
      return c;
    } finally {
      connecting = null;
    }
  })();
  return connecting;
}

port.on('message', async ({ id, sql, params }) => {
  let reply;
  try {
    const c = await connected();
    const r = await c.query(sql, params);
    reply = { rows: r.rows ?? [], rowCount: r.rowCount ?? 0 };
  } catch (e) {
    if (client && (e.code === undefined || e.code === 'ECONNRESET' || e.code === '57P01')) {
      client.end().catch(() => {});
      client = null;
    }
    reply = { error: { message: e.message, code: e.code } };
  }
  port.postMessage({ id, ...reply });
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
});
