/** Shared bits for the npm run org / kaart / poll command-line tools. */
import { loadConfig } from '../src/config';
import { createDb, type Db } from '../src/db/client';
import { ensureMigrated } from '../src/db/migrate';

export async function openDatabase(): Promise<Db> {
  const config = loadConfig();
  const db = createDb(config.databaseFile);
  await ensureMigrated(db, config.databaseFile);
  return db;
}

export function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}
