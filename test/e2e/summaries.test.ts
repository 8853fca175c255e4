/**
 * Meeting summaries (verslagen) through real HTTP: commands and card invokes posted to /api/messages like
 * Teams does, the connector stub recording what the bot posts. Meetings are rows of the meetings feature
 * (inserted directly here; their look-up goes through the real MeetingsService port).
 */
import { actionExecute, CHANNEL_ID, channelMessage, personalMessage, type TestUser } from '../support/activities';
import { cardOf, textOf } from '../support/connectorStub';
import { startTestBot, type TestBot } from '../support/harness';
import { importRoster, USERS } from '../support/roster';
import { cardProblems } from '../unit/polls/helpers';
import type { MeetingsModule } from '../../src/teams/handlers/meetings';
import { actionsOf, inputsOf } from '../support/cardInspect';

let now = new Date('2026-11-23T10:00:00Z');
let t: TestBot;
const db = () => t.bot.services.db;
const personal = (u: TestUser) => `a:personal-${u.aad}`;

beforeEach(async () => {
  now = new Date('2026-11-23T10:00:00Z');
  t = await startTestBot({ clock: () => now });
  await importRoster(t.bot);
});
afterEach(async () => {
  await t.stop();
});

async function person(u: TestUser) {
  return db().person.findUniqueOrThrow({ where: { aadObjectId: u.aad } });
}

/** An ended FTO of Oost (Friday 20 Nov 12:30–14:00) with a theme and a confirmed presentielijst. */
async function endedMeeting(opts: { code?: string; type?: string; startsAt?: Date; theme?: string | null } = {}) {
  const oost = await db().wijkGroup.findUniqueOrThrow({ where: { slug: 'oost' } });
  const carla = await person(USERS.coordOost);
  const startsAt = opts.startsAt ?? new Date('2026-11-20T11:30:00Z');
  const meeting = await db().meeting.create({
    data: {
      code: opts.code ?? 'FTO-7K2', groupId: oost.id, type: opts.type ?? 'FTO', startsAt, endsAt: new Date(startsAt.getTime() + 90 * 60_000),
      theme: opts.theme === undefined ? 'Antistolling bij ouderen' : opts.theme, creatorId: carla.id, creatorName: carla.name, attendanceAt: startsAt, attendanceBy: carla.name,
    },
  });
  for (const [u, role] of [[USERS.coordOost, 'coordinator'], [USERS.gpOost, 'huisarts'], [USERS.apoOost, 'apotheker']] as const) {
    const p = await person(u);
    await db().meetingAttendance.create({ data: { meetingId: meeting.id, personId: p.id, name: p.name, role } });
  }
  return meeting;
}

async function linkChannel() {
  await t.post(channelMessage(t.stub.url, USERS.coordOost, 'koppel Oost'));
}

/** A personal message; returns what the bot sent back in that chat. */
async function say(user: TestUser, text: string) {
  const before = t.stub.sent.length;
  const res = await t.post(personalMessage(t.stub.url, user, text));
  expect(res.status).toBe(200);
  return t.stub.sent.slice(before);
}

async function invoke(user: TestUser, verb: string, data: Record<string, unknown>) {
  const res = await t.post(actionExecute(t.stub.url, user, verb, data, { conversationType: 'personal', conversationId: personal(user) }));
  expect(res.status).toBe(200);
  return res.body as { statusCode: number; type: string; value: any };
}

const cardText = (card: any) => textOf({ type: 'AdaptiveCard', body: card?.body ?? [] });
const channelPosts = () => t.stub.sent.filter((c) => c.conversationId === CHANNEL_ID && cardText(cardOf(c.body)).includes('Verslag FTO'));

/** `verslag FTO-7K2` in the coordinator's personal chat: the form card and the draft's id. */
async function openForm(user: TestUser = USERS.coordOost, ref = 'FTO-7K2') {
  const sent = await say(user, `verslag ${ref}`);
  const card = cardOf(sent.at(-1)?.body);
  const row = await db().meetingSummary.findFirst({ orderBy: { createdAt: 'desc' } });
  return { card, summaryId: row?.id ?? '' };
}

const GOOD_FORM = {
  summary: 'Apotheker presenteerde de voorschrijfcijfers DOAC.\nWe bespraken de nierfunctiecontrole bij ouderen.',
  decisions: '- Bij start DOAC nierfunctie controleren\n- Geen nieuwe starts zolpidem bij 70-plussers',
  actions: 'Werkafspraken rondsturen | Dirk Huisarts | vr 4 dec\nBaxterlevering navragen | eva@wijkbot.test | 18-12',
  nextMeeting: 'wo 13 jan 12:30',
};

describe('writing a verslag', () => {
  test('attendance saved after the form was opened shows on the form at the next save, and the attendance card does not offer a second "Verslag schrijven"', async () => {
    const oost = await db().wijkGroup.findUniqueOrThrow({ where: { slug: 'oost' } });
    const carla = await person(USERS.coordOost);
    const startsAt = new Date('2026-11-20T11:30:00Z');
    const meeting = await db().meeting.create({
      data: { code: 'FTO-8AB', groupId: oost.id, type: 'FTO', startsAt, endsAt: new Date(startsAt.getTime() + 90 * 60_000), theme: 'Antistolling', creatorId: carla.id, creatorName: carla.name },
    });
    // before any verslag, the attendance card offers to write one
    const first = cardOf((await say(USERS.coordOost, 'aanwezig FTO-8AB')).at(-1)?.body);
    expect(actionsOf(first).map((a) => a.verb)).toContain('summary.open');

    const { card, summaryId } = await openForm(USERS.coordOost, 'FTO-8AB');
    expect(cardText(card)).toContain('Aanwezig: nog niets geregistreerd');
    const attendance = cardOf((await say(USERS.coordOost, 'aanwezig FTO-8AB')).at(-1)?.body);
    expect(actionsOf(attendance).map((a) => a.verb)).not.toContain('summary.open');
    const dirk = await person(USERS.gpOost);
    const saved = await invoke(USERS.coordOost, 'meeting.attendance.save', { meetingId: meeting.id, attendees: `${carla.id},${dirk.id}` });
    expect(cardText(saved.value)).toContain('Het open verslag neemt de aanwezigen over bij Opslaan of Voorbeeld');
    expect(actionsOf(saved.value).map((a) => a.verb)).not.toContain('summary.open');

    const again = await invoke(USERS.coordOost, 'summary.save', { summaryId, ...inputsOf(card), summary: 'Goede bijeenkomst.' });
    expect(cardText(again.value)).toContain('Aanwezig (2): Carla Coördinator, Dirk Huisarts');
    expect(cardText(again.value)).not.toContain('nog niets geregistreerd');
  });

  test('verslag <code> by the coordinator opens a form prefilled with the meeting: theme and attendance', async () => {
    await endedMeeting();
    const { card, summaryId } = await openForm();
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Verslag FTO — Oost');
    expect(text).toContain('Thema: Antistolling bij ouderen');
    expect(text).toContain('Aanwezig (3): Carla Coördinator, Dirk Huisarts, Eva Apotheker');
    expect(Object.keys(inputsOf(card))).toEqual(['summary', 'decisions', 'actions', 'nextMeeting']);
    expect(await db().meetingSummary.findUniqueOrThrow({ where: { id: summaryId } })).toMatchObject({ status: 'draft', theme: 'Antistolling bij ouderen' });
    // asking again opens the same draft
    await openForm();
    expect(await db().meetingSummary.count()).toBe(1);
  });

  test('a huisarts of the group is refused and no draft is made', async () => {
    await endedMeeting();
    const sent = await say(USERS.gpOost, 'verslag FTO-7K2');
    const card = cardOf(sent.at(-1)?.body);
    expect(inputsOf(card ?? { body: [] })).toEqual({});
    expect(await db().meetingSummary.count()).toBe(0);
  });

  test('in a channel the form goes to the coordinator’s personal chat, not to the channel', async () => {
    await endedMeeting();
    await say(USERS.coordOost, 'hallo'); // Teams knows the personal chat once the person has used it
    await linkChannel();
    const before = t.stub.sent.length;
    await t.post(channelMessage(t.stub.url, USERS.coordOost, 'verslag FTO-7K2'));
    const sent = t.stub.sent.slice(before);
    expect(sent.find((c) => c.conversationId === personal(USERS.coordOost) && inputsOf(cardOf(c.body) ?? { body: [] }).summary !== undefined)).toBeTruthy();
    const inChannel = sent.filter((c) => c.conversationId?.startsWith(CHANNEL_ID));
    expect(inChannel.map((c) => textOf(c.body)).join()).toContain('persoonlijke chat');
    expect(inChannel.some((c) => cardOf(c.body))).toBe(false);
  });

  test('a bare verslag opens the coordinator’s most recently ended meeting; after posting it says so', async () => {
    await endedMeeting({ code: 'FTO-3AB', startsAt: new Date('2026-10-02T10:30:00Z') });
    await endedMeeting();
    await linkChannel();
    const { card, summaryId } = await openForm(USERS.coordOost, '');
    expect(cardText(card)).toContain('vrijdag 20 november 2026');
    await invoke(USERS.coordOost, 'summary.post', { summaryId, ...GOOD_FORM });
    const again = await say(USERS.coordOost, 'verslag FTO-7K2');
    expect(cardText(cardOf(again.at(-1)!.body))).toContain('al geplaatst (ma 23 nov 11.00, door Carla Coördinator)');
  });

  test('decisions of a PaTz meeting are posted as besluiten, not kept as FTO afspraken', async () => {
    await endedMeeting({ code: 'PATZ-4QX', type: 'PaTz', theme: null });
    await linkChannel();
    const { summaryId } = await openForm(USERS.coordOost, 'PATZ-4QX');
    await invoke(USERS.coordOost, 'summary.post', { summaryId, ...GOOD_FORM });
    const post = t.stub.sent.filter((c) => c.conversationId === CHANNEL_ID && cardText(cardOf(c.body)).includes('Verslag PaTz'));
    expect(post).toHaveLength(1);
    expect(cardText(cardOf(post[0]!.body))).toContain('Besluiten');
    expect(await db().summaryAgreement.count({ where: { tracked: true } })).toBe(0);
    expect(cardText(cardOf((await say(USERS.coordOost, 'afspraken oost')).at(-1)!.body))).toContain('Nog geen FTO-afspraken');
  });

  test('a meeting that has not started yet has no verslag', async () => {
    await endedMeeting({ code: 'FTO-9ZZ', startsAt: new Date('2026-12-08T11:30:00Z') });
    const sent = await say(USERS.coordOost, 'verslag FTO-9ZZ');
    expect(textOf(sent.at(-1)?.body)).toContain('nog niet begonnen');
    expect(await db().meetingSummary.count()).toBe(0);
  });

  test('saving stores the draft; problems are listed on the card and what was typed stays', async () => {
    await endedMeeting();
    const { summaryId } = await openForm();
    const saved = await invoke(USERS.coordOost, 'summary.save', { summaryId, ...GOOD_FORM });
    expect(cardText(saved.value)).toContain('Concept opgeslagen');
    expect(await db().meetingSummary.findUniqueOrThrow({ where: { id: summaryId } })).toMatchObject({ summary: GOOD_FORM.summary, decisions: GOOD_FORM.decisions, actions: GOOD_FORM.actions });

    const bad = await invoke(USERS.coordOost, 'summary.save', { summaryId, ...GOOD_FORM, actions: 'Iets doen | Onbekende Persoon | ma 4 dec\nZonder datum | Dirk' });
    const text = cardText(bad.value);
    expect(text).toContain('Regel 1: "Onbekende Persoon" ken ik niet');
    expect(text).toContain('die dag klopt niet');
    expect(text).toContain('Regel 2: schrijf een actiepunt als');
    expect(inputsOf(bad.value).actions).toBe('Iets doen | Onbekende Persoon | ma 4 dec\nZonder datum | Dirk');
    // the draft is kept as typed: nothing lost
    expect((await db().meetingSummary.findUniqueOrThrow({ where: { id: summaryId } })).actions).toContain('Onbekende Persoon');
  });

  test('someone else cannot save or post a coordinator’s draft (the role is checked, not the card)', async () => {
    await endedMeeting();
    const { summaryId } = await openForm();
    for (const verb of ['summary.save', 'summary.post']) {
      const body = await invoke(USERS.gpOost, verb, { summaryId, ...GOOD_FORM });
      expect(cardText(body.value)).toContain('Alleen de coördinator van Oost');
    }
    expect((await db().meetingSummary.findUniqueOrThrow({ where: { id: summaryId } })).summary).toBe('');
  });

  test('preview shows the verslag as it will be posted, and posts nothing', async () => {
    await endedMeeting();
    await linkChannel();
    const { summaryId } = await openForm();
    const before = t.stub.sent.length;
    const body = await invoke(USERS.coordOost, 'summary.preview', { summaryId, ...GOOD_FORM });
    const card = body.value;
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Voorbeeld');
    expect(text).toContain('Bij start DOAC nierfunctie controleren');
    expect(text).toContain('Werkafspraken rondsturen — **Dirk Huisarts**, uiterlijk vr 4 dec');
    expect(text).toContain('woensdag 13 januari 2027, 12.30 uur');
    expect(card.actions.map((a: any) => a.verb)).toEqual(['summary.post', 'summary.edit']);
    expect(t.stub.sent.length).toBe(before);
  });
});

describe('posting', () => {
  test('posting sends the verslag to the wijkgroep’s channel with afspraken and action items, once', async () => {
    await endedMeeting();
    await linkChannel();
    const { summaryId } = await openForm();
    const body = await invoke(USERS.coordOost, 'summary.post', { summaryId, ...GOOD_FORM });
    expect(cardText(body.value)).toContain('Verslag geplaatst in het kanaal van Oost (1 bericht). 2 afspraken of besluiten, 2 actiepunten');
    const posts = channelPosts();
    expect(posts).toHaveLength(1);
    const card = cardOf(posts[0]!.body);
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    const agreements = await db().summaryAgreement.findMany({ orderBy: { position: 'asc' } });
    expect(agreements.map((a) => [a.text, a.tracked, a.status])).toEqual([['Bij start DOAC nierfunctie controleren', true, 'open'], ['Geen nieuwe starts zolpidem bij 70-plussers', true, 'open']]);
    expect(text).toContain(`**A${agreements[0]!.id}** Bij start DOAC nierfunctie controleren`);
    expect(text).toContain('Afspraken (worden bij een volgende FTO getoetst)');
    expect(text).toContain('Baxterlevering navragen — **Eva Apotheker**, uiterlijk vr 18 dec');
    expect(text).toContain('Carla Coördinator, Dirk Huisarts, Eva Apotheker');
    expect(await db().meetingSummary.findUniqueOrThrow({ where: { id: summaryId } })).toMatchObject({ status: 'posted', conversationId: CHANNEL_ID, postedBy: 'Carla Coördinator' });
    expect(await db().auditEvent.count({ where: { action: 'summary.post', entityId: summaryId } })).toBe(1);

    // a second click, a retry, or the preview's button: nothing is posted again
    const again = await invoke(USERS.coordOost, 'summary.post', { summaryId });
    expect(cardText(again.value)).toContain('al geplaatst');
    expect(channelPosts()).toHaveLength(1);
    expect(await db().summaryAgreement.count()).toBe(2);
  });

  test('a double click on Plaatsen posts once', async () => {
    await endedMeeting();
    await linkChannel();
    const { summaryId } = await openForm();
    await Promise.all([invoke(USERS.coordOost, 'summary.post', { summaryId, ...GOOD_FORM }), invoke(USERS.coordOost, 'summary.post', { summaryId, ...GOOD_FORM })]);
    expect(channelPosts()).toHaveLength(1);
    expect(await db().summaryActionItem.count()).toBe(2);
  });

  test('without a linked channel nothing is posted and the draft is kept', async () => {
    await endedMeeting();
    const { summaryId } = await openForm();
    const body = await invoke(USERS.coordOost, 'summary.post', { summaryId, ...GOOD_FORM });
    expect(cardText(body.value)).toContain('heeft nog geen gekoppeld kanaal');
    expect(await db().meetingSummary.findUniqueOrThrow({ where: { id: summaryId } })).toMatchObject({ status: 'draft', summary: GOOD_FORM.summary });
  });

  test('when Teams refuses the post, the draft goes back to draft and a retry posts it', async () => {
    await endedMeeting();
    await linkChannel();
    const { summaryId } = await openForm();
    t.stub.failNext(403, 1); // not retried by the proactive layer
    const body = await invoke(USERS.coordOost, 'summary.post', { summaryId, ...GOOD_FORM });
    expect(cardText(body.value)).toContain('Plaatsen in het kanaal lukte niet');
    expect(await db().meetingSummary.findUniqueOrThrow({ where: { id: summaryId } })).toMatchObject({ status: 'draft' });
    expect(await db().summaryAgreement.count()).toBe(0);
    await invoke(USERS.coordOost, 'summary.post', { summaryId });
    expect(channelPosts()).toHaveLength(1);
    expect(await db().summaryAgreement.count()).toBe(2);
  });

  /** A verslag too long for one Teams message: a 39,000-character summary and 100 afspraken. */
  function longVerslag() {
    const paragraph = 'De groep besprak uitgebreid de voorschrijfcijfers per praktijk en de verschillen met de regio; '.repeat(4);
    const summary = Array.from({ length: 100 }, (_, i) => `${i + 1}. ${paragraph}`).join('\n').slice(0, 39_000);
    const decisions = Array.from({ length: 100 }, (_, i) => `Afspraak ${i + 1}: ${'de werkgroep stemt het beleid af met de apotheek en evalueert over een half jaar '.repeat(3)}`).join('\n');
    return { summary, decisions };
  }

  test('when Teams refuses a later part of a long verslag, the parts already posted are removed and a retry posts each part once', async () => {
    await endedMeeting();
    await linkChannel();
    const { summaryId } = await openForm();
    const { summary, decisions } = longVerslag();
    t.stub.failNext(403, 1, 1); // part 1 goes through, part 2 is refused
    const body = await invoke(USERS.coordOost, 'summary.post', { summaryId, ...GOOD_FORM, summary, decisions });
    expect(cardText(body.value)).toContain('Plaatsen in het kanaal lukte niet');
    const firstTry = channelPosts();
    expect(firstTry).toHaveLength(1);
    expect(t.stub.deletedIds).toEqual([firstTry[0]!.createdId]);
    expect(await db().meetingSummary.findUniqueOrThrow({ where: { id: summaryId } })).toMatchObject({ status: 'draft' });
    await invoke(USERS.coordOost, 'summary.post', { summaryId });
    const live = channelPosts().filter((p) => !t.stub.deletedIds.includes(p.createdId!));
    expect(live.length).toBeGreaterThan(1);
    expect(new Set(live.map((p) => cardText(cardOf(p.body)).split('\n')[0])).size).toBe(live.length); // no part twice
    expect(await db().summaryAgreement.count()).toBe(100);
  });

  test('a long verslag is split into several posts, each under 80 KB', async () => {
    await endedMeeting();
    await linkChannel();
    const { summaryId } = await openForm();
    const { summary, decisions } = longVerslag();
    const body = await invoke(USERS.coordOost, 'summary.post', { summaryId, ...GOOD_FORM, summary, decisions });
    const posts = channelPosts();
    expect(posts.length).toBeGreaterThan(1);
    expect(cardText(body.value)).toContain(`(${posts.length} berichten)`);
    for (const p of posts) expect(Buffer.byteLength(JSON.stringify(p.body), 'utf8')).toBeLessThan(80_000);
    expect(cardText(cardOf(posts[0]!.body))).toContain(`(1/${posts.length})`);
    const all = posts.map((p) => cardText(cardOf(p.body))).join('\n');
    expect(all).toContain('Afspraak 100:');
    expect(all).toContain('Baxterlevering navragen');
    expect(await db().summaryAgreement.count()).toBe(100);
  });
});

describe('privacy guard', () => {
  const cases: [string, string, string][] = [
    ['a BSN with context', 'Patiënt met BSN 111222333 besproken.', '111222333'],
    ['a patient name after dhr.', 'Casus van dhr. Jansen besproken, medicatie aangepast.', 'dhr. Jansen'],
    ['a date of birth', 'Mevrouw, geb. 12-03-1954, kreeg een DOAC.', 'geb. 12-03-1954'],
  ];
  test.each(cases)('%s blocks posting, shows the fragment, posts nothing and keeps it out of the stored draft', async (_name, text, fragment) => {
    await endedMeeting();
    await linkChannel();
    const { summaryId } = await openForm();
    const body = await invoke(USERS.coordOost, 'summary.post', { summaryId, ...GOOD_FORM, summary: `Goede bijeenkomst.\n${text}` });
    const card = body.value;
    expect(cardProblems(card)).toEqual([]);
    const shown = cardText(card);
    expect(shown).toContain('Niet geplaatst: mogelijk patiëntgegevens');
    expect(shown).toContain(`«${fragment}»`);
    expect(inputsOf(card).summary).toContain(fragment); // the coordinator still sees their own text to fix it
    expect(inputsOf(card).privacyConfirm).toBe('false');
    expect(channelPosts()).toHaveLength(0);
    const row = await db().meetingSummary.findUniqueOrThrow({ where: { id: summaryId } });
    expect(row.status).toBe('draft');
    expect(row.summary).not.toContain(fragment);
    expect(row.summary).toContain('[verwijderd]');
    expect(await db().auditEvent.count({ where: { action: 'summary.privacyOverride' } })).toBe(0);
  });

  test('an override needs the confirmation box; then it is posted and audited with the kinds only', async () => {
    await endedMeeting();
    await linkChannel();
    const { summaryId } = await openForm();
    const summary = 'Presentatie door dhr. Jansen over het formularium.';
    const blocked = await invoke(USERS.coordOost, 'summary.post', { summaryId, ...GOOD_FORM, summary });
    const form = inputsOf(blocked.value);
    const unconfirmed = await invoke(USERS.coordOost, 'summary.postOverride', { summaryId, ...form });
    expect(cardText(unconfirmed.value)).toContain('Vink eerst aan');
    expect(channelPosts()).toHaveLength(0);

    const posted = await invoke(USERS.coordOost, 'summary.postOverride', { summaryId, ...form, privacyConfirm: 'true' });
    expect(cardText(posted.value)).toContain('vastgelegd in het audit-logboek');
    expect(channelPosts()).toHaveLength(1);
    expect(cardText(cardOf(channelPosts()[0]!.body))).toContain('dhr. Jansen');
    const row = await db().meetingSummary.findUniqueOrThrow({ where: { id: summaryId } });
    expect(row).toMatchObject({ status: 'posted', privacyOverride: true, summary });
    const audits = await db().auditEvent.findMany({ where: { action: 'summary.privacyOverride', entityId: summaryId } });
    expect(audits).toHaveLength(1);
    expect(JSON.parse(audits[0]!.details)).toMatchObject({ kinds: ['patientName'], findings: 1 });
    expect(audits[0]!.details).not.toContain('Jansen');
  });

  test('a BSN in a poll question blocks publishing', async () => {
    await linkChannel();
    await t.post(channelMessage(t.stub.url, USERS.coordOost, 'peiling Mag patiënt met BSN 111222333 op de lijst? | Ja | Nee'));
    const poll = await db().poll.findFirstOrThrow({ orderBy: { id: 'desc' } });
    const draftCard = cardOf(t.stub.sent.at(-1)!.body);
    const before = t.stub.sent.length;
    const res = await t.post(actionExecute(t.stub.url, USERS.coordOost, 'poll.publish', { pollId: poll.id, ...inputsOf(draftCard) }));
    expect(cardText(res.body.value)).toContain('111222333');
    expect((await db().poll.findUniqueOrThrow({ where: { id: poll.id } })).status).toBe('draft');
    expect(t.stub.sent.slice(before).some((c) => cardText(cardOf(c.body)).includes('stemden'))).toBe(false);
  });
});

describe('afspraken and action items', () => {
  async function posted(form = GOOD_FORM) {
    await endedMeeting();
    await linkChannel();
    const { summaryId } = await openForm();
    await invoke(USERS.coordOost, 'summary.post', { summaryId, ...form });
    return summaryId;
  }

  test('afspraken <wijkgroep> lists the open FTO afspraken; the coordinator marks one getoetst', async () => {
    await posted();
    const [a1, a2] = await db().summaryAgreement.findMany({ orderBy: { position: 'asc' } });
    const list = cardOf((await say(USERS.gpOost, 'afspraken oost')).at(-1)!.body);
    expect(cardProblems(list)).toEqual([]);
    expect(cardText(list)).toContain(`A${a1!.id}** Bij start DOAC nierfunctie controleren — FTO vrijdag 20 november 2026`);
    expect(JSON.stringify(list)).not.toContain('summary.agreement.check'); // a huisarts gets no button

    expect(textOf((await say(USERS.gpOost, `afspraak A${a1!.id} getoetst`)).at(-1)!.body)).toContain('Alleen de coördinator');
    expect(textOf((await say(USERS.coordOost, `afspraak A${a1!.id} getoetst`)).at(-1)!.body)).toContain(`Afspraak A${a1!.id} staat op getoetst`);
    const clicked = await invoke(USERS.coordOost, 'summary.agreement.check', { id: a2!.id });
    expect(cardText(clicked.value)).toContain(`Afspraak A${a2!.id} staat op getoetst`);
    expect(cardText(clicked.value)).toContain(`✓ A${a1!.id}`);
    expect(await db().summaryAgreement.count({ where: { status: 'checked' } })).toBe(2);
    expect(await db().auditEvent.count({ where: { action: 'summary.agreementChecked' } })).toBe(2);
    expect(cardText(cardOf((await say(USERS.gpNoord, 'afspraken oost')).at(-1)!.body))).toContain('geen lid van Oost');
  });

  test('the next FTO invitation of the group shows the afspraken still to be checked', async () => {
    await posted();
    const [a1, a2] = await db().summaryAgreement.findMany({ orderBy: { position: 'asc' } });
    await say(USERS.coordOost, `afspraak A${a2!.id} getoetst`);

    const meetings = t.bot.modules.find((m) => m.name === 'meetings') as MeetingsModule;
    meetings.cardUpdates.minIntervalMs = 0;
    const before = t.stub.sent.length;
    await t.post(channelMessage(t.stub.url, USERS.coordOost, 'plan FTO di 8 dec 12:30 over evaluatie afspraken'));
    const draft = cardOf(t.stub.sent.at(-1)!.body);
    const draftId = /"draftId":"([^"]+)"/.exec(JSON.stringify(draft))?.[1] ?? '';
    const res = await t.post(actionExecute(t.stub.url, USERS.coordOost, 'meeting.draft.confirm', { draftId, ...inputsOf(draft) }));
    expect(res.status).toBe(200);
    await meetings.idle();
    const invite = t.stub.sent.slice(before).filter((c) => c.conversationId === CHANNEL_ID && cardText(cardOf(c.body)).includes('Afspraken om te toetsen'));
    expect(invite).toHaveLength(1);
    const text = cardText(cardOf(invite[0]!.body));
    expect(text).toContain(`A${a1!.id} Bij start DOAC nierfunctie controleren (FTO vrijdag 20 november 2026)`);
    expect(text).not.toContain('zolpidem'); // checked already
  });

  test('mijn acties lists my open action items only; the owner marks one done from the card', async () => {
    await posted();
    const dirkItem = await db().summaryActionItem.findFirstOrThrow({ where: { ownerName: 'Dirk Huisarts' } });
    const card = cardOf((await say(USERS.gpOost, 'mijn acties')).at(-1)!.body);
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain(`#${dirkItem.id} Werkafspraken rondsturen — uiterlijk vr 4 dec (FTO Oost, vr 20 nov)`);
    expect(cardText(card)).not.toContain('Baxterlevering');

    const refused = await invoke(USERS.apoOost, 'summary.action.done', { id: dirkItem.id });
    expect(cardText(refused.value)).toContain('Alleen de eigenaar');
    const done = await invoke(USERS.gpOost, 'summary.action.done', { id: dirkItem.id });
    expect(cardText(done.value)).toContain(`Actiepunt #${dirkItem.id} staat op klaar`);
    expect(cardText(done.value)).toContain('Je hebt geen open actiepunten');
    expect(await db().summaryActionItem.findUniqueOrThrow({ where: { id: dirkItem.id } })).toMatchObject({ status: 'done', doneBy: 'Dirk Huisarts' });
    expect((await db().job.findUniqueOrThrow({ where: { uniqueKey: `summary.action.remind:${dirkItem.id}` } })).status).toBe('cancelled');
  });

  test('the owner gets one personal reminder two days before the due date', async () => {
    await say(USERS.gpOost, 'hallo'); // Dirk has a personal chat with Wijkbot
    await posted();
    const item = await db().summaryActionItem.findFirstOrThrow({ where: { ownerName: 'Dirk Huisarts' } });
    const job = await db().job.findUniqueOrThrow({ where: { uniqueKey: `summary.action.remind:${item.id}` } });
    expect(job.runAt.toISOString()).toBe('2026-12-02T08:00:00.000Z'); // wo 2 dec 09:00 Amsterdam, due vr 4 dec

    const toDirk = () => t.stub.sent.filter((c) => c.conversationId === personal(USERS.gpOost) && cardText(cardOf(c.body)).includes('Herinnering'));
    await t.bot.services.jobs.runDue();
    expect(toDirk()).toHaveLength(0);
    now = new Date('2026-12-02T08:05:00Z');
    await t.bot.services.jobs.runDue();
    await t.bot.services.jobs.runDue();
    expect(toDirk()).toHaveLength(1);
    const card = cardOf(toDirk()[0]!.body);
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('Werkafspraken rondsturen');
    expect(JSON.stringify(card)).toContain('summary.action.done');
    // rescheduling the same job cannot send it again: the claim on the item holds
    await t.bot.services.jobs.schedule('summary.actionReminder', `summary.action.remind:${item.id}`, now, { itemId: item.id });
    await t.bot.services.jobs.runDue();
    expect(toDirk()).toHaveLength(1);
  });
});
