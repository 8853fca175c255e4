/**
 * Liveness and readiness through real HTTP: /healthz = the process serves and its database answers a real
 * query; /readyz = started, database readable, no migration pending, social map loaded. A starting
 * instance answers 503 on /readyz, and a database whose pages were overwritten is reported, not hidden
 * behind `SELECT 1`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWijkbot } from '../../src';
import { freePort } from '../support/ports';
import { createDb } from '../../src/db/client';
import { personalMessage } from '../support/activities';
import { ConnectorStub } from '../support/connectorStub';
import { overwritePages } from '../support/dbDamage';
import { TEMPLATE_DB } from '../support/globalSetup';
import { undoNewestMigration } from '../support/olderDatabase';
import { startTestBot, type TestBot } from '../support/harness';
import { importRoster, USERS } from '../support/roster';

async function get(url: string): Promise<{ status: number; body: any }> {
  const res = await fetch(url);
  return { status: res.status, body: await res.json() };
}

describe('a running bot', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot();
    await importRoster(t.bot);
  });
  afterEach(async () => t.stop());

  test('when everything is in place, then /readyz and /healthz answer 200 with codes only', async () => {
    expect(await get(`${t.bot.url}/readyz`)).toEqual({ status: 200, body: { status: 'ready', database: 'ok', migrations: 'ok', socialMap: 'ok' } });
    expect(await get(`${t.bot.url}/healthz`)).toMatchObject({ status: 200, body: { status: 'ok', database: 'ok' } });
  });

  test('when pages 3–6 of the database file are overwritten, then /healthz and /readyz answer 503 (SELECT 1 would still pass)', async () => {
    const db = t.bot.services.db;
    const file = path.join(t.dataDir, 'wijkbot.db');
    const [{ page_size: pageSize }] = await db.$queryRawUnsafe<{ page_size: number }[]>('PRAGMA page_size');
    await db.$queryRawUnsafe('PRAGMA wal_checkpoint(TRUNCATE)'); // every page in the main file
    overwritePages(file, 3, 6, Number(pageSize));
    // another connection's commit makes the bot's connections drop their page caches, as any write would
    const other = createDb(file);
    await other.$executeRawUnsafe('CREATE TABLE "_health_test_touch" ("a" INTEGER)');
    await other.$disconnect();

    await expect(db.$queryRawUnsafe('SELECT 1')).resolves.toBeTruthy(); // the old check: fooled
    expect(await get(`${t.bot.url}/healthz`)).toEqual({ status: 503, body: { status: 'unhealthy', database: 'error', auth: 'off (development)' } });
    const ready = await get(`${t.bot.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({ database: 'error' });
    expect(JSON.stringify(ready.body)).not.toMatch(/malformed|sqlite|prisma/i); // codes, not internals
    // and what users meet meanwhile: the apology, which is why the probes must say so
    await t.post(personalMessage(t.stub.url, USERS.gpOost, 'wie ben ik'));
    expect(t.stub.sentTexts().at(-1)).toMatch(/Er ging iets mis/);
  });

  test('when a migration of this version is not applied to the database, then /readyz answers 503 migrations pending, /healthz stays 200', async () => {
    await t.bot.services.db.$executeRawUnsafe(`DELETE FROM "_prisma_migrations" WHERE "migration_name" = (SELECT MAX("migration_name") FROM "_prisma_migrations")`);
    expect(await get(`${t.bot.url}/readyz`)).toMatchObject({ status: 503, body: { status: 'not ready', database: 'ok', migrations: 'pending' } });
    expect((await get(`${t.bot.url}/healthz`)).status).toBe(200);
  });
});


test('while an instance starts (here: applying a migration), /readyz answers 503 and /healthz 200, then /readyz 200 once ready', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkbot-health-'));
  const stub = await new ConnectorStub().start();
  const file = path.join(dir, 'wijkbot.db');
  fs.copyFileSync(TEMPLATE_DB, file);
  // a database one migration behind: the start runs `prisma migrate deploy`, which takes a while
  const db = createDb(file);
  await undoNewestMigration(db);
  await db.$disconnect();

  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let settled = false;
  const starting = startWijkbot({
    env: { PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dir, SEED_DEMO: 'false', LOG_LEVEL: 'silent', APP_SECRET: 'test-secret-test-secret-test-secret-0123456789' },
    jobsTimer: false,
  }).finally(() => {
    settled = true;
  });
  const duringStart: { readyz: number; readyzBody: any; healthz: number; messages: number }[] = [];
  try {
    while (!settled) {
      try {
        const r = await get(`${base}/readyz`);
        const h = await fetch(`${base}/healthz`);
        const m = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(personalMessage(stub.url, USERS.gpOost, 'help')) });
        if (!settled) duringStart.push({ readyz: r.status, readyzBody: r.body, healthz: h.status, messages: m.status });
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 25));
    }
    const bot = await starting;
    try {
      expect(duringStart.length).toBeGreaterThan(0);
      expect(duringStart[0]).toEqual({ readyz: 503, readyzBody: { status: 'starting' }, healthz: 200, messages: 503 });
      expect(await get(`${base}/readyz`)).toMatchObject({ status: 200, body: { status: 'ready', migrations: 'ok' } });
    } finally {
      await bot.stop();
    }
  } finally {
    await starting.catch(() => undefined);
    await stub.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
