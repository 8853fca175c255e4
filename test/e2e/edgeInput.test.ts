/**
 * Bad input a user (or a client posing as Teams) can send: each gets a clear answer in the user's language,
 * nothing is stored or changed, and the log has one line about it without a stack. Before these checks every
 * case crashed inside Wijkbot, teams-ai or botbuilder: the generic "Er ging iets mis" (or nothing at all)
 * and a full stack in the log.
 */
import { actionExecute, channelMessage, composeQuery, personalMessage, type TestUser } from '../support/activities';
import { cardOf, textOf } from '../support/connectorStub';
import { startTestBot, type TestBot } from '../support/harness';
import { importRoster, USERS } from '../support/roster';
import { actionsOf, inputsOf } from '../support/cardInspect';
import type { MeetingsModule } from '../../src/teams/handlers/meetings';

const START = new Date('2026-11-23T10:00:00Z');
const MALFORMED_NL = 'onvolledig of verminkt';
const MALFORMED_EN = 'incomplete or damaged';
let t: TestBot;

beforeEach(async () => {
  t = await startTestBot({ clock: () => START, captureLog: true });
  await importRoster(t.bot);
});
afterEach(async () => {
  await (t.bot.modules.find((m) => m.name === 'meetings') as MeetingsModule).idle();
  await t.stop();
});

const en = (u: TestUser): TestUser => ({ ...u, locale: 'en-US' });

/** Posts, and returns the HTTP answer, what the bot sent meanwhile, and the log lines written meanwhile. */
async function send(activity: unknown) {
  const sentBefore = t.stub.sent.length;
  const logBefore = t.logLines().length;
  const res = await t.post(activity);
  await new Promise((r) => setTimeout(r, 50));
  const sent = t.stub.sent.slice(sentBefore).map((c) => textOf(c.body) || textOf({ type: 'AdaptiveCard', body: cardOf(c.body)?.body ?? [] }));
  return { res, sent, log: t.logLines().slice(logBefore) };
}

/** One line about the refusal, no stack, nothing at error level. */
function expectOneQuietLine(log: any[]) {
  expect(log.filter((l) => l.level >= 50)).toEqual([]);
  expect(log.filter((l) => 'stack' in l)).toEqual([]);
  expect(log.filter((l) => /refus/.test(l.msg))).toHaveLength(1);
}

describe('malformed activities are answered at the edge, and nothing runs', () => {
  test.each([
    ['from.aadObjectId is a number', (a: any) => { a.from.aadObjectId = 12345; }, 'from.aadObjectId'],
    ['entities is a string', (a: any) => { a.entities = 'clientInfo'; }, 'entities'],
    ['there is no recipient', (a: any) => { delete a.recipient; }, 'recipient'],
    ['a mention has no mentioned', (a: any) => { a.entities = [{ type: 'mention', text: '<at>Wijkbot</at>' }]; }, 'entities.0.mentioned'],
  ])('a message where %s', async (_name, spoil, path) => {
    const a = personalMessage(t.stub.url, USERS.gpOost, 'wie ben ik');
    spoil(a);
    const { res, sent, log } = await send(a);
    expect(res.status).toBe(200);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain(MALFORMED_NL);
    expectOneQuietLine(log);
    expect(log.find((l) => /refus/.test(l.msg)).problems.join(' ')).toContain(path);
    expect(await t.bot.services.db.processedActivity.count()).toBe(0); // not handled, so a good copy still would be
  });

  test('the answer is in English for locale en, also in a channel', async () => {
    const a = channelMessage(t.stub.url, en(USERS.gpOost), 'help');
    a.entities = [{ type: 'mention', text: '<at>Wijkbot</at>' }];
    const { sent, log } = await send(a);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain(MALFORMED_EN);
    expectOneQuietLine(log);
  });

  test('a message-extension query whose parameters is a string answers in the search box', async () => {
    const a = composeQuery(t.stub.url, USERS.gpOost, 'zoekPartner', 'fysio');
    a.value.parameters = 'fysio';
    const { res, sent, log } = await send(a);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ composeExtension: { type: 'message', text: expect.stringContaining(MALFORMED_NL) } });
    expect(sent).toEqual([]);
    expectOneQuietLine(log);
  });

  test('a well-formed query is not refused (an empty sociale kaart: it says so)', async () => {
    const { res, log } = await send(composeQuery(t.stub.url, USERS.gpOost, 'zoekPartner', 'fysio'));
    expect(res.body.composeExtension.type).toMatch(/^(result|message)$/);
    expect(JSON.stringify(res.body)).not.toContain(MALFORMED_NL);
    expect(log.filter((l) => /malformed/.test(l.msg))).toEqual([]);
  });
});

describe('bad values in commands and card data', () => {
  test('presentie Oost 0000 names the year and the range, in Dutch and in English', async () => {
    const nl = await send(personalMessage(t.stub.url, USERS.coordOost, 'presentie Oost 0000'));
    expect(nl.sent).toHaveLength(1);
    expect(nl.sent[0]).toContain('Jaar 0000 kan ik niet gebruiken');
    expect(nl.sent[0]).toContain('2000 tot en met 2100');
    expectOneQuietLine(nl.log);
    expect(nl.log.find((l) => /refus/.test(l.msg))).toMatchObject({ code: 'meetings.year.outOfRange' });

    const english = await send(personalMessage(t.stub.url, en(USERS.coordOost), 'presentie Oost 0000'));
    expect(english.sent[0]).toContain('I cannot use the year 0000');
    // and a real year still answers
    const ok = await send(personalMessage(t.stub.url, USERS.coordOost, 'presentie Oost 2026'));
    expect(ok.sent.join(' ')).not.toMatch(/kan ik niet gebruiken|Er ging iets mis/);
  });

  test('meeting.cancel.confirm with sequence 1e308 says the card data is wrong and the meeting stays planned', async () => {
    await t.post(channelMessage(t.stub.url, USERS.coordOost, 'koppel Oost'));
    const before = t.stub.sent.length;
    await t.post(channelMessage(t.stub.url, USERS.coordOost, 'plan FTO di 8 dec 12:30 over antistolling'));
    const draft = cardOf(t.stub.sent.slice(before).at(-1)!.body);
    const draftId = actionsOf(draft).find((x) => x.verb === 'meeting.draft.confirm')!.data.draftId;
    await t.post(actionExecute(t.stub.url, USERS.coordOost, 'meeting.draft.confirm', { draftId, ...inputsOf(draft) }));
    const meeting = (await t.bot.services.db.meeting.findFirst())!;
    expect(meeting.status).toBe('planned');

    for (const sequence of [1e308, -1, 'NaN', { $gt: 0 }]) {
      const { res, log } = await send(actionExecute(t.stub.url, USERS.coordOost, 'meeting.cancel.confirm', { meetingId: meeting.id, sequence }));
      expect(res.status).toBe(200);
      expect(textOf({ type: 'AdaptiveCard', body: res.body.value.body })).toContain('De gegevens van deze kaart kloppen niet: sequence');
      expectOneQuietLine(log);
    }
    const english = await send(actionExecute(t.stub.url, en(USERS.coordOost), 'meeting.cancel.confirm', { meetingId: meeting.id, sequence: 1e308 }));
    expect(textOf({ type: 'AdaptiveCard', body: english.res.body.value.body })).toContain('The data of this card is not valid: sequence');
    expect((await t.bot.services.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe('planned');

    // the real card's data still cancels
    await send(actionExecute(t.stub.url, USERS.coordOost, 'meeting.cancel.confirm', { meetingId: meeting.id, sequence: meeting.sequence }));
    expect((await t.bot.services.db.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe('cancelled');
  });
});

describe("words that are names of JavaScript's own object members ('constructor', 'toString')", () => {
  // The word tables were plain objects: "constructor" found Object.prototype.constructor, which crashed
  // every free-text turn ("hit.days is not iterable") and put "function Object() { [native code] }" in a reply.
  test.each([
    ['fysio constructor', USERS.gpOost],
    ['constructor', USERS.gpOost],
    ['toString oost', USERS.gpOost],
    ['annuleer constructor', USERS.coordOost],
    ['verzet constructor naar morgen 12:00', USERS.coordOost],
    ['plan FTO constructor 12:30', USERS.coordOost],
    ['plan FTO 8 dec om 12:30 constructor', USERS.coordOost],
    ['rol constructor dirk@wijkbot.test Oost', USERS.admin],
  ])('"%s" gets an ordinary answer', async (text, user) => {
    const svc = (t.bot.modules.find((m) => m.name === 'socialMap') as any).service;
    if (svc.index.size === 0) await svc.seedDemo(200);
    const { res, sent, log } = await send(personalMessage(t.stub.url, user as TestUser, text as string));
    expect(res.status).toBe(200);
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toMatch(/iets mis aan onze kant|native code|function/);
    expect(log.filter((l) => l.level >= 50)).toEqual([]);
  });
});

describe('a message of punctuation only asks for nothing', () => {
  test.each(['...', '!!!', '-', '?!', '…'])('"%s" gets the hint what to type, not a page of the whole map', async (text) => {
    const svc = (t.bot.modules.find((m) => m.name === 'socialMap') as any).service;
    await svc.seedDemo(200);
    const { res, sent } = await send(personalMessage(t.stub.url, USERS.gpOost, text));
    expect(res.status).toBe(200);
    expect(sent).toHaveLength(1);
    expect(sent[0]).not.toMatch(/resultaten|gevonden/);
    expect(sent[0]).toMatch(/Typ wat je zoekt|help/i);
  });
});
