/**
 * Rendered cards kept under a key that names everything the card is made from, so an answer asked again
 * is not searched and expanded again (a lookup's results card: ~1 ms of template expansion plus the search,
 * per turn, in the lookup profile). The caller's key must change whenever any input does (for the
 * sociale kaart: the index generation, the day, the locale, the query, the asker's wijken, the page).
 *
 * Cards are kept as JSON text and parsed again on each hit: every caller gets its own object, so nothing
 * downstream can change a kept card. Least recently used entries go first; `max` bounds the memory
 * (a results card is ~8 KB).
 */
export class CardCache {
  private readonly entries = new Map<string, string>();
  /** hits and misses (tests and the bench read them) */
  readonly counts = { hits: 0, misses: 0 };

  constructor(private readonly max: number) {}

  get(key: string, render: () => Record<string, unknown>): Record<string, unknown> {
    const kept = this.entries.get(key);
    if (kept !== undefined) {
      this.entries.delete(key); // re-inserted: now the most recently used
      this.entries.set(key, kept);
      this.counts.hits++;
      return JSON.parse(kept) as Record<string, unknown>;
    }
    const card = render();
    this.counts.misses++;
    this.entries.set(key, JSON.stringify(card));
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return card;
  }

  clear(): void {
    this.entries.clear();
  }
}
