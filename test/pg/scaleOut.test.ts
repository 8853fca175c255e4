/**
 * Two Wijkbot instances on one PostgreSQL database (two startWijkbot in this process: two Prisma clients,
 * two connection pools, two sets of caches), each receiving part of the traffic, as behind a load
 * balancer. Nothing is done twice, nothing is lost, and what one instance changes the other respects.
 */
import { randomUUID } from 'node:crypto';
import { startWijkbot, type RunningWijkbot } from '../../src';
import { JobQueue } from '../../src/jobs/jobQueue';
import { createLogger } from '../../src/log';
import type { PollsModule } from '../../src/teams/handlers/polls';
import { actionExecute, channelMessage, personalMessage, type TestUser } from '../support/activities';
import { cardOf, textOf } from '../support/connectorStub';
import { startTestBot, type TestBot } from '../support/harness';
import { importRoster, USERS } from '../support/roster';

let a: TestBot;
let b: RunningWijkbot;

beforeEach(async () => {
  a = await startTestBot();
  b = await startWijkbot({ env: a.env, jobsTimer: false }); // same DATABASE_URL, APP_SECRET
  await importRoster(a.bot);
});
afterEach(async () => {
  await b.stop();
  await a.stop();
});

async function postTo(bot: RunningWijkbot, activity: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const pollsOf = (bot: RunningWijkbot) => bot.modules.find((m) => m.name === 'polls') as PollsModule;

test('one activity redelivered to two different instances at once acts once', async () => {
  const activity = personalMessage(a.stub.url, USERS.coordOost, 'rol huisarts twee@wijkbot.test Oost', { id: `redelivered-${randomUUID()}` });
  const [ra, rb] = await Promise.all([postTo(a.bot, activity), postTo(b, activity)]);
  expect([ra.status, rb.status]).toEqual([200, 200]);
  const people = await a.bot.services.db.person.findMany({ where: { email: 'twee@wijkbot.test' }, include: { memberships: true } });
  expect(people).toHaveLength(1);
  expect(people[0]!.memberships).toHaveLength(1);
  expect(await a.bot.services.db.auditEvent.count({ where: { action: 'role.grant', entityId: people[0]!.id } })).toBe(1);
  // one answer in the chat, from whichever instance won the activity's key
  expect(a.stub.sentTexts().filter((text) => text.includes('twee@wijkbot.test') || text.includes('huisarts'))).toHaveLength(1);
});

test('a role revoked on one instance is refused on the other within a second', async () => {
  const grant = (n: number) => personalMessage(a.stub.url, USERS.coordOost, `rol huisarts nieuw${n}@wijkbot.test Oost`);
  await postTo(b, grant(1));
  expect(a.stub.sentTexts().at(-1)).not.toContain('mag de rol');
  await postTo(b, personalMessage(a.stub.url, USERS.coordOost, 'wie ben ik')); // B caches Carla, coordinator (its own grant cleared the cache)
  expect(a.stub.sentTexts().at(-1)).toContain('coördinator (Oost)');
  await a.post(personalMessage(a.stub.url, USERS.admin, 'rol weg coordinator carla@wijkbot.test Oost'));
  expect(a.stub.sentTexts().at(-1)).toContain('geen coördinator in Oost meer');
  await new Promise((r) => setTimeout(r, 1_000));
  await postTo(b, grant(2));
  expect(a.stub.sentTexts().at(-1)).toContain('mag de rol huisarts niet');
  expect(await a.bot.services.db.person.count({ where: { email: 'nieuw2@wijkbot.test' } })).toBe(0);
});

describe('jobs', () => {
  test('two instances racing for the same 200 due jobs run each exactly once', async () => {
    const runs = new Map<string, number>();
    const handler = async (payload: Record<string, unknown>) => {
      const key = String(payload.key);
      runs.set(key, (runs.get(key) ?? 0) + 1);
      await new Promise((r) => setTimeout(r, 2));
    };
    a.bot.services.jobs.register('test.race', handler);
    b.services.jobs.register('test.race', handler);
    const past = new Date(Date.now() - 60_000);
    for (let i = 0; i < 200; i++) await a.bot.services.jobs.schedule('test.race', `race-${i}`, past, { key: `race-${i}` });
    // each runDue takes at most a batch of 50: keep both polling until nothing is due
    const drain = async (bot: RunningWijkbot) => {
      while ((await bot.services.jobs.runDue()) > 0);
    };
    await Promise.all([drain(a.bot), drain(b), drain(a.bot), drain(b)]);
    expect(runs.size).toBe(200);
    expect([...runs.values()].every((n) => n === 1)).toBe(true);
    expect(await a.bot.services.db.job.count({ where: { kind: 'test.race', status: 'done', attempts: 1 } })).toBe(200);
  });

  test('a job whose instance died holding it runs on the other instance once its lease has passed, and the lost instance cannot mark it done', async () => {
    const db = a.bot.services.db;
    let now = new Date();
    const log = createLogger('silent');
    const dying = new JobQueue(db, log, () => now, { leaseMs: 2_000 });
    const survivor = new JobQueue(b.services.db, log, () => now, { leaseMs: 2_000 });
    let release!: () => void;
    const runs: string[] = [];
    dying.register('test.lease', () => new Promise<void>((resolve) => {
      runs.push('dying');
      release = resolve; // never finishes on its own: the instance "died" mid-job
    }));
    survivor.register('test.lease', async () => void runs.push('survivor'));
    await dying.schedule('test.lease', 'lease-1', new Date(now.getTime() - 1_000));
    const stuck = dying.runDue();
    while (!runs.length) await new Promise((r) => setTimeout(r, 10));
    expect(await survivor.runDue()).toBe(0); // the lease is still valid
    now = new Date(now.getTime() + 2_500);
    expect(await survivor.runDue()).toBe(1);
    expect(await survivor.runDue()).toBe(0);
    release(); // the lost instance comes back to life after all
    await stuck;
    expect(runs).toEqual(['dying', 'survivor']);
    expect(await db.job.findUniqueOrThrow({ where: { uniqueKey: 'lease-1' }, select: { status: true, attempts: true } })).toEqual({ status: 'done', attempts: 2 });
  });
});

test('a vote storm split across two instances: every vote stored once, and the shared card ends with the final counts', async () => {
  const voters: TestUser[] = Array.from({ length: 60 }, (_, i) => ({ aad: randomUUID(), name: `Raadslid ${i + 1}` }));
  await importRoster(a.bot, `wijkgroep,naam,email,aad_object_id,rol\n${voters.map((u, i) => `,${u.name},r${i}@scale.test,${u.aad},raadslid`).join('\n')}\n`);
  for (const bot of [a.bot, b]) pollsOf(bot).cardUpdates.minIntervalMs = 0;
  await a.post(channelMessage(a.stub.url, USERS.admin, 'peiling Schaal? | Ja | Nee'));
  const poll = await a.bot.services.db.poll.findFirstOrThrow({ orderBy: { id: 'desc' } });
  const draft = cardOf(a.stub.sent.at(-1)?.body);
  const inputs: Record<string, string> = {};
  JSON.stringify(draft, (_k, v) => {
    if (v && typeof v === 'object' && typeof v.type === 'string' && v.type.startsWith('Input.') && v.id) inputs[v.id] = String(v.value ?? '');
    return v;
  });
  await a.post(actionExecute(a.stub.url, USERS.admin, 'poll.publish', { pollId: poll.id, ...inputs, audience: 'raad', secrecy: 'named' }));
  const { messageId, eligibleCount } = await a.bot.services.db.poll.findUniqueOrThrow({ where: { id: poll.id } });
  expect(eligibleCount).toBeGreaterThanOrEqual(60);
  const results = await Promise.all(voters.map((u, i) =>
    postTo(i % 2 ? b : a.bot, actionExecute(a.stub.url, u, 'poll.vote', { pollId: poll.id, option: i % 3 === 0 ? 1 : 0 }, { replyToId: messageId! }))));
  expect(results.every((r) => r.status === 200)).toBe(true);
  await Promise.all([pollsOf(a.bot).idle(), pollsOf(b).idle()]);
  expect(await a.bot.services.db.pollVote.count({ where: { pollId: poll.id } })).toBe(60);
  const last = cardOf(a.stub.updates.filter((u) => u.activityId === messageId).at(-1)?.body);
  expect(textOf({ type: 'AdaptiveCard', body: last.body })).toContain(`60 van ${eligibleCount} stemden`);
}, 60_000);
