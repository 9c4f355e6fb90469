/**
 * The embedded SQLite database (better-sqlite3, WAL): one file under DATA_DIR holding the
 * boardgame.io matches and logs and the classes with their tables. A commit is on disk before
 * the call returns, so a process killed with SIGKILL loses nothing it acknowledged.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** An open database handle. */
export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS matches (
  id TEXT PRIMARY KEY,
  game TEXT NOT NULL,
  state TEXT,
  state_id INTEGER NOT NULL DEFAULT 0,
  initial_state TEXT,
  metadata TEXT NOT NULL,
  gameover INTEGER NOT NULL DEFAULT 0,
  updated_at INTEGER NOT NULL
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
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS class_tables (
  code TEXT NOT NULL,
  no INTEGER NOT NULL,
  match_id TEXT NOT NULL UNIQUE,
  data TEXT NOT NULL,
  PRIMARY KEY (code, no)
);
`;

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
  db.exec(SCHEMA);
  return db;
}
