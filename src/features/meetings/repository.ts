/** Prisma reads and writes for meetings. No permission checks here: the service decides who may do what. */
import type { Db, Tx } from '../../db/client';
import type { Locale } from '../groups/types';
import { randomCode } from './codes';
import { INVITE_JOB, inviteKey } from './reminders';
import { INVITED_ROLES, type MeetingType, type Role } from './types';

export type MeetingStatus = 'planned' | 'cancelled';
export type RsvpAnswer = 'yes' | 'no' | 'maybe';
export const RSVP_ANSWERS: readonly RsvpAnswer[] = ['yes', 'no', 'maybe'];

export interface MeetingRecord {
  id: string;
  code: string;
  groupId: string;
  type: MeetingType;
  status: MeetingStatus;
  startsAt: Date;
  endsAt: Date;
  theme: string | null;
  location: string | null;
  onlineUrl: string | null;
  sequence: number;
  seriesId: string | null;
  creatorId: string;
  creatorName: string;
  locale: Locale;
  conversationId: string | null;
  messageId: string | null;
  remindedSeq: number | null;
  attendanceAt: Date | null;
  attendanceBy: string | null;
}

type MeetingRow = Awaited<ReturnType<Db['meeting']['findUniqueOrThrow']>>;

export function toRecord(row: MeetingRow): MeetingRecord {
  return {
    id: row.id,
    code: row.code,
    groupId: row.groupId,
    type: row.type as MeetingType,
    status: row.status as MeetingStatus,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    theme: row.theme,
    location: row.location,
    onlineUrl: row.onlineUrl,
    sequence: row.sequence,
    seriesId: row.seriesId,
    creatorId: row.creatorId,
    creatorName: row.creatorName,
    locale: row.locale === 'en' ? 'en' : 'nl',
    conversationId: row.conversationId,
    messageId: row.messageId,
    remindedSeq: row.remindedSeq,
    attendanceAt: row.attendanceAt,
    attendanceBy: row.attendanceBy,
  };
}

export async function findMeeting(db: Db | Tx, id: string): Promise<MeetingRecord | null> {
  const row = await db.meeting.findUnique({ where: { id } });
  return row ? toRecord(row) : null;
}

export async function findByCode(db: Db | Tx, code: string): Promise<MeetingRecord | null> {
  const row = await db.meeting.findUnique({ where: { code } });
  return row ? toRecord(row) : null;
}

export interface GroupInfo {
  id: string;
  name: string;
  reminderDaysBefore: number;
}

export async function groupInfo(db: Db | Tx, groupId: string): Promise<GroupInfo | null> {
  return db.wijkGroup.findUnique({ where: { id: groupId }, select: { id: true, name: true, reminderDaysBefore: true } });
}

export async function groupsByIds(db: Db | Tx, ids: string[]): Promise<GroupInfo[]> {
  if (!ids.length) return [];
  return db.wijkGroup.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, reminderDaysBefore: true }, orderBy: { name: 'asc' } });
}

export async function allGroups(db: Db | Tx): Promise<GroupInfo[]> {
  return db.wijkGroup.findMany({ select: { id: true, name: true, reminderDaysBefore: true }, orderBy: { name: 'asc' } });
}

/** Display order when a person holds several roles in a group: the role they attend in. */
const ROLE_PRIORITY: readonly Role[] = ['huisarts', 'apotheker', 'wijkverpleegkundige', 'coordinator', 'raadslid', 'admin'];

/** Invited to a meeting of this type: the type's roles, and the group's coordinators (they organise it). */
export function invitedRoles(type: MeetingType): Role[] {
  return [...new Set<Role>([...INVITED_ROLES[type], 'coordinator'])];
}

export interface Invitee {
  personId: string;
  name: string;
  role: Role;
}

export async function invitees(db: Db | Tx, groupId: string, type: MeetingType): Promise<Invitee[]> {
  const rows = await db.membership.findMany({
    where: { groupId, role: { in: invitedRoles(type) } },
    select: { personId: true, role: true, person: { select: { name: true } } },
  });
  const byPerson = new Map<string, Invitee>();
  for (const r of rows) {
    const role = r.role as Role;
    const prev = byPerson.get(r.personId);
    if (!prev || ROLE_PRIORITY.indexOf(role) < ROLE_PRIORITY.indexOf(prev.role)) byPerson.set(r.personId, { personId: r.personId, name: r.person.name, role });
  }
  return [...byPerson.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

export interface RsvpCounts {
  yes: number;
  no: number;
  maybe: number;
}

export async function rsvpCounts(db: Db | Tx, meetingId: string): Promise<RsvpCounts> {
  const groups = await db.meetingRsvp.groupBy({ by: ['answer'], where: { meetingId }, _count: { _all: true } });
  const counts: RsvpCounts = { yes: 0, no: 0, maybe: 0 };
  for (const g of groups) if (g.answer in counts) counts[g.answer as RsvpAnswer] = g._count._all;
  return counts;
}

export async function peopleByIds(db: Db | Tx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Planned meetings of a group that overlap [startsAt, endsAt). */
export async function overlapping(db: Db | Tx, groupId: string, startsAt: Date, endsAt: Date, exceptId?: string): Promise<MeetingRecord[]> {
  const rows = await db.meeting.findMany({
    where: { groupId, status: 'planned', startsAt: { lt: endsAt }, endsAt: { gt: startsAt }, ...(exceptId ? { id: { not: exceptId } } : {}) },
    orderBy: { startsAt: 'asc' },
    take: 5,
  });
  return rows.map(toRecord);
}

/** Codes not in use yet: generated, checked against the table in the same transaction, retried on a clash. */
export async function freshCodes(tx: Tx, type: MeetingType, n: number): Promise<string[]> {
  const chosen = new Set<string>();
  for (let attempt = 0; chosen.size < n && attempt < 20; attempt++) {
    const candidates = new Set<string>();
    while (candidates.size < (n - chosen.size) * 2) {
      const c = randomCode(type, attempt < 10 ? undefined : 4);
      if (!chosen.has(c)) candidates.add(c);
    }
    const taken = new Set((await tx.meeting.findMany({ where: { code: { in: [...candidates] } }, select: { code: true } })).map((r) => r.code));
    for (const c of candidates) if (!taken.has(c) && chosen.size < n) chosen.add(c);
  }
  if (chosen.size < n) throw new Error('could not find free meeting codes');
  return [...chosen];
}

/**
 * Upcoming meetings of a group whose invitation has not been posted although its time has come: planned
 * while the group had no linked channel. A series' later meetings whose invitation job still waits for its
 * moment (some weeks ahead) are left to that job.
 */
export async function invitesWaiting(db: Db | Tx, groupId: string, now: Date): Promise<MeetingRecord[]> {
  const rows = await db.meeting.findMany({ where: { groupId, status: 'planned', messageId: null, startsAt: { gt: now } }, orderBy: { startsAt: 'asc' } });
  if (!rows.length) return [];
  const later = await db.job.findMany({
    where: { kind: INVITE_JOB, uniqueKey: { in: rows.map((r) => inviteKey(r.id)) }, status: 'pending', runAt: { gt: now } },
    select: { uniqueKey: true },
  });
  const waitForJob = new Set(later.map((j) => j.uniqueKey));
  return rows.filter((r) => !waitForJob.has(inviteKey(r.id))).map(toRecord);
}
