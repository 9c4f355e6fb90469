/**
 * `Sql` over PostgreSQL, synchronous like better-sqlite3: a worker thread holds one `pg`
 * connection, and each call blocks the main thread (Atomics.wait) until the worker answers. One
 * connection per process, so a transaction is simply BEGIN ... COMMIT on it. A query that does
 * not answer within `timeoutMs` throws (the server then refuses that request, as for any error).
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

/** A synchronous PostgreSQL connection. */
export class PgSyncSql implements Sql {
  readonly dialect = 'postgres' as const;
  private readonly worker: Worker;
  private readonly port;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private depth = 0;

  constructor(
    url: string,
    private readonly timeoutMs = 15_000,
  ) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(new URL('./pg-sync-worker.mjs', import.meta.url), {
      workerData: { url, port: port2, flag: this.flag.buffer },
      transferList: [port2],
    });
    this.worker.unref();
    this.call('SELECT 1', []);
  }

  private call(sql: string, params: SqlParam[]): Reply {
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage({ sql: toPgPlaceholders(sql), params });
    if (Atomics.wait(this.flag, 0, 0, this.timeoutMs) === 'timed-out') throw new Error(`PostgreSQL did not answer within ${this.timeoutMs} ms`);
    const reply = receiveMessageOnPort(this.port)?.message as Reply | undefined;
    if (!reply) throw new Error('PostgreSQL worker gave no reply');
    if (reply.error) throw Object.assign(new Error(`PostgreSQL: ${reply.error.message}`), { code: reply.error.code });
    return reply;
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
