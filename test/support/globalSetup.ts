/**
 * Once per test run: a migrated template database. Each test bot copies it (milliseconds) instead of
 * running migrations (seconds), so test files stay independent and can run in parallel.
 */
import fs from 'node:fs';
import path from 'node:path';
import { deployMigrations } from '../../src/db/migrate';

export const TEMPLATE_DB = path.resolve(__dirname, '../../.test-tmp/template.db');

export default async function globalSetup(): Promise<void> {
  // Built under a private name and renamed into place: a second test run starting meanwhile (another
  // terminal, the bench) never sees a missing or half-migrated template.
  fs.mkdirSync(path.dirname(TEMPLATE_DB), { recursive: true });
  const building = `${TEMPLATE_DB}.${process.pid}.tmp`;
  fs.rmSync(building, { force: true });
  await deployMigrations(building);
  fs.renameSync(building, TEMPLATE_DB);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${building}${suffix}`, { force: true });
}
