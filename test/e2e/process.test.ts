/**
 * The bot as a process, the way `npm start` runs it: configuration errors, first start with demo data,
 * and a graceful stop on SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '../../src/db/client';
import { overwritePages } from '../support/dbDamage';
import { TEMPLATE_DB } from '../support/globalSetup';

const ROOT = path.resolve(__dirname, '../..');

function startProcess(env: Record<string, string>, as?: { uid: number; gid: number }) {
  // node itself with tsx as a loader (not tsx's CLI, whose second process a kill would miss)
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/index.ts')], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'], ...as });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  started.push(child);
  return { child, exited, out: () => stdout, err: () => stderr };
}

/** Ready = started completely (/readyz 200); /healthz already answers while the bot is still starting. */
// generous: on a loaded machine (several test files start processes at once) a start can take 20–30 s
async function waitForReady(port: number, timeoutMs = 75_000): Promise<Response> {
  const t0 = Date.now();
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (res.status === 200) return res;
    } catch {
      /* not yet */
    }
    if (Date.now() - t0 > timeoutMs) throw new Error('not ready in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Children still running after a test (it failed half-way) are killed, so none outlives the run. */
const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkbot-proc-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test.each([
  [{ PORT: 'abc' }, 'PORT'],
  [{ ALLOWED_TENANTS: 'contoso' }, 'ALLOWED_TENANTS'],
  [{ MicrosoftAppId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' }, 'MicrosoftAppPassword'],
  [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
])('a wrong setting %j stops the bot with one clear line naming %s', async (env, name) => {
  const p = startProcess({ DATA_DIR: dir, ...env });
  expect(await p.exited).toBe(1);
  const lines = p.err().split('\n').filter((l) => l.trim() && !l.includes('npm warn'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(name);
  expect(lines[0]).not.toMatch(/\s+at\s/);
}, 30_000);

test.each([
  ['pages 3–6 overwritten', (file: string) => overwritePages(file, 3, 6), /beschadigd \(.*malformed.*\)/],
  ['a header that is not SQLite', (file: string) => fs.writeFileSync(file, 'dit is geen database\n'.repeat(500)), /beschadigd \(.*not a database.*\)/],
])('a database with %s is refused at start with one clear line naming the file and the way out', async (_case, damage, cause) => {
  const file = path.join(dir, 'wijkbot.db');
  fs.copyFileSync(TEMPLATE_DB, file);
  damage(file);
  const before = fs.readFileSync(file);
  // SEED_DEMO=false as in the report: nothing reads a damaged table at start, and the bot used to run on
  const p = startProcess({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'false' });
  const ran = new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), 50_000).unref());
  const outcome = await Promise.race([p.exited, ran]);
  if (outcome === 'still running') p.child.kill('SIGKILL');
  expect(outcome).toBe(1);
  const lines = p.err().split('\n').filter((l) => l.trim() && !l.includes('npm warn'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(cause);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toContain('npm run restore');
  expect(lines[0]).not.toMatch(/\s+at\s|Invalid `/);
  expect(fs.readFileSync(file).equals(before)).toBe(true); // refused before anything wrote to it
}, 70_000);

test('first start creates and migrates the database, loads demo data, warns about anonymous mode, and stops cleanly on SIGTERM', async () => {
  const port = 40000 + Math.floor(Math.random() * 2000);
  const p = startProcess({ DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1' });
  const res = await waitForReady(port);
  expect(await res.json()).toMatchObject({ status: 'ready', database: 'ok', migrations: 'ok', socialMap: 'ok' });
  expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toMatchObject({ status: 'ok', database: 'ok' });
  expect(p.out()).toContain('ANONYMOUS DEVELOPMENT MODE');
  expect(p.out()).toContain('new database created from the migrated install-time template'); // made by npm install
  p.child.kill('SIGTERM');
  expect(await p.exited).toBe(0);
  const db = createDb(path.join(dir, 'wijkbot.db'));
  try {
    expect(await db.wijkGroup.count()).toBeGreaterThanOrEqual(13);
  } finally {
    await db.$disconnect();
  }
}, 90_000);

test('SEED_DEMO=false starts with an empty database', async () => {
  const port = 42000 + Math.floor(Math.random() * 2000);
  const p = startProcess({ DATA_DIR: dir, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'false' });
  await waitForReady(port);
  p.child.kill('SIGTERM');
  expect(await p.exited).toBe(0);
  const db = createDb(path.join(dir, 'wijkbot.db'));
  try {
    expect(await db.wijkGroup.count()).toBe(0);
  } finally {
    await db.$disconnect();
  }
}, 90_000);

test('stop() releases everything it holds: after serving turns and stopping, the process ends on its own', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'test/support/children/startServeStop.ts')], { cwd: ROOT, env: { ...process.env, DATA_DIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  // The child never calls process.exit: a leaked server, socket, timer or connection keeps it alive.
  // The clock for "hung" starts when stop() has returned, not at spawn: start-up (tsx compiling, demo
  // data) takes 5-25 s on a loaded machine and says nothing about what stop() leaves behind.
  const stopped = new Promise<void>((resolve) => {
    const check = () => { if (/stopped after/.test(out)) resolve(); };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
  });
  const hung = Promise.race([stopped, exited]).then(() => new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 10_000).unref()));
  const outcome = await Promise.race([exited, hung]);
  if (outcome === 'hung') child.kill('SIGKILL');
  expect({ outcome, out }).toMatchObject({ outcome: 0 });
  expect(out).toMatch(/stopped after [1-9]\d* connector calls/);
}, 90_000);

describe('a start that cannot succeed ends with one line on stderr naming the cause and the setting to change, and no stack', () => {
  const SECRET = 'a-test-secret-that-is-long-enough-0123456789';

  async function refusedStart(env: Record<string, string>, as?: { uid: number; gid: number }): Promise<string> {
    const p = startProcess({ PORT: '0', HOST: '127.0.0.1', APP_SECRET: SECRET, ...env }, as);
    expect(await p.exited).toBe(1);
    const lines = p.err().split('\n').filter((l) => l.trim() && !l.includes('npm warn'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/\s+at\s|Error:|invocation/);
    return lines[0]!;
  }

  test('the port is in use', async () => {
    const other = net.createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as net.AddressInfo).port;
    try {
      const line = await refusedStart({ DATA_DIR: dir, PORT: String(port) });
      expect(line).toContain('EADDRINUSE');
      expect(line).toContain('PORT');
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  }, 60_000);

  test('DATA_DIR is a file', async () => {
    const file = path.join(dir, 'not-a-dir');
    fs.writeFileSync(file, 'x');
    expect(await refusedStart({ DATA_DIR: file })).toMatch(/^DATA_DIR .* is een bestand, geen map.*DATA_DIR/);
  }, 60_000);

  // As root, permissions do not stop a write: the bot then runs as 'nobody', when that user can read the checkout.
  const root = process.getuid?.() === 0;
  const readableByOthers = (() => {
    for (let d = ROOT; ; d = path.dirname(d)) {
      if ((fs.statSync(d).mode & 0o005) !== 0o005) return false;
      if (path.dirname(d) === d) return true;
    }
  })();
  (root && !readableByOthers ? test.skip : test)('DATA_DIR is read-only', async () => {
    const ro = path.join(dir, 'readonly');
    fs.mkdirSync(ro);
    fs.chmodSync(ro, 0o555);
    fs.chmodSync(dir, 0o755);
    const line = await refusedStart({ DATA_DIR: ro }, root ? { uid: 65534, gid: 65534 } : undefined);
    expect(line).toMatch(/^DATA_DIR .* is niet schrijfbaar \(EACCES\).*DATA_DIR/);
    fs.chmodSync(ro, 0o755);
  }, 60_000);

  test('secret.key is empty', async () => {
    fs.writeFileSync(path.join(dir, 'secret.key'), '');
    const line = await refusedStart({ DATA_DIR: dir, APP_SECRET: '' });
    expect(line).toContain('secret.key is 0 bytes, minstens 32 nodig');
    expect(line).toContain('APP_SECRET');
  }, 60_000);

  test('APP_SECRET is too short', async () => {
    expect(await refusedStart({ DATA_DIR: dir, APP_SECRET: 'kort' })).toMatch(/^Ongeldige configuratie: APP_SECRET is korter dan 32 bytes/);
  }, 60_000);
});
