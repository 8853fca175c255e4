/**
 * Klankbord polls, drafting and publishing: `peiling …` makes a draft the coordinator edits on its card;
 * Publiceren checks everything a published poll needs (privacy, electorate, where it goes), claims the
 * draft so a double click posts once, and after the card is posted fixes the electorate.
 *
 * Who may: coordinators and admins; a coordinator addresses the ROHA-raad, everyone, or the wijkgroepen
 * they coordinate (admins: any group), and posts here or in such a group's linked channel. In a personal
 * chat only a channel is offered: nobody else would see the poll there.
 */
import type { Db } from '../../db/client';
import { auditActor, recordAudit } from '../audit/auditLog';
import { DomainError } from '../errors';
import { coordinatedGroupIds, type Actor } from '../groups/types';
import { checkPrivacyOfFields, describeFindings } from '../../privacy/privacyGuard';
import { parseCreateCommand, settingsFromForm, type DraftForm, type Problem } from './parse';
import { allowedGroups, canCreatePolls, canManagePoll } from './permissions';
import * as repo from './repository';
import { CLOSE_JOB, closeJobKey, type PollsDeps } from './service';
import type { PollRecord, PollSettings } from './types';

/** A publish attempt that neither finished nor failed this long ago died with its process; it may be retried. */
const STALE_PUBLISH_MS = 2 * 60_000;

export type PublishStart =
  | { ok: false; poll: PollRecord; problems: Problem[]; privacyFindings: boolean }
  | { ok: true; poll: PollRecord; electorate: string[]; conversationId: string };

export class PollDrafts {
  constructor(private readonly deps: PollsDeps) {}

  private get db(): Db {
    return this.deps.db;
  }

  private async requirePoll(pollId: number): Promise<PollRecord> {
    const poll = await repo.findPoll(this.db, pollId);
    if (!poll) throw new DomainError('polls.notFound', { id: pollId });
    return poll;
  }

  private async requireDraftEditor(actor: Actor, pollId: number): Promise<PollRecord> {
    const poll = await this.requirePoll(pollId);
    // the role is checked again on every edit: it may have been revoked since the draft was made
    if (!canCreatePolls(actor) || !canManagePoll(actor, poll)) throw new DomainError('polls.draft.notAllowed');
    if (poll.status !== 'draft') throw new DomainError('polls.draft.alreadyPublished', { id: poll.id });
    return poll;
  }

  // ---- drafts ----------------------------------------------------------------------------------------

  async createDraft(actor: Actor, args: string, where: { conversationId: string; linkedGroupId: string | null; personal: boolean }): Promise<PollRecord> {
    if (!canCreatePolls(actor)) throw new DomainError('polls.create.notAllowed');
    const { question, options } = parseCreateCommand(args);
    const allowed = allowedGroups(actor);
    // In a wijkgroep's own channel the natural audience is that group; elsewhere the ROHA-raad.
    const groupHere = where.linkedGroupId && (!allowed || allowed.has(where.linkedGroupId)) ? where.linkedGroupId : null;
    // In the coordinator's personal chat nobody else would see the poll: it goes to a group's channel.
    const channel = where.personal ? (await this.channelsFor(actor))[0] : undefined;
    const row = await this.db.poll.create({
      data: {
        ...repo.settingsData({
          question: question.slice(0, 1_000),
          options: options.slice(0, 20),
          multiple: false,
          anonymous: false,
          resultsLive: true,
          feedback: false,
          deadline: null,
          audience: groupHere ? 'groups' : 'raad',
          audienceGroupIds: groupHere ? [groupHere] : [],
          target: channel ? { kind: 'group', groupId: channel.id } : { kind: 'here' },
        }),
        creatorId: actor.personId!,
        creatorName: actor.name,
        locale: actor.locale,
        draftConversationId: where.conversationId,
      },
    });
    return repo.toRecord(row);
  }

  /**
   * The linked channels this person may post a poll in (admins: every group's), their own groups first:
   * what a draft made in a personal chat offers under "Plaatsen in".
   */
  async channelsFor(actor: Actor): Promise<{ id: string; name: string; channelName: string | null }[]> {
    const allowed = allowedGroups(actor);
    const own = new Set(coordinatedGroupIds(actor));
    const linked = (await repo.allGroups(this.db)).filter((g) => g.conversation && (!allowed || allowed.has(g.id)));
    const ordered = [...linked.filter((g) => own.has(g.id)), ...linked.filter((g) => !own.has(g.id))];
    return ordered.map((g) => ({ id: g.id, name: g.name, channelName: g.conversation?.name ?? null }));
  }

  /** The group named in "type @Wijkbot koppel <group> in its channel": one the person coordinates, if any. */
  linkHintGroup(actor: Actor): string {
    return actor.roles.find((r) => r.role === 'coordinator' && r.groupName)?.groupName ?? '‹wijkgroep›';
  }

  async draft(actor: Actor, pollId: number): Promise<PollRecord> {
    return this.requireDraftEditor(actor, pollId);
  }

  /** Saves what is valid; with problems nothing is saved and the problems go back to the card. */
  async saveDraft(actor: Actor, pollId: number, form: DraftForm): Promise<{ poll: PollRecord; problems: Problem[] }> {
    const poll = await this.requireDraftEditor(actor, pollId);
    const { settings, problems } = settingsFromForm(form, this.deps.clock());
    if (!settings) return { poll, problems };
    const groupProblems = await this.checkGroups(actor, settings);
    if (groupProblems.length) return { poll, problems: groupProblems };
    const row = await this.db.poll.update({ where: { id: poll.id }, data: repo.settingsData(settings) });
    return { poll: repo.toRecord(row), problems: [] };
  }

  private async checkGroups(actor: Actor, settings: PollSettings): Promise<Problem[]> {
    const allowed = allowedGroups(actor);
    const wanted = [...settings.audienceGroupIds, ...(settings.target.kind === 'group' ? [settings.target.groupId] : [])];
    const found = new Map((await repo.groupsByIds(this.db, wanted)).map((g) => [g.id, g.name]));
    const problems: Problem[] = [];
    for (const id of new Set(wanted)) {
      const name = found.get(id);
      if (!name) problems.push({ code: 'polls.draft.unknownGroup' });
      else if (allowed && !allowed.has(id)) problems.push({ code: 'polls.draft.groupNotYours', params: { group: name } });
    }
    return problems;
  }

  async discardDraft(actor: Actor, pollId: number): Promise<void> {
    const poll = await this.requireDraftEditor(actor, pollId);
    await this.db.poll.deleteMany({ where: { id: poll.id, status: 'draft' } });
  }

  // ---- publishing ------------------------------------------------------------------------------------

  /**
   * Saves the form, checks everything a published poll needs, and claims the draft (draft → publishing)
   * so a double click or a Teams retry cannot post the poll twice. The caller posts the card, then calls
   * finishPublish, or abortPublish when posting failed.
   */
  async beginPublish(actor: Actor, pollId: number, form: DraftForm): Promise<PublishStart> {
    const saved = await this.saveDraft(actor, pollId, form);
    if (saved.problems.length) return { ok: false, poll: saved.poll, problems: saved.problems, privacyFindings: false };
    const poll = saved.poll;
    const problems: Problem[] = [];
    // Wijkbot holds organisational data only: the question and options go through the privacy guard.
    const fields: Record<string, string> = { question: poll.question };
    poll.options.forEach((o, i) => (fields[`option.${i + 1}`] = o));
    const findings = checkPrivacyOfFields(fields, { referenceDate: this.deps.clock() });
    const privacyOverride = findings.length > 0 && form.privacyOk === 'true';
    if (findings.length && !privacyOverride) {
      for (const line of describeFindings(findings, actor.locale)) problems.push({ code: 'polls.privacy.finding', params: { finding: line } });
    }
    const electorate = await repo.electorate(this.db, poll.audience, poll.audienceGroupIds);
    if (!electorate.length) problems.push({ code: 'polls.publish.noElectorate' });
    const conversationId = poll.target.kind === 'group' ? await repo.channelOfGroup(this.db, poll.target.groupId) : poll.draftConversationId;
    if (!conversationId) problems.push({ code: 'polls.publish.groupHasNoChannel' });
    else if (poll.target.kind === 'here' && (await repo.conversationKind(this.db, conversationId)) === 'personal') {
      // only the coordinator would see a poll posted in their own chat with Wijkbot: a channel, or how to get one
      const channels = await this.channelsFor(actor);
      problems.push(channels.length ? { code: 'polls.publish.personalChat' } : { code: 'polls.publish.noChannelYet', params: { group: this.linkHintGroup(actor) } });
    }
    if (poll.deadline && poll.deadline.getTime() <= this.deps.clock().getTime()) problems.push({ code: 'polls.deadline.tooSoon' });
    if (problems.length || !conversationId) return { ok: false, poll, problems, privacyFindings: findings.length > 0 };

    const now = this.deps.clock();
    const claimed = await this.db.poll.updateMany({
      where: { id: poll.id, OR: [{ status: 'draft' }, { status: 'publishing', publishedAt: { lt: new Date(now.getTime() - STALE_PUBLISH_MS) } }] },
      data: { status: 'publishing', publishedAt: now },
    });
    if (claimed.count !== 1) throw new DomainError('polls.draft.alreadyPublished', { id: poll.id });
    if (privacyOverride) {
      await recordAudit(this.db, { ...auditActor(actor), action: 'poll.privacyOverride', entityType: 'Poll', entityId: String(poll.id), details: { kinds: findings.map((f) => f.kind) } });
    }
    return { ok: true, poll: { ...poll, status: 'open', eligibleCount: electorate.length, conversationId, publishedAt: now }, electorate, conversationId };
  }

  async finishPublish(actor: Actor, pollId: number, posted: { conversationId: string; messageId: string }, electorate: string[]): Promise<PollRecord> {
    const poll = await this.db.$transaction(async (tx) => {
      const { count } = await tx.poll.updateMany({
        where: { id: pollId, status: 'publishing' },
        data: { status: 'open', conversationId: posted.conversationId, messageId: posted.messageId, eligibleCount: electorate.length },
      });
      if (count !== 1) throw new DomainError('polls.draft.alreadyPublished', { id: pollId });
      const row = repo.toRecord(await tx.poll.findUniqueOrThrow({ where: { id: pollId } }));
      await tx.pollElector.createMany({ data: electorate.map((personId) => ({ pollId, personId })) });
      if (row.anonymous) await tx.pollTally.createMany({ data: row.options.map((_, option) => ({ pollId, option, count: 0 })) });
      await recordAudit(tx, {
        ...auditActor(actor), action: 'poll.publish', entityType: 'Poll', entityId: String(pollId),
        details: { audience: row.audience, groups: row.audienceGroupIds, eligible: electorate.length, anonymous: row.anonymous, multiple: row.multiple, deadline: row.deadline?.toISOString() ?? null, conversationId: posted.conversationId },
      });
      return row;
    });
    if (poll.deadline) await this.deps.jobs.schedule(CLOSE_JOB, closeJobKey(pollId), poll.deadline, { pollId });
    return poll;
  }

  async abortPublish(pollId: number): Promise<void> {
    await this.db.poll.updateMany({ where: { id: pollId, status: 'publishing' }, data: { status: 'draft', publishedAt: null } });
  }
}
