/**
 * Run by `npm install`/`npm ci` (postinstall): builds the migrated empty database that a first start
 * copies (src/db/migrate.ts, installTemplatePath). Best effort: without it, a first start runs
 * `prisma migrate deploy` itself, only slower, so a failure here warns and does not fail the install.
 */
import { buildMigratedFile, installTemplatePath } from '../src/db/migrate';

buildMigratedFile(installTemplatePath()).then(
  () => console.log(`wijkbot: migrated database template ready (${installTemplatePath()})`),
  (err) => console.warn(`wijkbot: no database template (${(err as Error).message.split('\n')[0]}); the first start migrates instead`),
);
