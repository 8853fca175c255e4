import { personalMessage } from '../support/activities';
import { ConnectorStub } from '../support/connectorStub';
import { startTestBot, type TestBot } from '../support/harness';
import { importRoster, USERS } from '../support/roster';
import { FakeOutboundCredentials, TokenIssuer } from '../support/tokenIssuer';

const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const TENANT = '50612dbb-0237-4969-b378-8d42590f9c00';

let issuer: TokenIssuer;
let t: TestBot;
let outbound: FakeOutboundCredentials;

beforeAll(async () => {
  issuer = await new TokenIssuer().start();
});
afterAll(async () => issuer.stop());

beforeEach(async () => {
  t = await startTestBot({
    env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used-offline', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT, ...issuer.env() },
    credentialsFactory: (outbound = new FakeOutboundCredentials(APP_ID)),
  });
  await importRoster(t.bot);
});
afterEach(async () => t.stop());

function activity() {
  return personalMessage(t.stub.url, USERS.gpOost, 'wie ben ik');
}

function bearer(token: string) {
  return { Authorization: `Bearer ${token}` };
}

describe('with app credentials set, every request must carry a valid Bot Framework token', () => {
  test('a valid token is accepted and the reply carries the bot\'s outbound token', async () => {
    const a = activity();
    const res = await t.post(a, bearer(issuer.sign({ aud: APP_ID, serviceurl: a.serviceUrl })));
    expect(res.status).toBe(200);
    expect(t.stub.sent).toHaveLength(1);
    expect(t.stub.sentTexts()[0]).toContain('Dirk Huisarts');
    expect(t.stub.sent[0].authorization).toBe('Bearer fake-outbound-token');
  });

  test.each([
    ['no Authorization header', () => ({})],
    ['an undecodable token', () => bearer('not.a.jwt')],
    ['a token for another bot (wrong aud)', (a: any) => bearer(issuer.sign({ aud: 'aaaaaaaa-0000-4000-8000-000000000000', serviceurl: a.serviceUrl }))],
    ['a token for another service URL', () => bearer(issuer.sign({ aud: APP_ID, serviceurl: 'https://evil.example/' }))],
    ['an expired token', (a: any) => bearer(issuer.sign({ aud: APP_ID, serviceurl: a.serviceUrl }, { expiresInSec: -3600 }))],
    ['a token from another issuer', (a: any) => bearer(issuer.sign({ aud: APP_ID, serviceurl: a.serviceUrl }, { issuer: 'https://issuer.evil.example' }))],
    ['a token signed with an unknown key', (a: any) => bearer(issuer.sign({ aud: APP_ID, serviceurl: a.serviceUrl }, { kid: 'unknown-key' }))],
  ])('%s gets 401 with no internal detail and nothing happens', async (_name, headers) => {
    const a = activity();
    const res = await t.post(a, (headers as (a: any) => Record<string, string>)(a));
    expect(res.status).toBe(401);
    expect(JSON.stringify(res.body ?? '')).not.toMatch(/Unauthorized\.|claim|issuer|stack|Error/i);
    expect(t.stub.calls).toHaveLength(0);
    expect(await t.bot.services.db.processedActivity.count()).toBe(0);
  });

  test('the single-tenant registration\'s tenant is the default allow-list: another tenant is refused', async () => {
    const a = personalMessage(t.stub.url, USERS.gpOost, 'help', { tenant: '11111111-2222-4333-8444-555555555555' });
    const res = await t.post(a, bearer(issuer.sign({ aud: APP_ID, serviceurl: a.serviceUrl })));
    expect(res.status).toBe(403);
    expect(t.stub.calls).toHaveLength(0);
  });
});

describe('when the token cannot be checked now, the sender is told to come back, not that its token was bad', () => {
  // a token service of its own per test: botbuilder keeps the keys it loaded per OpenID address
  let service: TokenIssuer;
  let bot: TestBot;

  /** A bot behind a token service that answers 503 ('down') or refuses connections ('unreachable'). */
  async function startBehind(state: 'down' | 'unreachable'): Promise<void> {
    service = await new TokenIssuer().start();
    if (state === 'down') service.outage = true;
    else await service.stop(); // its address now refuses connections
    bot = await startTestBot({
      env: { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used-offline', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT, ...service.env() },
      credentialsFactory: new FakeOutboundCredentials(APP_ID),
      captureLog: true,
    });
    await importRoster(bot.bot);
  }
  afterEach(async () => {
    await bot.stop();
    await service.stop(); // a service stopped already resolves at once
  });

  test('the signing keys cannot be loaded: 503 with Retry-After and nothing happens; once they load, the turn runs', async () => {
    await startBehind('down');
    const a = personalMessage(bot.stub.url, USERS.gpOost, 'wie ben ik');
    const token = bearer(service.sign({ aud: APP_ID, serviceurl: a.serviceUrl }));
    const refused = await bot.post(a, token);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused.body).toEqual({ error: 'temporarily unavailable' }); // no internal detail
    expect(bot.stub.calls).toHaveLength(0);
    expect(await bot.bot.services.db.processedActivity.count()).toBe(0);
    const logged = bot.logLines().filter((l) => /could not be checked/.test(l.msg));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 50, kind: 'cannot-check' });
    expect(JSON.stringify(logged)).not.toContain(token.Authorization.slice(7));

    // the Bot Connector sends it again: now the keys load and the turn runs once
    service.outage = false;
    expect((await bot.post(a, token)).status).toBe(200);
    expect(bot.stub.sentTexts()).toHaveLength(1);
    expect(bot.stub.sentTexts()[0]).toContain('Dirk Huisarts');
  });

  test('the token service is unreachable: 503, not 401', async () => {
    await startBehind('unreachable');
    const a = personalMessage(bot.stub.url, USERS.gpOost, 'wie ben ik');
    const res = await bot.post(a, bearer(service.sign({ aud: APP_ID, serviceurl: a.serviceUrl })));
    expect(res.status).toBe(503);
    expect(bot.stub.calls).toHaveLength(0);
  });

  test('while the keys cannot be loaded, a request without a token or with an undecodable one is still 401', async () => {
    await startBehind('down');
    const a = personalMessage(bot.stub.url, USERS.gpOost, 'wie ben ik');
    expect((await bot.post(a, {})).status).toBe(401);
    expect((await bot.post(a, bearer('not.a.jwt'))).status).toBe(401);
    expect(bot.stub.calls).toHaveLength(0);
  });
});

describe('the clients that send replies are built once, the token is still checked on every request', () => {
  test('three turns reuse one connector client: each reply carries the outbound token', async () => {
    for (let i = 0; i < 3; i++) {
      const a = activity();
      const res = await t.post(a, bearer(issuer.sign({ aud: APP_ID, serviceurl: a.serviceUrl })));
      expect(res.status).toBe(200);
    }
    expect(t.stub.sent).toHaveLength(3);
    expect(t.stub.sent.map((c) => c.authorization)).toEqual(Array(3).fill('Bearer fake-outbound-token'));
    // one credentials object for the connector client and one for the (unused) user-token client, not two per turn
    expect(outbound.created).toBe(2);
  });

  test('after an accepted request, a bad token is still refused and nothing is sent', async () => {
    const good = activity();
    expect((await t.post(good, bearer(issuer.sign({ aud: APP_ID, serviceurl: good.serviceUrl })))).status).toBe(200);
    const bad = activity();
    const res = await t.post(bad, bearer(issuer.sign({ aud: APP_ID, serviceurl: bad.serviceUrl }, { expiresInSec: -3600 })));
    expect(res.status).toBe(401);
    expect(t.stub.sent).toHaveLength(1);
  });

  test('a client that could not be built is not kept: the next turn builds it and answers', async () => {
    outbound.failures = 1;
    const first = activity();
    const failed = await t.post(first, bearer(issuer.sign({ aud: APP_ID, serviceurl: first.serviceUrl })));
    // refused before the turn began, and not as a bad token: the fault was not the sender's (server.ts)
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(t.stub.sent).toHaveLength(0);
    const second = activity();
    expect((await t.post(second, bearer(issuer.sign({ aud: APP_ID, serviceurl: second.serviceUrl })))).status).toBe(200);
    expect(t.stub.sentTexts()[0]).toContain('Dirk Huisarts');
  });

  test('a turn from another service URL gets a client of its own: each reply goes where its activity came from', async () => {
    const other = await new ConnectorStub().start();
    try {
      const first = activity();
      expect((await t.post(first, bearer(issuer.sign({ aud: APP_ID, serviceurl: first.serviceUrl })))).status).toBe(200);
      const second = personalMessage(other.url, USERS.gpOost, 'wie ben ik');
      expect((await t.post(second, bearer(issuer.sign({ aud: APP_ID, serviceurl: other.url })))).status).toBe(200);
      const third = activity();
      expect((await t.post(third, bearer(issuer.sign({ aud: APP_ID, serviceurl: third.serviceUrl })))).status).toBe(200);
      expect(t.stub.sent).toHaveLength(2);
      expect(other.sent).toHaveLength(1);
      expect(other.sentTexts()[0]).toContain('Dirk Huisarts');
    } finally {
      await other.stop();
    }
  });
});
