/**
 * Meeting summaries in Teams: `verslag <code>` opens the form (in a personal chat: a draft does not belong
 * in the channel), the form's verbs save / preview / post / post despite a privacy finding, `afspraken`
 * and `afspraak A12 getoetst` for FTO afspraken, `mijn acties` with a "Klaar" button per item, and the
 * reminder job for action items. Parse → call SummariesService (which checks who may do what) → render.
 *
 * Nothing here logs free text: only ids, counts and error messages of Teams calls.
 */
import { messageCard } from '../../cards/messageCard';
import { DomainError } from '../../features/errors';
import { type Actor, type Locale } from '../../features/groups/types';
import { formatMeetingCompact } from '../../dates/dutchDates';
import type { MeetingsPort } from '../../ports/meetingsPort';
import { actionLineText, dueText, formCard, listCard, meetingDay, summaryCards, summaryView, typeLabel, type ActionLine } from '../../features/summaries/cards';
import { idFrom, numberFrom } from '../../features/summaries/parse';
import { SummariesService, type DraftOutcome } from '../../features/summaries/service';
import { ACTION_REMINDER_JOB, agreementCode, type SummaryRecord } from '../../features/summaries/types';
import { markdownInert } from '../../cards/markdown';
import { t } from '../../i18n';
import type { CardActionResult, CardActionSpec, CommandContext, CommandSpec, FeatureModule } from '../featureModule';
import type { AppServices } from '../services';
import type { MeetingsModule } from './meetings';

const isCoordinatorOrAdmin = (a: Actor) => a.roles.some((r) => r.role === 'coordinator' || r.role === 'admin');

export interface SummariesModule extends FeatureModule {
  summaries: SummariesService;
}

/**
 * `modules`: the modules listed before this one. Verslagen are about meetings: the meetings module must
 * come first in handlers/index.ts; its service answers `verslag <code>` and receives the afspraken
 * provider for FTO invitations.
 */
export function summariesModule(services: AppServices, modules: readonly FeatureModule[]): SummariesModule {
  const { db, log, proactive, groups, conversations } = services;
  const meetingsModule = modules.find((m) => m.name === 'meetings') as MeetingsModule | undefined;
  if (!meetingsModule) throw new Error('summaries: list the meetings module before summaries in src/teams/handlers/index.ts');
  const port: MeetingsPort = meetingsModule.meetings;
  const summaries = new SummariesService({
    db, clock: services.clock, jobs: services.jobs, meetings: port,
    channelOfGroup: (groupId) => conversations.channelOfGroup(groupId),
  });

  port.setSummaryStateProvider((meetingId) => summaries.stateOf(meetingId));
  port.setAgreementsProvider(async (groupId) => {
    const open = await summaries.openAgreements(groupId);
    return open.map((a) => t('nl', 'summaries.agreements.due', { code: agreementCode(a.id), text: a.text, date: meetingDay(a.meetingDate, 'nl') }));
  });

  // ---- views ------------------------------------------------------------------------------------------

  function draftCard(outcome: DraftOutcome, locale: Locale, notice?: string): Record<string, unknown> {
    const formFindings = outcome.findings.filter((f) => f.field !== 'theme');
    return formCard({ record: outcome.record, form: outcome.form, problems: outcome.problems, findings: outcome.findings, redacted: formFindings.length > 0, notice }, locale);
  }

  function postedCard(record: SummaryRecord, locale: Locale): Record<string, unknown> {
    return messageCard(t(locale, 'summaries.form.title', { type: typeLabel(record.meetingType), group: record.groupName }), [
      t(locale, 'summaries.alreadyPosted', { when: record.postedAt ? formatMeetingCompact(record.postedAt, locale) : '?', by: record.postedBy ?? '?' }),
    ], 'good');
  }

  function openCard(record: SummaryRecord, locale: Locale): Record<string, unknown> {
    if (record.status !== 'draft') return postedCard(record, locale);
    return formCard({ record, form: record.form, problems: [], findings: [], notice: record.form.summary ? t(locale, 'summaries.form.draftNote', { by: record.authorName }) : undefined }, locale);
  }

  async function myActionsCard(actor: Actor, locale: Locale, notice?: string): Promise<Record<string, unknown>> {
    const items = await summaries.myActions(actor);
    const today = summaries.today();
    return listCard({
      title: t(locale, 'summaries.actions.title'),
      notice,
      items: items.map((a) => ({ text: actionLineText(a, locale, today), button: { verb: 'summary.action.done', title: t(locale, 'summaries.actions.done'), id: a.id } })),
      lines: items.length ? [] : [t(locale, 'summaries.actions.empty')],
    });
  }

  async function agreementsCard(actor: Actor, locale: Locale, group: { id: string; name: string }, notice?: string): Promise<Record<string, unknown>> {
    const { open, checked } = await summaries.agreementsFor(actor, group);
    const canCheck = isCoordinatorOrAdmin(actor) && actor.roles.some((r) => r.role === 'admin' || r.groupId === group.id);
    return listCard({
      title: t(locale, 'summaries.agreements.title', { group: group.name }),
      intro: t(locale, 'summaries.agreements.intro'),
      notice,
      items: open.map((a) => ({
        text: t(locale, 'summaries.agreements.open', { code: `**${agreementCode(a.id)}**`, text: markdownInert(a.text), date: meetingDay(a.meetingDate, locale) }),
        button: canCheck ? { verb: 'summary.agreement.check', title: t(locale, 'summaries.agreements.check'), id: a.id } : undefined,
      })),
      lines: [
        ...(open.length || checked.length ? [] : [t(locale, 'summaries.agreements.empty', { group: group.name })]),
        ...checked.map((a) => t(locale, 'summaries.agreements.checkedLine', { code: agreementCode(a.id), text: markdownInert(a.text), when: a.checkedAt ? meetingDay(a.checkedAt, locale) : '?', by: a.checkedBy ?? '?' })),
      ],
    });
  }

  // ---- posting ----------------------------------------------------------------------------------------

  async function post(ctx: { actor: Actor; locale: Locale }, data: Record<string, unknown>, override: boolean): Promise<CardActionResult> {
    const id = requireSummaryId(data);
    const confirmed = data.privacyConfirm === true || data.privacyConfirm === 'true';
    const start = await summaries.beginPost(ctx.actor, id, data, { override, confirmed });
    if (!start.ok) return { card: draftCard(start, ctx.locale) };
    const { record } = start;
    const view = summaryView(record, { parsed: start.parsed, agreements: start.agreements, actions: start.actions }, record.locale);
    const cards = summaryCards(view, { footer: t(record.locale, 'summaries.card.footer', { by: ctx.actor.name }), locale: record.locale });
    const messageIds: string[] = [];
    try {
      for (const card of cards) {
        const activityId = await proactive.send(start.conversationId, { card, summary: view.title });
        if (!activityId) throw new Error('connector returned no activity id');
        messageIds.push(activityId);
      }
    } catch (err) {
      log.warn({ summaryId: id, posted: messageIds.length, parts: cards.length, err: (err as Error).message }, 'posting the verslag failed; back to draft');
      // A verslag is whole or absent: parts already in the channel go, so a retry does not post them twice.
      const orphaned = await removePosted(start.conversationId, messageIds);
      if (orphaned) log.warn({ summaryId: id, orphaned }, 'parts of a failed verslag could not be removed from the channel');
      await summaries.abortPost(id);
      throw new DomainError('summaries.postFailed');
    }
    await summaries.finishPost(ctx.actor, id, { conversationId: start.conversationId, messageIds });
    const lines = [t(ctx.locale, 'summaries.posted', { group: record.groupName, parts: cards.length, agreements: start.agreements.length, actions: start.actions.length })];
    if (start.overridden) lines.push(t(ctx.locale, 'summaries.postedOverride'));
    return { card: messageCard(t(ctx.locale, 'summaries.form.title', { type: typeLabel(record.meetingType), group: record.groupName }), lines, 'good') };
  }

  /**
   * Deletes posted parts, all at once so the coordinator's card action still answers in time; returns how
   * many could not be deleted (best effort: Teams may refuse too). A part whose post failed after Teams
   * had made it cannot be deleted, as Teams never returned its id.
   */
  async function removePosted(conversationId: string, activityIds: string[]): Promise<number> {
    const results = await Promise.allSettled(activityIds.map((activityId) => proactive.delete(conversationId, activityId)));
    return results.filter((r) => r.status === 'rejected').length;
  }

  function requireSummaryId(data: Record<string, unknown>): string {
    const id = idFrom(data, 'summaryId');
    if (!id) throw new DomainError('summaries.notFound');
    return id;
  }

  // ---- commands ---------------------------------------------------------------------------------------

  async function groupFor(ctx: CommandContext): Promise<{ id: string; name: string } | null> {
    if (ctx.args.trim()) return groups.resolveGroup(ctx.args);
    if (ctx.conversation.kind === 'channel') {
      const linked = await groups.groupOfConversation(ctx.conversation.id);
      if (linked) return linked;
    }
    const mine = [...new Map(ctx.actor.roles.filter((r) => r.groupId).map((r) => [r.groupId!, r.groupName ?? '?'])).entries()];
    return mine.length === 1 ? { id: mine[0]![0], name: mine[0]![1] } : null;
  }

  const commands: CommandSpec[] = [
    {
      names: ['verslag', 'summary'],
      help: { nl: '**verslag <code>** — verslag van een bijeenkomst schrijven en in het kanaal plaatsen', en: '**verslag <code>** — write a meeting summary and post it in the channel' },
      visibleTo: isCoordinatorOrAdmin,
      async run(ctx) {
        const record = await summaries.open(ctx.actor, ctx.args);
        const card = openCard(record, ctx.locale);
        if (ctx.conversation.kind === 'personal') {
          await ctx.reply({ card, summary: t(ctx.locale, 'summaries.form.title', { type: typeLabel(record.meetingType), group: record.groupName }) });
          return;
        }
        // A draft may still hold what the guard would block: it goes to the coordinator only.
        const sent = ctx.actor.personId ? await proactive.sendToPerson(ctx.actor.personId, { card }) : false;
        await ctx.reply({ text: t(ctx.locale, sent ? 'summaries.openedInPersonal' : 'summaries.openPersonalChat', { ref: ctx.args.trim() }) });
      },
    },
    {
      names: ['mijn acties', 'mijn actiepunten', 'my actions'],
      help: { nl: '**mijn acties** — jouw open actiepunten uit verslagen', en: '**mijn acties** — your open action items from summaries' },
      async run(ctx) {
        await ctx.reply({ card: await myActionsCard(ctx.actor, ctx.locale), summary: t(ctx.locale, 'summaries.actions.title') });
      },
    },
    {
      names: ['afspraken', 'agreements'],
      help: { nl: '**afspraken [wijkgroep]** — FTO-afspraken die getoetst moeten worden', en: '**afspraken [group]** — FTO agreements to be checked' },
      async run(ctx) {
        const group = await groupFor(ctx);
        if (!group) {
          await ctx.reply({ text: t(ctx.locale, 'summaries.agreements.whichGroup') });
          return;
        }
        await ctx.reply({ card: await agreementsCard(ctx.actor, ctx.locale, group) });
      },
    },
    {
      names: ['afspraak', 'agreement'],
      help: { nl: '**afspraak <A12> getoetst** — een FTO-afspraak als getoetst markeren', en: '**afspraak <A12> getoetst** — mark an FTO agreement as checked' },
      visibleTo: isCoordinatorOrAdmin,
      async run(ctx) {
        const m = /^a?(\d{1,9})\s+(?:getoetst|gecontroleerd|checked)$/i.exec(ctx.args.trim());
        if (!m) {
          await ctx.reply({ text: t(ctx.locale, 'summaries.agreements.usage') });
          return;
        }
        const result = await summaries.checkAgreement(ctx.actor, Number(m[1]), (groupId) => groupName(groupId));
        await ctx.reply({ text: t(ctx.locale, result.changed ? 'summaries.agreements.checkedNotice' : 'summaries.agreements.alreadyChecked', { code: result.code }) });
      },
    },
  ];

  async function groupName(groupId: string): Promise<string> {
    return (await db.wijkGroup.findUnique({ where: { id: groupId }, select: { name: true } }))?.name ?? '?';
  }

  // ---- card actions -----------------------------------------------------------------------------------

  const cardActions: CardActionSpec[] = [
    {
      // the button on a meeting card after it ended (meetings feature): same as `verslag <code>`
      verb: 'summary.open',
      async run(ctx, data) {
        const ref = typeof data.meetingRef === 'string' ? data.meetingRef.slice(0, 60) : idFrom(data, 'meetingId') ?? '';
        if (!ref) throw new DomainError('summaries.noEndedMeeting');
        const record = await summaries.open(ctx.actor, ref);
        if (ctx.conversation.kind === 'personal') return { card: openCard(record, ctx.locale) };
        const sent = ctx.actor.personId ? await proactive.sendToPerson(ctx.actor.personId, { card: openCard(record, ctx.locale) }) : false;
        return { message: t(ctx.locale, sent ? 'summaries.openedInPersonal' : 'summaries.openPersonalChat', { ref }) };
      },
    },
    {
      verb: 'summary.edit',
      async run(ctx, data) {
        const record = await summaries.reopen(ctx.actor, requireSummaryId(data));
        return { card: openCard(record, ctx.locale) };
      },
    },
    {
      verb: 'summary.save',
      async run(ctx, data) {
        const outcome = await summaries.save(ctx.actor, requireSummaryId(data), data);
        return { card: draftCard(outcome, ctx.locale, t(ctx.locale, 'summaries.form.saved')) };
      },
    },
    {
      verb: 'summary.preview',
      async run(ctx, data) {
        const outcome = await summaries.save(ctx.actor, requireSummaryId(data), data, { forPost: true });
        if (outcome.problems.length || outcome.findings.length) return { card: draftCard(outcome, ctx.locale) };
        const { record } = outcome;
        const view = summaryView(record, { parsed: outcome.parsed }, record.locale);
        const cards = summaryCards(view, {
          footer: t(record.locale, 'summaries.card.footerPreview', { by: ctx.actor.name }),
          locale: record.locale,
          notice: (parts) => t(ctx.locale, 'summaries.preview.notice', { group: record.groupName, parts }),
          buttons: [
            { verb: 'summary.post', title: t(ctx.locale, 'summaries.form.post'), style: 'positive' },
            { verb: 'summary.edit', title: t(ctx.locale, 'summaries.form.edit'), style: 'default' },
          ],
          summaryId: record.id,
        });
        // a long verslag: the preview shows its first part; the notice says how many messages it becomes
        return { card: cards[0]! };
      },
    },
    { verb: 'summary.post', run: (ctx, data) => post(ctx, data, false) },
    { verb: 'summary.postOverride', run: (ctx, data) => post(ctx, data, true) },
    {
      verb: 'summary.action.done',
      async run(ctx, data) {
        const itemId = numberFrom(data, 'id') ?? numberFrom(data, 'itemId');
        if (!itemId) throw new DomainError('summaries.actions.notFound');
        const { changed } = await summaries.markActionDone(ctx.actor, itemId);
        const notice = t(ctx.locale, changed ? 'summaries.actions.doneNotice' : 'summaries.actions.alreadyDone', { code: `#${itemId}` });
        return { card: await myActionsCard(ctx.actor, ctx.locale, notice) };
      },
    },
    {
      verb: 'summary.agreement.check',
      async run(ctx, data) {
        const agreementId = numberFrom(data, 'id') ?? numberFrom(data, 'agreementId');
        if (!agreementId) throw new DomainError('summaries.agreements.notFound', { code: '?' });
        const result = await summaries.checkAgreement(ctx.actor, agreementId, groupName);
        const notice = t(ctx.locale, result.changed ? 'summaries.agreements.checkedNotice' : 'summaries.agreements.alreadyChecked', { code: result.code });
        return { card: await agreementsCard(ctx.actor, ctx.locale, { id: result.groupId, name: await groupName(result.groupId) }, notice) };
      },
    },
  ];

  // ---- jobs -------------------------------------------------------------------------------------------

  const jobs: FeatureModule['jobs'] = {
    // One personal reminder per open action item. The claim makes it once; a failed send releases the
    // claim and the job queue retries. Someone Wijkbot has never seen in Teams (no chat, no card click) cannot be reached (logged).
    async [ACTION_REMINDER_JOB](payload) {
      const itemId = Number(payload.itemId);
      if (!Number.isSafeInteger(itemId)) return;
      const item = await summaries.claimReminder(itemId);
      if (!item) return;
      const locale: Locale = item.summary.locale === 'en' ? 'en' : 'nl';
      const line: ActionLine = item;
      const card = listCard({
        title: t(locale, 'summaries.reminder.title', { due: dueText(item.dueDate, locale) }),
        intro: t(locale, 'summaries.reminder.intro', { type: typeLabel(item.summary.meetingType), group: item.summary.groupName, date: meetingDay(item.summary.meetingStartsAt, locale) }),
        items: [{ text: actionLineText(line, locale, summaries.today()), button: { verb: 'summary.action.done', title: t(locale, 'summaries.actions.done'), id: item.id } }],
      });
      try {
        const sent = await proactive.sendToPerson(item.ownerId, { card, summary: t(locale, 'summaries.reminder.title', { due: dueText(item.dueDate, locale) }) });
        if (!sent) log.info({ itemId }, 'action item owner has no personal chat with Wijkbot; reminder not delivered');
      } catch (err) {
        await summaries.releaseReminder(itemId);
        throw err;
      }
    },
  };

  return { name: 'summaries', commands, cardActions, jobs, summaries };
}
