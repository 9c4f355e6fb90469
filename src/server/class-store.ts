/** Persists classes and their tables in SQLite (write-through; every save is one transaction). */
import type { Db } from './db.js';
import type { ClassState, TableState } from './class-model.js';

/** Loads and saves classes. */
export class ClassStore {
  private readonly q;

  constructor(private readonly db: Db) {
    this.q = {
      upsertClass: db.prepare(
        'INSERT INTO classes (code, secret_hash, data, created_at) VALUES (?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET data = excluded.data',
      ),
      upsertTable: db.prepare(
        'INSERT INTO class_tables (code, no, match_id, data) VALUES (?, ?, ?, ?) ON CONFLICT(code, no) DO UPDATE SET data = excluded.data',
      ),
      classes: db.prepare('SELECT code, secret_hash, data, created_at FROM classes'),
      tables: db.prepare('SELECT data FROM class_tables WHERE code = ? ORDER BY no'),
    };
  }

  /** Saves a class and all its tables in one transaction. */
  saveClass(c: ClassState): void {
    this.db.transaction(() => {
      const { tables, ...rest } = c;
      this.q.upsertClass.run(c.code, c.secretHash, JSON.stringify(rest), c.createdAt);
      for (const t of tables) this.q.upsertTable.run(c.code, t.no, t.matchID, JSON.stringify(t));
    })();
  }

  /** Saves one table of a class. */
  saveTable(code: string, t: TableState): void {
    this.q.upsertTable.run(code, t.no, t.matchID, JSON.stringify(t));
  }

  /** Every stored class with its tables. */
  loadAll(): ClassState[] {
    const rows = this.q.classes.all() as { code: string; data: string }[];
    return rows.map((row) => {
      const c = JSON.parse(row.data) as Omit<ClassState, 'tables'>;
      const tables = (this.q.tables.all(row.code) as { data: string }[]).map((t) => JSON.parse(t.data) as TableState);
      return { ...c, tables };
    });
  }
}
