/**
 * The redelivery record (ProcessedActivity) is written outside Prisma when it can (src/db/activityLedger.ts:
 * its own libsql connection with a prepared statement, falling back to Prisma when the lock is taken).
 * Whichever path writes it, the row must be the one Prisma reads and prunes, and a redelivery must act once:
 * while a transaction holds the lock, and when another instance (Prisma path only) recorded it first.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '@libsql/client';
import { ActivityLedger } from '../../src/db/activityLedger';
import { PreparedSqlite } from '../../src/db/preparedSqlite';
import { PROCESSED_ACTIVITY_RETENTION_MS } from '../../src/teams/handlers/housekeeping';
import { personalMessage } from '../support/activities';
import { startTestBot, type TestBot } from '../support/harness';
import { testingOnPostgres } from '../support/pgDatabases';
import { importRoster, USERS } from '../support/roster';

let t: TestBot;
afterEach(async () => t?.stop());

const keyOf = (activity: { conversation: { id: string }; id: string }) => `${activity.conversation.id}|${activity.id}`;

test('the record of a handled message is a row Prisma reads back with its time, and housekeeping prunes it only when old', async () => {
  const now = new Date('2026-11-23T10:00:00Z');
  t = await startTestBot({ clock: () => now });
  await importRoster(t.bot);
  const activity = personalMessage(t.stub.url, USERS.gpOost, 'wie ben ik', { id: 'ledger-1' });
  await t.post(activity);
  const row = await t.bot.services.db.processedActivity.findUnique({ where: { key: keyOf(activity) } });
  expect(row?.processedAt.toISOString()).toBe(now.toISOString());

  // the pruning query of housekeeping: a cutoff before the record keeps it, one after removes it
  const prune = (at: Date) => t.bot.services.db.processedActivity.deleteMany({ where: { key: keyOf(activity), processedAt: { lt: new Date(at.getTime() - PROCESSED_ACTIVITY_RETENTION_MS) } } });
  expect((await prune(now)).count).toBe(0);
  expect((await prune(new Date(now.getTime() + PROCESSED_ACTIVITY_RETENTION_MS + 1000))).count).toBe(1);
});

test('a redelivery while a transaction holds the database lock still acts once, and both answers wait for the lock instead of failing', async () => {
  t = await startTestBot();
  await importRoster(t.bot);
  const activity = personalMessage(t.stub.url, USERS.gpOost, 'wie ben ik', { id: 'ledger-2' });
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const tx = t.bot.services.db.$transaction(async (db) => {
    await db.$executeRaw`UPDATE "Person" SET "name" = "name" WHERE 1 = 0`;
    await held;
  });
  await new Promise((r) => setTimeout(r, 50)); // the transaction has the write lock
  const first = t.post(activity);
  const again = t.post(activity);
  await new Promise((r) => setTimeout(r, 200));
  release();
  await tx;
  expect((await first).status).toBe(200);
  expect((await again).status).toBe(200);
  expect(t.stub.sentTexts()).toHaveLength(1);
  expect(await t.bot.services.db.processedActivity.count({ where: { key: keyOf(activity) } })).toBe(1);
});

test('another instance (recording through Prisma) and this one agree on who was first, whichever wrote the row', async () => {
  t = await startTestBot();
  await importRoster(t.bot);
  const other = new ActivityLedger(t.bot.services.db, new PreparedSqlite(null)); // an instance without the fast path

  // this instance handled it: the other one sees a redelivery
  const handledHere = personalMessage(t.stub.url, USERS.gpOost, 'wie ben ik', { id: 'ledger-3' });
  await t.post(handledHere);
  expect(t.stub.sentTexts()).toHaveLength(1);
  expect(await other.firstDelivery(keyOf(handledHere), new Date())).toBe(false);

  // the other one handled it first: this instance does not act
  const handledThere = personalMessage(t.stub.url, USERS.gpOost, 'wie ben ik', { id: 'ledger-4' });
  expect(await other.firstDelivery(keyOf(handledThere), new Date())).toBe(true);
  await t.post(handledThere);
  expect(t.stub.sentTexts()).toHaveLength(1);
});

// ---- the table itself (SQLite): written on every message turn, so one B-tree and nothing else ----------

const MIGRATIONS = path.resolve(__dirname, '../../prisma/migrations');
const ONE_BTREE = fs.readdirSync(MIGRATIONS).find((d) => d.endsWith('_groups_processed_activity_one_btree'))!;

(testingOnPostgres() ? describe.skip : describe)('the ProcessedActivity table on SQLite', () => {
  test('is WITHOUT ROWID with no index besides its key, so recording a message changes one B-tree', async () => {
    t = await startTestBot();
    const db = t.bot.services.db;
    const [table] = await db.$queryRawUnsafe<{ sql: string }[]>(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'ProcessedActivity'`);
    expect(table?.sql).toMatch(/WITHOUT ROWID/);
    const indexes = await db.$queryRawUnsafe<{ name: string; origin: string }[]>(`SELECT name, origin FROM pragma_index_list('ProcessedActivity')`);
    expect(indexes.map((i) => i.origin)).toEqual(['pk']);
  });

  test('the migration that rebuilds it keeps every record: a redelivery after the upgrade still acts once', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkbot-ledger-'));
    const client = createClient({ url: `file:${path.join(dir, 'before.db')}` });
    try {
      // the table as the foundation migration made it, with two records in it
      await client.executeMultiple(`
        CREATE TABLE "ProcessedActivity" ("key" TEXT NOT NULL PRIMARY KEY, "processedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP);
        CREATE INDEX "ProcessedActivity_processedAt_idx" ON "ProcessedActivity"("processedAt");
        INSERT INTO "ProcessedActivity" ("key", "processedAt") VALUES ('conv-a|1', '2026-11-23T10:00:00.000+00:00'), ('conv-b|7', '2026-11-24T09:30:00.000+00:00');`);
      await client.executeMultiple(fs.readFileSync(path.join(MIGRATIONS, ONE_BTREE, 'migration.sql'), 'utf8'));
      const rows = await client.execute(`SELECT "key", "processedAt" FROM "ProcessedActivity" ORDER BY "key"`);
      expect(rows.rows.map((r) => [r.key, r.processedAt])).toEqual([
        ['conv-a|1', '2026-11-23T10:00:00.000+00:00'],
        ['conv-b|7', '2026-11-24T09:30:00.000+00:00'],
      ]);
      const again = await client.execute({ sql: `INSERT INTO "ProcessedActivity" ("key", "processedAt") VALUES (?, ?) ON CONFLICT DO NOTHING`, args: ['conv-a|1', '2026-11-25T08:00:00.000+00:00'] });
      expect(again.rowsAffected).toBe(0);
    } finally {
      client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
