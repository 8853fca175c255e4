/**
 * `npm run bench`: prints the figures each issue asks for. Figures, not pass/fail: targets are printed
 * beside them. Machine noise is reported too (load average, and how much the echo floor moved between
 * its two measurements), because this runs on a shared 2-core machine.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import globalSetup from '../../test/support/globalSetup';
import { benchFoundation, benchStartup } from './foundation';
import { line, round } from './stats';

const ROOT = path.resolve(__dirname, '../..');

type Bench = { title: string; file: string; fn: string };
const FEATURE_BENCHES: Bench[] = [
  { title: 'Sociale kaart', file: 'socialMap.ts', fn: 'benchSocialMap' },
  { title: 'FTO/PaTz meetings', file: 'meetings.ts', fn: 'benchMeetings' },
  { title: 'Klankbord polls', file: 'polls.ts', fn: 'runPollStorm' },
  { title: 'Meeting summaries (privacy guard)', file: 'summaries.ts', fn: 'benchSummaries' },
  { title: 'Conversation: intent layer (what a message means)', file: 'intent.ts', fn: 'benchIntent' },
  { title: 'Netwerkkaart (render of a wijk with 200 partners)', file: 'networkMap.ts', fn: 'benchNetworkMap' },
  { title: 'Roster import into a running bot (20,000 rows)', file: 'rosterImport.ts', fn: 'benchRosterImport' },
  { title: 'Scale-out: SQLite vs PostgreSQL, one vs two instances', file: 'scaleOut.ts', fn: 'benchScaleOut' },
];

/**
 * Each part runs in a fresh process: run one after another in this one, a part inherited the heap of the
 * parts before it (the sociale kaart's 100,000 partners leave ~900 MB RSS), so its figures depended on
 * which parts ran first, and its storms paid for collecting a heap that was not theirs.
 */
function runPart(b: Bench): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [require.resolve('tsx/cli'), path.join(__dirname, 'runPart.ts'), b.file, b.fn], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => {
      const figures = out.split('\n').find((l) => l.startsWith('FIGURES '));
      if (code !== 0 || !figures) reject(new Error(`bench part ${b.file} ended with code ${code}`));
      else resolve(JSON.parse(figures.slice('FIGURES '.length)) as Record<string, unknown>);
    });
  });
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  console.log(`Wijkbot benchmarks — ${new Date().toISOString()}`);
  console.log(`machine: ${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}, load avg ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  await globalSetup();

  if (!only.length || only.includes('foundation')) {
    console.log('\n== Foundation (target: help turn ≤ 1.5× echo floor; start-to-ready ≤ 3 s)');
    const f = await benchFoundation();
    line('echo floor, message turn (ms)', f.echo);
    line('echo floor on Wijkbot\'s adapter, clients kept (ms)', f.sameAdapterEcho);
    line('Wijkbot\'s adapter over the stock one, echo median', round(f.sameAdapterEcho.median / f.echo.median));
    line('help turn (ms)', f.help);
    line('ratio help/echo, median | p95', `${f.ratioMedian} | ${f.ratioP95}`);
    line('ratio help/echo on Wijkbot\'s adapter (own cost alone), median', f.ratioOverSameAdapterMedian);
    line('RSS after the turns (MB)', f.rssAfterTurnsMb);
    // npm start's prestart: the check that dist is current (scripts/build.cjs); brought up to date first
    const check = () => execFileSync(process.execPath, ['scripts/build.cjs', 'start'], { cwd: ROOT, stdio: 'inherit' });
    check();
    const t0 = performance.now();
    check();
    line('npm start check step, nothing changed (ms)', Math.round(performance.now() - t0));
    const s = await benchStartup();
    line('first start to /healthz, node dist (target ≤ 2 s) ms', s.firstStartHealthzMs);
    line('first start to /healthz, npm start ms', s.firstNpmStartHealthzMs);
    line('start-to-ready, first start (migrate + demo data) ms', s.firstStartMs);
    line('start-to-ready, warm restart ms', s.warmStartMs);
    line('install-time database template', s.template);
  }

  for (const b of FEATURE_BENCHES) {
    const file = path.join(__dirname, b.file);
    if (!fs.existsSync(file)) continue;
    if (only.length && !only.some((o) => b.file.startsWith(o))) continue;
    console.log(`\n== ${b.title}`);
    const figures = await runPart(b);
    for (const [k, v] of Object.entries(figures)) line(k, v);
  }
  console.log(`\nload avg at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(`bench mislukt: ${(err as Error).stack}`);
    process.exit(1);
  },
);
