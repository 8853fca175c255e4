/**
 * The embedded database's fast lane for the hottest statements of a storm (the redelivery record, a vote,
 * an RSVP, the counts and own ballot behind a poll view): its own libsql connection, each statement prepared
 * once, run synchronously.
 *
 * Why: through Prisma one small statement costs ~1.4-3.3 ms of the event loop (query compiler, interpreter,
 * the adapter's mutex, @libsql/client preparing the SQL again on every call, and a fresh connection with its
 * schema read for every interactive transaction); the same statement prepared once costs ~0.25 ms
 * (node --cpu-prof on `npm run bench -- meetings polls`: 39-48% of a storm's time was Prisma + libsql).
 *
 * Same rules as the Prisma path: the same SQL semantics and rows (timestamps written as Prisma's libsql
 * adapter writes them), and a multi-row write is one IMMEDIATE transaction. A transaction here runs from
 * BEGIN to COMMIT without yielding to the event loop, so it never holds the write lock while other code
 * waits for it.
 *
 * It never waits either: busy_timeout is 0, so when another writer holds the lock (a Prisma transaction of
 * this process, suspended until the event loop runs again, or another process) it fails at once with
 * SQLITE_BUSY, the transaction is rolled back, and the caller gets `undefined` and takes its Prisma path,
 * which queues behind the lock as every other write does. A constraint failure does the same (the Prisma
 * path then reports it as it always did); any other failure also stops the fast lane for good.
 * Without an SQLite file (PostgreSQL) every call answers `undefined` and only the Prisma path exists.
 */
import type Database from 'libsql';

/** Prisma's libsql adapter stores a DateTime as ISO 8601 with an explicit offset; the fast lane writes the same. */
export function sqliteTimestamp(at: Date): string {
  return at.toISOString().replace('Z', '+00:00');
}

type Arg = string | number | null;

/** The statements a unit of work may run (each prepared once per connection, by its SQL text). */
export interface Statements {
  run(sql: string, ...args: Arg[]): { changes: number };
  get<T = Record<string, unknown>>(sql: string, ...args: Arg[]): T | undefined;
  all<T = Record<string, unknown>>(sql: string, ...args: Arg[]): T[];
}

/** What a unit of work decides: keep its writes, or roll them back (a refused vote) and still answer. */
export type Decision<T> = { commit: boolean; result: T };

export class PreparedSqlite implements Statements {
  private connection: Database.Database | null = null;
  private readonly prepared = new Map<string, Database.Statement>();
  private broken = false;
  /** how often the fast lane answered, and how often the caller had to take its Prisma path (tests, bench) */
  readonly counts = { fast: 0, fallback: 0 };

  constructor(private readonly sqliteFile: string | null) {}

  /** One statement on its own (autocommit); undefined: take the Prisma path. */
  single<T>(work: (s: Statements) => T): T | undefined {
    return this.attempt(() => work(this));
  }

  /** `work` in one BEGIN IMMEDIATE … COMMIT (or ROLLBACK); undefined: take the Prisma path. */
  transaction<T>(work: (s: Statements) => Decision<T>): T | undefined {
    return this.attempt((db) => {
      db.exec('BEGIN IMMEDIATE');
      try {
        const { commit, result } = work(this);
        db.exec(commit ? 'COMMIT' : 'ROLLBACK');
        return result;
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      }
    });
  }

  run(sql: string, ...args: Arg[]): { changes: number } {
    return this.statement(sql).run(...args);
  }

  get<T>(sql: string, ...args: Arg[]): T | undefined {
    return this.statement(sql).get(...args) as T | undefined;
  }

  all<T>(sql: string, ...args: Arg[]): T[] {
    return this.statement(sql).all(...args) as T[];
  }

  close(): void {
    try {
      this.connection?.close();
    } catch {
      /* already closed */
    }
    this.connection = null;
    this.prepared.clear();
  }

  private statement(sql: string): Database.Statement {
    let s = this.prepared.get(sql);
    if (!s) {
      s = this.connection!.prepare(sql);
      this.prepared.set(sql, s);
    }
    return s;
  }

  private attempt<T>(work: (db: Database.Database) => T): T | undefined {
    if (!this.sqliteFile || this.broken) {
      this.counts.fallback++;
      return undefined;
    }
    try {
      if (!this.connection) {
        // loaded on first use: src/index.ts imports this module before it listens, and the addon is not light
        const Sqlite = require('libsql') as typeof Database;
        this.connection = new Sqlite(this.sqliteFile);
        this.connection.pragma('busy_timeout = 0');
        this.connection.pragma('synchronous = NORMAL');
      }
      const result = work(this.connection);
      this.counts.fast++;
      return result;
    } catch (err) {
      const code = String((err as { code?: string }).code ?? '');
      if (!code.startsWith('SQLITE_BUSY') && !code.startsWith('SQLITE_CONSTRAINT')) {
        // not a passing lock or a refused row: stop trying (the Prisma path still decides correctly)
        this.broken = true;
        this.close();
      }
      this.counts.fallback++;
      return undefined;
    }
  }
}
