/**
 * FTO/PaTz meetings, the use-cases: plan (draft) → confirm → invite → RSVP → remind → reschedule/cancel →
 * attendance (presentielijst) → yearly sums (attendanceService.ts). Also the port the meeting summaries build on.
 *
 * Who may do what (checked here, server-side, on every call; card data never decides):
 * - plan, confirm, reschedule, cancel, attendance, presentielijst, presentie: coordinators of the meeting's
 *   wijkgroep, and admins;
 * - answer an invitation: members of the group invited for this type (INVITED_ROLES, plus coordinators),
 *   until the meeting starts.
 *
 * Correctness under repeats and concurrency comes from the database: a draft is claimed with a conditional
 * update (open → confirmed) and every meeting it creates has a unique request key, so a double confirm or
 * a Teams redelivery creates nothing twice; one RSVP row per (meeting, person), written with an upsert;
 * a reschedule or cancel only matches the sequence the coordinator saw. Every change spanning rows
 * (meetings + their jobs + the audit entry; attendance rows) is one transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/client';
import { isUniqueViolation } from '../../db/client';
import { auditActor, recordAudit } from '../audit/auditLog';
import { DomainError } from '../errors';
import { coordinatedGroupIds, isAdmin, isCoordinatorOf, type Actor } from '../groups/types';
import { checkPrivacyOfFields, describeFindings } from '../../privacy/privacyGuard';
import { applyForm, CALENDAR_WARNING_CODES, plannedOccurrences, type DraftForm, type DraftPlan, type Problem } from './drafts';
import { formatMeetingCompact } from '../../dates/formatting';
import type { AgreementsProvider, MeetingForSummary, MeetingsPort, SummaryState, SummaryStateProvider } from '../../ports/meetingsPort';
import { parsePlanCommand, parseRescheduleTarget } from './planCommand';
import type { ChangeResult, ConfirmOutcome, DraftView, ReschedulePlan } from './outcomes';
import {
  cancelMeetingJobs, cancelTimedJobs, jobsForMeeting, planJobs, SERIES_INVITE_LEAD_MS, type JobRow,
} from './reminders';
import { AttendanceService } from './attendanceService';
import { resolveMeetingRef } from './meetingRefs';
import * as repo from './repository';
import type { MeetingRecord, RsvpAnswer, RsvpCounts } from './repository';
import type { MeetingWarning } from './types';

export type { MeetingForSummary, AgreementsProvider, MeetingsPort } from '../../ports/meetingsPort';
export type { MeetingRecord, RsvpAnswer, RsvpCounts, Invitee } from './repository';
export type { AttendanceRow, AttendanceSum } from './attendanceService';
export type { ChangeResult, ConfirmOutcome, DraftView, ReschedulePlan, RsvpOutcome } from './outcomes';

export interface MeetingsDeps {
  db: Db;
  clock: () => Date;
}

const STALE_INVITE_CLAIM_MS = 2 * 60_000;
/** How far ahead a meeting may be moved. */
const MAX_RESCHEDULE_YEARS = 2;

const YES: RsvpAnswer = 'yes';
const GROUP_NAME_CACHE_MS = 60_000;
const AGREEMENTS_CACHE_MS = 30_000;
const RECENT_MEETING_MS = 1_000;

export class MeetingsService implements MeetingsPort {
  private agreements: AgreementsProvider | null = null;
  private summaryStates: SummaryStateProvider | null = null;
  private readonly agreementCache = new Map<string, { lines: string[]; expires: number }>();
  private readonly groupNames = new Map<string, { name: string; expires: number }>();
  private readonly recent = new Map<string, { meeting: Promise<MeetingRecord>; expires: number }>();

  /** attendance and the presentielijst (attendanceService.ts): the use-cases after a meeting */
  readonly attendance: AttendanceService;

  constructor(private readonly deps: MeetingsDeps) {
    this.attendance = new AttendanceService({ db: deps.db, clock: deps.clock, meetings: this });
  }

  private get db(): Db {
    return this.deps.db;
  }

  private now(): Date {
    return this.deps.clock();
  }

  // ---- the port for summaries ------------------------------------------------------------------------

  setAgreementsProvider(fn: AgreementsProvider | null): void {
    this.agreements = fn;
    this.agreementCache.clear();
  }

  setSummaryStateProvider(fn: SummaryStateProvider | null): void {
    this.summaryStates = fn;
  }

  /** Whether the meeting has a verslag; 'none' without a provider or when it fails (the card then offers one). */
  async summaryState(meetingId: string): Promise<SummaryState> {
    if (!this.summaryStates) return 'none';
    try {
      return await this.summaryStates(meetingId);
    } catch {
      return 'none';
    }
  }

  /**
   * Afspraken due for checking, for an FTO invitation; never throws (a failing provider leaves them out).
   * `fresh` asks the provider (posting an invitation or a reminder); re-renders during an RSVP storm use
   * what was fetched in the last AGREEMENTS_CACHE_MS.
   */
  async agreementLines(meeting: Pick<MeetingRecord, 'type' | 'groupId'>, opts: { fresh?: boolean } = {}): Promise<string[]> {
    if (meeting.type !== 'FTO' || !this.agreements) return [];
    const hit = this.agreementCache.get(meeting.groupId);
    if (!opts.fresh && hit && hit.expires > Date.now()) return hit.lines;
    try {
      const raw = await this.agreements(meeting.groupId);
      const lines = Array.isArray(raw) ? raw.filter((l) => typeof l === 'string' && l.trim()).slice(0, 10).map((l) => l.slice(0, 300)) : [];
      this.agreementCache.set(meeting.groupId, { lines, expires: Date.now() + AGREEMENTS_CACHE_MS });
      return lines;
    } catch {
      return [];
    }
  }

  async findForSummary(ref: string, actor: Actor): Promise<MeetingForSummary> {
    const meeting = await this.resolveRef(ref, actor);
    this.requireCoordinator(actor, meeting);
    return this.forSummary(meeting);
  }

  async latestEndedFor(actor: Actor): Promise<MeetingForSummary | null> {
    const groups = isAdmin(actor) ? undefined : coordinatedGroupIds(actor);
    if (groups && !groups.length) return null;
    const row = await this.db.meeting.findFirst({
      where: { status: 'planned', endsAt: { lte: this.now() }, ...(groups ? { groupId: { in: groups } } : {}) },
      orderBy: { endsAt: 'desc' },
    });
    return row ? this.forSummary(repo.toRecord(row)) : null;
  }

  private async forSummary(meeting: MeetingRecord): Promise<MeetingForSummary> {
    const group = await repo.groupInfo(this.db, meeting.groupId);
    return {
      id: meeting.id,
      groupId: meeting.groupId,
      groupName: group?.name ?? '?',
      type: meeting.type,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      theme: meeting.theme,
      status: meeting.status,
      attendees: (await this.attendance.attendees(meeting)).map((a) => ({ personId: a.personId, name: a.name, role: a.role })),
    };
  }

  // ---- permissions and lookups -----------------------------------------------------------------------

  canPlan(actor: Actor): boolean {
    return Boolean(actor.personId) && (isAdmin(actor) || coordinatedGroupIds(actor).length > 0);
  }

  requireCoordinator(actor: Actor, meeting: Pick<MeetingRecord, 'groupId'>): void {
    if (!actor.personId || !isCoordinatorOf(actor, meeting.groupId)) throw new DomainError('meetings.access.notCoordinator');
  }

  /** Groups the actor may plan for: the ones they coordinate; admins all. */
  async plannableGroups(actor: Actor): Promise<repo.GroupInfo[]> {
    return isAdmin(actor) ? repo.allGroups(this.db) : repo.groupsByIds(this.db, coordinatedGroupIds(actor));
  }

  /**
   * The meeting as read at most RECENT_MEETING_MS ago: an RSVP storm reads the same row hundreds of times.
   * Changes made through this service drop the entry at once; another instance's change is seen within
   * RECENT_MEETING_MS. Only the RSVP path uses it (a late answer accepted in that window is harmless).
   */
  recentMeeting(id: string): Promise<MeetingRecord> {
    const hit = this.recent.get(id);
    if (hit && hit.expires > Date.now()) return hit.meeting;
    // the promise is kept, so the first clicks of a storm share one read instead of each starting their own
    const meeting = this.requireMeeting(id);
    if (this.recent.size > 1_000) this.recent.clear();
    const entry = { meeting, expires: Date.now() + RECENT_MEETING_MS };
    this.recent.set(id, entry);
    meeting.catch(() => {
      if (this.recent.get(id) === entry) this.recent.delete(id); // a failed read is not remembered
    });
    return meeting;
  }

  private forget(id: string): void {
    this.recent.delete(id);
  }

  async requireMeeting(id: string): Promise<MeetingRecord> {
    const meeting = await repo.findMeeting(this.db, id);
    if (!meeting) throw new DomainError('meetings.ref.notFound', { ref: id });
    return meeting;
  }

  /** Group names are read on every card render and change (almost) never: cached for a minute. */
  async groupName(groupId: string): Promise<string> {
    const hit = this.groupNames.get(groupId);
    if (hit && hit.expires > Date.now()) return hit.name;
    const name = (await repo.groupInfo(this.db, groupId))?.name ?? '?';
    this.groupNames.set(groupId, { name, expires: Date.now() + GROUP_NAME_CACHE_MS });
    return name;
  }

  /** "FTO-7K2", the meeting id, or a description such as "FTO 8 dec" (meetingRefs.ts). */
  resolveRef(ref: string, actor: Actor): Promise<MeetingRecord> {
    return resolveMeetingRef(this.db, ref, actor, this.now());
  }

  // ---- planning: draft → confirm ---------------------------------------------------------------------

  /**
   * `plan ...`: parse, pick the group, keep the result as a draft. Nothing else is stored. A redelivered
   * command (same request key) returns the same draft.
   */
  async planDraft(actor: Actor, text: string, where: { requestKey: string; linkedGroupId: string | null }): Promise<DraftView> {
    if (!this.canPlan(actor)) throw new DomainError('meetings.plan.notAllowed');
    const existing = await this.db.meetingDraft.findUnique({ where: { requestKey: where.requestKey } });
    if (existing) return this.draftView(existing.id);
    const groups = await this.plannableGroups(actor);
    const allNames = (await repo.allGroups(this.db)).map((g) => g.name);
    const parsed = parsePlanCommand(text, { now: this.now(), groupNames: allNames });
    const warnings = parsed.warnings.filter((w) => !CALENDAR_WARNING_CODES.has(w.code));

    let groupId: string | null = null;
    if (parsed.groupName) {
      const named = groups.find((g) => g.name === parsed.groupName);
      if (!named) throw new DomainError('meetings.plan.groupNotYours', { group: parsed.groupName });
      groupId = named.id;
    } else if (where.linkedGroupId && groups.some((g) => g.id === where.linkedGroupId)) {
      groupId = where.linkedGroupId;
    } else if (groups.length === 1) {
      groupId = groups[0].id;
    } else if (coordinatedGroupIds(actor).length === 1) {
      // an admin who coordinates one group plans for that one, like any coordinator (the card can change it)
      groupId = coordinatedGroupIds(actor)[0];
    }
    const plan: DraftPlan = {
      type: parsed.type,
      groupId,
      durationMinutes: parsed.durationMinutes,
      theme: parsed.theme?.slice(0, 200) ?? null,
      location: parsed.location?.slice(0, 200) ?? null,
      onlineUrl: parsed.onlineUrl && /^https:\/\//i.test(parsed.onlineUrl) ? parsed.onlineUrl : null,
      occurrences: parsed.series
        ? parsed.series.occurrences.map((o) => ({ localDate: o.localDate, localTime: o.localTime }))
        : [{ localDate: parsed.localDate, localTime: parsed.localTime }],
      series: Boolean(parsed.series),
      understood: parsed.understood,
      parseWarnings: warnings,
      edited: false,
    };
    try {
      const row = await this.db.meetingDraft.create({ data: { requestKey: where.requestKey, creatorId: actor.personId!, payload: JSON.stringify(plan) } });
      return this.draftView(row.id, actor);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      const again = await this.db.meetingDraft.findUniqueOrThrow({ where: { requestKey: where.requestKey } });
      return this.draftView(again.id, actor);
    }
  }

  async draftView(draftId: string, actor?: Actor): Promise<DraftView> {
    const row = await this.db.meetingDraft.findUnique({ where: { id: draftId } });
    if (!row) throw new DomainError('meetings.draft.notFound');
    const plan = JSON.parse(row.payload) as DraftPlan;
    const groups = actor ? await this.plannableGroups(actor) : plan.groupId ? await repo.groupsByIds(this.db, [plan.groupId]) : [];
    const planned = plannedOccurrences(plan, this.now());
    const occurrences = await Promise.all(planned.map(async (o) => ({ ...o, conflicts: plan.groupId ? await repo.overlapping(this.db, plan.groupId, o.startsAt, o.endsAt) : [] })));
    const warnings: MeetingWarning[] = [...plan.parseWarnings];
    if (!plan.series) warnings.push(...occurrences[0].warnings);
    else {
      const attention = occurrences.filter((o) => o.warnings.length || o.conflicts.length);
      if (attention.length) warnings.push({ code: 'meetings.series.datesNeedAttention', params: { count: attention.length, dates: attention.map((o) => o.localDate).join(', ') } });
    }
    for (const o of occurrences) {
      for (const c of o.conflicts) {
        warnings.push({ code: 'meetings.date.conflict', params: { code: c.code, type: c.type, whenNl: formatMeetingCompact(c.startsAt, 'nl'), whenEn: formatMeetingCompact(c.startsAt, 'en') } });
      }
    }
    if (!plan.groupId) warnings.push({ code: 'meetings.plan.chooseGroup', params: {} });
    const findings = this.privacyFindings(plan);
    for (const line of describeFindings(findings, actor?.locale ?? 'nl')) warnings.push({ code: 'meetings.privacy.finding', params: { finding: line } });
    return { id: row.id, status: row.status as DraftView['status'], plan, occurrences, warnings, groups };
  }

  private privacyFindings(plan: DraftPlan) {
    const fields: Record<string, string> = {};
    if (plan.theme) fields.theme = plan.theme;
    if (plan.location) fields.location = plan.location;
    return checkPrivacyOfFields(fields, { referenceDate: this.now() });
  }

  private async requireDraftOwner(actor: Actor, draftId: string) {
    const row = await this.db.meetingDraft.findUnique({ where: { id: draftId } });
    if (!row) throw new DomainError('meetings.draft.notFound');
    if (!this.canPlan(actor) || (row.creatorId !== actor.personId && !isAdmin(actor))) throw new DomainError('meetings.draft.notYours');
    return row;
  }

  async discardDraft(actor: Actor, draftId: string): Promise<boolean> {
    await this.requireDraftOwner(actor, draftId);
    const { count } = await this.db.meetingDraft.updateMany({ where: { id: draftId, status: 'open' }, data: { status: 'discarded' } });
    return count === 1;
  }

  /**
   * The coordinator pressed "Bevestigen" with the card's values. Unchanged values: the meetings are
   * created (once: the draft is claimed, each meeting has a unique request key) with their jobs and audit
   * entries in one transaction. Changed values: saved, and the card comes back for a last look.
   */
  async confirmDraft(actor: Actor, draftId: string, form: DraftForm): Promise<ConfirmOutcome> {
    const row = await this.requireDraftOwner(actor, draftId);
    if (row.status === 'confirmed') return { kind: 'already', meetings: await this.meetingsOfDraft(draftId) };
    if (row.status === 'discarded') throw new DomainError('meetings.draft.discarded');
    const plan = JSON.parse(row.payload) as DraftPlan;
    const allowed = isAdmin(actor) ? null : new Set(coordinatedGroupIds(actor));
    const known = allowed ? undefined : new Set((await repo.allGroups(this.db)).map((g) => g.id));
    const applied = applyForm(plan, form, allowed, known);
    if (applied.problems.length) return { kind: 'review', draft: await this.draftView(draftId, actor), problems: applied.problems };
    if (applied.changed) {
      await this.db.meetingDraft.updateMany({ where: { id: draftId, status: 'open' }, data: { payload: JSON.stringify(applied.plan) } });
      return { kind: 'review', draft: await this.draftView(draftId, actor), problems: [], changed: true };
    }
    const problems: Problem[] = [];
    const group = plan.groupId ? await repo.groupInfo(this.db, plan.groupId) : null;
    if (!plan.groupId) problems.push({ code: 'meetings.plan.chooseGroup' });
    else if (allowed && !allowed.has(plan.groupId)) problems.push({ code: 'meetings.form.groupNotYours' });
    else if (!group) problems.push({ code: 'meetings.form.unknownGroup' });
    if (this.privacyFindings(plan).length) problems.push({ code: 'meetings.privacy.blocked' });
    if (problems.length || !group) return { kind: 'review', draft: await this.draftView(draftId, actor), problems };

    const now = this.now();
    const planned = plannedOccurrences(plan, now);
    const seriesId = plan.series ? randomUUID() : null;
    try {
      const meetings = await this.db.$transaction(async (tx) => {
        const claimed = await tx.meetingDraft.updateMany({ where: { id: draftId, status: 'open' }, data: { status: 'confirmed' } });
        if (claimed.count !== 1) return null;
        const codes = await repo.freshCodes(tx, plan.type, planned.length);
        const created: MeetingRecord[] = [];
        for (const [i, o] of planned.entries()) {
          const m = await tx.meeting.create({
            data: {
              code: codes[i], requestKey: `${draftId}:${i}`, groupId: group.id, type: plan.type, startsAt: o.startsAt, endsAt: o.endsAt,
              theme: plan.theme, location: plan.location, onlineUrl: plan.onlineUrl, seriesId,
              creatorId: actor.personId!, creatorName: actor.name, locale: actor.locale,
            },
          });
          created.push(repo.toRecord(m));
        }
        const jobs: JobRow[] = [];
        for (const [i, m] of created.entries()) {
          // the first (or only) meeting's invitation goes out now; a series' later ones some weeks ahead
          const inviteAt = i === 0 ? now : new Date(Math.max(now.getTime(), m.startsAt.getTime() - SERIES_INVITE_LEAD_MS));
          jobs.push(...jobsForMeeting(m, { daysBefore: group.reminderDaysBefore, now, inviteAt }));
        }
        await planJobs(tx, jobs, now);
        for (const m of created) {
          await recordAudit(tx, {
            ...auditActor(actor), action: 'meeting.create', entityType: 'Meeting', entityId: m.id,
            details: { code: m.code, groupId: m.groupId, type: m.type, startsAt: m.startsAt.toISOString(), endsAt: m.endsAt.toISOString(), seriesId, draftId },
          });
        }
        return created;
      });
      if (!meetings) return { kind: 'already', meetings: await this.meetingsOfDraft(draftId) };
      return { kind: 'created', meetings };
    } catch (err) {
      // a concurrent confirm won the race on a request key: that one created the meetings
      if (isUniqueViolation(err)) return { kind: 'already', meetings: await this.meetingsOfDraft(draftId) };
      throw err;
    }
  }

  async meetingsOfDraft(draftId: string): Promise<MeetingRecord[]> {
    const rows = await this.db.meeting.findMany({ where: { requestKey: { startsWith: `${draftId}:` } }, orderBy: { startsAt: 'asc' } });
    return rows.map(repo.toRecord);
  }

  // ---- invitation posting (exactly once) -------------------------------------------------------------

  /** true for exactly one caller: that one posts the invitation (and records or releases it). */
  async claimInvite(meetingId: string): Promise<boolean> {
    const now = this.now();
    const { count } = await this.db.meeting.updateMany({
      where: { id: meetingId, status: 'planned', messageId: null, OR: [{ inviteClaimedAt: null }, { inviteClaimedAt: { lt: new Date(now.getTime() - STALE_INVITE_CLAIM_MS) } }] },
      data: { inviteClaimedAt: now },
    });
    return count === 1;
  }

  async releaseInvite(meetingId: string): Promise<void> {
    await this.db.meeting.updateMany({ where: { id: meetingId, messageId: null }, data: { inviteClaimedAt: null } });
  }

  async recordInvitePosted(meetingId: string, posted: { conversationId: string; activityId: string }): Promise<void> {
    this.forget(meetingId);
    await this.db.meeting.update({ where: { id: meetingId }, data: { conversationId: posted.conversationId, messageId: posted.activityId } });
  }

  // ---- RSVP ------------------------------------------------------------------------------------------

  isInvited(actor: Actor, meeting: Pick<MeetingRecord, 'groupId' | 'type'>): boolean {
    const roles = repo.invitedRoles(meeting.type);
    return Boolean(actor.personId) && actor.roles.some((r) => r.groupId === meeting.groupId && roles.includes(r.role));
  }

  // answering an invitation: rsvpAnswers.ts (the storm's hot path), with isInvited and recentMeeting from here

  async myAnswer(actor: Pick<Actor, 'personId'>, meetingId: string): Promise<RsvpAnswer | null> {
    if (!actor.personId) return null;
    const row = await this.db.meetingRsvp.findUnique({ where: { meetingId_personId: { meetingId, personId: actor.personId } }, select: { answer: true } });
    return (row?.answer as RsvpAnswer | undefined) ?? null;
  }

  // ---- reschedule and cancel -------------------------------------------------------------------------

  /** `verzet <meeting> naar <datum tijd>`: what would change, with warnings; nothing is stored. */
  async planReschedule(actor: Actor, text: string): Promise<ReschedulePlan> {
    const first = parseRescheduleTarget(text, { now: this.now() });
    const meeting = await this.resolveRef(first.meetingRef, actor);
    this.requireCoordinator(actor, meeting);
    if (meeting.status === 'cancelled') throw new DomainError('meetings.change.cancelled', { code: meeting.code });
    const target = parseRescheduleTarget(text, { now: this.now(), current: meeting.startsAt });
    if (!target.startsAt) throw new DomainError('meetings.reschedule.missingDateTime', { input: text });
    const endsAt = new Date(target.startsAt.getTime() + (meeting.endsAt.getTime() - meeting.startsAt.getTime()));
    const warnings = [...target.warnings];
    for (const c of await repo.overlapping(this.db, meeting.groupId, target.startsAt, endsAt, meeting.id)) {
      warnings.push({ code: 'meetings.date.conflict', params: { code: c.code, type: c.type, whenNl: formatMeetingCompact(c.startsAt, 'nl'), whenEn: formatMeetingCompact(c.startsAt, 'en') } });
    }
    if (target.startsAt.getTime() === meeting.startsAt.getTime()) throw new DomainError('meetings.reschedule.same', { code: meeting.code });
    this.requireRescheduleTime(target.startsAt);
    return { meeting, target: target as ReschedulePlan['target'], endsAt, warnings };
  }

  /**
   * Moves the meeting if it still has the sequence the coordinator saw (a second click finds it raised:
   * nothing happens twice). Re-plans the reminder and attendance request under the new sequence.
   */
  async reschedule(actor: Actor, meetingId: string, expectedSequence: number, startsAt: Date): Promise<ChangeResult> {
    const meeting = await this.requireMeeting(meetingId);
    this.requireCoordinator(actor, meeting);
    if (meeting.status === 'cancelled') throw new DomainError('meetings.change.cancelled', { code: meeting.code });
    this.requireRescheduleTime(startsAt);
    const endsAt = new Date(startsAt.getTime() + (meeting.endsAt.getTime() - meeting.startsAt.getTime()));
    const now = this.now();
    const group = await repo.groupInfo(this.db, meeting.groupId);
    const updated = await this.db.$transaction(async (tx) => {
      const { count } = await tx.meeting.updateMany({
        where: { id: meetingId, status: 'planned', sequence: expectedSequence },
        data: { startsAt, endsAt, sequence: { increment: 1 } },
      });
      if (count !== 1) return null;
      const row = repo.toRecord(await tx.meeting.findUniqueOrThrow({ where: { id: meetingId } }));
      await cancelTimedJobs(tx, meetingId, expectedSequence);
      await planJobs(tx, jobsForMeeting(row, { daysBefore: group?.reminderDaysBefore ?? 2, now, inviteAt: null }), now);
      await recordAudit(tx, {
        ...auditActor(actor), action: 'meeting.reschedule', entityType: 'Meeting', entityId: meetingId,
        details: { code: row.code, from: meeting.startsAt.toISOString(), to: startsAt.toISOString(), sequence: row.sequence },
      });
      return row;
    });
    this.forget(meetingId);
    if (!updated) return { changed: false, meeting: await this.requireMeeting(meetingId), yesPersonIds: [] };
    return { changed: true, meeting: updated, yesPersonIds: await this.yesPeople(meetingId) };
  }

  /** A meeting moves only to a real moment after now and within MAX_RESCHEDULE_YEARS (card data is not trusted). */
  private requireRescheduleTime(startsAt: Date): void {
    const now = this.now();
    const latest = new Date(now);
    latest.setUTCFullYear(latest.getUTCFullYear() + MAX_RESCHEDULE_YEARS);
    const ms = startsAt.getTime();
    if (Number.isNaN(ms) || ms <= now.getTime() || ms > latest.getTime()) throw new DomainError('meetings.reschedule.outOfRange');
  }

  async cancel(actor: Actor, meetingId: string, expectedSequence: number): Promise<ChangeResult> {
    const meeting = await this.requireMeeting(meetingId);
    this.requireCoordinator(actor, meeting);
    const updated = await this.db.$transaction(async (tx) => {
      const { count } = await tx.meeting.updateMany({ where: { id: meetingId, status: 'planned', sequence: expectedSequence }, data: { status: 'cancelled', sequence: { increment: 1 } } });
      if (count !== 1) return null;
      await cancelMeetingJobs(tx, meetingId);
      const row = repo.toRecord(await tx.meeting.findUniqueOrThrow({ where: { id: meetingId } }));
      await recordAudit(tx, { ...auditActor(actor), action: 'meeting.cancel', entityType: 'Meeting', entityId: meetingId, details: { code: row.code, startsAt: row.startsAt.toISOString(), sequence: row.sequence } });
      return row;
    });
    this.forget(meetingId);
    if (!updated) return { changed: false, meeting: await this.requireMeeting(meetingId), yesPersonIds: [] };
    return { changed: true, meeting: updated, yesPersonIds: await this.yesPeople(meetingId) };
  }

  private async yesPeople(meetingId: string): Promise<string[]> {
    return (await this.db.meetingRsvp.findMany({ where: { meetingId, answer: YES }, select: { personId: true } })).map((r) => r.personId);
  }

  // ---- reminders -------------------------------------------------------------------------------------

  /** true for exactly one caller per sequence: that one posts the reminder (and releases on failure). */
  async claimReminder(meetingId: string, sequence: number): Promise<boolean> {
    const { count } = await this.db.meeting.updateMany({
      where: { id: meetingId, status: 'planned', sequence, OR: [{ remindedSeq: null }, { remindedSeq: { not: sequence } }] },
      data: { remindedSeq: sequence },
    });
    return count === 1;
  }

  async releaseReminder(meetingId: string, sequence: number): Promise<void> {
    await this.db.meeting.updateMany({ where: { id: meetingId, remindedSeq: sequence }, data: { remindedSeq: null } });
  }

  /** Retention: a year after the meeting its RSVPs go; confirmed attendance and the audit trail stay. */
  async purgeRsvps(meetingId: string): Promise<number> {
    const { count } = await this.db.meetingRsvp.deleteMany({ where: { meetingId } });
    return count;
  }

  // ---- agenda ----------------------------------------------------------------------------------------

  /** Upcoming planned meetings of the actor's groups (or of one group they belong to or coordinate). */
  async agenda(actor: Actor, groupId?: string, limit = 20): Promise<{ meeting: MeetingRecord; groupName: string; counts: RsvpCounts }[]> {
    const mine = [...new Set(actor.roles.filter((r) => r.groupId).map((r) => r.groupId as string))];
    let groups: string[] | undefined = isAdmin(actor) ? undefined : mine;
    if (groupId) {
      if (groups && !groups.includes(groupId)) throw new DomainError('meetings.agenda.notMember');
      groups = [groupId];
    }
    const rows = await this.db.meeting.findMany({
      where: { status: 'planned', endsAt: { gt: this.now() }, ...(groups ? { groupId: { in: groups } } : {}) },
      orderBy: { startsAt: 'asc' },
      take: limit,
    });
    const names = new Map((await repo.groupsByIds(this.db, [...new Set(rows.map((r) => r.groupId))])).map((g) => [g.id, g.name]));
    return Promise.all(rows.map(async (r) => ({ meeting: repo.toRecord(r), groupName: names.get(r.groupId) ?? '?', counts: await repo.rsvpCounts(this.db, r.id) })));
  }
}
