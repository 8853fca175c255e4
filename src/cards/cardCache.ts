/**
 * Rendered cards kept under a key that names everything the card is made from, so an answer asked again
 * is not searched and expanded again (a lookup's results card: ~1 ms of template expansion plus the search,
 * per turn, in the lookup profile). The caller's key must change whenever any input does (for the
 * sociale kaart: the index generation, the day, the locale, the query, the asker's wijken, the page).
 *
 * A kept card is handed out as it is, deep-frozen before it is shared: nothing downstream changes a card it
 * sends (an attempt would throw in our strict-mode code), and copying it for every hit (JSON.parse of ~8 KB)
 * was the largest cost left in a lookup answered from here. It is frozen when it is first handed out
 * again, not when it is rendered: until then only the turn that rendered it holds it, and most questions
 * are never asked again (freezing a results card cost ~30-40 µs of every question asked for the first
 * time). Least recently used entries go first; `max` bounds the memory (a results card is ~8 KB).
 */
export type KeptCard = Readonly<Record<string, unknown>>;

export class CardCache {
  private readonly entries = new Map<string, KeptCard>();
  /** hits and misses (tests and the bench read them) */
  readonly counts = { hits: 0, misses: 0 };

  constructor(private readonly max: number) {}

  get(key: string, render: () => Record<string, unknown>): KeptCard {
    const kept = this.entries.get(key);
    if (kept !== undefined) {
      this.entries.delete(key); // re-inserted: now the most recently used
      this.entries.set(key, kept);
      this.counts.hits++;
      return deepFreeze(kept); // at once when it is frozen already (its root is frozen last)
    }
    const card = render();
    this.counts.misses++;
    this.entries.set(key, card);
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return card;
  }

  clear(): void {
    this.entries.clear();
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    // for…in, not Object.values: a results card has hundreds of nodes, and each array of values was garbage
    for (const key in value) deepFreeze((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}
