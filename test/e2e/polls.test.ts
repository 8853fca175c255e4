/**
 * Klankbord polls through real HTTP: commands and card invokes posted to /api/messages like Teams does,
 * with the connector stub recording what the bot posts and updates.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { actionExecute, CHANNEL_ID, channelMessage, personalMessage, type TestUser } from '../support/activities';
import { cardOf, textOf } from '../support/connectorStub';
import { startTestBot, type TestBot } from '../support/harness';
import { importRoster, USERS } from '../support/roster';
import type { PollsModule } from '../../src/teams/handlers/polls';
import { actionsOf, inputsOf } from '../support/cardInspect';

/** Three more council members, so a ROHA-raad poll has an electorate of four (raad1 + these). */
const RAAD = {
  r2: { aad: 'b0000000-0000-4000-8000-000000000002', name: 'Roos Raadslid' },
  r3: { aad: 'b0000000-0000-4000-8000-000000000003', name: 'Ruud Raadslid' },
  r4: { aad: 'b0000000-0000-4000-8000-000000000004', name: 'Rana Raadslid' },
} satisfies Record<string, TestUser>;

const EXTRA_ROSTER = `wijkgroep,naam,email,aad_object_id,rol
Noord,Roos Raadslid,roos@wijkbot.test,${RAAD.r2.aad},raadslid
Noord,Ruud Raadslid,ruud@wijkbot.test,${RAAD.r3.aad},raadslid
,Rana Raadslid,rana@wijkbot.test,${RAAD.r4.aad},raadslid
`;

let now = new Date('2026-11-23T10:00:00Z');
let t: TestBot;

beforeEach(async () => {
  now = new Date('2026-11-23T10:00:00Z');
  t = await startTestBot({ clock: () => now });
  await importRoster(t.bot);
  await importRoster(t.bot, EXTRA_ROSTER);
  module().cardUpdates.minIntervalMs = 0;
});
afterEach(async () => {
  await module().idle();
  await t.stop();
});

function module(): PollsModule {
  return t.bot.modules.find((m) => m.name === 'polls') as PollsModule;
}
const db = () => t.bot.services.db;

const cardText = (card: any) => textOf({ type: 'AdaptiveCard', body: card.body });

async function invoke(user: TestUser, verb: string, data: Record<string, unknown>, opts: { replyToId?: string; trigger?: 'manual' | 'automatic'; conversationId?: string; conversationType?: string } = {}) {
  const res = await t.post(actionExecute(t.stub.url, user, verb, data, opts));
  expect(res.status).toBe(200);
  return res.body as { statusCode: number; type: string; value: any };
}

/** `peiling ...` in the channel by the Oost coordinator; returns the poll id and the draft card. */
async function draft(command = 'peiling Moet de ROHA-raad maandelijks vergaderen? | Ja | Nee | Alleen digitaal', user: TestUser = USERS.coordOost) {
  const before = t.stub.sent.length;
  const res = await t.post(channelMessage(t.stub.url, user, command));
  expect(res.status).toBe(200);
  const sent = t.stub.sent.slice(before);
  const card = cardOf(sent.at(-1)?.body);
  const poll = await db().poll.findFirst({ orderBy: { id: 'desc' } });
  return { pollId: poll?.id ?? 0, card, sent };
}

/** Draft + publish with the given changes to the draft card's inputs; returns the posted poll message id. */
async function publish(changes: Record<string, string> = {}, command?: string) {
  const d = await draft(command);
  expect(d.card).toBeDefined();
  const before = t.stub.sent.length;
  const body = await invoke(USERS.coordOost, 'poll.publish', { pollId: d.pollId, ...inputsOf(d.card), ...changes }, { replyToId: 'draft-msg' });
  const posted = t.stub.sent.slice(before).find((c) => cardOf(c.body)?.body && cardText(cardOf(c.body)).includes(`Peiling #${d.pollId}`));
  await module().idle();
  return { pollId: d.pollId, posted, body };
}

async function pollRow(id: number) {
  return db().poll.findUniqueOrThrow({ where: { id } });
}

const vote = (user: TestUser, pollId: number, data: Record<string, unknown>, messageId: string) => invoke(user, 'poll.vote', { pollId, ...data }, { replyToId: messageId });

async function lastSharedCard(messageId: string): Promise<any> {
  await module().idle();
  const put = t.stub.updates.filter((u) => u.activityId === messageId).at(-1);
  return put ? cardOf(put.body) : undefined;
}

describe('creating a poll', () => {
  test('when a coordinator types peiling with options, then an editable draft comes back and nothing is posted for voting', async () => {
    const { pollId, card } = await draft();
    expect(card.version).toBe('1.5');
    const inputs = inputsOf(card);
    expect(inputs.question).toBe('Moet de ROHA-raad maandelijks vergaderen?');
    expect(inputs.options.split('\n')).toEqual(['Ja', 'Nee', 'Alleen digitaal']);
    expect(inputs).toMatchObject({ mode: 'single', secrecy: 'named', results: 'live', feedback: 'false', deadline: '', target: 'here' });
    for (const a of actionsOf(card)) if (a.type === 'Action.Execute') expect(a.verb).toMatch(/^poll\./);
    expect((await pollRow(pollId)).status).toBe('draft');
  });

  test('in the channel linked to a wijkgroep, the draft addresses that group by default', async () => {
    await t.post(channelMessage(t.stub.url, USERS.coordOost, 'koppel Oost'));
    const { card } = await draft();
    const oost = await db().wijkGroup.findUniqueOrThrow({ where: { slug: 'oost' } });
    expect(inputsOf(card)).toMatchObject({ audience: 'groups', groups: oost.id });
  });

  test('when a huisarts types peiling, then it is refused in Dutch and no poll is made', async () => {
    await t.post(channelMessage(t.stub.url, USERS.gpOost, 'peiling Zullen we? | Ja | Nee'));
    expect(t.stub.sentTexts().at(-1)).toContain('Alleen een coördinator of beheerder kan een peiling starten');
    expect(await db().poll.count()).toBe(0);
  });

  test('when someone else edits or publishes the draft, then the server refuses (the role is checked, not the card)', async () => {
    const { pollId, card } = await draft();
    for (const verb of ['poll.draft.update', 'poll.publish']) {
      const body = await invoke(USERS.gpOost, verb, { pollId, ...inputsOf(card), question: 'Gekaapt?' });
      expect(JSON.stringify(body.value)).toContain('Alleen de maker van deze peiling');
    }
    expect((await pollRow(pollId)).question).toBe('Moet de ROHA-raad maandelijks vergaderen?');
    expect((await pollRow(pollId)).status).toBe('draft');
  });

  test('an invalid draft lists every problem at once and keeps what was typed', async () => {
    const { pollId, card } = await draft();
    const body = await invoke(USERS.coordOost, 'poll.draft.update', { pollId, ...inputsOf(card), options: 'Alleen deze', deadline: 'gisteren om 3 uur' });
    const text = cardText(body.value);
    expect(text).toContain('Geef 2 tot 10 opties');
    expect(text).toContain('Ik begrijp de sluitingstijd "gisteren om 3 uur" niet');
    expect(inputsOf(body.value).options).toBe('Alleen deze');
    expect((await pollRow(pollId)).options).toBe(JSON.stringify(['Ja', 'Nee', 'Alleen digitaal']));
  });

  test('saving the draft stores the settings and shows how the Dutch deadline was understood', async () => {
    const { pollId, card } = await draft();
    const body = await invoke(USERS.coordOost, 'poll.draft.update', { pollId, ...inputsOf(card), mode: 'multiple', deadline: 'vr 27 nov 17:00', feedback: 'true' });
    expect(cardText(body.value)).toContain('vr 27 nov 17.00');
    const row = await pollRow(pollId);
    expect(row).toMatchObject({ multiple: true, feedback: true });
    expect(row.deadline?.toISOString()).toBe('2026-11-27T16:00:00.000Z');
  });

  test('publishing posts the poll in the channel with the electorate as turnout denominator and plans the deadline once', async () => {
    const { pollId, posted, body } = await publish({ deadline: 'vr 27 nov 17:00' });
    expect(cardText(body.value)).toContain(`Peiling #${pollId} is gepubliceerd`);
    expect(posted?.conversationId).toBe(CHANNEL_ID);
    const card = cardOf(posted!.body);
    expect(cardText(card)).toContain('0 van 4 stemden');
    expect(cardText(card)).toContain('Stemmen kan tot vr 27 nov 17.00');
    const row = await pollRow(pollId);
    expect(row).toMatchObject({ status: 'open', eligibleCount: 4, conversationId: CHANNEL_ID });
    expect(row.messageId).toBeTruthy();
    expect(await db().job.count({ where: { kind: 'poll.close', uniqueKey: `poll.close:${pollId}` } })).toBe(1);
    expect(await db().auditEvent.count({ where: { action: 'poll.publish', entityId: String(pollId) } })).toBe(1);
  });

  test('a double click on Publiceren posts the poll once', async () => {
    const d = await draft();
    const data = { pollId: d.pollId, ...inputsOf(d.card) };
    const before = t.stub.sent.length;
    await Promise.all([invoke(USERS.coordOost, 'poll.publish', data), invoke(USERS.coordOost, 'poll.publish', data)]);
    const posts = t.stub.sent.slice(before).filter((c) => cardText(cardOf(c.body) ?? { body: [] }).includes('stemden'));
    expect(posts).toHaveLength(1);
  });

  const personal = { conversationType: 'personal', conversationId: `a:personal-${USERS.coordOost.aad}` };

  async function personalDraft() {
    await t.post(personalMessage(t.stub.url, USERS.coordOost, 'peiling Zullen we? | Ja | Nee'));
    const pollId = (await db().poll.findFirstOrThrow({ orderBy: { id: 'desc' } })).id;
    return { pollId, card: cardOf(t.stub.sent.at(-1)!.body) };
  }

  const targetChoicesOf = (card: any): { title: string; value: string }[] =>
    JSON.parse(JSON.stringify(card.body)).flatMap(function find(n: any): any[] {
      if (!n || typeof n !== 'object') return [];
      if (n.id === 'target') return n.choices;
      return Object.values(n).flatMap(find);
    });

  test('in the coordinator’s own chat with Wijkbot, the draft offers the group’s linked channel (not "here"), says so, and Publiceren posts it there', async () => {
    await t.post(channelMessage(t.stub.url, USERS.coordOost, 'koppel Oost'));
    const oost = await db().wijkGroup.findUniqueOrThrow({ where: { slug: 'oost' } });
    const { pollId, card } = await personalDraft();
    expect(targetChoicesOf(card).map((c) => c.value)).toEqual([`group:${oost.id}`]);
    expect(targetChoicesOf(card)[0].title).toContain('Oost');
    expect(inputsOf(card).target).toBe(`group:${oost.id}`);
    expect(cardText(card)).toContain('De peiling komt in het gekozen kanaal');

    const before = t.stub.sent.length;
    const body = await invoke(USERS.coordOost, 'poll.publish', { pollId, ...inputsOf(card) }, personal);
    expect(cardText(body.value)).toContain('Geplaatst in het kanaal van wijkgroep Oost');
    const posted = t.stub.sent.slice(before).filter((c) => cardText(cardOf(c.body) ?? { body: [] }).includes(`Peiling #${pollId}`));
    expect(posted.map((c) => c.conversationId)).toEqual([CHANNEL_ID]);
    expect(await pollRow(pollId)).toMatchObject({ status: 'open', conversationId: CHANNEL_ID });
  });

  test('in the coordinator’s own chat without any linked channel, the draft and Publiceren both say how to link one, and nothing is posted', async () => {
    const { pollId, card } = await personalDraft();
    expect(targetChoicesOf(card)).toEqual([]);
    expect(cardText(card)).toContain('@Wijkbot koppel Oost');
    const before = t.stub.sent.length;
    const body = await invoke(USERS.coordOost, 'poll.publish', { pollId, ...inputsOf(card) }, personal);
    expect(cardText(body.value)).toContain('typ in dat kanaal **@Wijkbot koppel Oost**');
    expect(cardText(body.value)).not.toContain('Kies bij "Plaatsen in"');
    expect(t.stub.sent.slice(before)).toHaveLength(0);
    expect((await pollRow(pollId)).status).toBe('draft');
  });

  test('an old draft card that still says "here" in a personal chat is refused: nobody else would see the poll', async () => {
    await t.post(channelMessage(t.stub.url, USERS.coordOost, 'koppel Oost'));
    const { pollId, card } = await personalDraft();
    const body = await invoke(USERS.coordOost, 'poll.publish', { pollId, ...inputsOf(card), target: 'here' }, personal);
    expect(cardText(body.value)).toContain('hier ziet alleen jij de peiling');
    expect((await pollRow(pollId)).status).toBe('draft');
  });

  test('a question that names a patient is held back until the coordinator confirms it is not patient data', async () => {
    const d = await draft('peiling Bespreken we dhr. Jansen volgende keer? | Ja | Nee');
    const first = await invoke(USERS.coordOost, 'poll.publish', { pollId: d.pollId, ...inputsOf(d.card) });
    expect(cardText(first.value)).toContain('Privacy');
    expect((await pollRow(d.pollId)).status).toBe('draft');
    const second = await invoke(USERS.coordOost, 'poll.publish', { pollId: d.pollId, ...inputsOf(first.value), privacyOk: 'true' });
    expect(cardText(second.value)).toContain('gepubliceerd');
    expect(await db().auditEvent.count({ where: { action: 'poll.privacyOverride' } })).toBe(1);
  });
});

describe('voting', () => {
  async function openPoll(changes: Record<string, string> = {}) {
    const p = await publish(changes);
    const row = await pollRow(p.pollId);
    return { pollId: p.pollId, messageId: row.messageId! };
  }

  test('when an eligible voter clicks, then they see their own choice and the shared card shows only the turnout', async () => {
    const { pollId, messageId } = await openPoll();
    const body = await vote(USERS.raad1, pollId, { option: 0 }, messageId);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(body.value)).toContain('Jij stemde: Ja');
    expect(cardText(body.value)).toContain('Je stem is opgeslagen');
    const shared = await lastSharedCard(messageId);
    expect(cardText(shared)).toContain('1 van 4 stemde (');
    expect(JSON.stringify(shared)).not.toMatch(/Jij stemde|Je stem is|Stem intrekken/);
    // the shared card asks clients for their own view, and that view answers poll.view
    expect(shared.refresh.action).toMatchObject({ type: 'Action.Execute', verb: 'poll.view', data: { pollId } });
  });

  test('a voter’s client refreshing the card (trigger automatic) gets that voter’s own view, and the shared message is left alone', async () => {
    const { pollId, messageId } = await openPoll();
    await vote(USERS.raad1, pollId, { option: 1 }, messageId);
    await module().idle();
    const updates = t.stub.updates.length;
    const body = await invoke(USERS.raad1, 'poll.view', { pollId }, { replyToId: messageId, trigger: 'automatic' });
    expect(cardText(body.value)).toContain('Jij stemde: Nee');
    const other = await invoke(RAAD.r2, 'poll.view', { pollId }, { replyToId: messageId, trigger: 'automatic' });
    expect(cardText(other.value)).toContain('Je hebt nog niet gestemd');
    await module().idle();
    expect(t.stub.updates.length).toBe(updates);
  });

  test('when someone outside the audience votes, then they get a Dutch refusal and nothing is stored', async () => {
    const { pollId, messageId } = await openPoll();
    for (const user of [USERS.gpNoord, USERS.stranger]) {
      const body = await vote(user, pollId, { option: 0 }, messageId);
      expect(JSON.stringify(body.value)).toMatch(/niet bij de stemgerechtigden|niet in het ledenbestand/);
    }
    expect(await db().pollBallot.count()).toBe(0);
    expect(await db().pollVote.count()).toBe(0);
    expect((await pollRow(pollId)).changes).toBe(0);
  });

  test('poll ids are guessable, so outside its conversation a poll is shown only to its electors and creator', async () => {
    const { pollId, messageId } = await openPoll();
    const elsewhere = { conversationId: 'a:personal-someone-else', replyToId: messageId };
    const peek = await invoke(USERS.gpNoord, 'poll.view', { pollId }, elsewhere);
    expect(JSON.stringify(peek.value)).not.toContain('ROHA-raad maandelijks');
    const forged = await invoke(USERS.gpNoord, 'poll.vote', { pollId, option: 0 }, elsewhere);
    expect(forged.type).toBe('application/vnd.microsoft.activity.message');
    expect(forged.value).toContain('niet bij de stemgerechtigden');
    expect(JSON.stringify(forged.value)).not.toContain('ROHA-raad maandelijks');
    const elector = await invoke(RAAD.r2, 'poll.view', { pollId }, elsewhere);
    expect(cardText(elector.value)).toContain('ROHA-raad maandelijks');
  });

  test('card data cannot choose who votes: a forged person id in the data is ignored', async () => {
    const { pollId, messageId } = await openPoll();
    const raadPerson = await db().person.findUniqueOrThrow({ where: { aadObjectId: USERS.raad1.aad } });
    await vote(USERS.gpNoord, pollId, { option: 0, personId: raadPerson.id, aadObjectId: USERS.raad1.aad }, messageId);
    expect(await db().pollBallot.count()).toBe(0);
  });

  test('a repeated click (Teams retry) is counted once', async () => {
    const { pollId, messageId } = await openPoll();
    await vote(USERS.raad1, pollId, { option: 0 }, messageId);
    const again = await vote(USERS.raad1, pollId, { option: 0 }, messageId);
    expect(cardText(again.value)).toContain('er is niets veranderd');
    expect(await db().pollBallot.count({ where: { pollId } })).toBe(1);
    expect(await db().pollVote.count({ where: { pollId } })).toBe(1);
  });

  test('20 concurrent clicks by one person leave exactly one ballot and one vote', async () => {
    const { pollId, messageId } = await openPoll();
    const bodies = await Promise.all(Array.from({ length: 20 }, (_, i) => vote(USERS.raad1, pollId, { option: i % 2 }, messageId)));
    for (const b of bodies) expect(b.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(await db().pollBallot.count({ where: { pollId } })).toBe(1);
    expect(await db().pollVote.count({ where: { pollId } })).toBe(1);
    expect(cardText(await lastSharedCard(messageId))).toContain('1 van 4 stemde (');
  });

  test('a voter changes their vote and then withdraws it; the results follow', async () => {
    const { pollId, messageId } = await openPoll();
    await vote(USERS.raad1, pollId, { option: 0 }, messageId);
    await vote(RAAD.r2, pollId, { option: 0 }, messageId);
    const changed = await vote(USERS.raad1, pollId, { option: 2 }, messageId);
    expect(cardText(changed.value)).toContain('Jij stemde: Alleen digitaal');
    expect(cardText(changed.value)).toContain('Je stem is gewijzigd');
    let shared = cardText(await lastSharedCard(messageId));
    expect(shared).toContain('2 van 4 stemden');
    expect(shared).toMatch(/Ja[\s\S]*1 stem · 50%[\s\S]*Nee[\s\S]*0 stemmen · 0%[\s\S]*Alleen digitaal[\s\S]*1 stem · 50%/);
    const withdrawn = await invoke(USERS.raad1, 'poll.withdraw', { pollId }, { replyToId: messageId });
    expect(cardText(withdrawn.value)).toContain('Je stem is ingetrokken');
    expect(cardText(withdrawn.value)).toContain('Je hebt nog niet gestemd');
    shared = cardText(await lastSharedCard(messageId));
    expect(shared).toContain('1 van 4 stemde (');
    expect(await db().pollVote.count({ where: { pollId } })).toBe(1);
  });

  test('multiple choice: a voter picks two options from the list, with feedback', async () => {
    const { pollId, messageId } = await openPoll({ mode: 'multiple', feedback: 'true' });
    const body = await vote(USERS.raad1, pollId, { choices: '0,2', feedback: 'Liefst digitaal in de zomer' }, messageId);
    expect(cardText(body.value)).toContain('Jij stemde: Ja, Alleen digitaal');
    expect(inputsOf(body.value)).toMatchObject({ choices: '0,2', feedback: 'Liefst digitaal in de zomer' });
    expect(await db().pollVote.count({ where: { pollId } })).toBe(2);
  });

  test('single choice refuses two options sent from a tampered card', async () => {
    const { pollId, messageId } = await openPoll();
    const body = await vote(USERS.raad1, pollId, { choices: '0,1' }, messageId);
    expect(cardText(body.value)).toContain('kies je één optie');
    expect(await db().pollBallot.count()).toBe(0);
  });

  test('feedback that looks like patient data is refused and the vote is not stored', async () => {
    const { pollId, messageId } = await openPoll({ feedback: 'true' });
    const body = await vote(USERS.raad1, pollId, { option: 0, feedback: 'Denk aan mw. de Vries, geb. 12-03-1941' }, messageId);
    expect(cardText(body.value)).toContain('patiëntgegevens');
    expect(await db().pollBallot.count()).toBe(0);
  });

  test('results stay hidden while voting when the coordinator chose "after closing"', async () => {
    const { pollId, messageId } = await openPoll({ results: 'afterClose' });
    const body = await vote(USERS.raad1, pollId, { option: 0 }, messageId);
    expect(cardText(body.value)).not.toMatch(/stem · \d+%/);
    expect(cardText(await lastSharedCard(messageId))).not.toMatch(/stem · \d+%/);
  });
});

describe('anonymous polls', () => {
  async function openAnonymous(changes: Record<string, string> = {}) {
    const p = await publish({ secrecy: 'anonymous', feedback: 'true', ...changes });
    const row = await pollRow(p.pollId);
    return { pollId: p.pollId, messageId: row.messageId! };
  }

  test('no stored row links a person (id or Entra id) to a choice, and the totals are right', async () => {
    const { pollId, messageId } = await openAnonymous();
    await vote(USERS.raad1, pollId, { choices: '0', feedback: 'Maandelijks is te vaak' }, messageId);
    await vote(RAAD.r2, pollId, { choices: '1' }, messageId);
    await vote(RAAD.r3, pollId, { choices: '1', feedback: 'Digitaal scheelt reistijd' }, messageId);
    const people = await db().person.findMany({ select: { id: true, aadObjectId: true, name: true, email: true } });
    const identifiers = people.flatMap((p) => [p.id, p.aadObjectId, p.name, p.email]).filter(Boolean) as string[];
    const tables = {
      ballots: await db().pollBallot.findMany({ where: { pollId } }),
      votes: await db().pollVote.findMany({ where: { pollId } }),
      tallies: await db().pollTally.findMany({ where: { pollId } }),
      comments: await db().pollAnonymousComment.findMany({ where: { pollId } }),
      audit: await db().auditEvent.findMany({ where: { entityType: 'Poll' } }),
      jobs: await db().job.findMany(),
    };
    expect(tables.votes).toHaveLength(0);
    for (const b of tables.ballots) expect(b).toEqual({ pollId, voterKey: expect.any(String), personId: null, comment: null });
    for (const row of [...tables.ballots, ...tables.tallies, ...tables.comments]) {
      const json = JSON.stringify(row);
      for (const id of identifiers) expect(json).not.toContain(id);
    }
    // ballots carry no choice and counters carry no ballot: the only link is the total
    expect(Object.keys(tables.ballots[0]).sort()).toEqual(['comment', 'personId', 'pollId', 'voterKey']);
    expect(Object.keys(tables.tallies[0]).sort()).toEqual(['count', 'option', 'pollId']);
    expect(tables.tallies.map((x) => [x.option, x.count]).sort()).toEqual([[0, 1], [1, 2], [2, 0]]);
    expect(Object.keys(tables.comments[0]).sort()).toEqual(['id', 'pollId', 'text']);
    // nothing about individual votes in the audit trail or the job table
    expect(tables.audit.map((a) => a.action).sort()).toEqual(['poll.publish']);
    expect(JSON.stringify(tables.jobs)).not.toMatch(/voterKey|choice/);
    // the ballot tables have no hidden insertion order either
    const ddl = await db().$queryRawUnsafe<{ sql: string }[]>(`SELECT sql FROM sqlite_master WHERE name IN ('PollBallot','PollAnonymousComment')`);
    for (const d of ddl) expect(d.sql).toMatch(/WITHOUT ROWID/);
  });

  test('an anonymous vote is final: another click counts once and withdrawing is refused', async () => {
    const { pollId, messageId } = await openAnonymous();
    const first = await vote(USERS.raad1, pollId, { choices: '0' }, messageId);
    expect(cardText(first.value)).toContain('anoniem meegeteld');
    expect(cardText(first.value)).toContain('Wat je koos, is nergens opgeslagen');
    expect(actionsOf(first.value).filter((a) => a.verb === 'poll.vote')).toHaveLength(0);
    const second = await vote(USERS.raad1, pollId, { choices: '1' }, messageId);
    expect(cardText(second.value)).toContain('Je had al gestemd');
    const withdraw = await invoke(USERS.raad1, 'poll.withdraw', { pollId });
    expect(cardText(withdraw.value)).toContain('definitief');
    const tallies = await db().pollTally.findMany({ where: { pollId }, orderBy: { option: 'asc' } });
    expect(tallies.map((x) => x.count)).toEqual([1, 0, 0]);
  });

  test('concurrent anonymous clicks by one person count once', async () => {
    const { pollId, messageId } = await openAnonymous();
    await Promise.all(Array.from({ length: 20 }, (_, i) => vote(RAAD.r4, pollId, { choices: String(i % 3) }, messageId)));
    const tallies = await db().pollTally.findMany({ where: { pollId } });
    expect(tallies.reduce((a, b) => a + b.count, 0)).toBe(1);
    expect(await db().pollBallot.count({ where: { pollId } })).toBe(1);
  });

  test('the card explains the anonymity and shows no results before closing', async () => {
    const { pollId, messageId } = await openAnonymous({ results: 'live' });
    await vote(USERS.raad1, pollId, { choices: '0' }, messageId);
    const shared = cardText(await lastSharedCard(messageId));
    expect(shared).toContain('Niemand, ook de maker en beheerders niet');
    expect(shared).toContain('1 van 4 stemde (');
    expect(shared).not.toMatch(/stem · \d+%/);
  });
});

describe('closing and results', () => {
  test('at the deadline the durable job closes the poll once: final card with bars, turnout and one announcement', async () => {
    const { pollId } = await publish({ deadline: 'vr 27 nov 17:00', feedback: 'true' });
    const messageId = (await pollRow(pollId)).messageId!;
    await vote(USERS.raad1, pollId, { option: 0, feedback: 'Graag' }, messageId);
    await vote(RAAD.r2, pollId, { option: 0 }, messageId);
    await vote(RAAD.r3, pollId, { option: 1 }, messageId);
    await module().idle();
    const sentBefore = t.stub.sent.length;
    now = new Date('2026-11-27T16:00:30Z');
    const late = await vote(RAAD.r4, pollId, { option: 1 }, messageId);
    expect(cardText(late.value)).toContain('gesloten');
    expect(await db().pollBallot.count({ where: { pollId } })).toBe(3);
    await t.bot.services.jobs.runDue();
    await t.bot.services.jobs.runDue();
    await module().idle();
    expect((await db().job.findUniqueOrThrow({ where: { uniqueKey: `poll.close:${pollId}` } })).status).toBe('done');
    const announcements = t.stub.sent.slice(sentBefore).filter((c) => cardText(cardOf(c.body)).includes(`Peiling #${pollId} is gesloten`));
    expect(announcements).toHaveLength(1);
    const final = await lastSharedCard(messageId);
    const text = cardText(final);
    expect(text).toContain(`Uitslag peiling #${pollId}`);
    expect(text).toContain('3 van 4 stemden');
    expect(text).toContain('Gesloten vr 27 nov 17.00 (sluitingstijd)');
    expect(text).toContain('Rik Raadslid: ');
    expect(text).toContain('Graag');
    expect(final.refresh).toBeUndefined();
    expect(actionsOf(final).filter((a) => a.verb === 'poll.vote')).toHaveLength(0);
    // a bar per option: a coloured column as wide as the share
    const bars = JSON.stringify(final.body);
    expect(bars).toContain('"width":67');
    expect(bars).toContain('"width":33');
    const row = await pollRow(pollId);
    expect(row.status).toBe('closed');
    expect(JSON.parse(row.result!)).toEqual({ counts: [2, 1, 0], voters: 3, eligible: 4 });
    expect(await db().auditEvent.count({ where: { action: 'poll.close' } })).toBe(1);
  });

  test('the deadline survives a restart: a new bot process on the same database closes the poll', async () => {
    const { pollId } = await publish({ deadline: 'vr 27 nov 17:00' });
    const dataDir = t.dataDir;
    await module().idle();
    await t.bot.stop();
    const { startWijkbot } = await import('../../src');
    now = new Date('2026-11-28T08:00:00Z'); // the bot was down over the deadline
    const again = await startWijkbot({ env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'silent', APP_SECRET: 'test-secret-test-secret-test-secret-0123456789' }, jobsTimer: false, clock: () => now });
    try {
      await again.services.jobs.runDue();
      expect((await again.services.db.job.findUniqueOrThrow({ where: { uniqueKey: `poll.close:${pollId}` } })).status).toBe('done');
      expect((await again.services.db.poll.findUniqueOrThrow({ where: { id: pollId } })).status).toBe('closed');
      await (again.modules.find((m) => m.name === 'polls') as PollsModule).idle();
    } finally {
      await again.stop();
    }
  });

  test('the creator closes with sluit peiling; a second close changes nothing', async () => {
    const { pollId } = await publish({ deadline: 'vr 27 nov 17:00' });
    const before = t.stub.sent.length;
    await t.post(channelMessage(t.stub.url, USERS.coordOost, `sluit peiling ${pollId}`));
    await module().idle();
    // the channel reads "is gesloten" once (the announcement); the reply to the command points to it
    const said = t.stub.sent.slice(before).filter((c) => c.method === 'POST').map((c) => textOf(c.body)).join('\n');
    expect(said).toContain(`Peiling #${pollId} is gesloten`);
    expect(said.match(/gesloten/gi)).toHaveLength(1);
    expect(said).toContain(`De uitslag van peiling #${pollId} staat nu in het kanaal`);
    expect((await pollRow(pollId)).status).toBe('closed');
    expect((await db().job.findUniqueOrThrow({ where: { uniqueKey: `poll.close:${pollId}` } })).status).toBe('cancelled');
    await t.post(channelMessage(t.stub.url, USERS.coordOost, `sluit peiling ${pollId}`));
    expect(t.stub.sentTexts().at(-1)).toContain('was al gesloten');
    expect(await db().auditEvent.count({ where: { action: 'poll.close' } })).toBe(1);
  });

  test('a huisarts who did not create the poll cannot close it', async () => {
    const { pollId } = await publish();
    await t.post(channelMessage(t.stub.url, USERS.gpOost, `sluit peiling ${pollId}`));
    expect(t.stub.sentTexts().at(-1)).toContain('Alleen de maker van de peiling (Carla Coördinator) of een beheerder');
    const body = await invoke(USERS.gpOost, 'poll.close', { pollId, confirm: true });
    expect(cardText(body.value)).toContain('Alleen de maker');
    expect((await pollRow(pollId)).status).toBe('open');
  });

  test('closing from the card asks for confirmation first', async () => {
    const { pollId } = await publish();
    const ask = await invoke(USERS.coordOost, 'poll.close', { pollId });
    expect(cardText(ask.value)).toContain('Weet je het zeker');
    expect((await pollRow(pollId)).status).toBe('open');
    const confirm = actionsOf(ask.value).find((a) => a.verb === 'poll.close' && a.data.confirm === true);
    const done = await invoke(USERS.coordOost, 'poll.close', confirm.data);
    expect(cardText(done.value)).toContain(`De uitslag van peiling #${pollId} staat nu in het kanaal`);
    expect(cardText(done.value).match(/gesloten/gi)).toHaveLength(1); // the card's own "Gesloten …", not a notice repeating it
    expect((await pollRow(pollId)).status).toBe('closed');
  });

  test('anonymous feedback appears on the final card without names', async () => {
    const { pollId } = await publish({ secrecy: 'anonymous', feedback: 'true' });
    const messageId = (await pollRow(pollId)).messageId!;
    await vote(USERS.raad1, pollId, { choices: '2', feedback: 'Prima zo' }, messageId);
    await t.post(channelMessage(t.stub.url, USERS.coordOost, `sluit peiling ${pollId}`));
    const text = cardText(await lastSharedCard(messageId));
    expect(text).toContain('anoniem: ');
    expect(text).toContain('Prima zo');
    expect(text).not.toContain('Rik Raadslid');
    expect(text).toContain('1 van 4 stemde');
  });
});

describe('reminders', () => {
  test('the creator reminds only the non-voters of a named poll, and only those Wijkbot can reach personally', async () => {
    const { pollId } = await publish();
    const messageId = (await pollRow(pollId)).messageId!;
    // r2 and r3 once chatted with Wijkbot (so Teams gave an address); r4 never did
    await t.post(personalMessage(t.stub.url, RAAD.r2, 'wie ben ik'));
    await t.post(personalMessage(t.stub.url, RAAD.r3, 'wie ben ik'));
    await t.post(personalMessage(t.stub.url, USERS.raad1, 'wie ben ik'));
    await vote(RAAD.r3, pollId, { option: 0 }, messageId);
    await module().idle();
    const before = t.stub.sent.length;
    const body = await invoke(USERS.coordOost, 'poll.remind', { pollId });
    expect(cardText(body.value)).toContain('Herinnering verstuurd aan 2 van 3 personen');
    expect(cardText(body.value)).toContain('1 van hen');
    await module().idle();
    const reminders = t.stub.sent.slice(before);
    expect(reminders.map((r) => r.conversationId).sort()).toEqual([`a:personal-${RAAD.r2.aad}`, `a:personal-${USERS.raad1.aad}`].sort());
    expect(cardText(cardOf(reminders[0].body))).toContain('Je hebt nog niet gestemd op deze peiling');
    // a second click within the hour does not message everyone again
    const again = await invoke(USERS.coordOost, 'poll.remind', { pollId });
    expect(cardText(again.value)).toContain('minder dan 60 minuten geleden');
    await module().idle();
    expect(t.stub.sent.length).toBe(before + 2);
  });

  test('reminders are durable jobs: one refused by Teams is sent on a later run, and whoever voted meanwhile is skipped', async () => {
    const { pollId } = await publish();
    const messageId = (await pollRow(pollId)).messageId!;
    for (const u of [RAAD.r2, RAAD.r3, USERS.raad1]) await t.post(personalMessage(t.stub.url, u, 'wie ben ik'));
    await module().idle();
    const before = t.stub.sent.length;
    t.stub.failNext(403, 3); // Teams refuses the whole first round (403 is not retried on the spot)
    const body = await invoke(USERS.coordOost, 'poll.remind', { pollId });
    expect(cardText(body.value)).toContain('Herinnering verstuurd aan 3 van 4 personen');
    await module().idle();
    expect(t.stub.sent.length).toBe(before);
    const jobs = await db().job.findMany({ where: { kind: 'poll.remindPerson' } });
    expect(jobs.map((j) => j.status)).toEqual(['pending', 'pending', 'pending']);
    await vote(RAAD.r3, pollId, { option: 0 }, messageId); // r3 votes before the retry
    now = new Date(now.getTime() + 2 * 60_000); // past the first back-off
    await t.bot.services.jobs.runDue();
    await module().idle();
    const reminders = t.stub.sent.slice(before).filter((c) => cardText(cardOf(c.body)).includes('Je hebt nog niet gestemd'));
    expect(reminders.map((r) => r.conversationId).sort()).toEqual([`a:personal-${RAAD.r2.aad}`, `a:personal-${USERS.raad1.aad}`].sort());
    expect((await db().job.findMany({ where: { kind: 'poll.remindPerson' } })).every((j) => j.status === 'done')).toBe(true);
  });

  test('a voter can vote straight from the reminder in their personal chat', async () => {
    const { pollId } = await publish();
    await t.post(personalMessage(t.stub.url, RAAD.r2, 'wie ben ik'));
    await t.post(channelMessage(t.stub.url, USERS.coordOost, `herinner peiling ${pollId}`));
    await module().idle();
    const reminder = t.stub.sent.find((c) => c.conversationId === `a:personal-${RAAD.r2.aad}` && cardOf(c.body));
    const button = actionsOf(cardOf(reminder!.body)).find((a) => a.verb === 'poll.vote' && a.title === 'Nee');
    const body = await invoke(RAAD.r2, 'poll.vote', button.data, { replyToId: 'reminder-msg', conversationId: `a:personal-${RAAD.r2.aad}` });
    expect(cardText(body.value)).toContain('Jij stemde: Nee');
    // the shared message in the channel is the one that is updated
    const messageId = (await pollRow(pollId)).messageId!;
    expect(cardText(await lastSharedCard(messageId))).toContain('1 van 4 stemde (');
  });

  test('an anonymous poll reminds everyone, saying why', async () => {
    const { pollId } = await publish({ secrecy: 'anonymous' });
    await t.post(personalMessage(t.stub.url, RAAD.r2, 'wie ben ik'));
    await vote(RAAD.r2, pollId, { choices: '0' }, (await pollRow(pollId)).messageId!);
    const before = t.stub.sent.length;
    await invoke(USERS.coordOost, 'poll.remind', { pollId });
    await module().idle();
    const reminders = t.stub.sent.slice(before);
    expect(reminders.map((r) => r.conversationId)).toEqual([`a:personal-${RAAD.r2.aad}`]);
    expect(cardText(cardOf(reminders[0].body))).toContain('weet Wijkbot niet wie al stemde');
  });
});

describe('export', () => {
  test('the creator gets a short-lived CSV link from the card; the CSV holds totals, named votes and feedback', async () => {
    const { pollId } = await publish({ feedback: 'true' });
    const messageId = (await pollRow(pollId)).messageId!;
    await vote(USERS.raad1, pollId, { option: 0, feedback: '=HYPERLINK("x")' }, messageId);
    await vote(RAAD.r2, pollId, { option: 2 }, messageId);
    const body = await invoke(USERS.coordOost, 'poll.export', { pollId });
    const link = actionsOf(body.value).find((a) => a.type === 'Action.OpenUrl');
    expect(link.url).toMatch(/\/peilingen\/export\//);
    const res = await fetch(link.url.replace(/^http:\/\/localhost:\d+/, t.bot.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`peiling-${pollId}.csv`);
    const csv = (await res.text()).replace(/^\uFEFF/, '');
    expect(csv.split(/\r?\n/)[0]).toBe('soort,optie,stemmen,percentage,naam,toelichting');
    expect(csv).toContain('opkomst,,2,50,,2 van 4 stemgerechtigden');
    expect(csv).toContain('uitslag,Ja,1,50,,');
    expect(csv).toContain('stem,Ja,,,Rik Raadslid,');
    expect(csv).toContain(`toelichting,,,,Rik Raadslid,"'=HYPERLINK(""x"")"`);
    // expired or tampered links do not work
    now = new Date(now.getTime() + 16 * 60_000);
    expect((await fetch(link.url.replace(/^http:\/\/localhost:\d+/, t.bot.url))).status).toBe(403);
    expect((await fetch(`${t.bot.url}/peilingen/export/${pollId}.x.1.${'a'.repeat(43)}`)).status).toBe(403);
  });

  test('someone who did not create the poll cannot export it', async () => {
    const { pollId } = await publish();
    const body = await invoke(USERS.raad1, 'poll.export', { pollId });
    expect(cardText(body.value)).toContain('Alleen de maker van de peiling');
    expect(actionsOf(body.value).find((a) => a.type === 'Action.OpenUrl')).toBeUndefined();
  });

  test('npm run poll -- export <id> prints the CSV; an anonymous poll shows no results before closing and never names', async () => {
    const { pollId } = await publish({ secrecy: 'anonymous', feedback: 'true' });
    const messageId = (await pollRow(pollId)).messageId!;
    await vote(USERS.raad1, pollId, { choices: '1', feedback: 'Zonder naam' }, messageId);
    await module().idle();
    const root = path.resolve(__dirname, '../..');
    const cli = () => promisify(execFile)(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/poll.ts'), 'export', String(pollId)], {
      cwd: root, env: { ...process.env, DATA_DIR: t.dataDir, LOG_LEVEL: 'silent' },
    });
    const open = (await cli()).stdout;
    expect(open).toContain('opkomst,,1,25,,1 van 4 stemgerechtigden');
    expect(open).toContain('zodra de peiling sluit');
    expect(open).not.toMatch(/uitslag,Nee|Zonder naam/);
    await t.post(channelMessage(t.stub.url, USERS.coordOost, `sluit peiling ${pollId}`));
    const closed = (await cli()).stdout;
    expect(closed).toContain('uitslag,Nee,1,100,,');
    expect(closed).toContain('toelichting,,,,,Zonder naam');
    expect(closed).not.toContain('Rik');
  }, 30_000);
});

test('peilingen lists the open polls a person may vote in', async () => {
  const { pollId } = await publish();
  await t.post(personalMessage(t.stub.url, USERS.raad1, 'peilingen'));
  expect(t.stub.sentTexts().at(-1)).toContain(`#${pollId}`);
  await t.post(personalMessage(t.stub.url, USERS.gpNoord, 'peilingen'));
  expect(t.stub.sentTexts().at(-1)).toContain('geen open peilingen');
});
