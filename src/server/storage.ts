/**
 * boardgame.io's storage interface (Async) over SQL (SQLite or PostgreSQL, see sql.ts). Every
 * write is one transaction. A state write is a compare-and-set on the previous `_stateID`: it
 * is stored only if the stored state is the one it was computed from, so a stale write or a
 * second write for the same state (two instances racing) is refused, never applied twice.
 * `committed` tells the pub/sub which states this process really stored (only those are
 * broadcast). Hidden information is guarded here too: `fetch` never returns the true initial
 * state (its `initialState` is passed through `publicInitialState`), and a seed in the lobby's
 * `setupData` is not kept in the metadata.
 */
import { Async } from 'boardgame.io/internal';
import type { LogEntry, Server, State, StorageAPI } from 'boardgame.io';
import type { Db } from './db.js';
import { cleanMatchMetadata, publicInitialState } from './sanitise.js';
import { type Sql, SqliteSql } from './sql.js';

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

/** How many committed `(match, stateID)` pairs are remembered for the broadcast gate. */
const COMMITTED_MEMORY = 10_000;

/** The project's SQL storage for boardgame.io. */
export class SqlStorage extends Async {
  private readonly latest = new Map<string, State>();
  private readonly listeners: StateListener[] = [];
  private readonly recent = new Set<string>();
  private guard: MetadataGuard = (_id, incoming) => incoming;

  /**
   * `shared`: other processes write to the same database (no in-memory cache of the latest
   * states: every read goes to the database).
   */
  constructor(
    readonly sql: Sql,
    private readonly shared = false,
  ) {
    super();
  }

  /** Nothing to do: the database is opened by `openSql`. */
  connect(): void {}

  /** Lets the class service keep its seat fields in the metadata of class tables. */
  setMetadataGuard(guard: MetadataGuard): void {
    this.guard = guard;
  }

  /** Registers a listener called (on a later tick) after every state this process stored. */
  onState(listener: StateListener): void {
    this.listeners.push(listener);
  }

  override async createMatch(matchID: string, opts: StorageAPI.CreateMatchOpts): Promise<void> {
    this.createMatchSync(matchID, opts);
  }

  /** The synchronous create used by the class service (same checks). */
  createMatchSync(matchID: string, { initialState, metadata }: StorageAPI.CreateMatchOpts): void {
    const meta = cleanMatchMetadata(metadata);
    this.sql.run('INSERT INTO matches (id, game, state, state_id, initial_state, metadata, gameover, updated_at, listed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
      matchID,
      meta.gameName,
      JSON.stringify(initialState),
      initialState._stateID,
      JSON.stringify(initialState),
      JSON.stringify(meta),
      meta.gameover === undefined ? 0 : 1,
      Date.now(),
      meta.unlisted ? 0 : 1,
    ]);
    this.remember(matchID, initialState);
    this.notify(matchID, initialState);
  }

  /** Stores `state` if the stored state is its predecessor (`_stateID - 1`); otherwise changes nothing. */
  async setState(matchID: string, state: State, deltalog?: LogEntry[]): Promise<void> {
    this.setStateSync(matchID, state, deltalog);
  }

  /** Synchronous `setState`; returns whether the state was stored. */
  setStateSync(matchID: string, state: State, deltalog?: LogEntry[]): boolean {
    const stored = this.sql.transaction(() => {
      const changed = this.sql.run('UPDATE matches SET state = ?, state_id = ?, updated_at = ? WHERE id = ? AND state_id = ?', [
        JSON.stringify(state),
        state._stateID,
        Date.now(),
        matchID,
        state._stateID - 1,
      ]);
      if (changed === 0) return false;
      if (deltalog && deltalog.length > 0) {
        let seq = this.sql.get<{ next: number }>('SELECT COALESCE(MAX(seq), -1) + 1 AS next FROM match_log WHERE match_id = ?', [matchID])?.next ?? 0;
        for (const entry of deltalog) this.sql.run('INSERT INTO match_log (match_id, seq, entry) VALUES (?, ?, ?)', [matchID, seq++, JSON.stringify(entry)]);
      }
      return true;
    });
    if (stored) {
      this.remember(matchID, state);
      this.notify(matchID, state);
    }
    return stored;
  }

  /** Did this process store this state of this match (recently)? The broadcast gate. */
  committed(matchID: string, stateID: number): boolean {
    return this.recent.has(`${matchID}:${stateID}`);
  }

  async setMetadata(matchID: string, metadata: Server.MatchData): Promise<void> {
    this.setMetadataSync(matchID, metadata, true);
  }

  /** Writes metadata; `guarded`: apply the class service's guard (writes from boardgame.io). */
  setMetadataSync(matchID: string, metadata: Server.MatchData, guarded: boolean): void {
    this.sql.transaction(() => {
      const stored = guarded ? this.readMetadata(matchID, true) : undefined;
      const meta = cleanMatchMetadata(guarded ? this.guard(matchID, metadata, stored) : metadata);
      this.sql.run('UPDATE matches SET metadata = ?, gameover = ?, updated_at = ? WHERE id = ?', [
        JSON.stringify(meta),
        meta.gameover === undefined || meta.gameover === null ? 0 : 1,
        Date.now(),
        matchID,
      ]);
    });
  }

  async fetch<O extends StorageAPI.FetchOpts>(matchID: string, opts: O): Promise<StorageAPI.FetchResult<O>> {
    return this.fetchSync(matchID, opts);
  }

  /** Synchronous fetch, same contract as `fetch`. */
  fetchSync<O extends StorageAPI.FetchOpts>(matchID: string, opts: O): StorageAPI.FetchResult<O> {
    const out: Fetched = {};
    const row = this.sql.get<MatchRow>('SELECT state, initial_state, metadata FROM matches WHERE id = ?', [matchID]);
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
    const row = this.sql.get<{ initial_state: string | null }>('SELECT initial_state FROM matches WHERE id = ?', [matchID]);
    return row?.initial_state ? (JSON.parse(row.initial_state) as State) : undefined;
  }

  /** The last stored state (cached in memory unless the database is shared). */
  latestState(matchID: string): State | undefined {
    let state = this.shared ? undefined : this.latest.get(matchID);
    if (!state) {
      const row = this.sql.get<{ state: string | null }>('SELECT state FROM matches WHERE id = ?', [matchID]);
      state = row?.state ? (JSON.parse(row.state) as State) : undefined;
      if (state && !this.shared) this.latest.set(matchID, state);
    }
    return state;
  }

  /** The `_stateID` of the last stored state (read from the database), if the match exists. */
  latestStateID(matchID: string): number | undefined {
    return this.sql.get<{ state_id: number }>('SELECT state_id FROM matches WHERE id = ?', [matchID])?.state_id;
  }

  /** The stored metadata of a match, if it exists (`forUpdate`: lock the row until the transaction ends). */
  readMetadata(matchID: string, forUpdate = false): Server.MatchData | undefined {
    const lock = forUpdate && this.sql.dialect === 'postgres' ? ' FOR UPDATE' : '';
    const row = this.sql.get<{ metadata: string }>(`SELECT metadata FROM matches WHERE id = ?${lock}`, [matchID]);
    return row ? (JSON.parse(row.metadata) as Server.MatchData) : undefined;
  }

  /** The whole stored log of a match. */
  readLog(matchID: string): LogEntry[] {
    return this.sql
      .all<{ entry: string }>('SELECT entry FROM match_log WHERE match_id = ? ORDER BY seq', [matchID])
      .map((r) => JSON.parse(r.entry) as LogEntry);
  }

  /** Does this match exist? */
  has(matchID: string): boolean {
    return this.sql.get('SELECT 1 AS one FROM matches WHERE id = ?', [matchID]) !== undefined;
  }

  /** Forgets the cached state of a match deleted from the database. */
  forget(matchID: string): void {
    this.latest.delete(matchID);
  }

  async wipe(matchID: string): Promise<void> {
    this.sql.transaction(() => {
      this.sql.run('DELETE FROM matches WHERE id = ?', [matchID]);
      this.sql.run('DELETE FROM match_log WHERE match_id = ?', [matchID]);
    });
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
    const sql = `SELECT id FROM matches${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY updated_at, id LIMIT 1000`;
    return this.sql.all<{ id: string }>(sql, args).map((r) => r.id);
  }

  /**
   * One page of the public lobby list of a game, newest first: the ids and metadata of listed
   * matches (class tables are never listed): `limit` of them from the `offset`-th.
   */
  listPage(
    gameName: string,
    where: { isGameover?: boolean; updatedBefore?: number; updatedAfter?: number },
    offset: number,
    limit: number,
  ): { id: string; metadata: Server.MatchData }[] {
    const conditions = ['game = ?', 'listed = 1'];
    const args: (string | number)[] = [gameName];
    if (where.isGameover !== undefined) conditions.push(where.isGameover ? 'gameover = 1' : 'gameover = 0');
    if (where.updatedBefore !== undefined) {
      conditions.push('updated_at < ?');
      args.push(where.updatedBefore);
    }
    if (where.updatedAfter !== undefined) {
      conditions.push('updated_at > ?');
      args.push(where.updatedAfter);
    }
    const sql = `SELECT id, metadata FROM matches WHERE ${conditions.join(' AND ')} ORDER BY updated_at DESC, id LIMIT ? OFFSET ?`;
    return this.sql.all<{ id: string; metadata: string }>(sql, [...args, limit, offset]).map((r) => ({ id: r.id, metadata: JSON.parse(r.metadata) }));
  }

  /** Lobby matches (not class tables) not over and changed since `since` (epoch ms): what the lobby's overall cap counts. */
  openLobbyMatches(since: number): number {
    const row = this.sql.get<{ n: number | string }>(
      'SELECT COUNT(*) AS n FROM matches WHERE gameover = 0 AND updated_at > ? AND id NOT IN (SELECT match_id FROM class_tables)',
      [since],
    );
    return Number(row?.n ?? 0);
  }

  private remember(matchID: string, state: State): void {
    if (!this.shared) this.latest.set(matchID, state);
    const key = `${matchID}:${state._stateID}`;
    this.recent.add(key);
    if (this.recent.size > COMMITTED_MEMORY) {
      const oldest = this.recent.values().next().value;
      if (oldest !== undefined) this.recent.delete(oldest);
    }
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

/** The storage over an SQLite handle (the single-machine default). */
export class SqliteStorage extends SqlStorage {
  constructor(db: Db) {
    super(new SqliteSql(db));
  }
}
