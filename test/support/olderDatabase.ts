/**
 * "A database one migration behind" (an older back-up, an instance that starts on an older file): the newest
 * migration undone by hand on a migrated SQLite file. Each migration that becomes the newest brings its undo
 * here; the assertion below says so when one is missing, instead of a test failing on a table it expected.
 */
import type { Db } from '../../src/db/client';

const UNDO: Record<string, string[]> = {
  // back to the rowid table with its processedAt index (20261123180853_groups_foundation)
  groups_processed_activity_one_btree: [
    'DROP TABLE "ProcessedActivity"',
    'CREATE TABLE "ProcessedActivity" ("key" TEXT NOT NULL PRIMARY KEY, "processedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP)',
    'CREATE INDEX "ProcessedActivity_processedAt_idx" ON "ProcessedActivity"("processedAt")',
  ],
};

/** Undoes the newest applied migration and forgets it was applied; returns its name. */
export async function undoNewestMigration(db: Db): Promise<string> {
  const [newest] = await db.$queryRawUnsafe<{ migration_name: string }[]>('SELECT MAX("migration_name") AS migration_name FROM "_prisma_migrations"');
  const name = newest!.migration_name;
  const undo = Object.entries(UNDO).find(([suffix]) => name.endsWith(`_${suffix}`))?.[1];
  if (!undo) throw new Error(`test/support/olderDatabase.ts has no undo for the newest migration ${name}: add one`);
  for (const sql of undo) await db.$executeRawUnsafe(sql);
  await db.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE "migration_name" = '${name}'`);
  return name;
}
