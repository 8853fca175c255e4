/**
 * The PostgreSQL client: the same Prisma API as the embedded SQLite one (src/db/client.ts), generated from
 * the PostgreSQL twin of the schema (scripts/pg/schema.ts) and run through @prisma/adapter-pg. Loaded only
 * when DATABASE_URL names a PostgreSQL database, so the SQLite default never loads its query compiler.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as PgPrismaClient } from '../generated/prisma-pg/client';
import { registerProvider, type Db, type DbOptions } from './client';

/** Connections per instance: a turn holds one at a time, and a vote storm's transactions queue on the poll row anyway. */
const POOL_SIZE = 10;

/**
 * With several instances, transactions on one hot row (a poll's guard, a meeting's counts) really queue in
 * PostgreSQL, where SQLite serialised them in-process. Prisma's defaults (2 s to get a connection, 5 s per
 * transaction) then fail votes that only had to wait; a vote that waited is still a vote (Teams' 5 s invoke
 * clock only concerns the answer card, and a retried click finds the vote recorded).
 */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 };

export function createPostgresDb(url: string, options: DbOptions = {}): Db {
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
  if (!options.onError) return registerProvider(new PgPrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS }) as unknown as Db, 'postgresql');
  const db = new PgPrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS, log: [{ emit: 'event', level: 'error' }] });
  db.$on('error', (e) => options.onError!(e.message));
  return registerProvider(db as unknown as Db, 'postgresql');
}
