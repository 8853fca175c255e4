/**
 * Chaos, with real processes: two Wijkbot instances (`node src/index.ts`, as `npm start` runs it) share one
 * PostgreSQL database and the traffic; one is killed with SIGKILL in the middle of a storm. A click that
 * got no answer is sent again to the survivor (what Teams and a load balancer do). Then: every
 * acknowledged vote and answer is stored exactly once, reminders due during the storm all go out, and the
 * shared cards end with the final counts. And the database itself restarting: /healthz says 503 while it
 * is away, and the bot recovers by itself without losing what it acknowledged.
 */
import { randomUUID } from 'node:crypto';
import { startPgCluster, type PgCluster } from '../../scripts/pg/cluster';
import type { Db } from '../../src/db/client';
import { migratePostgres } from '../../src/db/pgMigrations';
import { createPostgresDb } from '../../src/db/postgres';
import { parseRosterCsv } from '../../src/features/groups/rosterCsv';
import { GroupsService } from '../../src/features/groups/service';
import { actionExecute, channelMessage, TENANT, type TestUser } from '../support/activities';
import { cardOf, ConnectorStub, textOf } from '../support/connectorStub';
import { actionsOf, inputsOf } from '../support/cardInspect';
import { adminQuery, createTestDatabase, dropTestDatabase } from '../support/pgDatabases';
import { health, post, running, sleep, startInstance as startProcess, stopAll, type Instance } from '../support/instances';
import { USERS } from '../support/roster';

/** An instance on `databaseUrl` that polls jobs often and hands a dead instance's jobs over after 10 s (shorter leases than a send can take on a loaded machine would hand over live jobs too). */
const startInstance = (name: string, databaseUrl: string) =>
  startProcess(name, { DATABASE_URL: databaseUrl, APP_SECRET: SECRET, JOBS_POLL_MS: '250', JOBS_LEASE_MS: '10000' });

jest.setTimeout(300_000);

const SECRET = 'chaos-secret-chaos-secret-chaos-secret-0123456789';

/** Acknowledged: answered 200 with a card that is not the apology for an unexpected error. */
function acknowledged(r: { status: number; body: any } | null): boolean {
  return Boolean(r && r.status === 200 && r.body?.type === 'application/vnd.microsoft.card.adaptive' && !JSON.stringify(r.body).includes('Er ging iets mis'));
}

/** Runs clicks with `concurrency` in flight; the `kill` callback fires once `killAfter` clicks have been sent. */
async function storm<T>(items: T[], concurrency: number, send: (item: T, n: number) => Promise<void>, killAfter: number, kill: () => void): Promise<void> {
  let next = 0;
  let killed = false;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let n = next++; n < items.length; n = next++) {
      if (!killed && n >= killAfter) {
        killed = true;
        kill();
      }
      await send(items[n]!, n);
    }
  }));
}

async function waitFor<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() - t0 > timeoutMs) {
      // what the instances said (warnings and errors only) helps more than the timeout itself
      const said = [...running].map((i) => `${i.name}: ${i.output().slice(-1500)}`).join('\n');
      throw new Error(`${what}: still ${JSON.stringify(v).slice(0, 300)} after ${timeoutMs} ms\n${said}`);
    }
    await sleep(250);
  }
}

const PEOPLE = 500;
const people: TestUser[] = Array.from({ length: PEOPLE }, (_, i) => ({ aad: randomUUID(), name: `Huisarts ${i + 1}` }));
let stub: ConnectorStub;
let database: { url: string; name: string };
let db: Db;

beforeAll(async () => {
  stub = await new ConnectorStub().start();
  database = await createTestDatabase();
  db = createPostgresDb(database.url);
  // the roster: the admin and the coordinator through the import code path; the 500 written in bulk (the
  // import itself is tested elsewhere, and row by row it takes minutes on a loaded machine)
  const parsed = parseRosterCsv(`wijkgroep,naam,email,aad_object_id,rol\n,Beheer Admin,admin@wijkbot.test,${USERS.admin.aad},admin\nOost,Carla Coördinator,carla@wijkbot.test,${USERS.coordOost.aad},coordinator\n`);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems).slice(0, 500));
  await new GroupsService(db, []).importRoster(parsed.rows, { dryRun: false, actorLabel: 'test' });
  const oost = await db.wijkGroup.findUniqueOrThrow({ where: { slug: 'oost' } });
  await db.person.createMany({ data: people.map((u, i) => ({ id: `chaos-${i}`, aadObjectId: u.aad, email: `h${i}@chaos.test`, name: u.name })) });
  await db.membership.createMany({
    data: people.flatMap((_, i) => [
      { personId: `chaos-${i}`, role: 'huisarts', groupId: oost.id, scope: oost.id },
      { personId: `chaos-${i}`, role: 'raadslid', groupId: null, scope: '*' },
    ]),
  });
  // everyone reachable personally, as after Wijkbot read the team's roster (reminders go to personal chats)
  const ids = await db.person.findMany({ select: { id: true, aadObjectId: true } });
  await db.teamsUser.createMany({ data: ids.map((p) => ({ personId: p.id, userId: `29:${p.aadObjectId}`, tenantId: TENANT, serviceUrl: stub.url })) });
});

/** Two live instances on the test's database: [the one a storm kills, the survivor]. An instance that
 *  survived the previous test is kept (restarts are what make this file slow), the rest are started. */
let started = 0;
async function twoInstances(): Promise<[Instance, Instance]> {
  const live = [...running].filter((i) => i.child.exitCode === null && i.child.signalCode === null);
  while (live.length < 2) live.push(await startInstance(`i${++started}`, database.url));
  return [live[1]!, live[0]!];
}

afterAll(async () => {
  // whatever failed: no instance outlives the file (SIGKILL: nothing of theirs is checked any more)
  for (const i of running) i.child.kill('SIGKILL');
  await Promise.all([...running].map((i) => i.exited));
  await db?.$disconnect();
  await stub?.stop();
  if (database) await dropTestDatabase(database.name);
});

async function publishPoll(via: Instance, anonymous: boolean): Promise<{ pollId: number; messageId: string }> {
  const before = stub.sent.length;
  await post(via, channelMessage(stub.url, USERS.admin, 'peiling Chaos? | Ja | Nee | Misschien'));
  const draft = cardOf(stub.sent.slice(before).at(-1)?.body);
  const pollId = (await db.poll.findFirstOrThrow({ orderBy: { id: 'desc' } })).id;
  const res = await post(via, actionExecute(stub.url, USERS.admin, 'poll.publish', { pollId, ...inputsOf(draft), audience: 'raad', secrecy: anonymous ? 'anonymous' : 'named' }));
  expect(acknowledged(res)).toBe(true);
  const row = await db.poll.findUniqueOrThrow({ where: { id: pollId } });
  expect(row.status).toBe('open');
  return { pollId, messageId: row.messageId! };
}

const lastCardText = (messageId: string) => {
  const put = stub.updates.filter((u) => u.activityId === messageId).at(-1);
  return put ? textOf({ type: 'AdaptiveCard', body: cardOf(put.body)?.body ?? [] }) : '';
};

test('a 500-vote storm over two instances, one killed with SIGKILL half-way: every acknowledged vote stored once, and the card ends right', async () => {
  const [a, b] = await twoInstances();
  const { pollId, messageId } = await publishPoll(a, false);
  const choice = new Map(people.map((u, i) => [u.aad, i % 3]));
  const acked = new Set<string>();
  let retried = 0;
  await storm(people, 40, async (u, n) => {
    const click = actionExecute(stub.url, u, 'poll.vote', { pollId, option: choice.get(u.aad) }, { replyToId: messageId });
    let res = await post(n % 2 ? b : a, click);
    if (!acknowledged(res)) {
      retried++;
      res = await post(b, click); // Teams resends an invoke that got no answer; the balancer sends it to a live instance
    }
    if (acknowledged(res)) acked.add(u.aad);
  }, PEOPLE / 2, () => a.child.kill('SIGKILL'));
  expect(await a.exited).toBeNull(); // killed, not exited
  expect(retried).toBeGreaterThan(0); // the kill really hit clicks in flight

  const votes = await db.pollVote.findMany({ where: { pollId }, select: { personId: true, option: true } });
  const aadOf = new Map((await db.person.findMany({ select: { id: true, aadObjectId: true } })).map((p) => [p.id, p.aadObjectId!]));
  const perPerson = new Map<string, number[]>();
  for (const v of votes) perPerson.set(aadOf.get(v.personId)!, [...(perPerson.get(aadOf.get(v.personId)!) ?? []), v.option]);
  expect(acked.size).toBe(PEOPLE); // with the retry, every click got its answer
  for (const aad of acked) expect({ aad, options: perPerson.get(aad) }).toEqual({ aad, options: [choice.get(aad)] });
  expect(votes).toHaveLength(acked.size);

  const eligible = (await db.poll.findUniqueOrThrow({ where: { id: pollId } })).eligibleCount;
  await waitFor('the shared card', async () => lastCardText(messageId), (text) => text.includes(`${PEOPLE} van ${eligible} stemden`));
});

test('a 200-RSVP storm with reminders due, one instance killed half-way: every acknowledged answer stored once, every reminder sent, the invitation card ends right', async () => {
  const [a, b] = await twoInstances(); // the previous test's survivor and the killed one restarted
  // the channel is linked to Oost and an FTO is planned there: the invitation goes out by a job
  await post(a, channelMessage(stub.url, USERS.coordOost, 'koppel Oost'));
  const before = stub.sent.length;
  // the plan command redelivered to both instances at once (Teams retried, the balancer split): one draft
  const plan = channelMessage(stub.url, USERS.coordOost, 'plan FTO 14 jan 12:30 over chaos', { id: `chaos-plan-${randomUUID()}` });
  const [ra, rb] = await Promise.all([post(a, plan), post(b, plan)]);
  expect([ra?.status, rb?.status]).toEqual([200, 200]);
  expect(await db.meetingDraft.count()).toBe(1);
  expect(stub.sent.length - before).toBe(1);
  const draft = cardOf(stub.sent.slice(before).at(-1)?.body);
  const draftId = actionsOf(draft).find((x) => x.verb === 'meeting.draft.confirm')?.data.draftId;
  expect(acknowledged(await post(a, actionExecute(stub.url, USERS.coordOost, 'meeting.draft.confirm', { draftId, ...inputsOf(draft) })))).toBe(true);
  const meeting = await waitFor('the invitation', () => db.meeting.findFirstOrThrow({ orderBy: { createdAt: 'desc' } }), (m) => Boolean(m.messageId));

  // reminders due during the storm: an anonymous poll's reminder round (one job per person)
  const { pollId } = await publishPoll(a, true);
  const remindedBefore = stub.sent.length;
  const remind = await post(a, actionExecute(stub.url, USERS.admin, 'poll.remind', { pollId }));
  expect({ acknowledged: acknowledged(remind), text: textOf({ type: 'AdaptiveCard', body: remind?.body?.value?.body ?? [] }).match(/.*herinnering.*/i)?.[0] }).toMatchObject({ acknowledged: true });
  const reminderJobs = await db.job.count({ where: { kind: 'poll.remindPerson' } });
  expect(reminderJobs).toBeGreaterThan(0);

  const answers = ['yes', 'no', 'maybe'];
  const rsvpers = people.slice(0, 200);
  const acked = new Map<string, string>();
  await storm(rsvpers, 30, async (u, n) => {
    const answer = answers[n % 3]!;
    const click = actionExecute(stub.url, u, 'meeting.rsvp', { meetingId: meeting.id, answer }, { replyToId: meeting.messageId! });
    let res = await post(n % 2 ? b : a, click);
    if (!acknowledged(res)) res = await post(b, click);
    if (acknowledged(res)) acked.set(u.aad, answer);
  }, 100, () => a.child.kill('SIGKILL'));
  expect(await a.exited).toBeNull();

  const stored = await db.meetingRsvp.findMany({ where: { meetingId: meeting.id }, select: { personId: true, answer: true } });
  const aadOf = new Map((await db.person.findMany({ select: { id: true, aadObjectId: true } })).map((p) => [p.id, p.aadObjectId!]));
  expect(acked.size).toBe(rsvpers.length);
  expect(stored).toHaveLength(acked.size);
  for (const r of stored) expect(r.answer).toBe(acked.get(aadOf.get(r.personId)!));

  // every reminder job ends done (the killed instance's ones after their lease), each person's sent once
  await waitFor('the reminder jobs', () => db.job.findMany({ where: { kind: 'poll.remindPerson', status: { not: 'done' } }, select: { status: true, attempts: true, lastError: true }, take: 3 }), (rows) => rows.length === 0);
  const reminders = stub.sent.slice(remindedBefore).filter((c) => c.body?.summary === `Herinnering: peiling #${pollId}`);
  const perConversation = new Map<string, number>();
  for (const r of reminders) perConversation.set(r.conversationId!, (perConversation.get(r.conversationId!) ?? 0) + 1);
  const twice = [...perConversation.values()].filter((n) => n > 1).length;
  expect(perConversation.size).toBe(reminderJobs); // nobody missed
  // only a send that was in flight on the killed instance (its job not yet marked done) can go twice
  expect(twice).toBeLessThanOrEqual(1);

  const counts = { yes: 0, no: 0, maybe: 0 } as Record<string, number>;
  for (const r of stored) counts[r.answer]!++;
  const expected = `Ik kom: ${counts.yes} · Misschien: ${counts.maybe} · Ik kom niet: ${counts.no}`;
  await waitFor('the invitation card', async () => lastCardText(meeting.messageId!), (text) => text.includes(expected));
  await stopAll(); // the next test starts its own instance on its own cluster
});

describe('the database restarting', () => {
  let cluster: PgCluster;
  beforeAll(async () => {
    cluster = await startPgCluster(); // its own cluster: pausing it must not disturb other test files
  });
  afterAll(() => cluster?.stop());

  test('/healthz answers 503 while PostgreSQL is away, the bot recovers by itself, and nothing it acknowledged is lost', async () => {
    await adminQuery('SELECT 1'); // the run's cluster is up (sanity)
    const url = cluster.url('wijkbot');
    const { Client } = await import('pg');
    const c = new Client({ connectionString: cluster.url() });
    await c.connect();
    await c.query('CREATE DATABASE wijkbot');
    await c.end();
    await migratePostgres(url);
    const own = createPostgresDb(url);
    try {
      const rows = `wijkgroep,naam,email,aad_object_id,rol\n,Beheer Admin,admin@wijkbot.test,${USERS.admin.aad},admin\n${people.slice(0, 5).map((u, i) => `,${u.name},h${i}@chaos.test,${u.aad},raadslid`).join('\n')}\n`;
      const parsed = parseRosterCsv(rows);
      if (!parsed.ok) throw new Error('roster');
      await new GroupsService(own, []).importRoster(parsed.rows, { dryRun: false, actorLabel: 'test' });
      const bot = await startInstance('r', url);
      try {
        const before = stub.sent.length;
        await post(bot, channelMessage(stub.url, USERS.admin, 'peiling Herstart? | Ja | Nee'));
        const draft = cardOf(stub.sent.slice(before).at(-1)?.body);
        const pollId = (await own.poll.findFirstOrThrow({ orderBy: { id: 'desc' } })).id;
        expect(acknowledged(await post(bot, actionExecute(stub.url, USERS.admin, 'poll.publish', { pollId, ...inputsOf(draft), audience: 'raad', secrecy: 'named' })))).toBe(true);
        const vote = (u: TestUser) => post(bot, actionExecute(stub.url, u, 'poll.vote', { pollId, option: 0 }));
        expect(acknowledged(await vote(people[0]!))).toBe(true);

        expect(await health(bot, '/readyz')).toBe(200); // ready: probe and migration level both pass on PostgreSQL
        await own.$disconnect();
        cluster.pause();
        expect(await health(bot)).toBe(503);
        expect(await health(bot, '/readyz')).toBe(503); // the balancer takes it out of rotation
        const during = await vote(people[1]!);
        expect(acknowledged(during)).toBe(false); // not acknowledged: Teams shows the failure, the user clicks again
        cluster.start();
        await waitFor('health after the restart', () => health(bot), (s) => s === 200, 30_000);
        expect(await health(bot, '/readyz')).toBe(200);
        expect(acknowledged(await vote(people[1]!))).toBe(true);
        expect(acknowledged(await vote(people[2]!))).toBe(true);
        const votes = await own.pollVote.count({ where: { pollId } });
        expect(votes).toBe(3); // the one before the restart, and the two after
        expect(bot.child.exitCode).toBeNull(); // it never crashed
      } finally {
        bot.child.kill('SIGTERM');
        await bot.exited;
      }
    } finally {
      await own.$disconnect();
    }
  });
});
