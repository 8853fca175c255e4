/**
 * The teams-ai Application and its route table. This folder is the only code that imports teams-ai or
 * botbuilder. Each route follows the same story: who is acting → check → call the feature → reply.
 */
import { randomUUID } from 'node:crypto';
import { ActivityTypes, CardFactory, INVOKE_RESPONSE_KEY, type TurnContext, type InvokeResponse } from 'botbuilder';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import { ActivityLedger } from '../db/activityLedger';
import { DomainError } from '../features/errors';
import type { Actor, Locale } from '../features/groups/types';
import { hasMessage, t } from '../i18n';
import { messageCard } from '../cards/messageCard';
import { activityFor } from './activities';
import { fromCardInput } from '../cards/render';
import { normaliseText } from '../text/normalise';
import { CommandRouter } from './commandRouter';
import { checkActivityShape } from './edge/activityShape';
import { checkCardData } from './edge/cardData';
import { refuseMalformed } from './edge/refuseMalformed';
import { conversationInfoOf } from './conversationStore';
import type { CardActionResult, CommandContext, FeatureModule, Reply } from './featureModule';
import { MessageDispatcher, RUN_SUGGESTION_VERB } from './messageDispatch';
import type { AppServices } from './services';
import { commandText, identityOf, localeOf, lookupMember, mentionsOf, tenantOf, timezoneOf } from './turnInfo';
import { OUTCOME_KEY, type TurnOutcome } from './turnOutcome';

export { OUTCOME_KEY, type TurnOutcome } from './turnOutcome';

/** Teams waits 5 s for an invoke answer and 15 s for a message turn, then redelivers. */
export const INVOKE_BUDGET_MS = 5_000;
export const MESSAGE_TURN_BUDGET_MS = 15_000;

const ACTION_INVOKE = 'adaptiveCard/action';

/** Notes the route and result of this turn for the HTTP layer's metrics. */
function note(context: TurnContext, patch: Pick<TurnOutcome, 'route' | 'result'>): void {
  const outcome = context.turnState.get(OUTCOME_KEY) as TurnOutcome | undefined;
  if (outcome) Object.assign(outcome, patch);
}

export class WijkbotTeamsApp {
  readonly app: Application<TurnState>;
  readonly router: CommandRouter;
  readonly dispatcher: MessageDispatcher;
  /** the record of handled message activities (redelivery dedupe) */
  readonly ledger: ActivityLedger;

  constructor(
    private readonly services: AppServices,
    private readonly modules: FeatureModule[],
    adapter: TeamsAdapter,
    private readonly botAppId: string,
  ) {
    // No teams-ai storage: Wijkbot keeps its own state in its tables, so a turn does no state I/O.
    this.app = new Application<TurnState>({ adapter, botAppId, removeRecipientMention: true, startTypingTimer: false, longRunningMessages: false });
    this.router = new CommandRouter(modules.flatMap((m) => m.commands ?? []));
    const lookup = modules.find((m) => m.fallback);
    this.dispatcher = new MessageDispatcher(this.router, { run: lookup?.fallback, vocabulary: lookup?.lookupVocabulary });
    this.ledger = new ActivityLedger(services.db, services.sqlite);
    this.registerRoutes();
  }

  /** Entry point per HTTP request, after the Bot Framework token was validated. */
  async handleTurn(context: TurnContext): Promise<void> {
    const allowed = this.services.config.allowedTenants;
    if (allowed.length && !allowed.includes(tenantOf(context.activity))) {
      const outcome = context.turnState.get(OUTCOME_KEY) as TurnOutcome | undefined;
      if (outcome) outcome.rejected = true;
      this.services.log.warn({ tenant: tenantOf(context.activity), type: context.activity.type }, 'activity from a tenant that is not allowed; refused');
      return;
    }
    const shape = checkActivityShape(context.activity);
    if (!shape.ok) {
      note(context, { route: 'malformed', result: 'bad_request' });
      await refuseMalformed(context, shape.problems, { log: this.services.log, botAppId: this.botAppId });
      return;
    }
    try {
      await this.app.run(context);
    } catch (err) {
      await this.reportUnexpected(context, err);
    }
  }

  // ---- routes -----------------------------------------------------------------------------------------

  private registerRoutes(): void {
    const app = this.app;

    app.conversationUpdate('membersAdded', async (context) => this.onMembersAdded(context));
    app.activity(ActivityTypes.InstallationUpdate, async (context) => {
      await this.services.conversations.remember(context, null);
      for (const m of this.modules) await m.onInstalled?.(context, conversationInfoOf(context.activity));
    });
    app.conversationUpdate('teamDeleted', async (context) => {
      const teamId = conversationInfoOf(context.activity).teamId;
      if (teamId) await this.services.conversations.markTeamRemoved(teamId);
    });

    for (const module of this.modules) {
      for (const action of module.cardActions ?? []) {
        app.adaptiveCards.actionExecute(action.verb, async (context, _state, data) => {
          note(context, { route: action.verb });
          await this.runCardAction(context, async (actor, locale) =>
            action.run(
              {
                actor, locale, conversation: conversationInfoOf(context.activity), cardMessageId: context.activity.replyToId,
                trigger: (context.activity.value as { trigger?: string })?.trigger === 'automatic' ? 'automatic' : 'manual', turn: context,
              },
              checkCardData(action.data, sanitizeCardData(data)),
            ),
          );
          return ''; // the invoke response was already sent by runCardAction
        });
      }
      for (const ext of module.messageExtensions ?? []) {
        app.messageExtensions.query(ext.commandId, async (context, _state, query) => {
          note(context, { route: ext.commandId });
          const locale = localeOf(context.activity);
          const identity = identityOf(context.activity);
          if (!identity) return { type: 'message', text: t(locale, 'common.notOnRoster') } as never;
          const actor = await this.services.groups.resolveActor(identity);
          const text = String(Object.values(query.parameters ?? {})[0] ?? '').trim();
          try {
            const items = await ext.query({ actor, locale, text, skip: query.skip ?? 0, count: Math.min(query.count ?? 25, 25) });
            return {
              type: 'result',
              attachmentLayout: 'list',
              attachments: items.map((item) => ({
                ...CardFactory.adaptiveCard(item.card),
                preview: CardFactory.thumbnailCard(item.preview.title, item.preview.text ?? '', undefined, undefined, { subtitle: item.preview.subtitle }),
              })),
            };
          } catch (err) {
            if (err instanceof DomainError) {
              note(context, { result: 'refused' });
              this.logAnswered(context, err);
              return { type: 'message', text: this.errorText(locale, err) } as never;
            }
            throw err;
          }
        });
      }
    }

    // "Bedoel je agenda?": the button runs the text as a typed command, as the person who clicks.
    app.adaptiveCards.actionExecute(RUN_SUGGESTION_VERB, async (context, _state, data) => {
      await this.runCardAction(context, async (actor, locale) => {
        if (!(await this.firstDelivery(`${conversationInfoOf(context.activity).id}|${context.activity.id ?? ''}`))) return { message: t(locale, 'common.done') };
        return this.dispatcher.runSuggestion(this.commandContext(context, actor, locale), sanitizeCardData(data));
      });
      return '';
    });

    // Unknown card verbs (an old card, a tampered payload): a clear answer instead of teams-ai's 501.
    app.addRoute(
      async (context) => context.activity.type === ActivityTypes.Invoke && context.activity.name === ACTION_INVOKE,
      async (context) => {
        note(context, { route: 'unknown', result: 'refused' });
        const locale = localeOf(context.activity);
        await sendInvokeResponse(context, { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: t(locale, 'common.unknownAction') });
      },
      true,
    );
    // Any other invoke Wijkbot does not offer: 400 with no internals.
    app.addRoute(
      async (context) => context.activity.type === ActivityTypes.Invoke,
      async (context) => {
        context.turnState.set(INVOKE_RESPONSE_KEY, { type: 'invokeResponse', value: { status: 400, body: { error: 'unsupported invoke' } } });
      },
      true,
    );

    // Registered last: routes match first-come, and this one takes every message.
    app.activity(ActivityTypes.Message, async (context) => this.onMessage(context));
  }

  // ---- messages ---------------------------------------------------------------------------------------

  private async onMessage(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const locale = localeOf(activity);
    const conversation = conversationInfoOf(activity);
    const identity = identityOf(activity);
    if (!identity) return; // not a person (another bot, a system message)
    if (!(await this.firstDelivery(`${conversation.id}|${activity.id ?? ''}`))) {
      note(context, { result: 'redelivered' });
      this.services.log.info({ activityId: activity.id }, 'redelivered activity ignored');
      return;
    }
    try {
      const actor = await this.services.groups.resolveActor(identity, async () => (await lookupMember(context, activity.from.id))?.email);
      await this.services.conversations.remember(context, actor.personId);
      this.services.conversations.rememberUser(activity, actor.personId);
      const text = commandText(activity);
      const ctx = this.commandContext(context, actor, locale);
      if (!text) {
        note(context, { route: 'empty' });
        await ctx.reply({ text: t(locale, 'common.unknownCommand', { word: '…' }) });
        return;
      }
      await this.dispatcher.dispatch(ctx, text, (route) => note(context, { route }));
    } catch (err) {
      if (err instanceof DomainError) {
        note(context, { result: 'refused' });
        this.logAnswered(context, err);
        await context.sendActivity(activityFor({ card: messageCard(t(locale, 'common.error'), [this.errorText(locale, err)], 'attention') }));
        return;
      }
      // Unexpected: let a redelivery try again, and tell the user with a reference.
      await this.ledger.forget(`${conversation.id}|${activity.id ?? ''}`).catch(() => undefined);
      throw err;
    }
  }

  private commandContext(context: TurnContext, actor: Actor, locale: Locale): CommandContext {
    const activity = context.activity;
    return {
      actor, locale, args: '', conversation: conversationInfoOf(activity), activityId: activity.id ?? '', mentions: mentionsOf(activity), clientTimezone: timezoneOf(activity),
      reply: async (reply: Reply) => ({ id: (await context.sendActivity(activityFor(reply)))?.id }),
      lookupMember: (userId) => lookupMember(context, userId),
      turn: context,
    };
  }

  /**
   * true the first time this activity is seen; a redelivery returns false. The primary key decides, so it
   * holds across instances (see db/activityLedger.ts for why this one write skips Prisma when it can).
   */
  private async firstDelivery(key: string): Promise<boolean> {
    if (key.endsWith('|')) return true; // no id: nothing to deduplicate on
    return this.ledger.firstDelivery(key, this.services.clock());
  }

  private async onMembersAdded(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const info = conversationInfoOf(activity);
    const botAdded = (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
    if (!botAdded) {
      // people joining a team Wijkbot is in: reachable personally from now on
      if (info.teamId) await this.services.conversations.rememberTeamMembers(activity, activity.membersAdded ?? []);
      return;
    }
    const locale = localeOf(activity);
    await this.services.conversations.remember(context, null);
    if (info.kind === 'channel' && info.teamId) {
      try {
        const { TeamsInfo } = await import('botbuilder');
        const channels = await TeamsInfo.getTeamChannels(context, info.teamId);
        await this.services.conversations.rememberChannels(context, channels.map((c) => ({ id: c.id!, name: c.name ?? (c.id === info.teamId ? 'Algemeen' : undefined) })));
      } catch (err) {
        this.services.log.warn({ err: (err as Error).message }, 'could not list team channels; channels are remembered when used');
      }
    }
    // a channel that already serves a group (linked before, or by the demo) is not asked to be linked
    const linked = info.kind === 'personal' ? null : await this.services.groups.groupOfConversation(info.id);
    const welcome = info.kind === 'personal' ? t(locale, 'groups.welcomePersonal') : linked ? t(locale, 'groups.welcomeLinked', { group: linked.name }) : t(locale, 'groups.welcomeTeam');
    await context.sendActivity(activityFor({ text: welcome }));
    // after the welcome: a large team's roster takes several pages
    if (info.kind === 'channel' && info.teamId) await this.readTeamRoster(context, info.teamId);
  }

  /** The team's members, so people on the Wijkbot roster can be messaged personally from the start. */
  private async readTeamRoster(context: TurnContext, teamId: string): Promise<void> {
    const { TeamsInfo } = await import('botbuilder');
    try {
      let members = 0;
      let token: string | undefined;
      do {
        const page = await TeamsInfo.getPagedTeamMembers(context, teamId, 500, token);
        members += await this.services.conversations.rememberTeamMembers(context.activity, page.members);
        token = page.continuationToken;
      } while (token);
      this.services.log.info({ members }, 'team roster read: members on the Wijkbot roster can be messaged personally');
    } catch (err) {
      this.services.log.warn({ err: (err as Error).message }, 'could not read the team roster; people become reachable when they use Wijkbot');
    }
  }

  // ---- card actions -----------------------------------------------------------------------------------

  private async runCardAction(context: TurnContext, run: (actor: Actor, locale: Locale) => Promise<CardActionResult>): Promise<void> {
    const locale = localeOf(context.activity);
    const identity = identityOf(context.activity);
    if (!identity) {
      await sendInvokeResponse(context, { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: t(locale, 'common.notOnRoster') });
      return;
    }
    try {
      const actor = await this.services.groups.resolveActor(identity);
      this.services.conversations.rememberUser(context.activity, actor.personId);
      const result = await run(actor, locale);
      if ('message' in result) {
        await sendInvokeResponse(context, { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: result.message });
        return;
      }
      // The shared message gets the neutral card; the clicking user gets their own view in the invoke answer.
      // (Returning a card with `refresh` to teams-ai would overwrite the shared message with this user's view.)
      if (result.sharedCard && context.activity.replyToId) {
        await context.updateActivity({ ...activityFor({ card: result.sharedCard }), id: context.activity.replyToId });
      }
      await sendInvokeResponse(context, { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result.card });
    } catch (err) {
      if (err instanceof DomainError) {
        note(context, { result: 'refused' });
        this.logAnswered(context, err);
        await sendInvokeResponse(context, { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: messageCard(t(locale, 'common.error'), [this.errorText(locale, err)], 'attention') });
        return;
      }
      throw err;
    }
  }

  // ---- errors -----------------------------------------------------------------------------------------

  errorText(locale: Locale, err: DomainError): string {
    return hasMessage(err.code) ? t(locale, err.code, err.params) : t(locale, 'common.unexpected', { ref: err.code });
  }

  /** A refusal the user was told about in words: one line with its code, no stack (it is not a fault). */
  private logAnswered(context: TurnContext, err: DomainError): void {
    const verb = (context.activity.value as { action?: { verb?: unknown } } | undefined)?.action?.verb;
    this.services.log.info({ code: err.code, type: context.activity.type, name: context.activity.name, verb }, 'answered with a refusal');
  }

  private async reportUnexpected(context: TurnContext, err: unknown): Promise<void> {
    const ref = randomUUID().slice(0, 8);
    note(context, { result: 'error' });
    const locale = localeOf(context.activity);
    // Log the error and where it happened; never the message text or card data (could hold patient data).
    this.services.log.error({ ref, type: context.activity.type, name: context.activity.name, err: (err as Error)?.message, stack: (err as Error)?.stack }, 'unexpected error in turn');
    const text = t(locale, 'common.unexpected', { ref });
    try {
      if (context.activity.type === ActivityTypes.Invoke) {
        if (context.activity.name === ACTION_INVOKE) {
          await sendInvokeResponse(context, { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text });
        } else {
          context.turnState.set(INVOKE_RESPONSE_KEY, { type: 'invokeResponse', value: { status: 200, body: { composeExtension: { type: 'message', text } } } });
        }
      } else if (context.activity.type === ActivityTypes.Message) {
        await context.sendActivity(activityFor({ text }));
      }
    } catch (sendErr) {
      this.services.log.error({ ref, err: (sendErr as Error).message }, 'could not tell the user about the error');
    }
  }
}

/**
 * Only plain JSON values from card data; prototype keys are dropped. Strings are normalised like typed text
 * (invisible characters cannot hide patient data from the guard, and the stored text is the checked text).
 * Handlers validate the rest.
 */
function sanitizeCardData(data: unknown): Record<string, unknown> {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data as Record<string, unknown>)) {
    if (k === '__proto__' || k === 'constructor' || k === 'prototype') continue;
    out[k] = typeof v === 'string' ? normaliseText(fromCardInput(v)) : v;
  }
  return out;
}

async function sendInvokeResponse(context: TurnContext, body: { statusCode: number; type: string; value: unknown }): Promise<void> {
  const response: InvokeResponse = { status: 200, body };
  await context.sendActivity({ type: 'invokeResponse', value: response });
}
