/**
 * CI (and a fresh machine): makes sure PostgreSQL's binaries are there before the tests need them, with
 * Debian's `postgresql` package when /usr/lib/postgresql/<version>/bin is missing (as root; the package's
 * own main cluster is not created). The tests' clusters run as the `postgres` user that package creates.
 *   npx tsx scripts/pg/ensure-installed.ts
 */
import { postgresBinDir } from './cluster';

try {
  console.log(`PostgreSQL: ${postgresBinDir()}`);
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
