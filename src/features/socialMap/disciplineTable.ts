/**
 * The disciplines of one index, as the query plan reads them (queryPlan.DisciplineTable): kept apart from
 * the index itself because it is a table with its own ids, not part of searching.
 */
import { disciplineAncestors, DISCIPLINES } from './disciplines';
import { PostingList } from './postings';
import type { DisciplineTable } from './queryPlan';

/**
 * The disciplines present: every code of the built-in list (ids fixed at start) and the labels of care
 * types the list does not have, each with its ancestors (itself, then its parents) and a posting list of
 * the partners under it (a fysiotherapeut list holds the specialists too).
 */
export class Disciplines implements DisciplineTable {
  private readonly idOf = new Map<string, number>();
  private readonly codes: string[] = [];
  private readonly ancestry: number[][] = [];
  private readonly lists: PostingList[] = [];

  constructor() {
    for (const d of DISCIPLINES) this.intern(d.code);
  }

  size(): number {
    return this.codes.length;
  }

  id(code: string): number | undefined {
    return this.idOf.get(code);
  }

  code(id: number): string {
    return this.codes[id]!;
  }

  ancestors(id: number): readonly number[] {
    return this.ancestry[id]!;
  }

  list(id: number): PostingList {
    return this.lists[id]!;
  }

  intern(code: string): number {
    const known = this.idOf.get(code);
    if (known !== undefined) return known;
    const parents = disciplineAncestors(code).slice(1).map((c) => this.intern(c));
    const id = this.codes.length;
    this.idOf.set(code, id);
    this.codes.push(code);
    this.lists.push(new PostingList());
    this.ancestry.push([id, ...parents]);
    return id;
  }
}
