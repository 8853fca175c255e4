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

/**
 * Migrates a new database file under a private name and renames it into place, so nobody (a second test
 * run, the bench, a starting bot) ever sees a missing or half-migrated file. Next to it, the list of
 * migrations it holds, so a copy is only used by a checkout whose migrations start with the same list.
 */
export async function buildMigratedFile(target: string): Promise<void> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const building = `${target}.${process.pid}.tmp`;
  fs.rmSync(building, { force: true });
  await deployMigrations(building);
  fs.writeFileSync(`${target}.migrations.json`, JSON.stringify(migrationNames()));
  fs.renameSync(building, target);
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${building}${suffix}`, { force: true });
}

/**
 * An empty database with every migration applied, made once at install time (`npm install` runs
 * scripts/prepare-db-template.ts). A first start copies it instead of starting the Prisma CLI (~1.3 s),
 * which keeps start-to-ready under 3 s; it lives with the installed packages, so a fresh clone never
 * finds one from elsewhere, and migrations added after the install are still applied by ensureMigrated.
 */
export function installTemplatePath(root = projectRoot()): string {
  return path.join(root, 'node_modules', '.cache', 'wijkbot', 'migrated-empty.db');
}

function templateMigrations(template: string): unknown[] | null {
  try {
    const held = JSON.parse(fs.readFileSync(`${template}.migrations.json`, 'utf8')) as unknown;
    return Array.isArray(held) ? held : null;
  } catch {
    return null;
  }
}

/** The template's migrations must be where this checkout's begin (another branch's template is not used). */
function templateFits(template: string): boolean {
  const held = templateMigrations(template);
  const ours = migrationNames();
  return held !== null && held.length <= ours.length && held.every((name, i) => name === ours[i]);
}

/** The template holds exactly this checkout's migrations (a migration added since `npm install` makes it stale). */
export function templateIsCurrent(template = installTemplatePath()): boolean {
  return fs.existsSync(template) && JSON.stringify(templateMigrations(template)) === JSON.stringify(migrationNames());
}

/**
 * true when the database file did not exist and was created as a copy of the install-time template. The
 * copy is made under a private name and linked into place (which fails if the file appeared meanwhile),
 * so a crash or a full disk never leaves a half-copied database behind.
 */
export function createFromTemplate(databaseFile: string, template = installTemplatePath()): boolean {
  if (fs.existsSync(databaseFile) || !fs.existsSync(template) || !templateFits(template)) return false;
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
  const copying = `${databaseFile}.${process.pid}.tmp`;
  try {
    fs.copyFileSync(template, copying);
    fs.linkSync(copying, databaseFile);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false; // another process was first
    throw err;
  } finally {
    fs.rmSync(copying, { force: true });
  }
}

export async function ensureMigrated(db: Db, databaseFile: string): Promise<string[]> {
  const pending = await pendingMigrations(db);
  if (pending.length) await deployMigrations(databaseFile);
  return pending;
}
