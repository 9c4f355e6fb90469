/**
 * `Sql` over PostgreSQL, synchronous like better-sqlite3: a worker thread holds one `pg`
 * connection, and each call blocks the main thread (Atomics.wait) until the worker answers. One
 * connection per process, so a transaction is simply BEGIN ... COMMIT on it. A query that does
 * not answer within `queryTimeoutMs` throws (the server then refuses that request, as for any
 * error).
 *
 * Each call takes only its own reply: requests carry a number, the worker answers with it, and
 * the main thread drops any older reply (of a call that timed out) and waits through any wake-up
 * that brought nothing for it (the worker's notify of an earlier call can arrive late). The
 * shared word is a counter of replies posted, so a reply posted between the main thread's look
 * at the port and its wait is never slept through.
 */
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Sql, SqlParam } from './sql.js';

interface Reply {
  rows?: unknown[];
  rowCount?: number;
  error?: { message: string; code?: string };
}

/** Rewrites `?` placeholders as `$1, $2, ...` (our statements hold no literal `?`). */
function toPgPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** How long the first connection and each query may take, in ms. */
export interface PgSyncTimeouts {
  connectTimeoutMs?: number;
  queryTimeoutMs?: number;
}

/** A synchronous PostgreSQL connection. */
export class PgSyncSql implements Sql {
  readonly dialect = 'postgres' as const;
  private readonly worker: Worker;
  private readonly port;
  /** Replies posted by the worker so far (it adds one, then notifies). */
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly queryTimeoutMs: number;
  private lastId = 0;
  private depth = 0;

  constructor(url: string, { connectTimeoutMs = 15_000, queryTimeoutMs = 15_000 }: PgSyncTimeouts = {}) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.queryTimeoutMs = queryTimeoutMs;
    this.worker = new Worker(new URL('./pg-sync-worker.mjs', import.meta.url), {
      workerData: { url, port: port2, flag: this.flag.buffer },
      transferList: [port2],
    });
    this.worker.unref();
    this.call('SELECT 1', [], connectTimeoutMs);
  }

  private call(sql: string, params: SqlParam[], timeoutMs = this.queryTimeoutMs): Reply {
    const id = ++this.lastId;
    this.port.postMessage({ id, sql: toPgPlaceholders(sql), params });
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      // Read the counter before looking at the port: a reply posted after the look changes it,
      // and the wait below then returns at once.
      const posted = Atomics.load(this.flag, 0);
      for (let m = receiveMessageOnPort(this.port); m; m = receiveMessageOnPort(this.port)) {
        const reply = m.message as Reply & { id: number };
        if (reply.id !== id) continue; // the late reply of a call that timed out
        if (reply.error) throw Object.assign(new Error(`PostgreSQL: ${reply.error.message}`), { code: reply.error.code });
        return reply;
      }
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`PostgreSQL did not answer within ${timeoutMs} ms`);
      Atomics.wait(this.flag, 0, posted, left);
    }
  }

  run(sql: string, params: SqlParam[] = []): number {
    return this.call(sql, params).rowCount ?? 0;
  }

  get<T>(sql: string, params: SqlParam[] = []): T | undefined {
    return this.call(sql, params).rows?.[0] as T | undefined;
  }

  all<T>(sql: string, params: SqlParam[] = []): T[] {
    return (this.call(sql, params).rows ?? []) as T[];
  }

  exec(script: string): void {
    this.call(script, []);
  }

  transaction<T>(fn: () => T): T {
    if (this.depth > 0) return fn();
    this.call('BEGIN', []);
    this.depth++;
    try {
      const out = fn();
      this.depth--;
      this.call('COMMIT', []);
      return out;
    } catch (e) {
      this.depth--;
      try {
        this.call('ROLLBACK', []);
      } catch {}
      throw e;
    }
  }

  close(): void {
    void this.worker.terminate();
  }
}
