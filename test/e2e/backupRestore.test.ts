/**
 * Back-up and restore of the embedded database, the way an operator does them:
 * `npm run backup` in the middle of a vote storm (the bot keeps taking votes), `npm run restore` into a
 * new DATA_DIR, a bot started on it — every vote acknowledged before the back-up began is there. Restore
 * refuses a damaged, foreign or newer file and a database in use, each with one Dutch line, and changes
 * nothing then. The nightly job keeps the newest BACKUP_KEEP copies.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWijkbot } from '../../src';
import { listNightlyBackups } from '../../src/db/backup';
import { createDb } from '../../src/db/client';
import { checkDatabase } from '../../src/db/integrity';
import { migrationNames } from '../../src/db/migrate';
import { restoreDatabase, RestoreRefused } from '../../src/db/restore';
import { BACKUP_JOB } from '../../src/teams/handlers/backup';
import { actionExecute, type TestUser } from '../support/activities';
import { ConnectorStub, textOf } from '../support/connectorStub';
import { overwritePages } from '../support/dbDamage';
import { TEMPLATE_DB } from '../support/globalSetup';
import { undoNewestMigration } from '../support/olderDatabase';
import { startTestBot } from '../support/harness';
import { publishRaadPoll, RAAD_POLL_OPTIONS } from '../support/raadPoll';
import { importRoster } from '../support/roster';

const ROOT = path.resolve(__dirname, '../..');
const SECRET = 'test-secret-test-secret-test-secret-0123456789';
const OPTIONS = RAAD_POLL_OPTIONS;

/** Runs one of the operator tools as `npm run` does (tsx), and collects what it prints. */
function runTool(script: string, args: string[], env: Record<string, string>): { done: Promise<{ code: number | null; out: string; err: string }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  return { done: new Promise((resolve) => child.once('exit', (code) => resolve({ code, out, err: err.split('\n').filter((l) => l.trim() && !l.includes('npm warn')).join('\n') }))) };
}

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkbot-backup-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('a back-up taken in the middle of a vote storm, restored into a new DATA_DIR, holds every vote acknowledged before it began', async () => {
  const t = await startTestBot();
  const voters: TestUser[] = Array.from({ length: 400 }, (_, i) => ({ aad: randomUUID(), name: `Raadslid ${i + 1}` }));
  try {
    await importRoster(t.bot);
    await importRoster(t.bot, `wijkgroep,naam,email,aad_object_id,rol\n${voters.map((u, i) => `,${u.name},raad${i}@wijkbot.test,${u.aad},raadslid`).join('\n')}\n`);
    const { pollId, messageId } = await publishRaadPoll(t, false);

    // the storm: 8 clicks in flight at all times, until the back-up has finished (or everyone voted)
    const backupFile = path.join(tmp, 'mid-storm.db');
    type Phase = 'before' | 'during' | 'after';
    let phase = 'before' as Phase;
    const acked: { user: TestUser; option: number; phase: Phase }[] = [];
    let next = 0;
    const worker = async () => {
      while (phase !== 'after' && next < voters.length) {
        const user = voters[next++];
        const option = next % OPTIONS.length;
        const sentIn = phase;
        const res = await t.post(actionExecute(t.stub.url, user, 'poll.vote', { pollId, option }, { replyToId: messageId }));
        expect(res.status).toBe(200);
        expect(res.body?.type).toBe('application/vnd.microsoft.card.adaptive');
        // acknowledged: Teams showed the voter their card. 'before' only if the click was also sent before.
        acked.push({ user, option, phase: sentIn === 'before' && phase === 'before' ? 'before' : 'during' });
      }
    };
    const storm = Promise.all(Array.from({ length: 8 }, worker));
    while (acked.length < 40) await new Promise((r) => setTimeout(r, 5));
    phase = 'during';
    const backup = await runTool('backup.ts', [backupFile], { DATA_DIR: t.dataDir }).done;
    phase = 'after';
    await storm;
    await t.bot.modules.find((m) => m.name === 'polls')?.idle?.();

    expect(backup).toMatchObject({ code: 0, err: '' });
    expect(backup.out).toMatch(/^Back-up gemaakt: .*mid-storm\.db \(.* MB, \d+ ms, migraties actueel\)\.\n$/);
    const before = acked.filter((a) => a.phase === 'before');
    expect(before.length).toBeGreaterThanOrEqual(40);
    expect(acked.length - before.length).toBeGreaterThan(0); // the bot really took votes while the back-up ran

    // restore into a new DATA_DIR and start a bot on it
    const restoredDir = path.join(tmp, 'restored');
    const restore = await runTool('restore.ts', [backupFile], { DATA_DIR: restoredDir, APP_SECRET: SECRET }).done;
    expect(restore).toMatchObject({ code: 0, err: '' });
    expect(restore.out).toContain(`Teruggezet: ${backupFile} → ${path.join(restoredDir, 'wijkbot.db')}.`);

    const stub = await new ConnectorStub().start();
    const bot = await startWijkbot({ env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: restoredDir, SEED_DEMO: 'false', LOG_LEVEL: 'silent', APP_SECRET: SECRET }, jobsTimer: false });
    try {
      const votes = await bot.services.db.pollVote.findMany({ where: { pollId }, select: { personId: true, option: true } });
      const people = new Map((await bot.services.db.person.findMany({ select: { id: true, aadObjectId: true } })).map((p) => [p.aadObjectId, p.id]));
      const stored = new Map(votes.map((v) => [v.personId, v.option]));
      const missing = before.filter((a) => stored.get(people.get(a.user.aad)!) !== a.option);
      expect(missing).toEqual([]);
      expect(votes.length).toBeLessThanOrEqual(acked.length); // a snapshot: nothing invented, no doubles
      // and the restored bot says so through Teams, to the voter
      for (const a of before.slice(0, 3)) {
        const view = await fetch(`${bot.url}/api/messages`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(actionExecute(stub.url, a.user, 'poll.view', { pollId }, { replyToId: messageId, trigger: 'automatic' })),
        });
        expect(textOf(((await view.json()) as { value: unknown }).value)).toContain(`Jij stemde: ${OPTIONS[a.option]}`);
      }
      expect((await checkDatabase(bot.services.db, 'full')).ok).toBe(true);
    } finally {
      await bot.stop();
      await stub.stop();
    }
  } finally {
    await t.stop();
  }
}, 180_000);

describe('restore refuses, with one line, and changes nothing', () => {
  const live = () => path.join(tmp, 'data', 'wijkbot.db');
  beforeEach(() => {
    fs.mkdirSync(path.join(tmp, 'data'));
    fs.copyFileSync(TEMPLATE_DB, live());
  });
  const unchanged = () => {
    const bytes = fs.readFileSync(live());
    return () => expect(fs.readFileSync(live()).equals(bytes)).toBe(true);
  };

  test('a damaged back-up (pages overwritten)', async () => {
    const file = path.join(tmp, 'damaged.db');
    fs.copyFileSync(TEMPLATE_DB, file);
    overwritePages(file, 3, 6);
    const check = unchanged();
    await expect(restoreDatabase(file, live())).rejects.toThrow(/^damaged\.db is beschadigd \(.+\); er is niets teruggezet\.$/);
    check();
    expect(fs.readdirSync(path.join(tmp, 'data'))).toEqual(['wijkbot.db']);
  });

  test('a file that is not a database, and a database that is not Wijkbot\'s', async () => {
    const text = path.join(tmp, 'notes.db');
    fs.writeFileSync(text, 'geen database\n'.repeat(400));
    const check = unchanged();
    await expect(restoreDatabase(text, live())).rejects.toThrow(/^notes\.db is beschadigd \(.*not a database.*\)/);
    const foreign = path.join(tmp, 'foreign.db');
    const db = createDb(foreign);
    await db.$executeRawUnsafe('CREATE TABLE "boodschappen" ("wat" TEXT)');
    await db.$disconnect();
    await expect(restoreDatabase(foreign, live())).rejects.toThrow('foreign.db is geen Wijkbot-database (de tabel _prisma_migrations ontbreekt); er is niets teruggezet.');
    check();
  });

  test('a back-up from a newer Wijkbot (a migration this checkout does not know)', async () => {
    const file = path.join(tmp, 'newer.db');
    fs.copyFileSync(TEMPLATE_DB, file);
    const db = createDb(file);
    await db.$executeRawUnsafe(`INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "finished_at", "applied_steps_count") VALUES ('x', 'x', '29990101000000_from_the_future', 0, 0, 1)`);
    await db.$disconnect();
    const check = unchanged();
    await expect(restoreDatabase(file, live())).rejects.toThrow('newer.db komt van een nieuwere Wijkbot (migratie 29990101000000_from_the_future is hier onbekend); werk Wijkbot eerst bij naar die versie. Er is niets teruggezet.');
    check();
  });

  test('while a bot has the database open, through the command line too', async () => {
    const t = await startTestBot();
    try {
      const file = path.join(tmp, 'good.db');
      fs.copyFileSync(TEMPLATE_DB, file);
      const target = path.join(t.dataDir, 'wijkbot.db');
      const before = await t.bot.services.db.wijkGroup.count();
      await expect(restoreDatabase(file, target)).rejects.toThrow(RestoreRefused);
      const cli = await runTool('restore.ts', [file], { DATA_DIR: t.dataDir, APP_SECRET: SECRET }).done;
      expect(cli.code).toBe(1);
      expect(cli.err).toBe(`De database ${target} is in gebruik (draait Wijkbot nog, of een import?); stop de bot eerst. Er is niets teruggezet.`);
      expect(cli.out).toBe('');
      await t.bot.services.db.wijkGroup.create({ data: { name: 'Nog steeds', slug: 'nog-steeds' } }); // the bot is unharmed
      expect(await t.bot.services.db.wijkGroup.count()).toBe(before + 1);
      expect(fs.readdirSync(t.dataDir).filter((n) => n.includes('restore'))).toEqual([]);
    } finally {
      await t.stop();
    }
  }, 60_000);

  test('(and accepts) an older back-up: the replaced database is kept, the next start applies the missing migration', async () => {
    const file = path.join(tmp, 'older.db');
    fs.copyFileSync(TEMPLATE_DB, file);
    const db = createDb(file);
    const last = await undoNewestMigration(db);
    expect(last).toBe(migrationNames().at(-1));
    // the back-up remembers a handled message: after the upgrade a redelivery of it must still be a repeat
    await db.$executeRawUnsafe(`INSERT INTO "ProcessedActivity" ("key", "processedAt") VALUES ('conv-1|msg-1', '2026-12-01T09:00:00.000+00:00')`);
    await db.$disconnect();
    const original = fs.readFileSync(live());
    const result = await restoreDatabase(file, live(), new Date('2026-12-01T10:00:00Z'));
    expect(result).toEqual({ previous: `${live()}.before-restore-20261201T100000Z`, pendingMigrations: [last] });
    expect(fs.readFileSync(result.previous!).equals(original)).toBe(true);
    expect(fs.readFileSync(live()).equals(fs.readFileSync(file))).toBe(true);
    const bot = await startWijkbot({ env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: path.join(tmp, 'data'), SEED_DEMO: 'false', LOG_LEVEL: 'silent', APP_SECRET: SECRET }, jobsTimer: false });
    try {
      // the missing migration ran on start, and kept the back-up's rows
      const [table] = await bot.services.db.$queryRawUnsafe<{ sql: string }[]>(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'ProcessedActivity'`);
      expect(table?.sql).toMatch(/WITHOUT ROWID/);
      expect((await bot.services.db.processedActivity.findMany()).map((r) => r.key)).toEqual(['conv-1|msg-1']);
    } finally {
      await bot.stop();
    }
  }, 60_000);
});

test('npm run backup never overwrites a file, and says so', async () => {
  const dataDir = path.join(tmp, 'data');
  fs.mkdirSync(dataDir);
  fs.copyFileSync(TEMPLATE_DB, path.join(dataDir, 'wijkbot.db'));
  const target = path.join(tmp, 'exists.db');
  fs.writeFileSync(target, 'precious');
  const run = await runTool('backup.ts', [target], { DATA_DIR: dataDir }).done;
  expect(run.code).toBe(1);
  expect(run.err).toBe(`Back-up mislukt: ${target} bestaat al; kies een nieuwe bestandsnaam (een back-up overschrijft nooit een ander bestand).`);
  expect(fs.readFileSync(target, 'utf8')).toBe('precious');
}, 60_000);

test('the nightly back-up job writes a checked copy into BACKUP_DIR and keeps the newest BACKUP_KEEP', async () => {
  let now = new Date('2026-11-23T12:00:00Z');
  const backupDir = path.join(tmp, 'nightly');
  fs.mkdirSync(backupDir);
  fs.writeFileSync(path.join(backupDir, 'notes.txt'), 'an operator file, never touched');
  const t = await startTestBot({ clock: () => now, env: { BACKUP_DIR: backupDir, BACKUP_KEEP: '2' } });
  try {
    await importRoster(t.bot);
    const runs: Date[] = [];
    for (let night = 0; night < 3; night++) {
      const job = await t.bot.services.db.job.findFirstOrThrow({ where: { kind: BACKUP_JOB, status: 'pending' }, orderBy: { runAt: 'asc' } });
      expect(job.runAt.toISOString()).toMatch(/T01:45:00\.000Z$/); // 02:45 in Amsterdam (winter time)
      now = new Date(job.runAt.getTime() + 60_000);
      runs.push(now);
      await t.bot.services.jobs.runDue();
    }
    const kept = listNightlyBackups(backupDir);
    expect(kept.map((b) => b.at.toISOString())).toEqual(runs.slice(1).map((d) => d.toISOString().replace(/\.\d{3}Z$/, '.000Z')));
    expect(fs.readdirSync(backupDir).sort()).toEqual([...kept.map((b) => path.basename(b.file)), 'notes.txt'].sort());
    const copy = createDb(kept.at(-1)!.file);
    try {
      expect(await copy.person.count()).toBe(await t.bot.services.db.person.count());
    } finally {
      await copy.$disconnect();
    }
    const metrics = await (await fetch(`${t.bot.url}/metrics`)).text();
    expect(metrics).toContain('wijkbot_backups 2');
    expect(metrics).toContain(`wijkbot_backup_newest_timestamp_seconds ${Math.floor(runs[2].getTime() / 1000)}`);
    expect(metrics).toMatch(/wijkbot_job_runs_total\{kind="backup\.nightly",result="done"\} 3/);
  } finally {
    await t.stop();
  }
}, 60_000);
