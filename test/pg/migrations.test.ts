/**
 * Two migration folders, one schema. prisma/schema (SQLite) is the source of truth; prisma/migrations-pg
 * must bring PostgreSQL to the same place, and the runner (src/db/pgMigrations.ts) must apply it the way
 * Prisma would. A migration added for SQLite without its PostgreSQL twin fails here, with the command that
 * writes the twin.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '@libsql/client';
import pg from 'pg';
import { buildMigratedFile, installTemplatePath, templateIsCurrent } from '../../src/db/migrate';
import { migratePostgres, PRISMA_MIGRATE_LOCK_KEY, readPgMigrations } from '../../src/db/pgMigrations';
import { currentPostgresSchema, diffPostgres, migrationDirs, PG_MIGRATIONS_DIR, SQLITE_MIGRATIONS_DIR, writeSchemaDir } from '../../scripts/pg/schema';
import { snapshotIsCurrent } from '../../scripts/pg/twin-migrations';
import { adminQuery, clusterUrl, createTestDatabase, dropTestDatabase } from '../support/pgDatabases';

const HOW_TO_FIX = 'run `npm run db:migration:pg` (writes the PostgreSQL twin) and commit prisma/migrations-pg and prisma/migrations-pg-schema';

async function emptyDatabase(): Promise<{ url: string; name: string }> {
  const name = `e_${Math.random().toString(36).slice(2, 10)}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  return { url: clusterUrl(name), name };
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Everything that makes up the schema in PostgreSQL's catalog, as sorted lines (bookkeeping table left out). */
async function pgCatalog(url: string): Promise<string[]> {
  return withClient(url, async (c) => {
    const cols = await c.query(`SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`);
    const cons = await c.query(`SELECT conrelid::regclass::text AS t, conname, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"')`);
    const idx = await c.query(`SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
    return [
      ...cols.rows.map((r) => `column ${r.table_name}.${r.column_name} ${r.data_type} ${r.is_nullable} ${r.column_default ?? ''}`),
      ...cons.rows.map((r) => `constraint ${r.t} ${r.conname} ${r.def}`),
      ...idx.rows.map((r) => `index ${r.indexdef}`),
    ].sort();
  });
}

// ---- a provider-neutral picture of a schema: tables, columns, keys, indexes, foreign keys -------------

const ACTIONS: Record<string, string> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

function neutralType(t: string): string {
  const s = t.toLowerCase();
  if (s === 'text') return 'text';
  if (s === 'integer') return 'int';
  if (s === 'boolean') return 'bool';
  if (s === 'datetime' || s.startsWith('timestamp')) return 'timestamp';
  if (s === 'double precision' || s === 'real') return 'float';
  return s;
}

function neutralDefault(d: string | null): string {
  if (d === null) return '';
  if (d.startsWith('nextval(')) return 'autoincrement';
  return d.replace(/::[a-z ]+(\(\d+\))?$/i, '');
}

async function pgNeutral(url: string): Promise<string[]> {
  return withClient(url, async (c) => {
    const out: string[] = [];
    const cols = await c.query(`SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`);
    for (const r of cols.rows) out.push(`column ${r.table_name}.${r.column_name} ${neutralType(r.data_type)} ${r.is_nullable === 'NO' ? 'not null' : 'null'} default=${neutralDefault(r.column_default)}`);
    const idx = await c.query(`SELECT t.relname AS tbl, i.indisunique AS uniq, i.indisprimary AS pk,
        array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n ORDER BY k.o)::text[] AS cols
      FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace ns ON ns.oid = t.relnamespace
      WHERE ns.nspname = 'public' AND t.relname <> '_prisma_migrations'`);
    for (const r of idx.rows) out.push(`${r.pk ? 'primary key' : r.uniq ? 'unique index' : 'index'} ${r.tbl}(${(r.cols as string[]).join(',')})`);
    const fks = await c.query(`SELECT c.conrelid::regclass::text AS tbl, c.confrelid::regclass::text AS ref, c.confdeltype AS del, c.confupdtype AS upd,
        array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS cols,
        array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS refcols
      FROM pg_constraint c WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace`);
    for (const r of fks.rows) {
      out.push(`foreign key ${r.tbl.replace(/"/g, '')}(${r.cols.join(',')}) -> ${r.ref.replace(/"/g, '')}(${r.refcols.join(',')}) on delete ${ACTIONS[r.del]} on update ${ACTIONS[r.upd]}`);
    }
    return out.sort();
  });
}

async function sqliteNeutral(file: string): Promise<string[]> {
  const db = createClient({ url: `file:${file}` });
  try {
    const out: string[] = [];
    const tables = (await db.execute(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations'`)).rows;
    for (const t of tables) {
      const name = String(t.name);
      const ddl = String(t.sql);
      const cols = (await db.execute(`PRAGMA table_info("${name}")`)).rows;
      const pk = cols.filter((c) => Number(c.pk) > 0).sort((a, b) => Number(a.pk) - Number(b.pk)).map((c) => String(c.name));
      for (const c of cols) {
        const auto = new RegExp(`"${String(c.name)}"[^,]*AUTOINCREMENT`).test(ddl);
        const dflt = auto ? 'autoincrement' : c.dflt_value === null ? '' : String(c.dflt_value);
        out.push(`column ${name}.${String(c.name)} ${neutralType(String(c.type))} ${Number(c.notnull) || pk.includes(String(c.name)) ? 'not null' : 'null'} default=${dflt}`);
      }
      out.push(`primary key ${name}(${pk.join(',')})`);
      for (const i of (await db.execute(`PRAGMA index_list("${name}")`)).rows) {
        if (String(i.origin) === 'pk') continue;
        const icols = (await db.execute(`PRAGMA index_info("${String(i.name)}")`)).rows.sort((a, b) => Number(a.seqno) - Number(b.seqno)).map((r) => String(r.name));
        out.push(`${Number(i.unique) ? 'unique index' : 'index'} ${name}(${icols.join(',')})`);
      }
      const fks = new Map<number, { ref: string; cols: string[]; refcols: string[]; del: string; upd: string }>();
      for (const f of (await db.execute(`PRAGMA foreign_key_list("${name}")`)).rows) {
        const id = Number(f.id);
        const fk = fks.get(id) ?? { ref: String(f.table), cols: [], refcols: [], del: String(f.on_delete), upd: String(f.on_update) };
        fk.cols.push(String(f.from));
        fk.refcols.push(String(f.to));
        fks.set(id, fk);
      }
      for (const fk of fks.values()) out.push(`foreign key ${name}(${fk.cols.join(',')}) -> ${fk.ref}(${fk.refcols.join(',')}) on delete ${fk.del} on update ${fk.upd}`);
    }
    return out.sort();
  } finally {
    db.close();
  }
}

let scratch: string;
beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkbot-pgmig-'));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

test('every SQLite migration has a PostgreSQL twin of the same name, and no twin is without one', () => {
  const sqlite = migrationDirs(SQLITE_MIGRATIONS_DIR);
  const postgres = migrationDirs(PG_MIGRATIONS_DIR);
  expect({ withoutTwin: sqlite.filter((m) => !postgres.includes(m)), howToFix: HOW_TO_FIX }).toEqual({ withoutTwin: [], howToFix: HOW_TO_FIX });
  expect({ twinWithoutSqlite: postgres.filter((m) => !sqlite.includes(m)) }).toEqual({ twinWithoutSqlite: [] });
  expect({ snapshotIsCurrent: snapshotIsCurrent(), howToFix: HOW_TO_FIX }).toEqual({ snapshotIsCurrent: true, howToFix: HOW_TO_FIX });
});

test('prisma/migrations-pg brings an empty PostgreSQL database to exactly the current schema', async () => {
  const migrated = await createTestDatabase(); // the run's template: every migration applied by the runner
  const direct = await emptyDatabase();
  try {
    const to = path.join(scratch, 'current');
    writeSchemaDir(to, currentPostgresSchema());
    const sql = await diffPostgres(null, to, direct.url);
    await withClient(direct.url, (c) => c.query(sql));
    expect({ catalog: await pgCatalog(migrated.url), howToFix: HOW_TO_FIX }).toEqual({ catalog: await pgCatalog(direct.url), howToFix: HOW_TO_FIX });
  } finally {
    await dropTestDatabase(migrated.name);
    await dropTestDatabase(direct.name);
  }
}, 120_000);

test('the SQLite and the PostgreSQL migrations describe the same tables, columns, keys, indexes and foreign keys', async () => {
  let sqliteFile = installTemplatePath();
  if (!templateIsCurrent(sqliteFile)) {
    sqliteFile = path.join(scratch, 'sqlite.db');
    await buildMigratedFile(sqliteFile);
  }
  const migrated = await createTestDatabase();
  try {
    const [lite, post] = [await sqliteNeutral(sqliteFile), await pgNeutral(migrated.url)];
    expect(lite.length).toBeGreaterThan(100);
    expect({ onlyInSqlite: lite.filter((l) => !post.includes(l)), onlyInPostgres: post.filter((l) => !lite.includes(l)) }).toEqual({ onlyInSqlite: [], onlyInPostgres: [] });
  } finally {
    await dropTestDatabase(migrated.name);
  }
}, 120_000);

describe('the migration runner', () => {
  test("keeps Prisma's bookkeeping: one finished row per migration, checksum = sha256 of the file", async () => {
    const db = await createTestDatabase();
    try {
      const rows = await withClient(db.url, async (c) => (await c.query('SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name')).rows);
      const files = readPgMigrations();
      expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
      for (const [i, r] of rows.entries()) {
        const bytes = fs.readFileSync(path.join(PG_MIGRATIONS_DIR, files[i]!.name, 'migration.sql'));
        expect(r.checksum).toBe(createHash('sha256').update(bytes).digest('hex'));
        expect(r.finished_at).toBeInstanceOf(Date);
        expect(r.rolled_back_at).toBeNull();
        expect(r.applied_steps_count).toBe(1);
      }
      expect(await migratePostgres(db.url)).toEqual({ applied: [], changedSinceApplied: [] }); // nothing pending
    } finally {
      await dropTestDatabase(db.name);
    }
  });

  test('several instances starting at once on an empty database: each migration is applied once, none fails', async () => {
    const db = await emptyDatabase();
    try {
      const results = await Promise.all(Array.from({ length: 4 }, () => migratePostgres(db.url)));
      const applied = results.flatMap((r) => r.applied).sort();
      expect(applied).toEqual(readPgMigrations().map((m) => m.name));
      const count = await withClient(db.url, async (c) => (await c.query('SELECT count(*)::int AS n FROM _prisma_migrations')).rows[0].n);
      expect(count).toBe(applied.length);
    } finally {
      await dropTestDatabase(db.name);
    }
  }, 60_000);

  test('waits for the lock Prisma Migrate takes: it does not migrate while `prisma migrate` holds it', async () => {
    const db = await emptyDatabase();
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1)', [PRISMA_MIGRATE_LOCK_KEY]);
      let done = false;
      const running = migratePostgres(db.url).then((r) => ((done = true), r));
      await new Promise((r) => setTimeout(r, 500));
      expect(done).toBe(false);
      await holder.query('SELECT pg_advisory_unlock($1)', [PRISMA_MIGRATE_LOCK_KEY]);
      expect((await running).applied.length).toBe(readPgMigrations().length);
    } finally {
      await holder.end();
      await dropTestDatabase(db.name);
    }
  });

  test('a migration that fails leaves nothing behind (no table, no bookkeeping row) and the error names it', async () => {
    const dir = path.join(scratch, 'broken');
    fs.mkdirSync(path.join(dir, '20260101000000_ok'), { recursive: true });
    fs.writeFileSync(path.join(dir, '20260101000000_ok', 'migration.sql'), 'CREATE TABLE "A" ("id" TEXT PRIMARY KEY);');
    fs.mkdirSync(path.join(dir, '20260102000000_broken'), { recursive: true });
    fs.writeFileSync(path.join(dir, '20260102000000_broken', 'migration.sql'), 'CREATE TABLE "B" ("id" TEXT PRIMARY KEY);\nALTER TABLE "Missing" ADD COLUMN "x" TEXT;');
    const db = await emptyDatabase();
    try {
      await expect(migratePostgres(db.url, { dir })).rejects.toThrow(/20260102000000_broken/);
      const state = await withClient(db.url, async (c) => ({
        tables: (await c.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)).rows.map((r) => r.table_name),
        recorded: (await c.query('SELECT migration_name FROM _prisma_migrations')).rows.map((r) => r.migration_name),
      }));
      expect(state).toEqual({ tables: ['A', '_prisma_migrations'], recorded: ['20260101000000_ok'] });
    } finally {
      await dropTestDatabase(db.name);
    }
  });
});
