/**
 * boardgame.io's storage interface (Async) over SQLite. Every write is one transaction; a state
 * write never goes back in time (a stale `_stateID` is ignored). Hidden information is guarded
 * here too: `fetch` never returns the true initial state (its `initialState` is passed through
 * `publicInitialState`), and a seed in the lobby's `setupData` is not kept in the metadata.
 */
import { Async } from 'boardgame.io/internal';
import type { LogEntry, Server, State, StorageAPI } from 'boardgame.io';
import type { Db } from './db.js';
import { cleanMatchMetadata, publicInitialState } from './sanitise.js';

type Fetched = Partial<StorageAPI.FetchFields>;

interface MatchRow {
  state: string | null;
  initial_state: string | null;
  metadata: string;
}

/** Called after a state was stored: `(matchID, state)`. */
export type StateListener = (matchID: string, state: State) => void;

/** Metadata fields that only the class service may change on a class table (the master must not overwrite them). */
export type MetadataGuard = (matchID: string, incoming: Server.MatchData, stored: Server.MatchData | undefined) => Server.MatchData;

/** The project's SQLite storage for boardgame.io. */
export class SqliteStorage extends Async {
  private readonly latest = new Map<string, State>();
  private readonly listeners: StateListener[] = [];
  private guard: MetadataGuard = (_id, incoming) => incoming;
  private readonly q;

  constructor(private readonly db: Db) {
    super();
    this.q = {
      insert: db.prepare('INSERT INTO matches (id, game, state, state_id, initial_state, metadata, gameover, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      setState: db.prepare('UPDATE matches SET state = ?, state_id = ?, updated_at = ? WHERE id = ? AND state_id <= ?'),
      setMeta: db.prepare('UPDATE matches SET metadata = ?, gameover = ?, updated_at = ? WHERE id = ?'),
      row: db.prepare('SELECT state, initial_state, metadata FROM matches WHERE id = ?'),
      meta: db.prepare('SELECT metadata FROM matches WHERE id = ?'),
      exists: db.prepare('SELECT 1 FROM matches WHERE id = ?'),
      logNext: db.prepare('SELECT COALESCE(MAX(seq), -1) + 1 AS next FROM match_log WHERE match_id = ?'),
      logAdd: db.prepare('INSERT INTO match_log (match_id, seq, entry) VALUES (?, ?, ?)'),
      log: db.prepare('SELECT entry FROM match_log WHERE match_id = ? ORDER BY seq'),
      wipe: db.prepare('DELETE FROM matches WHERE id = ?'),
      wipeLog: db.prepare('DELETE FROM match_log WHERE match_id = ?'),
    };
  }

  /** Nothing to do: the database is opened by `openDb`. */
  connect(): void {}

  /** Lets the class service keep its seat fields in the metadata of class tables. */
  setMetadataGuard(guard: MetadataGuard): void {
    this.guard = guard;
  }

  /** Registers a listener called (on a later tick) after every stored state. */
  onState(listener: StateListener): void {
    this.listeners.push(listener);
  }

  override async createMatch(matchID: string, opts: StorageAPI.CreateMatchOpts): Promise<void> {
    this.createMatchSync(matchID, opts);
  }

  /** The synchronous create used by the class service (same checks). */
  createMatchSync(matchID: string, { initialState, metadata }: StorageAPI.CreateMatchOpts): void {
    const meta = cleanMatchMetadata(metadata);
    const now = Date.now();
    this.q.insert.run(
      matchID,
      meta.gameName,
      JSON.stringify(initialState),
      initialState._stateID,
      JSON.stringify(initialState),
      JSON.stringify(meta),
      meta.gameover === undefined ? 0 : 1,
      now,
    );
    this.latest.set(matchID, initialState);
    this.notify(matchID, initialState);
  }

  async setState(matchID: string, state: State, deltalog?: LogEntry[]): Promise<void> {
    const write = this.db.transaction(() => {
      const changed = this.q.setState.run(JSON.stringify(state), state._stateID, Date.now(), matchID, state._stateID).changes;
      if (changed === 0) return false;
      if (deltalog && deltalog.length > 0) {
        let seq = (this.q.logNext.get(matchID) as { next: number }).next;
        for (const entry of deltalog) this.q.logAdd.run(matchID, seq++, JSON.stringify(entry));
      }
      return true;
    });
    if (write()) {
      this.latest.set(matchID, state);
      this.notify(matchID, state);
    }
  }

  async setMetadata(matchID: string, metadata: Server.MatchData): Promise<void> {
    this.setMetadataSync(matchID, metadata, true);
  }

  /** Writes metadata; `guarded`: apply the class service's guard (writes from boardgame.io). */
  setMetadataSync(matchID: string, metadata: Server.MatchData, guarded: boolean): void {
    const write = this.db.transaction(() => {
      const stored = this.readMetadata(matchID);
      const meta = cleanMatchMetadata(guarded ? this.guard(matchID, metadata, stored) : metadata);
      this.q.setMeta.run(JSON.stringify(meta), meta.gameover === undefined || meta.gameover === null ? 0 : 1, Date.now(), matchID);
    });
    write();
  }

  async fetch<O extends StorageAPI.FetchOpts>(matchID: string, opts: O): Promise<StorageAPI.FetchResult<O>> {
    return this.fetchSync(matchID, opts);
  }

  /** Synchronous fetch, same contract as `fetch`. */
  fetchSync<O extends StorageAPI.FetchOpts>(matchID: string, opts: O): StorageAPI.FetchResult<O> {
    const out: Fetched = {};
    const row = this.q.row.get(matchID) as MatchRow | undefined;
    if (row) {
      if (opts.state && row.state) out.state = JSON.parse(row.state) as State;
      if (opts.metadata) out.metadata = JSON.parse(row.metadata) as Server.MatchData;
      if (opts.initialState && row.initial_state) out.initialState = publicInitialState(JSON.parse(row.initial_state) as State);
      if (opts.log) out.log = this.readLog(matchID);
    }
    return out as StorageAPI.FetchResult<O>;
  }

  /** The true initial state (server use only: never send it to a client). */
  secretInitialState(matchID: string): State | undefined {
    const row = this.q.row.get(matchID) as MatchRow | undefined;
    return row?.initial_state ? (JSON.parse(row.initial_state) as State) : undefined;
  }

  /** The last stored state (cached in memory). */
  latestState(matchID: string): State | undefined {
    let state = this.latest.get(matchID);
    if (!state) {
      state = this.fetchSync(matchID, { state: true }).state;
      if (state) this.latest.set(matchID, state);
    }
    return state;
  }

  /** The stored metadata of a match, if it exists. */
  readMetadata(matchID: string): Server.MatchData | undefined {
    const row = this.q.meta.get(matchID) as { metadata: string } | undefined;
    return row ? (JSON.parse(row.metadata) as Server.MatchData) : undefined;
  }

  /** The whole stored log of a match. */
  readLog(matchID: string): LogEntry[] {
    return (this.q.log.all(matchID) as { entry: string }[]).map((r) => JSON.parse(r.entry) as LogEntry);
  }

  /** Does this match exist? */
  has(matchID: string): boolean {
    return this.q.exists.get(matchID) !== undefined;
  }

  async wipe(matchID: string): Promise<void> {
    this.db.transaction(() => {
      this.q.wipe.run(matchID);
      this.q.wipeLog.run(matchID);
    })();
    this.latest.delete(matchID);
  }

  override async listMatches(opts?: StorageAPI.ListMatchesOpts): Promise<string[]> {
    const where: string[] = [];
    const args: (string | number)[] = [];
    if (opts?.gameName) {
      where.push('game = ?');
      args.push(opts.gameName);
    }
    const w = opts?.where;
    if (w?.isGameover !== undefined) where.push(w.isGameover ? 'gameover = 1' : 'gameover = 0');
    if (w?.updatedBefore !== undefined) {
      where.push('updated_at < ?');
      args.push(w.updatedBefore);
    }
    if (w?.updatedAfter !== undefined) {
      where.push('updated_at > ?');
      args.push(w.updatedAfter);
    }
    const sql = `SELECT id FROM matches${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at LIMIT 1000`;
    return (this.db.prepare(sql).all(...args) as { id: string }[]).map((r) => r.id);
  }

  private notify(matchID: string, state: State): void {
    if (this.listeners.length === 0) return;
    setImmediate(() => {
      for (const listener of this.listeners) {
        try {
          listener(matchID, state);
        } catch (e) {
          console.error('[storage] state listener failed', e);
        }
      }
    });
  }
}
