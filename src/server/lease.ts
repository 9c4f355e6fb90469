/**
 * Leases in the shared database: a named job (a class's bots and timers) is driven by one
 * instance at a time. An instance holds a lease while it keeps renewing it; when it stops
 * (killed), the lease expires after `ttlMs` and the next instance to ask takes it over.
 * Expiry uses each instance's clock: instances must keep their clocks in sync (NTP).
 */
import type { Sql } from './sql.js';

const TAKE =
  'INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?) ' +
  'ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at ' +
  'WHERE leases.holder = excluded.holder OR leases.expires_at < ?';

/** The leases of one instance (`holder`: a unique id of this process). */
export class Leases {
  constructor(
    private readonly sql: Sql,
    readonly holder: string,
    private readonly ttlMs = 3000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes or renews the lease `name`; true if this instance holds it now. */
  hold(name: string): boolean {
    const now = this.now();
    return this.sql.run(TAKE, [name, this.holder, now + this.ttlMs, now]) > 0;
  }

  /** Gives up every lease of this instance (a clean shutdown: others take over at once). */
  releaseAll(): void {
    this.sql.run('DELETE FROM leases WHERE holder = ?', [this.holder]);
  }
}
