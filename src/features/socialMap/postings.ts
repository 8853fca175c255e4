/**
 * Postings of the in-memory social map: for every key (a word, an expertise tag, a discipline, a wijk, a
 * postcode area) the internal numbers of the documents that have it, as a growable Int32Array: 4 bytes a
 * posting, where a Set<number> took ~30.
 *
 * Removal is lazy. Searching verifies every candidate against the document itself (see queryPlan.ts), so a
 * posting left behind by a change does no harm; the list only counts it (`live`), and once half of it is
 * stale it is compacted. That keeps a single change O(keys of the partner) and a whole re-import O(total),
 * where removing from the middle of 100,000-entry lists one by one was quadratic.
 */

export class PostingList {
  ids: Int32Array;
  /** Entries in `ids`, stale ones and duplicates included. */
  length = 0;
  /** Documents that really have the key. */
  live = 0;

  constructor(capacity = 2) {
    this.ids = new Int32Array(capacity);
  }

  add(doc: number): void {
    if (this.length === this.ids.length) {
      const next = new Int32Array(Math.max(4, this.ids.length * 2));
      next.set(this.ids);
      this.ids = next;
    }
    this.ids[this.length++] = doc;
    this.live++;
  }

  /** The document lost the key: its entry stays until compaction. Returns true when the list wants compacting. */
  drop(): boolean {
    this.live--;
    return this.length > 2 * this.live + 16;
  }

  /** Keeps the entries whose document still has the key, once each. */
  compact(stillHas: (doc: number) => boolean, seen: Stamp): void {
    const gen = seen.next();
    let w = 0;
    for (let r = 0; r < this.length; r++) {
      const n = this.ids[r]!;
      if (seen.marks[n] === gen || !stillHas(n)) continue;
      seen.marks[n] = gen;
      this.ids[w++] = n;
    }
    this.length = w;
    this.live = w;
    if (this.ids.length > 2 * w + 16) this.ids = this.ids.slice(0, Math.max(4, w));
  }
}

/**
 * Scratch marks over document numbers, reset in O(1) by moving to the next generation: a scan that visits
 * a document from two posting lists counts it once, without allocating per query.
 */
export class Stamp {
  marks = new Uint32Array(0);
  private generation = 0;

  next(size = this.marks.length): number {
    if (this.marks.length < size) {
      this.marks = new Uint32Array(Math.max(size, this.marks.length * 2, 1024));
      this.generation = 0;
    }
    this.generation = (this.generation + 1) >>> 0;
    if (this.generation === 0) {
      this.marks.fill(0);
      this.generation = 1;
    }
    return this.generation;
  }
}

/**
 * Interned keys of one kind (words, or expertise tags) with their posting lists. An id never changes
 * meaning; a key that no partner has any more keeps its id with `live` 0 and is skipped by vocabularies.
 * Keys are also kept sorted, for prefix scans ("jans" → jansen, janssen): sorted once after the bulk load,
 * then one insertion per new key.
 */
export class TermDictionary {
  private readonly idOf = new Map<string, number>();
  readonly terms: string[] = [];
  readonly lists: PostingList[] = [];
  private sorted: string[] | null = null;
  /** Bumped whenever a key gains its first or loses its last partner. */
  generation = 0;

  id(term: string): number | undefined {
    return this.idOf.get(term);
  }

  intern(term: string): number {
    let id = this.idOf.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.idOf.set(term, id);
      this.terms.push(term);
      this.lists.push(new PostingList());
      if (this.sorted) this.sorted.splice(lowerBound(this.sorted, term), 0, term);
    }
    return id;
  }

  isLive(id: number | undefined): id is number {
    return id !== undefined && this.lists[id]!.live > 0;
  }

  add(id: number, doc: number): void {
    const list = this.lists[id]!;
    if (list.live === 0) this.generation++;
    list.add(doc);
  }

  /** Returns true when the list wants compacting. */
  drop(id: number): boolean {
    const list = this.lists[id]!;
    const wants = list.drop();
    if (list.live === 0) this.generation++;
    return wants;
  }

  /** Ids of live keys starting with `prefix`, in key order. */
  withPrefix(prefix: string): number[] {
    this.sorted ??= [...this.terms].sort();
    const out: number[] = [];
    for (let i = lowerBound(this.sorted, prefix); i < this.sorted.length && this.sorted[i]!.startsWith(prefix); i++) {
      const id = this.idOf.get(this.sorted[i]!)!;
      if (this.lists[id]!.live > 0) out.push(id);
    }
    return out;
  }

  /** Live keys in key order. */
  liveTerms(): string[] {
    this.sorted ??= [...this.terms].sort();
    return this.sorted.filter((t) => this.lists[this.idOf.get(t)!]!.live > 0);
  }
}

export function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
