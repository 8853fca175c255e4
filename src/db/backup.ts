/**
 * Back-ups of the embedded database (SQLite). `VACUUM INTO` through an open connection writes a consistent
 * snapshot (one read transaction: every commit before it, none after) while the bot goes on reading and
 * writing (write-ahead log). A file copy of a live database is not a back-up: it can catch a page
 * half-written or miss what still sits in the -wal file.
 *
 * The snapshot is written under a temporary name, flushed to disk, checked (`quick` integrity check) and
 * only then renamed into place, so a back-up file that exists is complete and readable.
 * PostgreSQL has its own tools (pg_dump, point-in-time recovery): see docs/OPERATIONS.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createDb, type Db } from './client';
import { checkDatabase, type MigrationLevel } from './integrity';

export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
  migrations: MigrationLevel | null;
}

export class BackupError extends Error {}

function fsyncPath(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Opens a database file for checking only (no migration, no tuning); the caller disconnects. */
export function openForCheck(file: string): Db {
  return createDb(file);
}

/** Writes a consistent copy of the database behind `db` to `target` (which must not exist yet). */
export async function backupDatabase(db: Db, target: string): Promise<BackupResult> {
  const started = Date.now();
  const file = path.resolve(target);
  if (fs.existsSync(file)) throw new BackupError(`${file} bestaat al; kies een nieuwe bestandsnaam (een back-up overschrijft nooit een ander bestand).`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const writing = `${file}.${process.pid}.partial`;
  fs.rmSync(writing, { force: true });
  try {
    await db.$executeRawUnsafe('VACUUM INTO ?', writing);
    fsyncPath(writing);
    const copy = openForCheck(writing);
    let migrations: MigrationLevel | null;
    try {
      const report = await checkDatabase(copy, 'quick');
      if (!report.ok) throw new BackupError(`de kopie is niet in orde (${report.problems[0]}); de bron is mogelijk beschadigd`);
      migrations = report.migrations;
    } finally {
      await copy.$disconnect();
    }
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${writing}${suffix}`, { force: true });
    // link, not rename: fails instead of replacing a file that appeared meanwhile
    fs.linkSync(writing, file);
    fsyncPath(path.dirname(file));
    return { file, bytes: fs.statSync(file).size, ms: Date.now() - started, migrations };
  } finally {
    fs.rmSync(writing, { force: true });
    for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(`${writing}${suffix}`, { force: true });
  }
}

// ---- nightly back-ups in BACKUP_DIR ---------------------------------------------------------------------

const NIGHTLY = /^wijkbot-(\d{8}T\d{6}Z)\.db$/;

/** `wijkbot-20261124T013000Z.db`: sorts by time, says when in UTC, never collides within a second. */
export function nightlyBackupName(at: Date): string {
  return `wijkbot-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z')}.db`;
}

/** The nightly back-ups in `dir`, oldest first (other files in the folder are never touched). */
export function listNightlyBackups(dir: string): { file: string; at: Date }[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => NIGHTLY.test(n))
    .sort()
    .map((n) => {
      const s = NIGHTLY.exec(n)![1];
      const at = new Date(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}Z`);
      return { file: path.join(dir, n), at };
    });
}

/** Keeps the newest `keep` nightly back-ups and deletes the rest; returns the deleted files. */
export function pruneNightlyBackups(dir: string, keep: number): string[] {
  const all = listNightlyBackups(dir);
  const doomed = all.slice(0, Math.max(0, all.length - keep));
  for (const b of doomed) fs.rmSync(b.file, { force: true });
  return doomed.map((b) => b.file);
}

/** The nightly job's work: a new back-up in `dir`, then the oldest beyond `keep` go. */
export async function nightlyBackup(db: Db, dir: string, keep: number, now: Date): Promise<BackupResult & { pruned: string[] }> {
  const result = await backupDatabase(db, path.join(dir, nightlyBackupName(now)));
  return { ...result, pruned: pruneNightlyBackups(dir, keep) };
}
