/**
 * Can this database serve the bot? One check, three depths, for the three moments that ask:
 *
 * - `probe` (readiness, /healthz and /readyz): a real query that reads the first page of every table the
 *   schema has. `SELECT 1` is not enough: it touches no page, so a database with overwritten pages
 *   answered it happily while every turn failed. Cheap (a few pages per table, ~ms), fine every few seconds.
 * - `quick` (start-up): SQLite's `PRAGMA quick_check`: every page of every table and index, O(size), without
 *   cross-checking indexes against tables. A damaged file is refused before anything writes to it.
 * - `full` (restore): `PRAGMA integrity_check`, which also checks that every index matches its table.
 *   (quick and full read every page, so they need no probe; they run before migrations, when tables of a
 *   pending migration do not exist yet.)
 *
 * Every depth also compares the migrations the file records with this checkout's prisma/migrations, so
 * restore can refuse a file from a newer Wijkbot and readiness can see a migration still pending.
 * Nothing here throws: a file that cannot even be opened ("file is not a database") is a problem in the
 * report, named in one line.
 */
import type { Db } from './client';
import { migrationNames } from './migrate';

export type CheckDepth = 'probe' | 'quick' | 'full';

export interface MigrationLevel {
  /** in this checkout but not (successfully) applied to the database: `prisma migrate deploy` applies them */
  pending: string[];
  /** applied to the database but unknown to this checkout: the file comes from a newer Wijkbot */
  unknown: string[];
  /** started but never finished (a crashed `migrate deploy`): Prisma refuses to go on until resolved */
  failed: string[];
}

export interface DatabaseReport {
  /** no damage found and the reads succeeded (the migration level is reported apart) */
  ok: boolean;
  /** one short line each, no user data (SQLite's own wording: page numbers, index names) */
  problems: string[];
  /** null when the migrations table could not be read; `migrationsError` then says why */
  migrations: MigrationLevel | null;
  /** e.g. "no such table: _prisma_migrations" for a new, empty file (or a file that is not Wijkbot's) */
  migrationsError?: string;
}

/** SQLite reports at most this many problems by default (100); a few say enough and keep the line short. */
const MAX_PROBLEMS = 5;

/** The first line a driver error says, without Prisma's "Invalid `prisma.$queryRawUnsafe()` invocation" frame. */
export function databaseErrorLine(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const inner = /Message: \x60([^\x60]+)\x60/.exec(message)?.[1]; // Prisma quotes the driver's text in backticks
  const line = inner ?? message.split('\n').map((l) => l.trim()).filter(Boolean).at(-1) ?? 'onbekende fout';
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/**
 * The first row of every table Prisma knows, whole (`SELECT *`): reading only a constant lets SQLite answer
 * from a small covering index and never touch the table itself, which is how a damaged table once passed.
 */
async function probeTables(db: Db): Promise<void> {
  // loaded here, not at the top: the start loads this module before it listens, Prisma's client after (src/index.ts)
  const { Prisma } = await import('../generated/prisma/client');
  for (const table of Object.values(Prisma.ModelName)) await db.$queryRawUnsafe(`SELECT * FROM "${table}" LIMIT 1`);
}

async function migrationLevel(db: Db, checkout: string[]): Promise<MigrationLevel> {
  const rows = await db.$queryRawUnsafe<{ migration_name: string; finished_at: unknown; rolled_back_at: unknown }[]>(
    'SELECT migration_name, finished_at, rolled_back_at FROM "_prisma_migrations"',
  );
  const applied = new Set(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => r.migration_name));
  const known = new Set(checkout);
  return {
    pending: checkout.filter((m) => !applied.has(m)),
    unknown: [...applied].filter((m) => !known.has(m)).sort(),
    failed: rows.filter((r) => r.finished_at === null && r.rolled_back_at === null).map((r) => r.migration_name).sort(),
  };
}

async function sqliteCheck(db: Db, depth: 'quick' | 'full'): Promise<string[]> {
  const pragma = depth === 'quick' ? 'quick_check' : 'integrity_check';
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${pragma}(${MAX_PROBLEMS})`);
  const lines = rows.map((r) => String(Object.values(r)[0] ?? ''));
  return lines.length === 1 && lines[0] === 'ok' ? [] : lines.filter(Boolean).map((l) => `${pragma}: ${l}`);
}

/**
 * Checks the database at the given depth. `checkout` is the list of migrations to compare with (this
 * checkout's by default). PRAGMA checks are SQLite's; pass `sqlite: false` for a PostgreSQL database,
 * which then gets the probe and the migration level only.
 */
export async function checkDatabase(
  db: Db,
  depth: CheckDepth,
  options: { checkout?: string[]; sqlite?: boolean } = {},
): Promise<DatabaseReport> {
  const problems: string[] = [];
  try {
    if (depth === 'probe' || options.sqlite === false) await probeTables(db);
    else problems.push(...(await sqliteCheck(db, depth)));
  } catch (err) {
    problems.push(databaseErrorLine(err));
  }
  // a file SQLite cannot read at all says so once; reading the migrations would only repeat it
  if (problems.length) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS), migrations: null, migrationsError: 'not read: the database is damaged' };
  try {
    return { ok: true, problems, migrations: await migrationLevel(db, options.checkout ?? migrationNames()) };
  } catch (err) {
    const line = databaseErrorLine(err);
    // a missing migrations table is a fact about the file; any other failure to read it is damage
    if (/no such table|does not exist/i.test(line)) return { ok: true, problems, migrations: null, migrationsError: line };
    return { ok: false, problems: [line], migrations: null, migrationsError: line };
  }
}

/** Thrown at start-up when the database is damaged: its message is the one line the operator sees. */
export class DatabaseDamagedError extends Error {}

/**
 * Start-up: refuse a damaged database with one clear line (what is wrong, where, what to do), before
 * anything writes to it. A fresh, still empty database (no migrations table yet) is fine: it is migrated next.
 */
export async function assertDatabaseUsable(db: Db, databaseFile: string): Promise<void> {
  const report = await checkDatabase(db, 'quick');
  if (report.ok) return;
  throw new DatabaseDamagedError(
    `De database ${databaseFile} is beschadigd (${report.problems.slice(0, 2).join('; ')}). ` +
      'Wijkbot start niet om verder verlies te voorkomen: zet de laatste goede back-up terug met `npm run restore -- <bestand>` (zie docs/OPERATIONS.md), of kies een andere DATA_DIR voor een nieuwe database.',
  );
}
