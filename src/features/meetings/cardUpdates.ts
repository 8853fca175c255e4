/**
 * Keeps a shared invitation card current without flooding Teams during an RSVP storm: per meeting at most
 * one edit is in flight, requests that arrive meanwhile are served together by the next edit, which reads
 * the state at that moment, at least `minIntervalMs` after the previous one started. The last edit
 * therefore always shows the final counts, and an older render can never land after a newer one.
 * The same idea as features/polls/coalesce.ts (keyed by poll number there); copied rather than shared so
 * the two features can tune it independently.
 */
interface Waiter {
  resolve: () => void;
  reject: (err: unknown) => void;
}

interface Entry {
  pending: Waiter[];
  running: Promise<void>;
}

export class CardUpdateQueue<K = string> {
  private readonly state = new Map<K, Entry>();
  private readonly lastStart = new Map<K, number>();

  constructor(
    private readonly update: (key: K) => Promise<void>,
    public minIntervalMs: number,
    private readonly onError: (key: K, err: unknown) => void,
  ) {}

  /** Resolves when an edit that started after this call has finished; rejects if that edit failed. */
  request(key: K): Promise<void> {
    let entry = this.state.get(key);
    const done = new Promise<void>((resolve, reject) => {
      if (!entry) {
        entry = { pending: [{ resolve, reject }], running: Promise.resolve() };
        this.state.set(key, entry);
        entry.running = this.loop(key, entry);
      } else {
        entry.pending.push({ resolve, reject });
      }
    });
    done.catch(() => undefined);
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
    }
  }

  async idle(): Promise<void> {
    while (this.state.size) await Promise.all([...this.state.values()].map((s) => s.running));
  }
}
