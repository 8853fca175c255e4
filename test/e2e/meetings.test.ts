/**
 * FTO/PaTz meetings through real HTTP: commands and card invokes posted to /api/messages like Teams does,
 * the connector stub recording what the bot posts and updates, a controllable clock for jobs.
 */
import { actionExecute, CHANNEL_ID, channelMessage, personalMessage, TENANT, type TestUser } from '../support/activities';
import { cardOf, textOf } from '../support/connectorStub';
import { startTestBot, type TestBot } from '../support/harness';
import { importRoster, USERS } from '../support/roster';
import type { MeetingsModule } from '../../src/teams/handlers/meetings';
import { actionsOf, cardProblems, inputsOf } from '../support/cardInspect';

/** The cells of a card's table, row by row, as a person reads them. */
function tableRows(card: any): string[][] {
  const table = (card.body as any[]).find((b) => b.type === 'Table');
  return (table?.rows ?? []).map((r: any) => r.cells.map((c: any) => c.items.map((i: any) => i.text).join(' ')));
}

const START = new Date('2026-11-23T10:00:00Z'); // Monday 23 November 2026, 11:00 in Amsterdam
let now = START;
let t: TestBot;

beforeEach(async () => {
  now = START;
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
const cardText = (card: any) => textOf({ type: 'AdaptiveCard', body: card?.body ?? [] });

async function invoke(user: TestUser, verb: string, data: Record<string, unknown>, opts: Parameters<typeof actionExecute>[4] = {}) {
  const res = await t.post(actionExecute(t.stub.url, user, verb, data, opts));
  expect(res.status).toBe(200);
  return res.body as { statusCode: number; type: string; value: any };
}

/** A command in the Oost channel; returns the card (or text) the bot answered with. */
async function say(text: string, user: TestUser = USERS.coordOost): Promise<{ card: any; text: string }> {
  const before = t.stub.sent.length;
  const res = await t.post(channelMessage(t.stub.url, user, text));
  expect(res.status).toBe(200);
  const reply = t.stub.sent.slice(before).at(-1)?.body;
  return { card: cardOf(reply), text: textOf(reply) };
}

/** Channel posts (not replies in a thread): invitations, reminders, the jaaragenda. */
const channelPosts = () => t.stub.sent.filter((c) => c.conversationId === CHANNEL_ID);

async function plan(command: string) {
  const { card } = await say(command);
  expect(card).toBeDefined();
  const draftId = actionsOf(card).find((a) => a.verb === 'meeting.draft.confirm')?.data.draftId;
  return { card, draftId };
}

async function planAndConfirm(command: string) {
  const { card, draftId } = await plan(command);
  const body = await invoke(USERS.coordOost, 'meeting.draft.confirm', { draftId, ...inputsOf(card) });
  await module().idle();
  const meetings = await db().meeting.findMany({ orderBy: { startsAt: 'asc' } });
  return { body, meetings, meeting: meetings[0] };
}

async function sharedCardOf(messageId: string): Promise<any> {
  await module().idle();
  const put = t.stub.updates.filter((u) => u.activityId === messageId).at(-1);
  return put ? cardOf(put.body) : undefined;
}

/** An invoke from the user's personal chat with Wijkbot (not the channel where the invitation is). */
const fromPersonalChat = (user: TestUser) => ({ conversationId: `a:personal-${user.aad}`, conversationType: 'personal' });
/** What the bot sent to the user's personal chat since `from` (an index into t.stub.sent). */
const personalTo = (user: TestUser, from = 0) => t.stub.sent.slice(from).filter((c) => c.conversationId === `a:personal-${user.aad}`);

const rsvp = (user: TestUser, meetingId: string, answer: string, messageId = 'activity-x') => invoke(user, 'meeting.rsvp', { meetingId, answer }, { replyToId: messageId });

describe('planning', () => {
  test('plan shows what was understood with the weekday warning, and stores nothing before confirming', async () => {
    const { card } = await plan('plan FTO ma 8 dec 12:30 over antistolling');
    const text = cardText(card);
    expect(card.version).toBe('1.5');
    expect(text).toContain('FTO (farmacotherapeutisch overleg)');
    expect(text).toContain('dinsdag 8 december 2026, 12.30 uur');
    expect(text).toContain('antistolling');
    expect(text).toContain('Oost'); // the channel's group
    expect(text).toMatch(/dinsdag.*geen maandag/);
    expect(text).toContain('huisartsen en apothekers');
    expect(inputsOf(card)).toMatchObject({ type: 'FTO', date: '2026-12-08', time: '12:30', duration: '90', theme: 'antistolling' });
    for (const a of actionsOf(card)) if (a.type === 'Action.Execute') expect(a.verb).toMatch(/^meeting\./);
    expect(await db().meeting.count()).toBe(0);
    expect(await db().job.count({ where: { kind: { startsWith: 'meeting.' } } })).toBe(0);
  });

  test('in a personal chat the group defaults to the only group one coordinates (admins too); with none, Wijkbot asks', async () => {
    const inPersonal = async (user: TestUser) => {
      const before = t.stub.sent.length;
      await t.post(personalMessage(t.stub.url, user, 'plan FTO di 8 dec 12:30'));
      return cardOf(t.stub.sent.slice(before).at(-1)?.body);
    };
    const oost = await db().wijkGroup.findUniqueOrThrow({ where: { slug: 'oost' } });
    const adminOnly = await inPersonal(USERS.admin);
    expect(inputsOf(adminOnly).groupId).toBe('');
    expect(cardText(adminOnly)).toContain('Voor welke wijkgroep?');
    await importRoster(t.bot, `wijkgroep,naam,email,aad_object_id,rol\nOost,Beheer Admin,admin@wijkbot.test,${USERS.admin.aad},coordinator\n`);
    const adminCoordinator = await inPersonal(USERS.admin);
    expect(inputsOf(adminCoordinator).groupId).toBe(oost.id);
    expect(cardText(adminCoordinator)).not.toContain('Voor welke wijkgroep?');
    expect(inputsOf(await inPersonal(USERS.coordOost)).groupId).toBe(oost.id);
  });

  test('a theme that looks like a template expression is shown as typed, never evaluated, and stored as typed', async () => {
    const theme = 'DOAC ${1+1} en ${$root.secret}';
    const { meeting, body } = await planAndConfirm(`plan FTO di 8 dec 12:30 over ${theme}`);
    expect(body.statusCode).toBe(200);
    expect(meeting?.theme).toBe(theme); // not with the invisible mark the card carried it with
    const invitation = t.stub.sent.find((c) => c.conversationId === CHANNEL_ID && cardText(cardOf(c.body)).includes('DOAC'));
    expect(cardText(cardOf(invitation?.body))).not.toContain('DOAC 2');
  });

  test('a public holiday, a past date and an existing meeting of the group are warned about', async () => {
    expect(cardText((await plan('plan FTO 25-12 19:00')).card)).toContain('feestdag');
    expect(cardText((await plan('plan patz 2-11-2026 12:30')).card)).toContain('in het verleden');
    await planAndConfirm('plan FTO di 8 dec 12:30 over antistolling');
    const clash = cardText((await plan('plan wijkoverleg 8-12 13:00')).card);
    expect(clash).toMatch(/heeft dan al een bijeenkomst: FTO FTO-/);
  });

  test('"plan FTO ma 30 nov 12:30 Oost" on Thursday 3 December registers the Monday just gone, says it lies in the past, and saves that date', async () => {
    now = new Date('2026-12-03T09:00:00Z');
    const { card, draftId } = await plan('plan FTO ma 30 nov 12:30 Oost');
    const text = cardText(card);
    expect(text).toContain('maandag 30 november 2026, 12.30 uur');
    expect(text).toContain('Ik lees maandag 30 november 2026, 3 dagen geleden');
    expect(text).toContain('maandag 30 november 2026 ligt in het verleden');
    expect(text).not.toContain('Bedoel je'); // no "did you mean Monday 29 November 2027?"
    expect(inputsOf(card)).toMatchObject({ date: '2026-11-30', time: '12:30' });
    const body = await invoke(USERS.coordOost, 'meeting.draft.confirm', { draftId, ...inputsOf(card) });
    expect(body.statusCode).toBe(200);
    await module().idle();
    const meeting = await db().meeting.findFirstOrThrow();
    expect(meeting.startsAt.toISOString()).toBe('2026-11-30T11:30:00.000Z');
  });

  test('a date typed a few days after it passed is read as next year\'s only with that said on the card', async () => {
    now = new Date('2026-12-03T09:00:00Z');
    const text = cardText((await plan('plan FTO 30 nov 12:30 Oost')).card);
    expect(text).toContain('30 november is al voorbij (maandag 30 november 2026), dus ik lees dinsdag 30 november 2027.');
  });

  test('the issue’s examples are read in Amsterdam time', async () => {
    // Carla coordinates Oost only: naming Noord is refused before anything is stored
    expect((await say('plan patz 14-1 om half 1 wijkgroep Noord 90 min')).text).toContain('geen coördinator van wijkgroep Noord');
    expect(await db().meetingDraft.count()).toBe(0);
    const oost = await plan('plan patz 14-1 om half 1 wijkgroep Oost 60 min');
    expect(cardText(oost.card)).toContain('donderdag 14 januari 2027, 12.30 uur');
    expect(inputsOf(oost.card)).toMatchObject({ type: 'PaTz', time: '12:30', duration: '60' });
    const spiegel = await plan('plan spiegel volgende week dinsdag 17.30');
    expect(cardText(spiegel.card)).toContain('dinsdag 1 december 2026, 17.30 uur');
    expect(inputsOf(spiegel.card).duration).toBe('120');
  });

  test('a huisarts cannot plan', async () => {
    const { text } = await say('plan FTO di 8 dec 12:30', USERS.gpOost);
    expect(text).toContain('Alleen een coördinator');
    expect(await db().meetingDraft.count()).toBe(0);
  });

  test('confirming twice (double click, Teams redelivery) creates one meeting and posts one invitation', async () => {
    const { card, draftId } = await plan('plan FTO di 8 dec 12:30 Oost over antistolling');
    const data = { draftId, ...inputsOf(card) };
    const postsBefore = channelPosts().length;
    const [a, b] = await Promise.all([invoke(USERS.coordOost, 'meeting.draft.confirm', data), invoke(USERS.coordOost, 'meeting.draft.confirm', data)]);
    const third = await invoke(USERS.coordOost, 'meeting.draft.confirm', data);
    await module().idle();
    expect(await db().meeting.count()).toBe(1);
    const meeting = await db().meeting.findFirstOrThrow();
    expect(meeting.code).toMatch(/^FTO-[2-9A-HJ-NP-Z]{3}$/);
    expect(meeting.startsAt.toISOString()).toBe('2026-12-08T11:30:00.000Z');
    expect(meeting.endsAt.toISOString()).toBe('2026-12-08T13:00:00.000Z');
    const invitations = channelPosts().slice(postsBefore);
    expect(invitations).toHaveLength(1);
    expect(meeting.messageId).toBe(invitations[0].body.id ?? meeting.messageId);
    const texts = [a, b, third].map((r) => cardText(r.value));
    expect(texts.filter((x) => x.includes('Gepland')).length).toBeGreaterThanOrEqual(1);
    expect(texts.some((x) => x.includes('al bevestigd'))).toBe(true);
    expect(await db().auditEvent.count({ where: { action: 'meeting.create' } })).toBe(1);
    // reminder 2 days before, the invitation safety net, and the attendance request: planned once
    expect(await db().job.count({ where: { uniqueKey: `meeting.reminder:${meeting.id}:0` } })).toBe(1);
    expect((await db().job.findFirstOrThrow({ where: { uniqueKey: `meeting.reminder:${meeting.id}:0` } })).runAt.toISOString()).toBe('2026-12-06T11:30:00.000Z');
    // the invitation names the invited roles and has the three answers and an .ics link
    const invite = cardOf(invitations[0].body);
    expect(cardText(invite)).toContain('huisartsen en apothekers (4)');
    expect(actionsOf(invite).filter((x) => x.verb === 'meeting.rsvp').map((x) => x.data.answer)).toEqual(['yes', 'no', 'maybe']);
    expect(actionsOf(invite).find((x) => x.type === 'Action.OpenUrl').url).toMatch(/\/agenda\/[a-z0-9]+\/[A-Za-z0-9_-]{32}\.ics$/);
  });

  test('edited values come back checked before anything is created', async () => {
    const { card, draftId } = await plan('plan FTO di 8 dec 12:30 over antistolling');
    const first = await invoke(USERS.coordOost, 'meeting.draft.confirm', { draftId, ...inputsOf(card), date: '2026-12-25' });
    expect(cardText(first.value)).toContain('feestdag');
    expect(cardText(first.value)).toContain('nog een keer op Bevestigen');
    expect(await db().meeting.count()).toBe(0);
    await invoke(USERS.coordOost, 'meeting.draft.confirm', { draftId, ...inputsOf(first.value) });
    expect((await db().meeting.findFirstOrThrow()).startsAt.toISOString()).toBe('2026-12-25T11:30:00.000Z');
  });

  test('editing one field brings the card back with a calm notice, no red alert about checks that are not there', async () => {
    const { card, draftId } = await plan('plan FTO di 8 dec 12:30 Oost over antistolling');
    const edited = await invoke(USERS.coordOost, 'meeting.draft.confirm', { draftId, ...inputsOf(card), theme: 'DOAC bij nierfunctie' });
    const alerts = (edited.value.body as any[]).filter((b) => b.style === 'attention');
    expect(alerts).toEqual([]);
    const text = cardText(edited.value);
    expect(text).toContain('Je wijziging is verwerkt en nagekeken: geen opmerkingen');
    expect(text).not.toContain('Let op');
    expect(text).toContain('DOAC bij nierfunctie');
    // with a real remark, the notice points to it, and the remark is there
    const holiday = await invoke(USERS.coordOost, 'meeting.draft.confirm', { draftId, ...inputsOf(edited.value), date: '2026-12-25' });
    expect(cardText(holiday.value)).toContain('Kijk de opmerkingen hieronder na');
    expect(cardText(holiday.value)).toContain('feestdag');
    expect(await db().meeting.count()).toBe(0);
  });

  test('an admin cannot move a draft to a group that does not exist; clicking again still creates nothing', async () => {
    const { card } = await say('plan FTO di 8 dec 12:30 over antistolling', USERS.admin);
    const draftId = actionsOf(card).find((a) => a.verb === 'meeting.draft.confirm')?.data.draftId;
    for (let i = 0; i < 2; i++) {
      const body = await invoke(USERS.admin, 'meeting.draft.confirm', { draftId, ...inputsOf(card), groupId: 'bogus' });
      expect(cardText(body.value)).toContain('Die wijkgroep bestaat niet (meer)');
    }
    expect(await db().meeting.count()).toBe(0);
    const oost = await db().wijkGroup.findFirstOrThrow({ where: { name: 'Oost' } });
    expect(JSON.parse((await db().meetingDraft.findUniqueOrThrow({ where: { id: draftId } })).payload).groupId).toBe(oost.id);
    await invoke(USERS.admin, 'meeting.draft.confirm', { draftId, ...inputsOf(card) });
    expect(await db().meeting.findFirstOrThrow()).toMatchObject({ groupId: oost.id });
  });

  test('a group without a linked channel keeps the meeting and the coordinator is told exactly how to link one', async () => {
    await say('ontkoppel');
    const { body } = await planAndConfirm('plan FTO di 8 dec 12:30 over antistolling');
    expect(cardText(body.value)).toContain('nog geen gekoppeld kanaal');
    expect(cardText(body.value)).toContain('typ daar **@Wijkbot koppel Oost**');
    expect(await db().meeting.count()).toBe(1);
  });

  test('linking the channel later posts the invitations that waited for it, once: a redelivered or repeated koppel posts nothing twice', async () => {
    await say('ontkoppel');
    const { meeting } = await planAndConfirm('plan FTO di 8 dec 12:30 over antistolling');
    // a series planned meanwhile: its first invitation waits too, the later ones keep their own moment
    const series = await planAndConfirm('plan PaTz elke 8 weken op dinsdag 12:30 vanaf 15 dec tot juli');
    const firstOfSeries = series.meetings.find((m) => m.type === 'PaTz')!;
    expect(await db().meeting.count({ where: { messageId: { not: null } } })).toBe(0);
    const invitations = () => channelPosts().filter((c) => actionsOf(cardOf(c.body)).some((a) => a.verb === 'meeting.rsvp'));
    expect(invitations()).toHaveLength(0);

    const link = channelMessage(t.stub.url, USERS.coordOost, 'koppel Oost');
    expect((await t.post(link)).status).toBe(200);
    await module().idle();
    const reply = t.stub.sentTexts().at(-1)!;
    expect(reply).toContain('gekoppeld aan wijkgroep **Oost**');
    expect(reply).toContain(`**${meeting.code}**`);
    expect(reply).toContain(`**${firstOfSeries.code}**`);
    expect(reply).toContain('staan nu in dit kanaal');
    const posted = invitations();
    expect(posted.map((c) => cardText(cardOf(c.body))).join('\n')).toContain('antistolling');
    expect(posted).toHaveLength(2);
    const rows = await db().meeting.findMany({ where: { messageId: { not: null } } });
    expect(rows.map((r) => r.code).sort()).toEqual([meeting.code, firstOfSeries.code].sort());
    expect(rows.every((r) => r.conversationId === CHANNEL_ID)).toBe(true);

    // Teams redelivers the same activity; then someone links again
    expect((await t.post(link)).status).toBe(200);
    await say('koppel Oost');
    await module().idle();
    expect(invitations()).toHaveLength(2);
    expect(t.stub.sentTexts().at(-1)).not.toContain('uitnodiging');
  });

  test('a series creates the jaaragenda with one confirm; each meeting can be cancelled on its own', async () => {
    const { card, draftId } = await plan('plan PaTz elke 8 weken op dinsdag 12:30 vanaf 13 jan tot juli');
    expect(cardText(card)).toContain('De 3 datums');
    const body = await invoke(USERS.coordOost, 'meeting.draft.confirm', { draftId, ...inputsOf(card) });
    await module().idle();
    expect(cardText(body.value)).toContain('3 bijeenkomsten gepland');
    const list = await db().meeting.findMany({ orderBy: { startsAt: 'asc' } });
    expect(list.map((m) => m.startsAt.toISOString())).toEqual(['2027-01-19T11:30:00.000Z', '2027-03-16T11:30:00.000Z', '2027-05-11T10:30:00.000Z']);
    expect(new Set(list.map((m) => m.seriesId)).size).toBe(1);
    // later invitations wait until six weeks before their meeting
    const inviteJobs = await db().job.findMany({ where: { kind: 'meeting.invite' }, orderBy: { runAt: 'asc' } });
    expect(inviteJobs.map((j) => j.runAt.toISOString())).toEqual([START.toISOString(), '2027-02-02T11:30:00.000Z', '2027-03-30T10:30:00.000Z']);
    const { card: cancelCard } = await say(`annuleer ${list[1].code}`);
    const confirm = actionsOf(cancelCard).find((a) => a.verb === 'meeting.cancel.confirm');
    await invoke(USERS.coordOost, 'meeting.cancel.confirm', confirm.data);
    const after = await db().meeting.findMany({ orderBy: { startsAt: 'asc' } });
    expect(after.map((m) => m.status)).toEqual(['planned', 'cancelled', 'planned']);
    expect(await db().job.findMany({ where: { uniqueKey: { contains: list[1].id }, status: 'pending' }, select: { kind: true } })).toEqual([{ kind: 'meeting.purge' }]); // only retention stays
  });
});

describe('answering the invitation', () => {
  async function posted() {
    const { meeting } = await planAndConfirm('plan FTO di 8 dec 12:30 over antistolling');
    return { meetingId: meeting.id, messageId: meeting.messageId! };
  }

  test('a member sees their own answer; the shared card shows only the counts', async () => {
    const { meetingId, messageId } = await posted();
    const body = await rsvp(USERS.gpOost, meetingId, 'yes', messageId);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(body.value)).toContain('Jouw antwoord: Ik kom');
    const shared = await sharedCardOf(messageId);
    expect(cardText(shared)).toContain('Ik kom: 1 · Misschien: 0 · Ik kom niet: 0 (van 4 uitgenodigd)');
    expect(JSON.stringify(shared)).not.toMatch(/Jouw antwoord|Dank je/);
    expect(shared.refresh?.action ?? { verb: 'meeting.view' }).toMatchObject({ verb: 'meeting.view' });
  });

  test('someone outside the group is refused politely and nothing is stored', async () => {
    const { meetingId, messageId } = await posted();
    for (const user of [USERS.gpNoord, USERS.stranger, USERS.wvOost /* PaTz role, not invited to FTO */]) {
      const body = await rsvp(user, meetingId, 'yes', messageId);
      expect(cardText(body.value)).toContain('Sorry, deze uitnodiging is voor de leden van wijkgroep Oost');
    }
    expect(await db().meetingRsvp.count()).toBe(0);
  });

  test('an answer can change until the meeting starts, then it is refused', async () => {
    const { meetingId, messageId } = await posted();
    await rsvp(USERS.gpOost, meetingId, 'yes', messageId);
    const changed = await rsvp(USERS.gpOost, meetingId, 'no', messageId);
    expect(cardText(changed.value)).toContain('Jouw antwoord: Ik kom niet');
    expect(cardText(changed.value)).toContain('gewijzigd');
    expect(cardText(await sharedCardOf(messageId))).toContain('Ik kom: 0 · Misschien: 0 · Ik kom niet: 1');
    expect(await db().meetingRsvp.count()).toBe(1);
    now = new Date('2026-12-08T11:31:00Z');
    const late = await rsvp(USERS.gpOost, meetingId, 'yes', messageId);
    expect(cardText(late.value)).toContain('al begonnen');
    expect((await db().meetingRsvp.findFirstOrThrow()).answer).toBe('no');
  });

  test('a client refresh gets the person’s own view and leaves the shared message alone', async () => {
    const { meetingId, messageId } = await posted();
    await rsvp(USERS.apoOost, meetingId, 'maybe', messageId);
    await module().idle();
    const updates = t.stub.updates.length;
    const mine = await invoke(USERS.apoOost, 'meeting.view', { meetingId }, { replyToId: messageId, trigger: 'automatic' });
    expect(cardText(mine.value)).toContain('Jouw antwoord: Misschien');
    const other = await invoke(USERS.gpOost2, 'meeting.view', { meetingId }, { replyToId: messageId, trigger: 'automatic' });
    expect(cardText(other.value)).toContain('nog niet geantwoord');
    await module().idle();
    expect(t.stub.updates.length).toBe(updates);
  });

  test('an FTO invitation shows the afspraken due for checking from the provider', async () => {
    module().setAgreementsProvider(async (groupId) => (groupId ? ['PPI afbouwen na 8 weken — toetsen'] : []));
    await planAndConfirm('plan FTO di 8 dec 12:30 over antistolling');
    const invite = cardOf(channelPosts().at(-1)!.body);
    expect(cardText(invite)).toContain('Afspraken om te toetsen');
    expect(cardText(invite)).toContain('PPI afbouwen na 8 weken');
  });
});

describe('who may see an invitation', () => {
  test('someone outside the group who sends an answer or a refresh from elsewhere gets "niet gevonden", not the invitation', async () => {
    const { meeting } = await planAndConfirm('plan FTO di 8 dec 12:30 over antistolling locatie Gezondheidscentrum Oost');
    const unknown = await invoke(USERS.gpNoord, 'meeting.view', { meetingId: 'doesnotexist' }, fromPersonalChat(USERS.gpNoord));
    for (const [user, verb, data] of [
      [USERS.gpNoord, 'meeting.rsvp', { meetingId: meeting.id, answer: 'yes' }],
      [USERS.gpNoord, 'meeting.view', { meetingId: meeting.id }],
      [USERS.stranger, 'meeting.view', { meetingId: meeting.id }],
      [USERS.stranger, 'meeting.rsvp', { meetingId: meeting.id, answer: 'yes' }],
    ] as const) {
      const body = await invoke(user, verb, data, fromPersonalChat(user));
      const text = cardText(body.value);
      expect(text).toContain('Ik vind geen bijeenkomst');
      expect(text.replace(meeting.id, 'doesnotexist')).toBe(cardText(unknown.value)); // the same answer as for an id that does not exist
      expect(JSON.stringify(body.value)).not.toMatch(/antistolling|Gezondheidscentrum|\.ics|Ik kom: |Oost/);
    }
    expect(await db().meetingRsvp.count()).toBe(0);
  });

  test('members and admins still see the invitation from their personal chat, and a refusal in the channel keeps it on screen', async () => {
    const { meeting } = await planAndConfirm('plan FTO di 8 dec 12:30 over antistolling');
    expect(cardText((await invoke(USERS.gpOost, 'meeting.view', { meetingId: meeting.id }, fromPersonalChat(USERS.gpOost))).value)).toContain('antistolling');
    expect(cardText((await invoke(USERS.admin, 'meeting.view', { meetingId: meeting.id }, fromPersonalChat(USERS.admin))).value)).toContain('antistolling');
    // a PaTz-only member is refused an FTO answer but may see the invitation of their own group
    const refused = await invoke(USERS.wvOost, 'meeting.rsvp', { meetingId: meeting.id, answer: 'yes' }, fromPersonalChat(USERS.wvOost));
    expect(cardText(refused.value)).toContain('Sorry, deze uitnodiging is voor de leden van wijkgroep Oost');
    expect(cardText(refused.value)).toContain('antistolling');
    // in the channel where it was posted everyone sees it anyway
    const inChannel = await rsvp(USERS.gpNoord, meeting.id, 'yes', meeting.messageId!);
    expect(cardText(inChannel.value)).toContain('antistolling');
  });
});

describe('changing a meeting', () => {
  async function withYes() {
    await t.post(personalMessage(t.stub.url, USERS.gpOost, 'help')); // Dirk can be messaged personally
    const { meeting } = await planAndConfirm('plan FTO di 8 dec 12:30 over antistolling');
    await rsvp(USERS.gpOost, meeting.id, 'yes', meeting.messageId!);
    await rsvp(USERS.gpOost2, meeting.id, 'no', meeting.messageId!);
    await module().idle();
    return meeting;
  }

  test('verzet updates the channel card, messages those who said yes, and raises the .ics SEQUENCE with the same UID', async () => {
    const meeting = await withYes();
    const icsUrl = actionsOf(cardOf(channelPosts().at(-1)!.body)).find((a) => a.type === 'Action.OpenUrl').url.replace(/^http:\/\/localhost:\d+/, t.bot.url);
    const before = await (await fetch(icsUrl)).text();
    expect(before).toContain('SEQUENCE:0');
    const { card } = await say(`verzet ${meeting.code.toLowerCase()} naar 15 dec 19:00`);
    expect(cardText(card)).toContain('dinsdag 15 december 2026, 19.00 uur');
    expect((await db().meeting.findUniqueOrThrow({ where: { id: meeting.id } })).sequence).toBe(0); // nothing yet
    const confirm = actionsOf(card).find((a) => a.verb === 'meeting.reschedule.confirm');
    const sentBefore = t.stub.sent.length;
    const done = await invoke(USERS.coordOost, 'meeting.reschedule.confirm', confirm.data);
    expect(cardText(done.value)).toContain('is verzet naar dinsdag 15 december 2026, 19.00 uur');
    expect(cardText(done.value)).toContain('1 van de 1 persoon die "Ik kom" zei kreeg');
    const again = await invoke(USERS.coordOost, 'meeting.reschedule.confirm', confirm.data);
    expect(cardText(again.value)).toContain('intussen al gewijzigd');
    await module().idle();
    const row = await db().meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(row).toMatchObject({ sequence: 1, startsAt: new Date('2026-12-15T18:00:00Z'), endsAt: new Date('2026-12-15T19:30:00Z') });
    const shared = await sharedCardOf(meeting.messageId!);
    expect(cardText(shared)).toContain('GEWIJZIGD');
    expect(cardText(shared)).toContain('dinsdag 15 december 2026, 19.00–20.30 uur');
    const personal = t.stub.sent.slice(sentBefore).filter((c) => c.conversationId === `a:personal-${USERS.gpOost.aad}`);
    expect(personal).toHaveLength(1);
    expect(textOf(personal[0].body)).toContain('is verzet van dinsdag 8 december 2026, 12.30 uur naar dinsdag 15 december 2026, 19.00 uur');
    const after = await (await fetch(icsUrl)).text();
    expect(after).toContain('SEQUENCE:1');
    expect(after).toContain('DTSTART:20261215T180000Z');
    const uid = (s: string) => /UID:(.*)\r\n/.exec(s)![1];
    expect(uid(after)).toBe(uid(before));
    // the old reminder is cancelled, the new one planned under the new sequence
    expect((await db().job.findUniqueOrThrow({ where: { uniqueKey: `meeting.reminder:${meeting.id}:0` } })).status).toBe('cancelled');
    expect((await db().job.findUniqueOrThrow({ where: { uniqueKey: `meeting.reminder:${meeting.id}:1` } })).runAt.toISOString()).toBe('2026-12-13T18:00:00.000Z');
    expect(await db().auditEvent.count({ where: { action: 'meeting.reschedule', entityId: meeting.id } })).toBe(1);
  });

  test('someone who said yes on the channel card but never chatted with Wijkbot is told in a personal chat Wijkbot starts', async () => {
    const meeting = await withYes();
    await rsvp(USERS.apoOost, meeting.id, 'yes', meeting.messageId!); // Eva: only this click, from the channel
    expect(await db().conversation.count({ where: { kind: 'personal', person: { aadObjectId: USERS.apoOost.aad } } })).toBe(0);
    await t.bot.services.conversations.flushUsers(); // written behind; from here on read back from the database
    expect(await db().teamsUser.findFirst({ where: { person: { aadObjectId: USERS.apoOost.aad } } })).toMatchObject({ userId: `29:${USERS.apoOost.aad}`, tenantId: TENANT, serviceUrl: t.stub.url });
    const { card } = await say(`verzet ${meeting.code} naar 15 dec 19:00`);
    const done = await invoke(USERS.coordOost, 'meeting.reschedule.confirm', actionsOf(card).find((a) => a.verb === 'meeting.reschedule.confirm').data);
    expect(cardText(done.value)).toContain('2 van de 2 mensen');
    await module().idle();
    const created = t.stub.calls.filter((c) => c.method === 'POST' && c.path === '/v3/conversations');
    expect(created).toHaveLength(1);
    expect(created[0]!.body).toMatchObject({ isGroup: false, members: [{ id: `29:${USERS.apoOost.aad}` }], tenantId: TENANT });
    const chat = await db().conversation.findFirstOrThrow({ where: { kind: 'personal', person: { aadObjectId: USERS.apoOost.aad } } });
    const toEva = t.stub.sent.filter((c) => c.conversationId === chat.id);
    expect(toEva).toHaveLength(1);
    expect(textOf(toEva[0]!.body)).toContain('is verzet van dinsdag 8 december 2026, 12.30 uur naar dinsdag 15 december 2026, 19.00 uur');
    // the next message to Eva uses that chat instead of starting another
    await say(`annuleer ${meeting.code}`).then(({ card: c }) => invoke(USERS.coordOost, 'meeting.cancel.confirm', actionsOf(c).find((a) => a.verb === 'meeting.cancel.confirm').data));
    await module().idle();
    expect(t.stub.calls.filter((c) => c.method === 'POST' && c.path === '/v3/conversations')).toHaveLength(1);
    expect(t.stub.sent.filter((c) => c.conversationId === chat.id)).toHaveLength(2);
  });

  test('annuleer marks the card cancelled, tells those who said yes, cancels the jobs and the .ics says CANCELLED', async () => {
    const meeting = await withYes();
    const { card } = await say(`annuleer ${meeting.code}`);
    expect(await db().meeting.count({ where: { status: 'cancelled' } })).toBe(0);
    const done = await invoke(USERS.coordOost, 'meeting.cancel.confirm', actionsOf(card).find((a) => a.verb === 'meeting.cancel.confirm').data);
    expect(cardText(done.value)).toContain('is geannuleerd');
    const shared = await sharedCardOf(meeting.messageId!);
    expect(cardText(shared)).toContain('GEANNULEERD');
    expect(actionsOf(shared).filter((a) => a.verb === 'meeting.rsvp')).toHaveLength(0);
    expect(t.stub.sent.filter((c) => c.conversationId === `a:personal-${USERS.gpOost.aad}` && textOf(c.body).includes('gaat niet door'))).toHaveLength(1);
    expect(await db().job.findMany({ where: { uniqueKey: { contains: meeting.id }, status: 'pending' }, select: { kind: true } })).toEqual([{ kind: 'meeting.purge' }]);
    const ics = await (await fetch(`${t.bot.url}${actionsOf(cardOf(channelPosts().at(-1)!.body)).find((a) => a.type === 'Action.OpenUrl').url.replace(/^http:\/\/localhost:\d+/, '')}`)).text();
    expect(ics).toContain('STATUS:CANCELLED');
    expect(ics).toContain('SEQUENCE:1');
    const refused = await rsvp(USERS.gpOost2, meeting.id, 'yes', meeting.messageId!);
    expect(cardText(refused.value)).toContain('geannuleerd');
  });

  test('a meeting can be named by its code (any case, with a space) or by type and date', async () => {
    const meeting = await withYes();
    const spaced = meeting.code.toLowerCase().replace('-', ' ');
    expect(cardText((await say(`annuleer ${spaced}`)).card)).toContain(meeting.code);
    expect(cardText((await say('verzet FTO 8 dec naar 9 dec 12:30')).card)).toContain('woensdag 9 december 2026, 12.30 uur');
    expect((await say('annuleer FTO-ZZZ')).text).toContain('Ik vind geen bijeenkomst "FTO-ZZZ"');
    expect((await say('annuleer PaTz 8 dec')).text).toContain('Ik vind geen bijeenkomst');
  });

  test('a meeting cannot be moved to an impossible moment, into the past or more than two years ahead', async () => {
    const meeting = await withYes();
    for (const startsAt of ['+275760-09-13T00:00:00Z', '2020-01-01T10:00:00Z', '2026-11-23T09:00:00Z', '2029-01-01T10:00:00Z', 'bogus']) {
      const body = await invoke(USERS.coordOost, 'meeting.reschedule.confirm', { meetingId: meeting.id, sequence: 0, startsAt });
      expect({ startsAt, text: cardText(body.value) }).toEqual({ startsAt, text: expect.stringContaining('Verzetten kan alleen naar een moment in de toekomst, binnen twee jaar') });
    }
    const row = await db().meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(row).toMatchObject({ sequence: 0, startsAt: meeting.startsAt });
    const ok = await invoke(USERS.coordOost, 'meeting.reschedule.confirm', { meetingId: meeting.id, sequence: 0, startsAt: '2028-11-01T11:30:00Z' });
    expect(cardText(ok.value)).toContain('is verzet naar');
  });

  test('a huisarts cannot verzet or annuleer', async () => {
    const meeting = await withYes();
    expect((await say(`annuleer ${meeting.code}`, USERS.gpOost)).text).toContain('alleen een coördinator');
    expect((await say(`verzet ${meeting.code} naar 9 dec 12:30`, USERS.gpOost)).text).toContain('alleen een coördinator');
    const forged = await invoke(USERS.gpOost, 'meeting.cancel.confirm', { meetingId: meeting.id, sequence: 0 });
    expect(cardText(forged.value)).toContain('coördinator');
    expect((await db().meeting.findUniqueOrThrow({ where: { id: meeting.id } })).status).toBe('planned');
  });
});

describe('reminders', () => {
  const reminders = () => channelPosts().filter((c) => cardText(cardOf(c.body)).includes('Herinnering'));

  test('the reminder fires once, two days before', async () => {
    await planAndConfirm('plan FTO di 8 dec 12:30 over antistolling');
    now = new Date('2026-12-06T11:29:00Z');
    await t.bot.services.jobs.runDue();
    expect(reminders()).toHaveLength(0);
    now = new Date('2026-12-06T11:30:00Z');
    await t.bot.services.jobs.runDue();
    await t.bot.services.jobs.runDue();
    expect(reminders()).toHaveLength(1);
    expect(cardText(cardOf(reminders()[0].body))).toContain('Herinnering: di 8 dec 12.30');
  });

  test('a reminder whose time passed while the bot was down is sent late, once', async () => {
    await planAndConfirm('plan FTO di 8 dec 12:30 over antistolling');
    now = new Date('2026-12-07T20:00:00Z');
    await t.bot.services.jobs.runDue();
    await t.bot.services.jobs.runDue();
    expect(reminders()).toHaveLength(1);
  });

  test('a reminder is skipped when the meeting has already started', async () => {
    await planAndConfirm('plan FTO di 8 dec 12:30 over antistolling');
    now = new Date('2026-12-08T12:00:00Z');
    await t.bot.services.jobs.runDue();
    expect(reminders()).toHaveLength(0);
    expect(await db().job.count({ where: { kind: 'meeting.reminder', status: 'done' } })).toBe(1);
  });

  test('a PaTz reminder asks for patients in the PaTz Portal and carries no personal data', async () => {
    const { meeting } = await planAndConfirm('plan PaTz di 8 dec 12:30 over palliatieve zorg');
    await rsvp(USERS.wvOost, meeting.id, 'yes', meeting.messageId!);
    now = new Date('2026-12-06T12:00:00Z');
    await t.bot.services.jobs.runDue();
    expect(reminders()).toHaveLength(1);
    const text = cardText(cardOf(reminders()[0].body));
    expect(text).toContain('PaTz Portal');
    expect(text).toContain('Nooit patiëntgegevens in Teams');
    for (const name of ['Fien', 'Dirk', 'Carla', 'Eva']) expect(text).not.toContain(name);
  });

  test('a rescheduled meeting reminds at the new time only', async () => {
    const { meeting } = await planAndConfirm('plan FTO di 8 dec 12:30 over antistolling');
    const { card } = await say(`verzet ${meeting.code} naar 15 dec 12:30`);
    await invoke(USERS.coordOost, 'meeting.reschedule.confirm', actionsOf(card).find((a) => a.verb === 'meeting.reschedule.confirm').data);
    now = new Date('2026-12-06T12:00:00Z');
    await t.bot.services.jobs.runDue();
    expect(reminders()).toHaveLength(0);
    now = new Date('2026-12-13T12:00:00Z');
    await t.bot.services.jobs.runDue();
    expect(reminders()).toHaveLength(1);
  });
});

describe('attendance for accreditation', () => {
  test('attendance is confirmed on a card prefilled from yes answers, listed as CSV and summed per person', async () => {
    await t.post(personalMessage(t.stub.url, USERS.coordOost, 'help'));
    const { meeting } = await planAndConfirm('plan FTO di 8 dec 12:30 over antistolling');
    const gp = await db().person.findFirstOrThrow({ where: { aadObjectId: USERS.gpOost.aad } });
    const apo = await db().person.findFirstOrThrow({ where: { aadObjectId: USERS.apoOost.aad } });
    const gp2 = await db().person.findFirstOrThrow({ where: { aadObjectId: USERS.gpOost2.aad } });
    await rsvp(USERS.gpOost, meeting.id, 'yes', meeting.messageId!);
    await rsvp(USERS.apoOost, meeting.id, 'yes', meeting.messageId!);

    expect((await say(`aanwezig ${meeting.code}`)).text).toContain('nog niet begonnen');
    now = new Date('2026-12-08T13:30:00Z');
    await t.bot.services.jobs.runDue(); // the attendance request goes to the coordinator's personal chat
    const asked = t.stub.sent.filter((c) => c.conversationId === `a:personal-${USERS.coordOost.aad}` && textOf(c.body).includes('Wie was er bij'));
    expect(asked).toHaveLength(1);

    const { card } = await say(`aanwezig ${meeting.code}`);
    expect(inputsOf(card).attendees.split(',').sort()).toEqual([gp.id, apo.id].sort());
    expect(cardText(card)).toContain('Vooraf aangevinkt');
    const saved = await invoke(USERS.coordOost, 'meeting.attendance.save', { meetingId: meeting.id, attendees: [gp.id, gp2.id].join(',') });
    expect(cardText(saved.value)).toContain('Opgeslagen: 2 aanwezig');
    expect(await db().meetingAttendance.count()).toBe(2);
    expect(await db().auditEvent.count({ where: { action: 'meeting.attendance' } })).toBe(1);

    // the card hands over to the meeting summaries: "Verslag schrijven" opens the verslag form in a personal chat
    const toSummary = actionsOf(saved.value).find((a) => a.verb === 'summary.open');
    expect(toSummary.data).toEqual({ meetingRef: meeting.code });
    const opened = await invoke(USERS.coordOost, 'summary.open', toSummary.data);
    expect(JSON.stringify(opened.value)).toContain('verslagformulier in een persoonlijke chat');

    const stranger = await db().person.findFirstOrThrow({ where: { aadObjectId: USERS.gpNoord.aad } });
    const forged = await invoke(USERS.coordOost, 'meeting.attendance.save', { meetingId: meeting.id, attendees: stranger.id });
    expect(cardText(forged.value)).toContain('hoort niet bij de genodigden');
    expect(await db().meetingAttendance.count()).toBe(2);

    const sentBefore = t.stub.sent.length;
    const inChannel = await say(`presentielijst ${meeting.code}`);
    expect(inChannel.text).toBe('Ik heb je de presentielijst persoonlijk gestuurd.');
    // a table a person can read, and the CSV for GAIA behind a short download button (no raw CSV or URL in chat)
    const listCard = cardOf(personalTo(USERS.coordOost, sentBefore).at(-1)!.body);
    expect(cardProblems(listCard)).toEqual([]);
    expect(tableRows(listCard)).toEqual([['Naam', 'Rol'], ['Dana Huisarts', 'huisarts'], ['Dirk Huisarts', 'huisarts']]);
    expect(cardText(listCard)).toContain('2 aanwezig');
    expect(cardText(listCard)).not.toMatch(/datum;begintijd|http/);
    const button = actionsOf(listCard).find((a) => a.type === 'Action.OpenUrl');
    expect(button.title).toBe('Download CSV');
    const url = button.url.replace(/^http:\/\/localhost:\d+/, t.bot.url);
    const download = await fetch(url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toContain('text/csv');
    const csv = await download.text();
    expect(csv).toContain('datum;begintijd;eindtijd;soort;thema;wijkgroep;code;naam;rol;BIG-nummer;AGB-code');
    expect(csv).toContain(`2026-12-08;12:30;14:00;FTO;antistolling;Oost;${meeting.code};Dana Huisarts;huisarts;;`);
    expect(csv).not.toContain('Eva Apotheker');
    expect((await fetch(url.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A')))).status).toBe(403);

    const sumBefore = t.stub.sent.length;
    expect((await say('presentie Oost 2026')).text).toBe('Ik heb je de presentielijst persoonlijk gestuurd.');
    const sumCard = cardOf(personalTo(USERS.coordOost, sumBefore).at(-1)!.body);
    expect(cardProblems(sumCard)).toEqual([]);
    expect(cardText(sumCard)).toContain('Presentie wijkgroep Oost in 2026');
    expect(tableRows(sumCard)).toEqual([['Naam', 'Rol', 'Totaal', 'Per soort'], ['Dana Huisarts', 'huisarts', '1', 'FTO 1'], ['Dirk Huisarts', 'huisarts', '1', 'FTO 1']]);
    expect(cardText(sumCard)).not.toContain(';');
    const sumUrl = actionsOf(sumCard).find((a) => a.type === 'Action.OpenUrl').url.replace(/^http:\/\/localhost:\d+/, t.bot.url);
    const sumCsv = await fetch(sumUrl);
    expect(sumCsv.status).toBe(200);
    expect(await sumCsv.text()).toContain('naam;rol;FTO;PaTz;spiegel;wijkoverleg;totaal');
    expect((await fetch(sumUrl.replace(/\/presentie\/[^.]+/, '/presentie/cforgedgroup000000000'))).status).toBe(403);
    // the right is checked again at download time: without the coordinator role, the link no longer works
    await t.post(personalMessage(t.stub.url, USERS.admin, 'rol weg coordinator carla@wijkbot.test Oost'));
    expect((await fetch(sumUrl)).status).toBe(403);
  });
});

describe('attendance lists stay out of the channel', () => {
  test('a coordinator who never chatted with Wijkbot gets the lists in a personal chat Wijkbot starts; no names or link reach the channel', async () => {
    const { meeting } = await planAndConfirm('plan FTO di 8 dec 12:30 over antistolling');
    await rsvp(USERS.gpOost, meeting.id, 'yes', meeting.messageId!);
    now = new Date('2026-12-08T13:30:00Z');
    const { card } = await say(`aanwezig ${meeting.code}`);
    await invoke(USERS.coordOost, 'meeting.attendance.save', { meetingId: meeting.id, attendees: inputsOf(card).attendees });
    const before = t.stub.sent.length;
    const list = await say(`presentielijst ${meeting.code}`);
    const sum = await say('presentie Oost 2026');
    for (const reply of [list, sum]) expect(reply.text).toContain('persoonlijk gestuurd');
    const inChannel = t.stub.sent.slice(before).filter((c) => c.conversationId?.startsWith(CHANNEL_ID));
    expect(inChannel.map((c) => JSON.stringify(c.body)).join()).not.toMatch(/Dirk Huisarts|presentielijst\/|datum;begintijd/);
    // the chat Wijkbot started with Carla (her Teams id came with her channel messages) has the list
    const chat = await db().conversation.findFirstOrThrow({ where: { kind: 'personal', person: { aadObjectId: USERS.coordOost.aad } } });
    const toCarla = t.stub.sent.slice(before).filter((c) => c.conversationId === chat.id);
    expect(toCarla.map((c) => textOf(c.body)).join('\n')).toContain('Dirk Huisarts');
    expect(t.stub.calls.filter((c) => c.method === 'POST' && c.path === '/v3/conversations')).toHaveLength(1);
  });
});

describe('retention', () => {
  test('a year after the meeting the RSVPs are deleted; the confirmed attendance and the audit trail stay', async () => {
    const { meeting } = await planAndConfirm('plan FTO di 8 dec 12:30 over antistolling');
    await rsvp(USERS.gpOost, meeting.id, 'yes', meeting.messageId!);
    now = new Date('2026-12-08T13:30:00Z');
    const { card } = await say(`aanwezig ${meeting.code}`);
    await invoke(USERS.coordOost, 'meeting.attendance.save', { meetingId: meeting.id, attendees: inputsOf(card).attendees });
    now = new Date('2027-12-08T13:01:00Z');
    await t.bot.services.jobs.runDue();
    expect(await db().meetingRsvp.count()).toBe(0);
    expect(await db().meetingAttendance.count()).toBe(1);
    expect(await db().auditEvent.count({ where: { entityId: meeting.id } })).toBe(2);
  });
});

describe('.ics link', () => {
  test('the right token serves the calendar file, a wrong one is 404', async () => {
    const { meeting } = await planAndConfirm('plan FTO di 8 dec 12:30 over antistolling');
    const url = actionsOf(cardOf(channelPosts().at(-1)!.body)).find((a) => a.type === 'Action.OpenUrl').url.replace(/^http:\/\/localhost:\d+/, t.bot.url);
    const ok = await fetch(url);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toContain('text/calendar');
    const ics = await ok.text();
    expect(ics).toContain(`UID:wijkbot-meeting-${meeting.id}@wijkbot`);
    expect(ics).toContain('DTSTART:20261208T113000Z');
    expect(ics).toContain('SUMMARY:FTO wijkgroep Oost: antistolling');
    expect((await fetch(url.replace(/[A-Za-z0-9_-]{32}\.ics$/, 'x'.repeat(32) + '.ics'))).status).toBe(404);
    expect((await fetch(`${t.bot.url}/agenda/${meeting.id}/nope.ics`)).status).toBe(404);
  });
});
