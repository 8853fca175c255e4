/**
 * Prisma client factory. The embedded database is SQLite through the libsql driver adapter (Rust-free
 * Prisma: the query compiler is WebAssembly inside @prisma/client, nothing is downloaded at install or run
 * time). Application code only uses Prisma's query API, so the same code runs on PostgreSQL through
 * @prisma/adapter-pg.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PrismaLibSQL } from '@prisma/adapter-libsql';
import { PrismaClient } from '../generated/prisma/client';

export type Db = PrismaClient;
/** The client handed to code inside `db.$transaction(async (tx) => ...)`. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

export type DbProvider = 'sqlite' | 'postgresql';

/** Which database a client talks to, for the few provider-specific statements in src/db/ (see dbProvider). */
const providers = new WeakMap<object, DbProvider>();

export function registerProvider(db: Db, provider: DbProvider): Db {
  providers.set(db, provider);
  return db;
}

/** 'postgresql' for a client made by createPostgresDb; the embedded SQLite otherwise. */
export function dbProvider(db: Db | Tx): DbProvider {
  return providers.get(db) ?? 'sqlite';
}

export interface DbOptions {
  /** told of every failed query (metrics); the message may repeat query arguments, so never log it whole */
  onError?: (message: string) => void;
}

export function createDb(databaseFile: string, options: DbOptions = {}): Db {
  fs.mkdirSync(path.dirname(databaseFile), { recursive: true });
  const adapter = new TunedLibSQL({ url: `file:${databaseFile}` });
  if (!options.onError) return new PrismaClient({ adapter });
  const db = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'error' }] });
  db.$on('error', (e) => options.onError!(e.message));
  return db as unknown as Db;
}

/** Per-connection settings (see tuneSqlite); journal_mode=WAL is stored in the file itself. */
const CONNECTION_PRAGMAS = ['PRAGMA synchronous = NORMAL', 'PRAGMA busy_timeout = 5000'];

/**
 * @libsql/client hands its open connection to every transaction and lazily opens a fresh one for what
 * comes next, so per-connection pragmas set once (tuneSqlite) are gone after the first transaction and
 * every later commit fsyncs again (measured here: 3.1 ms vs 0.33 ms per small transaction). Tune each
 * new connection as it replaces the one a transaction took.
 *
 * Transactions begin IMMEDIATE ('write') instead of the adapter's DEFERRED. A deferred transaction that
 * reads first and writes later fails at once with SQLITE_BUSY (Prisma: P1008) when another process
 * committed in between (its snapshot is stale; busy_timeout does not apply). With two writers on one file
 * — the bot and `npm run org -- import`, or two bot instances — that broke votes and import chunks alike.
 * IMMEDIATE takes the write lock at the start, where busy_timeout waits for it.
 */
class TunedLibSQL extends PrismaLibSQL {
  override createClient(config: ConstructorParameters<typeof PrismaLibSQL>[0]): ReturnType<PrismaLibSQL['createClient']> {
    const client = super.createClient(config);
    const transaction = client.transaction.bind(client);
    client.transaction = async (mode?: 'write' | 'read' | 'deferred') => {
      const tx = await transaction(mode === 'read' ? 'read' : 'write');
      // opens and tunes the connection that replaces the one the transaction took
      for (const pragma of CONNECTION_PRAGMAS) await client.execute(pragma);
      return tx;
    };
    return client;
  }
}

/**
 * SQLite tuning for a chat bot's many small writes (dedupe keys, votes): write-ahead logging lets reads
 * go on during a write, and synchronous=NORMAL (safe with WAL: a power cut loses at most the last commits,
 * never consistency) avoids an fsync per commit; busy_timeout makes a second writer wait instead of failing.
 * Embedded-database setup only: application code never issues SQLite-specific SQL.
 */
export async function tuneSqlite(db: Db): Promise<void> {
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  await db.$queryRawUnsafe('PRAGMA busy_timeout = 5000');
}

/** Prisma's unique-constraint violation: the database's answer to a repeated click or a redelivery. */
export function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'P2002';
}
