/**
 * `npm run db:migration:pg`: writes the PostgreSQL twin of every SQLite migration that has none yet
 * (prisma/migrations/<name> → prisma/migrations-pg/<name>), so both folders describe the same schema.
 * `npm run db:migration` calls this itself after writing a SQLite migration; run it by hand when a
 * migration came from elsewhere (a branch made before PostgreSQL existed, a rebase).
 *
 * How: the committed snapshot prisma/migrations-pg-schema is the schema that prisma/migrations-pg brings a
 * database to; the twin is `prisma migrate diff` from that snapshot to the current prisma/schema (provider
 * swapped), and the snapshot moves on. Several SQLite migrations without a twin share one diff: the last
 * gets the SQL, the others a comment naming it (the end state is what has to match, and
 * test/pg/migrations.test.ts checks that it does). The schema engine needs a PostgreSQL server even for a
 * schema-to-schema diff: a throwaway cluster is started and removed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPgCluster } from './cluster';
import {
  currentPostgresSchema, diffPostgres, migrationsWithoutTwin, PG_MIGRATIONS_DIR, PG_SNAPSHOT_DIR, readSchemaFiles, writeSchemaDir,
} from './schema';

const SNAPSHOT_NOTE = `The schema that prisma/migrations-pg brings a PostgreSQL database to, written by
\`npm run db:migration:pg\` (scripts/pg/twin-migrations.ts): the next PostgreSQL migration is diffed from here.
Never edit by hand. On a merge conflict here, take main's side and run \`npm run db:migration:pg\` again.
`;

export async function writeTwinMigrations(log: (line: string) => void = console.log): Promise<string[]> {
  const missing = migrationsWithoutTwin();
  if (!missing.length) {
    log('Elke migratie in prisma/migrations heeft een PostgreSQL-tweeling in prisma/migrations-pg.');
    return [];
  }
  const current = currentPostgresSchema();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkbot-pgdiff-'));
  const cluster = await startPgCluster();
  try {
    const to = path.join(scratch, 'to');
    writeSchemaDir(to, current);
    const from = fs.existsSync(PG_SNAPSHOT_DIR) ? PG_SNAPSHOT_DIR : null;
    const sql = await diffPostgres(from, to, cluster.url());
    const last = missing[missing.length - 1]!;
    for (const name of missing) {
      const body = name === last
        ? (/CREATE|ALTER|DROP/.test(sql) ? sql : '-- no change for PostgreSQL\n')
        : `-- PostgreSQL: this migration's change is written in ${last}\n`;
      fs.mkdirSync(path.join(PG_MIGRATIONS_DIR, name), { recursive: true });
      fs.writeFileSync(path.join(PG_MIGRATIONS_DIR, name, 'migration.sql'), body);
      log(`Nieuwe PostgreSQL-migratie: prisma/migrations-pg/${name}/migration.sql`);
    }
    writeSnapshot(current);
    return missing;
  } finally {
    cluster.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

function writeSnapshot(files: Map<string, string>): void {
  writeSchemaDir(PG_SNAPSHOT_DIR, files);
  fs.writeFileSync(path.join(PG_SNAPSHOT_DIR, 'README.md'), SNAPSHOT_NOTE);
}

/** true when the snapshot is the current schema (what test/pg/migrations.test.ts expects). */
export function snapshotIsCurrent(): boolean {
  if (!fs.existsSync(PG_SNAPSHOT_DIR)) return false;
  const snap = readSchemaFiles(PG_SNAPSHOT_DIR);
  const current = currentPostgresSchema();
  return snap.size === current.size && [...current].every(([name, text]) => snap.get(name) === text);
}

if (require.main === module) {
  writeTwinMigrations().then(
    () => process.exit(0),
    (err) => {
      console.error(`PostgreSQL-migratie niet geschreven: ${(err as Error).message}`);
      process.exit(1);
    },
  );
}
