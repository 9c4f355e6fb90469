/** Persists classes and their tables in SQL (write-through; every save is one transaction). */
import type { ClassState, TableState } from './class-model.js';
import type { Sql } from './sql.js';

const UPSERT_CLASS = 'INSERT INTO classes (code, secret_hash, data, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET data = excluded.data';
const UPSERT_TABLE = 'INSERT INTO class_tables (code, no, match_id, data) VALUES (?, ?, ?, ?) ON CONFLICT(code, no) DO UPDATE SET data = excluded.data';

/** Loads and saves classes. */
export class ClassStore {
  constructor(readonly sql: Sql) {}

  /** Saves a class and all its tables in one transaction. */
  saveClass(c: ClassState): void {
    this.sql.transaction(() => {
      const { tables, ...rest } = c;
      this.sql.run(UPSERT_CLASS, [c.code, c.secretHash, JSON.stringify(rest), c.createdAt]);
      for (const t of tables) this.saveTable(c.code, t);
    });
  }

  /** Saves one table of a class. */
  saveTable(code: string, t: TableState): void {
    this.sql.run(UPSERT_TABLE, [code, t.no, t.matchID, JSON.stringify(t)]);
  }

  /** Every stored class with its tables. */
  loadAll(): ClassState[] {
    return this.sql
      .all<{ code: string }>('SELECT code FROM classes ORDER BY created_at')
      .map((row) => this.load(row.code))
      .filter((c): c is ClassState => c !== undefined);
  }

  /**
   * One class with its tables, if stored. `forUpdate` (PostgreSQL, inside a transaction): lock
   * the class row so that concurrent changes from other instances wait for this one.
   */
  load(code: string, forUpdate = false): ClassState | undefined {
    const lock = forUpdate && this.sql.dialect === 'postgres' ? ' FOR UPDATE' : '';
    const row = this.sql.get<{ data: string }>(`SELECT data FROM classes WHERE code = ?${lock}`, [code]);
    if (!row) return undefined;
    const c = JSON.parse(row.data) as Omit<ClassState, 'tables'>;
    const tables = this.sql
      .all<{ data: string }>('SELECT data FROM class_tables WHERE code = ? ORDER BY no', [code])
      .map((t) => JSON.parse(t.data) as TableState);
    return { ...c, tables };
  }

  /** The codes of the classes now running (the status is a field of the stored JSON). */
  runningCodes(): string[] {
    return this.sql.all<{ code: string }>(`SELECT code FROM classes WHERE data LIKE '%"status":"running"%'`).map((r) => r.code);
  }

  /** How many stored classes have not ended. */
  openCount(): number {
    const row = this.sql.get<{ n: number | string }>(`SELECT COUNT(*) AS n FROM classes WHERE data NOT LIKE '%"status":"ended"%'`);
    return Number(row?.n ?? 0);
  }

  /**
   * Deletes a class and everything stored about it (its tables, their matches and move logs) in
   * one transaction: all of it goes, or nothing. Returns the match ids of its tables (empty when
   * no such class is stored).
   */
  deleteClass(code: string): string[] {
    return this.sql.transaction(() => {
      const ids = this.sql.all<{ match_id: string }>('SELECT match_id FROM class_tables WHERE code = ?', [code]).map((r) => r.match_id);
      for (const id of ids) {
        this.sql.run('DELETE FROM match_log WHERE match_id = ?', [id]);
        this.sql.run('DELETE FROM matches WHERE id = ?', [id]);
      }
      this.sql.run('DELETE FROM class_tables WHERE code = ?', [code]);
      this.sql.run('DELETE FROM classes WHERE code = ?', [code]);
      this.sql.run('DELETE FROM leases WHERE name = ?', [`class:${code}`]);
      return ids;
    });
  }

  /** The codes of the classes created before `cutoff` (epoch ms), oldest first. */
  createdBefore(cutoff: number): string[] {
    return this.sql.all<{ code: string }>('SELECT code FROM classes WHERE created_at < ? ORDER BY created_at', [cutoff]).map((r) => r.code);
  }

  /** The code of the class a match belongs to, if it is a class table. */
  codeOfMatch(matchID: string): string | undefined {
    return this.sql.get<{ code: string }>('SELECT code FROM class_tables WHERE match_id = ?', [matchID])?.code;
  }
}
