/**
 * The PostgreSQL twin of the Prisma schema. prisma/schema/*.prisma (SQLite) is the one source of truth; a
 * datasource provider is a literal in Prisma, so PostgreSQL needs a second schema with its own generated
 * client. It is derived here: same models, provider swapped, client written to src/generated/prisma-pg.
 * Nothing derived is committed except the PostgreSQL migrations (prisma/migrations-pg) and the snapshot of
 * the schema they describe (prisma/migrations-pg-schema; outside the migrations folder, which Prisma reads as migrations only), from which the next PostgreSQL migration is diffed.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const ROOT = path.resolve(__dirname, '..', '..');
export const SQLITE_SCHEMA_DIR = path.join(ROOT, 'prisma', 'schema');
/** generated, git-ignored: what `prisma generate` of the PostgreSQL client reads */
export const PG_SCHEMA_DIR = path.join(ROOT, 'src', 'generated', 'pg-schema');
export const PG_MIGRATIONS_DIR = path.join(ROOT, 'prisma', 'migrations-pg');
export const SQLITE_MIGRATIONS_DIR = path.join(ROOT, 'prisma', 'migrations');
/** committed: the schema that prisma/migrations-pg brings a database to */
export const PG_SNAPSHOT_DIR = path.join(ROOT, 'prisma', 'migrations-pg-schema');
const PG_CONFIG = path.join(__dirname, 'prisma.config.ts');

/** base.prisma with the provider, url and client output swapped; feature files unchanged. */
export function postgresSchemaText(file: string, text: string): string {
  if (file !== 'base.prisma') return text;
  const swapped = text
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost/wijkbot"')
    .replace(/output\s*=\s*"[^"]*"/, 'output       = "../prisma-pg"');
  if (!swapped.includes('"postgresql"')) throw new Error('prisma/schema/base.prisma: geen `provider = "sqlite"` gevonden om te vervangen');
  return `// GENERATED from prisma/schema/base.prisma by scripts/pg/schema.ts: edit that file, not this one.\n${swapped}`;
}

export function readSchemaFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.prisma')).sort()) files.set(name, fs.readFileSync(path.join(dir, name), 'utf8'));
  return files;
}

/** The current schema as PostgreSQL sees it (file name → text). */
export function currentPostgresSchema(): Map<string, string> {
  const out = new Map<string, string>();
  for (const [name, text] of readSchemaFiles(SQLITE_SCHEMA_DIR)) out.set(name, postgresSchemaText(name, text));
  return out;
}

export function writeSchemaDir(dir: string, files: Map<string, string>): void {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const [name, text] of files) fs.writeFileSync(path.join(dir, name), text);
}

function prismaCli(): string {
  return require.resolve('prisma/build/index.js', { paths: [ROOT] });
}

/** Writes src/generated/pg-schema and generates the PostgreSQL client into src/generated/prisma-pg. */
export async function generatePostgresClient(): Promise<void> {
  writeSchemaDir(PG_SCHEMA_DIR, currentPostgresSchema());
  await run(process.execPath, [prismaCli(), 'generate', '--config', PG_CONFIG], {
    cwd: ROOT,
    env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
}

/**
 * `prisma migrate diff` between two PostgreSQL schema folders (null: from empty), as SQL. The schema
 * engine connects to the adapter's database even for this, so `url` is a throwaway cluster's.
 */
export async function diffPostgres(fromDir: string | null, toDir: string, url: string): Promise<string> {
  const from = fromDir ? ['--from-schema-datamodel', fromDir] : ['--from-empty'];
  const { stdout } = await run(process.execPath, [prismaCli(), 'migrate', 'diff', '--config', PG_CONFIG, ...from, '--to-schema-datamodel', toDir, '--script'], {
    cwd: ROOT,
    env: { ...process.env, PG_DIFF_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

export function migrationDirs(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, 'migration.sql')))
    .map((d) => d.name)
    .sort();
}

/** SQLite migrations that have no PostgreSQL twin of the same name (yet). */
export function migrationsWithoutTwin(): string[] {
  const pg = new Set(migrationDirs(PG_MIGRATIONS_DIR));
  return migrationDirs(SQLITE_MIGRATIONS_DIR).filter((m) => !pg.has(m));
}

if (require.main === module) {
  generatePostgresClient().then(
    () => console.log('wijkbot: PostgreSQL client generated (src/generated/prisma-pg)'),
    (err) => {
      console.error(`wijkbot: PostgreSQL client not generated: ${(err as Error).message}`);
      process.exit(1);
    },
  );
}
