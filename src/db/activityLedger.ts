/**
 * Which message activities were already handled (table ProcessedActivity). Teams redelivers an activity
 * it thinks was lost; the first delivery's row makes every later one a no-op, across instances too,
 * because the primary key decides. The row is written before the turn acts, on every message turn.
 *
 * Through Prisma that one statement cost ~1.1-1.4 ms of a ~9 ms help turn (measured with `npm run bench`
 * and node --cpu-prof: the query interpreter, the adapter's mutex and @libsql/client's per-call work, for a
 * statement SQLite runs in ~0.25 ms). On the embedded database it therefore goes through the fast lane's
 * libsql connection with the statement prepared once. Same SQL, same row, same decision by the primary key.
 *
 * The fast lane (db/preparedSqlite.ts, shared with the storm paths of votes and RSVPs) never waits: when
 * another writer holds the lock, or it fails otherwise, the write goes through Prisma, which queues behind
 * the lock as every other write does. Without an SQLite file (another database) only the Prisma path exists.
 */
import type { Db } from './client';
import { sqliteTimestamp, type PreparedSqlite } from './preparedSqlite';

const INSERT_SQL = 'INSERT INTO "ProcessedActivity" ("key", "processedAt") VALUES (?, ?) ON CONFLICT DO NOTHING';

export class ActivityLedger {
  /** how often each path was taken (tests and the bench read it) */
  readonly counts = { fast: 0, prisma: 0 };

  constructor(
    private readonly db: Db,
    private readonly sqlite: PreparedSqlite,
  ) {}

  /** true the first time this key is recorded; false when it was already there (a redelivery). */
  async firstDelivery(key: string, at: Date): Promise<boolean> {
    const fast = this.sqlite.single((s) => s.run(INSERT_SQL, key, sqliteTimestamp(at)).changes === 1);
    if (fast !== undefined) {
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
}
