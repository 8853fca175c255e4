/**
 * Operations on PostgreSQL: the probes and the back-up schedule that docs/OPERATIONS.md describes work
 * the same way as on the embedded database, minus what only SQLite can do (PRAGMA checks, VACUUM INTO).
 */
import { BACKUP_JOB } from '../../src/teams/handlers/backup';
import { startTestBot, type TestBot } from '../support/harness';

let t: TestBot;
beforeEach(async () => {
  t = await startTestBot();
});
afterEach(async () => t.stop());

async function get(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.json() };
}

test('/readyz and /healthz answer 200 on PostgreSQL: the probe reads every table and the migration level matches the checkout', async () => {
  expect(t.env.DATABASE_URL).toMatch(/^postgresql:/);
  expect(await get(`${t.bot.url}/readyz`)).toEqual({ status: 200, body: { status: 'ready', database: 'ok', migrations: 'ok', socialMap: 'ok' } });
  expect((await get(`${t.bot.url}/healthz`)).status).toBe(200);
});

test('no nightly back-up is planned on PostgreSQL (VACUUM INTO is SQLite\'s; the database service backs up)', async () => {
  expect(await t.bot.services.db.job.count({ where: { kind: BACKUP_JOB } })).toBe(0);
});
