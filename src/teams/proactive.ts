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

export interface PostedMessage {
  conversationId: string;
  activityId: string;
}

export class Proactive {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly botAppId: string,
    private readonly store: ConversationStore,
    private readonly log: Logger,
    private readonly limiter = new ConversationRateLimiter(),
    private readonly retry: RetryOptions = DEFAULT_RETRY,
  ) {}

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
    return this.withConversation(conversationId, async (ctx) => (await ctx.sendActivity(activityFor(reply)))?.id);
  }

  async update(conversationId: string, activityId: string, reply: Reply): Promise<void> {
    await this.withConversation(conversationId, async (ctx) => {
      await ctx.updateActivity({ ...activityFor(reply), id: activityId, conversation: ctx.activity.conversation });
    });
  }

  async delete(conversationId: string, activityId: string): Promise<void> {
    await this.withConversation(conversationId, async (ctx) => {
      await ctx.deleteActivity(activityId);
    });
  }

  /** Posts in the wijkgroep's linked channel; null when the group has no channel yet (caller tells the user). */
  async postToGroup(groupId: string, reply: Reply): Promise<PostedMessage | null> {
    const conversationId = await this.store.channelOfGroup(groupId);
    if (!conversationId) return null;
    const activityId = await this.send(conversationId, reply);
    return activityId ? { conversationId, activityId } : null;
  }

  /** A personal message; only possible once the person has chatted with Wijkbot (Teams gives no address before). */
  async sendToPerson(personId: string, reply: Reply): Promise<boolean> {
    const conversationId = await this.store.personalConversationOf(personId);
    if (!conversationId) {
      this.log.info({ personId }, 'no personal conversation for person; personal message skipped');
      return false;
    }
    await this.send(conversationId, reply);
    return true;
  }
}
