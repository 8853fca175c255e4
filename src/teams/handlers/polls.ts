/**
 * Klankbord polls in Teams: commands (peiling, peilingen, sluit peiling, herinner peiling), the draft
 * card's verbs, voting verbs with user-specific views, the deadline and retention jobs, and the CSV
 * download route. Parse → call PollDrafts / PollsService (which check who may do what) → render.
 *
 * The shared poll message is never updated from a vote's invoke answer: the voter gets their own view in
 * the invoke response (see teams-testing.md, trap 1), and the neutral card for everyone is brought up to
 * date by a per-poll coalescer (one edit in flight, latest state wins; see features/polls/coalesce.ts).
 */
import { messageCard } from '../../cards/messageCard';
import { DomainError } from '../../features/errors';
import { isAdmin, type Actor, type Locale } from '../../features/groups/types';
import { canManagePoll } from '../../features/polls/permissions';
import { markdownInert } from '../../cards/markdown';
import { audienceLabel, closedAnnouncement, draftCard, pollCard, turnoutLine, type DraftGroup, type PersonalView, type Tone } from '../../features/polls/cards';
import { CardUpdateCoalescer } from '../../cards/updateCoalescer';
import { updateUntilSettled } from '../../cards/settledUpdate';
import { pollCsv } from '../../features/polls/csv';
import { formatWhen } from '../../features/polls/deadline';
import { exportToken, verifyExportToken } from '../../features/polls/exportLink';
import { draftFormFrom, pollIdFrom, pollIdFromText, type Problem } from '../../features/polls/parse';
import * as repo from '../../features/polls/repository';
import { PollDrafts } from '../../features/polls/drafts';
import { CLOSE_JOB, PollsService, PURGE_JOB, REMIND_JOB, type VoteOutcome, type VoterView } from '../../features/polls/service';
import { EXPORT_LINK_TTL_MS, MAX_REFRESH_USERS, type PollRecord } from '../../features/polls/types';
import { t } from '../../i18n';
import type { CardActionContext, CardActionResult, CardActionSpec, CommandContext, CommandSpec, ConversationInfo, FeatureModule, HttpRoute } from '../featureModule';
import { csvDownload, plainText } from '../routeResponses';
import type { AppServices } from '../services';

/** Minimum time between two edits of one shared poll card (Teams: 7 msg/s, 60 per 30 s per conversation). */
export const SHARED_CARD_MIN_INTERVAL_MS = 1_000;
/** How long the list of electors whose clients fetch their own view is reused (like meetings' invitee cache). */
const REFRESH_USERS_MS = 30_000;

const canCreatePolls = (a: Actor) => a.roles.some((r) => r.role === 'coordinator' || r.role === 'admin');

export interface PollsModule extends FeatureModule {
  polls: PollsService;
  cardUpdates: CardUpdateCoalescer;
  /** resolves when card edits and background reminders are done (tests, benchmark, shutdown) */
  idle(): Promise<void>;
}

export function pollsModule(services: AppServices): PollsModule {
  const { db, log, proactive, groups } = services;
  const deps = { db, clock: services.clock, secret: services.appSecret, jobs: services.jobs, sqlite: services.sqlite };
  const polls = new PollsService(deps);
  const drafts = new PollDrafts(deps);
  const background = new Set<Promise<unknown>>();
  const audienceCache = new Map<number, string>();
  const refreshCache = new Map<number, { ids: Promise<string[]>; expires: number }>();

  function track(p: Promise<unknown>): void {
    const tracked = p.catch((err) => log.error({ err: (err as Error).message }, 'poll background task failed')).finally(() => background.delete(tracked));
    background.add(tracked);
  }

  async function audienceOf(poll: PollRecord, locale: Locale): Promise<string> {
    const key = poll.id * 2 + (locale === 'en' ? 1 : 0);
    let label = audienceCache.get(key);
    if (label === undefined) {
      const names = (await repo.groupsByIds(db, poll.audienceGroupIds)).map((g) => g.name);
      label = audienceLabel(poll, names, locale);
      // drafts change their audience; only a published poll's audience is fixed
      if (poll.status !== 'draft') audienceCache.set(key, label);
    }
    return label;
  }

  /**
   * A promise per poll, so the first clicks of a storm share one lookup; renewed every REFRESH_USERS_MS,
   * as electors who click or chat for the first time become known to Teams (and can get their own view).
   */
  function refreshUsers(poll: PollRecord): Promise<string[]> {
    const hit = refreshCache.get(poll.id);
    if (hit && hit.expires > Date.now()) return hit.ids;
    const ids = repo.electorPersonIds(db, poll.id).then((people) => services.conversations.teamsUserIdsOf(people, MAX_REFRESH_USERS));
    const entry = { ids, expires: Date.now() + REFRESH_USERS_MS };
    refreshCache.set(poll.id, entry);
    ids.catch(() => {
      if (refreshCache.get(poll.id) === entry) refreshCache.delete(poll.id);
    });
    return ids;
  }

  async function sharedCard(poll: PollRecord, notice?: { text: string; tone: Tone }): Promise<Record<string, unknown>> {
    const snap = await polls.snapshot(poll);
    return pollCard(snap, { locale: poll.locale, audience: await audienceOf(poll, poll.locale), refreshUserIds: await refreshUsers(poll), notice });
  }

  async function personalCard(actor: Actor, locale: Locale, pollId: number, extra: Partial<PersonalView> & { notice?: { text: string; tone: Tone } } = {}, known?: VoterView): Promise<Record<string, unknown>> {
    const view = known ?? (await polls.viewFor(actor, pollId));
    const poll = view.snapshot.poll;
    const { notice, ...personalExtra } = extra;
    return pollCard(view.snapshot, {
      locale,
      audience: await audienceOf(poll, locale),
      refreshUserIds: await refreshUsers(poll),
      personal: { mine: view.mine, eligible: view.eligible, canManage: view.canManage, ...personalExtra },
      notice,
    });
  }

  /** Re-renders the shared message from the database's state now; again if a vote landed meanwhile (another instance's too). */
  async function updateSharedCard(pollId: number): Promise<void> {
    const versionOf = (p: { changes: number; status: string } | null) => (p ? `${p.changes}|${p.status}` : undefined);
    await updateUntilSettled(async () => {
      const poll = await repo.findPoll(db, pollId);
      if (!poll?.conversationId || !poll.messageId) return undefined;
      await proactive.update(poll.conversationId, poll.messageId, { card: await sharedCard(poll), summary: poll.question });
      return versionOf(poll);
    }, async () => versionOf(await db.poll.findUnique({ where: { id: pollId }, select: { changes: true, status: true } })));
  }

  const cardUpdates = new CardUpdateCoalescer(updateSharedCard, SHARED_CARD_MIN_INTERVAL_MS, (pollId, err) =>
    log.warn({ pollId, err: (err as Error).message }, 'shared poll card update failed'));

  /**
   * After a close (by anyone, any number of times): switch the shared card to the result and post one
   * announcement. The announcement is claimed in the database, so it goes out once; on a failure the
   * claim is released and the caller (the job, or the command's fallback job) tries again.
   */
  async function announceClose(pollId: number): Promise<void> {
    const poll = await repo.findPoll(db, pollId);
    if (!poll || poll.status !== 'closed' || !poll.conversationId) return;
    if (!(await polls.claimAnnouncement(pollId))) return;
    try {
      await cardUpdates.request(pollId); // goes through the coalescer so no older render lands after it
      const snap = await polls.snapshot(poll);
      await proactive.send(poll.conversationId, { card: closedAnnouncement(snap, poll.locale), summary: t(poll.locale, 'polls.closed.title', { id: poll.id }) });
    } catch (err) {
      await polls.releaseAnnouncement(pollId);
      throw err;
    }
  }

  /**
   * What the person who closed reads. The channel's announcement already says "Peiling #3 is gesloten" (and
   * the card says "Gesloten …"): the reply points to the result instead of saying it a second time.
   */
  function closeText(locale: Locale, pollId: number, closed: boolean, announced: boolean): string {
    if (!closed) return t(locale, 'polls.close.already', { id: pollId });
    if (announced) return t(locale, 'polls.close.doneAnnounced', { id: pollId });
    return `${t(locale, 'polls.close.done', { id: pollId })} ${t(locale, 'polls.close.announceLater')}`;
  }

  /** Close by a person: close, announce; if Teams is unreachable now, the close job retries the announcement. */
  async function closeByPerson(actor: Actor, pollId: number): Promise<{ closed: boolean; announced: boolean; poll: PollRecord }> {
    const { closed, poll } = await polls.close(pollId, actor);
    try {
      await announceClose(pollId);
      return { closed, announced: true, poll };
    } catch (err) {
      log.warn({ pollId, err: (err as Error).message }, 'close announcement failed; retried by the job');
      await services.jobs.schedule(CLOSE_JOB, `poll.announce:${pollId}`, services.clock(), { pollId });
      return { closed, announced: false, poll };
    }
  }

  function groupsFor(actor: Actor, all: { id: string; name: string; conversation: { id: string; name: string | null } | null }[]): DraftGroup[] {
    const mine = new Set(actor.roles.filter((r) => r.role === 'coordinator' && r.groupId).map((r) => r.groupId));
    return all.filter((g) => isAdmin(actor) || mine.has(g.id)).map((g) => ({ id: g.id, name: g.name, hasChannel: Boolean(g.conversation), channelName: g.conversation?.name ?? null }));
  }

  /** `where`: the conversation the draft card is in (a personal chat offers only channels to post in). */
  async function draftReply(actor: Actor, locale: Locale, poll: PollRecord, where: ConversationInfo, opts: { problems?: Problem[]; privacyFindings?: boolean; notice?: string; form?: ReturnType<typeof draftFormFrom> } = {}) {
    return draftCard({
      poll, problems: opts.problems ?? [], privacyFindings: opts.privacyFindings ?? false, notice: opts.notice, form: opts.form, groups: groupsFor(actor, await repo.allGroups(db)),
      personalChat: where.kind === 'personal', linkHintGroup: drafts.linkHintGroup(actor),
    }, locale);
  }

  async function remind(actor: Actor, locale: Locale, pollId: number): Promise<string> {
    const { personIds, everyone } = await polls.remindTargets(actor, pollId);
    if (!personIds.length) return t(locale, 'polls.remind.nobody');
    const canReach = await services.conversations.reachablePeople(personIds);
    const reachable = personIds.filter((id) => canReach.has(id));
    await polls.claimReminder(actor, pollId, { reachable, unreachable: personIds.length - reachable.length, everyone });
    // Answer the click now (Teams waits 5 s); the reminder jobs run right away in the background (and
    // after a restart, from the job table, for whatever was not sent yet).
    track((async () => {
      while ((await services.jobs.runDue()) > 0);
    })());
    const lines = [t(locale, 'polls.remind.done', { sent: reachable.length, total: personIds.length })];
    if (reachable.length < personIds.length) lines.push(t(locale, 'polls.remind.unreachable', { count: personIds.length - reachable.length }));
    return lines.join(' ');
  }

  function exportUrl(actor: Actor, pollId: number): string {
    const token = exportToken(services.appSecret, { pollId, personId: actor.personId!, expiresAt: services.clock().getTime() + EXPORT_LINK_TTL_MS });
    return `${services.publicBaseUrl}/peilingen/export/${token}`;
  }

  // ---- commands ---------------------------------------------------------------------------------------

  async function pollNumberOr(ctx: CommandContext, whichCode: string): Promise<number | null> {
    const typed = pollIdFromText(ctx.args);
    if (typed) return typed;
    if (!ctx.args.trim()) {
      const only = await polls.onlyOpenPollOf(ctx.actor);
      if (only) return only;
    }
    await ctx.reply({ text: t(ctx.locale, whichCode) });
    return null;
  }

  const commands: CommandSpec[] = [
    {
      names: ['peiling', 'poll'],
      help: { nl: '**peiling <vraag> | <optie> | <optie>** — start een klankbordpeiling (concept)', en: '**peiling <question> | <option> | <option>** — start a poll (draft)' },
      visibleTo: canCreatePolls,
      async run(ctx) {
        const linked = ctx.conversation.kind === 'channel' ? await groups.groupOfConversation(ctx.conversation.id) : null;
        const poll = await drafts.createDraft(ctx.actor, ctx.args, { conversationId: ctx.conversation.id, linkedGroupId: linked?.id ?? null, personal: ctx.conversation.kind === 'personal' });
        await ctx.reply({ card: await draftReply(ctx.actor, ctx.locale, poll, ctx.conversation), summary: t(ctx.locale, 'polls.draft.title', { id: poll.id }) });
      },
    },
    {
      names: ['peilingen', 'polls'],
      help: { nl: '**peilingen** — open peilingen waarin je mag stemmen', en: '**peilingen** — open polls you can vote in' },
      async run(ctx) {
        const list = await polls.openPollsFor(ctx.actor);
        if (!list.length) {
          await ctx.reply({ text: t(ctx.locale, 'polls.list.empty') });
          return;
        }
        const lines = await Promise.all(list.map(async ({ poll, manages }) => {
          const snap = await polls.snapshot(poll);
          return t(ctx.locale, 'polls.list.line', {
            id: poll.id,
            question: markdownInert(poll.question),
            turnout: turnoutLine(snap.voters, poll.eligibleCount, ctx.locale),
            deadline: poll.deadline ? t(ctx.locale, 'polls.list.deadline', { when: formatWhen(poll.deadline, ctx.locale) }) : '',
            role: manages ? t(ctx.locale, 'polls.list.creator') : '',
          });
        }));
        await ctx.reply({ card: messageCard(t(ctx.locale, 'polls.list.title'), lines) });
      },
    },
    {
      names: ['sluit peiling', 'close poll'],
      help: { nl: '**sluit peiling <nummer>** — sluit je peiling en toon de uitslag', en: '**sluit peiling <number>** — close your poll and show the result' },
      visibleTo: canCreatePolls,
      async run(ctx) {
        const pollId = await pollNumberOr(ctx, 'polls.close.which');
        if (!pollId) return;
        const { closed, announced } = await closeByPerson(ctx.actor, pollId);
        await ctx.reply({ text: closeText(ctx.locale, pollId, closed, announced) });
      },
    },
    {
      names: ['herinner peiling', 'remind poll'],
      help: { nl: '**herinner peiling <nummer>** — herinner wie nog niet stemde', en: '**herinner peiling <number>** — remind those who have not voted' },
      visibleTo: canCreatePolls,
      async run(ctx) {
        const pollId = await pollNumberOr(ctx, 'polls.remind.which');
        if (!pollId) return;
        await ctx.reply({ text: await remind(ctx.actor, ctx.locale, pollId) });
      },
    },
  ];

  // ---- card actions -----------------------------------------------------------------------------------

  const noticeFor: Record<VoteOutcome, { code: string; tone: Tone }> = {
    recorded: { code: 'polls.notice.recorded', tone: 'good' },
    changed: { code: 'polls.notice.changed', tone: 'good' },
    unchanged: { code: 'polls.notice.unchanged', tone: 'default' },
    alreadyVoted: { code: 'polls.notice.alreadyVoted', tone: 'default' },
    withdrawn: { code: 'polls.notice.withdrawn', tone: 'good' },
    nothingToWithdraw: { code: 'polls.notice.nothingToWithdraw', tone: 'default' },
    closed: { code: 'polls.notice.closed', tone: 'warning' },
  };

  /**
   * A refusal about a published poll (not eligible, bad feedback, anonymous votes are final ...) keeps the
   * poll on the person's screen with the reason on top, instead of replacing it with an error.
   */
  async function onPublishedPoll(ctx: CardActionContext, pollId: number, run: () => Promise<CardActionResult>): Promise<CardActionResult> {
    try {
      return await run();
    } catch (err) {
      if (!(err instanceof DomainError) || err.code === 'polls.notFound' || err.code === 'polls.notOpenYet') throw err;
      const poll = await polls.recentPoll(pollId);
      if (!poll || poll.status === 'draft' || poll.status === 'publishing') throw err;
      const params = err.code === 'polls.vote.notEligible' ? { audience: await audienceOf(poll, ctx.locale) } : err.params;
      if (!(await maySeePoll(ctx, poll))) return { message: t(ctx.locale, err.code, params) };
      return { card: await personalCard(ctx.actor, ctx.locale, pollId, { notice: { text: t(ctx.locale, err.code, params), tone: 'attention' } }) };
    }
  }

  /**
   * Poll ids are small numbers, so anyone could send an invoke for any of them. The poll's content goes
   * back only to those who can see it anyway: people in the conversation where it was posted, its
   * electors (who may vote from a reminder in their personal chat), and its creator or an admin.
   */
  async function maySeePoll(ctx: CardActionContext, poll: PollRecord): Promise<boolean> {
    return ctx.conversation.id === poll.conversationId || canManagePoll(ctx.actor, poll) || (await polls.isElector(ctx.actor, poll.id));
  }

  const cardActions: CardActionSpec[] = [
    {
      verb: 'poll.draft.update',
      async run(ctx, data) {
        const pollId = pollIdFrom(data);
        const form = draftFormFrom(data);
        const { poll, problems } = await drafts.saveDraft(ctx.actor, pollId, form);
        if (problems.length) return { card: await draftReply(ctx.actor, ctx.locale, poll, ctx.conversation, { problems, form }) };
        const card = await draftReply(ctx.actor, ctx.locale, poll, ctx.conversation, { notice: t(ctx.locale, 'polls.draft.saved') });
        return { card, sharedCard: await draftReply(ctx.actor, ctx.locale, poll, ctx.conversation) };
      },
    },
    {
      verb: 'poll.draft.discard',
      async run(ctx, data) {
        await drafts.discardDraft(ctx.actor, pollIdFrom(data));
        const card = messageCard(t(ctx.locale, 'polls.draft.discarded'), []);
        return { card, sharedCard: card };
      },
    },
    {
      verb: 'poll.publish',
      async run(ctx, data) {
        const pollId = pollIdFrom(data);
        const form = draftFormFrom(data);
        const start = await drafts.beginPublish(ctx.actor, pollId, form);
        if (!start.ok) return { card: await draftReply(ctx.actor, ctx.locale, start.poll, ctx.conversation, { problems: start.problems, privacyFindings: start.privacyFindings, form }) };
        let messageId: string | undefined;
        try {
          const card = pollCard({ poll: start.poll, counts: start.poll.options.map(() => 0), voters: 0, comments: [] }, {
            locale: start.poll.locale, audience: await audienceOf(start.poll, start.poll.locale), refreshUserIds: [],
          });
          messageId = await proactive.send(start.conversationId, { card, summary: start.poll.question });
          if (!messageId) throw new Error('connector returned no activity id');
        } catch (err) {
          log.warn({ pollId, err: (err as Error).message }, 'posting the poll failed; back to draft');
          await drafts.abortPublish(pollId);
          throw new DomainError('polls.publish.postFailed');
        }
        const poll = await drafts.finishPublish(ctx.actor, pollId, { conversationId: start.conversationId, messageId }, start.electorate);
        // now that the electorate is stored, the card can list whose clients should fetch their own view
        refreshCache.delete(pollId);
        void cardUpdates.request(pollId);
        const groupName = (await repo.groupsByIds(db, poll.target.kind === 'group' ? [poll.target.groupId] : []))[0]?.name ?? '?';
        const where = start.conversationId === poll.draftConversationId ? t(ctx.locale, 'polls.published.here') : t(ctx.locale, 'polls.published.channel', { group: groupName });
        const card = messageCard(t(ctx.locale, 'polls.published.title', { id: pollId }), [t(ctx.locale, 'polls.published.line', { id: pollId, where, eligible: poll.eligibleCount })], 'good');
        return { card, sharedCard: card };
      },
    },
    {
      verb: 'poll.vote',
      async run(ctx, data) {
        const pollId = pollIdFrom(data);
        return onPublishedPoll(ctx, pollId, async () => {
          const { outcome, poll, view } = await polls.vote(ctx.actor, pollId, data);
          if (outcome === 'recorded' || outcome === 'changed') void cardUpdates.request(pollId);
          const notice = outcome === 'recorded' && poll.anonymous ? { code: 'polls.notice.recordedAnonymous', tone: 'good' as Tone } : noticeFor[outcome];
          // `view` comes straight from the vote's transaction: the voter sees exactly the state their vote made
          return { card: await personalCard(ctx.actor, ctx.locale, pollId, { notice: { text: t(ctx.locale, notice.code), tone: notice.tone } }, view) };
        });
      },
    },
    {
      verb: 'poll.withdraw',
      async run(ctx, data) {
        const pollId = pollIdFrom(data);
        return onPublishedPoll(ctx, pollId, async () => {
          const { outcome } = await polls.withdraw(ctx.actor, pollId);
          if (outcome === 'withdrawn') void cardUpdates.request(pollId);
          return { card: await personalCard(ctx.actor, ctx.locale, pollId, { notice: { text: t(ctx.locale, noticeFor[outcome].code), tone: noticeFor[outcome].tone } }) };
        });
      },
    },
    {
      // Teams asks for this when a listed user's client shows the card (refresh, trigger 'automatic'),
      // or when someone presses "Vernieuwen". Never an error: at worst the neutral card.
      verb: 'poll.view',
      async run(ctx, data) {
        const pollId = pollIdFrom(data);
        const poll = await repo.findPoll(db, pollId);
        if (!poll || poll.status === 'draft' || poll.status === 'publishing' || !(await maySeePoll(ctx, poll))) {
          return { card: messageCard(t(ctx.locale, 'common.error'), [t(ctx.locale, 'polls.notFound', { id: pollId })], 'attention') };
        }
        return { card: await personalCard(ctx.actor, ctx.locale, pollId) };
      },
    },
    {
      verb: 'poll.close',
      async run(ctx, data) {
        const pollId = pollIdFrom(data);
        return onPublishedPoll(ctx, pollId, async () => {
          const poll = await polls.requireManager(ctx.actor, pollId);
          if (poll.status === 'open' && data.confirm !== true && data.confirm !== 'true') {
            return { card: await personalCard(ctx.actor, ctx.locale, pollId, { confirmClose: true, notice: { text: t(ctx.locale, 'polls.notice.confirmClose'), tone: 'warning' } }) };
          }
          const { closed, announced } = await closeByPerson(ctx.actor, pollId);
          return { card: await personalCard(ctx.actor, ctx.locale, pollId, { notice: { text: closeText(ctx.locale, pollId, closed, announced), tone: 'good' } }) };
        });
      },
    },
    {
      verb: 'poll.remind',
      async run(ctx, data) {
        const pollId = pollIdFrom(data);
        return onPublishedPoll(ctx, pollId, async () => {
          const text = await remind(ctx.actor, ctx.locale, pollId);
          return { card: await personalCard(ctx.actor, ctx.locale, pollId, { notice: { text, tone: 'good' } }) };
        });
      },
    },
    {
      verb: 'poll.export',
      async run(ctx, data) {
        const pollId = pollIdFrom(data);
        return onPublishedPoll(ctx, pollId, async () => {
          await polls.requireManager(ctx.actor, pollId);
          return { card: await personalCard(ctx.actor, ctx.locale, pollId, { exportUrl: exportUrl(ctx.actor, pollId), notice: { text: t(ctx.locale, 'polls.notice.exportReady'), tone: 'default' } }) };
        });
      },
    },
  ];

  // ---- jobs and routes --------------------------------------------------------------------------------

  const jobs: FeatureModule['jobs'] = {
    // At the deadline (or to retry an announcement): close if still open, then announce if not yet done.
    // A late run (the bot was down) still closes: votes after the deadline were refused meanwhile.
    async [CLOSE_JOB](payload) {
      const pollId = Number(payload.pollId);
      if (!Number.isSafeInteger(pollId)) return;
      const poll = await repo.findPoll(db, pollId);
      if (!poll) return;
      if (poll.status === 'open') await polls.close(pollId, 'deadline');
      await announceClose(pollId);
    },
    async [PURGE_JOB](payload) {
      const pollId = Number(payload.pollId);
      if (Number.isSafeInteger(pollId)) await polls.purge(pollId);
    },
    // One person's reminder. Skipped when the poll closed meanwhile, or when they voted since the click
    // (named polls; an anonymous round goes to everyone, as the creator was told). A failed send throws:
    // the job queue retries with backoff.
    async [REMIND_JOB](payload) {
      const pollId = Number(payload.pollId);
      const personId = typeof payload.personId === 'string' ? payload.personId : '';
      if (!Number.isSafeInteger(pollId) || !personId) return;
      const poll = await repo.findPoll(db, pollId);
      if (!poll || poll.status !== 'open') return;
      if (!payload.everyone && (await polls.hasVoted(personId, poll))) return;
      const intro = payload.everyone ? t(poll.locale, 'polls.remind.introAll', { name: String(payload.by ?? '') }) : t(poll.locale, 'polls.remind.intro');
      const card = await sharedCard(poll, { text: intro, tone: 'warning' });
      const sent = await proactive.sendToPerson(personId, { card, summary: t(poll.locale, 'polls.remind.title', { id: poll.id }) });
      if (!sent) log.info({ pollId }, 'reminder not delivered: Wijkbot cannot reach this person personally');
    },
  };

  const httpRoutes: HttpRoute[] = [
    {
      method: 'get',
      path: '/peilingen/export/:token',
      async handler(params) {
        const claim = verifyExportToken(services.appSecret, String(params.token ?? ''), services.clock());
        const refused = plainText(403, 'Deze exportlink is verlopen of ongeldig. Vraag een nieuwe via de knop op de peiling.');
        if (!claim) return refused;
        // the right to export is checked again now: a role may have been revoked since the link was made
        const asActor = { personId: claim.personId, roles: await repo.managingRoles(db, claim.personId) };
        let poll: PollRecord;
        try {
          poll = await polls.requireManager(asActor, claim.pollId);
        } catch {
          return refused;
        }
        const { snapshot, namedVotes, resultsVisible } = await polls.exportSnapshot(poll);
        return csvDownload(`peiling-${poll.id}.csv`, pollCsv(snapshot, namedVotes, resultsVisible));
      },
    },
  ];

  return {
    name: 'polls',
    commands,
    cardActions,
    jobs,
    httpRoutes,
    polls,
    cardUpdates,
    async idle() {
      await cardUpdates.idle();
      while (background.size) await Promise.all([...background]);
      await cardUpdates.idle();
    },
  };
}
