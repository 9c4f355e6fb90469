// Worker thread of pg-sync.ts: runs the queries on one `pg` client and wakes the blocked main
// thread through a shared flag once each reply is posted. Reconnects after a lost connection.
import { workerData } from 'node:worker_threads';
import pg from 'pg';

const { url, port, flag } = workerData;
const signal = new Int32Array(flag);
// BIGINT (updated_at, created_at, expires_at): JavaScript numbers, as SQLite gives them.
pg.types.setTypeParser(20, (v) => Number(v));
let client = null;

async function connected() {
  if (client) return client;
  const c = new pg.Client({ connectionString: url });
  c.on('error', () => {
    if (client === c) client = null;
  });
  await c.connect();
  client = c;
  return c;
}

port.on('message', async ({ sql, params }) => {
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
  port.postMessage(reply);
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});
