/**
 * One small synchronous SQL interface for both databases: the embedded SQLite (better-sqlite3)
 * and PostgreSQL (pg-sync.ts). Statements use `?` placeholders; `transaction` runs a function
 * atomically (nested calls join the outer transaction). Synchronous on purpose: the storage and
 * the class service commit before they return, which is what "broadcast only after commit"
 * and "a killed process loses nothing it acknowledged" rely on.
 */
import type Database from 'better-sqlite3';

/** The SQL dialects the server speaks. */
const DIALECTS = ['sqlite', 'postgres'] as const;
export type Dialect = (typeof DIALECTS)[number];

/** A parameter of a statement. */
export type SqlParam = string | number | null;

/** A synchronous SQL connection. */
export interface Sql {
  readonly dialect: Dialect;
  /** Runs a statement; returns how many rows it changed. */
  run(sql: string, params?: SqlParam[]): number;
  /** The first row of a query, if any. */
  get<T>(sql: string, params?: SqlParam[]): T | undefined;
  /** Every row of a query. */
  all<T>(sql: string, params?: SqlParam[]): T[];
  /** Runs a script of several statements (schema). */
  exec(script: string): void;
  /** Runs `fn` in one transaction: committed if it returns, rolled back if it throws. */
  transaction<T>(fn: () => T): T;
  close(): void;
}

/** `Sql` over a better-sqlite3 handle (statements prepared once and cached). */
export class SqliteSql implements Sql {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(readonly db: Database.Database) {}

  private prepare(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }

  run(sql: string, params: SqlParam[] = []): number {
    return this.prepare(sql).run(...params).changes;
  }

  get<T>(sql: string, params: SqlParam[] = []): T | undefined {
    return this.prepare(sql).get(...params) as T | undefined;
  }

  all<T>(sql: string, params: SqlParam[] = []): T[] {
    return this.prepare(sql).all(...params) as T[];
  }

  exec(script: string): void {
    this.db.exec(script);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    this.db.close();
  }
}
