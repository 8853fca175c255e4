/**
 * `npm run playground` puts a small proxy between the Agents Playground (which always sends en-US) and
 * Wijkbot, so the demo speaks Dutch like Wijkbot's users' Teams clients. Checked through that proxy.
 */
import { personalMessage } from '../support/activities';
import { startTestBot, type TestBot } from '../support/harness';
import { importRoster, USERS } from '../support/roster';
import { localeProxy } from '../../scripts/playground';

let t: TestBot;
beforeEach(async () => {
  t = await startTestBot();
  await importRoster(t.bot);
});
afterEach(async () => {
  await t.stop();
});

/** What the Playground sends: en-US on the activity and in its clientInfo entity. */
function playgroundMessage(text: string) {
  const a = personalMessage(t.stub.url, USERS.gpOost, text);
  a.locale = 'en-US';
  a.entities = [{ type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web' }];
  return a;
}

async function postVia(url: string, activity: unknown) {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
  await res.arrayBuffer();
  return res.status;
}

test.each([
  ['nl-NL', /Wat Wijkbot voor jou kan doen/],
  ['en-US', /What Wijkbot can do for you/],
])('through the proxy with PLAYGROUND_LOCALE=%s the bot answers in that language', async (locale, expected) => {
  const proxy = await localeProxy(t.bot.url, locale);
  try {
    expect(await postVia(proxy.url, playgroundMessage('help'))).toBe(200);
    expect(t.stub.sentTexts().join('\n')).toMatch(expected);
  } finally {
    proxy.close();
  }
});

test('a body that is not JSON passes through unchanged and gets the bot\'s own 400', async () => {
  const proxy = await localeProxy(t.bot.url, 'nl-NL');
  try {
    const res = await fetch(`${proxy.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{not json' });
    expect(res.status).toBe(400);
    expect(await res.text()).not.toMatch(/at .*\.ts/);
  } finally {
    proxy.close();
  }
});

test('when the bot is unreachable the proxy answers 502 and keeps serving', async () => {
  const proxy = await localeProxy('http://127.0.0.1:9', 'nl-NL'); // port 9 (discard): nothing listens
  try {
    expect(await postVia(proxy.url, playgroundMessage('help'))).toBe(502);
    expect(await postVia(proxy.url, playgroundMessage('help'))).toBe(502);
  } finally {
    proxy.close();
  }
});

test('a chunked request (no Content-Length) reaches the bot', async () => {
  const proxy = await localeProxy(t.bot.url, 'nl-NL');
  try {
    const body = JSON.stringify(playgroundMessage('help'));
    const stream = new ReadableStream({ start: (c) => { c.enqueue(new TextEncoder().encode(body)); c.close(); } });
    const res = await fetch(`${proxy.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(200);
    expect(t.stub.sentTexts().join('\n')).toMatch(/Wat Wijkbot voor jou kan doen/);
  } finally {
    proxy.close();
  }
});
