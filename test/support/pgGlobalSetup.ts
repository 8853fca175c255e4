/**
 * Once per test run, for the PostgreSQL project: a throwaway cluster on 127.0.0.1 (scripts/pg/cluster.ts)
 * and a migrated template database. Each test bot gets its own database copied from the template
 * (CREATE DATABASE … TEMPLATE: tens of milliseconds). The teardown removes the cluster, also after
 * failures; a run killed outright leaves a cluster the next run's setup removes (cleanupStaleClusters).
 */
import { startPgCluster, type PgCluster } from '../../scripts/pg/cluster';
import { migratePostgres } from '../../src/db/pgMigrations';
import { adminQuery, PG_TEMPLATE_DB } from './pgDatabases';

// setup and teardown are separate modules to jest: the cluster is kept on globalThis
const holder = globalThis as { wijkbotPgCluster?: PgCluster | null };

export default async function pgGlobalSetup(): Promise<void> {
  const cluster = await startPgCluster();
  holder.wijkbotPgCluster = cluster;
  // a runner that exits without its teardown (forceExit after a failure) still removes the cluster
  process.once('exit', stopPgCluster);
  try {
    process.env.WIJKBOT_TEST_PG_URL = cluster.url();
    process.env.WIJKBOT_TEST_PG_DIR = cluster.dir;
    await adminQuery(`CREATE DATABASE "${PG_TEMPLATE_DB}"`);
    await migratePostgres(cluster.url(PG_TEMPLATE_DB));
  } catch (err) {
    stopPgCluster();
    throw err;
  }
}

export function stopPgCluster(): void {
  holder.wijkbotPgCluster?.stop();
  holder.wijkbotPgCluster = null;
}
