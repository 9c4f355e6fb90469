/**
 * The database: the embedded SQLite (better-sqlite3, WAL; one file under DATA_DIR) by default,
 * or PostgreSQL when DATABASE_URL is set (several server instances then share it). Both hold the
 * boardgame.io matches and logs, the classes with their tables, and (PostgreSQL) the leases that
 * decide which instance drives a class's bots and timers. A commit is durable before the call
 * returns, so a process killed with SIGKILL loses nothing it acknowledged.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { PgSyncSql } from './pg-sync.js';
import { type Dialect, type Sql, SqliteSql } from './sql.js';

/** An open SQLite handle. */
export type Db = Database.Database;

function schema(dialect: Dialect): string {
  // Milliseconds since 1970 overflow PostgreSQL's INTEGER; SQLite's INTEGER is 64-bit already.
  const ms = dialect === 'postgres' ? 'BIGINT' : 'INTEGER';
  return `
CREATE TABLE IF NOT EXISTS matches (
  id TEXT PRIMARY KEY,
  game TEXT NOT NULL,
  state TEXT,
  state_id INTEGER NOT NULL DEFAULT 0,
  initial_state TEXT,
  metadata TEXT NOT NULL,
  gameover INTEGER NOT NULL DEFAULT 0,
  updated_at ${ms} NOT NULL,
  listed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS matches_game ON matches (game, updated_at);
CREATE TABLE IF NOT EXISTS match_log (
  match_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  entry TEXT NOT NULL,
  PRIMARY KEY (match_id, seq)
);
CREATE TABLE IF NOT EXISTS classes (
  code TEXT PRIMARY KEY,
  secret_hash TEXT NOT NULL,
  data TEXT NOT NULL,
  created_at ${ms} NOT NULL
);
CREATE TABLE IF NOT EXISTS class_tables (
  code TEXT NOT NULL,
  no INTEGER NOT NULL,
  match_id TEXT NOT NULL UNIQUE,
  data TEXT NOT NULL,
  PRIMARY KEY (code, no)
);
CREATE TABLE IF NOT EXISTS leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at ${ms} NOT NULL
);
`;
}

/** The lobby list reads public matches a page at a time, newest first. */
const LISTED_INDEX = 'CREATE INDEX IF NOT EXISTS matches_listed ON matches (game, listed, updated_at)';

/** Opens (creating if needed) `gigawatt.sqlite` in `dataDir`, or an in-memory database for ':memory:'. */
export function openDb(dataDir: string): Db {
  let file = ':memory:';
  if (dataDir !== ':memory:') {
    mkdirSync(dataDir, { recursive: true });
    file = join(dataDir, 'gigawatt.sqlite');
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode survives a killed process (not a power cut): the classroom case.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 2000');
  // A deleted class is overwritten in the file, not only unlinked (privacy: names and moves).
  db.pragma('secure_delete = ON');
  db.exec(schema('sqlite'));
  // Databases from before the lobby list paged on `listed`: add the column, list what was public.
  const columns = db.prepare('PRAGMA table_info(matches)').all() as { name: string }[];
  if (!columns.some((c) => c.name === 'listed')) {
    db.exec('ALTER TABLE matches ADD COLUMN listed INTEGER NOT NULL DEFAULT 0');
    db.exec(`UPDATE matches SET listed = 1 WHERE metadata NOT LIKE '%"unlisted":true%' AND id NOT IN (SELECT match_id FROM class_tables)`);
  }
  db.exec(LISTED_INDEX);
  return db;
}

/** Connects to PostgreSQL (`postgres://user:pass@host:port/db`) and creates the tables if needed. */
export function openPostgres(url: string): Sql {
  const sql = new PgSyncSql(url);
  // Two instances starting together must not race on CREATE TABLE.
  sql.transaction(() => {
    sql.get('SELECT pg_advisory_xact_lock(7466210)');
    sql.exec(schema('postgres'));
    sql.exec('ALTER TABLE matches ADD COLUMN IF NOT EXISTS listed INTEGER NOT NULL DEFAULT 0');
    sql.exec(LISTED_INDEX);
  });
  return sql;
}

/** The server's database: PostgreSQL when `databaseUrl` is given, else SQLite under `dataDir`. */
export function openSql(opts: { databaseUrl: string | null; dataDir: string }): Sql {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : new SqliteSql(openDb(opts.dataDir));
}
