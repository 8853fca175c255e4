/**
 * Puts a back-up of the embedded database back, after checking it (src/db/restore.ts).
 *   npm run restore -- <bestand.db>
 * Stop the bot first: restore refuses while anything has the database open. The replaced database is
 * kept as DATA_DIR/wijkbot.db.before-restore-<time>. An older back-up is migrated at the next start.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { restoreDatabase, RestoreRefused } from '../src/db/restore';
import { fail } from './cli';

async function main(): Promise<void> {
  const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!file) fail('Gebruik: npm run restore -- <bestand.db>   (stop de bot eerst)', 2);
  if (/^postgres(ql)?:/i.test(process.env.DATABASE_URL ?? '')) {
    fail('Wijkbot gebruikt PostgreSQL: zet terug met pg_restore of point-in-time recovery (zie docs/OPERATIONS.md).', 2);
  }
  const config = loadConfig();
  try {
    const result = await restoreDatabase(file, config.databaseFile);
    console.log(`Teruggezet: ${path.resolve(file)} → ${config.databaseFile}.`);
    if (result.previous) console.log(`De vorige database staat in ${result.previous}.`);
    if (result.pendingMigrations.length) console.log(`De back-up is ouder dan deze versie: de volgende start past ${result.pendingMigrations.length} migratie(s) toe.`);
  } catch (err) {
    fail(err instanceof RestoreRefused ? err.message : `Terugzetten mislukt: ${(err as Error).message.split('\n').filter(Boolean).at(-1)}`);
  }
  // The link secret is not in the database: anonymous ballots and calendar links need the old one.
  const secret = path.join(config.dataDir, 'secret.key');
  const beside = path.join(path.dirname(path.resolve(file)), 'secret.key');
  if (!config.appSecret && !fs.existsSync(secret)) {
    if (fs.existsSync(beside)) {
      fs.copyFileSync(beside, secret);
      fs.chmodSync(secret, 0o600);
      console.log(`Het link-geheim is teruggezet uit ${beside}.`);
    } else {
      console.log('Let op: geen APP_SECRET en geen secret.key: zet het oude geheim terug, anders kan wie al anoniem stemde in open peilingen opnieuw stemmen en werken oude agenda-links niet.');
    }
  }
}

main().catch((err) => fail(`Mislukt: ${(err as Error).message.split('\n')[0]}`));
