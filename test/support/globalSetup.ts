/**
 * Once per test run: a migrated template database. Each test bot copies it (milliseconds) instead of
 * running migrations (seconds), so test files stay independent and can run in parallel.
 */
import path from 'node:path';
import { buildMigratedFile } from '../../src/db/migrate';

export const TEMPLATE_DB = path.resolve(__dirname, '../../.test-tmp/template.db');

export default async function globalSetup(): Promise<void> {
  // built fresh from the migrations in this checkout (not the install-time copy, which may predate them)
  await buildMigratedFile(TEMPLATE_DB);
}
