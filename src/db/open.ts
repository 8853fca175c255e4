/**
 * Opens the configured store, migrated: PostgreSQL when DATABASE_URL is set (shared by several instances),
 * otherwise the embedded SQLite file in DATA_DIR (the default for one instance).
 */
import { createDb, tuneSqlite, type Db, type DbOptions, type DbProvider } from './client';
import { assertDatabaseUsable } from './integrity';
import { createFromTemplate, ensureMigrated } from './migrate';

export type { DbProvider };

export interface DatabaseTarget {
  databaseFile: string;
  databaseUrl?: string;
}

export interface OpenedDatabase {
  db: Db;
  provider: DbProvider;
  /** migrations applied by this start */
  applied: string[];
  /** SQLite: the file was created as a copy of the install-time template */
  fromTemplate: boolean;
  /** PostgreSQL: applied migrations whose file changed afterwards */
  changedSinceApplied: string[];
}

export function providerOf(target: DatabaseTarget): DbProvider {
  return target.databaseUrl ? 'postgresql' : 'sqlite';
}

export async function openDatabase(target: DatabaseTarget, options: DbOptions = {}): Promise<OpenedDatabase> {
  if (target.databaseUrl) {
    // loaded on demand: the SQLite default never pays for the PostgreSQL client
    const { migratePostgres } = await import('./pgMigrations');
    const { createPostgresDb } = await import('./postgres');
    const result = await migratePostgres(target.databaseUrl);
    return { db: createPostgresDb(target.databaseUrl, options), provider: 'postgresql', applied: result.applied, fromTemplate: false, changedSinceApplied: result.changedSinceApplied };
  }
  let db: Db | undefined;
  try {
    const fromTemplate = createFromTemplate(target.databaseFile);
    db = createDb(target.databaseFile, options);
    await assertDatabaseUsable(db, target.databaseFile); // a damaged file is refused before anything writes to it
    await tuneSqlite(db); // busy_timeout: a CLI waits for the running bot's writes instead of failing at once
    const applied = await ensureMigrated(db, target.databaseFile);
    return { db, provider: 'sqlite', applied, fromTemplate, changedSinceApplied: [] };
  } catch (err) {
    await db?.$disconnect().catch(() => undefined);
    throw err;
  }
}
