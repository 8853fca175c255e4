/**
 * Once per test run: a migrated template database. Each test bot copies it (milliseconds) instead of
 * running migrations (seconds), so test files stay independent and can run in parallel.
 */
import fs from 'node:fs';
import path from 'node:path';
import { deployMigrations } from '../../src/db/migrate';

export const TEMPLATE_DB = path.resolve(__dirname, '../../.test-tmp/template.db');

export default async function globalSetup(): Promise<void> {
  fs.rmSync(path.dirname(TEMPLATE_DB), { recursive: true, force: true });
  fs.mkdirSync(path.dirname(TEMPLATE_DB), { recursive: true });
  await deployMigrations(TEMPLATE_DB);
}
