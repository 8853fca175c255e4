/**
 * Scale-out figures, side by side in one run: the same turn (a personal message `wie ben ik`: the actor
 * lookup, the once-per-activity write, a reply through the connector stub) driven over HTTP against
 *   - one instance on the embedded SQLite database,
 *   - one instance on PostgreSQL,
 *   - two instances on one PostgreSQL database, the clicks alternating between them (a load balancer).
 * Every instance is a real process (`node src/index.ts`). PostgreSQL is a throwaway cluster started here
 * (scripts/pg/cluster.ts) with fsync on and no flush per commit, like the SQLite side (WAL, synchronous
 * = NORMAL). On a shared 2-core machine two instances compete with the load generator and the database
 * for the same cores: the two-instance figure shows correctness under real concurrency more than speed.
 *   npx tsx scripts/bench/scaleOut.ts      (standalone)
 * RSS is read from /proc after the turns; the instances run from source through tsx (its compiler adds
 * some tens of MB over `npm start`'s compiled JavaScript).
 * Knobs: BENCH_SCALE_TURNS (400 per configuration), BENCH_SCALE_CONCURRENCY (20).
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startPgCluster } from '../pg/cluster';
import { openDatabase } from '../../src/db/open';
import { parseRosterCsv } from '../../src/features/groups/rosterCsv';
import { GroupsService } from '../../src/features/groups/service';
import { personalMessage, type TestUser } from '../../test/support/activities';
import { ConnectorStub } from '../../test/support/connectorStub';
import { post, startInstance, stopAll, type Instance } from '../../test/support/instances';
import { pool } from './load';
import { percentile, round } from './stats';

const TURNS = Number(process.env.BENCH_SCALE_TURNS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_SCALE_CONCURRENCY ?? 20);
const SECRET = 'bench-secret-bench-secret-bench-secret-0123456789';

const users: TestUser[] = Array.from({ length: 200 }, (_, i) => ({ aad: randomUUID(), name: `Huisarts ${i + 1}` }));

async function loadRoster(target: { databaseFile: string; databaseUrl?: string }): Promise<void> {
  const { db } = await openDatabase(target);
  try {
    const csv = `wijkgroep,naam,email,aad_object_id,rol\n${users.map((u, i) => `Oost,${u.name},b${i}@bench.test,${u.aad},huisarts`).join('\n')}\n`;
    const parsed = parseRosterCsv(csv);
    if (!parsed.ok) throw new Error('bench roster did not parse');
    await new GroupsService(db, []).importRoster(parsed.rows, { dryRun: false, actorLabel: 'bench' });
  } finally {
    await db.$disconnect();
  }
}

/** Resident memory of an instance's process (Linux /proc), MB; '?' elsewhere. */
function rssMb(i: Instance): number | string {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${i.child.pid}/status`, 'utf8'))?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : '?';
  } catch {
    return '?';
  }
}

async function drive(instances: Instance[], stub: ConnectorStub): Promise<{ turnsPerSecond: number; p50: number; p95: number; failed: number }> {
  const turn = (n: number) => post(instances[n % instances.length]!, personalMessage(stub.url, users[n % users.length]!, 'wie ben ik'));
  await pool(Array.from({ length: 100 }, (_, n) => n), CONCURRENCY, turn); // warm-up: JIT, query plans, connections
  const started = Date.now();
  const { ms, results } = await pool(Array.from({ length: TURNS }, (_, n) => n), CONCURRENCY, turn);
  const seconds = (Date.now() - started) / 1000;
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    turnsPerSecond: round(TURNS / seconds),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    failed: results.filter((r) => !r || r.status !== 200).length,
  };
}

export async function benchScaleOut(): Promise<Record<string, string | number>> {
  const stub = await new ConnectorStub().start();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'wijkbot-bench-scale-'));
  const cluster = await startPgCluster({ durability: 'like-sqlite-wal' });
  const figures: Record<string, string | number> = {
    'turn': `personal message 'wie ben ik', ${TURNS} turns, ${CONCURRENCY} in flight, each instance a process`,
  };
  const show = (label: string, r: Awaited<ReturnType<typeof drive>>) => {
    figures[`${label}: turns/s | p50 ms | p95 ms`] = `${r.turnsPerSecond} | ${r.p50} | ${r.p95}${r.failed ? ` (${r.failed} failed)` : ''}`;
  };
  try {
    // SQLite, one instance (the embedded default)
    const dataDir = path.join(scratch, 'sqlite');
    await loadRoster({ databaseFile: path.join(dataDir, 'wijkbot.db') });
    const lite = await startInstance('bench-sqlite', { DATA_DIR: dataDir, APP_SECRET: SECRET, LOG_LEVEL: 'error' });
    show('SQLite, 1 instance', await drive([lite], stub));
    figures['RSS after the turns, SQLite instance (MB)'] = rssMb(lite);
    await stopAll();

    // PostgreSQL, one and two instances on the same database
    const admin = new pg.Client({ connectionString: cluster.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE wijkbot_bench');
    await admin.end();
    const url = cluster.url('wijkbot_bench');
    await loadRoster({ databaseFile: '', databaseUrl: url });
    const one = await startInstance('bench-pg-1', { DATABASE_URL: url, APP_SECRET: SECRET, LOG_LEVEL: 'error' });
    show('PostgreSQL, 1 instance', await drive([one], stub));
    const two = await startInstance('bench-pg-2', { DATABASE_URL: url, APP_SECRET: SECRET, LOG_LEVEL: 'error' });
    show('PostgreSQL, 2 instances', await drive([one, two], stub));
    figures['RSS after the turns, each PostgreSQL instance (MB)'] = `${rssMb(one)} | ${rssMb(two)}`;
    figures['replies sent (all configurations, warm-up included)'] = stub.sent.length;
    return figures;
  } finally {
    await stopAll();
    cluster.stop();
    await stub.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchScaleOut()
    .then((figures) => {
      for (const [k, v] of Object.entries(figures)) console.log(`${k.padEnd(52)} ${v}`);
      process.exit(0);
    })
    .catch((err) => {
      console.error('scale-out bench failed:', err);
      process.exit(1);
    });
}
