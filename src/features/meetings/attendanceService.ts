/**
 * After a meeting: who was there (the attendance card, prefilled from the "Ik kom" answers), the
 * presentielijst for accreditation (confirmed attendance only) and the yearly sums per person. The same
 * rules as the rest of the meetings feature: coordinators of the meeting's wijkgroep and admins, checked
 * here on every call; the list is replaced in one transaction together with its audit entry.
 */
import type { Db } from '../../db/client';
import { auditActor, recordAudit } from '../audit/auditLog';
import { DomainError } from '../errors';
import { isCoordinatorOf, type Actor } from '../groups/types';
import { amsterdamToday, amsterdamWallClock, toIsoDate } from '../../dates/calendar';
import { buildMeetingStart } from '../../dates/dutchDates';
import * as repo from './repository';
import type { Invitee, MeetingRecord, RsvpAnswer } from './repository';
import type { MeetingType } from './types';

export interface AttendanceRow {
  date: string; // YYYY-MM-DD (Amsterdam)
  start: string; // HH:mm
  end: string;
  type: MeetingType;
  theme: string;
  group: string;
  code: string;
  name: string;
  role: string;
  bigNumber: string;
  agbCode: string;
}

export interface AttendanceSum {
  group: repo.GroupInfo;
  year: number;
  meetings: number;
  rows: { personId: string; name: string; role: string; total: number; byType: Record<MeetingType, number> }[];
}

const YES: RsvpAnswer = 'yes';

/** What attendance needs of the meetings service: finding a meeting, who may manage it, its group's name. */
export interface AttendanceHost {
  requireMeeting(id: string): Promise<MeetingRecord>;
  requireCoordinator(actor: Actor, meeting: Pick<MeetingRecord, 'groupId'>): void;
  groupName(groupId: string): Promise<string>;
}

export class AttendanceService {
  constructor(private readonly deps: { db: Db; clock: () => Date; meetings: AttendanceHost }) {}

  private get db(): Db {
    return this.deps.db;
  }

  private now(): Date {
    return this.deps.clock();
  }

  /** Confirmed attendance; before it is confirmed, those who answered "Ik kom". */
  async attendees(meeting: MeetingRecord): Promise<Invitee[]> {
    if (meeting.attendanceAt) {
      const rows = await this.db.meetingAttendance.findMany({ where: { meetingId: meeting.id }, orderBy: { name: 'asc' } });
      return rows.map((r) => ({ personId: r.personId, name: r.name, role: r.role as Invitee['role'] }));
    }
    const yes = new Set((await this.db.meetingRsvp.findMany({ where: { meetingId: meeting.id, answer: YES }, select: { personId: true } })).map((r) => r.personId));
    return (await repo.invitees(this.db, meeting.groupId, meeting.type)).filter((i) => yes.has(i.personId));
  }

  /** The attendance card's data: invited members, preselected from the confirmed list or the "Ik kom" answers. */
  async form(actor: Actor, meetingId: string): Promise<{ meeting: MeetingRecord; groupName: string; invitees: Invitee[]; selected: string[] }> {
    const meeting = await this.deps.meetings.requireMeeting(meetingId);
    this.deps.meetings.requireCoordinator(actor, meeting);
    if (meeting.status === 'cancelled') throw new DomainError('meetings.change.cancelled', { code: meeting.code });
    if (meeting.startsAt.getTime() > this.now().getTime()) throw new DomainError('meetings.attendance.tooEarly', { code: meeting.code });
    const invited = await repo.invitees(this.db, meeting.groupId, meeting.type);
    // someone on a confirmed list who has since left the group stays selectable
    const confirmed = meeting.attendanceAt ? await this.db.meetingAttendance.findMany({ where: { meetingId } }) : [];
    for (const a of confirmed) if (!invited.some((i) => i.personId === a.personId)) invited.push({ personId: a.personId, name: a.name, role: a.role as Invitee['role'] });
    const selected = meeting.attendanceAt ? confirmed.map((a) => a.personId) : await this.yesPeople(meetingId);
    return { meeting, groupName: await this.deps.meetings.groupName(meeting.groupId), invitees: invited.sort((a, b) => a.name.localeCompare(b.name, 'nl')), selected };
  }

  /** Replaces the attendance list (one transaction, audited). Only invited members (or those already listed). */
  async save(actor: Actor, meetingId: string, personIds: string[]): Promise<{ meeting: MeetingRecord; count: number }> {
    const form = await this.form(actor, meetingId);
    const byId = new Map(form.invitees.map((i) => [i.personId, i]));
    const wanted = [...new Set(personIds)];
    if (wanted.some((id) => !byId.has(id))) throw new DomainError('meetings.attendance.unknownPerson');
    const now = this.now();
    await this.db.$transaction(async (tx) => {
      await tx.meetingAttendance.deleteMany({ where: { meetingId } });
      if (wanted.length) await tx.meetingAttendance.createMany({ data: wanted.map((id) => ({ meetingId, personId: id, name: byId.get(id)!.name, role: byId.get(id)!.role })) });
      await tx.meeting.update({ where: { id: meetingId }, data: { attendanceAt: now, attendanceBy: actor.name } });
      await recordAudit(tx, { ...auditActor(actor), action: 'meeting.attendance', entityType: 'Meeting', entityId: meetingId, details: { code: form.meeting.code, count: wanted.length, personIds: wanted } });
    });
    return { meeting: await this.deps.meetings.requireMeeting(meetingId), count: wanted.length };
  }

  /** The presentielijst of one meeting: confirmed attendance only (accreditation needs the confirmed list). */
  async list(actor: Actor, meeting: MeetingRecord): Promise<AttendanceRow[]> {
    this.deps.meetings.requireCoordinator(actor, meeting);
    if (!meeting.attendanceAt) throw new DomainError('meetings.attendance.notConfirmed', { code: meeting.code });
    const group = await this.deps.meetings.groupName(meeting.groupId);
    const rows = await this.db.meetingAttendance.findMany({ where: { meetingId: meeting.id }, orderBy: { name: 'asc' } });
    const start = amsterdamWallClock(meeting.startsAt);
    const end = amsterdamWallClock(meeting.endsAt);
    const hhmm = (t: { hour: number; minute: number }) => `${String(t.hour).padStart(2, '0')}:${String(t.minute).padStart(2, '0')}`;
    return rows.map((r) => ({
      date: toIsoDate(start.date), start: hhmm(start.time), end: hhmm(end.time), type: meeting.type, theme: meeting.theme ?? '',
      group, code: meeting.code, name: r.name, role: r.role, bigNumber: r.bigNumber ?? '', agbCode: r.agbCode ?? '',
    }));
  }

  /** `presentie <wijkgroep> <jaar>`: confirmed attendance per person over the group's meetings that year. */
  async sum(actor: Actor, groupId: string, year: number): Promise<AttendanceSum> {
    if (!actor.personId || !isCoordinatorOf(actor, groupId)) throw new DomainError('meetings.access.notCoordinator');
    const group = (await repo.groupInfo(this.db, groupId))!;
    const from = buildMeetingStart({ year, month: 1, day: 1 }, { hour: 0, minute: 0 }, this.now()).startsAt;
    const to = buildMeetingStart({ year: year + 1, month: 1, day: 1 }, { hour: 0, minute: 0 }, this.now()).startsAt;
    const meetings = await this.db.meeting.findMany({ where: { groupId, status: 'planned', startsAt: { gte: from, lt: to }, attendanceAt: { not: null } }, select: { id: true, type: true } });
    const typeOf = new Map(meetings.map((m) => [m.id, m.type as MeetingType]));
    const rows = meetings.length ? await this.db.meetingAttendance.findMany({ where: { meetingId: { in: meetings.map((m) => m.id) } } }) : [];
    const byPerson = new Map<string, AttendanceSum['rows'][number]>();
    for (const r of rows) {
      let p = byPerson.get(r.personId);
      if (!p) byPerson.set(r.personId, (p = { personId: r.personId, name: r.name, role: r.role, total: 0, byType: { FTO: 0, PaTz: 0, spiegel: 0, wijkoverleg: 0 } }));
      p.total++;
      p.byType[typeOf.get(r.meetingId)!]++;
    }
    return { group, year, meetings: meetings.length, rows: [...byPerson.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl')) };
  }

  /** The group when the actor may plan for exactly one (`presentie` without a group). */
  onlyGroupOf(groups: repo.GroupInfo[]): string {
    if (groups.length !== 1) throw new DomainError('meetings.sum.whichGroup');
    return groups[0].id;
  }

  /** The actor's current year in Amsterdam (default for `presentie <groep>`). */
  currentYear(): number {
    return amsterdamToday(this.now()).year;
  }

  private async yesPeople(meetingId: string): Promise<string[]> {
    return (await this.db.meetingRsvp.findMany({ where: { meetingId, answer: YES }, select: { personId: true } })).map((r) => r.personId);
  }
}
