/**
 * Durable scheduled work (reminders, poll deadlines, freshness overviews) kept in the Job table.
 *
 * - Scheduling is idempotent: each job has a uniqueKey, so planning the same reminder twice is harmless.
 * - A job is claimed with a conditional update (pending → running, with a lease). Only one instance wins
 *   the claim, so a job runs once even with several bot instances on one PostgreSQL database (there the
 *   claim is one UPDATE … FOR UPDATE SKIP LOCKED, see src/db/jobClaims.ts).
 * - A job whose time passed while the bot was down runs at the next poll; its handler gets `lateByMs` and
 *   decides (send late once, or skip). A job whose instance died mid-run is reclaimed after its lease.
 * - Finishing a job is conditional on its claim (status running, same attempts): an instance that outlived
 *   its lease cannot mark done, or fail, a job that another instance has taken over.
 * Delivery is therefore at least once for a job whose instance dies between its effect and marking it
 * done; handlers make the effect itself once (a claim in the row they act on) where a repeat would show.
 */
import type { Db } from '../db/client';
import { claimCandidate, claimNextDue, claimsWithSkipLocked, dueCandidates, type ClaimedJob } from '../db/jobClaims';
import type { JobHandler } from '../teams/featureModule';
import type { Logger } from '../log';
import type { JobQueueStats, OpsObserver } from '../metrics/metrics';

/** How long a claimed job is its instance's; after that another instance may take it over. */
export const JOB_LEASE_MS = 5 * 60_000;
export const JOB_MAX_ATTEMPTS = 5;
const BATCH = 50;

export interface JobQueueOptions {
  /** metrics: each run's kind, result and time */
  observer?: Pick<OpsObserver, 'jobRun'>;
  /** how long a claim lasts (JOBS_LEASE_MS); tests shorten it */
  leaseMs?: number;
}

export class JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private readonly observer?: Pick<OpsObserver, 'jobRun'>;
  private readonly leaseMs: number;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly clock: () => Date,
    options: JobQueueOptions = {},
  ) {
    this.observer = options.observer;
    this.leaseMs = options.leaseMs ?? JOB_LEASE_MS;
  }

  register(kind: string, handler: JobHandler): void {
    if (this.handlers.has(kind)) throw new Error(`job kind ${kind} registered twice`);
    this.handlers.set(kind, handler);
  }

  /** Plans (or re-plans, while still pending) the job with this key. */
  async schedule(kind: string, uniqueKey: string, runAt: Date, payload: Record<string, unknown> = {}): Promise<void> {
    await this.db.job.upsert({
      where: { uniqueKey },
      create: { kind, uniqueKey, runAt, payload: JSON.stringify(payload) },
      update: { runAt, payload: JSON.stringify(payload), status: 'pending', attempts: 0, lastError: null, leaseUntil: null },
    });
  }

  /** Plans a job only if no job with this key exists yet (done jobs stay done). */
  async scheduleOnce(kind: string, uniqueKey: string, runAt: Date, payload: Record<string, unknown> = {}): Promise<void> {
    const existing = await this.db.job.findUnique({ where: { uniqueKey }, select: { id: true } });
    if (!existing) await this.schedule(kind, uniqueKey, runAt, payload);
  }

  async cancel(uniqueKey: string): Promise<void> {
    await this.db.job.updateMany({ where: { uniqueKey, status: 'pending' }, data: { status: 'cancelled' } });
  }

  async cancelWhere(uniqueKeyPrefix: string): Promise<void> {
    await this.db.job.updateMany({ where: { uniqueKey: { startsWith: uniqueKeyPrefix }, status: 'pending' }, data: { status: 'cancelled' } });
  }

  /** Runs every due job once; returns how many ran. Safe to call concurrently from several instances. */
  async runDue(): Promise<number> {
    if (this.running) return this.running;
    this.running = this.runDueInner().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runDueInner(): Promise<number> {
    const now = this.clock();
    const leaseUntil = new Date(now.getTime() + this.leaseMs);
    let ran = 0;
    if (claimsWithSkipLocked(this.db)) {
      for (let i = 0; i < BATCH; i++) {
        const job = await claimNextDue(this.db, now, leaseUntil);
        if (!job) break;
        if (await this.runClaimed(job, now)) ran++;
      }
      return ran;
    }
    for (const job of await dueCandidates(this.db, now, BATCH)) {
      if (!(await claimCandidate(this.db, job, leaseUntil))) continue; // another instance took it
      if (await this.runClaimed({ ...job, attempts: job.attempts + 1 }, now)) ran++;
    }
    return ran;
  }

  /** Runs one claimed job and records the outcome; true when it succeeded. */
  private async runClaimed(job: ClaimedJob, now: Date): Promise<boolean> {
    const handler = this.handlers.get(job.kind);
    const mine = { id: job.id, status: 'running', attempts: job.attempts };
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const run = handler(JSON.parse(job.payload) as Record<string, unknown>, { now, lateByMs: Math.max(0, now.getTime() - job.runAt.getTime()) });
      if (!(await finishesWithin(run, this.leaseMs))) {
        // past its lease the job is anyone's again (this instance's too): stop waiting, so one stuck
        // handler cannot hold up every job behind it; the claim stays and expires like a dead instance's
        this.log.error({ jobId: job.id, kind: job.kind, leaseMs: this.leaseMs }, 'job still running when its lease ran out; left for a new claim');
        this.observer?.jobRun(job.kind, 'retry', seconds());
        return false;
      }
      const done = await this.db.job.updateMany({ where: mine, data: { status: 'done', doneAt: this.clock(), leaseUntil: null } });
      if (done.count !== 1) this.log.warn({ jobId: job.id, kind: job.kind }, 'job finished after its lease ran out; another instance had taken it over');
      this.observer?.jobRun(job.kind, 'done', seconds());
      return true;
    } catch (err) {
      const failed = job.attempts >= JOB_MAX_ATTEMPTS;
      this.observer?.jobRun(job.kind, failed ? 'failed' : 'retry', seconds());
      this.log.error({ jobId: job.id, kind: job.kind, attempts: job.attempts, err: (err as Error).message }, 'job failed');
      await this.db.job.updateMany({
        where: mine,
        data: {
          status: failed ? 'failed' : 'pending',
          lastError: (err as Error).message.slice(0, 500),
          leaseUntil: null,
          // back off: 1, 2, 4, 8 minutes
          runAt: failed ? undefined : new Date(now.getTime() + 60_000 * 2 ** (job.attempts - 1)),
        },
      });
      return false;
    }
  }

  /** Queue depth for metrics (read when scraped, never on a turn): one grouped count and one lookup. */
  async stats(): Promise<JobQueueStats> {
    const now = this.clock();
    const [groups, dueGroups, oldest] = await Promise.all([
      this.db.job.groupBy({ by: ['status'], where: { status: { in: ['pending', 'running', 'failed'] } }, _count: { _all: true } }),
      this.db.job.count({ where: { status: 'pending', runAt: { lte: now } } }),
      this.db.job.findFirst({ where: { status: 'pending', runAt: { lte: now } }, orderBy: { runAt: 'asc' }, select: { runAt: true } }),
    ]);
    const count = (status: string) => groups.find((g) => g.status === status)?._count._all ?? 0;
    return {
      due: dueGroups,
      scheduled: count('pending') - dueGroups,
      running: count('running'),
      failed: count('failed'),
      oldestDueAgeSeconds: oldest ? Math.max(0, (now.getTime() - oldest.runAt.getTime()) / 1000) : 0,
    };
  }

  start(pollMs: number): void {
    if (this.timer) return;
    const tick = () => {
      this.runDue().catch((err) => this.log.error({ err: (err as Error).message }, 'job poll failed'));
    };
    this.timer = setInterval(tick, pollMs);
    this.timer.unref();
    setImmediate(tick);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.running) await this.running.catch(() => undefined);
  }
}

/** true when `work` settles within `ms` (its rejection is rethrown); false when the time ran out first. */
async function finishesWithin(work: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    const finished = work.then(() => true as const);
    finished.catch(() => undefined); // a failure after the deadline is no longer anyone's to handle
    return await Promise.race([finished, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
