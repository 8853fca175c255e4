/**
 * What a newcomer runs with `npm run playground` — Wijkbot with the demo data, the locale proxy and the
 * Microsoft 365 Agents Playground — plus Debian's Chromium driven by playwright-core, for tests that look
 * at Wijkbot as a person does. Everything listens on free loopback ports (other tests and engineers run in
 * parallel) and everything started here is stopped by `stop()`, also after a failure; a process exit kills
 * the Playground as a last resort.
 *
 * Never a browser download: Chromium comes from the Debian package (scripts/ensure-chromium.sh installs it
 * when missing, as root, which CI is).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startWijkbot, type RunningWijkbot } from '../../src';
import { localeProxy } from '../../scripts/playground';
import { freePort } from './ports';

const ROOT = path.resolve(__dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';
const TEMPLATE_DB = path.join(ROOT, '.test-tmp/template.db');

/** Installs Debian's chromium when it is missing (bounded: apt has its own timeouts, and so does this). */
export function ensureChromium(): void {
  if (fs.existsSync(CHROMIUM)) return;
  const r = spawnSync('bash', [path.join(ROOT, 'scripts/ensure-chromium.sh')], { encoding: 'utf8', timeout: 6 * 60_000 });
  if (r.status !== 0 || !fs.existsSync(CHROMIUM)) {
    throw new Error(`Chromium (${CHROMIUM}) is missing and could not be installed: ${(r.stderr || r.error?.message || '').trim().slice(-500)}`);
  }
}

/** Resolves with the port the Playground says it listens on; rejects when it exits or takes too long. */
function listeningPort(child: ChildProcess, timeoutMs: number, log: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the Playground did not start within ${timeoutMs} ms:\n${log.join('')}`)), timeoutMs);
    const onData = (d: Buffer) => {
      log.push(d.toString());
      const m = /Listening on (\d+)/.exec(log.join(''));
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d: Buffer) => log.push(d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the Playground exited (${code}) before it listened:\n${log.join('')}`));
    });
  });
}

export interface PlaygroundSession {
  bot: RunningWijkbot;
  page: Page;
  url: string;
  /** what the Playground printed (for a failure message) */
  log: string[];
  stop(): Promise<void>;
}

export async function startPlaygroundSession(opts: { startTimeoutMs?: number } = {}): Promise<PlaygroundSession> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkbot-browser-'));
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dataDir);
  fs.copyFileSync(TEMPLATE_DB, path.join(dataDir, 'wijkbot.db'));
  const log: string[] = [];
  let bot: RunningWijkbot | undefined;
  let proxy: { close(): void } | undefined;
  let child: ChildProcess | undefined;
  let context: BrowserContext | undefined;
  const killChild = () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killChild);

  const stop = async () => {
    await context?.close().catch(() => undefined);
    context = undefined;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      const hung = setTimeout(killChild, 5_000);
      await exited;
      clearTimeout(hung);
    }
    process.removeListener('exit', killChild);
    proxy?.close();
    await bot?.stop().catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    bot = await startWijkbot({
      env: {
        PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SEED_DEMO: 'true', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
        APP_SECRET: 'browser-test-secret-browser-test-secret-0123', JOBS_POLL_MS: '1000',
      },
    });
    const p = await localeProxy(bot.url, 'nl-NL');
    proxy = p;
    // a free port, handed to the Playground together with its own connector URL; if it had to take
    // another one (taken meanwhile), the bot's replies would go nowhere: then try again
    let port = 0;
    for (let attempt = 0; attempt < 3 && !port; attempt++) {
      const wanted = await freePort();
      log.length = 0;
      child = spawn(process.execPath, [
        '-r', path.join(ROOT, 'scripts/loopback-preload.cjs'), require.resolve('@microsoft/m365agentsplayground/cli.js'),
        '-e', `${p.url}/api/messages`, '-c', 'msteams', '-p', String(wanted), '--service-url', `http://127.0.0.1:${wanted}/_connector`, '--disable-telemetry',
      ], {
        cwd: dir, // it writes a devTools folder where it runs
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', M365_AGENTS_PLAYGROUND_LOGFILE: path.join(dir, 'playground.log') },
      });
      const got = await listeningPort(child, opts.startTimeoutMs ?? 90_000, log);
      if (got === wanted) port = got;
      else killChild();
    }
    if (!port) throw new Error('the Playground could not get a free port');

    context = await chromium.launchPersistentContext(path.join(dir, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      timeout: 60_000,
      viewport: { width: 1400, height: 1000 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = context.pages()[0] ?? (await context.newPage());
    return { bot, page, url: `http://127.0.0.1:${port}`, log, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
