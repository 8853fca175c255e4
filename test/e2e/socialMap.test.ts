import { cardOf, textOf } from '../support/connectorStub';
import { actionExecute, channelMessage, composeQuery, personalMessage, type TestUser } from '../support/activities';
import { startTestBot, type TestBot } from '../support/harness';
import { importRoster, USERS } from '../support/roster';
import type { SocialMapModule } from '../../src/teams/handlers/socialMap';
import { actionsOf } from '../support/cardInspect';
import { FIXTURE_CSV, HEADER } from '../support/socialMapFixture';

/** Monday 23 Nov 2026, 13:00 in Amsterdam; tests move it forward for the weekly job. */
let now = new Date('2026-11-23T12:00:00Z');



let t: TestBot;
const sm = () => t.bot.modules.find((m) => m.name === 'socialMap') as SocialMapModule;
const partnerByName = (name: string) => sm().service.partnersSnapshot().find((p) => p.name === name)!;

beforeEach(async () => {
  now = new Date('2026-11-23T12:00:00Z');
  t = await startTestBot({ clock: () => now });
  await importRoster(t.bot);
  const outcome = await sm().service.importCsv(FIXTURE_CSV, { dryRun: false, actorLabel: 'test' });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
});
afterEach(async () => t.stop());

async function lookup(text: string, user: TestUser = USERS.gpOost) {
  t.stub.clear();
  const res = await t.post(personalMessage(t.stub.url, user, text));
  expect(res.status).toBe(200);
  expect(t.stub.sent).toHaveLength(1);
  return { card: cardOf(t.stub.sent[0]!.body), text: textOf(t.stub.sent[0]!.body) };
}

/** Names of the partners on a results card, in order. */
function names(card: any): string[] {
  return (card.body as any[]).filter((b) => b.type === 'Container').map((c) => c.items[0].text);
}

async function invoke(verb: string, data: Record<string, unknown>, user: TestUser = USERS.gpOost) {
  const res = await t.post(actionExecute(t.stub.url, user, verb, data, { conversationType: 'personal', conversationId: `a:personal-${user.aad}` }));
  expect(res.status).toBe(200);
  return res.body;
}

describe('lookup in chat', () => {
  test('free text in a personal chat returns a results card with the best partner first and how to reach them', async () => {
    const { card, text } = await lookup('fysio bekkenbodem oost');
    expect(card.version).toBe('1.5');
    expect(names(card)[0]).toBe('Anna de Vries');
    expect(text).toContain('discipline: Fysiotherapie');
    expect(text).toContain('Bij voorkeur via ZorgDomein; ook telefoon');
    expect(text).toContain('laatst gecontroleerd 1 nov 2026 door Carla Coördinator');
    const call = actionsOf(card).find((a) => a.type === 'Action.OpenUrl' && a.url.startsWith('tel:'));
    expect(call.url).toBe('tel:+31201234567');
    expect(actionsOf(card).find((a) => a.url === 'mailto:anna@fysiodapper.example')).toBeDefined();
    expect(JSON.stringify(card).length).toBeLessThan(28_000);
  });

  test('a partner with an intake stop ranks below an equal one and shows the badge with its end date', async () => {
    const { card, text } = await lookup('fysio bekkenbodem oost');
    expect(names(card).slice(0, 2)).toEqual(['Anna de Vries', 'Sanne Bakker']);
    expect(text).toContain('opnamestop t/m 31 jan 2027');
  });

  test('"zonder opnamestop" leaves out partners with an intake stop', async () => {
    const { card } = await lookup('bekkenfysio oost zonder opnamestop');
    expect(names(card)).not.toContain('Sanne Bakker');
  });

  test('zoek in a channel works with an @mention', async () => {
    t.stub.clear();
    await t.post(channelMessage(t.stub.url, USERS.gpOost, 'zoek logopedie watergraafsmeer'));
    expect(names(cardOf(t.stub.sent[0]!.body))[0]).toBe('Logopedie Watergraafsmeer');
  });

  test('typos and abbreviations GPs type are understood', async () => {
    expect(names((await lookup('POH GGZ noord')).card)[0]).toBe('Piet Jansen');
    expect(names((await lookup('dietist oost')).card)[0]).toBe('Diëtistenpraktijk Oost');
    const typo = await lookup('logopedie watergraafsmer');
    expect(names(typo.card)[0]).toBe('Logopedie Watergraafsmeer');
    expect(names((await lookup('WV oost')).card)[0]).toBe('Thuiszorg Oost');
  });

  test('"in mijn wijk" searches the asker’s own wijkgroep, taken from the roster', async () => {
    const noord = names((await lookup('fysio in mijn wijk', USERS.gpNoord)).card);
    expect(noord.length).toBeGreaterThan(0);
    expect(noord.every((n) => n.startsWith('Fysio Test'))).toBe(true);
    const oost = await lookup('fysio in mijn wijk', USERS.gpOost);
    expect(names(oost.card)).toEqual(['Anna de Vries', 'Sanne Bakker']);
    expect(oost.text).toContain('wijk: Oost');
  });

  test('a word found nowhere on the map is said to be not understood, and never pads the answer with the area', async () => {
    const withDiscipline = await lookup('fysio xyzzy oost');
    expect(names(withDiscipline.card)[0]).toBe('Anna de Vries');
    expect(withDiscipline.text).toContain('niet begrepen (komt nergens op de kaart voor): xyzzy');
    const alone = await lookup('xyzzy noord');
    expect(alone.text).toContain('Niets gevonden');
    expect(names(alone.card)).toEqual([]);
  });

  test('an organisation’s name finds it first', async () => {
    expect(names((await lookup('fysio dapper')).card)[0]).toBe('Anna de Vries');
    expect(names((await lookup('bekkencentrum')).card)).toEqual(['Sanne Bakker']);
  });

  test('an entry not checked for more than 90 days is flagged', async () => {
    const { text } = await lookup('wijkverpleging oost');
    expect(text).toContain('al meer dan 90 dagen niet gecontroleerd');
  });

  test('no hit says so and offers a wider search as a button that works', async () => {
    const { card, text } = await lookup('logopedie noord');
    expect(text).toContain('Niets gevonden');
    const widen = actionsOf(card).filter((a) => a.verb === 'socialMap.page');
    expect(widen.length).toBeGreaterThan(0);
    const all = widen.find((a) => a.title === 'Heel Amsterdam');
    expect(all).toBeDefined();
    expect(text).toContain('In heel Amsterdam (zonder wijk of postcode): 1 resultaat'); // the count is in the text, not the button
    const body = await invoke('socialMap.page', all.data);
    expect(names(body.value)).toContain('Logopedie Watergraafsmeer');
  });

  test('"meer resultaten" returns the next page as a card', async () => {
    const { card } = await lookup('fysio');
    const first = names(card);
    expect(first).toHaveLength(5);
    const more = actionsOf(card).find((a) => a.verb === 'socialMap.page' && a.title === 'Meer resultaten');
    expect(more.data).toMatchObject({ q: 'fysio', offset: 5 });
    const body = await invoke('socialMap.page', more.data);
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    const second = names(body.value);
    expect(second.length).toBeGreaterThan(0);
    expect(second.some((n) => first.includes(n))).toBe(false);
    expect(textOf({ attachments: [{ content: body.value }], type: 'AdaptiveCard', body: body.value.body })).toContain('Resultaat 6–');
  });

  test('details shows every field and a way back to the results', async () => {
    const { card } = await lookup('fysio bekkenbodem oost');
    const details = actionsOf(card).find((a) => a.verb === 'socialMap.details');
    const body = await invoke('socialMap.details', details.data);
    const facts = JSON.stringify(body.value);
    expect(facts).toContain('04000001');
    expect(facts).toContain('Dapperstraat 10, 1093 AB Amsterdam');
    expect(facts).toContain('maandag, dinsdag, donderdag');
    expect(actionsOf(body.value).map((a) => a.verb)).toEqual(expect.arrayContaining(['socialMap.reportForm', 'socialMap.page']));
  });

  test('an English-speaking GP gets English labels', async () => {
    const { text } = await lookup('fysio bekkenbodem oost', { ...USERS.gpOost, locale: 'en-US' });
    expect(text).toContain('Social map');
    expect(text).toContain('waiting time 2 weeks');
  });

  test('someone not on the roster cannot look up', async () => {
    const { text } = await lookup('fysio oost', USERS.stranger);
    expect(text).toContain('ledenbestand');
  });
});

describe('klopt niet', () => {
  test('a report is stored, audited without the note, and the coordinator of the wijk gets a personal message', async () => {
    await t.post(personalMessage(t.stub.url, USERS.coordOost, 'wie ben ik')); // the coordinator has a personal chat
    const anna = partnerByName('Anna de Vries');
    const form = await invoke('socialMap.reportForm', { partnerId: anna.id, q: 'fysio', offset: 0 });
    expect(JSON.stringify(form.value)).toContain('Input.ChoiceSet');
    t.stub.clear();
    const body = await invoke('socialMap.report', { partnerId: anna.id, what: 'wachttijd', note: 'Wachttijd is nu 6 weken', q: 'fysio', offset: 0 });
    expect(JSON.stringify(body.value)).toContain('Doorgestuurd naar: Carla Coördinator');
    await sm().idle();
    const db = t.bot.services.db;
    const reports = await db.partnerReport.findMany();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ partnerId: anna.id, field: 'wachttijd', note: 'Wachttijd is nu 6 weken', reporterName: USERS.gpOost.name });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'partner.report' } });
    expect(audit.entityId).toBe(anna.id);
    expect(audit.details).not.toContain('6 weken');
    const notice = t.stub.sent.find((c) => c.conversationId === `a:personal-${USERS.coordOost.aad}`);
    expect(notice).toBeDefined();
    const text = textOf(notice!.body);
    expect(text).toContain('Melding sociale kaart');
    expect(text).toContain('Anna de Vries');
    expect(text).toContain('wachttijd');
  });

  test('a report without a choice returns the form with the reason', async () => {
    const anna = partnerByName('Anna de Vries');
    const body = await invoke('socialMap.report', { partnerId: anna.id, note: '' });
    expect(JSON.stringify(body.value)).toContain('Kies wat er niet klopt');
    expect(await t.bot.services.db.partnerReport.count()).toBe(0);
  });

  test('a note with patient data is refused with what to remove; nothing is stored and no coordinator is told', async () => {
    await t.post(personalMessage(t.stub.url, USERS.coordOost, 'wie ben ik'));
    const anna = partnerByName('Anna de Vries');
    t.stub.clear();
    const note = 'patiënt mw. Jansen bsn 111222333 geb. 01-02-1950 geweigerd';
    const body = await invoke('socialMap.report', { partnerId: anna.id, what: 'opnamestop', note, q: 'fysio', offset: 0 });
    const shown = JSON.stringify(body.value);
    expect(shown).toContain('patiëntgegevens');
    expect(shown).toContain('111222333');
    expect(shown).toContain('Input.ChoiceSet'); // the form again, to correct the note
    await sm().idle();
    const db = t.bot.services.db;
    expect(await db.partnerReport.count()).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'partner.report' } })).toBe(0);
    expect(t.stub.sent.filter((c) => c.conversationId === `a:personal-${USERS.coordOost.aad}`)).toHaveLength(0);
  });

  test('the same report sent twice at once is stored once, tells the coordinator once, and both get the confirmation', async () => {
    await t.post(personalMessage(t.stub.url, USERS.coordOost, 'wie ben ik'));
    const anna = partnerByName('Anna de Vries');
    t.stub.clear();
    const data = { partnerId: anna.id, what: 'wachttijd', note: 'Wachttijd is nu 6 weken', q: 'fysio', offset: 0 };
    const bodies = await Promise.all([invoke('socialMap.report', data), invoke('socialMap.report', data)]);
    for (const b of bodies) expect(JSON.stringify(b.value)).toContain('Doorgestuurd naar: Carla Coördinator');
    // a redelivery a few minutes later is still the same report
    now = new Date(now.getTime() + 5 * 60_000);
    expect(JSON.stringify((await invoke('socialMap.report', data)).value)).toContain('Doorgestuurd naar: Carla Coördinator');
    await sm().idle();
    const db = t.bot.services.db;
    expect(await db.partnerReport.count()).toBe(1);
    expect(await db.auditEvent.count({ where: { action: 'partner.report' } })).toBe(1);
    expect(t.stub.sent.filter((c) => c.conversationId === `a:personal-${USERS.coordOost.aad}`)).toHaveLength(1);
  });

  test('the same report again after ten minutes is a new report and the coordinator is told again', async () => {
    await t.post(personalMessage(t.stub.url, USERS.coordOost, 'wie ben ik'));
    const anna = partnerByName('Anna de Vries');
    t.stub.clear();
    const data = { partnerId: anna.id, what: 'wachttijd', note: '', q: 'fysio', offset: 0 };
    await invoke('socialMap.report', data);
    now = new Date(now.getTime() + 11 * 60_000);
    await invoke('socialMap.report', data);
    await invoke('socialMap.report', { ...data, what: 'contact' }); // another field is another report
    await sm().idle();
    expect(await t.bot.services.db.partnerReport.count()).toBe(3);
    expect(t.stub.sent.filter((c) => c.conversationId === `a:personal-${USERS.coordOost.aad}`)).toHaveLength(3);
  });
});

describe('answers asked again', () => {
  test('the same question again is answered from the kept card, until the map changes: a coordinator’s new waiting time is in the next answer', async () => {
    const first = await lookup('fysio bekkenbodem oost');
    expect(first.text).toContain('wachttijd 2 weken');
    const hits = sm().answers.counts.hits;
    const again = await lookup('fysio bekkenbodem oost');
    expect(sm().answers.counts.hits).toBe(hits + 1);
    expect(again.card).toEqual(first.card);
    // the bench's "question not asked before": after forgetAnswers the same question is searched and expanded again
    const misses = sm().answers.counts.misses;
    sm().forgetAnswers();
    expect((await lookup('fysio bekkenbodem oost')).card).toEqual(first.card);
    expect(sm().answers.counts.misses).toBe(misses + 1);
    t.stub.clear();
    await t.post(personalMessage(t.stub.url, USERS.coordOost, 'wachttijd Anna de Vries 7'));
    expect(t.stub.sentTexts().at(-1)).toContain('7');
    const after = await lookup('fysio bekkenbodem oost');
    expect(names(after.card)[0]).toBe('Anna de Vries');
    expect(after.text).toContain('wachttijd 7 weken');
    expect(after.text).not.toContain('wachttijd 2 weken');
  });

  test('a kept answer does not outlive its day: an intake stop that ended yesterday is gone from the same question today', async () => {
    await t.post(personalMessage(t.stub.url, USERS.coordOost, 'opnamestop Anna de Vries aan tot 23-11-2026'));
    expect((await lookup('Anna de Vries')).text).toContain('opnamestop t/m 23 nov 2026');
    now = new Date('2026-11-24T12:00:00Z');
    expect((await lookup('Anna de Vries')).text).not.toContain('opnamestop');
  });
});

describe('coordinator updates from chat', () => {
  test('opnamestop aan tot <datum> updates the row, the audit trail and the next lookup', async () => {
    t.stub.clear();
    await t.post(personalMessage(t.stub.url, USERS.coordOost, 'opnamestop Anna de Vries aan tot 31-01-2027'));
    expect(t.stub.sentTexts().at(-1)).toContain('staat aan tot en met 31 jan 2027');
    const db = t.bot.services.db;
    const row = await db.partner.findFirstOrThrow({ where: { name: 'Anna de Vries' } });
    expect(row).toMatchObject({ intakeStop: true, intakeStopUntil: '2027-01-31', lastCheckedBy: USERS.coordOost.name });
    expect(row.lastCheckedAt?.toISOString()).toBe(now.toISOString());
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'partner.intakeStop' } });
    expect(JSON.parse(audit.details)).toMatchObject({ active: true, until: '2027-01-31' });
    const { text } = await lookup('Anna de Vries');
    expect(text).toContain('opnamestop t/m 31 jan 2027');
  });

  test('opnamestop uit and wachttijd by AGB-code; a Dutch date in words works too', async () => {
    await t.post(personalMessage(t.stub.url, USERS.coordOost, 'opnamestop 04000002 uit'));
    await t.post(personalMessage(t.stub.url, USERS.coordOost, 'wachttijd 04000002 5 weken'));
    await t.post(personalMessage(t.stub.url, USERS.admin, 'opnamestop Piet Jansen aan tot 1 maart'));
    const db = t.bot.services.db;
    expect(await db.partner.findUniqueOrThrow({ where: { agb: '04000002' } })).toMatchObject({ intakeStop: false, intakeStopUntil: null, waitWeeks: 5 });
    expect(await db.partner.findUniqueOrThrow({ where: { agb: '94000003' } })).toMatchObject({ intakeStop: true, intakeStopUntil: '2027-03-01' });
    expect(await db.auditEvent.count({ where: { action: { in: ['partner.intakeStop', 'partner.waitTime'] } } })).toBe(3);
  });

  test('several matching partners: the coordinator is asked which one, nothing changes', async () => {
    t.stub.clear();
    await t.post(personalMessage(t.stub.url, USERS.coordOost, 'opnamestop fysio test aan'));
    expect(t.stub.sentTexts().at(-1)).toContain('past bij 7 partners');
    expect(await t.bot.services.db.partner.count({ where: { intakeStop: true } })).toBe(1);
  });

  test('a huisarts is refused and nothing changes', async () => {
    t.stub.clear();
    await t.post(personalMessage(t.stub.url, USERS.gpOost, 'opnamestop Anna de Vries aan'));
    expect(t.stub.sentTexts().at(-1)).toContain('Alleen een coördinator of beheerder');
    expect((await t.bot.services.db.partner.findFirstOrThrow({ where: { name: 'Anna de Vries' } })).intakeStop).toBe(false);
    expect(await t.bot.services.db.auditEvent.count({ where: { action: 'partner.intakeStop' } })).toBe(0);
  });

  test('help shows the lookup to everyone and the maintenance commands only to coordinators', async () => {
    const gp = await lookup('help');
    // (help renders < > as ‹ ›)
    expect(gp.text).toMatch(/zoek .wat, waar./);
    expect(gp.text).not.toMatch(/opnamestop .partner./);
    const coord = await lookup('help', USERS.coordOost);
    expect(coord.text).toMatch(/opnamestop .partner./);
  });
});

describe('compose-box search (zoekPartner)', () => {
  test('matching partners come back as cards with a preview', async () => {
    const res = await t.post(composeQuery(t.stub.url, USERS.gpOost, 'zoekPartner', 'fysio bekkenbodem oost'));
    expect(res.status).toBe(200);
    const ext = res.body.composeExtension;
    expect(ext.type).toBe('result');
    expect(ext.attachments.length).toBeGreaterThan(0);
    expect(ext.attachments[0].preview.content.title).toBe('Anna de Vries');
    expect(ext.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    // the inserted card has links only: the bot may not be in that conversation
    expect(actionsOf(ext.attachments[0].content).every((a) => a.type === 'Action.OpenUrl')).toBe(true);
  });

  test('a half-typed name is completed', async () => {
    const res = await t.post(composeQuery(t.stub.url, USERS.gpOost, 'zoekPartner', 'jans'));
    expect(res.body.composeExtension.attachments[0].preview.content.title).toBe('Piet Jansen');
  });

  test('an empty or one-letter query gets a helpful message instead of an error', async () => {
    for (const q of ['', 'f']) {
      const res = await t.post(composeQuery(t.stub.url, USERS.gpOost, 'zoekPartner', q));
      expect(res.status).toBe(200);
      expect(res.body.composeExtension).toMatchObject({ type: 'message' });
      expect(res.body.composeExtension.text).toContain('minstens twee letters');
    }
  });
});

describe('freshness overview', () => {
  test('on Monday 08:00 the coordinator gets one overview of stale intake stops and waiting times', async () => {
    await t.post(personalMessage(t.stub.url, USERS.coordOost, 'wie ben ik'));
    t.stub.clear();
    now = new Date('2026-11-30T07:00:30Z'); // 08:00:30 in Amsterdam
    await t.bot.services.jobs.runDue();
    await t.bot.services.jobs.runDue();
    expect(await t.bot.services.db.job.count({ where: { kind: 'socialMap.freshness', status: 'done' } })).toBe(1);
    const toCoord = t.stub.sent.filter((c) => c.conversationId === `a:personal-${USERS.coordOost.aad}`);
    expect(toCoord).toHaveLength(1);
    const text = textOf(toCoord[0]!.body);
    expect(text).toContain('Thuiszorg Oost'); // checked 1 May
    expect(text).toContain('Anna de Vries'); // checked 1 Nov: 29 days ago, more than four weeks
    expect(text).not.toContain('Diëtistenpraktijk Oost'); // checked 20 Nov
    expect(text).not.toContain('Piet Jansen'); // Noord: another coordinator's (here: the admin's) list
    const next = await t.bot.services.db.job.findFirst({ where: { kind: 'socialMap.freshness', status: 'pending' } });
    expect(next?.runAt.toISOString()).toBe('2026-12-07T07:00:00.000Z');
  });
});

describe('import rules and keeping the index current', () => {
  test('a row without AGB-code updates the partner with the same naam + organisatie and keeps its AGB-code', async () => {
    const svc = sm().service;
    const row = FIXTURE_CSV.split('\n')[1]!.replace(',04000001,', ',,').replace(',2,020-1234567', ',4,020-1234567');
    const outcome = await svc.importCsv([HEADER, row].join('\n'), { dryRun: false, actorLabel: 'test' });
    expect(outcome).toMatchObject({ ok: true, created: 0, updated: 1 });
    const anna = await t.bot.services.db.partner.findFirstOrThrow({ where: { name: 'Anna de Vries' } });
    expect(anna).toMatchObject({ agb: '04000001', waitWeeks: 4 });
    expect(svc.get(anna.id)?.waitWeeks).toBe(4); // the running bot's index follows at once
  });

  test('a row without AGB-code that matches two stored partners is refused with its line', async () => {
    const svc = sm().service;
    const twin = FIXTURE_CSV.split('\n')[1]!.replace(',04000001,', ',04000009,');
    expect(await svc.importCsv([HEADER, twin].join('\n'), { dryRun: false, actorLabel: 'test' })).toMatchObject({ ok: true, created: 1 });
    const ambiguous = FIXTURE_CSV.split('\n')[1]!.replace(',04000001,', ',,');
    const outcome = await svc.importCsv([HEADER, ambiguous].join('\n'), { dryRun: false, actorLabel: 'test' });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors[0]).toMatchObject({ line: 2, column: 'naam', code: 'socialMap.csv.ambiguousMatch' });
  });

});

describe('demo data', () => {
  test('npm start on an empty database loads a realistic social map across the wijken', async () => {
    const demo = await startTestBot({ seedDemo: true });
    try {
      const svc = (demo.bot.modules.find((m) => m.name === 'socialMap') as SocialMapModule).service;
      expect(svc.index.size).toBe(400);
      expect(await demo.bot.services.db.partner.count()).toBe(400);
      const wijken = new Set(svc.partnersSnapshot().flatMap((p) => p.wijken));
      expect(wijken.size).toBeGreaterThanOrEqual(12);
      expect(svc.lookup('fysio oost').result.total).toBeGreaterThan(0);
    } finally {
      await demo.stop();
    }
  });
});

describe('a large map', () => {
  test('while the index is still loading, lookups and the compose box say so instead of "nothing found"', async () => {
    const svc = sm().service as unknown as { loaded: boolean };
    svc.loaded = false; // what a background load of a large map looks like from outside
    try {
      expect((await lookup('fysio oost')).text).toContain('nog in het geheugen geladen');
      const res = await t.post(composeQuery(t.stub.url, USERS.gpOost, 'zoekPartner', 'fysio'));
      expect(res.body.composeExtension.text).toContain('nog in het geheugen geladen');
    } finally {
      svc.loaded = true;
    }
  });

  test('loads in the background after start (lookups meanwhile say the map is loading) and ends up complete', async () => {
    const big = await startTestBot();
    const dataDir = big.dataDir;
    try {
      await importRoster(big.bot);
      const svc = (big.bot.modules.find((m) => m.name === 'socialMap') as SocialMapModule).service;
      expect(await svc.seedDemo(6_000)).toBe(6_000);
      await big.bot.stop();
      const { startWijkbot } = await import('../../src');
      const again = await startWijkbot({ env: { ...big.env, DATA_DIR: dataDir }, jobsTimer: false });
      try {
        const module = again.modules.find((m) => m.name === 'socialMap') as SocialMapModule;
        big.stub.clear();
        const loadedBefore = module.service.isLoaded; // a fast machine may finish 6,000 rows during the rest of start-up
        await fetch(`${again.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(personalMessage(big.stub.url, USERS.gpOost, 'fysio oost')) });
        if (!loadedBefore) expect(big.stub.sentTexts().join('\n')).toMatch(/nog in het geheugen geladen|Sociale kaart/);
        await module.idle();
        expect(module.service.index.size).toBe(6_000);
        expect(module.service.lookup('fysio oost').result.total).toBeGreaterThan(0);
      } finally {
        await again.stop();
      }
    } finally {
      await big.stop(); // stopping twice is harmless; a failure before the restart must still close the first bot
    }
  }, 60_000);
});
