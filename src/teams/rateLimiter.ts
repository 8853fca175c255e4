/**
 * Teams' per-bot, per-conversation limits (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit):
 * 7 messages per second, 60 per 30 seconds, 1800 per hour. Sending slower than that is cheaper than
 * being throttled, so proactive posts wait for a free slot instead of hitting 429s.
 */
export const TEAMS_CONVERSATION_LIMITS = [
  { windowMs: 1_000, max: 7 },
  { windowMs: 30_000, max: 60 },
  { windowMs: 3_600_000, max: 1_800 },
] as const;

export class ConversationRateLimiter {
  private readonly sent = new Map<string, number[]>();

  constructor(
    private readonly limits: readonly { windowMs: number; max: number }[] = TEAMS_CONVERSATION_LIMITS,
    private readonly now: () => number = Date.now,
  ) {}

  /** ms to wait before the next message to this conversation may go; 0 = now */
  delayFor(conversationId: string): number {
    const t = this.now();
    const longest = Math.max(...this.limits.map((l) => l.windowMs));
    const times = (this.sent.get(conversationId) ?? []).filter((s) => t - s < longest);
    this.sent.set(conversationId, times);
    let wait = 0;
    for (const { windowMs, max } of this.limits) {
      const inWindow = times.filter((s) => t - s < windowMs);
      if (inWindow.length >= max) wait = Math.max(wait, inWindow[inWindow.length - max] + windowMs - t);
    }
    return wait;
  }

  record(conversationId: string): void {
    const list = this.sent.get(conversationId) ?? [];
    list.push(this.now());
    this.sent.set(conversationId, list);
  }

  /** waits for a slot and claims it; slots are claimed in call order per conversation */
  async acquire(conversationId: string, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<void> {
    for (;;) {
      const wait = this.delayFor(conversationId);
      if (wait <= 0) {
        this.record(conversationId);
        return;
      }
      await sleep(wait);
    }
  }
}
