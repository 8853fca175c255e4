/**
 * Nightly housekeeping: forget activity ids once Teams can no longer redeliver them, and old finished jobs.
 * Retention of feature data (votes, RSVPs, attendance) is each feature's own job; see docs/RETENTION.md.
 */
import { Cron } from 'croner';
import type { FeatureModule } from '../featureModule';
import type { AppServices } from '../services';

/** Teams redelivers within minutes; two days is a wide margin and keeps the table small. */
export const PROCESSED_ACTIVITY_RETENTION_MS = 2 * 24 * 3600_000;
/** Finished jobs are kept a while for troubleshooting ("was the reminder sent?"). */
export const FINISHED_JOB_RETENTION_MS = 90 * 24 * 3600_000;
const SCHEDULE = '30 3 * * *'; // 03:30 Amsterdam, outside surgery hours

export function housekeepingModule(services: AppServices): FeatureModule {
  const { db, jobs, clock } = services;
  const nextRun = (after: Date) => new Cron(SCHEDULE, { timezone: 'Europe/Amsterdam', paused: true }).nextRun(after)!;
  const planNext = async (after: Date) => {
    const at = nextRun(after);
    await jobs.scheduleOnce('housekeeping.purge', `housekeeping.purge:${at.toISOString()}`, at);
  };
  return {
    name: 'housekeeping',
    jobs: {
      'housekeeping.purge': async (_payload, ctx) => {
        await db.processedActivity.deleteMany({ where: { processedAt: { lt: new Date(ctx.now.getTime() - PROCESSED_ACTIVITY_RETENTION_MS) } } });
        await db.job.deleteMany({ where: { status: { in: ['done', 'cancelled'] }, createdAt: { lt: new Date(ctx.now.getTime() - FINISHED_JOB_RETENTION_MS) } } });
        await planNext(ctx.now);
      },
    },
    start: () => planNext(clock()),
  };
}
