/**
 * FTO/PaTz meetings in Teams: `plan`, `agenda`, `verzet`, `annuleer`, `aanwezig`, `presentielijst`,
 * `presentie`; the confirmation card's verbs; RSVP with user-specific views; reminder, invitation and
 * attendance-request jobs; the .ics and presentielijst download routes. Parse → MeetingsService (which
 * checks who may do what) → render (features/meetings/cards.ts).
 *
 * As with polls, the shared invitation message is never replaced from an RSVP's invoke answer (that
 * would show the clicker's own answer to everyone, teams-testing.md trap 1): the clicker gets their own
 * view in the invoke response, and the neutral card is brought up to date by a per-meeting queue (one
 * edit in flight, latest state wins).
 */
import { messageCard } from '../../cards/messageCard';
import { DomainError } from '../../features/errors';
import { isAdmin, type Actor, type Locale } from '../../features/groups/types';
import { attendanceYear } from '../../features/meetings/attendanceYear';
import { CardUpdateCoalescer } from '../../cards/updateCoalescer';
import { updateUntilSettled } from '../../cards/settledUpdate';
import { FreshRead } from '../../db/freshRead';
import {
  agendaCard, attendanceCard, attendanceSavedText, attendanceSumCard, attendanceSummary, changeCard, changeDoneText, changedNotice, createdCard, draftCard, draftSummary,
  inviteCard, linkedInvitesText, presentielijstCard, reminderSummary, rsvpNotice, sentPersonallyText, seriesOverviewCard, typeShort, type Tone,
} from '../../features/meetings/cards';
import { seedDemoMeetings } from '../../features/meetings/demo';
import { draftFormFrom } from '../../features/meetings/drafts';
import { icsPath, LIST_LINK_TTL_MS, listToken, sumToken } from '../../features/meetings/links';
import type { AgreementsProvider } from '../../ports/meetingsPort';
import { ATTENDANCE_JOB, INVITE_JOB, inviteKey, PURGE_JOB, REMINDER_JOB } from '../../features/meetings/reminders';
import * as repo from '../../features/meetings/repository';
import { RsvpAnswers } from '../../features/meetings/rsvpAnswers';
import { MeetingsService, type MeetingRecord, type RsvpAnswer } from '../../features/meetings/service';
import { t } from '../../i18n';
import { z } from 'zod/v4';
import { cardCounter, cardData, cardTextOrList, cardWord } from '../edge/cardData';
import type { CardActionContext, CardActionResult, CardActionSpec, ChannelLink, CommandContext, CommandSpec, FeatureModule, Reply } from '../featureModule';
import type { AppServices } from '../services';
import { meetingDownloadRoutes } from './meetingDownloads';

/** Minimum time between two edits of one shared invitation card (Teams: 7 msg/s, 60 per 30 s per conversation). */
export const INVITE_CARD_MIN_INTERVAL_MS = 1_000;
/** User-specific views work for up to 60 users (Teams). */
const MAX_REFRESH_USERS = 60;
/** Invitee lists change rarely; RSVP storms read them on every click. */
const INVITEE_CACHE_MS = 30_000;
const NOTIFY_CONCURRENCY = 4;

export interface MeetingsModule extends FeatureModule {
  meetings: MeetingsService;
  cardUpdates: CardUpdateCoalescer<string>;
  /** afspraken due for checking, shown on FTO invitations (the summaries feature provides them) */
  setAgreementsProvider(fn: AgreementsProvider | null): void;
  /** resolves when card edits and background messages are done (tests, benchmark, shutdown) */
  idle(): Promise<void>;
}

const canPlan = (a: Actor) => a.roles.some((r) => r.role === 'coordinator' || r.role === 'admin');

export function meetingsModule(services: AppServices): MeetingsModule {
  const { db, log, proactive, groups } = services;
  const meetings = new MeetingsService({ db, clock: services.clock });
  /** RSVPs: the storm path, through the embedded database's fast lane when it can */
  const rsvps = new RsvpAnswers({ db, sqlite: services.sqlite, clock: services.clock, meetings });
  const background = new Set<Promise<unknown>>();
  const inviteeCache = new Map<string, { count: number; userIds: string[]; expires: number }>();
  /** counts that include the caller's own answer, one query per burst instead of one per click */
  const rsvpCounts = new FreshRead((meetingId: string) => repo.rsvpCounts(db, meetingId));

  function track(p: Promise<unknown>): void {
    const tracked = p.catch((err) => log.error({ err: (err as Error).message }, 'meeting background task failed')).finally(() => background.delete(tracked));
    background.add(tracked);
  }

  /** The .ics link signs the meeting id (an HMAC): the same on every card of a meeting, so it is signed once. */
  const icsUrls = new Map<string, string>();
  const icsUrl = (meetingId: string): string => {
    let url = icsUrls.get(meetingId);
    if (url === undefined) {
      if (icsUrls.size >= 1_000) icsUrls.clear();
      url = `${services.publicBaseUrl}${icsPath(services.appSecret, meetingId)}`;
      icsUrls.set(meetingId, url);
    }
    return url;
  };

  async function invitedInfo(meeting: MeetingRecord): Promise<{ count: number; userIds: string[] }> {
    const key = `${meeting.groupId}|${meeting.type}`;
    const hit = inviteeCache.get(key);
    if (hit && hit.expires > Date.now()) return hit;
    const list = await repo.invitees(db, meeting.groupId, meeting.type);
    const userIds = await services.conversations.teamsUserIdsOf(list.map((i) => i.personId), MAX_REFRESH_USERS);
    const info = { count: list.length, userIds, expires: Date.now() + INVITEE_CACHE_MS };
    inviteeCache.set(key, info);
    return info;
  }

  /** `fresh`: ask the afspraken provider now (a new invitation or reminder), not its last answer. */
  async function cardInput(meeting: MeetingRecord, locale: Locale, opts: { fresh?: boolean; counts?: repo.RsvpCounts } = {}) {
    const [counts, invited, groupName, agreements] = await Promise.all([
      opts.counts ?? rsvpCounts.get(meeting.id),
      invitedInfo(meeting),
      meetings.groupName(meeting.groupId),
      meetings.agreementLines(meeting, opts),
    ]);
    return { meeting, groupName, counts, invitedCount: invited.count, locale, icsUrl: icsUrl(meeting.id), agreements, refreshUserIds: invited.userIds, now: services.clock() };
  }

  async function sharedCard(meeting: MeetingRecord, opts: { fresh?: boolean } = {}): Promise<Record<string, unknown>> {
    return inviteCard(await cardInput(meeting, meeting.locale, opts));
  }

  /**
   * The person's own view; `known` saves the look-ups the caller has just done (the meeting; after an RSVP
   * also their answer and maybe the counts).
   */
  async function personalCard(actor: Actor, locale: Locale, meetingId: string, notice?: { text: string; tone: Tone }, known?: { meeting: MeetingRecord; answer?: RsvpAnswer; counts?: repo.RsvpCounts }): Promise<Record<string, unknown>> {
    const meeting = known?.meeting ?? (await meetings.requireMeeting(meetingId));
    const [input, mine] = await Promise.all([cardInput(meeting, locale, { counts: known?.counts }), known?.answer ?? meetings.myAnswer(actor, meetingId)]);
    const canManage = Boolean(actor.personId) && actor.roles.some((r) => (r.role === 'coordinator' && r.groupId === meeting.groupId) || r.role === 'admin');
    return inviteCard({ ...input, personal: { mine, invited: meetings.isInvited(actor, meeting), canManage }, notice });
  }

  /** Re-renders the shared invitation from the database's state now; again if an answer landed meanwhile (another instance's too). */
  async function updateSharedCard(meetingId: string): Promise<void> {
    await updateUntilSettled(async () => {
      const version = await repo.rsvpVersion(db, meetingId); // read before the render's own reads
      const meeting = await repo.findMeeting(db, meetingId);
      if (!meeting?.conversationId || !meeting.messageId) return undefined;
      await proactive.update(meeting.conversationId, meeting.messageId, { card: await sharedCard(meeting), summary: summaryOf(meeting) });
      return version;
    }, () => repo.rsvpVersion(db, meetingId));
  }

  const cardUpdates = new CardUpdateCoalescer<string>(updateSharedCard, INVITE_CARD_MIN_INTERVAL_MS, (meetingId, err) =>
    log.warn({ meetingId, err: (err as Error).message }, 'shared invitation card update failed'));

  function summaryOf(meeting: MeetingRecord): string {
    return `${typeShort(meeting.type, meeting.locale)} ${meeting.code}`;
  }

  /**
   * Posts the invitation card once (claimed in the meeting row). 'noChannel' when the group has no linked
   * channel: the meeting stays, the coordinator is told. A failure releases the claim and throws, so the
   * invite job retries.
   */
  async function postInvite(meetingId: string): Promise<'posted' | 'noChannel' | 'skipped'> {
    const meeting = await repo.findMeeting(db, meetingId);
    if (!meeting || meeting.status !== 'planned' || meeting.messageId) return 'skipped';
    const channel = await services.conversations.channelOfGroup(meeting.groupId);
    if (!channel) return 'noChannel';
    if (!(await meetings.claimInvite(meetingId))) return 'skipped';
    try {
      const posted = await proactive.postToGroup(meeting.groupId, { card: await sharedCard(meeting, { fresh: true }), summary: summaryOf(meeting) });
      if (!posted) {
        await meetings.releaseInvite(meetingId);
        return 'noChannel';
      }
      await meetings.recordInvitePosted(meetingId, posted);
      return 'posted';
    } catch (err) {
      await meetings.releaseInvite(meetingId);
      throw err;
    }
  }

  /**
   * A channel was just linked to a group: the invitations of its upcoming meetings that were never posted
   * (planned while it had none) go there now. postInvite claims each meeting, so a second link, or two
   * links at once, post nothing twice; one that fails goes back to the durable invite job.
   */
  async function onChannelLinked(link: ChannelLink): Promise<string[]> {
    const waiting = await repo.invitesWaiting(db, link.groupId, services.clock());
    const posted: MeetingRecord[] = [];
    const retrying: MeetingRecord[] = [];
    for (const meeting of waiting) {
      try {
        if ((await postInvite(meeting.id)) === 'posted') posted.push(meeting);
      } catch (err) {
        log.warn({ meetingId: meeting.id, err: (err as Error).message }, 'posting a waiting invitation failed; the invite job retries');
        await services.jobs.schedule(INVITE_JOB, inviteKey(meeting.id), services.clock(), { meetingId: meeting.id });
        retrying.push(meeting);
      }
    }
    return linkedInvitesText(posted, retrying, link.locale);
  }

  /** Personal messages to those who said yes (only people who have chatted with Wijkbot can be reached). */
  function notifyYes(personIds: string[], card: Record<string, unknown>, summary: string): void {
    if (!personIds.length) return;
    track((async () => {
      const queue = [...personIds];
      await Promise.all(Array.from({ length: Math.min(NOTIFY_CONCURRENCY, queue.length) }, async () => {
        for (let id = queue.shift(); id; id = queue.shift()) {
          await proactive.sendToPerson(id, { card, summary }).catch((err) => log.warn({ err: (err as Error).message }, 'meeting change notice not delivered'));
        }
      }));
    })());
  }

  async function reachable(personIds: string[]): Promise<number> {
    return (await services.conversations.reachablePeople(personIds)).size;
  }

  // ---- commands ---------------------------------------------------------------------------------------

  async function groupIdFromText(ctx: CommandContext, text: string): Promise<string | null> {
    if (text.trim()) return (await groups.resolveGroup(text)).id;
    if (ctx.conversation.kind === 'channel') {
      const linked = await groups.groupOfConversation(ctx.conversation.id);
      if (linked) return linked.id;
    }
    return null;
  }

  /**
   * Attendance lists hold names, BIG and AGB numbers and a download link: outside a personal chat they go
   * to the asker's personal chat, and the conversation only hears that they did (or how to make it possible).
   */
  async function replyPrivately(ctx: CommandContext, reply: Reply): Promise<void> {
    if (ctx.conversation.kind === 'personal') {
      await ctx.reply(reply);
      return;
    }
    const sent = ctx.actor.personId ? await proactive.sendToPerson(ctx.actor.personId, reply) : false;
    await ctx.reply({ text: sentPersonallyText(sent, ctx.locale) });
  }

  const commands: CommandSpec[] = [
    {
      names: ['plan', 'plannen'],
      help: {
        nl: '**plan FTO di 8 dec 12:30 Oost over antistolling** — plan een bijeenkomst (ook: **plan PaTz elke 8 weken op dinsdag 12:30 vanaf 13 jan tot juli**)',
        en: '**plan FTO di 8 dec 12:30 Oost over antistolling** — plan a meeting (also: **plan PaTz elke 8 weken op dinsdag 12:30 vanaf 13 jan tot juli**)',
      },
      visibleTo: canPlan,
      async run(ctx) {
        const linked = ctx.conversation.kind === 'channel' ? await groups.groupOfConversation(ctx.conversation.id) : null;
        const view = await meetings.planDraft(ctx.actor, ctx.args, { requestKey: `${ctx.conversation.id}|${ctx.activityId}`, linkedGroupId: linked?.id ?? null });
        await ctx.reply({ card: draftCard(view, ctx.locale), summary: draftSummary(view, ctx.locale) });
      },
    },
    {
      names: ['agenda'],
      help: { nl: '**agenda [wijkgroep]** — komende bijeenkomsten', en: '**agenda [group]** — upcoming meetings' },
      async run(ctx) {
        const groupId = ctx.args.trim() ? (await groups.resolveGroup(ctx.args)).id : undefined;
        const items = await meetings.agenda(ctx.actor, groupId);
        await ctx.reply({ card: agendaCard(items, ctx.locale, groupId ? await meetings.groupName(groupId) : undefined) });
      },
    },
    {
      names: ['verzet', 'verplaats'],
      help: { nl: '**verzet FTO-7K2 naar 15 dec 19:00** — verzet een bijeenkomst', en: '**verzet FTO-7K2 naar 15 dec 19:00** — move a meeting' },
      visibleTo: canPlan,
      async run(ctx) {
        const plan = await meetings.planReschedule(ctx.actor, ctx.args);
        const groupName = await meetings.groupName(plan.meeting.groupId);
        await ctx.reply({ card: changeCard('reschedule', { meeting: plan.meeting, groupName, locale: ctx.locale, newStartsAt: plan.target.startsAt, newEndsAt: plan.endsAt, warnings: plan.warnings }) });
      },
    },
    {
      names: ['annuleer', 'afzeggen'],
      help: { nl: '**annuleer FTO-7K2** — annuleer een bijeenkomst', en: '**annuleer FTO-7K2** — cancel a meeting' },
      visibleTo: canPlan,
      async run(ctx) {
        const meeting = await meetings.resolveRef(ctx.args, ctx.actor);
        meetings.requireCoordinator(ctx.actor, meeting);
        if (meeting.status === 'cancelled') throw new DomainError('meetings.change.cancelled', { code: meeting.code });
        await ctx.reply({ card: changeCard('cancel', { meeting, groupName: await meetings.groupName(meeting.groupId), locale: ctx.locale }) });
      },
    },
    {
      names: ['aanwezig', 'aanwezigheid'],
      help: { nl: '**aanwezig FTO-7K2** — bevestig wie er was (voor de presentielijst)', en: '**aanwezig FTO-7K2** — confirm who attended (for the attendance list)' },
      visibleTo: canPlan,
      async run(ctx) {
        const meeting = ctx.args.trim() ? await meetings.resolveRef(ctx.args, ctx.actor) : await latestEnded(ctx.actor);
        const form = await meetings.attendance.form(ctx.actor, meeting.id);
        await ctx.reply({ card: attendanceCard({ ...form, locale: ctx.locale, summaryState: await meetings.summaryState(meeting.id) }) });
      },
    },
    {
      names: ['presentielijst', 'attendance list'],
      help: { nl: '**presentielijst FTO-7K2** — presentielijst als CSV (voor GAIA)', en: '**presentielijst FTO-7K2** — attendance list as CSV (for GAIA)' },
      visibleTo: canPlan,
      async run(ctx) {
        const meeting = ctx.args.trim() ? await meetings.resolveRef(ctx.args, ctx.actor) : await latestEnded(ctx.actor);
        const rows = await meetings.attendance.list(ctx.actor, meeting);
        const token = listToken(services.appSecret, { meetingId: meeting.id, personId: ctx.actor.personId!, expiresAt: services.clock().getTime() + LIST_LINK_TTL_MS });
        const url = `${services.publicBaseUrl}/presentielijst/${token}`;
        const card = presentielijstCard(meeting, await meetings.groupName(meeting.groupId), rows, url, ctx.locale);
        await replyPrivately(ctx, { card, summary: t(ctx.locale, 'meetings.list.title', { code: meeting.code }) });
      },
    },
    {
      names: ['presentie'],
      help: { nl: '**presentie Oost 2026** — aanwezigheid per persoon over een jaar', en: '**presentie Oost 2026** — attendance per person over a year' },
      visibleTo: canPlan,
      async run(ctx) {
        const words = ctx.args.trim().split(/\s+/).filter(Boolean);
        const year = attendanceYear(words.length && /^\d{4}$/.test(words.at(-1)!) ? words.pop() : undefined, meetings.attendance.currentYear());
        let groupId = await groupIdFromText(ctx, words.join(' '));
        if (!groupId) {
          const mine = await meetings.plannableGroups(ctx.actor);
          groupId = meetings.attendance.onlyGroupOf(mine);
        }
        const sum = await meetings.attendance.sum(ctx.actor, groupId, year);
        const token = sumToken(services.appSecret, { groupId: sum.group.id, year, personId: ctx.actor.personId!, expiresAt: services.clock().getTime() + LIST_LINK_TTL_MS });
        await replyPrivately(ctx, { card: attendanceSumCard(sum, ctx.locale, `${services.publicBaseUrl}/presentie/${token}`), summary: t(ctx.locale, 'meetings.sum.title', { group: sum.group.name, year }) });
      },
    },
  ];

  async function latestEnded(actor: Actor): Promise<MeetingRecord> {
    const latest = await meetings.latestEndedFor(actor);
    if (!latest) throw new DomainError('meetings.ref.missing');
    return meetings.requireMeeting(latest.id);
  }

  // ---- card actions -----------------------------------------------------------------------------------

  const idFrom = (data: Record<string, unknown>, key: string): string => {
    const v = data[key];
    if (typeof v !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(v)) throw new DomainError('meetings.ref.notFound', { ref: '?' });
    return v;
  };

  /**
   * Meeting ids travel in card data, so anyone could send an invoke for any meeting. The invitation (theme,
   * place, link, counts, afspraken, .ics) goes back only to those who can see it anyway: members of the
   * meeting's group, admins, and people in the channel where it was posted. Anyone else is told it does
   * not exist, exactly as for an unknown id.
   */
  function maySeeMeeting(ctx: CardActionContext, meeting: MeetingRecord): boolean {
    return (
      isAdmin(ctx.actor) ||
      ctx.actor.roles.some((r) => r.groupId === meeting.groupId) ||
      (Boolean(meeting.conversationId) && ctx.conversation.id === meeting.conversationId)
    );
  }

  async function requireVisibleMeeting(ctx: CardActionContext, meetingId: string): Promise<MeetingRecord> {
    const meeting = await meetings.requireMeeting(meetingId);
    if (!maySeeMeeting(ctx, meeting)) throw new DomainError('meetings.ref.notFound', { ref: meetingId });
    return meeting;
  }

  /** A refusal about a posted meeting keeps the invitation on screen with the reason on top (for those who may see it). */
  async function onMeeting(ctx: CardActionContext, meetingId: string, run: () => Promise<CardActionResult>): Promise<CardActionResult> {
    try {
      return await run();
    } catch (err) {
      if (!(err instanceof DomainError) || err.code === 'meetings.ref.notFound') throw err;
      const meeting = await requireVisibleMeeting(ctx, meetingId);
      return { card: await personalCard(ctx.actor, ctx.locale, meetingId, { text: t(ctx.locale, err.code, err.params), tone: 'attention' }, { meeting }) };
    }
  }

  const cardActions: CardActionSpec[] = [
    {
      verb: 'meeting.draft.confirm',
      async run(ctx, data) {
        const draftId = idFrom(data, 'draftId');
        const outcome = await meetings.confirmDraft(ctx.actor, draftId, draftFormFrom(data));
        if (outcome.kind === 'review') {
          const card = draftCard(outcome.draft, ctx.locale, outcome.problems, { changed: outcome.changed });
          return { card, sharedCard: card };
        }
        const list = outcome.meetings;
        if (!list.length) throw new DomainError('meetings.draft.notFound');
        const groupName = await meetings.groupName(list[0].groupId);
        let posted = false;
        let noChannel = false;
        if (outcome.kind === 'created') {
          try {
            const result = await postInvite(list[0].id);
            posted = result === 'posted' || result === 'skipped'; // skipped: the invite job got there first
            noChannel = result === 'noChannel';
          } catch (err) {
            log.warn({ err: (err as Error).message }, 'posting the invitation failed; the invite job retries');
          }
          if (list.length > 1 && posted) {
            const overview = seriesOverviewCard(list, groupName, list[0].locale);
            track(proactive.postToGroup(list[0].groupId, { card: overview }));
          }
        } else {
          const fresh = await repo.findMeeting(db, list[0].id);
          posted = Boolean(fresh?.messageId);
          noChannel = !posted && !(await services.conversations.channelOfGroup(list[0].groupId));
        }
        const card = createdCard(list, groupName, ctx.locale, { posted, noChannel, already: outcome.kind === 'already' });
        return { card, sharedCard: card };
      },
    },
    {
      verb: 'meeting.draft.discard',
      async run(ctx, data) {
        await meetings.discardDraft(ctx.actor, idFrom(data, 'draftId'));
        const card = messageCard(t(ctx.locale, 'meetings.draft.discardedStatus'), []);
        return { card, sharedCard: card };
      },
    },
    {
      verb: 'meeting.rsvp',
      data: cardData({ answer: cardWord.optional() }),
      async run(ctx, data) {
        const meetingId = idFrom(data, 'meetingId');
        return onMeeting(ctx, meetingId, async () => {
          const { outcome, meeting, answer, counts } = await rsvps.answer(ctx.actor, meetingId, String(data.answer ?? ''));
          if (outcome !== 'unchanged') void cardUpdates.request(meetingId);
          return { card: await personalCard(ctx.actor, ctx.locale, meetingId, rsvpNotice(outcome, ctx.locale), { meeting, answer, counts }) };
        });
      },
    },
    {
      // Teams asks for this when a listed user's client shows the card (refresh): never an error for those
      // who may see the meeting; anyone else gets 'niet gevonden'.
      verb: 'meeting.view',
      async run(ctx, data) {
        const meetingId = idFrom(data, 'meetingId');
        const meeting = await requireVisibleMeeting(ctx, meetingId);
        return { card: await personalCard(ctx.actor, ctx.locale, meetingId, undefined, { meeting }) };
      },
    },
    {
      verb: 'meeting.reschedule.confirm',
      data: cardData({ sequence: cardCounter, startsAt: z.string().max(40).optional() }), // the service explains a bad moment
      async run(ctx, data) {
        const meetingId = idFrom(data, 'meetingId');
        const sequence = Number(data.sequence);
        const startsAt = new Date(String(data.startsAt ?? '')); // the service refuses an invalid, past or far-off moment
        if (!Number.isInteger(sequence)) throw new DomainError('meetings.ref.notFound', { ref: meetingId });
        const before = await meetings.requireMeeting(meetingId);
        const result = await meetings.reschedule(ctx.actor, meetingId, sequence, startsAt);
        const groupName = await meetings.groupName(result.meeting.groupId);
        if (!result.changed) {
          const card = changeCard('reschedule', { meeting: result.meeting, groupName, locale: ctx.locale, done: changeDoneText('already', result.meeting, ctx.locale) });
          return { card, sharedCard: card };
        }
        await cardUpdates.request(meetingId).catch(() => undefined);
        const reached = await reachable(result.yesPersonIds);
        notifyYes(result.yesPersonIds, changedNotice('reschedule', result.meeting, groupName, result.meeting.locale, before.startsAt), summaryOf(result.meeting));
        const done = changeDoneText('rescheduled', result.meeting, ctx.locale, { told: reached, yes: result.yesPersonIds.length });
        const card = changeCard('reschedule', { meeting: before, groupName, locale: ctx.locale, newStartsAt: result.meeting.startsAt, done });
        return { card, sharedCard: card };
      },
    },
    {
      verb: 'meeting.cancel.confirm',
      data: cardData({ sequence: cardCounter }),
      async run(ctx, data) {
        const meetingId = idFrom(data, 'meetingId');
        const sequence = Number(data.sequence);
        if (!Number.isInteger(sequence)) throw new DomainError('meetings.ref.notFound', { ref: meetingId });
        const result = await meetings.cancel(ctx.actor, meetingId, sequence);
        const groupName = await meetings.groupName(result.meeting.groupId);
        if (!result.changed) {
          const card = changeCard('cancel', { meeting: result.meeting, groupName, locale: ctx.locale, done: changeDoneText('already', result.meeting, ctx.locale) });
          return { card, sharedCard: card };
        }
        await cardUpdates.request(meetingId).catch(() => undefined);
        const reached = await reachable(result.yesPersonIds);
        notifyYes(result.yesPersonIds, changedNotice('cancel', result.meeting, groupName, result.meeting.locale), summaryOf(result.meeting));
        const done = changeDoneText('cancelled', result.meeting, ctx.locale, { told: reached, yes: result.yesPersonIds.length });
        const card = changeCard('cancel', { meeting: result.meeting, groupName, locale: ctx.locale, done });
        return { card, sharedCard: card };
      },
    },
    {
      verb: 'meeting.attendance.save',
      data: cardData({ attendees: cardTextOrList.optional() }),
      async run(ctx, data) {
        const meetingId = idFrom(data, 'meetingId');
        const raw = typeof data.attendees === 'string' ? data.attendees : Array.isArray(data.attendees) ? data.attendees.join(',') : '';
        const ids = raw.split(',').map((s) => s.trim()).filter(Boolean);
        const { count, meeting } = await meetings.attendance.save(ctx.actor, meetingId, ids);
        const form = await meetings.attendance.form(ctx.actor, meetingId);
        const summaryState = await meetings.summaryState(meetingId);
        const notice = { text: attendanceSavedText(count, meeting, ctx.locale, summaryState), tone: 'good' as Tone };
        return { card: attendanceCard({ ...form, locale: ctx.locale, notice, summaryState }) };
      },
    },
  ];

  // ---- jobs -------------------------------------------------------------------------------------------

  const jobs: FeatureModule['jobs'] = {
    async [INVITE_JOB](payload) {
      const meetingId = String(payload.meetingId ?? '');
      if (meetingId) await postInvite(meetingId);
    },
    /**
     * N days before: a reminder in the channel. Runs once per sequence (claimed in the meeting row). A run
     * that comes late because the bot was down still reminds, unless the meeting has started by then.
     */
    async [REMINDER_JOB](payload, ctx) {
      const meetingId = String(payload.meetingId ?? '');
      const sequence = Number(payload.sequence);
      const meeting = meetingId ? await repo.findMeeting(db, meetingId) : null;
      if (!meeting || meeting.status !== 'planned' || meeting.sequence !== sequence) return; // cancelled or moved since
      if (ctx.now.getTime() >= meeting.startsAt.getTime()) {
        log.info({ meetingId, lateByMs: ctx.lateByMs }, 'reminder skipped: the meeting has started');
        return;
      }
      if (!(await meetings.claimReminder(meetingId, sequence))) return;
      try {
        const card = inviteCard({ ...(await cardInput(meeting, meeting.locale, { fresh: true })), variant: 'reminder' });
        const posted = await proactive.postToGroup(meeting.groupId, { card, summary: reminderSummary(meeting) });
        if (!posted) log.info({ meetingId }, 'reminder not posted: the group has no linked channel');
        if (ctx.lateByMs > 60_000) log.info({ meetingId, lateByMs: ctx.lateByMs }, 'reminder sent late (the bot was down at its time)');
      } catch (err) {
        await meetings.releaseReminder(meetingId, sequence);
        throw err;
      }
    },
    async [PURGE_JOB](payload) {
      const meetingId = String(payload.meetingId ?? '');
      if (meetingId) await meetings.purgeRsvps(meetingId);
    },
    /** After the meeting: the coordinator who planned it gets the attendance card in their personal chat. */
    async [ATTENDANCE_JOB](payload) {
      const meetingId = String(payload.meetingId ?? '');
      const meeting = meetingId ? await repo.findMeeting(db, meetingId) : null;
      if (!meeting || meeting.status !== 'planned' || meeting.sequence !== Number(payload.sequence) || meeting.attendanceAt) return;
      const invitees = await repo.invitees(db, meeting.groupId, meeting.type);
      const yes = new Set((await db.meetingRsvp.findMany({ where: { meetingId, answer: 'yes' }, select: { personId: true } })).map((r) => r.personId));
      const card = attendanceCard({ meeting, groupName: await meetings.groupName(meeting.groupId), invitees, selected: invitees.filter((i) => yes.has(i.personId)).map((i) => i.personId), locale: meeting.locale });
      await proactive.sendToPerson(meeting.creatorId, { card, summary: attendanceSummary(meeting) });
    },
  };

  const httpRoutes = meetingDownloadRoutes(services, meetings);

  return {
    name: 'meetings',
    commands,
    cardActions,
    jobs,
    httpRoutes,
    onChannelLinked,
    async seedDemo() {
      const demo = await seedDemoMeetings(db, services.clock());
      if (demo) log.info(demo, 'demo meetings loaded');
    },
    meetings,
    cardUpdates,
    setAgreementsProvider(fn) {
      meetings.setAgreementsProvider(fn);
    },
    async idle() {
      await cardUpdates.idle();
      while (background.size) await Promise.all([...background]);
      await cardUpdates.idle();
    },
  };
}
