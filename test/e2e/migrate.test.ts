/**
 * How a database comes to be: a first start copies the install-time migrated template (fast), and
 * without one runs `prisma migrate deploy` (the fallback); either way no migration is left pending.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '../../src/db/client';
import { createFromTemplate, ensureMigrated, migrationNames, pendingMigrations, templateIsCurrent } from '../../src/db/migrate';
import { TEMPLATE_DB } from '../support/globalSetup';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkbot-migrate-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function pendingIn(file: string): Promise<string[]> {
  const db = createDb(file);
  try {
    return await pendingMigrations(db);
  } finally {
    await db.$disconnect();
  }
}

test('a first start copies the migrated template: every migration is recorded, none pending', async () => {
  const file = path.join(dir, 'data', 'wijkbot.db');
  expect(templateIsCurrent(TEMPLATE_DB)).toBe(true);
  expect(createFromTemplate(file, TEMPLATE_DB)).toBe(true);
  expect(migrationNames().length).toBeGreaterThan(0);
  expect(await pendingIn(file)).toEqual([]);
});

test('an existing database is never replaced by the template', async () => {
  const file = path.join(dir, 'wijkbot.db');
  fs.writeFileSync(file, 'not a template');
  expect(createFromTemplate(file, TEMPLATE_DB)).toBe(false);
  expect(fs.readFileSync(file, 'utf8')).toBe('not a template');
});

test('a template made from other migrations (another branch) is not used, and nothing is left behind', async () => {
  const template = path.join(dir, 'other.db');
  fs.copyFileSync(TEMPLATE_DB, template);
  fs.writeFileSync(`${template}.migrations.json`, JSON.stringify([...migrationNames(), '29990101000000_from_another_branch']));
  const file = path.join(dir, 'data', 'wijkbot.db');
  expect(createFromTemplate(file, template)).toBe(false);
  expect(templateIsCurrent(template)).toBe(false);
  fs.writeFileSync(`${template}.migrations.json`, JSON.stringify(migrationNames().slice(0, 1)));
  expect(templateIsCurrent(template)).toBe(false); // older: usable, but a first start still migrates
  expect(createFromTemplate(file, template)).toBe(true); // older is fine: ensureMigrated applies the rest
  expect(fs.readdirSync(path.dirname(file))).toEqual(['wijkbot.db']);
});

test('without a template the first start migrates with prisma migrate deploy', async () => {
  const file = path.join(dir, 'wijkbot.db');
  expect(createFromTemplate(file, path.join(dir, 'missing.db'))).toBe(false);
  const db = createDb(file);
  try {
    expect(await ensureMigrated(db, file)).toEqual(migrationNames());
    expect(await pendingMigrations(db)).toEqual([]);
    expect(await db.wijkGroup.count()).toBe(0);
  } finally {
    await db.$disconnect();
  }
}, 60_000);
