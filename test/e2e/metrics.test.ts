/**
 * GET /metrics through real HTTP: what a turn, a refused card action, a throttled proactive post, the job
 * queue and the social map leave in the Prometheus text, that no user text, name or id ends up in a label,
 * and who may read it (a bearer token from METRICS_TOKEN, otherwise loopback only).
 */
import os from 'node:os';
import { loadConfig } from '../../src/config';
import { actionExecute, botAddedToTeam, channelMessage, personalMessage, TENANT } from '../support/activities';
import { startTestBot, type TestBot } from '../support/harness';
import { importRoster, USERS } from '../support/roster';

const TOKEN = 'metrics-token-for-tests-0123456789abcdef';

async function scrape(t: TestBot, headers: Record<string, string> = {}): Promise<{ status: number; type: string | null; text: string }> {
  const res = await fetch(`${t.bot.url}/metrics`, { headers });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}

/** The value of one series, e.g. value(text, 'wijkbot_turns_total', { kind: 'message', route: 'help', result: 'ok' }). */
function value(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+)(?:\{([^}]*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3]);
  }
  return undefined;
}

function nonLoopbackAddress(): string {
  for (const list of Object.values(os.networkInterfaces())) {
    for (const a of list ?? []) if (!a.internal && a.family === 'IPv4') return a.address;
  }
  throw new Error('this machine has no non-loopback IPv4 address to test the loopback-only rule with');
}

describe('without METRICS_TOKEN', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot({ env: { HOST: '0.0.0.0' } });
    await importRoster(t.bot);
  });
  afterEach(async () => t.stop());

  test('turns are counted by kind, route from the route table and result, with latency, and no user text, name or id in any label', async () => {
    const secretish = 'fysio bekkenbodem Oostelijke Eilanden xyzzy';
    await t.post(personalMessage(t.stub.url, USERS.gpOost, 'help'));
    await t.post(personalMessage(t.stub.url, USERS.gpOost, 'help'));
    await t.post(personalMessage(t.stub.url, USERS.gpOost, secretish)); // a social-map lookup
    await t.post(channelMessage(t.stub.url, USERS.gpOost, 'plugh is geen commando'));
    const again = personalMessage(t.stub.url, USERS.gpOost2, 'wie ben ik');
    await t.post(again);
    await t.post(again); // Teams redelivering
    await t.post(actionExecute(t.stub.url, USERS.gpOost, 'poll.vote', { pollId: 999_999, option: 0 })); // refused: no such poll
    await t.post(actionExecute(t.stub.url, USERS.gpOost, 'no.such.verb.=HYPERLINK()', {}));
    await t.post(personalMessage(t.stub.url, USERS.gpOost, 'help', { tenant: '11111111-2222-4333-8444-555555555555' })); // accepted: no allow-list here

    const m = await scrape(t);
    expect(m.status).toBe(200);
    expect(m.type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(value(m.text, 'wijkbot_turns_total', { kind: 'message', route: 'help', result: 'ok' })).toBe(3);
    expect(value(m.text, 'wijkbot_turns_total', { kind: 'message', route: 'lookup', result: 'ok' })).toBe(1);
    expect(value(m.text, 'wijkbot_turns_total', { kind: 'message', route: 'unknown', result: 'ok' })).toBe(1);
    expect(value(m.text, 'wijkbot_turns_total', { kind: 'message', route: 'wie ben ik', result: 'ok' })).toBe(1);
    expect(value(m.text, 'wijkbot_turns_total', { kind: 'message', route: 'none', result: 'redelivered' })).toBe(1);
    expect(value(m.text, 'wijkbot_turns_total', { kind: 'card_action', route: 'poll.vote', result: 'refused' })).toBe(1);
    expect(value(m.text, 'wijkbot_turns_total', { kind: 'card_action', route: 'unknown', result: 'refused' })).toBe(1);
    expect(value(m.text, 'wijkbot_turn_duration_seconds_count', { kind: 'message', route: 'help' })).toBe(3);
    expect(value(m.text, 'wijkbot_turn_duration_seconds_bucket', { kind: 'message', route: 'help', le: '+Inf' })).toBe(3);
    expect(value(m.text, 'wijkbot_social_map_loaded')).toBe(1);
    expect(value(m.text, 'wijkbot_social_map_partners')).toBeGreaterThanOrEqual(0);
    expect(value(m.text, 'wijkbot_social_map_index_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(value(m.text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);

    // nothing personal: no text typed, no verb typed that the route table does not have, no names or ids
    for (const leak of [secretish, 'Oostelijke', 'plugh', 'HYPERLINK', USERS.gpOost.aad, USERS.gpOost.name, 'Dirk', TENANT, '11111111-2222', 'personal-']) {
      expect(m.text).not.toContain(leak);
    }
  });

  test('a proactive post that Teams throttles (429) counts the retry and the send; the job queue shows depth and the oldest due job', async () => {
    await t.post(botAddedToTeam(t.stub.url));
    await t.post(channelMessage(t.stub.url, USERS.coordOost, 'koppel Oost'));
    const group = await t.bot.services.db.wijkGroup.findUniqueOrThrow({ where: { slug: 'oost' } });
    t.stub.failNext(429, 2);
    await t.bot.services.proactive.postToGroup(group.id, { text: 'na twee keer 429' });
    // a job that was due an hour ago and has not run (the test bot polls no timer)
    const now = t.bot.services.clock();
    await t.bot.services.jobs.schedule('housekeeping.purge', 'metrics-test-overdue', new Date(now.getTime() - 3_600_000));

    const m = await scrape(t);
    expect(value(m.text, 'wijkbot_connector_retries_total', { status: '429' })).toBe(2);
    expect(value(m.text, 'wijkbot_proactive_calls_total', { operation: 'send', result: 'ok' })).toBe(1);
    expect(value(m.text, 'wijkbot_proactive_duration_seconds_count', { operation: 'send' })).toBe(1);
    expect(value(m.text, 'wijkbot_jobs', { state: 'due' })).toBe(1);
    expect(value(m.text, 'wijkbot_jobs', { state: 'scheduled' })).toBeGreaterThanOrEqual(2); // housekeeping and back-up, planned at start
    expect(value(m.text, 'wijkbot_jobs_oldest_due_age_seconds')).toBeGreaterThanOrEqual(3_599);

    await t.bot.services.jobs.runDue();
    const after = await scrape(t);
    expect(value(after.text, 'wijkbot_job_runs_total', { kind: 'housekeeping.purge', result: 'done' })).toBe(1);
    expect(value(after.text, 'wijkbot_jobs', { state: 'due' })).toBe(0);
    expect(value(after.text, 'wijkbot_jobs_oldest_due_age_seconds')).toBe(0);
  });

  test('failed database queries are counted by kind, without their text', async () => {
    const db = t.bot.services.db;
    await expect(db.wijkGroup.create({ data: { name: 'Oost bis', slug: 'oost' } })).rejects.toBeTruthy();
    const m = await scrape(t);
    expect(value(m.text, 'wijkbot_database_errors_total', { kind: 'unique_violation' })).toBe(1);
    expect(m.text).not.toContain('Oost bis');
  });

  test('a scrape from another machine (not loopback) is refused with 403, while /healthz stays open', async () => {
    const base = `http://${nonLoopbackAddress()}:${t.bot.port}`;
    const res = await fetch(`${base}/metrics`, { headers: { 'X-Forwarded-For': '127.0.0.1' } }); // a header proves nothing
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('wijkbot_turns_total');
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await scrape(t)).status).toBe(200); // the same bot over loopback
  });
});

describe('with METRICS_TOKEN', () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot({ env: { METRICS_TOKEN: TOKEN, HOST: '0.0.0.0' } });
  });
  afterEach(async () => t.stop());

  test('only a request with the bearer token is served, from loopback as from elsewhere', async () => {
    const none = await fetch(`${t.bot.url}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expect((await scrape(t, { Authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
    expect((await scrape(t, { Authorization: `Basic ${Buffer.from(`x:${TOKEN}`).toString('base64')}` })).status).toBe(401);
    const ok = await scrape(t, { Authorization: `Bearer ${TOKEN}` });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('# TYPE wijkbot_turns_total counter');
    const remote = await fetch(`http://${nonLoopbackAddress()}:${t.bot.port}/metrics`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(remote.status).toBe(200);
  });

  test('a token shorter than 32 characters is a configuration error naming METRICS_TOKEN', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/^Ongeldige configuratie: METRICS_TOKEN moet minstens 32 tekens/);
  });
});
