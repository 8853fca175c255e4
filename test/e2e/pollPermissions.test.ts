/**
 * Managing a poll needs the role that made it: a creator who is no longer a coordinator cannot close,
 * remind or export it any more (commands, card buttons, and an export link made before), and is told why;
 * an admin still can, so no poll is left without anyone who can close it. All through HTTP.
 */
import { actionExecute, channelMessage, personalMessage, type TestUser } from '../support/activities';
import { cardOf, textOf } from '../support/connectorStub';
import { startTestBot, type TestBot } from '../support/harness';
import { importRoster, USERS } from '../support/roster';
import type { PollsModule } from '../../src/teams/handlers/polls';
import { actionsOf, inputsOf } from '../support/cardInspect';

const NO_LONGER_NL = 'je bent geen coördinator meer';
let t: TestBot;

beforeEach(async () => {
  t = await startTestBot({ clock: () => new Date('2026-11-23T10:00:00Z') });
  await importRoster(t.bot);
});
afterEach(async () => {
  await polls().idle();
  await t.stop();
});

const polls = () => t.bot.modules.find((m) => m.name === 'polls') as PollsModule;
const db = () => t.bot.services.db;
const cardText = (card: any) => textOf({ type: 'AdaptiveCard', body: card?.body ?? [] });
const en = (u: TestUser): TestUser => ({ ...u, locale: 'en-US' });

async function invoke(user: TestUser, verb: string, data: Record<string, unknown>) {
  const res = await t.post(actionExecute(t.stub.url, user, verb, data));
  expect(res.status).toBe(200);
  return res.body.value;
}

/** Carla (coordinator of Oost) drafts and publishes a named ROHA-raad poll; returns its id. */
async function publishedByCarla(): Promise<number> {
  const before = t.stub.sent.length;
  await t.post(channelMessage(t.stub.url, USERS.coordOost, 'peiling Vergaderen we maandelijks? | Ja | Nee'));
  const draft = cardOf(t.stub.sent.slice(before).at(-1)!.body);
  const pollId = (await db().poll.findFirstOrThrow({ orderBy: { id: 'desc' } })).id;
  await invoke(USERS.coordOost, 'poll.publish', { pollId, ...inputsOf(draft) });
  await polls().idle();
  expect((await db().poll.findUniqueOrThrow({ where: { id: pollId } })).status).toBe('open');
  return pollId;
}

async function revokeCarlasCoordinatorRole() {
  await t.post(personalMessage(t.stub.url, USERS.admin, 'rol weg coordinator carla@wijkbot.test Oost'));
  expect(await db().membership.count({ where: { person: { email: 'carla@wijkbot.test' }, role: 'coordinator' } })).toBe(0);
}

test('while still a coordinator the creator manages the poll (the rule does not lock out the normal case)', async () => {
  const pollId = await publishedByCarla();
  const exported = await invoke(USERS.coordOost, 'poll.export', { pollId });
  expect(actionsOf(exported).find((a) => a.type === 'Action.OpenUrl')).toBeDefined();
});

test('a creator who lost the coordinator role cannot close, remind or export, and is told why; an admin still can', async () => {
  const pollId = await publishedByCarla();
  // an export link made while Carla was coordinator
  const link = actionsOf(await invoke(USERS.coordOost, 'poll.export', { pollId })).find((a) => a.type === 'Action.OpenUrl').url.replace(/^http:\/\/localhost:\d+/, t.bot.url);
  expect((await fetch(link)).status).toBe(200);

  await revokeCarlasCoordinatorRole();

  // the command
  await t.post(channelMessage(t.stub.url, USERS.coordOost, `sluit peiling ${pollId}`));
  expect(t.stub.sentTexts().at(-1)).toContain(NO_LONGER_NL);
  await t.post(channelMessage(t.stub.url, USERS.coordOost, `herinner peiling ${pollId}`));
  expect(t.stub.sentTexts().at(-1)).toContain(NO_LONGER_NL);
  // the card buttons
  expect(cardText(await invoke(USERS.coordOost, 'poll.close', { pollId, confirm: true }))).toContain(NO_LONGER_NL);
  expect(cardText(await invoke(USERS.coordOost, 'poll.remind', { pollId }))).toContain(NO_LONGER_NL);
  const exportCard = await invoke(USERS.coordOost, 'poll.export', { pollId });
  expect(cardText(exportCard)).toContain(NO_LONGER_NL);
  expect(actionsOf(exportCard).find((a) => a.type === 'Action.OpenUrl')).toBeUndefined();
  // in English for locale en
  expect(cardText(await invoke(en(USERS.coordOost), 'poll.remind', { pollId }))).toContain('you are no longer a coordinator');
  // the link made before stops working
  expect((await fetch(link)).status).toBe(403);
  // nothing happened
  expect((await db().poll.findUniqueOrThrow({ where: { id: pollId } })).status).toBe('open');
  expect(await db().job.count({ where: { kind: 'poll.remindPerson' } })).toBe(0);
  expect(await db().auditEvent.count({ where: { action: { in: ['poll.close', 'poll.remind'] } } })).toBe(0);
  // the creator's own card no longer offers the controls
  expect(actionsOf(await invoke(USERS.coordOost, 'poll.view', { pollId })).map((a) => a.verb)).not.toContain('poll.close');

  // an admin may still act
  const adminExport = await invoke(USERS.admin, 'poll.export', { pollId });
  expect(actionsOf(adminExport).find((a) => a.type === 'Action.OpenUrl')).toBeDefined();
  await invoke(USERS.admin, 'poll.close', { pollId, confirm: true });
  await polls().idle();
  expect((await db().poll.findUniqueOrThrow({ where: { id: pollId } })).status).toBe('closed');
});

test('someone who is a coordinator but did not create the poll is still refused as before', async () => {
  const pollId = await publishedByCarla();
  await t.post(personalMessage(t.stub.url, USERS.admin, 'rol coordinator dirk@wijkbot.test Oost'));
  const body = await invoke(USERS.gpOost, 'poll.close', { pollId, confirm: true });
  expect(cardText(body)).toContain('Alleen de maker van de peiling (Carla Coördinator) of een beheerder');
  expect((await db().poll.findUniqueOrThrow({ where: { id: pollId } })).status).toBe('open');
});
