/**
 * Puts a back-up of the embedded database back (`npm run restore -- <file>`), only after checking it:
 *
 * 1. The back-up is copied next to the live database and the copy gets the full `PRAGMA integrity_check`
 *    and its migration level: a damaged file, a file that is not Wijkbot's, one with a half-applied
 *    migration, or one from a newer Wijkbot (a migration this checkout does not know) is refused.
 *    An older back-up is fine: the next start applies the missing migrations.
 * 2. The live database must not be in use. A connection in exclusive locking mode gets its lock only when
 *    no other connection (a running bot, an import) has the file open; otherwise: refused. Holding that
 *    lock, the write-ahead log is folded into the file, so the old database is complete on its own.
 * 3. The old database is kept as `wijkbot.db.before-restore-<time>` (nothing is lost by a restore) and the
 *    checked copy takes its place in one rename.
 *
 * Refusals are RestoreRefused errors whose message is one Dutch line for the operator. Nothing is
 * changed by a refused restore.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createDb, type Db } from './client';
import { checkDatabase, databaseErrorLine } from './integrity';

export class RestoreRefused extends Error {}

export interface RestoreResult {
  /** where the database that was replaced now is (null: there was none) */
  previous: string | null;
  /** migrations the next start applies (the back-up is older than this checkout) */
  pendingMigrations: string[];
}

const SIDE_FILES = ['-wal', '-shm', '-journal'];

function stamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

async function verifyCopy(copy: string, source: string): Promise<string[]> {
  const db = createDb(copy);
  try {
    const report = await checkDatabase(db, 'full');
    const name = path.basename(source);
    if (!report.ok) throw new RestoreRefused(`${name} is beschadigd (${report.problems.slice(0, 2).join('; ')}); er is niets teruggezet.`);
    const level = report.migrations;
    if (!level) throw new RestoreRefused(`${name} is geen Wijkbot-database (de tabel _prisma_migrations ontbreekt); er is niets teruggezet.`);
    if (level.failed.length) throw new RestoreRefused(`${name} bevat een half uitgevoerde migratie (${level.failed[0]}); er is niets teruggezet.`);
    if (level.unknown.length) {
      throw new RestoreRefused(`${name} komt van een nieuwere Wijkbot (migratie ${level.unknown.at(-1)} is hier onbekend); werk Wijkbot eerst bij naar die versie. Er is niets teruggezet.`);
    }
    return level.pending;
  } finally {
    await db.$disconnect();
  }
}

/**
 * Takes the live database for ourselves, or refuses because something has it open. On success the
 * database file holds every commit (its log folded in) and its -wal is empty.
 */
async function claimLiveDatabase(databaseFile: string): Promise<Db> {
  const db = createDb(databaseFile);
  try {
    // before the first read: this connection then never shares the log index, and its lock excludes all others
    await db.$queryRawUnsafe('PRAGMA locking_mode = EXCLUSIVE');
    await db.$queryRawUnsafe('PRAGMA busy_timeout = 0');
    await db.$executeRawUnsafe('BEGIN EXCLUSIVE');
    await db.$executeRawUnsafe('COMMIT');
    await db.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)');
    return db;
  } catch (err) {
    await db.$disconnect();
    const line = databaseErrorLine(err);
    if (/SQLITE_BUSY|locked/i.test(line)) {
      throw new RestoreRefused(`De database ${databaseFile} is in gebruik (draait Wijkbot nog, of een import?); stop de bot eerst. Er is niets teruggezet.`);
    }
    // a damaged live database is a reason to restore, not to refuse: it is kept aside like any other
    return createDb(databaseFile);
  }
}

export async function restoreDatabase(source: string, databaseFile: string, now = new Date()): Promise<RestoreResult> {
  const from = path.resolve(source);
  const target = path.resolve(databaseFile);
  if (!fs.existsSync(from) || !fs.statSync(from).isFile()) throw new RestoreRefused(`Back-up ${source} niet gevonden; er is niets teruggezet.`);
  if (from === target) throw new RestoreRefused(`${source} is de database zelf; geef een back-upbestand op.`);
  if (fs.existsSync(`${from}-wal`) && fs.statSync(`${from}-wal`).size > 0) {
    throw new RestoreRefused(`${source} heeft nog een ${path.basename(from)}-wal ernaast: dat is een kopie van een database in gebruik, geen back-up. Maak een back-up met npm run backup. Er is niets teruggezet.`);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });

  const copy = `${target}.restore-${process.pid}.tmp`;
  fs.rmSync(copy, { force: true });
  let placed = false;
  try {
    fs.copyFileSync(from, copy);
    const pendingMigrations = await verifyCopy(copy, source);
    for (const suffix of SIDE_FILES) fs.rmSync(`${copy}${suffix}`, { force: true });

    let previous: string | null = null;
    if (fs.existsSync(target)) {
      const live = await claimLiveDatabase(target);
      try {
        if (fs.existsSync(`${target}-wal`) && fs.statSync(`${target}-wal`).size > 0) {
          throw new RestoreRefused(`De database ${target} is in gebruik (het logbestand groeit nog); stop de bot eerst. Er is niets teruggezet.`);
        }
        previous = `${target}.before-restore-${stamp(now)}`;
        fs.linkSync(target, previous); // keep the old database under a second name ...
        fs.renameSync(copy, target); // ... and swap the checked copy in, atomically
        placed = true;
      } finally {
        await live.$disconnect();
      }
      // the old database's (empty) log and index files must not be taken for the new one's
      for (const suffix of SIDE_FILES) fs.rmSync(`${target}${suffix}`, { force: true });
    } else {
      fs.renameSync(copy, target);
      placed = true;
    }
    const fd = fs.openSync(path.dirname(target), 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return { previous, pendingMigrations };
  } finally {
    if (!placed) fs.rmSync(copy, { force: true });
    for (const suffix of SIDE_FILES) fs.rmSync(`${copy}${suffix}`, { force: true });
  }
}
