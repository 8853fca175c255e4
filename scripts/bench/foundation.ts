/**
 * Foundation figures: median/p95 HTTP round trip of a `help` turn vs the echo floor, RSS after 1,000 turns,
 * and start-to-ready of the compiled bot (first start: migrate + demo data; warm restart).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { personalMessage } from '../../test/support/activities';
import { startTestBot } from '../../test/support/harness';
import { importRoster, USERS } from '../../test/support/roster';
import { buildMigratedFile, installTemplatePath, templateIsCurrent } from '../../src/db/migrate';
import { startEchoBot } from './echoBot';
import { line, mb, summarize, timed } from './stats';

const TURNS = Number(process.env.BENCH_TURNS ?? 1000);
const WARMUP = 100;

async function post(url: string, body: unknown): Promise<number> {
  const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  await res.arrayBuffer();
  return res.status;
}

async function measureTurns(url: string, make: (i: number) => unknown): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await post(url, make(i));
  const samples: number[] = [];
  for (let i = 0; i < TURNS; i++) {
    const [ms, status] = await timed(() => post(url, make(WARMUP + i)));
    if (status !== 200) throw new Error(`turn ${i} answered ${status}`);
    samples.push(ms);
  }
  return samples;
}

export interface FoundationFigures {
  echo: ReturnType<typeof summarize>;
  help: ReturnType<typeof summarize>;
  ratioMedian: number;
  ratioP95: number;
  rssAfterTurnsMb: number;
}

export async function benchFoundation(): Promise<FoundationFigures> {
  const t = await startTestBot();
  await importRoster(t.bot);
  const echo = await startEchoBot();
  try {
    // interleave the two so machine noise hits both alike
    const echoSamples = await measureTurns(echo.url, (i) => personalMessage(t.stub.url, USERS.gpOost, `hallo ${i}`, { id: `echo-${i}` }));
    const helpSamples = await measureTurns(t.bot.url, (i) => personalMessage(t.stub.url, USERS.gpOost, 'help', { id: `help-${i}` }));
    const echo2 = await measureTurns(echo.url, (i) => personalMessage(t.stub.url, USERS.gpOost, `hallo ${i}`, { id: `echo2-${i}` }));
    const e = summarize([...echoSamples, ...echo2]);
    const h = summarize(helpSamples);
    const rss = process.memoryUsage().rss;
    return { echo: e, help: h, ratioMedian: Math.round((h.median / e.median) * 100) / 100, ratioP95: Math.round((h.p95 / e.p95) * 100) / 100, rssAfterTurnsMb: mb(rss) };
  } finally {
    await echo.stop();
    await t.stop();
  }
}

/** Starts the compiled bot (dist/) as `npm start` does and times until /readyz answers 200 (/healthz answers while it is still starting). */
export async function startToReady(dataDir: string, port: number): Promise<number> {
  const root = path.resolve(__dirname, '../..');
  const t0 = Date.now();
  const child = spawn(process.execPath, [path.join(root, 'dist/src/index.js')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    for (;;) {
      if (Date.now() - t0 > 60_000) throw new Error('bot not ready within 60 s');
      try {
        const res = await fetch(`http://127.0.0.1:${port}/readyz`);
        if (res.status === 200) return Date.now() - t0;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function benchStartup(): Promise<{ firstStartMs: number; warmStartMs: number; template: string }> {
  // what a first start after `npm install` sees: a template with every migration (one added since the
  // install would make the first start run migrate deploy, which is right but not what is measured here)
  let template = 'current';
  if (!templateIsCurrent()) {
    await buildMigratedFile(installTemplatePath());
    template = 'rebuilt first (older than the migrations, as after adding one without npm install)';
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkbot-bench-start-'));
  try {
    const firstStartMs = await startToReady(dir, 39871);
    const warmStartMs = await startToReady(dir, 39872);
    return { firstStartMs, warmStartMs, template };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchFoundation().then((f) => {
    line('echo floor (ms)', f.echo);
    line('help turn (ms)', f.help);
    line('ratio median / p95', `${f.ratioMedian} / ${f.ratioP95}`);
    line('RSS after turns (MB)', f.rssAfterTurnsMb);
  });
}
