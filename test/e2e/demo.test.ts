/**
 * The demo data (`npm start`, `npm run playground` on an empty database) lets every README example be
 * tried: a meeting that has just ended (verslag, aanwezig), one next week, and the Agents Playground's
 * channel linked to wijkgroep Oost on first contact, without anyone knowing its ids.
 */
import { actionsOf, inputsOf } from '../support/cardInspect';
import { channelMessage, personalMessage, playgroundInstallationUpdate, TENANT, type TestUser } from '../support/activities';
import { cardOf, textOf } from '../support/connectorStub';
import { startTestBot, type TestBot } from '../support/harness';
import { PLAYGROUND_TEAM, PLAYGROUND_USERS } from '../../src/db/seed/demoGroups';
import type { MeetingsModule } from '../../src/teams/handlers/meetings';

const NOW = new Date('2026-12-03T13:07:00Z'); // Thursday, 14:07 in Amsterdam
const ALEX: TestUser = { aad: PLAYGROUND_USERS[0].aad, name: PLAYGROUND_USERS[0].name, teamsId: 'user-id-0' };

let t: TestBot;
afterEach(async () => {
  await (t.bot.modules.find((m) => m.name === 'meetings') as MeetingsModule).idle();
  await t.stop();
});

const db = () => t.bot.services.db;
const cardText = (card: any) => textOf({ type: 'AdaptiveCard', body: card?.body ?? [] });
const toPlaygroundChannel = () => t.stub.sent.filter((c) => c.conversationId === PLAYGROUND_TEAM.channelId);

async function say(text: string, user: TestUser = ALEX) {
  const before = t.stub.sent.length;
  expect((await t.post(personalMessage(t.stub.url, user, text, { tenant: PLAYGROUND_TEAM.tenantId }))).status).toBe(200);
  return cardOf(t.stub.sent.slice(before).at(-1)?.body);
}

describe('with the demo data', () => {
  beforeEach(async () => {
    t = await startTestBot({ seedDemo: true, clock: () => NOW });
  });

  test('a meeting of Oost has just ended (verslag and aanwezig open on it at once) and one is planned for next week', async () => {
    const ended = await db().meeting.findUniqueOrThrow({ where: { code: 'FTO-D3M' } });
    expect(ended.endsAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
    expect(NOW.getTime() - ended.endsAt.getTime()).toBeLessThan(30 * 60_000);
    const upcoming = await db().meeting.findUniqueOrThrow({ where: { code: 'PATZ-D3M' } });
    expect(upcoming.startsAt.getTime()).toBeGreaterThan(NOW.getTime());
    expect(upcoming.messageId).toBeNull();

    const form = await say('verslag');
    expect(cardText(form)).toContain('Oost');
    expect(actionsOf(form).some((a) => String(a.verb).startsWith('summary.'))).toBe(true);

    const attendance = await say('aanwezig');
    const alex = await db().person.findUniqueOrThrow({ where: { aadObjectId: ALEX.aad } });
    expect(inputsOf(attendance).attendees.split(',')).toContain(alex.id); // those who said yes are ticked
    expect(inputsOf(attendance).attendees.split(',').length).toBeGreaterThan(3);
  });

  test('the Playground’s channel is linked to Oost on its first page load, the waiting invitation appears there, and nothing happens twice', async () => {
    expect((await t.post(playgroundInstallationUpdate(t.stub.url))).status).toBe(200);
    await (t.bot.modules.find((m) => m.name === 'meetings') as MeetingsModule).idle();
    const oost = await db().wijkGroup.findUniqueOrThrow({ where: { slug: 'oost' }, include: { conversation: true } });
    expect(oost.conversation?.id).toBe(PLAYGROUND_TEAM.channelId);
    const posts = toPlaygroundChannel();
    expect(textOf(posts[0].body)).toContain('gekoppeld aan wijkgroep **Oost**');
    expect(posts.filter((c) => actionsOf(cardOf(c.body)).some((a) => a.verb === 'meeting.rsvp')).map((c) => cardText(cardOf(c.body)))).toEqual([expect.stringContaining('Palliatieve zorg')]);
    expect((await db().meeting.findUniqueOrThrow({ where: { code: 'PATZ-D3M' } })).conversationId).toBe(PLAYGROUND_TEAM.channelId);

    // the next page load, and after an unlink in the channel: no second link and nothing posted again
    await t.post(playgroundInstallationUpdate(t.stub.url));
    const unlink = channelMessage(t.stub.url, ALEX, 'ontkoppel', { channelId: PLAYGROUND_TEAM.channelId, teamId: PLAYGROUND_TEAM.teamId, tenant: PLAYGROUND_TEAM.tenantId });
    await t.post(unlink);
    await t.post(playgroundInstallationUpdate(t.stub.url));
    expect(await db().conversation.findUnique({ where: { id: PLAYGROUND_TEAM.channelId } })).toMatchObject({ wijkGroupId: null });
    expect(t.stub.sentTexts().at(-1)).toContain("losgekoppeld");
    expect(toPlaygroundChannel()).toHaveLength(posts.length);
  });

  test('a page load from another tenant links nothing', async () => {
    await t.post(playgroundInstallationUpdate(t.stub.url, { tenant: TENANT }));
    expect(await db().conversation.count({ where: { wijkGroupId: { not: null } } })).toBe(0);
    expect(toPlaygroundChannel()).toHaveLength(0);
  });
});

test('without the demo data the Playground’s channel is not linked', async () => {
  t = await startTestBot({ seedDemo: false, clock: () => NOW });
  await t.post(playgroundInstallationUpdate(t.stub.url));
  expect(await db().conversation.count({ where: { wijkGroupId: { not: null } } })).toBe(0);
  expect(toPlaygroundChannel()).toHaveLength(0);
});
