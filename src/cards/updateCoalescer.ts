/**
 * Keeps a shared card (a poll, a meeting invitation) current without flooding Teams. A vote or RSVP storm
 * (hundreds of clicks in seconds) must not become hundreds of message edits: Teams allows 7 messages/s
 * and 60 per 30 s per conversation, and every edit makes each listed client re-fetch its user-specific
 * view. So per card (key) at most one edit is in flight; requests that arrive meanwhile are served
 * together by the next edit, which renders the state at that moment (the latest), at least
 * `minIntervalMs` after the previous one started. Since every edit re-reads the state, the last one
 * always shows the final state, and a stale render can never land after a newer one (which a plain
 * "update after each vote" would allow with concurrent votes).
 * Pure scheduling: what an edit does is the caller's function. */
interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

interface Entry {
  pending: Waiter[];
  running: Promise<void>;
}

export class CardUpdateCoalescer<K = number> {
  private readonly state = new Map<K, Entry>();
  /** when the last edit per card started: the distance holds across bursts, not only within one */
  private readonly lastStart = new Map<K, number>();

  constructor(
    private readonly update: (key: K) => Promise<void>,
    public minIntervalMs: number,
    private readonly onError: (key: K, err: unknown) => void,
  ) {}

  /**
   * Ask for the card to be brought up to date. Resolves when an edit that started after this call
   * has finished; rejects when that edit failed (fire-and-forget callers may ignore it: errors are logged).
   */
  request(key: K): Promise<void> {
    let entry = this.state.get(key);
    const done = new Promise<void>((resolve, reject) => {
      if (!entry) {
        entry = { pending: [], running: Promise.resolve() };
        this.state.set(key, entry);
        entry.pending.push({ resolve, reject });
        entry.running = this.loop(key, entry);
      } else {
        entry.pending.push({ resolve, reject });
      }
    });
    done.catch(() => undefined); // reported through onError; awaiting callers still see the rejection
    return done;
  }

  private async loop(key: K, entry: Entry): Promise<void> {
    try {
      for (;;) {
        const wait = (this.lastStart.get(key) ?? -Infinity) + this.minIntervalMs - Date.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const waiters = entry.pending;
        entry.pending = [];
        this.lastStart.set(key, Date.now());
        try {
          await this.update(key);
          for (const w of waiters) w.resolve();
        } catch (err) {
          this.onError(key, err);
          for (const w of waiters) w.reject(err);
        }
        if (!entry.pending.length) return;
      }
    } finally {
      this.state.delete(key);
      this.forgetOldStarts();
    }
  }

  /** A long-running bot sees thousands of cards; only starts within the interval still matter. */
  private forgetOldStarts(): void {
    if (this.lastStart.size < 1000) return;
    const cutoff = Date.now() - this.minIntervalMs;
    for (const [key, started] of this.lastStart) if (started < cutoff && !this.state.has(key)) this.lastStart.delete(key);
  }

  /** Resolves when no edit is pending (tests, shutdown, the benchmark). */
  async idle(): Promise<void> {
    while (this.state.size) await Promise.all([...this.state.values()].map((s) => s.running));
  }
}
