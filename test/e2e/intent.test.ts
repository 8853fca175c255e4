/**
 * What Wijkbot does with chat that is not a command, through real HTTP: greetings and thanks get a short
 * answer and no search, questions about Wijkbot get help, a slip of a command gets "Bedoel je ...?" with a
 * button that runs the corrected command (arguments kept) through the normal command path, as the person
 * who clicks.
 */
import { actionExecute, CHANNEL_ID, channelMessage, personalMessage, type TestUser } from '../support/activities';
import { cardOf, textOf } from '../support/connectorStub';
import { actionsOf, cardProblems, textsOf } from '../support/cardInspect';
import { startTestBot, type TestBot } from '../support/harness';
import { importRoster, USERS } from '../support/roster';
import { BOT_COMMAND_NAMES } from '../../scripts/intent-eval';
import type { SocialMapModule } from '../../src/teams/handlers/socialMap';
import { RUN_SUGGESTION_VERB } from '../../src/teams/messageDispatch';
import { t as translate } from '../../src/i18n';

const t_ = (code: string) => translate('nl', code);

let t: TestBot;

const CSV = [
  'naam,organisatie,discipline,expertise,wijken,postcode,adres,plaats,werkdagen,opnamestop,opnamestop_tot,wachttijd_weken,telefoon,email,website,communicatie,agb,laatst_gecontroleerd',
  'Anna de Vries,Fysio Dapper,fysiotherapie,bekkenbodem,Oost,1093 AB,Dapperstraat 10,Amsterdam,ma;di;do,nee,,2,020-1234567,,,ZorgDomein,04000001,2026-11-01',
].join('\n');

beforeEach(async () => {
  t = await startTestBot({ clock: () => new Date('2026-11-23T12:00:00Z') });
  await importRoster(t.bot);
  const sm = t.bot.modules.find((m) => m.name === 'socialMap') as SocialMapModule;
  const outcome = await sm.service.importCsv(CSV, { dryRun: false, actorLabel: 'test' });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
});
afterEach(async () => t.stop());

/** A personal message; returns what the bot sent back (one reply expected). */
async function say(text: string, user: TestUser = USERS.gpOost) {
  t.stub.clear();
  const res = await t.post(personalMessage(t.stub.url, user, text));
  expect(res.status).toBe(200);
  expect(t.stub.sent).toHaveLength(1);
  const body = t.stub.sent[0]!.body;
  return { card: cardOf(body), text: textOf(body) };
}

async function click(user: TestUser, data: Record<string, unknown>, opts: Parameters<typeof actionExecute>[4] = {}) {
  const res = await t.post(actionExecute(t.stub.url, user, RUN_SUGGESTION_VERB, data, { conversationType: 'personal', conversationId: `a:personal-${user.aad}`, ...opts }));
  expect(res.status).toBe(200);
  return res.body as { statusCode: number; type: string; value: any };
}

test('the command list the intent tests measure with is the running bot\'s', () => {
  const running = t.bot.modules.flatMap((m) => m.commands ?? []).map((c) => c.names);
  expect([...running].sort()).toEqual([...BOT_COMMAND_NAMES].map((n) => [...n]).sort());
});

describe('chat that is not a lookup', () => {
  test('"hallo" gets a short Dutch greeting that says what to try, no social-map card', async () => {
    const { card, text } = await say('hallo');
    expect(card).toBeUndefined();
    expect(text).toContain('Hallo! Ik ben Wijkbot');
    expect(text).toContain('**help**');
    expect(text).not.toContain('Sociale kaart');
  });

  test('thanks and small talk get a short answer, in English for an English client', async () => {
    expect((await say('dank je wel!')).text).toBe('Graag gedaan!');
    expect((await say('thanks!', { ...USERS.gpOost, locale: 'en-US' })).text).toBe('You are welcome!');
    expect((await say('hoe gaat het?')).text).toContain('Goed, dank je!');
  });

  test('"what can you do?" shows help (no "do" read as donderdag), "hoe werkt een peiling?" the peiling help with an example', async () => {
    const help = await say('what can you do?');
    expect(help.card.body[0].text).toBe(translate('en', 'groups.helpTitle'));
    expect(help.text).not.toContain('Sociale kaart');
    expect(textsOf(help.card)).toContain('**zoek ‹what, where›**');
    const howTo = await say('hoe werkt een peiling?');
    expect(textsOf(howTo.card)).toContain('Zo werkt peiling');
    expect(textsOf(howTo.card)).toContain('Voorbeeld: **peiling Moet de ROHA-raad maandelijks vergaderen? | Ja | Nee | Alleen digitaal**');
    expect(cardProblems(howTo.card)).toEqual([]);
  });

  test('a question Wijkbot cannot answer searches nothing and points to help', async () => {
    const { card, text } = await say('wie zitten er in de ROHA-raad?');
    expect(card).toBeUndefined();
    expect(text).toContain('Daar kan ik je niet mee helpen');
    expect(text).toContain('**help**');
  });

  test('a lookup still is one, also as a question; one that reads like a sentence and finds nothing says so and points to help', async () => {
    const found = await say('wie doet er bekkenbodem in Oost?');
    expect(textsOf(found.card)).toContain('Anna de Vries');
    const none = await say('is er een logopedist in Noord die stotteren doet?');
    expect(textsOf(none.card)).toContain('niets gevonden');
    expect(textsOf(none.card)).toContain('typ dan **help**');
    const plain = await say('logopedie noord');
    expect(textsOf(plain.card)).not.toContain('typ dan **help**');
  });
});

describe('answered in the language it was written in', () => {
  test('"what can you do?" from a Dutch client gets the help in English; "hello" an English greeting; Dutch stays Dutch', async () => {
    const help = await say('what can you do?');
    expect(help.card.body[0].text).toBe(translate('en', 'groups.helpTitle'));
    expect(textsOf(help.card)).toContain('**wie ben ik** — your roles and groups');
    expect((await say('hello, how are you?')).text).toContain('Fine, thank you!');
    expect((await say('hoi, hoe gaat het?')).text).toContain('Goed, dank je!');
    expect((await say('who is on the ROHA council?')).text).toBe(translate('en', 'intent.other'));
    expect((await say('wat kun je?')).card.body[0].text).toBe(t_('groups.helpTitle'));
    // an English client that writes Dutch reads Dutch
    expect((await say('dank je wel!', { ...USERS.gpOost, locale: 'en-US' })).text).toBe('Graag gedaan!');
  });

  test('"can you help me?" is a question about Wijkbot, not "nothing found"', async () => {
    const { card } = await say('can you help me?');
    expect(card.body[0].text).toBe(translate('en', 'groups.helpTitle'));
  });
});

describe('questions for a list', () => {
  test('"welke wijkgroepen zijn er?" and "wat zijn de afspraken van Oost?" explain the command that lists them; "wat zijn de wachttijden in Oost?" still searches', async () => {
    const groups = await say('welke wijkgroepen zijn er?');
    expect(textsOf(groups.card)).toContain('Zo werkt wijkgroepen');
    expect(textsOf(groups.card)).toContain('Voorbeeld: **wijkgroepen**');
    const agreements = await say('wat zijn de afspraken van Oost?');
    expect(textsOf(agreements.card)).toContain('Zo werkt afspraken');
    const lookup = await say('wat zijn de wachttijden in Oost?');
    expect(textsOf(lookup.card)).toContain('Anna de Vries');
  });
});

describe('a slip of a command', () => {
  test('"agnda" asks "Bedoel je agenda?" with a short button that runs it', async () => {
    const { card } = await say('agnda');
    expect(textsOf(card)).toContain('Bedoel je **agenda**?');
    const [button] = actionsOf(card);
    expect(button).toMatchObject({ type: 'Action.Execute', verb: RUN_SUGGESTION_VERB, title: 'Ja, agenda', data: { text: 'agenda' } });
    expect(button.title.length).toBeLessThanOrEqual(20);
    expect(cardProblems(card)).toEqual([]);
    t.stub.clear();
    const answer = await click(USERS.gpOost, button.data);
    expect(answer.value.body?.[0]?.text ?? '').toContain('Uitgevoerd: agenda');
    // the agenda itself is posted as a normal reply
    expect(t.stub.sent.map((c) => textOf(c.body)).join('\n')).toMatch(/bijeenkomst|agenda/i);
  });

  test('"verslg FTO-4GW" keeps its argument on the button, and the card shows what will run', async () => {
    const { card } = await say('verslg FTO-4GW');
    expect(textsOf(card)).toContain('Bedoel je **verslag**?');
    expect(textsOf(card)).toContain('De knop voert uit: verslag FTO-4GW');
    expect(actionsOf(card)[0].data).toEqual({ text: 'verslag FTO-4GW' });
  });

  test('the button runs as the person who clicks, with every role check: a GP cannot link a channel, the coordinator can', async () => {
    const db = t.bot.services.db;
    await t.post(channelMessage(t.stub.url, USERS.gpOost, 'koppl Oost'));
    const card = cardOf(t.stub.sent.at(-1)!.body);
    const data = actionsOf(card)[0].data;
    expect(data).toEqual({ text: 'koppel Oost' });
    // card data that names someone else changes nothing: identity comes from the activity
    const refused = await click(USERS.gpOost, { ...data, actor: USERS.coordOost.aad, from: USERS.coordOost }, { conversationType: 'channel', conversationId: CHANNEL_ID });
    expect(textsOf(refused.value)).toContain('Alleen een coördinator van Oost');
    expect(await db.conversation.findUnique({ where: { id: CHANNEL_ID } })).toMatchObject({ wijkGroupId: null });
    await click(USERS.coordOost, data, { conversationType: 'channel', conversationId: CHANNEL_ID });
    const oost = await db.wijkGroup.findUniqueOrThrow({ where: { slug: 'oost' } });
    expect(await db.conversation.findUnique({ where: { id: CHANNEL_ID } })).toMatchObject({ wijkGroupId: oost.id });
  });

  test('a slip of the short "rol" (a doubled letter, arguments after it) is offered with its arguments, and the button grants the role', async () => {
    const { card } = await say('rool huisarts nieuw@wijkbot.test Oost', USERS.coordOost);
    expect(textsOf(card)).toContain('Bedoel je **rol**?');
    const data = actionsOf(card)[0].data;
    expect(data).toEqual({ text: 'rol huisarts nieuw@wijkbot.test Oost' });
    await click(USERS.coordOost, data);
    expect(await t.bot.services.db.auditEvent.count({ where: { action: 'role.grant' } })).toBe(1);
  });

  test('a redelivered click runs the command once', async () => {
    const activity = actionExecute(t.stub.url, USERS.gpOost, RUN_SUGGESTION_VERB, { text: 'rol huisarts nieuw@wijkbot.test Oost' }, { conversationType: 'personal', conversationId: `a:personal-${USERS.coordOost.aad}` });
    activity.from = { id: `29:${USERS.coordOost.aad}`, name: USERS.coordOost.name, aadObjectId: USERS.coordOost.aad };
    await t.post(activity);
    await t.post(activity);
    expect(await t.bot.services.db.auditEvent.count({ where: { action: 'role.grant' } })).toBe(1);
  });

  test('a button with text that is no command says the button no longer works', async () => {
    const answer = await click(USERS.gpOost, { text: 'ik ben geen commando' });
    expect(String(answer.value)).toContain('Deze knop werkt niet');
  });

  test('in a channel, a lookup without "zoek" is offered as "zoek …" instead of being posted for everyone', async () => {
    t.stub.clear();
    await t.post(channelMessage(t.stub.url, USERS.gpOost, 'fysio oost'));
    const card = cardOf(t.stub.sent.at(-1)!.body);
    expect(textsOf(card)).toContain('Bedoel je **zoek**?');
    expect(actionsOf(card)[0].data).toEqual({ text: 'zoek fysio oost' });
  });
});
