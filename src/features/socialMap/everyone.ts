/**
 * The answer to a query that asks nothing (only filler: "praktijk"): every partner, all with score 0.
 * Their order is the partners' own (no intake stop first, then waiting time, freshness, name), kept
 * sorted once per change of the map instead of ranking all 100,000 per query. Only the intake stop
 * depends on the day: the page walks that order and takes those without one first.
 */
import type { DocStore } from './docStore';
import { describe } from './evaluate';
import type { Plan } from './queryPlan';
import { compareCandidates, type Candidate } from './ranking';
import type { SearchResult } from './searchTypes';

export class EveryoneOrder {
  private cache: { generation: number; order: Int32Array } | null = null;

  constructor(private readonly store: DocStore) {}

  /** One page of every live partner, for a plan that asks nothing; `generation` moves on every change. */
  page(plan: Plan, generation: number, offset: number, limit: number): SearchResult {
    const store = this.store;
    const order = this.order(generation);
    const want = offset + limit;
    const open: number[] = [];
    const stopped: number[] = [];
    for (let i = 0; i < order.length && open.length < want; i++) {
      const n = order[i]!;
      if (!store.intakeActive(n, plan.today)) open.push(n);
      else if (stopped.length < want) stopped.push(n);
    }
    const page = [...open, ...stopped].slice(0, want).slice(offset);
    const results = page.map((n) => {
      const intake = store.intakeActive(n, plan.today);
      return { partner: store.partner(n), score: 0, matched: describe(plan, n), intakeStopActive: intake };
    });
    return { total: order.length, results, unmatched: plan.unmatched };
  }

  /** Every live partner by rank tail, then name and id (compareCandidates at equal score and intake). */
  private order(generation: number): Int32Array {
    if (this.cache?.generation === generation) return this.cache.order;
    const store = this.store;
    const live: Candidate[] = [];
    for (let n = 0; n < store.capacity; n++) if (store.isLive(n)) live.push({ n, score: 0, intake: false, key: store.rankTail[n]! });
    live.sort(compareCandidates(store));
    const order = Int32Array.from(live, (c) => c.n);
    this.cache = { generation, order };
    return order;
  }
}
