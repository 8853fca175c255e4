/**
 * A BSN split by zero-width spaces or soft hyphens, or typed in fullwidth digits, is caught wherever the
 * privacy guard runs (poll question, meeting theme, verslag, "klopt niet" note), through real HTTP; and
 * what Wijkbot stores is the normalised text it checked.
 */
import { actionExecute, channelMessage, personalMessage, type TestUser } from '../support/activities';
import { inputsOf, actionsOf } from '../support/cardInspect';
import { cardOf, textOf } from '../support/connectorStub';
import { startTestBot, type TestBot } from '../support/harness';
import { importRoster, USERS } from '../support/roster';
import type { SocialMapModule } from '../../src/teams/handlers/socialMap';

const NOW = new Date('2026-11-23T10:00:00Z');
let t: TestBot;
const db = () => t.bot.services.db;
const cardText = (card: any) => textOf({ type: 'AdaptiveCard', body: card?.body ?? [] });

beforeEach(async () => {
  t = await startTestBot({ clock: () => NOW });
  await importRoster(t.bot);
  await t.post(channelMessage(t.stub.url, USERS.coordOost, 'koppel Oost'));
});
afterEach(async () => {
  for (const m of t.bot.modules) await m.idle?.();
  await t.stop();
});

/** 123456782 passes the elfproef; each disguise keeps it readable as a BSN for a person. */
const DISGUISED: [string, string][] = [
  ['zero-width spaces', '123\u200b456\u200b782'],
  ['soft hyphens', '123\u00ad456\u00ad782'],
  ['fullwidth digits', '１２３４５６７８２'],
];

async function invoke(user: TestUser, verb: string, data: Record<string, unknown>, personal = false) {
  const opts = personal ? { conversationType: 'personal', conversationId: `a:personal-${user.aad}` } : {};
  const res = await t.post(actionExecute(t.stub.url, user, verb, data, opts));
  expect(res.status).toBe(200);
  return res.body as { value: any };
}

async function channelCommand(text: string) {
  const before = t.stub.sent.length;
  expect((await t.post(channelMessage(t.stub.url, USERS.coordOost, text))).status).toBe(200);
  return cardOf(t.stub.sent.slice(before).at(-1)?.body);
}

describe.each(DISGUISED)('a BSN with %s', (_name, bsn) => {
  test('in a poll question: publishing is refused and the number is named', async () => {
    const draft = await channelCommand(`peiling Bespreken we ${bsn}? | Ja | Nee`);
    const poll = await db().poll.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect(poll.question).toBe('Bespreken we 123456782?'); // stored as checked
    const res = await invoke(USERS.coordOost, 'poll.publish', { pollId: poll.id, ...inputsOf(draft) });
    expect(cardText(res.value)).toContain('123456782');
    expect((await db().poll.findUniqueOrThrow({ where: { id: poll.id } })).status).toBe('draft');
  });

  test('in a meeting theme: confirming is refused and no meeting is planned', async () => {
    const card = await channelCommand(`plan FTO di 8 dec 12:30 over casus ${bsn}`);
    const draftId = actionsOf(card).find((a) => a.verb === 'meeting.draft.confirm')?.data.draftId;
    expect(cardText(card)).toContain('123456782');
    const res = await invoke(USERS.coordOost, 'meeting.draft.confirm', { draftId, ...inputsOf(card) });
    expect(JSON.stringify(res.value)).toMatch(/patiëntgegevens|BSN/);
    expect(await db().meeting.count()).toBe(0);
  });

  test('in a verslag: posting is refused and the stored draft holds no trace of the number', async () => {
    const oost = await db().wijkGroup.findUniqueOrThrow({ where: { slug: 'oost' } });
    const carla = await db().person.findUniqueOrThrow({ where: { aadObjectId: USERS.coordOost.aad } });
    const startsAt = new Date('2026-11-20T11:30:00Z');
    await db().meeting.create({
      data: { code: 'FTO-7K2', groupId: oost.id, type: 'FTO', startsAt, endsAt: new Date(startsAt.getTime() + 90 * 60_000), theme: 'Antistolling', creatorId: carla.id, creatorName: carla.name, attendanceAt: startsAt, attendanceBy: carla.name },
    });
    await t.post(personalMessage(t.stub.url, USERS.coordOost, 'verslag FTO-7K2'));
    const summaryId = (await db().meetingSummary.findFirstOrThrow()).id;
    const form = { summary: `Casus met BSN ${bsn} besproken.`, decisions: '', actions: '', nextMeeting: '' };
    const res = await invoke(USERS.coordOost, 'summary.post', { summaryId, ...form }, true);
    expect(cardText(res.value)).toContain('«123456782»');
    const row = await db().meetingSummary.findUniqueOrThrow({ where: { id: summaryId } });
    expect(row.status).toBe('draft');
    expect(row.summary).toBe('Casus met BSN [verwijderd] besproken.');
  });

  test('in a "klopt niet" note: the report is refused and nothing is stored', async () => {
    const sm = t.bot.modules.find((m) => m.name === 'socialMap') as SocialMapModule;
    const csv = 'naam,organisatie,discipline,expertise,wijken,postcode,adres,plaats,werkdagen,opnamestop,opnamestop_tot,wachttijd_weken,telefoon,email,website,communicatie,agb,laatst_gecontroleerd\n' +
      'Anna de Vries,Fysio Dapper,fysiotherapie,bekkenbodem,Oost,1093 AB,Dapperstraat 10,Amsterdam,ma;di,nee,,2,020-1234567,,,telefoon,04000001,2026-11-01';
    expect((await sm.service.importCsv(csv, { dryRun: false, actorLabel: 'test' })).ok).toBe(true);
    const anna = sm.service.partnersSnapshot().find((p) => p.name === 'Anna de Vries')!;
    const res = await invoke(USERS.gpOost, 'socialMap.report', { partnerId: anna.id, what: 'opnamestop', note: `weigerde patiënt ${bsn}`, q: 'fysio', offset: 0 }, true);
    expect(JSON.stringify(res.value)).toContain('123456782');
    expect(await db().partnerReport.count()).toBe(0);
  });
});

test('clean text is stored in its normalised form: no soft hyphens, zero-width spaces or fullwidth digits', async () => {
  await channelCommand('peiling Ver\u00adgaderen we in week ４９\u200b? | Ja | Nee');
  const poll = await db().poll.findFirstOrThrow({ orderBy: { id: 'desc' } });
  expect(poll.question).toBe('Vergaderen we in week 49?');
});
