/**
 * Which message activities were already handled (table ProcessedActivity). Teams redelivers an activity
 * it thinks was lost; the first delivery's row makes every later one a no-op, across instances too,
 * because the primary key decides. The row is written before the turn acts, on every message turn.
 *
 * Through Prisma that one statement cost ~1.1-1.4 ms of a ~9 ms help turn (measured with `npm run bench`
 * and node --cpu-prof: the query interpreter, the adapter's mutex and @libsql/client's per-call work, for a
 * statement SQLite runs in ~0.25 ms). On the embedded database it therefore goes through its own libsql
 * connection with the statement prepared once. Same SQL, same row, same decision by the primary key.
 *
 * That connection never waits: busy_timeout is 0, so when another writer holds the lock (a Prisma
 * transaction of this process, which is suspended until the event loop runs again, or another process)
 * it fails at once with SQLITE_BUSY instead of blocking the event loop, and the write goes through Prisma,
 * which queues behind the lock as every other write does. Any other failure of the fast path does the same.
 * Without an SQLite file (another database) only the Prisma path exists.
 */
import Database from 'libsql';
import type { Db } from './client';

const INSERT_SQL = 'INSERT INTO "ProcessedActivity" ("key", "processedAt") VALUES (?, ?) ON CONFLICT DO NOTHING';


/** Prisma's libsql adapter stores a DateTime as ISO 8601 with an explicit offset; the fast path writes the same. */
function sqliteTimestamp(at: Date): string {
  return at.toISOString().replace('Z', '+00:00');
}

export class ActivityLedger {
  private connection: Database.Database | null = null;
  private insert: Database.Statement<[string, string]> | null = null;
  private fastPathBroken = false;
  /** how often each path was taken (tests and the bench read it) */
  readonly counts = { fast: 0, prisma: 0 };

  constructor(
    private readonly db: Db,
    private readonly sqliteFile: string | null,
  ) {}

  /** true the first time this key is recorded; false when it was already there (a redelivery). */
  async firstDelivery(key: string, at: Date): Promise<boolean> {
    const fast = this.tryFast(key, at);
    if (fast !== null) {
      this.counts.fast++;
      return fast;
    }
    this.counts.prisma++;
    // ON CONFLICT DO NOTHING (SQLite and PostgreSQL alike) tells a repeat by its row count, not by an exception
    const inserted = await this.db.$executeRaw`INSERT INTO "ProcessedActivity" ("key", "processedAt") VALUES (${key}, ${at}) ON CONFLICT DO NOTHING`;
    return inserted === 1;
  }

  /** Lets a later redelivery act after all (the turn failed before it could answer). */
  async forget(key: string): Promise<void> {
    await this.db.processedActivity.deleteMany({ where: { key } });
  }

  close(): void {
    try {
      this.connection?.close();
    } catch {
      /* already closed */
    }
    this.connection = null;
    this.insert = null;
  }

  /** null: take the Prisma path (no SQLite file, the lock is held elsewhere, or the fast path failed). */
  private tryFast(key: string, at: Date): boolean | null {
    if (!this.sqliteFile || this.fastPathBroken) return null;
    try {
      if (!this.insert) {
        this.connection = new Database(this.sqliteFile);
        this.connection.pragma('busy_timeout = 0');
        this.connection.pragma('synchronous = NORMAL');
        this.insert = this.connection.prepare<[string, string]>(INSERT_SQL);
      }
      return this.insert.run(key, sqliteTimestamp(at)).changes === 1;
    } catch (err) {
      if ((err as { code?: string }).code !== 'SQLITE_BUSY') {
        // not a passing lock: stop trying (the Prisma path still decides correctly)
        this.fastPathBroken = true;
        this.close();
      }
      return null;
    }
  }
}
