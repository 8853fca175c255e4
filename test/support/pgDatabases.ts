/**
 * Per-test PostgreSQL databases in the run's throwaway cluster (test/support/pgGlobalSetup.ts): each is a
 * copy of the migrated template, so tests stay independent and can run in parallel, as with SQLite files.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const PG_TEMPLATE_DB = 'wijkbot_template';

/** true in the jest project that runs the end-to-end tests against PostgreSQL (jest.config.js globals) */
export function testingOnPostgres(): boolean {
  return (globalThis as { WIJKBOT_TEST_DB?: string }).WIJKBOT_TEST_DB === 'postgresql';
}

export function clusterUrl(database = 'postgres'): string {
  const base = process.env.WIJKBOT_TEST_PG_URL;
  if (!base) throw new Error('no test PostgreSQL cluster (test/support/pgGlobalSetup.ts did not run)');
  return base.replace(/\/[^/]*$/, `/${database}`);
}

export async function adminQuery(sql: string, database = 'postgres'): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: clusterUrl(database) });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database; returns its URL. */
export async function createTestDatabase(template = PG_TEMPLATE_DB): Promise<{ url: string; name: string }> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  // FILE_COPY: a plain file copy of the small template (the default WAL_LOG strategy is slower here)
  await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${template}" STRATEGY FILE_COPY`);
  return { url: clusterUrl(name), name };
}

export async function dropTestDatabase(name: string): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
}
