/**
 * On the embedded database a vote is written through the fast lane (src/features/polls/voteStore.ts over
 * src/db/preparedSqlite.ts), and through Prisma when the lane cannot (the write lock is held elsewhere).
 * Whichever lane writes it, through the real HTTP path: the rows are the ones Prisma reads, a repeat is
 * counted once, the open-poll guard in the same transaction refuses a vote past the deadline and keeps
 * nothing of it. (The Prisma lane alone is what test/e2e/polls.test.ts runs on PostgreSQL.)
 *
 * A person's view of a running poll (counts, turnout, their own ballot) is read the same two ways
 * (src/features/polls/viewReads.ts): both lanes read the same rows to the same answer, and the clicks that
 * are not a fresh vote (an outsider, an anonymous repeat) take the fast lane through the real HTTP path.
 */
import { actionExecute, type TestUser } from '../support/activities';
import { textOf } from '../support/connectorStub';
import { startTestBot, type TestBot } from '../support/harness';
import { publishRaadPoll } from '../support/raadPoll';
import { importRoster, USERS } from '../support/roster';
import { withLockHeldAtEachFastWrite } from '../support/lockedLane';
import { PollViewReads } from '../../src/features/polls/viewReads';
import { voterKey } from '../../src/features/polls/anonymity';
import { toRecord } from '../../src/features/polls/repository';
import type { PollsModule } from '../../src/teams/handlers/polls';

const RAAD2: TestUser = { aad: 'b0000000-0000-4000-8000-000000000002', name: 'Roos Raadslid' };
const now = new Date('2026-11-23T10:00:00Z');
let t: TestBot;

beforeEach(async () => {
  t = await startTestBot({ clock: () => now });
  await importRoster(t.bot);
  await importRoster(t.bot, `wijkgroep,naam,email,aad_object_id,rol\nNoord,Roos Raadslid,roos@wijkbot.test,${RAAD2.aad},raadslid\n`);
});
afterEach(async () => t?.stop());

const db = () => t.bot.services.db;
const lane = () => t.bot.services.sqlite.counts;

async function vote(user: TestUser, pollId: number, messageId: string, data: Record<string, unknown>): Promise<string> {
  const res = await t.post(actionExecute(t.stub.url, user, 'poll.vote', { pollId, ...data }, { replyToId: messageId }));
  expect(res.status).toBe(200);
  return textOf({ type: 'AdaptiveCard', body: res.body.value?.body ?? [] }) || JSON.stringify(res.body.value);
}

test('named votes go through the fast lane: Prisma reads the same ballot and votes, a change replaces the choice, the voter sees the new counts', async () => {
  const { pollId, messageId } = await publishRaadPoll(t, false);
  const fastBefore = lane().fast;
  expect(await vote(USERS.raad1, pollId, messageId, { option: 0 })).toContain('Je stem is opgeslagen');
  expect(await vote(RAAD2, pollId, messageId, { option: 0 })).toContain('Jij stemde: Ja');
  const changed = await vote(USERS.raad1, pollId, messageId, { option: 2 });
  expect(changed).toContain('Je stem is gewijzigd');
  expect(changed).toMatch(/Ja[\s\S]*1 stem · 50%[\s\S]*Alleen digitaal[\s\S]*1 stem · 50%/);
  expect(lane().fast - fastBefore).toBeGreaterThanOrEqual(3);

  const raad1 = await db().person.findUniqueOrThrow({ where: { aadObjectId: USERS.raad1.aad } });
  expect(await db().pollVote.findMany({ where: { pollId, personId: raad1.id }, select: { option: true } })).toEqual([{ option: 2 }]);
  expect(await db().pollBallot.count({ where: { pollId } })).toBe(2);
  expect((await db().pollBallot.findFirstOrThrow({ where: { pollId, personId: raad1.id } })).voterKey).toMatch(/\S{20,}/);
  expect((await db().poll.findUniqueOrThrow({ where: { id: pollId } })).changes).toBe(3);
});

test('when the write lock is held elsewhere at the moment of the write, votes take the Prisma lane and still count once', async () => {
  for (const anonymous of [false, true]) {
    const { pollId, messageId } = await publishRaadPoll(t, anonymous);
    const fallbackBefore = lane().fallback;
    const answers = await withLockHeldAtEachFastWrite(t.bot, async () => [
      await vote(USERS.raad1, pollId, messageId, { option: 1, choices: '1' }),
      await vote(USERS.raad1, pollId, messageId, { option: 1, choices: '1' }),
    ]);
    expect(lane().fallback - fallbackBefore).toBe(2);
    expect(await db().pollBallot.count({ where: { pollId } })).toBe(1);
    if (anonymous) {
      expect((await db().pollTally.findMany({ where: { pollId }, orderBy: { option: 'asc' } })).map((r) => r.count)).toEqual([0, 1, 0]);
      expect(answers[1]).toMatch(/al gestemd/);
    } else {
      expect(await db().pollVote.count({ where: { pollId } })).toBe(1);
      expect(answers[1]).toMatch(/niets veranderd/);
    }
  }
});

test('an anonymous repeat through the fast lane keeps nothing of the second click; a vote past the deadline is refused by the guard and leaves nothing', async () => {
  const { pollId, messageId } = await publishRaadPoll(t, true);
  await vote(USERS.raad1, pollId, messageId, { choices: '0' });
  expect(await vote(USERS.raad1, pollId, messageId, { choices: '2' })).toMatch(/al gestemd/);
  expect((await db().pollTally.findMany({ where: { pollId }, orderBy: { option: 'asc' } })).map((r) => r.count)).toEqual([1, 0, 0]);

  // the deadline passed a minute ago; the service's cached poll row still says open, the guard decides
  await db().poll.update({ where: { id: pollId }, data: { deadline: new Date(now.getTime() - 60_000) } });
  const fastBefore = lane().fast;
  const late = await vote(RAAD2, pollId, messageId, { choices: '1' });
  expect(late).toMatch(/gesloten/);
  expect(lane().fast).toBeGreaterThan(fastBefore);
  expect(await db().pollBallot.count({ where: { pollId } })).toBe(1);
  expect((await db().pollTally.findMany({ where: { pollId }, orderBy: { option: 'asc' } })).map((r) => r.count)).toEqual([1, 0, 0]);
});

async function personId(user: TestUser): Promise<string> {
  return (await db().person.findUniqueOrThrow({ where: { aadObjectId: user.aad } })).id;
}

test('the fast lane and Prisma read the same counts, turnout and own ballots (named with feedback, anonymous)', async () => {
  for (const anonymous of [false, true]) {
    const { pollId, messageId } = await publishRaadPoll(t, anonymous);
    await db().poll.update({ where: { id: pollId }, data: { feedback: true } });
    await vote(USERS.raad1, pollId, messageId, { option: 2, choices: '2', feedback: 'Liever om de maand' });
    await vote(RAAD2, pollId, messageId, { option: 0, choices: '0' });
    const poll = toRecord(await db().poll.findUniqueOrThrow({ where: { id: pollId } }));
    const fast = new PollViewReads(db(), t.bot.services.sqlite);
    const prisma = new PollViewReads(db(), null);
    const secret = t.bot.services.appSecret;

    const fastBefore = lane().fast;
    expect(await fast.counts(poll)).toEqual([1, 0, 1]);
    expect(await fast.voters(pollId)).toBe(2);
    expect(lane().fast - fastBefore).toBe(2);
    expect(await prisma.counts(poll)).toEqual([1, 0, 1]);
    expect(await prisma.voters(pollId)).toBe(2);

    for (const user of [USERS.raad1, RAAD2, USERS.gpOost]) {
      const id = await personId(user);
      const key = voterKey(secret, pollId, id);
      const mine = await fast.myBallot(poll, key, id);
      expect(mine).toEqual(await prisma.myBallot(poll, key, id));
      if (user === USERS.gpOost) expect(mine).toEqual({ kind: 'none' });
      else if (anonymous) expect(mine).toEqual({ kind: 'anonymous' });
      else expect(mine).toEqual(user === USERS.raad1 ? { kind: 'named', choices: [2], comment: 'Liever om de maand' } : { kind: 'named', choices: [0], comment: null });
    }
  }
});

test('an outsider and an anonymous repeat are answered with the poll as it stands, read through the fast lane', async () => {
  const { pollId, messageId } = await publishRaadPoll(t, true);
  await vote(USERS.raad1, pollId, messageId, { choices: '1' });
  const polls = t.bot.modules.find((m) => m.name === 'polls') as PollsModule;
  const readsBefore = lane().fast;

  const repeat = await vote(USERS.raad1, pollId, messageId, { choices: '2' });
  expect(repeat).toMatch(/al gestemd/);
  expect(repeat).toMatch(/1 van 2 stemde/); // the turnout, read now
  expect(repeat).toMatch(/Je hebt gestemd\./); // their own ballot, read now
  const outsider = await vote(USERS.gpOost, pollId, messageId, { choices: '0' });
  expect(outsider).toMatch(/Je hoort niet bij de stemgerechtigden van deze peiling \(de ROHA-raad\)/);
  expect(outsider).toMatch(/1 van 2 stemde/);

  // the repeat's refused write, and each view's counts and own-ballot reads, went through the lane
  expect(lane().fast - readsBefore).toBeGreaterThanOrEqual(5);
  expect((await db().pollTally.findMany({ where: { pollId }, orderBy: { option: 'asc' } })).map((r) => r.count)).toEqual([0, 1, 0]);
  expect(await db().pollBallot.count({ where: { pollId } })).toBe(1);
  expect((await polls.polls.snapshot(pollId)).counts).toEqual([0, 1, 0]);
});
