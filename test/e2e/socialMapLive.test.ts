/**
 * Imports are live: what another process (`npm run kaart -- import`) or another bot instance writes is in
 * the very next answer of a running bot, and a long import never blocks it (issue 14 "Imports are live",
 * issue 9 item 2 for the kaart import).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startWijkbot, type RunningWijkbot } from '../../src';
import { createDb } from '../../src/db/client';
import { toPartnerCsv } from '../../src/features/socialMap/csvFormat';
import { IMPORT_CHUNK } from '../../src/features/socialMap/csvImport';
import { generatePartners } from '../../src/features/socialMap/demoData';
import { SocialMapService } from '../../src/features/socialMap/service';
import type { SocialMapModule } from '../../src/teams/handlers/socialMap';
import { cardOf, textOf } from '../support/connectorStub';
import { personalMessage, type TestUser } from '../support/activities';
import { startTestBot, type TestBot } from '../support/harness';
import { importRoster, USERS } from '../support/roster';
import { FIXTURE_CSV } from '../support/socialMapFixture';

const ROOT = path.resolve(__dirname, '../..');
const now = new Date('2026-11-23T12:00:00Z');

let t: TestBot;
const sm = (bot: RunningWijkbot = t.bot) => bot.modules.find((m) => m.name === 'socialMap') as SocialMapModule;

beforeEach(async () => {
  t = await startTestBot({ clock: () => now });
  await importRoster(t.bot);
});
afterEach(async () => t.stop());

/** What another process sees: its own connection to the bot's database file, its own service. */
async function otherProcess<T>(run: (service: SocialMapService) => Promise<T>): Promise<T> {
  const db = createDb(path.join(t.dataDir, 'wijkbot.db'));
  try {
    return await run(new SocialMapService({ db, clock: () => now }));
  } finally {
    await db.$disconnect();
  }
}

async function ask(text: string, user: TestUser = USERS.gpOost, url = t.bot.url) {
  t.stub.clear();
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(personalMessage(t.stub.url, user, text)) });
  expect(res.status).toBe(200);
  const sent = t.stub.sent.at(-1);
  return { text: sent ? textOf(sent.body) : '', card: sent ? cardOf(sent.body) : undefined };
}

function names(card: any): string[] {
  return ((card?.body ?? []) as any[]).filter((b) => b.type === 'Container').map((c) => c.items[0].text);
}

test('an import by another process is in the very next answer', async () => {
  await sm().service.importCsv(FIXTURE_CSV, { dryRun: false, actorLabel: 'test' });
  expect((await ask('fysio bekkenbodem oost')).text).toContain('wachttijd 2 weken');
  const changed = FIXTURE_CSV.replace('ma;di;do,nee,,2,020-1234567', 'ma;di;do,nee,,9,020-1234567');
  expect(await otherProcess((s) => s.importCsv(changed, { dryRun: false, actorLabel: 'test' }))).toMatchObject({ ok: true, updated: 1 });
  const { card, text } = await ask('fysio bekkenbodem oost');
  expect(names(card)[0]).toBe('Anna de Vries');
  expect(text).toContain('wachttijd 9 weken');
});

test('the check before a lookup reads the version through the embedded database’s prepared statement, and still sees another process’s import', async () => {
  await sm().service.importCsv(FIXTURE_CSV, { dryRun: false, actorLabel: 'test' });
  const before = { ...sm().service.versionReads };
  expect((await ask('fysio bekkenbodem oost')).text).toContain('wachttijd 2 weken');
  const changed = FIXTURE_CSV.replace('ma;di;do,nee,,2,020-1234567', 'ma;di;do,nee,,4,020-1234567');
  await otherProcess((s) => s.importCsv(changed, { dryRun: false, actorLabel: 'test' }));
  expect((await ask('fysio bekkenbodem oost')).text).toContain('wachttijd 4 weken');
  const after = sm().service.versionReads;
  expect(after.fast - before.fast).toBe(2);
  expect(after.fallback).toBe(before.fallback);
});

test('an import into an empty map: the first answer comes from the new map, never "De sociale kaart is nog leeg"', async () => {
  expect((await ask('fysio oost')).text).toContain('De sociale kaart is nog leeg');
  await otherProcess((s) => s.importCsv(FIXTURE_CSV, { dryRun: false, actorLabel: 'test' }));
  const { card, text } = await ask('fysio bekkenbodem oost');
  expect(text).not.toContain('nog leeg');
  expect(names(card)[0]).toBe('Anna de Vries');
});

test('a coordinator’s change on another bot instance (same database) is in this instance’s next answer', async () => {
  await sm().service.importCsv(FIXTURE_CSV, { dryRun: false, actorLabel: 'test' });
  const other = await startWijkbot({
    env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: t.dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'silent', APP_SECRET: 'test-secret-test-secret-test-secret-0123456789' },
    clock: () => now,
    jobsTimer: false,
  });
  try {
    expect((await ask('wachttijd Anna de Vries 7', USERS.coordOost, other.url)).text).toContain('7');
    expect((await ask('fysio bekkenbodem oost')).text).toContain('wachttijd 7 weken');
  } finally {
    await other.stop();
  }
});

test('turns are answered correctly while `npm run kaart -- import` writes 5,000 changed partners into the running bot’s data', async () => {
  const svc = sm().service;
  expect(await svc.seedDemo(5_000)).toBe(5_000);
  const file = path.join(t.dataDir, 'groot.csv');
  fs.writeFileSync(file, toPartnerCsv(svc.partnersSnapshot().map((p) => ({ ...p, waitWeeks: 30 }))));

  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'scripts/kaart.ts'), 'import', file], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: t.dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const progress: number[] = []; // when each "geschreven: …" line arrived
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => {
    stderr += d;
    for (const _ of String(d).matchAll(/geschreven:/g)) progress.push(Date.now());
  });
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  let done = false;
  void exited.then(() => (done = true));

  const answered: number[] = []; // when each correctly answered turn finished
  const failures: string[] = [];
  while (!done) {
    const { card, text } = await ask('fysio oost');
    if (names(card).length > 0) answered.push(Date.now());
    else failures.push(text.slice(0, 120));
  }
  expect(await exited).toBe(0);
  expect(stdout).toContain('bijgewerkt: 5000');
  expect(failures).toEqual([]);
  // the turns really overlapped the writing (between the first and the last chunk), not just the start-up
  expect(progress.length).toBeGreaterThanOrEqual(2);
  expect(answered.filter((at) => at > progress[0]! && at < progress.at(-1)!).length).toBeGreaterThan(0);
  // and the next answer is from the new map
  expect((await ask('fysio oost')).text).toContain('wachttijd 30 weken');
}, 120_000);

test('partners that arrive together are stored side by side by discipline: at start, on catching up with another process’s import, and on an import in the bot’s own process, chunk after chunk', async () => {
  /** Runs of one discipline in the index's own order, and how many disciplines there are: equal when each is one run. */
  const storage = (svc: SocialMapService, from = 0) => {
    const disciplines = svc.partnersSnapshot().slice(from).map((p) => p.discipline);
    return { runs: disciplines.filter((d, i) => i === 0 || disciplines[i - 1] !== d).length, disciplines: new Set(disciplines).size };
  };
  // the fixture's fysiotherapeuten are at its start and at its end; rows come back by id, not as written
  await otherProcess((s) => s.importCsv(FIXTURE_CSV, { dryRun: false, actorLabel: 'test' }));
  expect(names((await ask('fysio noord')).card)).toContain('Fysio Test 1');
  const caughtUp = storage(sm().service);
  expect(caughtUp.disciplines).toBeGreaterThan(4);
  expect(caughtUp.runs).toBe(caughtUp.disciplines);

  const atStart = await otherProcess(async (s) => {
    await s.load();
    return storage(s);
  });
  expect(atStart.runs).toBe(atStart.disciplines);

  // more than two chunks of IMPORT_CHUNK rows, each reaching the index on its own
  const known = sm().service.partnersSnapshot().length;
  const outcome = await sm().service.importCsv(toPartnerCsv(generatePartners(2.5 * IMPORT_CHUNK, 5, { today: '2026-11-23' })), { dryRun: false, actorLabel: 'test' });
  expect(outcome).toMatchObject({ ok: true });
  expect((outcome as { created: number }).created).toBeGreaterThan(2 * IMPORT_CHUNK);
  const imported = storage(sm().service, known); // the new ones come after those already there
  expect(imported.disciplines).toBeGreaterThan(10);
  expect(imported.runs).toBe(imported.disciplines);
  expect((await ask('fysio bekkenbodem oost')).text).not.toContain('nog leeg');
});
