/** Shared bits for the npm run org / kaart / poll command-line tools. */
import { loadConfig } from '../src/config';
import type { Db } from '../src/db/client';
import { openDatabase as openStore } from '../src/db/open';

/** The store the bot uses: DATABASE_URL (PostgreSQL) when set, else DATA_DIR's embedded database; migrated. */
export async function openDatabase(): Promise<Db> {
  return (await openStore(loadConfig())).db;
}

export function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}
