/**
 * On the embedded database an RSVP is written through the fast lane (src/features/meetings/rsvpAnswers.ts
 * over src/db/preparedSqlite.ts), and through Prisma when the lane cannot (the write lock is held
 * elsewhere). Whichever lane writes it, through the real HTTP path: one row per person that Prisma reads
 * back with its time, a repeat writes nothing, a change is one row changed, the shared card's version
 * moves with every change (so the card is brought up to date), and outsiders are still refused.
 * (The Prisma lane alone is what test/e2e/meetings.test.ts runs on PostgreSQL.)
 */
import { actionExecute, channelMessage, type TestUser } from '../support/activities';
import { cardOf, textOf } from '../support/connectorStub';
import { actionsOf, inputsOf } from '../support/cardInspect';
import { startTestBot, type TestBot } from '../support/harness';
import { importRoster, USERS } from '../support/roster';
import { withLockHeldAtEachFastWrite } from '../support/lockedLane';
import { rsvpVersion } from '../../src/features/meetings/repository';
import type { MeetingsModule } from '../../src/teams/handlers/meetings';

const now = new Date('2026-11-23T10:00:00Z');
let t: TestBot;

beforeEach(async () => {
  t = await startTestBot({ clock: () => now });
  await importRoster(t.bot);
  module().cardUpdates.minIntervalMs = 0;
  await t.post(channelMessage(t.stub.url, USERS.coordOost, 'koppel Oost'));
});
afterEach(async () => {
  await module().idle();
  await t.stop();
});

function module(): MeetingsModule {
  return t.bot.modules.find((m) => m.name === 'meetings') as MeetingsModule;
}
const db = () => t.bot.services.db;
const lane = () => t.bot.services.sqlite.counts;
const cardText = (card: any) => textOf({ type: 'AdaptiveCard', body: card?.body ?? [] });

async function postedMeeting(): Promise<{ meetingId: string; messageId: string }> {
  const before = t.stub.sent.length;
  await t.post(channelMessage(t.stub.url, USERS.coordOost, 'plan FTO di 8 dec 12:30 over antistolling'));
  const card = cardOf(t.stub.sent.slice(before).at(-1)?.body);
  const draftId = actionsOf(card).find((a) => a.verb === 'meeting.draft.confirm')?.data.draftId;
  await t.post(actionExecute(t.stub.url, USERS.coordOost, 'meeting.draft.confirm', { draftId, ...inputsOf(card) }));
  await module().idle();
  const meeting = await db().meeting.findFirstOrThrow();
  return { meetingId: meeting.id, messageId: meeting.messageId! };
}

async function rsvp(user: TestUser, meetingId: string, messageId: string, answer: string): Promise<string> {
  const res = await t.post(actionExecute(t.stub.url, user, 'meeting.rsvp', { meetingId, answer }, { replyToId: messageId }));
  expect(res.status).toBe(200);
  return cardText(res.body.value);
}

async function sharedCard(messageId: string): Promise<string> {
  await module().idle();
  return cardText(cardOf(t.stub.updates.filter((u) => u.activityId === messageId).at(-1)?.body));
}

test('answers go through the fast lane: one row per person that Prisma reads back, repeats write nothing, a change moves the card', async () => {
  const { meetingId, messageId } = await postedMeeting();
  const fastBefore = lane().fast;
  expect(await rsvp(USERS.gpOost, meetingId, messageId, 'yes')).toContain('Jouw antwoord: Ik kom');
  const afterFirst = await rsvpVersion(db(), meetingId);
  expect(await rsvp(USERS.gpOost, meetingId, messageId, 'yes')).toContain('Dat was al je antwoord');
  expect(await rsvpVersion(db(), meetingId)).toBe(afterFirst); // a repeat changes nothing, so the card is not edited for it
  await new Promise((r) => setTimeout(r, 5)); // a change gets a later time than the first answer
  expect(await rsvp(USERS.gpOost, meetingId, messageId, 'no')).toContain('gewijzigd');
  expect(await rsvpVersion(db(), meetingId)).not.toBe(afterFirst);
  const own = await rsvp(USERS.apoOost, meetingId, messageId, 'maybe');
  expect(own).toContain('Jouw antwoord: Misschien');
  expect(own).toContain('Ik kom: 0 · Misschien: 1 · Ik kom niet: 1'); // the counts include this very answer
  expect(lane().fast - fastBefore).toBeGreaterThanOrEqual(4);

  const rows = await db().meetingRsvp.findMany({ where: { meetingId }, orderBy: { answer: 'asc' } });
  expect(rows.map((r) => r.answer)).toEqual(['maybe', 'no']);
  for (const r of rows) expect(Math.abs(r.updatedAt.getTime() - Date.now())).toBeLessThan(60_000);
  expect(await sharedCard(messageId)).toContain('Ik kom: 0 · Misschien: 1 · Ik kom niet: 1');

  expect(await rsvp(USERS.gpNoord, meetingId, messageId, 'yes')).toContain('Sorry, deze uitnodiging is voor de leden van wijkgroep Oost');
  expect(await db().meetingRsvp.count({ where: { meetingId } })).toBe(2);
});

test('when the write lock is held elsewhere at the moment of the write, the answer takes the Prisma lane and there is still one row per person', async () => {
  const { meetingId, messageId } = await postedMeeting();
  await rsvp(USERS.gpOost, meetingId, messageId, 'no');
  const fallbackBefore = lane().fallback;
  await withLockHeldAtEachFastWrite(t.bot, async () => {
    expect(await rsvp(USERS.gpOost, meetingId, messageId, 'yes')).toContain('gewijzigd');
    expect(await rsvp(USERS.gpOost, meetingId, messageId, 'yes')).toContain('Dat was al je antwoord');
    expect(await rsvp(USERS.apoOost, meetingId, messageId, 'maybe')).toContain('Jouw antwoord: Misschien');
  });
  expect(lane().fallback - fallbackBefore).toBe(3);
  const rows = await db().meetingRsvp.findMany({ where: { meetingId }, orderBy: { answer: 'asc' } });
  expect(rows.map((r) => r.answer)).toEqual(['maybe', 'yes']);
});
