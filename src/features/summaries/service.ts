/**
 * Use-cases for meeting summaries (verslagen): open a draft for an ended meeting, save and preview it,
 * post it once, keep FTO afspraken per wijkgroep, and follow action items up to "done".
 *
 * Privacy: every save and post runs the privacy guard over all free text. Without an explicit override
 * the stored draft keeps flagged fragments out (they are replaced by a marker; the coordinator still sees
 * their own text on the card), and nothing with findings is posted. An override needs a ticked
 * confirmation and is audited with the kinds of finding only — never the fragments, which may be patient
 * data. Nothing here logs text.
 *
 * Posting twice cannot post twice: the draft is claimed (draft → posting) with a conditional update, and
 * only the claimant posts; a claim whose process died is retried after STALE_POSTING_MS.
 */
import type { Db } from '../../db/client';
import type { JobQueue } from '../../jobs/jobQueue';
import { auditActor, recordAudit } from '../audit/auditLog';
import { DomainError } from '../errors';
import { membersOfGroup } from '../groups/repository';
import { isAdmin, isCoordinatorOf, isMemberOf, type Actor } from '../groups/types';
import { addDays, amsterdamToday, toAmsterdamInstant, toIsoDate } from '../../dates/calendar';
import { formatMeetingCompact } from '../../dates/dutchDates';
import { findingKinds, findPatientData, redactFields } from '../../privacy/guardText';
import { formFrom, hasFormFields, parseForm, type Member } from './parse';
import type { FieldFinding } from '../../privacy/privacyGuard';
import * as repo from './repository';
import {
  ACTION_REMINDER_JOB, actionReminderKey, agreementCode, REMINDER_DAYS_BEFORE, REMINDER_HOUR, STALE_POSTING_MS, tracksAgreements,
  type MeetingForSummary, type ParsedSummary, type Problem, type SummaryForm, type SummaryMeetingSource, type SummaryRecord,
} from './types';

export interface SummariesDeps {
  db: Db;
  clock: () => Date;
  jobs: JobQueue;
  meetings: SummaryMeetingSource | null;
  /** the wijkgroep's linked channel (foundation's ConversationStore) */
  channelOfGroup(groupId: string): Promise<string | null>;
}

/** The result of saving the form: what is stored, what was typed, and what is wrong with it. */
export interface DraftOutcome {
  /** as stored (flagged fragments redacted unless overridden) */
  record: SummaryRecord;
  /** as typed: what the form card shows again, so nothing is lost */
  form: SummaryForm;
  parsed: ParsedSummary;
  problems: Problem[];
  /** privacy findings in what was typed (and in the meeting's theme) */
  findings: FieldFinding[];
}

export type PostStart =
  | ({ ok: false } & DraftOutcome)
  | {
      ok: true;
      record: SummaryRecord;
      parsed: ParsedSummary;
      conversationId: string;
      agreements: { id: number; text: string }[];
      actions: { id: number; what: string; ownerName: string; dueDate: string }[];
      overridden: boolean;
    };

export class SummariesService {
  constructor(private readonly deps: SummariesDeps) {}

  private get db(): Db {
    return this.deps.db;
  }

  // ---- drafts ----------------------------------------------------------------------------------------

  /** `verslag <code>` (or a bare `verslag`: the latest ended meeting): the draft of that meeting's verslag. */
  async open(actor: Actor, ref: string): Promise<SummaryRecord> {
    const source = this.deps.meetings;
    if (!source) throw new DomainError('summaries.noMeetingSource');
    if (!actor.personId) throw new DomainError('common.notOnRoster');
    let meeting: MeetingForSummary | null;
    if (ref.trim()) meeting = await source.findForSummary(ref.trim(), actor);
    else meeting = await source.latestEndedFor(actor);
    if (!meeting) throw new DomainError('summaries.noEndedMeeting');
    if (!isCoordinatorOf(actor, meeting.groupId)) throw new DomainError('summaries.notCoordinator', { group: meeting.groupName });
    if (meeting.status === 'cancelled') throw new DomainError('summaries.meetingCancelled');
    if (meeting.startsAt.getTime() > this.deps.clock().getTime()) throw new DomainError('summaries.meetingNotStarted');
    return repo.upsertDraft(this.db, meeting, { id: actor.personId, name: actor.name, locale: actor.locale });
  }

  /** Whether a meeting has a verslag yet (for the meetings feature's attendance card, via the port). */
  async stateOf(meetingId: string): Promise<'none' | 'draft' | 'posted'> {
    const row = await this.db.meetingSummary.findUnique({ where: { meetingId }, select: { status: true } });
    return !row ? 'none' : row.status === 'posted' ? 'posted' : 'draft';
  }

  /** `summary.edit`: the draft again, with the meeting's facts (attendance registered since) brought up to date. */
  async reopen(actor: Actor, id: string): Promise<SummaryRecord> {
    return this.withFreshMeeting(actor, await this.requireEditor(actor, id));
  }

  /**
   * A draft shows the meeting as it is now: attendance saved after the form was opened ("Aanwezig: nog
   * niets geregistreerd" stayed on the form before) is taken over on every save, preview and edit.
   */
  private async withFreshMeeting(actor: Actor, record: SummaryRecord): Promise<SummaryRecord> {
    const source = this.deps.meetings;
    if (record.status !== 'draft' || !source || !actor.personId) return record;
    let meeting: MeetingForSummary;
    try {
      meeting = await source.findForSummary(record.meetingId, actor);
    } catch {
      return record; // the meeting is gone or out of reach: keep what the draft holds
    }
    return repo.upsertDraft(this.db, meeting, { id: actor.personId, name: actor.name, locale: actor.locale });
  }

  /** A summary the actor may edit or post: the coordinator of its wijkgroep (or an admin). */
  async requireEditor(actor: Actor, id: string): Promise<SummaryRecord> {
    const record = await repo.findSummary(this.db, id);
    if (!record) throw new DomainError('summaries.notFound');
    if (!isCoordinatorOf(actor, record.groupId)) throw new DomainError('summaries.notCoordinator', { group: record.groupName });
    return record;
  }

  private refusePosted(record: SummaryRecord): never {
    if (record.status === 'posting') throw new DomainError('summaries.postInProgress');
    throw new DomainError('summaries.alreadyPosted', { when: record.postedAt ? formatMeetingCompact(record.postedAt, record.locale) : '?', by: record.postedBy ?? '?' });
  }

  private async members(groupId: string): Promise<Member[]> {
    return (await membersOfGroup(this.db, groupId)).map((m) => ({ id: m.id, name: m.name, email: m.email }));
  }

  /**
   * Reads the form from card data (or keeps the stored one when the click came from the preview),
   * checks it, and stores it. The stored copy never holds flagged fragments unless `override` is set.
   */
  async save(actor: Actor, id: string, data: Record<string, unknown>, opts: { forPost?: boolean; override?: boolean } = {}): Promise<DraftOutcome> {
    let record = await this.requireEditor(actor, id);
    if (record.status === 'posting') {
      await this.releaseStaleClaim(id);
      record = await this.requireEditor(actor, id);
    }
    if (record.status !== 'draft') this.refusePosted(record);
    record = await this.withFreshMeeting(actor, record);
    const read = hasFormFields(data) ? formFrom(data) : { form: record.form, problems: [] };
    const { parsed, problems } = parseForm(read.form, await this.members(record.groupId), this.deps.clock(), { forPost: opts.forPost ?? false });
    const findings = findPatientData({ ...read.form, theme: record.theme ?? '' }, this.deps.clock());
    const formFindings = findings.filter((f) => f.field !== 'theme');
    const stored = formFindings.length && !opts.override ? redactFields(read.form, formFindings) : read.form;
    if (!(await repo.saveForm(this.db, id, stored, { id: actor.personId!, name: actor.name }))) {
      this.refusePosted((await repo.findSummary(this.db, id)) ?? record);
    }
    return {
      record: { ...record, form: stored, authorId: actor.personId!, authorName: actor.name },
      form: read.form,
      parsed,
      problems: [...read.problems, ...problems],
      findings,
    };
  }

  /** A post whose process died mid-way (claimed long ago, never finished or aborted) becomes a draft again. */
  private async releaseStaleClaim(id: string): Promise<void> {
    const staleBefore = new Date(this.deps.clock().getTime() - STALE_POSTING_MS);
    await this.abortPost(id, { postingAt: { lt: staleBefore } });
  }

  // ---- posting ---------------------------------------------------------------------------------------

  /**
   * Saves the form, checks everything a posted verslag needs, and claims the draft (draft → posting) in
   * the same transaction that writes its afspraken and action items. The caller posts the cards, then
   * calls finishPost, or abortPost when Teams refused.
   *
   * `override`: the coordinator pressed "Toch plaatsen"; `confirmed`: the confirmation box was ticked.
   */
  async beginPost(actor: Actor, id: string, data: Record<string, unknown>, opts: { override?: boolean; confirmed?: boolean } = {}): Promise<PostStart> {
    const overriding = Boolean(opts.override && opts.confirmed);
    const outcome = await this.save(actor, id, data, { forPost: true, override: overriding });
    const { record, parsed, findings } = outcome;
    const problems = [...outcome.problems];
    if (opts.override && !opts.confirmed && findings.length) problems.push({ code: 'summaries.privacy.confirmMissing' });
    const conversationId = await this.deps.channelOfGroup(record.groupId);
    if (!conversationId) problems.push({ code: 'summaries.noChannel', params: { group: record.groupName } });
    if (problems.length || !conversationId || (findings.length && !overriding)) return { ok: false, ...outcome, problems };

    const now = this.deps.clock();
    const tracked = tracksAgreements(record.meetingType);
    const overridden = findings.length > 0;
    const claimed = await this.db.$transaction(async (tx) => {
      const { count } = await tx.meetingSummary.updateMany({
        where: { id, status: 'draft' },
        data: { status: 'posting', postingAt: now, privacyOverride: overridden },
      });
      if (count !== 1) return null;
      const agreements = [];
      for (const [position, text] of parsed.decisions.entries()) {
        agreements.push(await tx.summaryAgreement.create({
          data: { summaryId: id, position, groupId: record.groupId, meetingType: record.meetingType, meetingDate: record.meetingStartsAt, text, tracked },
          select: { id: true, text: true },
        }));
      }
      const actions = [];
      for (const [position, a] of parsed.actions.entries()) {
        actions.push(await tx.summaryActionItem.create({
          data: { summaryId: id, position, groupId: record.groupId, what: a.what, ownerId: a.ownerId, ownerName: a.ownerName, dueDate: a.dueDate },
          select: { id: true, what: true, ownerName: true, dueDate: true },
        }));
      }
      if (overridden) {
        await recordAudit(tx, {
          ...auditActor(actor), action: 'summary.privacyOverride', entityType: 'MeetingSummary', entityId: id,
          details: { meetingId: record.meetingId, groupId: record.groupId, kinds: findingKinds(findings), findings: findings.length },
        });
      }
      return { agreements, actions };
    });
    if (!claimed) this.refusePosted((await repo.findSummary(this.db, id)) ?? record);
    return { ok: true, record: { ...record, status: 'posting' }, parsed, conversationId, ...claimed, overridden };
  }

  async finishPost(actor: Actor, id: string, posted: { conversationId: string; messageIds: string[] }): Promise<SummaryRecord> {
    const now = this.deps.clock();
    const record = await this.db.$transaction(async (tx) => {
      const { count } = await tx.meetingSummary.updateMany({
        where: { id, status: 'posting' },
        data: { status: 'posted', postedAt: now, postedBy: actor.name, conversationId: posted.conversationId, messageIds: JSON.stringify(posted.messageIds), postingAt: null },
      });
      if (count !== 1) throw new DomainError('summaries.postInProgress');
      const row = repo.toRecord(await tx.meetingSummary.findUniqueOrThrow({ where: { id } }));
      const [agreements, actions] = await Promise.all([tx.summaryAgreement.count({ where: { summaryId: id } }), tx.summaryActionItem.count({ where: { summaryId: id } })]);
      await recordAudit(tx, {
        ...auditActor(actor), action: 'summary.post', entityType: 'MeetingSummary', entityId: id,
        details: { meetingId: row.meetingId, groupId: row.groupId, type: row.meetingType, parts: posted.messageIds.length, agreements, actions, privacyOverride: row.privacyOverride, conversationId: posted.conversationId },
      });
      return row;
    });
    await this.scheduleReminders(id);
    return record;
  }

  /** Teams refused the post: back to draft, and the afspraken and actions of this attempt go away. */
  async abortPost(id: string, condition: { postingAt?: { lt: Date } } = {}): Promise<void> {
    await this.db.$transaction(async (tx) => {
      const { count } = await tx.meetingSummary.updateMany({ where: { id, status: 'posting', ...condition }, data: { status: 'draft', postingAt: null } });
      if (count !== 1) return;
      await tx.summaryAgreement.deleteMany({ where: { summaryId: id } });
      await tx.summaryActionItem.deleteMany({ where: { summaryId: id } });
    });
  }

  // ---- action items ----------------------------------------------------------------------------------

  /**
   * One personal reminder per action item, REMINDER_DAYS_BEFORE days before the due date at
   * REMINDER_HOUR (Amsterdam). When that moment has passed already (a short deadline), it goes out at
   * the next job run, as long as the due day has not ended.
   */
  reminderTime(dueDate: string, now: Date): Date | null {
    const [year, month, day] = dueDate.split('-').map(Number) as [number, number, number];
    const due = { year, month, day };
    const at = toAmsterdamInstant(addDays(due, -REMINDER_DAYS_BEFORE), { hour: REMINDER_HOUR, minute: 0 }).instant;
    if (at.getTime() > now.getTime()) return at;
    const endOfDue = toAmsterdamInstant(addDays(due, 1), { hour: 0, minute: 0 }).instant;
    return now.getTime() < endOfDue.getTime() ? now : null;
  }

  private async scheduleReminders(summaryId: string): Promise<void> {
    const now = this.deps.clock();
    const items = await this.db.summaryActionItem.findMany({ where: { summaryId, status: 'open' }, select: { id: true, dueDate: true } });
    for (const item of items) {
      const at = this.reminderTime(item.dueDate, now);
      if (at) await this.deps.jobs.scheduleOnce(ACTION_REMINDER_JOB, actionReminderKey(item.id), at, { itemId: item.id });
    }
  }

  /** Claims the reminder of an open item (exactly once); null when it is done, gone or already reminded. */
  async claimReminder(itemId: number): Promise<repo.ActionItemWithMeeting | null> {
    const item = await repo.findActionItem(this.db, itemId);
    if (!item || item.status !== 'open') return null;
    const { count } = await this.db.summaryActionItem.updateMany({ where: { id: itemId, status: 'open', reminderSentAt: null }, data: { reminderSentAt: this.deps.clock() } });
    return count === 1 ? item : null;
  }

  async releaseReminder(itemId: number): Promise<void> {
    await this.db.summaryActionItem.updateMany({ where: { id: itemId }, data: { reminderSentAt: null } });
  }

  async myActions(actor: Actor) {
    if (!actor.personId) throw new DomainError('common.notOnRoster');
    return repo.openActionsOf(this.db, actor.personId);
  }

  /** The owner (or the group's coordinator) ticks an action item off; idempotent. */
  async markActionDone(actor: Actor, itemId: number): Promise<{ changed: boolean; item: repo.ActionItemWithMeeting }> {
    const item = await repo.findActionItem(this.db, itemId);
    if (!item) throw new DomainError('summaries.actions.notFound');
    if (item.ownerId !== actor.personId && !isCoordinatorOf(actor, item.groupId)) throw new DomainError('summaries.actions.notYours');
    const changed = await this.db.$transaction(async (tx) => {
      const { count } = await tx.summaryActionItem.updateMany({ where: { id: itemId, status: 'open' }, data: { status: 'done', doneAt: this.deps.clock(), doneBy: actor.name } });
      if (count === 1) await recordAudit(tx, { ...auditActor(actor), action: 'summary.actionDone', entityType: 'SummaryActionItem', entityId: String(itemId), details: { summaryId: item.summaryId, groupId: item.groupId } });
      return count === 1;
    });
    if (changed) await this.deps.jobs.cancel(actionReminderKey(itemId));
    return { changed, item };
  }

  // ---- afspraken -------------------------------------------------------------------------------------

  async agreementsFor(actor: Actor, group: { id: string; name: string }) {
    if (!isAdmin(actor) && !isMemberOf(actor, group.id)) throw new DomainError('summaries.agreements.notMember', { group: group.name });
    return repo.agreementsOfGroup(this.db, group.id);
  }

  /** The coordinator marks an FTO afspraak as checked (getoetst) at a later FTO; idempotent. */
  async checkAgreement(actor: Actor, id: number, groupName: (groupId: string) => Promise<string>): Promise<{ changed: boolean; code: string; groupId: string }> {
    const agreement = await repo.findAgreement(this.db, id);
    if (!agreement || !agreement.tracked) throw new DomainError('summaries.agreements.notFound', { code: agreementCode(id) });
    if (!isCoordinatorOf(actor, agreement.groupId)) throw new DomainError('summaries.agreements.notCoordinator', { group: await groupName(agreement.groupId) });
    const changed = await this.db.$transaction(async (tx) => {
      const { count } = await tx.summaryAgreement.updateMany({
        where: { id, status: 'open' },
        data: { status: 'checked', checkedAt: this.deps.clock(), checkedById: actor.personId, checkedBy: actor.name },
      });
      if (count === 1) await recordAudit(tx, { ...auditActor(actor), action: 'summary.agreementChecked', entityType: 'SummaryAgreement', entityId: String(id), details: { groupId: agreement.groupId } });
      return count === 1;
    });
    return { changed, code: agreementCode(id), groupId: agreement.groupId };
  }

  /** Open afspraken of a group, for the next FTO invitation (meetings' setAgreementsProvider hook). */
  async openAgreements(groupId: string) {
    return (await repo.agreementsOfGroup(this.db, groupId, 0)).open;
  }

  /** Today in Amsterdam as 'YYYY-MM-DD' (for "overdue" on the list). */
  today(): string {
    return toIsoDate(amsterdamToday(this.deps.clock()));
  }
}
