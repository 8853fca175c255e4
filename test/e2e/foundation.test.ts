import { cardOf } from '../support/connectorStub';
import { actionExecute, botAddedToTeam, CHANNEL_ID, channelMessage, composeQuery, personalMessage, TEAM_ID } from '../support/activities';
import { startTestBot, type TestBot } from '../support/harness';
import { importRoster, USERS } from '../support/roster';

let t: TestBot;
beforeEach(async () => {
  t = await startTestBot();
  await importRoster(t.bot);
});
afterEach(async () => t.stop());

async function linkOostChannel() {
  await t.post(botAddedToTeam(t.stub.url));
  const res = await t.post(channelMessage(t.stub.url, USERS.coordOost, 'koppel Oost'));
  expect(res.status).toBe(200);
  t.stub.clear();
}

describe('health', () => {
  test('healthz answers 200 with JSON once the database is open', async () => {
    const res = await fetch(`${t.bot.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', database: 'ok' });
  });
});

describe('help and identity', () => {
  test('when a huisarts asks for help, then the card lists lookups but not role management', async () => {
    const res = await t.post(personalMessage(t.stub.url, USERS.gpOost, 'help'));
    expect(res.status).toBe(200);
    expect(t.stub.sent).toHaveLength(1);
    const text = t.stub.sentTexts()[0];
    expect(text).toContain('wie ben ik');
    expect(text).not.toContain('rol ‹rol›'); // usage hints are shown with angle quotes (see cards/render.ts)
  });

  test('when a coordinator asks for hulp, then role and channel commands are listed', async () => {
    await t.post(personalMessage(t.stub.url, USERS.coordOost, 'hulp'));
    const text = t.stub.sentTexts()[0];
    expect(text).toContain('rol ‹rol›');
    expect(text).toContain('koppel');
  });

  test('wie ben ik lists the roles of the person from the roster', async () => {
    await t.post(personalMessage(t.stub.url, USERS.raad1, 'wie ben ik'));
    const text = t.stub.sentTexts()[0];
    expect(text).toContain('Rik Raadslid');
    expect(text).toContain('raadslid (Oost)');
    expect(text).toContain('huisarts (Noord)');
  });

  test('wie ben ik shows roles as people read them (coördinator, beheerder), never the codes', async () => {
    await importRoster(t.bot, `wijkgroep,naam,email,aad_object_id,rol\n,Carla Coördinator,carla@wijkbot.test,${USERS.coordOost.aad},admin\n`);
    await t.post(personalMessage(t.stub.url, USERS.coordOost, 'wie ben ik'));
    const text = t.stub.sentTexts()[0]!;
    expect(text).toContain('coördinator (Oost)');
    expect(text).toContain('beheerder');
    expect(text).not.toMatch(/\b(coordinator|admin)\b/);
    t.stub.clear();
    await t.post(personalMessage(t.stub.url, { ...USERS.coordOost, locale: 'en-US' }, 'wie ben ik'));
    expect(t.stub.sentTexts()[0]).toContain('administrator');
  });

  test('an English-speaking user gets English text', async () => {
    await t.post(personalMessage(t.stub.url, { ...USERS.gpOost, locale: 'en-US' }, 'wie ben ik'));
    expect(t.stub.sentTexts()[0]).toContain('You are');
  });

  test('a user who is only on the roster by e-mail is matched via the Teams roster on first contact', async () => {
    const newcomer = { aad: '12345678-0000-4000-8000-0000000000aa', name: 'Nieuwe Collega' };
    await importRoster(t.bot, `wijkgroep,naam,email,aad_object_id,rol\nOost,Nieuwe Collega,nieuw@wijkbot.test,,huisarts\n`);
    t.stub.members = [{ id: `29:${newcomer.aad}`, name: newcomer.name, aadObjectId: newcomer.aad, email: 'Nieuw@wijkbot.test' }];
    await t.post(personalMessage(t.stub.url, newcomer, 'wie ben ik'));
    expect(t.stub.sentTexts()[0]).toContain('huisarts (Oost)');
    const person = await t.bot.services.db.person.findUnique({ where: { email: 'nieuw@wijkbot.test' } });
    expect(person?.aadObjectId).toBe(newcomer.aad);
  });
});

describe('usage hints in plain chat messages', () => {
  test('placeholders like <rol> reach Teams as ‹rol› (Teams would take <rol> for an HTML tag and show nothing)', async () => {
    await t.post(personalMessage(t.stub.url, USERS.admin, 'rol coordinator'));
    const text = t.stub.sent.at(-1)?.body.text as string;
    expect(text).toContain('**rol ‹rol› ‹@persoon of e-mail› [wijkgroep]**');
    expect(text).not.toMatch(/<[a-z@]/);
    await t.post(botAddedToTeam(t.stub.url));
    expect(t.stub.sent.at(-1)?.body.text).toContain('@Wijkbot koppel ‹wijkgroep›');
  });
});

describe('reaching people personally', () => {
  test('installing Wijkbot in a team reads its roster: members on the Wijkbot roster can be messaged before they ever use Wijkbot', async () => {
    const stranger = { id: '29:not-on-roster', name: 'Niet Bekend', aadObjectId: '12121212-0000-4000-8000-000000000001' };
    t.stub.members = [{ id: `29:${USERS.gpOost2.aad}`, name: USERS.gpOost2.name, aadObjectId: USERS.gpOost2.aad }, stranger];
    await t.post(botAddedToTeam(t.stub.url));
    const dana = await t.bot.services.db.person.findUniqueOrThrow({ where: { aadObjectId: USERS.gpOost2.aad } });
    expect(await t.bot.services.proactive.sendToPerson(dana.id, { text: 'Vergeet de FTO niet' })).toBe(true);
    const created = t.stub.calls.filter((c) => c.method === 'POST' && c.path === '/v3/conversations');
    expect(created.map((c) => c.body.members[0].id)).toEqual([`29:${USERS.gpOost2.aad}`]);
    expect(t.stub.sent.at(-1)?.body.text).toBe('Vergeet de FTO niet');
    await t.bot.services.conversations.flushUsers();
    expect(await t.bot.services.db.teamsUser.count()).toBe(1); // not the stranger: only people on the roster
  });

  test('the Teams id seen on a channel message also gets that person their own view of shared cards (refresh.userIds)', async () => {
    const people = t.bot.services.db.person;
    const [eva, dirk] = await Promise.all([people.findUniqueOrThrow({ where: { aadObjectId: USERS.apoOost.aad } }), people.findUniqueOrThrow({ where: { aadObjectId: USERS.gpOost.aad } })]);
    expect(await t.bot.services.conversations.teamsUserIdsOf([eva.id, dirk.id], 60)).toEqual([]);
    await t.post(channelMessage(t.stub.url, USERS.apoOost, 'wie ben ik')); // Eva, in the channel only
    await t.post(personalMessage(t.stub.url, USERS.gpOost, 'wie ben ik')); // Dirk, in his personal chat
    expect((await t.bot.services.conversations.teamsUserIdsOf([eva.id, dirk.id], 60)).sort()).toEqual([`29:${USERS.apoOost.aad}`, `29:${USERS.gpOost.aad}`].sort());
    await t.bot.services.conversations.flushUsers();
    expect((await t.bot.services.conversations.teamsUserIdsOf([eva.id, dirk.id], 1))).toHaveLength(1);
  });

  test('someone Wijkbot has never seen in Teams cannot be messaged, and nothing is sent', async () => {
    const eva = await t.bot.services.db.person.findUniqueOrThrow({ where: { aadObjectId: USERS.apoOost.aad } });
    expect(await t.bot.services.proactive.sendToPerson(eva.id, { text: 'x' })).toBe(false);
    expect(t.stub.calls).toHaveLength(0);
  });
});

describe('channel linking', () => {
  test('when a coordinator links a channel, then the group posts there and the change is audited', async () => {
    await t.post(botAddedToTeam(t.stub.url));
    expect(t.stub.sentTexts()[0]).toContain('koppel');
    await t.post(channelMessage(t.stub.url, USERS.coordOost, 'koppel oost'));
    expect(t.stub.sentTexts().at(-1)).toContain('gekoppeld aan wijkgroep **Oost**');
    // added again (or, in the Agents Playground, the channel opened again): no request to link what is linked
    await t.post(botAddedToTeam(t.stub.url, { channelId: CHANNEL_ID }));
    expect(t.stub.sentTexts().at(-1)).toContain('Dit kanaal hoort bij wijkgroep **Oost**');
    expect(t.stub.sentTexts().at(-1)).not.toContain('koppel');
    const db = t.bot.services.db;
    const conv = await db.conversation.findUnique({ where: { id: CHANNEL_ID }, include: { wijkGroup: true } });
    expect(conv?.wijkGroup?.name).toBe('Oost');
    expect(conv?.teamId).toBe(TEAM_ID);
    expect(await db.auditEvent.count({ where: { action: 'channel.link' } })).toBe(1);
    // the list shows the channel by name, or says it is linked: never a raw 19:… id
    await t.post(personalMessage(t.stub.url, USERS.gpOost, 'wijkgroepen'));
    const oost = t.stub.sentTexts().at(-1)!.split('\n').find((l) => l.startsWith('**Oost**'));
    expect(oost).toMatch(/kanaal: (gekoppeld|\S)/);
    expect(oost).not.toContain('19:');
  });

  test('when a huisarts tries to link a channel, then it is refused in Dutch and nothing changes', async () => {
    await t.post(channelMessage(t.stub.url, USERS.gpOost, 'koppel Oost'));
    expect(t.stub.sentTexts().at(-1)).toContain('Alleen een coördinator van Oost');
    const conv = await t.bot.services.db.conversation.findUnique({ where: { id: CHANNEL_ID } });
    expect(conv?.wijkGroupId ?? null).toBeNull();
  });

  test('a typo in the group name gets a suggestion', async () => {
    await t.post(channelMessage(t.stub.url, USERS.coordOost, 'koppel Oots'));
    expect(t.stub.sentTexts().at(-1)).toContain('Bedoel je **Oost**');
  });

  test('ontkoppel undoes the link', async () => {
    await linkOostChannel();
    await t.post(channelMessage(t.stub.url, USERS.coordOost, 'ontkoppel'));
    expect(t.stub.sentTexts().at(-1)).toContain('losgekoppeld');
    const conv = await t.bot.services.db.conversation.findUnique({ where: { id: CHANNEL_ID } });
    expect(conv?.wijkGroupId).toBeNull();
  });

  test('a coordinator of another group cannot take over a channel that is linked to Oost', async () => {
    await linkOostChannel();
    await importRoster(t.bot, `wijkgroep,naam,email,aad_object_id,rol\nNoord,Nora Noord,nora@wijkbot.test,12345678-0000-4000-8000-00000000000b,coordinator\n`);
    await t.post(channelMessage(t.stub.url, { aad: '12345678-0000-4000-8000-00000000000b', name: 'Nora Noord' }, 'koppel Noord'));
    expect(t.stub.sentTexts().at(-1)).toContain('al gekoppeld aan wijkgroep **Oost**');
    const conv = await t.bot.services.db.conversation.findUnique({ where: { id: CHANNEL_ID }, include: { wijkGroup: true } });
    expect(conv?.wijkGroup?.name).toBe('Oost');
  });

  test('koppel in a personal chat explains it only works in a channel', async () => {
    await t.post(personalMessage(t.stub.url, USERS.coordOost, 'koppel Oost'));
    expect(t.stub.sentTexts().at(-1)).toContain('alleen in een kanaal');
  });

  test('the channel link and conversation reference survive a restart: a proactive post reaches the channel', async () => {
    await linkOostChannel();
    const dataDir = t.dataDir;
    await t.bot.stop();
    const { startWijkbot } = await import('../../src');
    const again = await startWijkbot({ env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'silent' }, jobsTimer: false });
    try {
      const group = await again.services.db.wijkGroup.findUniqueOrThrow({ where: { slug: 'oost' } });
      const posted = await again.services.proactive.postToGroup(group.id, { text: 'Hallo Oost' });
      expect(posted?.conversationId).toBe(CHANNEL_ID);
      expect(t.stub.sent.at(-1)?.conversationId).toBe(CHANNEL_ID);
      expect(t.stub.sent.at(-1)?.body.text).toBe('Hallo Oost');
    } finally {
      await again.stop();
    }
  });
});

describe('roles', () => {
  test('a coordinator grants huisarts in their own group by e-mail, and it is audited', async () => {
    await t.post(personalMessage(t.stub.url, USERS.coordOost, 'rol huisarts nieuwe.arts@wijkbot.test Oost'));
    expect(t.stub.sentTexts().at(-1)).toContain('is nu huisarts in Oost');
    const p = await t.bot.services.db.person.findUnique({ where: { email: 'nieuwe.arts@wijkbot.test' }, include: { memberships: true } });
    expect(p?.memberships.map((m) => m.role)).toEqual(['huisarts']);
    expect(await t.bot.services.db.auditEvent.count({ where: { action: 'role.grant' } })).toBe(1);
  });

  test('someone who chatted before being on the roster gets personal messages once added, under their Teams name', async () => {
    const newcomer = { aad: '12345678-0000-4000-8000-0000000000cc', name: 'Nadia Nieuw' };
    t.stub.members = [{ id: `29:${newcomer.aad}`, name: newcomer.name, aadObjectId: newcomer.aad, email: 'nadia@wijkbot.test' }];
    await t.post(personalMessage(t.stub.url, newcomer, 'wie ben ik'));
    expect(t.stub.sentTexts().at(-1)).toContain('nog geen rol');
    await t.post(personalMessage(t.stub.url, USERS.coordOost, 'rol huisarts nadia@wijkbot.test Oost'));
    await t.post(personalMessage(t.stub.url, newcomer, 'wie ben ik'));
    expect(t.stub.sentTexts().at(-1)).toContain('Je bent **Nadia Nieuw**');
    const person = await t.bot.services.db.person.findUniqueOrThrow({ where: { email: 'nadia@wijkbot.test' } });
    expect(await t.bot.services.proactive.sendToPerson(person.id, { text: 'persoonlijk bericht' })).toBe(true);
    expect(t.stub.sent.at(-1)).toMatchObject({ conversationId: `a:personal-${newcomer.aad}`, body: { text: 'persoonlijk bericht' } });
  });

  test('a coordinator grants a role to an @mentioned colleague', async () => {
    t.stub.members = [{ id: '29:mentioned', name: 'Gert Genoemd', aadObjectId: '11111111-0000-4000-8000-000000000001', email: 'gert@wijkbot.test' }];
    await t.post(channelMessage(t.stub.url, USERS.coordOost, 'rol apotheker Oost', { mentions: [{ id: '29:mentioned', name: 'Gert Genoemd' }] }));
    expect(t.stub.sentTexts().at(-1)).toContain('Gert Genoemd is nu apotheker in Oost');
  });

  test('a coordinator may not grant roles in another group or make someone coordinator', async () => {
    await t.post(personalMessage(t.stub.url, USERS.coordOost, 'rol huisarts x@wijkbot.test Noord'));
    expect(t.stub.sentTexts().at(-1)).toContain('mag de rol huisarts niet');
    await t.post(personalMessage(t.stub.url, USERS.coordOost, 'rol coordinator x@wijkbot.test Oost'));
    expect(t.stub.sentTexts().at(-1)).toContain('mag de rol coördinator niet');
    expect(await t.bot.services.db.person.count({ where: { email: 'x@wijkbot.test' } })).toBe(0);
  });

  test('a huisarts cannot grant roles at all', async () => {
    await t.post(personalMessage(t.stub.url, USERS.gpOost, 'rol huisarts x@wijkbot.test Oost'));
    expect(t.stub.sentTexts().at(-1)).toContain('mag de rol huisarts niet');
  });

  test('rol weg revokes; revoking again says nothing changed', async () => {
    await t.post(personalMessage(t.stub.url, USERS.coordOost, 'rol weg huisarts dirk@wijkbot.test Oost'));
    expect(t.stub.sentTexts().at(-1)).toContain('is geen huisarts in Oost meer');
    await t.post(personalMessage(t.stub.url, USERS.coordOost, 'rol weg huisarts dirk@wijkbot.test Oost'));
    expect(t.stub.sentTexts().at(-1)).toContain('er is niets veranderd');
  });

  test('the last admin cannot be removed', async () => {
    await t.post(personalMessage(t.stub.url, USERS.admin, 'rol weg admin admin@wijkbot.test'));
    expect(t.stub.sentTexts().at(-1)).toContain('laatste beheerder');
  });

  test('ADMINS bootstraps an administrator on first contact', async () => {
    await t.stop();
    t = await startTestBot({ env: { ADMINS: USERS.stranger.aad } });
    await t.post(personalMessage(t.stub.url, USERS.stranger, 'wie ben ik'));
    expect(t.stub.sentTexts()[0]).toContain('Rollen: beheerder.');
  });
});

describe('platform behaviour', () => {
  test('when Teams redelivers the same activity, then Wijkbot acts once', async () => {
    const activity = personalMessage(t.stub.url, USERS.coordOost, 'rol huisarts twice@wijkbot.test Oost', { id: 'redelivered-1' });
    await t.post(activity);
    await t.post(activity);
    expect(t.stub.sent).toHaveLength(1);
    expect(await t.bot.services.db.auditEvent.count({ where: { action: 'role.grant' } })).toBe(1);
  });

  test('an unknown command in a channel gets a Dutch hint', async () => {
    await t.post(channelMessage(t.stub.url, USERS.gpOost, 'doe iets raars'));
    expect(t.stub.sentTexts().at(-1)).toContain('Dat commando ken ik niet: "doe"');
  });

  test('malformed JSON gets 400 without internals', async () => {
    const res = await t.post('{"type": "message",,,}');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toMatch(/at |Error|stack|JSON\.parse/);
  });

  test('a body that is not an activity gets 400', async () => {
    for (const body of [[1, 2], { type: 'message' }, { type: 'message', serviceUrl: 'ftp://x', conversation: { id: 'c' }, from: { id: 'u' } }, 'null']) {
      const res = await t.post(body);
      expect(res.status).toBe(400);
    }
    expect(t.stub.calls).toHaveLength(0);
  });

  test('a huge body is refused with 413', async () => {
    const activity = personalMessage(t.stub.url, USERS.gpOost, 'x'.repeat(300 * 1024));
    const res = await t.post(activity);
    expect(res.status).toBe(413);
    expect(t.stub.calls).toHaveLength(0);
  });

  test('an unknown card verb gets a clear message, not an error', async () => {
    const res = await t.post(actionExecute(t.stub.url, USERS.gpOost, 'does.not.exist', { x: 1 }));
    expect(res.status).toBe(200);
    expect(res.body.value).toContain('Deze knop werkt niet');
  });

  test('an unknown message-extension command gets 400 without internals', async () => {
    const res = await t.post(composeQuery(t.stub.url, USERS.gpOost, 'nietBestaand', 'fysio'));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).not.toMatch(/stack|Error:/);
  });

  test('a crash inside a command shows an apology with a reference, never a stack trace', async () => {
    jest.spyOn(t.bot.services.groups, 'listGroups').mockRejectedValueOnce(new Error('database exploded at line 42'));
    const res = await t.post(personalMessage(t.stub.url, USERS.gpOost, 'wijkgroepen'));
    expect(res.status).toBe(200);
    const text = t.stub.sentTexts().at(-1)!;
    expect(text).toMatch(/Er ging iets mis aan onze kant.*code [0-9a-f]{8}/);
    expect(text).not.toContain('exploded');
  });

  test('proactive posts retry on 429 and 502 and then succeed', async () => {
    await linkOostChannel();
    const group = await t.bot.services.db.wijkGroup.findUniqueOrThrow({ where: { slug: 'oost' } });
    t.stub.failNext(429);
    t.stub.failNext(502);
    const posted = await t.bot.services.proactive.postToGroup(group.id, { text: 'na twee pogingen' });
    expect(posted).not.toBeNull();
    expect(t.stub.calls.filter((c) => c.method.startsWith('FAILED'))).toHaveLength(2);
    expect(t.stub.sent.at(-1)?.body.text).toBe('na twee pogingen');
  });

  test('proactive posts do not retry a 403', async () => {
    await linkOostChannel();
    const group = await t.bot.services.db.wijkGroup.findUniqueOrThrow({ where: { slug: 'oost' } });
    t.stub.failNext(403);
    await expect(t.bot.services.proactive.postToGroup(group.id, { text: 'nee' })).rejects.toBeTruthy();
    expect(t.stub.calls.filter((c) => c.method.startsWith('FAILED'))).toHaveLength(1);
    expect(t.stub.sent).toHaveLength(0);
  });
});

describe('tenant allow-list', () => {
  test('activities from another tenant are refused with 403 and nothing is stored', async () => {
    await t.stop();
    t = await startTestBot({ env: { ALLOWED_TENANTS: '11111111-2222-4333-8444-555555555555' } });
    const before = await t.bot.services.db.conversation.count();
    const res = await t.post(personalMessage(t.stub.url, USERS.gpOost, 'help'));
    expect(res.status).toBe(403);
    const invoke = await t.post(actionExecute(t.stub.url, USERS.gpOost, 'whatever', {}));
    expect(invoke.status).toBe(403);
    expect(t.stub.calls).toHaveLength(0);
    expect(await t.bot.services.db.conversation.count()).toBe(before);
    expect(await t.bot.services.db.processedActivity.count()).toBe(0);
  });

  test('activities from an allowed tenant are served', async () => {
    await t.stop();
    t = await startTestBot({ env: { ALLOWED_TENANTS: '50612DBB-0237-4969-b378-8d42590f9c00' } });
    await importRoster(t.bot);
    const res = await t.post(personalMessage(t.stub.url, USERS.gpOost, 'help'));
    expect(res.status).toBe(200);
    expect(t.stub.sent).toHaveLength(1);
  });
});

test('card replies are Adaptive Cards', async () => {
  await t.post(personalMessage(t.stub.url, USERS.gpOost, 'wijkgroepen'));
  const card = cardOf(t.stub.sent[0].body);
  expect(card.type).toBe('AdaptiveCard');
  expect(JSON.stringify(card)).toContain('Oost');
});
