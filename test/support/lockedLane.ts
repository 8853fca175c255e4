/**
 * For the fast-lane tests (src/db/preparedSqlite.ts): while `work` runs, every attempt of the bot's fast
 * lane finds SQLite's write lock held by another connection (another instance, an import) and meets a
 * real SQLITE_BUSY; the lock is let go right after each attempt, before the Prisma path's write runs.
 * (Prisma on libsql waits for a lock synchronously, blocking the event loop: a lock held across awaits
 * by this test could then never be released, while another process's would.)
 */
import Database from 'libsql';
import type { RunningWijkbot } from '../../src/index';

export async function withLockHeldAtEachFastWrite<T>(bot: RunningWijkbot, work: () => Promise<T>): Promise<T> {
  const other = new Database(bot.services.config.databaseFile);
  const sqlite = bot.services.sqlite;
  const original = sqlite.transaction;
  sqlite.transaction = function (this: typeof sqlite, unit) {
    other.exec('BEGIN IMMEDIATE');
    try {
      return original.call(this, unit);
    } finally {
      other.exec('COMMIT');
    }
  } as typeof sqlite.transaction;
  try {
    return await work();
  } finally {
    sqlite.transaction = original;
    other.close();
  }
}
