/**
 * Applies pending migrations with Prisma's own `migrate deploy` (the checked, recorded path), but only
 * when something is pending: a warm restart then costs one small query instead of ~1.5 s of CLI start-up.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Db } from './client';

const run = promisify(execFile);

export function projectRoot(): string {
  // works from src/db (tsx, jest) and from dist/src/db (compiled)
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'prisma.config.ts'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('prisma.config.ts niet gevonden boven ' + __dirname);
    dir = up;
  }
  return dir;
}

export function migrationNames(root = projectRoot()): string[] {
  const dir = path.join(root, 'prisma', 'migrations');
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

async function appliedMigrations(db: Db): Promise<Set<string>> {
  try {
    const rows = await db.$queryRawUnsafe<{ migration_name: string }[]>(
      'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL',
    );
    return new Set(rows.map((r) => r.migration_name));
  } catch {
    return new Set(); // a fresh database has no _prisma_migrations table yet
  }
}

export async function pendingMigrations(db: Db): Promise<string[]> {
  const applied = await appliedMigrations(db);
  return migrationNames().filter((m) => !applied.has(m));
}

/** Runs `prisma migrate deploy` against the given SQLite file. */
export async function deployMigrations(databaseFile: string): Promise<void> {
  const root = projectRoot();
  const cli = require.resolve('prisma/build/index.js', { paths: [root] });
  await run(process.execPath, [cli, 'migrate', 'deploy'], {
    cwd: root,
    env: { ...process.env, DATABASE_FILE: databaseFile, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
}

export async function ensureMigrated(db: Db, databaseFile: string): Promise<string[]> {
  const pending = await pendingMigrations(db);
  if (pending.length) await deployMigrations(databaseFile);
  return pending;
}
