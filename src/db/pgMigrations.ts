/**
 * Applies prisma/migrations-pg to a PostgreSQL database. Prisma 6.19's WebAssembly schema engine cannot
 * run `migrate deploy` against PostgreSQL offline (it fails reading the catalog: "Column type 'name' could
 * not be deserialized"), so this runner does what deploy does, in the same bookkeeping:
 *
 * - Prisma's `_prisma_migrations` table, same columns, checksum = sha256 of the migration file (what Prisma
 *   computes), so `prisma migrate deploy` or `migrate status` can take over later and sees them as applied;
 * - one transaction per migration: a migration that fails leaves nothing behind and is retried at the
 *   next start (Prisma instead records a failed row that needs `migrate resolve`);
 * - under the same session advisory lock as Prisma Migrate (key 72707369): when several instances start at
 *   once, one migrates and the others wait, then find nothing pending. Prisma's own deploy takes the same
 *   lock, so the two never run together either.
 * Plain `pg`, not the Prisma client: a migration file holds many statements, which only the simple query
 * protocol runs in one call.
 */
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { projectRoot } from './migrate';

/** Prisma Migrate's advisory lock key for PostgreSQL (schema-engine's postgres connector). */
export const PRISMA_MIGRATE_LOCK_KEY = 72707369;

/** `_prisma_migrations` exactly as Prisma Migrate creates it on PostgreSQL. */
const BOOKKEEPING_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export function pgMigrationsDir(root = projectRoot()): string {
  return path.join(root, 'prisma', 'migrations-pg');
}

export interface PgMigration {
  name: string;
  sql: string;
  checksum: string;
}

export function readPgMigrations(dir = pgMigrationsDir()): PgMigration[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const bytes = fs.readFileSync(path.join(dir, name, 'migration.sql'));
      return { name, sql: bytes.toString('utf8'), checksum: createHash('sha256').update(bytes).digest('hex') };
    });
}

export interface PgMigrateResult {
  applied: string[];
  /** applied earlier, but the file has changed since (Prisma would warn too); never re-applied */
  changedSinceApplied: string[];
}

/** Migrates the database at `url`; safe to call from several processes at once. */
export async function migratePostgres(url: string, opts: { dir?: string; lockTimeoutMs?: number } = {}): Promise<PgMigrateResult> {
  const migrations = readPgMigrations(opts.dir);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined); // a dropped connection surfaces as the failing query below
  await client.connect();
  try {
    // waits while another instance migrates; a stuck one fails this start instead of hanging it forever
    await client.query(`SET lock_timeout = ${Math.round(opts.lockTimeoutMs ?? 10 * 60_000)}`);
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK_KEY]);
    try {
      await client.query(BOOKKEEPING_DDL);
      const rows = (await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
        'SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations"',
      )).rows;
      const unfinished = rows.filter((r) => !r.finished_at && !r.rolled_back_at);
      if (unfinished.length) {
        throw new Error(`migratie ${unfinished[0]!.migration_name} staat als mislukt in _prisma_migrations: los dat eerst op (prisma migrate resolve)`);
      }
      const done = new Map(rows.filter((r) => r.finished_at && !r.rolled_back_at).map((r) => [r.migration_name, r.checksum]));
      const result: PgMigrateResult = { applied: [], changedSinceApplied: [] };
      for (const m of migrations) {
        const checksum = done.get(m.name);
        if (checksum !== undefined) {
          if (checksum !== m.checksum) result.changedSinceApplied.push(m.name);
          continue;
        }
        await applyOne(client, m);
        result.applied.push(m.name);
      }
      return result;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function applyOne(client: pg.Client, m: PgMigration): Promise<void> {
  const id = randomUUID();
  await client.query('BEGIN');
  try {
    await client.query(
      'INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "applied_steps_count") VALUES ($1, $2, $3, now(), 0)',
      [id, m.checksum, m.name],
    );
    await client.query(m.sql);
    await client.query('UPDATE "_prisma_migrations" SET "finished_at" = now(), "applied_steps_count" = 1 WHERE "id" = $1', [id]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new Error(`migratie ${m.name} mislukt: ${(err as Error).message}`);
  }
}

/** Names of applied migrations (for tests and `pendingMigrations`-style checks). */
export async function appliedPgMigrations(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ migration_name: string }>(
      'SELECT "migration_name" FROM "_prisma_migrations" WHERE "finished_at" IS NOT NULL AND "rolled_back_at" IS NULL ORDER BY "migration_name"',
    );
    return rows.map((r) => r.migration_name);
  } catch {
    return [];
  } finally {
    await client.end().catch(() => undefined);
  }
}
