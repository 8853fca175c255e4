/**
 * Wijkbot instances as real processes (`node src/index.ts`, as `npm start` runs it), for the chaos tests
 * and the scale-out benchmark: start on a free port, wait for /readyz, post activities, kill.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './ports';

const ROOT = path.resolve(__dirname, '../..');

export interface Instance {
  name: string;
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Every instance started and not yet ended (so a test's teardown can kill what is left). */
export const running = new Set<Instance>();

export async function startInstance(name: string, env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  // its own scratch folder unless told otherwise (on PostgreSQL nothing lands there), removed when it ends
  const scratch = env.DATA_DIR ? null : fs.mkdtempSync(path.join(os.tmpdir(), `wijkbot-instance-${name}-`));
  // dieWithParent: the child ends when this process does, however this process ends
  const child = spawn(process.execPath, ['--require', path.join(__dirname, 'children/dieWithParent.cjs'), '--import', 'tsx', path.join(ROOT, 'src/index.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'false', LOG_LEVEL: 'warn', ...(scratch ? { DATA_DIR: scratch, WIJKBOT_SCRATCH_DIR: scratch } : {}), ...env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out = (out + d).slice(-20_000)));
  child.stderr!.on('data', (d) => (out = (out + d).slice(-20_000)));
  const instance: Instance = { name, url: `http://127.0.0.1:${port}`, child, exited: new Promise((r) => child.once('exit', (code) => r(code))), output: () => out };
  running.add(instance);
  void instance.exited.then(() => {
    running.delete(instance);
    if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
  });
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`instance ${name} ended: ${out.slice(-500)}`);
    // /readyz, not /healthz: an instance listens (and is alive) before its bot is mounted
    if ((await health(instance, '/readyz')) === 200) return instance;
    if (Date.now() - t0 > 60_000) {
      child.kill('SIGKILL');
      throw new Error(`instance ${name} not healthy in time: ${out.slice(-500)}`);
    }
    await sleep(100);
  }
}

/** The status of /healthz (or another probe, e.g. /readyz); 0 when there was no answer. */
export async function health(i: Instance, probe = '/healthz'): Promise<number> {
  try {
    return (await fetch(`${i.url}${probe}`, { signal: AbortSignal.timeout(7_000) })).status;
  } catch {
    return 0;
  }
}

/** An activity to one instance; null when the instance gave no answer (killed, refused). */
export async function post(i: Instance, activity: unknown): Promise<{ status: number; body: any } | null> {
  try {
    const res = await fetch(`${i.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity), signal: AbortSignal.timeout(30_000) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  } catch {
    return null;
  }
}

export async function stopAll(): Promise<void> {
  for (const i of running) i.child.kill('SIGTERM');
  await Promise.all([...running].map((i) => Promise.race([i.exited, sleep(15_000).then(() => i.child.kill('SIGKILL'))])));
}
