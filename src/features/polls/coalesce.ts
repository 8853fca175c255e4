/**
 * Keeps the shared poll card current without flooding Teams. A vote storm (hundreds of clicks in seconds)
 * must not become hundreds of message edits: Teams allows 7 messages/s and 60 per 30 s per conversation,
 * and every edit makes each listed client re-fetch its user-specific view. So per poll at most one edit
 * is in flight; requests that arrive meanwhile are served together by the next edit, which renders the
 * state at that moment (the latest), at least `minIntervalMs` after the previous one started. Since every
 * edit re-reads the state, the last one always shows the final state, and a stale render can never land
 * after a newer one (which a plain "update after each vote" would allow with concurrent votes).
 * Pure scheduling: what an edit does is the caller's function.
 */
interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

interface Entry {
  pending: Waiter[];
  running: Promise<void>;
}

export class CardUpdateCoalescer {
  private readonly state = new Map<number, Entry>();
  /** when the last edit per poll started: the distance holds across bursts, not only within one */
  private readonly lastStart = new Map<number, number>();

  constructor(
    private readonly update: (pollId: number) => Promise<void>,
    public minIntervalMs: number,
    private readonly onError: (pollId: number, err: unknown) => void,
  ) {}

  /**
   * Ask for the poll's card to be brought up to date. Resolves when an edit that started after this call
   * has finished; rejects when that edit failed (fire-and-forget callers may ignore it: errors are logged).
   */
  request(pollId: number): Promise<void> {
    let entry = this.state.get(pollId);
    const done = new Promise<void>((resolve, reject) => {
      if (!entry) {
        entry = { pending: [], running: Promise.resolve() };
        this.state.set(pollId, entry);
        entry.pending.push({ resolve, reject });
        entry.running = this.loop(pollId, entry);
      } else {
        entry.pending.push({ resolve, reject });
      }
    });
    done.catch(() => undefined); // reported through onError; awaiting callers still see the rejection
    return done;
  }

  private async loop(pollId: number, entry: Entry): Promise<void> {
    try {
      for (;;) {
        const wait = (this.lastStart.get(pollId) ?? -Infinity) + this.minIntervalMs - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const waiters = entry.pending;
        entry.pending = [];
        this.lastStart.set(pollId, Date.now());
        try {
          await this.update(pollId);
          for (const w of waiters) w.resolve();
        } catch (err) {
          this.onError(pollId, err);
          for (const w of waiters) w.reject(err);
        }
        if (!entry.pending.length) return;
      }
    } finally {
      this.state.delete(pollId);
    }
  }

  /** Resolves when no edit is pending (tests, shutdown, the benchmark). */
  async idle(): Promise<void> {
    while (this.state.size) await Promise.all([...this.state.values()].map((s) => s.running));
  }
}
