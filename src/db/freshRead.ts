/**
 * Read-after-write for hot rows under a storm: every caller gets a result read after its call began (so it
 * includes the caller's own write), but concurrent callers share reads. While a read for a key is in
 * flight, later callers wait for the next one, which starts when it ends and serves all of them: 200
 * concurrent RSVPs need two count queries, not 200. Nothing is cached beyond that.
 */
export class FreshRead<K, V> {
  private readonly running = new Map<K, Promise<V>>();
  private readonly next = new Map<K, Promise<V>>();

  constructor(private readonly read: (key: K) => Promise<V>) {}

  get(key: K): Promise<V> {
    const queued = this.next.get(key);
    if (queued) return queued;
    const current = this.running.get(key);
    if (!current) return this.start(key);
    // the read in flight began before this call: wait for it, then share the one after it
    const after = current.then(() => undefined, () => undefined).then(() => {
      this.next.delete(key);
      return this.start(key);
    });
    this.next.set(key, after);
    return after;
  }

  private start(key: K): Promise<V> {
    const p = this.read(key).finally(() => {
      if (this.running.get(key) === p) this.running.delete(key);
    });
    this.running.set(key, p);
    return p;
  }
}
