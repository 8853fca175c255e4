/** Data access for verslagen, afspraken and action items. Rows in, plain records out. */
import { isUniqueViolation, type Db, type Tx } from '../../db/client';
import type { MeetingSummary } from '../../generated/prisma/client';
import type { Attendee, MeetingForSummary, MeetingType, SummaryForm, SummaryRecord, SummaryStatus } from './types';

export function toRecord(row: MeetingSummary): SummaryRecord {
  return {
    id: row.id,
    meetingId: row.meetingId,
    groupId: row.groupId,
    groupName: row.groupName,
    meetingType: row.meetingType as MeetingType,
    meetingStartsAt: row.meetingStartsAt,
    meetingEndsAt: row.meetingEndsAt,
    theme: row.theme,
    attendance: JSON.parse(row.attendance) as Attendee[],
    status: row.status as SummaryStatus,
    form: { summary: row.summary, decisions: row.decisions, actions: row.actions, nextMeeting: row.nextMeeting },
    locale: row.locale === 'en' ? 'en' : 'nl',
    authorId: row.authorId,
    authorName: row.authorName,
    privacyOverride: row.privacyOverride,
    conversationId: row.conversationId,
    messageIds: JSON.parse(row.messageIds) as string[],
    postedAt: row.postedAt,
    postedBy: row.postedBy,
  };
}

export async function findSummary(db: Db | Tx, id: string): Promise<SummaryRecord | null> {
  const row = await db.meetingSummary.findUnique({ where: { id } });
  return row ? toRecord(row) : null;
}

function meetingSnapshot(meeting: MeetingForSummary) {
  return {
    groupId: meeting.groupId,
    groupName: meeting.groupName,
    meetingType: meeting.type,
    meetingStartsAt: meeting.startsAt,
    meetingEndsAt: meeting.endsAt,
    theme: meeting.theme,
    attendance: JSON.stringify(meeting.attendees.map((a) => ({ personId: a.personId, name: a.name, role: a.role }))),
  };
}

/**
 * The one verslag of a meeting: created on first `verslag`, and while still a draft its meeting facts
 * (attendance, theme, time) are refreshed from the meeting, so late attendance registrations show up.
 */
export async function upsertDraft(db: Db, meeting: MeetingForSummary, author: { id: string; name: string; locale: string }): Promise<SummaryRecord> {
  const snapshot = meetingSnapshot(meeting);
  try {
    const row = await db.meetingSummary.upsert({
      where: { meetingId: meeting.id },
      create: { meetingId: meeting.id, ...snapshot, authorId: author.id, authorName: author.name, locale: author.locale },
      update: {},
    });
    if (row.status !== 'draft') return toRecord(row);
    await db.meetingSummary.updateMany({ where: { id: row.id, status: 'draft' }, data: snapshot });
    return toRecord(await db.meetingSummary.findUniqueOrThrow({ where: { id: row.id } }));
  } catch (err) {
    // two concurrent first `verslag` commands: the loser reads the winner's row
    if (!isUniqueViolation(err)) throw err;
    return toRecord(await db.meetingSummary.findUniqueOrThrow({ where: { meetingId: meeting.id } }));
  }
}

/** Stores the form of a draft; false when it is no longer a draft (posted meanwhile). */
export async function saveForm(db: Db | Tx, id: string, form: SummaryForm, editor: { id: string; name: string }): Promise<boolean> {
  const { count } = await db.meetingSummary.updateMany({
    where: { id, status: 'draft' },
    data: { ...form, authorId: editor.id, authorName: editor.name },
  });
  return count === 1;
}

const postedSummary = { summary: { status: 'posted' } } as const;

/** Tracked (FTO) afspraken of a group: the open ones, and the most recently checked. */
export async function agreementsOfGroup(db: Db, groupId: string, checkedLimit = 10) {
  const [open, checked] = await Promise.all([
    db.summaryAgreement.findMany({ where: { groupId, tracked: true, status: 'open', ...postedSummary }, orderBy: { id: 'asc' } }),
    db.summaryAgreement.findMany({ where: { groupId, tracked: true, status: 'checked', ...postedSummary }, orderBy: { checkedAt: 'desc' }, take: checkedLimit }),
  ]);
  return { open, checked };
}

export function findAgreement(db: Db, id: number) {
  return db.summaryAgreement.findFirst({ where: { id, ...postedSummary } });
}

export function findActionItem(db: Db, id: number) {
  return db.summaryActionItem.findFirst({ where: { id, ...postedSummary }, include: { summary: { select: { meetingType: true, groupName: true, meetingStartsAt: true, locale: true } } } });
}

export function openActionsOf(db: Db, personId: string) {
  return db.summaryActionItem.findMany({
    where: { ownerId: personId, status: 'open', ...postedSummary },
    orderBy: [{ dueDate: 'asc' }, { id: 'asc' }],
    take: 50,
    include: { summary: { select: { meetingType: true, groupName: true, meetingStartsAt: true } } },
  });
}

export type ActionItemWithMeeting = NonNullable<Awaited<ReturnType<typeof findActionItem>>>;
