/**
 * A LookupQuery compiled against one index: what a partner must have, how it scores, and which posting
 * lists to walk for candidates (the smallest group drives; every candidate is then verified against the
 * partner itself, so stale postings never leak into an answer).
 *
 * What must match:
 * - the subject: the asked discipline (a specialisation also finds parent-discipline partners whose
 *   expertise names it), at least one asked expertise, and, when nothing structured was asked, at least
 *   one free-text word in a name, organisation or address;
 * - the qualifiers: area, weekday, no intake stop, waiting time.
 * Besides, a partner whose name or organisation holds every word typed ("fysio de pijp" → Fysio De Pijp)
 * is an answer whatever the structured reading, and ranks first. A free-text word that matches nothing at
 * all is reported as not understood; when it was all the subject there was, nothing is found: an answer
 * is never padded with partners that only share the area.
 */
import { exactDiscipline, getDiscipline } from './disciplines';
import type { DocStore } from './docStore';
import { expertiseKey } from './expertise';
import type { PostingList, TermDictionary } from './postings';
import type { LookupQuery } from './queryParser';
import { fold } from './text';
import { SEARCH_LIMITS, WEEKDAYS, type Weekday } from './types';
import { getWijk, WIJKEN } from './wijken';

/** Bits of a mark: exact expertise term i (0–7), partial term i (8–15), naming an asked specialisation. */
export const PARTIAL = 8;
export const NAMED = 1 << 16;
const MAX_EXPERTISE_TERMS = 8;
/** Word marks: free-text term j (0–11), name token k (12–27). */
const TOKEN = 12;
const MAX_FREE_TERMS = 12;
const MAX_TOKENS = 16;

export const WIJK_BIT = new Map<string, number>(WIJKEN.map((w, i) => [w.code, i]));

/** Per-query marks over term ids (expertise or words), reset in O(1) per query. */
export class Marks {
  values = new Uint32Array(0);
  /** values[i] counts only when stamps[i] === generation (read inline in the hot loop). */
  stamps = new Uint32Array(0);
  generation = 0;

  begin(size: number): void {
    if (this.values.length < size) {
      const cap = Math.max(size, this.values.length * 2, 256);
      this.values = new Uint32Array(cap);
      this.stamps = new Uint32Array(cap);
      this.generation = 0;
    }
    this.generation = (this.generation + 1) >>> 0;
    if (this.generation === 0) {
      this.stamps.fill(0);
      this.generation = 1;
    }
  }

  get(i: number): number {
    return this.stamps[i] === this.generation ? this.values[i]! : 0;
  }

  add(i: number, count: number): void {
    if (this.stamps[i] !== this.generation) {
      this.stamps[i] = this.generation;
      this.values[i] = 0;
    }
    this.values[i] = this.values[i]! + count;
  }

  or(i: number, bits: number): void {
    if (this.stamps[i] !== this.generation) {
      this.stamps[i] = this.generation;
      this.values[i] = 0;
    }
    this.values[i] = this.values[i]! | bits;
  }
}

/** A discipline (a code from the list, or a label from a map) and where it sits in the tree. */
export interface DisciplineTable {
  size(): number;
  id(code: string): number | undefined;
  code(id: number): string;
  /** The discipline itself, then its parents. */
  ancestors(id: number): readonly number[];
  list(id: number): PostingList;
  /** The expertise a specialisation implies ("bekkenbodemfysiotherapie": bekkenbodem, …), as expertise keys. */
  impliedExpertiseKeys(id: number): readonly string[];
}

/** What a plan may read of the index. */
export interface IndexView {
  store: DocStore;
  disciplines: DisciplineTable;
  expertise: TermDictionary;
  words: TermDictionary;
  /** Per word id: 1 = a filler word ("de", "praktijk"), which never makes a name different. */
  wordIsFiller: Uint8Array;
  /** Word ids per discipline (table id) that the word alone names ("fysiotherapie", "fysiopraktijk"). */
  wordsOfDiscipline: ReadonlyMap<number, readonly number[]>;
  wijkLists: readonly PostingList[];
  pc4Lists: ReadonlyMap<number, PostingList>;
  expertiseMarks: Marks;
  wordMarks: Marks;
}

export interface Plan {
  ix: IndexView;
  today: number;
  impossible: boolean;
  /** Lists whose union holds every partner the structured part can accept; null: scan everything. */
  driver: PostingList[] | null;
  /** Entries on the driver's lists (stale ones included); 0 without a driver. */
  driverSize: number;
  /**
   * The other groups of lists with their entries, smallest first: each one's union, too, holds every
   * partner the structured part can accept (each is one thing every answer must have: the subject, the
   * expertise, the area), so a candidate missing from one of them is no answer, whatever else it has.
   */
  others: { lists: PostingList[]; size: number }[];
  /** Per discipline id: 0 not asked, 1 asked, 2 a specialisation of an asked one, 3 asked only with naming expertise. */
  discipline: Int8Array | null;
  /** Per discipline id: a specialisation whose implied expertise is an asked expertise (as exact as asked). */
  impliesAsked: Uint8Array | null;
  askedDisciplines: string[];
  expertiseTerms: string[];
  expertiseMask: number;
  freeTerms: string[];
  freeRequired: boolean;
  freeMask: number;
  unmatched: string[];
  tokens: number;
  tokenMask: number;
  /** IndexView.wordIsFiller, held directly (read per word of every candidate). */
  filler: Uint8Array;
  /**
   * Partners having every typed word among their words (nameMarks[n] === nameGeneration), set by the
   * scan before it evaluates: only they can earn the name bonus, so only they pay for comparing names.
   */
  nameMarks: Uint32Array | null;
  nameGeneration: number;
  /**
   * For those partners: how many different words of theirs (any section) a typed word matches. A name
   * or organisation with more non-filler words than that has one no typed word matched, so it cannot
   * earn the name bonus: what lets `evaluate` skip comparing names for candidates below the floor.
   */
  matchedWords: Uint32Array | null;
  /** Word ids the free-text terms match (their bits are in IndexView.wordMarks). */
  freeWords: number[];
  /**
   * Partners that may have a free-text word (freeMarks[n] === freeGeneration), set by the scan from the
   * words' posting lists when those are shorter than the candidate lists; null: every candidate may.
   * Postings are a superset (removal is lazy), so an unmarked partner surely has none of the words, and a
   * marked one is still checked against its own words.
   */
  freeMarks: Uint32Array | null;
  freeGeneration: number;
  /** Per typed word: the ids of the words on the map it matches (for finding partners by name). */
  tokenWords: number[][];
  area: {
    /** Wijk bits asked, and the bits of the wijken of asked postcodes (an explicit wijk covers its postcodes). */
    wijkMask: number;
    explicitMask: number;
    /** Per PC4 (0–9999): 2 = asked, 1 = inside an asked wijk, 0 = neither. */
    pc4Kind: Uint8Array;
    pc4s: number[];
    pc6s: number[];
    wijken: string[];
  } | null;
  dayMask: number;
  excludeIntake: boolean;
  maxWait: number;
  /**
   * The rank key of the worst answer on a full page (NO_FLOOR until the page is full): a candidate whose
   * best possible key is below it cannot be shown, so `evaluate` may stop working out its score. Set by
   * the search as its page fills; counting leaves it alone.
   */
  floor: number;
}

export const NO_FLOOR = Number.NEGATIVE_INFINITY;

export function compilePlan(ix: IndexView, q: LookupQuery, today: string): Plan {
  const plan: Plan = {
    ix, today: Number(today.replace(/-/g, '')), impossible: false, driver: null, driverSize: 0, others: [],
    discipline: null, impliesAsked: null, askedDisciplines: q.disciplines,
    expertiseTerms: [], expertiseMask: 0, freeTerms: [], freeRequired: false, freeMask: 0, unmatched: [],
    tokens: 0, tokenMask: 0, filler: ix.wordIsFiller, nameMarks: null, nameGeneration: 0, matchedWords: null, freeWords: [], freeMarks: null, freeGeneration: 0, tokenWords: [], area: null, dayMask: dayMaskOf(q.weekdays), excludeIntake: q.excludeIntakeStop,
    maxWait: q.maxWaitWeeks ?? -1, floor: NO_FLOOR,
  };
  ix.expertiseMarks.begin(ix.expertise.terms.length);
  ix.wordMarks.begin(ix.words.terms.length);
  const groups: PostingList[][] = [];

  // ---- subject: disciplines
  if (q.disciplines.length) {
    const table = ix.disciplines;
    const disc = new Int8Array(table.size());
    const lists: PostingList[] = [];
    for (const code of q.disciplines) {
      const a = table.id(code);
      if (a !== undefined) {
        lists.push(table.list(a));
        for (let d = 0; d < disc.length; d++) {
          if (d === a) disc[d] = 1;
          else if (disc[d] !== 1 && table.ancestors(d).includes(a)) disc[d] = 2;
        }
      }
      const def = getDiscipline(code);
      if (def?.parent && def.namedBy?.length) {
        const parent = table.id(def.parent);
        if (parent === undefined) continue;
        for (let d = 0; d < disc.length; d++) if (disc[d] === 0 && table.ancestors(d).includes(parent)) disc[d] = 3;
        for (const id of expertiseNaming(ix.expertise, def.namedBy)) {
          ix.expertiseMarks.or(id, NAMED);
          lists.push(ix.expertise.lists[id]!);
        }
      }
    }
    plan.discipline = disc;
    const asked = new Set(q.expertise.map(expertiseKey));
    if (asked.size) {
      plan.impliesAsked = new Uint8Array(disc.length);
      for (let d = 0; d < disc.length; d++) {
        if (table.impliedExpertiseKeys(d).some((key) => asked.has(key))) plan.impliesAsked[d] = 1;
      }
    }
    groups.push(lists);
  }

  // ---- subject: expertise (at least one asked term; more terms matched rank higher)
  if (q.expertise.length) {
    const lists: PostingList[] = [];
    q.expertise.slice(0, MAX_EXPERTISE_TERMS).forEach((term, i) => {
      const key = expertiseKey(term);
      plan.expertiseTerms.push(key);
      plan.expertiseMask |= (1 << i) | (1 << (PARTIAL + i));
      const exact = ix.expertise.id(key);
      if (ix.expertise.isLive(exact)) {
        ix.expertiseMarks.or(exact, 1 << i);
        lists.push(ix.expertise.lists[exact]!);
      }
      // "oedeem" also finds "lymfoedeem"
      if (key.length >= 4) {
        ix.expertise.terms.forEach((t, id) => {
          if (id !== exact && t.includes(key) && ix.expertise.isLive(id)) {
            ix.expertiseMarks.or(id, 1 << (PARTIAL + i));
            lists.push(ix.expertise.lists[id]!);
          }
        });
      }
    });
    groups.push(lists);
  }

  // ---- free text: names, organisations, streets, places
  const free = q.freeText.map(fold).filter((t) => t.length >= SEARCH_LIMITS.minTermLength).slice(0, MAX_FREE_TERMS);
  const freeLists: PostingList[] = [];
  free.forEach((term, j) => {
    plan.freeTerms.push(term);
    plan.freeMask |= 1 << j;
    const ids = wordsFor(ix.words, term);
    if (!ids.length) plan.unmatched.push(term);
    for (const id of ids) {
      ix.wordMarks.or(id, 1 << j);
      plan.freeWords.push(id);
      freeLists.push(ix.words.lists[id]!);
    }
  });
  // Free text filters only when it is all the subject there is ("Jansen", "Arkin"); next to a discipline
  // or expertise it ranks.
  plan.freeRequired = free.length > 0 && !q.disciplines.length && !q.expertise.length;
  if (plan.freeRequired) groups.push(freeLists);

  // ---- the words typed, for matching names
  const tokens = q.words.map(fold).filter((t) => t.length >= SEARCH_LIMITS.minTermLength).slice(0, MAX_TOKENS);
  tokens.forEach((token, k) => {
    const bit = 1 << (TOKEN + k);
    plan.tokenMask |= bit;
    const ids = wordsFor(ix.words, token, 4);
    const code = exactDiscipline(token); // the discipline the word names, if any ("fysio" → fysiotherapie)
    const d = code === undefined ? undefined : ix.disciplines.id(code);
    if (d !== undefined) for (const id of ix.wordsOfDiscipline.get(d) ?? []) if (ix.words.isLive(id) && !ids.includes(id)) ids.push(id);
    for (const id of ids) ix.wordMarks.or(id, bit);
    plan.tokenWords.push(ids);
  });
  plan.tokens = tokens.length;

  // ---- area
  const pc4s = new Set<number>();
  const pc6s = new Set<number>();
  for (const raw of q.areas.postcodePrefixes) {
    const p = raw.replace(/\s+/g, '').toUpperCase();
    pc4s.add(Number(p.slice(0, 4)));
    if (p.length === 6) pc6s.add(pc6Number(p));
  }
  if (q.areas.wijken.length || pc4s.size) {
    let wijkMask = 0;
    for (const w of q.areas.wijken) {
      const bit = WIJK_BIT.get(w);
      if (bit !== undefined) wijkMask |= 1 << bit;
    }
    const pc4Kind = pc4KindsOf(q.areas.wijken, pc4s);
    let explicitMask = wijkMask;
    const lists: PostingList[] = [];
    for (let b = 0; b < WIJKEN.length; b++) if ((wijkMask >> b) & 1) lists.push(ix.wijkLists[b]!);
    for (const p of pc4s) {
      const list = ix.pc4Lists.get(p);
      if (list) lists.push(list);
      const bit = wijkBitOfPc4(p);
      if (bit >= 0) {
        explicitMask |= 1 << bit;
        lists.push(ix.wijkLists[bit]!);
      }
    }
    plan.area = { wijkMask, explicitMask, pc4Kind, pc4s: [...pc4s], pc6s: [...pc6s], wijken: q.areas.wijken };
    groups.push(lists);
  }

  // An empty group (nothing on the map has what was asked) makes the structured part impossible; the
  // smallest non-empty group drives the scan.
  const sized = groups.map((g) => ({ g, size: g.reduce((s, l) => s + l.length, 0) })).sort((a, b) => a.size - b.size);
  if (sized.some(({ g, size }) => g.length === 0 || size === 0)) plan.impossible = true;
  plan.driver = sized[0]?.g ?? null;
  plan.driverSize = sized[0]?.size ?? 0;
  plan.others = sized.slice(1).map(({ g, size }) => ({ lists: g, size }));
  return plan;
}

/** True when the plan has no subject, area, words or qualifier: every live partner is an answer with score 0. */
export function asksNothing(plan: Plan): boolean {
  return !plan.impossible && plan.driver === null && plan.discipline === null && plan.expertiseMask === 0 && plan.freeMask === 0 && !plan.freeRequired
    && plan.tokens === 0 && plan.area === null && plan.dayMask === 0 && !plan.excludeIntake && plan.maxWait < 0;
}

/** Term ids of expertise keys with a word that starts with one of the naming words ("sport" → sportblessures). */
function expertiseNaming(dict: TermDictionary, namedBy: readonly string[]): number[] {
  const starts = namedBy.map(expertiseKey);
  const out: number[] = [];
  dict.terms.forEach((t, id) => {
    if (!dict.isLive(id)) return;
    // a word of t starts with s: t starts with it, or it follows a space (no split: this runs per query over every key)
    if (starts.some((s) => t.startsWith(s) || (!s.includes(' ') && t.includes(` ${s}`)))) out.push(id);
  });
  return out;
}

/**
 * Word ids a typed word matches: the word itself when the map has it (a name that exists is meant as
 * written: "Arkin" never finds "Arkade"), otherwise every word it begins (someone still typing "jans").
 */
function wordsFor(words: TermDictionary, term: string, minPrefix = 3): number[] {
  const exact = words.id(term);
  if (words.isLive(exact)) return minPrefix > 3 ? [exact, ...words.withPrefix(term).filter((id) => id !== exact)] : [exact];
  return term.length >= minPrefix ? words.withPrefix(term) : [];
}

/**
 * Plan.area.pc4Kind for these wijken and postcodes, made once and shared by every plan that asks the same
 * area (it depends on nothing else, and no one writes to it after): a new 10 kB array per lookup with an
 * area was the largest line of compilePlan. The last PC4_KINDS_KEPT areas are kept.
 */
function pc4KindsOf(wijken: readonly string[], pc4s: ReadonlySet<number>): Uint8Array {
  const key = `${wijken.join(',')}|${[...pc4s].join(',')}`;
  let kinds = PC4_KINDS.get(key);
  if (kinds === undefined) {
    kinds = new Uint8Array(10_000);
    for (const w of wijken) for (const p of getWijk(w)?.pc4 ?? []) kinds[Number(p)] = 1;
    for (const p of pc4s) kinds[p] = 2;
    if (PC4_KINDS.size >= PC4_KINDS_KEPT) PC4_KINDS.delete(PC4_KINDS.keys().next().value!);
    PC4_KINDS.set(key, kinds);
  }
  return kinds;
}
const PC4_KINDS = new Map<string, Uint8Array>();
/** Every wijk alone (13) and the areas GPs ask most fit; at most 64 × 10 kB. */
const PC4_KINDS_KEPT = 64;

const PC4_BIT = new Map<number, number>();
for (const w of WIJKEN) for (const p of w.pc4) PC4_BIT.set(Number(p), WIJK_BIT.get(w.code)!);

export function wijkBitOfPc4(p: number): number {
  return PC4_BIT.get(p) ?? -1;
}

// ---------------------------------------------------------------- helpers shared with the index

export function dayMaskOf(days: readonly Weekday[]): number {
  let mask = 0;
  for (const d of days) mask |= 1 << WEEKDAYS.indexOf(d);
  return mask;
}

/** '1092AB' → 1092 × 1000 + the letter pair (AA = 0 … ZZ = 675). */
export function pc6Number(pc6: string): number {
  const letters = pc6.slice(-2).toUpperCase();
  return Number(pc6.slice(0, 4)) * 1000 + (letters.charCodeAt(0) - 65) * 26 + (letters.charCodeAt(1) - 65);
}
