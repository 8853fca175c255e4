/** key → doc numbers, with empty sets removed so vocabularies stay honest. */
export class Postings {
  readonly map = new Map<string, Set<number>>();
  /**
   * Keys in sorted order for prefix and substring scans. Built on first use (one sort after the bulk
   * load), then kept up to date one key at a time, so an upsert never triggers a full re-sort.
   */
  private sorted: string[] | null = null;

  add(key: string, doc: number): void {
    let set = this.map.get(key);
    if (!set) {
      set = new Set();
      this.map.set(key, set);
      if (this.sorted) this.sorted.splice(lowerBound(this.sorted, key), 0, key);
    }
    set.add(doc);
  }
  remove(key: string, doc: number): void {
    const set = this.map.get(key);
    if (!set) return;
    set.delete(doc);
    if (set.size === 0) {
      this.map.delete(key);
      if (this.sorted) this.sorted.splice(lowerBound(this.sorted, key), 1);
    }
  }
  get(key: string): Set<number> | undefined {
    return this.map.get(key);
  }
  sortedKeys(): readonly string[] {
    this.sorted ??= [...this.map.keys()].sort();
    return this.sorted;
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
