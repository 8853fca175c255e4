/**
 * Durable jobs of the meetings feature, kept in the foundation Job table (see src/jobs/jobQueue.ts):
 * - meeting.invite:<meetingId>            post the invitation card (now, or some weeks ahead for a series)
 * - meeting.reminder:<meetingId>:<seq>    the channel reminder N days before (per group, default 2)
 * - meeting.attendance:<meetingId>:<seq>  after the meeting: ask the coordinator who was there
 * - meeting.purge:<meetingId>:<seq>       a year after the meeting: the RSVPs go (retention); the
 *                                         confirmed attendance stays (accreditation looks back ≥ 2 years)
 *
 * The sequence is part of the reminder key: rescheduling raises it, so the new reminder is a new job and
 * the old one (cancelled in the same transaction) can never fire for the new time. The handlers also
 * check the sequence and claim the send in the meeting row, so a job that runs twice (a crash between
 * sending and marking done) still posts once.
 *
 * Planning writes the job rows in the caller's transaction, so a meeting and its jobs exist together or
 * not at all. The bulk path (one INSERT ... ON CONFLICT DO NOTHING per 1,000 rows) plans 10,000 reminders in
 * well under a second; JobQueue (one upsert per job) would be the natural home for such a `scheduleMany`.
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/client';
import { Prisma } from '../../generated/prisma/client';

export const INVITE_JOB = 'meeting.invite';
export const REMINDER_JOB = 'meeting.reminder';
export const ATTENDANCE_JOB = 'meeting.attendance';

export const inviteKey = (meetingId: string) => `${INVITE_JOB}:${meetingId}`;
export const reminderKey = (meetingId: string, sequence: number) => `${REMINDER_JOB}:${meetingId}:${sequence}`;
export const attendanceKey = (meetingId: string, sequence: number) => `${ATTENDANCE_JOB}:${meetingId}:${sequence}`;
export const PURGE_JOB = 'meeting.purge';
export const purgeKey = (meetingId: string, sequence: number) => `${PURGE_JOB}:${meetingId}:${sequence}`;
/** RSVPs are kept a year after the meeting, then deleted (domain.md, retention). */
export const RSVP_RETENTION_MS = 365 * 24 * 60 * 60_000;

const DAY_MS = 24 * 60 * 60_000;
/** A series' later invitations are posted this long before each meeting (a jaaragenda is not 6 cards at once). */
export const SERIES_INVITE_LEAD_MS = 6 * 7 * DAY_MS;
/** Ask for attendance a little after the planned end. */
export const ATTENDANCE_DELAY_MS = 15 * 60_000;

export interface MeetingTiming {
  id: string;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
}

export interface JobRow {
  kind: string;
  uniqueKey: string;
  runAt: Date;
  payload: string;
}

/**
 * When the channel reminder goes out: `daysBefore` days before the start. No reminder when that moment
 * has already passed at planning time (a meeting planned for tomorrow: the invitation is the reminder),
 * and none when daysBefore is 0 (the group switched reminders off).
 */
export function reminderRunAt(startsAt: Date, daysBefore: number, now: Date): Date | null {
  if (!Number.isFinite(daysBefore) || daysBefore <= 0) return null;
  const runAt = new Date(startsAt.getTime() - daysBefore * DAY_MS);
  return runAt.getTime() > now.getTime() ? runAt : null;
}

/** The jobs a newly planned (or rescheduled) meeting needs. `inviteAt` null = no invite job (already posted). */
export function jobsForMeeting(m: MeetingTiming, opts: { daysBefore: number; now: Date; inviteAt: Date | null }): JobRow[] {
  const rows: JobRow[] = [];
  if (opts.inviteAt) rows.push({ kind: INVITE_JOB, uniqueKey: inviteKey(m.id), runAt: opts.inviteAt, payload: JSON.stringify({ meetingId: m.id }) });
  const remindAt = reminderRunAt(m.startsAt, opts.daysBefore, opts.now);
  if (remindAt) rows.push({ kind: REMINDER_JOB, uniqueKey: reminderKey(m.id, m.sequence), runAt: remindAt, payload: JSON.stringify({ meetingId: m.id, sequence: m.sequence }) });
  rows.push({
    kind: ATTENDANCE_JOB,
    uniqueKey: attendanceKey(m.id, m.sequence),
    runAt: new Date(m.endsAt.getTime() + ATTENDANCE_DELAY_MS),
    payload: JSON.stringify({ meetingId: m.id, sequence: m.sequence }),
  });
  rows.push({ kind: PURGE_JOB, uniqueKey: purgeKey(m.id, m.sequence), runAt: new Date(m.endsAt.getTime() + RSVP_RETENTION_MS), payload: JSON.stringify({ meetingId: m.id }) });
  return rows;
}

const INSERT_CHUNK = 1_000;

/**
 * Inserts job rows in bulk; a key that already exists is left alone (planning twice is harmless, and a
 * done job stays done). One multi-row INSERT ... ON CONFLICT DO NOTHING per 1,000 rows, in the caller's
 * transaction: Prisma's createMany needs a lookup of existing keys first and is ~6× slower on 10,000 rows.
 * Portable SQL (SQLite ≥ 3.24 and PostgreSQL), with values bound through Prisma.sql and dates passed as
 * Date objects, so they are stored exactly as Prisma stores them. Returns how many jobs were new.
 */
export async function planJobs(tx: Tx, rows: JobRow[], now: Date = new Date()): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    const values = rows.slice(i, i + INSERT_CHUNK).map(
      (r) => Prisma.sql`(${randomUUID()}, ${r.kind}, ${r.uniqueKey}, ${r.runAt}, ${r.payload}, ${'pending'}, ${0}, ${now})`,
    );
    inserted += await tx.$executeRaw`INSERT INTO "Job" ("id", "kind", "uniqueKey", "runAt", "payload", "status", "attempts", "createdAt") VALUES ${Prisma.join(values)} ON CONFLICT ("uniqueKey") DO NOTHING`;
  }
  return inserted;
}

/** Cancels the pending jobs of one meeting (all kinds and sequences except the retention purge): for a cancellation. */
export async function cancelMeetingJobs(tx: Tx, meetingId: string): Promise<void> {
  await tx.job.updateMany({
    where: {
      status: 'pending',
      OR: [{ uniqueKey: inviteKey(meetingId) }, { uniqueKey: { startsWith: `${REMINDER_JOB}:${meetingId}:` } }, { uniqueKey: { startsWith: `${ATTENDANCE_JOB}:${meetingId}:` } }],
    },
    data: { status: 'cancelled' },
  });
}

/** Cancels the time-bound jobs of one sequence (reminder, attendance request, purge): for a reschedule. */
export async function cancelTimedJobs(tx: Tx, meetingId: string, sequence: number): Promise<void> {
  await tx.job.updateMany({
    where: { status: 'pending', uniqueKey: { in: [reminderKey(meetingId, sequence), attendanceKey(meetingId, sequence), purgeKey(meetingId, sequence)] } },
    data: { status: 'cancelled' },
  });
}
