import { JobQueue } from '../../src/jobs/jobQueue';
import { createLogger } from '../../src/log';
import { startTestBot, type TestBot } from '../support/harness';

let now = new Date('2026-12-01T10:00:00Z');
let t: TestBot;
beforeEach(async () => {
  now = new Date('2026-12-01T10:00:00Z');
  t = await startTestBot({ clock: () => now });
});
afterEach(async () => t.stop());

const at = (iso: string) => new Date(iso);

describe('durable jobs', () => {
  test('scheduling the same key twice plans one job, which runs once when due', async () => {
    const runs: { payload: unknown; lateByMs: number }[] = [];
    t.bot.services.jobs.register('test.once', async (payload, ctx) => void runs.push({ payload, lateByMs: ctx.lateByMs }));
    await t.bot.services.jobs.schedule('test.once', 'k1', at('2026-12-01T12:00:00Z'), { n: 1 });
    await t.bot.services.jobs.schedule('test.once', 'k1', at('2026-12-01T12:00:00Z'), { n: 2 });
    expect(await t.bot.services.db.job.count({ where: { uniqueKey: 'k1' } })).toBe(1);
    expect(await t.bot.services.jobs.runDue()).toBe(0);
    now = at('2026-12-01T12:00:05Z');
    expect(await t.bot.services.jobs.runDue()).toBe(1);
    expect(await t.bot.services.jobs.runDue()).toBe(0);
    expect(runs).toEqual([{ payload: { n: 2 }, lateByMs: 5000 }]);
  });

  test('two instances polling the same database run a due job exactly once', async () => {
    let runs = 0;
    const other = new JobQueue(t.bot.services.db, createLogger('silent'), () => now);
    const handler = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 20));
    };
    t.bot.services.jobs.register('test.shared', handler);
    other.register('test.shared', handler);
    for (let i = 0; i < 10; i++) await t.bot.services.jobs.schedule('test.shared', `shared-${i}`, at('2026-12-01T09:00:00Z'));
    await Promise.all([t.bot.services.jobs.runDue(), other.runDue(), t.bot.services.jobs.runDue(), other.runDue()]);
    expect(runs).toBe(10);
    expect(await t.bot.services.db.job.count({ where: { status: 'done' } })).toBe(10);
  });

  test('a job whose time passed while the bot was down runs after a restart, once, and knows how late it is', async () => {
    await t.bot.services.jobs.schedule('test.restart', 'r1', at('2026-12-01T11:00:00Z'));
    const dataDir = t.dataDir;
    await t.bot.stop();
    const { startWijkbot } = await import('../../src');
    now = at('2026-12-01T15:00:00Z');
    const again = await startWijkbot({ env: { ...t.env, DATA_DIR: dataDir }, clock: () => now, jobsTimer: false });
    try {
      const late: number[] = [];
      again.services.jobs.register('test.restart', async (_p, ctx) => void late.push(ctx.lateByMs));
      await again.services.jobs.runDue();
      await again.services.jobs.runDue();
      expect(late).toEqual([4 * 3600_000]);
    } finally {
      await again.stop();
    }
  });

  test('a failing job is retried with backoff and marked failed after the last attempt', async () => {
    let calls = 0;
    t.bot.services.jobs.register('test.fail', async () => {
      calls++;
      throw new Error('connector down');
    });
    await t.bot.services.jobs.schedule('test.fail', 'f1', now);
    for (let i = 0; i < 8; i++) {
      await t.bot.services.jobs.runDue();
      now = new Date(now.getTime() + 20 * 60_000); // past every backoff step
    }
    const job = await t.bot.services.db.job.findUniqueOrThrow({ where: { uniqueKey: 'f1' } });
    expect(calls).toBe(5);
    expect(job).toMatchObject({ status: 'failed', attempts: 5, lastError: 'connector down' });
  });

  test('a job left running by a crashed instance is taken over after its lease', async () => {
    let runs = 0;
    t.bot.services.jobs.register('test.lease', async () => void runs++);
    await t.bot.services.jobs.schedule('test.lease', 'l1', at('2026-12-01T09:00:00Z'));
    await t.bot.services.db.job.update({ where: { uniqueKey: 'l1' }, data: { status: 'running', leaseUntil: at('2026-12-01T10:03:00Z'), attempts: 1 } });
    await t.bot.services.jobs.runDue();
    expect(runs).toBe(0); // lease still valid: the other instance may still be working on it
    now = at('2026-12-01T10:04:00Z');
    await t.bot.services.jobs.runDue();
    expect(runs).toBe(1);
  });

  test('a handler still running when its lease ends does not hold up the jobs behind it, and the job is claimable again', async () => {
    const queue = new JobQueue(t.bot.services.db, createLogger('silent'), () => now, { leaseMs: 300 });
    const ran: string[] = [];
    queue.register('test.stuck', () => new Promise<void>(() => void ran.push('stuck'))); // never settles
    queue.register('test.behind', async () => void ran.push('behind'));
    await queue.schedule('test.stuck', 's1', at('2026-12-01T09:00:00Z'));
    await queue.schedule('test.behind', 'b1', at('2026-12-01T09:30:00Z'));
    expect(await queue.runDue()).toBe(1); // returned although 'stuck' never will
    expect(ran).toEqual(['stuck', 'behind']);
    const stuck = await t.bot.services.db.job.findUniqueOrThrow({ where: { uniqueKey: 's1' } });
    expect(stuck.status).toBe('running'); // not done, not failed: its claim expires like a dead instance's
    now = new Date(now.getTime() + 1_000);
    await queue.runDue();
    expect(ran).toEqual(['stuck', 'behind', 'stuck']);
  });

  test('a cancelled job does not run', async () => {
    let runs = 0;
    t.bot.services.jobs.register('test.cancel', async () => void runs++);
    await t.bot.services.jobs.schedule('test.cancel', 'c1', now);
    await t.bot.services.jobs.cancel('c1');
    await t.bot.services.jobs.runDue();
    expect(runs).toBe(0);
  });

  test('housekeeping forgets old activity ids but keeps recent ones, and plans its next run', async () => {
    const db = t.bot.services.db;
    await db.processedActivity.create({ data: { key: 'old', processedAt: at('2026-11-25T10:00:00Z') } });
    await db.processedActivity.create({ data: { key: 'recent', processedAt: at('2026-11-30T10:00:00Z') } });
    now = at('2026-12-02T03:31:00Z');
    await t.bot.services.jobs.runDue();
    expect((await db.processedActivity.findMany()).map((r) => r.key)).toEqual(['recent']);
    const next = await db.job.findFirst({ where: { kind: 'housekeeping.purge', status: 'pending' } });
    expect(next?.runAt.toISOString()).toBe('2026-12-03T02:30:00.000Z'); // 03:30 Amsterdam (CET)
  });
});
