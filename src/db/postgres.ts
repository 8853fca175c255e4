/**
 * The PostgreSQL client: the same Prisma API as the embedded SQLite one (src/db/client.ts), generated from
 * the PostgreSQL twin of the schema (scripts/pg/schema.ts) and run through @prisma/adapter-pg. Loaded only
 * when DATABASE_URL names a PostgreSQL database, so the SQLite default never loads its query compiler.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as PgPrismaClient } from '../generated/prisma-pg/client';
import type { Db } from './client';

/** Connections per instance: a turn holds one at a time, and a vote storm's transactions queue on the poll row anyway. */
const POOL_SIZE = 10;

export function createPostgresDb(url: string): Db {
  const adapter = new PrismaPg({
    connectionString: url,
    max: POOL_SIZE,
    // fail fast while the database is away (health check answers 503, turns fail and Teams retries)
    // instead of queueing behind a connection attempt that never answers
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // Both generated clients expose the same model API (one schema, two providers); the application is
  // typed against the SQLite one.
  return new PgPrismaClient({ adapter }) as unknown as Db;
}
