/**
 * Durable scheduled work (reminders, poll deadlines, freshness overviews) kept in the Job table.
 *
 * - Scheduling is idempotent: each job has a uniqueKey, so planning the same reminder twice is harmless.
 * - A job is claimed with a conditional update (pending → running, with a lease). Only one instance wins
 *   the claim, so a job runs once even with several bot instances on one PostgreSQL database.
 * - A job whose time passed while the bot was down runs at the next poll; its handler gets `lateByMs` and
 *   decides (send late once, or skip). A job whose instance died mid-run is reclaimed after its lease.
 */
import type { Db } from '../db/client';
import type { JobHandler } from '../teams/featureModule';
import type { Logger } from '../log';
import type { JobQueueStats, OpsObserver } from '../metrics/metrics';

export const JOB_LEASE_MS = 5 * 60_000;
export const JOB_MAX_ATTEMPTS = 5;
const BATCH = 50;

export class JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly clock: () => Date,
    /** metrics: each run's kind, result and time */
    private readonly observer?: Pick<OpsObserver, 'jobRun'>,
  ) {}

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
    const due = await this.db.job.findMany({
      where: {
        OR: [
          { status: 'pending', runAt: { lte: now } },
          { status: 'running', leaseUntil: { lt: now } }, // an instance died mid-run
        ],
      },
      orderBy: { runAt: 'asc' },
      take: BATCH,
      select: { id: true, kind: true, runAt: true, payload: true, status: true, attempts: true },
    });
    let ran = 0;
    for (const job of due) {
      const claimed = await this.db.job.updateMany({
        where: { id: job.id, status: job.status, attempts: job.attempts },
        data: { status: 'running', leaseUntil: new Date(now.getTime() + JOB_LEASE_MS), attempts: { increment: 1 } },
      });
      if (claimed.count !== 1) continue; // another instance took it
      const handler = this.handlers.get(job.kind);
      const started = performance.now();
      const seconds = () => (performance.now() - started) / 1000;
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(JSON.parse(job.payload) as Record<string, unknown>, { now, lateByMs: Math.max(0, now.getTime() - job.runAt.getTime()) });
        await this.db.job.update({ where: { id: job.id }, data: { status: 'done', doneAt: this.clock(), leaseUntil: null } });
        this.observer?.jobRun(job.kind, 'done', seconds());
        ran++;
      } catch (err) {
        const attempts = job.attempts + 1;
        const failed = attempts >= JOB_MAX_ATTEMPTS;
        this.observer?.jobRun(job.kind, failed ? 'failed' : 'retry', seconds());
        this.log.error({ jobId: job.id, kind: job.kind, attempts, err: (err as Error).message }, 'job failed');
        await this.db.job.update({
          where: { id: job.id },
          data: {
            status: failed ? 'failed' : 'pending',
            lastError: (err as Error).message.slice(0, 500),
            leaseUntil: null,
            // back off: 1, 2, 4, 8 minutes
            runAt: failed ? undefined : new Date(now.getTime() + 60_000 * 2 ** (attempts - 1)),
          },
        });
      }
    }
    return ran;
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
