/**
 * The order in which partners added together (a load at start, an import, a page of another instance's
 * changes) get their document numbers: by discipline, then by address postcode.
 *
 * Why: a search walks the candidates of a discipline (or of an area) and reads each one's columns in the
 * doc store and its slice of the term arena. Numbered side by side, those candidates are a few stretches
 * of memory that the CPU reads ahead; numbered as the rows came (by id, or as the CSV was written), they
 * are thousands of scattered reads, each a cache miss once a turn's garbage has pushed the index out of
 * the caches. Measured inside lookup turns at 100,000 partners: ~300 µs less for a question not asked
 * before; at 5,000 partners no difference (that store stays in the caches).
 *
 * The order changes no answer: ranking never looks at document numbers (ranking.ts), and a test builds
 * the index from the same partners in two orders and compares every page.
 */
import type { Partner } from './types';

/** Each partner once (the last version given, as upserting them one by one would leave it), in storage order. */
export function inStorageOrder(partners: Iterable<Partner>): Partner[] {
  const latest = new Map<string, Partner>();
  for (const p of partners) latest.set(p.id, p);
  return [...latest.values()].sort(byStorageKey);
}

function byStorageKey(a: Partner, b: Partner): number {
  if (a.discipline !== b.discipline) return a.discipline < b.discipline ? -1 : 1;
  const pa = a.postcode ?? '';
  const pb = b.postcode ?? '';
  return pa < pb ? -1 : pa > pb ? 1 : 0;
}
