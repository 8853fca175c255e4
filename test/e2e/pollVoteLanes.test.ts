/**
 * On the embedded database a vote is written through the fast lane (src/features/polls/voteStore.ts over
 * src/db/preparedSqlite.ts), and through Prisma when the lane cannot (the write lock is held elsewhere).
 * Whichever lane writes it, through the real HTTP path: the rows are the ones Prisma reads, a repeat is
 * counted once, the open-poll guard in the same transaction refuses a vote past the deadline and keeps
 * nothing of it. (The Prisma lane alone is what test/e2e/polls.test.ts runs on PostgreSQL.)
 */
import { actionExecute, type TestUser } from '../support/activities';
import { textOf } from '../support/connectorStub';
import { startTestBot, type TestBot } from '../support/harness';
import { publishRaadPoll } from '../support/raadPoll';
import { importRoster, USERS } from '../support/roster';
import { withLockHeldAtEachFastWrite } from '../support/lockedLane';

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
