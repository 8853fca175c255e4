/**
 * A consistent copy of the embedded database, also while the bot runs (VACUUM INTO, never a file copy).
 *   npm run backup -- <bestand.db>
 * The copy is checked before it gets its name; an existing file is never overwritten. Nightly back-ups
 * are the bot's own job (BACKUP_DIR, BACKUP_KEEP); see docs/OPERATIONS.md.
 */
import fs from 'node:fs';
import { loadConfig } from '../src/config';
import { backupDatabase, BackupError } from '../src/db/backup';
import { createDb } from '../src/db/client';
import { fail } from './cli';

async function main(): Promise<void> {
  const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!file) fail('Gebruik: npm run backup -- <bestand.db>', 2);
  if (/^postgres(ql)?:/i.test(process.env.DATABASE_URL ?? '')) {
    fail('Wijkbot gebruikt PostgreSQL: maak back-ups met pg_dump of point-in-time recovery (zie docs/OPERATIONS.md).', 2);
  }
  const config = loadConfig();
  if (!fs.existsSync(config.databaseFile)) fail(`Geen database in ${config.dataDir} (DATA_DIR); er is niets om te bewaren.`);
  const db = createDb(config.databaseFile); // no migration, no tuning: a back-up reads, it never changes the source
  try {
    const result = await backupDatabase(db, file);
    const level = result.migrations ? `${result.migrations.pending.length ? 'ouder dan deze versie' : 'migraties actueel'}` : 'geen migraties';
    console.log(`Back-up gemaakt: ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB, ${result.ms} ms, ${level}).`);
  } catch (err) {
    fail(err instanceof BackupError ? `Back-up mislukt: ${err.message}` : `Back-up mislukt: ${(err as Error).message.split('\n').filter(Boolean).at(-1)}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((err) => fail(`Mislukt: ${(err as Error).message.split('\n')[0]}`));
