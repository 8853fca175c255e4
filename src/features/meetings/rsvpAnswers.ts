/**
 * Answering an invitation (RSVP): the hot path of an RSVP storm, 200 members clicking within seconds.
 *
 * The rules (who is invited, not cancelled, not started; checked server-side on every click, identity
 * from the activity): one answer per (meeting, person), changed in place until
 * the meeting starts; a repeat of the same answer writes nothing; concurrent clicks by one person leave
 * one row, the last write winning.
 *
 * The write: on the embedded database through the fast lane (db/preparedSqlite.ts), an INSERT … ON CONFLICT
 * DO NOTHING and, for a repeat, a conditional UPDATE, in one IMMEDIATE transaction that never yields.
 * Through Prisma a first answer cost ~2 ms of the event loop (the query compiler and interpreter) and a
 * repeat more, because Prisma's unique-violation error builds a source-mapped stack trace (~7 ms each in
 * the storm's CPU profile). On PostgreSQL, or when the lane answers undefined (the lock is held elsewhere),
 * the Prisma path writes the same row.
 */
import type { Db } from '../../db/client';
import { isUniqueViolation } from '../../db/client';
import { sqliteTimestamp, type PreparedSqlite } from '../../db/preparedSqlite';
import { DomainError } from '../errors';
import type { Actor } from '../groups/types';
import type { RsvpOutcome } from './outcomes';
import { RSVP_ANSWERS, type MeetingRecord, type RsvpAnswer, type RsvpCounts } from './repository';

/** What answering needs of the meetings service (kept structural: service.ts is not imported here). */
export interface RsvpRules {
  recentMeeting(id: string): Promise<MeetingRecord>;
  isInvited(actor: Actor, meeting: Pick<MeetingRecord, 'groupId' | 'type'>): boolean;
  groupName(groupId: string): Promise<string>;
}

export class RsvpAnswers {
  constructor(
    private readonly deps: { db: Db; sqlite: PreparedSqlite | null; clock: () => Date; meetings: RsvpRules },
  ) {}

  /** `counts`: read in the write's own transaction (fast lane only), so the person's card needs no further read */
  async answer(actor: Actor, meetingId: string, answerText: string): Promise<{ outcome: RsvpOutcome; meeting: MeetingRecord; answer: RsvpAnswer; counts?: RsvpCounts }> {
    if (!(RSVP_ANSWERS as readonly string[]).includes(answerText)) throw new DomainError('meetings.rsvp.badAnswer');
    const answer = answerText as RsvpAnswer;
    const { meetings } = this.deps;
    const meeting = await meetings.recentMeeting(meetingId);
    if (!meetings.isInvited(actor, meeting)) throw new DomainError('meetings.rsvp.notInvited', { group: await meetings.groupName(meeting.groupId) });
    if (meeting.status === 'cancelled') throw new DomainError('meetings.rsvp.cancelled');
    if (meeting.startsAt.getTime() <= this.deps.clock().getTime()) throw new DomainError('meetings.rsvp.started');
    return { ...(await this.write(meetingId, actor.personId!, answer)), meeting, answer };
  }

  private async write(meetingId: string, personId: string, answer: RsvpAnswer): Promise<{ outcome: RsvpOutcome; counts?: RsvpCounts }> {
    // the row's time is the moment of writing, as Prisma's @updatedAt sets it (the shared card's version reads it)
    const at = sqliteTimestamp(new Date());
    const fast = this.deps.sqlite?.transaction((s) => {
      let outcome: RsvpOutcome = 'recorded';
      if (s.run('INSERT INTO "MeetingRsvp" ("meetingId", "personId", "answer", "updatedAt") VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', meetingId, personId, answer, at).changes === 0) {
        const changed = s.run('UPDATE "MeetingRsvp" SET "answer" = ?, "updatedAt" = ? WHERE "meetingId" = ? AND "personId" = ? AND "answer" <> ?', answer, at, meetingId, personId, answer).changes;
        outcome = changed ? 'changed' : 'unchanged';
      }
      // the counts the person's card shows, including their own answer: one indexed GROUP BY, instead
      // of a Prisma read per click (in a 240-click storm: ~160 of them even when shared; see FreshRead)
      const counts: RsvpCounts = { yes: 0, no: 0, maybe: 0 };
      for (const r of s.all<{ answer: string; n: number }>('SELECT "answer", COUNT(*) AS "n" FROM "MeetingRsvp" WHERE "meetingId" = ? GROUP BY "answer"', meetingId)) {
        if (r.answer in counts) counts[r.answer as RsvpAnswer] = r.n;
      }
      return { commit: true, result: { outcome, counts } };
    });
    if (fast !== undefined) return fast;
    const { db } = this.deps;
    // the common case (a first answer) is one INSERT; the primary key turns a repeat into a conditional UPDATE
    try {
      await db.meetingRsvp.create({ data: { meetingId, personId, answer }, select: { meetingId: true } });
      return { outcome: 'recorded' };
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    const { count } = await db.meetingRsvp.updateMany({ where: { meetingId, personId, answer: { not: answer } }, data: { answer } });
    return { outcome: count ? 'changed' : 'unchanged' };
  }
}
