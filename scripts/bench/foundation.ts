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
import { postJson } from './load';
import { line, mb, round, summarize, timed } from './stats';

const TURNS = Number(process.env.BENCH_TURNS ?? 1000);
const WARMUP = 100;

/** The same client as every other part (load.ts): kept-alive node:http connections. */
async function post(url: string, body: unknown): Promise<number> {
  return (await postJson(url, body)).status;
}

/**
 * The two bots' turns in alternating blocks of 50 (after a warm-up of each), so a burst of machine noise
 * hits both alike: measured one after the other, a noisy minute could land on one side only (the help
 * ratio moved 1.37 → 1.76 between two runs that way).
 */
async function measureInterleaved(sides: { url: string; make: (i: number) => unknown }[]): Promise<number[][]> {
  for (const side of sides) for (let i = 0; i < WARMUP; i++) await post(side.url, side.make(i));
  const samples = sides.map(() => [] as number[]);
  const BLOCK = 50;
  for (let done = 0; done < TURNS; done += BLOCK) {
    for (const [k, side] of sides.entries()) {
      for (let i = done; i < Math.min(done + BLOCK, TURNS); i++) {
        const body = side.make(WARMUP + i); // built before the clock starts: only the turn is timed
        const [ms, status] = await timed(() => post(side.url, body));
        if (status !== 200) throw new Error(`turn ${i} answered ${status}`);
        samples[k]!.push(ms);
      }
    }
  }
  return samples;
}

export interface FoundationFigures {
  echo: ReturnType<typeof summarize>;
  /** the same echo bot on Wijkbot's adapter (clients kept): the help turn over it is Wijkbot's own cost alone */
  sameAdapterEcho: ReturnType<typeof summarize>;
  help: ReturnType<typeof summarize>;
  ratioMedian: number;
  ratioOverSameAdapterMedian: number;
  ratioP95: number;
  rssAfterTurnsMb: number;
}

export async function benchFoundation(): Promise<FoundationFigures> {
  const t = await startTestBot();
  await importRoster(t.bot);
  const echo = await startEchoBot();
  const sameAdapterEcho = await startEchoBot({ wijkbotAdapter: true });
  try {
    const [sameSamples, echoSamples, helpSamples] = await measureInterleaved([
      { url: sameAdapterEcho.url, make: (i) => personalMessage(t.stub.url, USERS.gpOost, `hallo ${i}`, { id: `same-echo-${i}` }) },
      { url: echo.url, make: (i) => personalMessage(t.stub.url, USERS.gpOost, `hallo ${i}`, { id: `echo-${i}` }) },
      { url: t.bot.url, make: (i) => personalMessage(t.stub.url, USERS.gpOost, 'help', { id: `help-${i}` }) },
    ]);
    const e = summarize(echoSamples!);
    const h = summarize(helpSamples!);
    const rss = process.memoryUsage().rss;
    const same = summarize(sameSamples!);
    return { echo: e, sameAdapterEcho: same, help: h, ratioMedian: round(h.median / e.median), ratioOverSameAdapterMedian: round(h.median / same.median), ratioP95: round(h.p95 / e.p95), rssAfterTurnsMb: mb(rss) };
  } finally {
    await echo.stop();
    await sameAdapterEcho.stop();
    await t.stop();
  }
}

/**
 * Starts the compiled bot (dist/) and times until `probe` answers 200: /readyz (ready for traffic) or
 * /healthz (alive; answers while it is still starting). `viaNpm`: through `npm start` (npm itself and the
 * prestart check that dist is current), as the README's quick start does.
 */
export async function startToReady(dataDir: string, port: number, probe: '/readyz' | '/healthz' = '/readyz', viaNpm = false): Promise<number> {
  const root = path.resolve(__dirname, '../..');
  const t0 = Date.now();
  const [cmd, args] = viaNpm ? ['npm', ['start', '--silent']] : [process.execPath, [path.join(root, 'dist/src/index.js')]];
  const child = spawn(cmd, args, {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
    detached: viaNpm, // its own process group, so the stop reaches the bot under npm and sh
  });
  try {
    for (;;) {
      if (Date.now() - t0 > 60_000) throw new Error('bot not ready within 60 s');
      try {
        const res = await fetch(`http://127.0.0.1:${port}${probe}`);
        if (res.status === 200) return Date.now() - t0;
      } catch {
        /* not listening yet */
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    // npm start: npm's child (sh, then node) gets the signal through the process group
    if (viaNpm && child.pid) process.kill(-child.pid, 'SIGTERM');
    else child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

export async function benchStartup(): Promise<{ firstStartMs: number; warmStartMs: number; firstStartHealthzMs: number; firstNpmStartHealthzMs: number; template: string }> {
  // what a first start after `npm install` sees: a template with every migration (one added since the
  // install would make the first start run migrate deploy, which is right but not what is measured here)
  let template = 'current';
  if (!templateIsCurrent()) {
    await buildMigratedFile(installTemplatePath());
    template = 'rebuilt first (older than the migrations, as after adding one without npm install)';
  }
  const dirs = [1, 2, 3].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'wijkbot-bench-start-')));
  try {
    const firstStartHealthzMs = await startToReady(dirs[1]!, 39873, '/healthz');
    const firstNpmStartHealthzMs = await startToReady(dirs[2]!, 39874, '/healthz', true);
    const firstStartMs = await startToReady(dirs[0]!, 39871);
    const warmStartMs = await startToReady(dirs[0]!, 39872);
    return { firstStartMs, warmStartMs, firstStartHealthzMs, firstNpmStartHealthzMs, template };
  } finally {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchFoundation().then((f) => {
    line('echo floor (ms)', f.echo);
    line('echo floor on Wijkbot\'s adapter (ms)', f.sameAdapterEcho);
    line('help turn (ms)', f.help);
    line('ratio median / p95', `${f.ratioMedian} / ${f.ratioP95}`);
    line('RSS after turns (MB)', f.rssAfterTurnsMb);
  });
}
