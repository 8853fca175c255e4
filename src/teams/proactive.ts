/**
 * Posting and updating outside a user's turn: invitations in a wijkgroep channel, reminders, poll results,
 * and the shared card after a vote. Every call waits for a rate-limit slot and retries transient failures.
 */
import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { Logger } from '../log';
import { activityFor } from './activities';
import type { ConversationStore } from './conversationStore';
import type { Reply } from './featureModule';
import { ConversationRateLimiter } from './rateLimiter';
import { withRetry, type RetryOptions, DEFAULT_RETRY } from './retry';
import type { OpsObserver, ProactiveOperation } from '../metrics/metrics';

export interface ProactiveOptions {
  limiter?: ConversationRateLimiter;
  retry?: RetryOptions;
  /** metrics: every call's result and time, and each retry's status */
  observer?: Pick<OpsObserver, 'proactive' | 'connectorRetry'>;
}

export interface PostedMessage {
  conversationId: string;
  activityId: string;
}

export class Proactive {
  private readonly limiter: ConversationRateLimiter;
  private readonly retry: RetryOptions;
  private readonly observer: ProactiveOptions['observer'];

  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly store: ConversationStore,
    private readonly log: Logger,
    options: ProactiveOptions = {},
  ) {
    this.limiter = options.limiter ?? new ConversationRateLimiter();
    this.observer = options.observer;
    const retry = options.retry ?? DEFAULT_RETRY;
    this.retry = this.observer ? { ...retry, onRetry: (status) => this.observer?.connectorRetry(status) } : retry;
  }

  /** Runs one proactive call and tells the observer how it went. */
  private async observed<T>(operation: ProactiveOperation, call: () => Promise<T>): Promise<T> {
    if (!this.observer) return call();
    const started = performance.now();
    try {
      const result = await call();
      this.observer.proactive(operation, true, (performance.now() - started) / 1000);
      return result;
    } catch (err) {
      this.observer.proactive(operation, false, (performance.now() - started) / 1000);
      throw err;
    }
  }

  private async withConversation<T>(conversationId: string, fn: (ctx: TurnContext) => Promise<T>): Promise<T> {
    const reference = await this.store.referenceFor(conversationId);
    if (!reference) throw new Error(`unknown conversation ${conversationId}`);
    let result: T | undefined;
    await this.limiter.acquire(conversationId);
    await withRetry(async () => {
      // botbuilder hands errors thrown inside the callback to onTurnError and resolves; carry them out
      // so the retry sees the connector's status and the caller sees the failure.
      let failure: unknown;
      await this.adapter.continueConversationAsync(this.botAppId, reference as ConversationReference, async (ctx) => {
        try {
          result = await fn(ctx);
        } catch (err) {
          failure = err;
        }
      });
      if (failure) throw failure;
    }, this.retry);
    return result as T;
  }

  async send(conversationId: string, reply: Reply): Promise<string | undefined> {
    return this.observed('send', () => this.withConversation(conversationId, async (ctx) => (await ctx.sendActivity(activityFor(reply)))?.id));
  }

  async update(conversationId: string, activityId: string, reply: Reply): Promise<void> {
    await this.observed('update', () =>
      this.withConversation(conversationId, async (ctx) => {
        await ctx.updateActivity({ ...activityFor(reply), id: activityId, conversation: ctx.activity.conversation });
      }),
    );
  }

  async delete(conversationId: string, activityId: string): Promise<void> {
    await this.observed('delete', () =>
      this.withConversation(conversationId, async (ctx) => {
        await ctx.deleteActivity(activityId);
      }),
    );
  }

  /** Posts in the wijkgroep's linked channel; null when the group has no channel yet (caller tells the user). */
  async postToGroup(groupId: string, reply: Reply): Promise<PostedMessage | null> {
    const conversationId = await this.store.channelOfGroup(groupId);
    if (!conversationId) return null;
    const activityId = await this.send(conversationId, reply);
    return activityId ? { conversationId, activityId } : null;
  }

  /**
   * A message in the person's personal chat with Wijkbot. Without one, Wijkbot starts it when Teams has
   * shown it the person's Teams id (a channel message, a card click); false when neither is known.
   */
  async sendToPerson(personId: string, reply: Reply): Promise<boolean> {
    const conversationId = (await this.store.personalConversationOf(personId)) ?? (await this.openPersonalChat(personId));
    if (!conversationId) {
      this.log.info({ personId }, 'no personal conversation for person and no Teams id to start one; personal message skipped');
      return false;
    }
    await this.send(conversationId, reply);
    return true;
  }

  /** Teams' createConversation with the person's 29:... id; the new chat is saved for next time. */
  private async openPersonalChat(personId: string): Promise<string | null> {
    const user = await this.store.teamsUserOf(personId);
    if (!user) return null;
    let created: string | null = null;
    await this.limiter.acquire(`create:${personId}`);
    await this.observed('create_chat', () => withRetry(async () => {
      // Teams answers with the existing 1:1 chat if there is one, so a retry cannot make a second
      await this.adapter.createConversationAsync(
        this.botAppId, 'msteams', user.serviceUrl,
        undefined as unknown as string, // no audience: the connector's default scope for the Bot Framework channel
        { isGroup: false, bot: { id: this.botAppId, name: 'Wijkbot' }, members: [{ id: user.userId, name: '' }], tenantId: user.tenantId, channelData: { tenant: { id: user.tenantId } } } as never,
        async (ctx) => {
          created = ctx.activity.conversation?.id ?? null;
        },
      );
    }, this.retry));
    if (!created) return null;
    await this.store.rememberCreatedPersonal(personId, created, {
      channelId: 'msteams', serviceUrl: user.serviceUrl,
      conversation: { id: created, conversationType: 'personal', tenantId: user.tenantId, isGroup: false, name: '' },
      user: { id: user.userId, name: '' }, bot: { id: this.botAppId, name: 'Wijkbot' },
    });
    this.log.info({ personId }, 'personal chat started by Wijkbot');
    return created;
  }
}
