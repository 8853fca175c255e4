/**
 * Demo meetings for `npm start` / `npm run playground` on an empty database, so every README example can
 * be tried at once, relative to the moment the demo is loaded:
 * - an FTO of wijkgroep Oost that has just ended, with answers on it: `aanwezig`, `presentielijst` and
 *   `verslag` (which take the latest ended meeting) work straight away;
 * - a PaTz of Oost next week whose invitation waits for a channel: it appears as soon as a channel is
 *   linked to Oost (the Playground's channel is linked on first contact, see src/teams/handlers/demo.ts).
 * Planned by the Playground's default user (Alex Wilber, coordinator of Oost), in Amsterdam time.
 */
import type { Db } from '../../db/client';
import { recordAudit } from '../audit/auditLog';
import { addDays, amsterdamToday, toAmsterdamInstant, weekdayOnOrAfter } from '../../dates/calendar';
import { CODE_PREFIX } from './codes';
import { jobsForMeeting, planJobs } from './reminders';
import * as repo from './repository';
import type { MeetingType } from './types';

/** Who plans the demo meetings: the Playground's "Alex Wilber" (src/db/seed/demoGroups.ts). */
const DEMO_COORDINATOR_AAD = '00000000-0000-0000-0000-0000000000020';
const DEMO_GROUP_SLUG = 'oost';
const MINUTE = 60_000;

export interface DemoMeetings {
  ended: string;
  upcoming: string;
}

/** Start and end of the meeting that "has just ended": 90 minutes, over 10 minutes ago (whole 5 minutes). */
export function justEnded(now: Date): { startsAt: Date; endsAt: Date } {
  const endsAt = new Date(Math.floor(now.getTime() / (5 * MINUTE)) * 5 * MINUTE - 10 * MINUTE);
  return { startsAt: new Date(endsAt.getTime() - 90 * MINUTE), endsAt };
}

/**
 * 12:30 in Amsterdam on the first Wednesday at least five days ahead (not a Tuesday: the README's example
 * plans an FTO "volgende week dinsdag 12:30", which should not clash with it).
 */
export function nextWeekPatz(now: Date): { startsAt: Date; endsAt: Date } {
  const day = weekdayOnOrAfter(addDays(amsterdamToday(now), 5), 3);
  const startsAt = toAmsterdamInstant(day, { hour: 12, minute: 30 }).instant;
  return { startsAt, endsAt: new Date(startsAt.getTime() + 60 * MINUTE) };
}

/** Does nothing when there are meetings already, or when the demo group or coordinator is missing. */
export async function seedDemoMeetings(db: Db, now: Date): Promise<DemoMeetings | null> {
  if ((await db.meeting.count()) > 0) return null;
  const group = await db.wijkGroup.findUnique({ where: { slug: DEMO_GROUP_SLUG }, select: { id: true, reminderDaysBefore: true } });
  const coordinator = await db.person.findUnique({ where: { aadObjectId: DEMO_COORDINATOR_AAD }, select: { id: true, name: true } });
  if (!group || !coordinator) return null;
  const invitees = await repo.invitees(db, group.id, 'FTO');
  // answers as a group would give them: most yes, a few no or maybe, some none (the coordinator: yes)
  const others = invitees.filter((i) => i.personId !== coordinator.id);
  const answers = [
    { personId: coordinator.id, answer: 'yes' },
    ...others.map((i, n) => ({ personId: i.personId, answer: n % 5 === 3 ? 'no' : n % 7 === 5 ? 'maybe' : n % 6 === 4 ? null : 'yes' })),
  ].filter((a): a is { personId: string; answer: string } => a.answer !== null);

  const code = (type: MeetingType, suffix: string) => `${CODE_PREFIX[type]}-${suffix}`;
  const base = { groupId: group.id, creatorId: coordinator.id, creatorName: coordinator.name, locale: 'nl' };
  return db.$transaction(async (tx) => {
    const ended = await tx.meeting.create({
      data: { ...base, code: code('FTO', 'D3M'), type: 'FTO', ...justEnded(now), theme: 'DOAC’s bij verminderde nierfunctie', location: 'Gezondheidscentrum Oost, zaal 2' },
    });
    await tx.meetingRsvp.createMany({ data: answers.map((a) => ({ meetingId: ended.id, ...a })) });
    const upcoming = await tx.meeting.create({
      data: { ...base, code: code('PaTz', 'D3M'), type: 'PaTz', ...nextWeekPatz(now), theme: 'Palliatieve zorg thuis: wie belt wie?', location: 'Praktijk De Linde' },
    });
    // the upcoming one gets the jobs a planned meeting has; its invitation is due now and waits for a channel
    await planJobs(tx, jobsForMeeting(repo.toRecord(upcoming), { daysBefore: group.reminderDaysBefore, now, inviteAt: now }), now);
    await recordAudit(tx, { actorId: null, actorLabel: 'systeem (demo)', action: 'meeting.demoSeed', entityType: 'Meeting', entityId: 'demo', details: { ended: ended.code, upcoming: upcoming.code } });
    return { ended: ended.code, upcoming: upcoming.code };
  });
}
