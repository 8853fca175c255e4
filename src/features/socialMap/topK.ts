/** Keeps the k best items seen (max-heap on "worst first"), so ranking 90k candidates stays O(n log k). */
export class TopK<T> {
  private readonly heap: T[] = [];
  constructor(
    private readonly k: number,
    private readonly cmp: (a: T, b: T) => number,
  ) {}
  /** Whether `push(item)` would keep it; lets the caller avoid allocating for rejects. */
  accepts(item: T): boolean {
    return this.k > 0 && (this.heap.length < this.k || this.cmp(item, this.heap[0]!) < 0);
  }
  push(item: T): void {
    if (this.k === 0) return;
    const h = this.heap;
    if (h.length < this.k) {
      h.push(item);
      let i = h.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (this.cmp(h[i]!, h[parent]!) <= 0) break;
        [h[i], h[parent]] = [h[parent]!, h[i]!];
        i = parent;
      }
      return;
    }
    if (this.cmp(item, h[0]!) >= 0) return;
    h[0] = item;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let worst = i;
      if (l < h.length && this.cmp(h[l]!, h[worst]!) > 0) worst = l;
      if (r < h.length && this.cmp(h[r]!, h[worst]!) > 0) worst = r;
      if (worst === i) break;
      [h[i], h[worst]] = [h[worst]!, h[i]!];
      i = worst;
    }
  }
  /** The item a newcomer must beat once the heap is full; undefined while there is room. */
  worst(): T | undefined {
    return this.heap.length < this.k ? undefined : this.heap[0];
  }
  sorted(): T[] {
    return [...this.heap].sort(this.cmp);
  }
}
