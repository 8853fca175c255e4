/**
 * Refused tokens and the log: botbuilder's token check prints on its own (console.error of a whole
 * TokenExpiredError, or "Error finding key for token. Available keys: <the PEM key>"). Anyone on the
 * internet can send such requests, so the bot runs as a process here, the way `npm start` runs it, and
 * everything it writes to stdout and stderr is read back: JSON lines only, no stack, no key, no token,
 * and a flood gives a bounded number of lines.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { personalMessage } from '../support/activities';
import { USERS } from '../support/roster';
import { TokenIssuer } from '../support/tokenIssuer';

const ROOT = path.resolve(__dirname, '../..');
const APP_ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
const TENANT = '50612dbb-0237-4969-b378-8d42590f9c00';

let issuer: TokenIssuer;
let dir: string;
beforeAll(async () => {
  issuer = await new TokenIssuer().start();
});
afterAll(async () => issuer.stop());
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkbot-authlog-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function waitForReady(port: number, exited: Promise<unknown>): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const t0 = Date.now();
  for (;;) {
    if (gone) throw new Error('the bot stopped before it was ready');
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200) return; // ready: the bot is mounted and has logged its start
    } catch {
      /* not yet */
    }
    if (Date.now() - t0 > 45_000) throw new Error('not ready in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

test('expired and badly signed tokens get 401 and at most one JSON line per kind, without stack, key or token, however many arrive', async () => {
  const port = 44000 + Math.floor(Math.random() * 2000);
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/index.ts')], {
    cwd: ROOT,
    env: {
      ...process.env, LOG_LEVEL: 'info', DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'false',
      APP_SECRET: 'a-test-secret-that-is-long-enough-0123456789',
      MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'not-used-offline', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT,
      ...issuer.env(),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForReady(port, exited);
    await new Promise((r) => setTimeout(r, 300)); // start-up lines are written; what follows is the flood's
    const activity = personalMessage('https://smba.trafficmanager.net/emea/', USERS.gpOost, 'wie ben ik');
    const claims = { aud: APP_ID, serviceurl: activity.serviceUrl };
    const expired = issuer.sign(claims, { expiresInSec: -3600 });
    // same kid and issuer as the real key, signed with another private key: the signature does not verify
    const forged = new TokenIssuer().sign(claims, { issuer: issuer.issuer });
    const post = (token: string) => fetch(`http://127.0.0.1:${port}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(activity),
    }).then(async (r) => ({ status: r.status, body: await r.text() }));

    const before = out.split('\n').filter((l) => l.trim()).length;
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) {
      for (const token of [expired, forged]) {
        const res = await post(token);
        statuses.push(res.status);
        expect(res.body).not.toMatch(/expired|signature|key|stack/i);
      }
    }
    expect(new Set(statuses)).toEqual(new Set([401]));
    await new Promise((r) => setTimeout(r, 300)); // let the last writes reach the pipes

    const lines = out.split('\n').filter((l) => l.trim());
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(out).not.toMatch(/\n\s+at\s|TokenExpiredError:|Error finding key|BEGIN PUBLIC KEY|BEGIN RSA/);
    expect(out).not.toContain(expired.split('.')[2]!);
    expect(out).not.toContain(forged.split('.')[2]!);
    expect(out).not.toMatch(/[A-Za-z0-9+/]{60,}/); // a PEM key line is 64 base64 characters

    const refusals = lines.slice(before).map((l) => JSON.parse(l)).filter((l) => /authentication failed/.test(l.msg));
    expect(refusals.map((l) => l.kind).sort()).toEqual(['bad-signature', 'expired']);
    expect(lines.length - before).toBeLessThanOrEqual(4);
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}, 120_000);
