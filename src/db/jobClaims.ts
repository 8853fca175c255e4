/**
 * Claiming due jobs, per database. Both claims are conditional writes, so exactly one instance gets a job,
 * and a job whose instance died mid-run is claimed again once its lease has passed (attempts goes up,
 * which also tells the old holder, should it still be alive, that it no longer owns the job).
 *
 * - SQLite (one writer at a time): read the due jobs, then claim each with an UPDATE … WHERE status and
 *   attempts are still what was read.
 * - PostgreSQL (many instances, real concurrency): one statement picks the next due job and claims it,
 *   `FOR UPDATE SKIP LOCKED` as job engines on PostgreSQL do (pg-boss, graphile-worker): instances never
 *   wait for each other's rows and never both read the same candidate.
 */
import { dbProvider, type Db } from './client';
import { Prisma } from '../generated/prisma/client';

export interface ClaimedJob {
  id: string;
  kind: string;
  runAt: Date;
  payload: string;
  /** attempts after this claim: the claim's token (finishing is conditional on it) */
  attempts: number;
}

const dueWhere = (now: Date) => ({
  OR: [
    { status: 'pending', runAt: { lte: now } },
    { status: 'running', leaseUntil: { lt: now } }, // an instance died mid-run
  ],
});

/** SQLite: up to `limit` candidates; claim them one by one with claimCandidate. */
export async function dueCandidates(db: Db, now: Date, limit: number) {
  return db.job.findMany({
    where: dueWhere(now),
    orderBy: { runAt: 'asc' },
    take: limit,
    select: { id: true, kind: true, runAt: true, payload: true, status: true, attempts: true },
  });
}

export async function claimCandidate(db: Db, job: { id: string; status: string; attempts: number }, leaseUntil: Date): Promise<boolean> {
  const claimed = await db.job.updateMany({
    where: { id: job.id, status: job.status, attempts: job.attempts },
    data: { status: 'running', leaseUntil, attempts: { increment: 1 } },
  });
  return claimed.count === 1;
}

/** PostgreSQL: claims the next due job in one statement, skipping rows another instance is claiming. */
export async function claimNextDue(db: Db, now: Date, leaseUntil: Date): Promise<ClaimedJob | null> {
  const rows = await db.$queryRaw<{ id: string; kind: string; runAt: Date | string; payload: string; attempts: number }[]>(Prisma.sql`
    UPDATE "Job" SET "status" = 'running', "leaseUntil" = ${leaseUntil}, "attempts" = "attempts" + 1
    WHERE "id" = (
      SELECT "id" FROM "Job"
      WHERE ("status" = 'pending' AND "runAt" <= ${now}) OR ("status" = 'running' AND "leaseUntil" < ${now})
      ORDER BY "runAt"
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "kind", "runAt", "payload", "attempts"`);
  const row = rows[0];
  return row ? { ...row, runAt: new Date(row.runAt), attempts: Number(row.attempts) } : null;
}

export function claimsWithSkipLocked(db: Db): boolean {
  return dbProvider(db) === 'postgresql';
}
