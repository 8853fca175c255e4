/**
 * A production start does no build and no development work: the built output, staged with
 * `npm run release`, installed with `npm ci --omit=dev` in a fresh folder, starts with `node
 * dist/src/index.js`, answers /healthz and /readyz, and its operator tools (npm run backup) work there.
 *
 * Slow on purpose (a real build and a real install from the registry, ~1–3 minutes on a loaded machine):
 * the generous timeouts are for that, not for the bot, which must be ready within 60 s of its start.
 */
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { stageRelease } from '../../scripts/release';
import { freePort } from '../support/ports';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

/** The environment without what `npm test` and jest add (npm_config_*, NODE_ENV=test): an operator's shell. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && !['NODE_ENV', 'INIT_CWD', 'JEST_WORKER_ID'].includes(k)) env[k] = v;
  return { ...env, ...extra };
}


let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkbot-release-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test('build, npm ci --omit=dev in a fresh folder, node dist/src/index.js: healthy and ready, no development packages, operator tools work', async () => {
  // 1. build (what `npm run build` does), into a folder of its own so the checkout's dist/ is left alone
  const build = path.join(tmp, 'build');
  await run(process.execPath, [require.resolve('typescript/bin/tsc', { paths: [ROOT] }), '-p', 'tsconfig.build.json', '--outDir', path.join(build, 'dist')], { cwd: ROOT });

  // 2. stage and install production dependencies only, from the registry (the lock file decides versions)
  const release = path.join(tmp, 'release');
  const staged = stageRelease(release, ROOT, path.join(build, 'dist'));
  expect(staged).toEqual(expect.arrayContaining(['dist', 'package-lock.json', 'prisma', 'cards']));
  expect(fs.existsSync(path.join(release, 'test'))).toBe(false);
  expect(fs.existsSync(path.join(release, 'src', 'generated'))).toBe(false);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  await run(npm, ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], { cwd: release, env: cleanEnv(), maxBuffer: 32 * 1024 * 1024 });
  // (typescript itself does come along: it is an optional peer of prisma, which npm keeps with --omit=dev)
  for (const devOnly of ['jest', 'ts-jest', '@microsoft/m365agentsplayground', 'playwright-core', '@microsoft/app-manifest', 'adaptivecards']) {
    expect({ devOnly, installed: fs.existsSync(path.join(release, 'node_modules', devOnly)) }).toEqual({ devOnly, installed: false });
  }
  expect(fs.existsSync(path.join(release, 'node_modules', '.cache', 'wijkbot', 'migrated-empty.db'))).toBe(true); // postinstall ran

  // 3. start the built output as a server would, and ask it how it is
  const port = await freePort();
  const dataDir = path.join(tmp, 'data');
  const child = spawn(process.execPath, ['dist/src/index.js'], {
    cwd: release,
    env: cleanEnv({ PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'false', LOG_LEVEL: 'info' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    const t0 = Date.now();
    let ready: Response | undefined;
    while (!ready && Date.now() - t0 < 60_000) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        if (res.status === 200) ready = res;
      } catch {
        /* not listening yet */
      }
      if (!ready) await new Promise((r) => setTimeout(r, 100));
    }
    expect({ ready: !!ready, err }).toEqual({ ready: true, err: '' });
    expect(await ready!.json()).toMatchObject({ status: 'ready', database: 'ok', migrations: 'ok' });
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok' });
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exited).toBe(0);
  const lines = out.split('\n').filter(Boolean);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) expect(() => JSON.parse(line)).not.toThrow(); // JSON logs only, nothing from a build
  expect(out).toContain('new database created from the migrated install-time template');

  // 4. an operator tool in the production install (tsx is a production dependency)
  const backup = await run(npm, ['run', '--silent', 'backup', '--', path.join(tmp, 'first.db')], { cwd: release, env: cleanEnv({ DATA_DIR: dataDir }) });
  expect(backup.stdout).toMatch(/^Back-up gemaakt: /);
}, 900_000);
