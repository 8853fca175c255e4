/**
 * The disciplines of one index, as the query plan reads them (queryPlan.DisciplineTable): kept apart from
 * the index itself because it is a table with its own ids, not part of searching.
 */
import { disciplineAncestors, DISCIPLINES, getDiscipline } from './disciplines';
import { expertiseKey } from './expertise';
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
  private readonly implied: (readonly string[])[] = [];

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

  impliedExpertiseKeys(id: number): readonly string[] {
    return this.implied[id]!;
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
    // keyed once here: the query plan compares them with the asked expertise on every lookup that asks some
    this.implied.push((getDiscipline(code)?.impliedExpertise ?? []).map(expertiseKey));
    return id;
  }
}
