-- The redelivery record (ProcessedActivity) is written on every message turn, before the turn acts.
-- As a rowid table with its key and processedAt indexes, each insert changed three B-trees (three pages
-- appended to the WAL); now it changes one. The processedAt index only served the nightly purge of rows
-- older than two days, a scan of a small table. The table is rebuilt WITHOUT ROWID (by hand: Prisma's
-- diff only drops the index); rows are copied, so a redelivery after the upgrade still finds its row.

-- DropIndex
DROP INDEX "ProcessedActivity_processedAt_idx";

-- RedefineTable
CREATE TABLE "new_ProcessedActivity" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "processedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
) WITHOUT ROWID;
INSERT INTO "new_ProcessedActivity" ("key", "processedAt") SELECT "key", "processedAt" FROM "ProcessedActivity";
DROP TABLE "ProcessedActivity";
ALTER TABLE "new_ProcessedActivity" RENAME TO "ProcessedActivity";
