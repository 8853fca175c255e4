/**
 * A throwaway PostgreSQL cluster on 127.0.0.1 for tests, the benchmark and migration authoring: Debian's
 * PostgreSQL binaries (installed with apt-get when missing and we are root), `initdb` into a temp folder,
 * `pg_ctl start` on a free port, and a stop that removes everything. initdb refuses to run as root, so
 * as root the cluster runs as the `postgres` user with its folder owned by that user.
 *
 * A cluster whose owner process died (a killed test run) is found and stopped by the next start:
 * `cleanupStaleClusters`, so a crash never leaves a postmaster behind for long.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const PREFIX = 'wijkbot-pg-';
/** the superuser name inside the throwaway cluster (trust authentication on 127.0.0.1 only) */
export const PG_USER = 'wijkbot';

export interface PgCluster {
  dir: string;
  port: number;
  /** connection URL of a database in this cluster */
  url(database?: string): string;
  /** stops the server (fast shutdown); the folder stays, `start` brings it back on the same port */
  pause(): void;
  start(): void;
  /** stops the server and removes the folder; safe to call twice */
  stop(): void;
}

export interface ClusterOptions {
  /** tests: no fsync at all; the benchmark keeps fsync on and only drops the per-commit flush */
  durability?: 'none' | 'like-sqlite-wal';
  maxConnections?: number;
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

/** The newest installed PostgreSQL's bin folder, installing Debian's package when needed (root only). */
export function postgresBinDir(): string {
  const found = findBinDir();
  if (found) return found;
  if (!isRoot()) throw new Error('PostgreSQL niet gevonden: installeer het pakket postgresql (Debian) of zet PG_BIN_DIR');
  // Debian's package would create and start a cluster of its own: tell it not to, then install
  // bounded: a stuck mirror must fail the run with a message, not hang CI
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = { stdio: 'ignore' as const, env, timeout: 5 * 60_000 };
  execFileSync('apt-get', ['update', '-o', 'Acquire::http::Timeout=30', '-o', 'Acquire::Retries=2'], apt);
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql-common'], apt);
  const conf = '/etc/postgresql-common/createcluster.conf';
  if (fs.existsSync(conf)) fs.writeFileSync(conf, fs.readFileSync(conf, 'utf8').replace(/^#?\s*create_main_cluster\s*=.*$/m, 'create_main_cluster = false'));
  execFileSync('apt-get', ['install', '-y', 'postgresql'], apt);
  const installed = findBinDir();
  if (!installed) throw new Error('apt-get install postgresql gaf geen PostgreSQL-binaries');
  return installed;
}

function findBinDir(): string | null {
  if (process.env.PG_BIN_DIR && fs.existsSync(path.join(process.env.PG_BIN_DIR, 'initdb'))) return process.env.PG_BIN_DIR;
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return null;
  const versions = fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0]!, 'bin') : null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary, as the postgres user when we are root (initdb and postgres refuse root). */
function runPg(bin: string, args: string[], opts: { allowFail?: boolean; timeoutMs?: number } = {}): { ok: boolean; output: string } {
  const res = isRoot()
    ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', [bin, ...args].map(shellQuote).join(' ')], { encoding: 'utf8', timeout: opts.timeoutMs ?? 60_000 })
    : spawnSync(bin, args, { encoding: 'utf8', timeout: opts.timeoutMs ?? 60_000 });
  const output = `${res.stdout ?? ''}${res.stderr ?? ''}${res.error ? String(res.error) : ''}`;
  const ok = res.status === 0;
  if (!ok && !opts.allowFail) throw new Error(`${path.basename(bin)} ${args[0] ?? ''} mislukt: ${output.trim().slice(-600)}`);
  return { ok, output };
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Stops and removes clusters left by processes that no longer run (a killed test run or benchmark). */
export function cleanupStaleClusters(): void {
  const bin = findBinDir();
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = path.join(os.tmpdir(), name);
    let owner = 0;
    try {
      owner = Number(fs.readFileSync(path.join(dir, 'owner.pid'), 'utf8'));
    } catch {
      continue; // being created right now, or not ours
    }
    if (owner && isAlive(owner)) continue;
    if (bin && fs.existsSync(path.join(dir, 'data', 'postmaster.pid'))) runPg(path.join(bin, 'pg_ctl'), ['-D', path.join(dir, 'data'), '-m', 'immediate', '-w', 'stop'], { allowFail: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function startPgCluster(options: ClusterOptions = {}): Promise<PgCluster> {
  const bin = postgresBinDir();
  cleanupStaleClusters();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), PREFIX));
  fs.writeFileSync(path.join(dir, 'owner.pid'), String(process.pid));
  const data = path.join(dir, 'data');
  if (isRoot()) {
    fs.chmodSync(dir, 0o755);
    execFileSync('chown', ['postgres:postgres', dir]);
  }
  try {
    runPg(path.join(bin, 'initdb'), ['-D', data, '-U', PG_USER, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  const settings = [
    `listen_addresses='127.0.0.1'`,
    `unix_socket_directories='${dir}'`,
    `max_connections=${options.maxConnections ?? 300}`,
    'shared_buffers=64MB',
    ...(options.durability === 'like-sqlite-wal'
      ? ['synchronous_commit=off'] // SQLite here runs WAL + synchronous=NORMAL: no flush per commit either
      : ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off']),
  ];
  fs.appendFileSync(path.join(data, 'postgresql.conf'), `\n# wijkbot throwaway cluster\n${settings.join('\n')}\n`);

  let port = 0;
  const start = () => {
    runPg(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'server.log'), '-o', `-p ${port}`, '-w', '-t', '60', 'start']);
  };
  for (let attempt = 0; ; attempt++) {
    port = await freePort();
    try {
      start();
      break;
    } catch (err) {
      if (attempt >= 3) {
        fs.rmSync(dir, { recursive: true, force: true });
        throw err;
      }
    }
  }
  let stopped = false;
  return {
    dir,
    port,
    url: (database = 'postgres') => `postgresql://${PG_USER}@127.0.0.1:${port}/${database}`,
    pause() {
      runPg(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
    start,
    stop() {
      if (stopped) return;
      stopped = true;
      runPg(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], { allowFail: true });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
