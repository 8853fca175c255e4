-- The processedAt index only served the nightly purge of rows older than two days (a scan of a small
-- table); every message turn paid for keeping it. See the SQLite migration of the same name.

-- DropIndex
DROP INDEX "ProcessedActivity_processedAt_idx";

