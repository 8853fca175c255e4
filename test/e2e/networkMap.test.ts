/**
 * The netwerkkaart end to end: a Teams activity in (command or button), a card with the picture's link
 * out to the connector stub (or in the invoke answer), and the picture and the A4 printout fetched over
 * HTTP from the bot, as Teams and a browser would.
 */
import { cardOf, textOf } from '../support/connectorStub';
import { actionExecute, channelMessage, personalMessage, botAddedToTeam, type TestUser } from '../support/activities';
import { startTestBot, type TestBot } from '../support/harness';
import { importRoster, USERS } from '../support/roster';
import { actionsOf, cardProblems } from '../support/cardInspect';
import type { SocialMapModule } from '../../src/teams/handlers/socialMap';
import type { NetworkMapModule } from '../../src/teams/handlers/networkMap';
import { pngSize } from '../../src/graphics/png';
import { sceneToSvg } from '../../src/graphics/svg';
import { readSvg } from '../support/svgRead';

const HEADER = 'naam,organisatie,discipline,expertise,wijken,postcode,adres,plaats,werkdagen,opnamestop,opnamestop_tot,wachttijd_weken,telefoon,email,website,communicatie,agb,laatst_gecontroleerd';
/** Four partners in Oost (one with an intake stop, one not checked since May), two elsewhere. */
const MAP_CSV = [
  HEADER,
  'Anna de Vries,Fysio Dapper,fysiotherapie,bekkenbodem,Oost,1093 AB,Dapperstraat 10,Amsterdam,ma;di;do,nee,,2,020-1234567,,,ZorgDomein;telefoon,04000001,2026-11-01;Carla Coördinator',
  'Sanne Bakker,Bekkencentrum Oost,bekkenfysiotherapie,,Oost,1094 CD,Javastraat 5,Amsterdam,ma;wo,ja;Vol tot februari,2027-01-31,8,020-7654321,,,Siilo,04000002,2026-11-10;Carla Coördinator',
  'Diëtistenpraktijk Oost,,diëtetiek,diabetes,,1093 BB,Linnaeusstraat 3,Amsterdam,wo,nee,,0,020-3333333,,,ZorgDomein,,2026-11-20',
  'Thuiszorg Oost,Stichting Amstelzorg,wijkverpleging,wondzorg,Oost,1092 AA,Oosterparkstraat 1,Amsterdam,ma;di;wo;do;vr;za;zo,nee,,0,020-4444444,,,KIS;telefoon,,2026-05-01',
  'Piet Jansen,Huisartsenpraktijk Noord,POH-GGZ,angst,Noord,1021 AA,Meeuwenlaan 1,Amsterdam,di;do,nee,,1,020-1111111,,,ZorgMail,94000003,2026-11-15',
  'Logopedie Watergraafsmeer,,logopedie,afasie,Watergraafsmeer,1097 AA,Middenweg 50,Amsterdam,ma;di,nee,,3,020-2222222,,,telefoon,06000004,2026-10-20',
].join('\n');

/** Thursday 3 Dec 2026, 10:00 in Amsterdam */
let now = new Date('2026-12-03T09:00:00Z');
let t: TestBot;
const sm = () => t.bot.modules.find((m) => m.name === 'socialMap') as SocialMapModule;
const nm = () => t.bot.modules.find((m) => m.name === 'networkMap') as NetworkMapModule;

beforeAll(async () => {
  t = await startTestBot({ clock: () => now });
  await importRoster(t.bot);
  const outcome = await sm().service.importCsv(MAP_CSV, { dryRun: false, actorLabel: 'test' });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
});
afterAll(async () => t.stop());
beforeEach(() => {
  now = new Date('2026-12-03T09:00:00Z');
  t.stub.clear();
});

async function say(text: string, user: TestUser = USERS.gpOost) {
  const res = await t.post(personalMessage(t.stub.url, user, text));
  expect(res.status).toBe(200);
  expect(t.stub.sent).toHaveLength(1);
  return t.stub.sent[0]!.body;
}

async function click(verb: string, data: Record<string, unknown>, user: TestUser = USERS.gpOost) {
  const res = await t.post(actionExecute(t.stub.url, user, verb, data, { conversationType: 'personal', conversationId: `a:personal-${user.aad}` }));
  expect(res.status).toBe(200);
  return res.body.value;
}

const imageOf = (card: any) => card.body.find((b: any) => b.type === 'Image');
const openUrl = (card: any, title: string) => actionsOf(card).find((a) => a.type === 'Action.OpenUrl' && a.title === title)?.url as string;
/** the link as the bot serves it here (the card names the public base URL, localhost:<port>) */
const local = (url: string) => `${t.bot.url}${new URL(url).pathname}`;

describe('netwerkkaart <wijk> in chat', () => {
  test('answers with a card that shows the picture, and the picture is a PNG the bot serves', async () => {
    const card = cardOf(await say('netwerkkaart Oost'));
    expect(cardProblems(card)).toEqual([]);
    expect(JSON.stringify(card).length).toBeLessThan(28_000);
    expect(textOf({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] })).toContain('Netwerkkaart Oost');
    const image = imageOf(card);
    expect(image.url).toMatch(/^http:\/\/localhost:\d+\/netwerkkaart\/g\.oost\/[A-Za-z0-9]+\.nl\.[0-9a-z]+\.[A-Za-z0-9_-]{22}\.png$/);
    expect(image.url.startsWith('data:')).toBe(false);
    expect(image.msTeams).toEqual({ allowExpand: true });
    expect(image.altText).toContain('Oost');

    const res = await fetch(local(image.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = Buffer.from(await res.arrayBuffer());
    expect(pngSize(png)).toEqual({ width: 1600, height: 1131 });
    expect(png.length).toBeLessThan(1_000_000);
  }, 60_000);

  test('the map has exactly the partners of Oost, with the intake stop marked (read back from the drawing)', async () => {
    await say('netwerkkaart Oost');
    const { scene } = nm().renderer.layout({ kind: 'group', name: 'Oost', wijken: ['oost'] }, 'nl');
    const read = readSvg(sceneToSvg(scene));
    expect(read.partners.map((p) => p.name).sort()).toEqual(['Anna de Vries', 'Diëtistenpraktijk Oost', 'Sanne Bakker', 'Thuiszorg Oost']);
    expect(read.partners.filter((p) => p.stopSign).map((p) => p.name)).toEqual(['Sanne Bakker']);
    // Thuiszorg Oost was last checked on 1 May: more than 90 days
    expect(read.partners.filter((p) => p.staleSign).map((p) => p.name)).toEqual(['Thuiszorg Oost']);
  });

  test('the card’s second button is the A4 printout: a one-page PDF', async () => {
    const card = cardOf(await say('netwerkkaart Oost'));
    const pdfUrl = openUrl(card, 'Afdrukken (A4, PDF)');
    expect(pdfUrl).toMatch(/\.pdf$/);
    const res = await fetch(local(pdfUrl));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('inline; filename="netwerkkaart-oost-2026-12-03.pdf"');
    const pdf = Buffer.from(await res.arrayBuffer()).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain('/MediaBox [0 0 841.89 595.28]');
    expect(pdf.match(/\/Type \/Page\b(?!s)/g)).toHaveLength(1);
  }, 60_000);

  test('a neighbourhood name finds its wijkgroep’s map; without a name, the asker’s own wijkgroep', async () => {
    expect(imageOf(cardOf(await say('netwerkkaart Indische Buurt'))).url).toContain('/netwerkkaart/g.oost/');
    t.stub.clear();
    expect(imageOf(cardOf(await say('netwerkkaart', USERS.gpOost))).url).toContain('/netwerkkaart/g.oost/');
  });

  test('in a channel linked to a wijkgroep, "netwerkkaart" alone shows that group’s map', async () => {
    await t.post(botAddedToTeam(t.stub.url));
    await t.post(channelMessage(t.stub.url, USERS.coordOost, 'koppel Oost'));
    t.stub.clear();
    const res = await t.post(channelMessage(t.stub.url, USERS.raad1, 'netwerkkaart'));
    expect(res.status).toBe(200);
    const card = cardOf(t.stub.sent.at(-1)!.body);
    expect(imageOf(card).url).toContain('/netwerkkaart/g.oost/');
  });

  test('someone in two wijkgroepen who names none is asked which; an unknown name gets a suggestion, in Dutch or English', async () => {
    expect(textOf(await say('netwerkkaart', USERS.raad1))).toContain('Noord, Oost');
    t.stub.clear();
    expect(textOf(await say('netwerkkaart Oostt'))).toContain('Bedoel je **netwerkkaart Oost**?');
    t.stub.clear();
    expect(textOf(await say('netwerkkaart Atlantis'))).toContain('Ik ken geen wijkgroep of wijk "Atlantis"');
    t.stub.clear();
    expect(textOf(await say('netwerkkaart Atlantis', { ...USERS.gpOost, locale: 'en-US' }))).toContain('I do not know a group or area called "Atlantis"');
  });

  test('a wijk without partners on the map says so instead of showing an empty picture', async () => {
    const text = textOf(await say('netwerkkaart Zuidoost'));
    expect(text).toContain('Voor Zuidoost staan nog geen ketenpartners op de sociale kaart.');
    expect(cardOf(t.stub.sent[0]!.body).body.find((b: any) => b.type === 'Image')).toBeUndefined();
  });

  test('someone not on the roster gets no map and no link', async () => {
    const reply = await say('netwerkkaart Oost', USERS.stranger);
    expect(JSON.stringify(reply)).not.toContain('/netwerkkaart/');
    expect(textOf(reply)).toContain('ledenbestand');
  });
});

describe('the "Netwerkkaart" button on a lookup answer', () => {
  test('a lookup about one wijk offers its netwerkkaart; the button answers with the map and a way back', async () => {
    const results = cardOf(await say('fysio oost'));
    const button = actionsOf(results).find((a) => a.verb === 'networkMap.show');
    expect(button.title).toBe('Netwerkkaart');
    expect(button.data).toMatchObject({ map: 'w.oost', q: 'fysio oost', offset: 0 });

    const card = await click('networkMap.show', button.data);
    expect(cardProblems(card)).toEqual([]);
    const url = imageOf(card).url as string;
    expect(url).toContain('/netwerkkaart/g.oost/');
    const back = actionsOf(card).find((a) => a.verb === 'socialMap.page');
    expect(back.data).toMatchObject({ q: 'fysio oost', offset: 0 });
    const res = await fetch(local(url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
  }, 60_000);

  test('a lookup without a wijk has no such button', async () => {
    const results = cardOf(await say('fysio bekkenbodem'));
    expect(actionsOf(results).find((a) => a.verb === 'networkMap.show')).toBeUndefined();
  });

  test('"Vernieuwen" makes a fresh card; a tampered map reference gets a clear message, not a map', async () => {
    const card = await click('networkMap.show', { map: 'g.oost' });
    expect(imageOf(card).url).toContain('/netwerkkaart/g.oost/');
    const refused = await click('networkMap.show', { map: '../../etc' });
    expect(JSON.stringify(refused)).not.toContain('/netwerkkaart/');
    expect(JSON.stringify(refused)).toContain('Ik ken geen wijkgroep of wijk');
  });
});

describe('the links', () => {
  async function imageUrl(user: TestUser = USERS.gpOost): Promise<string> {
    t.stub.clear();
    return local(imageOf(cardOf(await say('netwerkkaart Oost', user))).url);
  }

  test('a link expires after a week: then 403 with no detail', async () => {
    const url = await imageUrl();
    now = new Date(now.getTime() + 7 * 24 * 3_600_000 - 60_000);
    expect((await fetch(url)).status).toBe(200);
    now = new Date(now.getTime() + 2 * 60_000);
    const res = await fetch(url);
    expect(res.status).toBe(403);
    const body = await res.text();
    expect(body).not.toMatch(/expir.*\d|signature|secret|stack/i);
  }, 60_000);

  test('a link cannot be forged: another signature, map, person, language, expiry or format → 403', async () => {
    const url = await imageUrl();
    const m = /^(.*\/netwerkkaart\/)(g\.oost)\/([^.]+)\.(nl)\.([0-9a-z]+)\.([A-Za-z0-9_-]{22})\.png$/.exec(url)!;
    expect(m).not.toBeNull();
    const [, base, map, person, lang, exp, sig] = m;
    const flip = (s: string) => s.slice(0, -1) + (s.endsWith('A') ? 'B' : 'A');
    const later = (parseInt(exp!, 36) + 365 * 24 * 3_600_000).toString(36);
    const forged = [
      `${base}${map}/${person}.${lang}.${exp}.${flip(sig!)}.png`,
      `${base}g.noord/${person}.${lang}.${exp}.${sig}.png`,
      `${base}${map}/${flip(person!)}.${lang}.${exp}.${sig}.png`,
      `${base}${map}/${person}.en.${exp}.${sig}.png`,
      `${base}${map}/${person}.${lang}.${later}.${sig}.png`,
      `${base}${map}/${person}.${lang}.${exp}.${sig}.svg`,
      `${base}${map}/${person}.${lang}.${exp}.png`,
    ];
    for (const u of forged) expect([u, (await fetch(u)).status]).toEqual([u, 403]);
    expect((await fetch(url)).status).toBe(200);
  }, 60_000);

  test('a link for a map that no longer exists → 404; a person taken off the roster → 403', async () => {
    const url = await imageUrl(USERS.gpOost2);
    const group = await t.bot.services.db.wijkGroup.findUniqueOrThrow({ where: { slug: 'oost' } });
    await t.bot.services.db.wijkGroup.update({ where: { id: group.id }, data: { slug: 'oost-oud' } });
    try {
      expect((await fetch(url)).status).toBe(404);
    } finally {
      await t.bot.services.db.wijkGroup.update({ where: { id: group.id }, data: { slug: 'oost' } });
    }
    expect((await fetch(url)).status).toBe(200);
    const person = await t.bot.services.db.person.findFirstOrThrow({ where: { aadObjectId: USERS.gpOost2.aad } });
    await t.bot.services.db.membership.deleteMany({ where: { personId: person.id } });
    await t.bot.services.db.person.delete({ where: { id: person.id } });
    expect((await fetch(url)).status).toBe(403);
  }, 60_000);
});
