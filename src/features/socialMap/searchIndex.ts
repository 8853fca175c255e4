/**
 * In-memory index of the social map. Budget: p99 ≤ 20 ms per search at 100,000 partners, because a
 * message-extension query must answer Teams within 5 s including the network and card rendering.
 *
 * How: every filterable property has a postings map (key → set of internal doc numbers). A query is a
 * conjunction of OR-groups (disciplines | areas | weekdays | each expertise term | free text); the
 * group with the fewest postings drives the scan and the others are membership checks, so no union or
 * intersection is ever materialised. Ranking keeps only the top offset+limit in a bounded heap.
 *
 * Free text uses our own prefix postings over a sorted word list, not minisearch: measured at 100k
 * partners (test/unit/socialMap/perf.manual.ts) minisearch's prefix search alone costs more than our whole
 * query, and we need exact set semantics for the filter anyway.
 *
 * Intake stops depend on today, so they are evaluated per query from the stored end date, never cached.
 */
import { disciplineAncestors, getDiscipline } from './disciplines';
import { expertiseKey } from './expertise';
import type { LookupQuery } from './queryParser';
import { compareHits, dayMask, describeMatch, intakeActive, makeDoc, nameWords, scoreDoc, UNKNOWN_DAYS, type Candidate, type CompiledQuery, type Doc, type Group } from './ranking';
import { lowerBound, Postings } from './postings';
import type { SearchOptions, SearchResult } from './searchTypes';
import { fold, tokenize } from './text';
import { TopK } from './topK';
import { SEARCH_LIMITS, type Partner } from './types';
import { getWijk } from './wijken';
import { suggestTerms, type Suggestion } from './suggestions';
import { widenSuggestions } from './widening';

export type { Suggestion } from './suggestions';
export type { AreaMatch, SearchHit, SearchMatch, SearchOptions, SearchResult, WidenKind, WidenSuggestion } from './searchTypes';

export class SocialMapIndex {
  private docs: (Doc | undefined)[] = [];
  private readonly numberOf = new Map<string, number>();
  private readonly free: number[] = [];
  private readonly byDiscipline = new Postings();
  private readonly byWijk = new Postings();
  private readonly byPc4 = new Postings();
  private readonly byWeekday = new Postings();
  private readonly byExpertise = new Postings();
  private readonly byWord = new Postings();
  /** Scratch stamps for de-duplicating the driving group without allocating per query. */
  private stamp = new Uint32Array(0);
  private generation = 0;

  constructor(partners: Iterable<Partner> = []) {
    for (const p of partners) this.upsert(p);
  }

  get size(): number {
    return this.numberOf.size;
  }

  get(id: string): Partner | undefined {
    const n = this.numberOf.get(id);
    return n === undefined ? undefined : this.docs[n]?.partner;
  }

  /** Every partner in the index (internal order). */
  *partners(): IterableIterator<Partner> {
    for (const d of this.docs) if (d) yield d.partner;
  }

  /** Add or replace one partner (e.g. after a coordinator changed an intake stop). */
  upsert(partner: Partner): void {
    let n = this.numberOf.get(partner.id);
    if (n !== undefined) this.unpost(n, this.docs[n]!);
    else {
      n = this.free.pop() ?? this.docs.length;
      this.numberOf.set(partner.id, n);
    }
    const doc = makeDoc(partner);
    this.docs[n] = doc;
    this.post(n, doc);
  }

  remove(id: string): boolean {
    const n = this.numberOf.get(id);
    if (n === undefined) return false;
    this.unpost(n, this.docs[n]!);
    this.docs[n] = undefined;
    this.numberOf.delete(id);
    this.free.push(n);
    return true;
  }

  /** Every expertise key present, for `parseLookupQuery(text, { expertiseVocabulary })`. */
  expertiseVocabulary(): string[] {
    return [...this.byExpertise.map.keys()];
  }

  search(query: LookupQuery, opts: SearchOptions): SearchResult {
    assertDay(opts.today);
    const offset = clamp(opts.offset ?? 0, 0, SEARCH_LIMITS.maxOffset);
    const limit = clamp(opts.limit ?? SEARCH_LIMITS.defaultLimit, 0, SEARCH_LIMITS.maxLimit);
    const cq = this.compile(query);
    const heap = new TopK<Candidate>(offset + limit, compareHits);
    let total = 0;
    // One scratch candidate: broad queries visit ~90k docs and almost all are rejected at the heap root,
    // so allocating only for accepted ones keeps the garbage collector out of the p99.
    const scratch: Candidate = { n: 0, doc: undefined as unknown as Doc, score: 0, intake: false };
    this.scan(cq, opts.today, (n, doc) => {
      total++;
      scratch.n = n;
      scratch.doc = doc;
      scratch.score = scoreDoc(n, doc, cq);
      scratch.intake = intakeActive(doc, opts.today);
      if (heap.accepts(scratch)) heap.push({ ...scratch });
    });
    const results = heap
      .sorted()
      .slice(offset)
      .map((c) => ({ partner: c.doc.partner, score: c.score, matched: describeMatch(c.n, c.doc, cq), intakeStopActive: c.intake }));
    const out: SearchResult = { total, results };
    if (total === 0) out.noResults = { messageKey: 'socialMap.search.noResults', suggestions: widenSuggestions(query, opts.today, (q, today) => this.count(q, today)) };
    return out;
  }

  /** Number of matches only; used for the widening suggestions. */
  count(query: LookupQuery, today: string): number {
    assertDay(today);
    let total = 0;
    this.scan(this.compile(query), today, () => total++);
    return total;
  }

  /**
   * Fast completions while the user types in the compose box: disciplines, wijken and expertise that start
   * with the last word(s), then partners whose name or organisation has a word starting with it.
   */
  suggest(text: string, limit: number = SEARCH_LIMITS.defaultLimit): Suggestion[] {
    const max = clamp(limit, 0, SEARCH_LIMITS.suggestMax);
    if (max === 0 || /\s$/.test(text)) return [];
    const tokens = tokenize(text);
    const last = tokens[tokens.length - 1];
    // One letter is too little, unless it ends a phrase ("bos en l").
    if (!last || (last.length < SEARCH_LIMITS.minTermLength && tokens.length < 2)) return [];
    const out = suggestTerms(tokens, this.sortedExpertise(), max);
    if (last.length < SEARCH_LIMITS.minTermLength) return out;
    const seen = new Set<number>();
    const words = this.sortedWords();
    for (let i = lowerBound(words, last); i < words.length && out.length < max && words[i]!.startsWith(last); i++) {
      for (const n of this.byWord.get(words[i]!) ?? []) {
        if (out.length >= max) break;
        if (seen.has(n)) continue;
        seen.add(n);
        const p = this.docs[n]!.partner;
        if (!nameWords(p).some((w) => w.startsWith(last))) continue;
        out.push({ kind: 'partner', label: p.organisation ? `${p.name} — ${p.organisation}` : p.name, completion: p.name, partnerId: p.id });
      }
    }
    return out;
  }

  // ------------------------------------------------------------ query execution

  private compile(q: LookupQuery): CompiledQuery {
    const groups: Group[] = [];
    let impossible = false;
    const need = (sets: (Set<number> | undefined)[]): void => {
      const present = sets.filter((s): s is Set<number> => s !== undefined && s.size > 0);
      if (present.length === 0) impossible = true;
      groups.push(present);
    };

    if (q.disciplines.length) need(q.disciplines.map((c) => this.byDiscipline.get(c)));

    const pc4s = new Set<string>();
    const pc6s = new Set<string>();
    for (const raw of q.areas.postcodePrefixes) {
      const p = raw.replace(/\s+/g, '').toUpperCase();
      pc4s.add(p.slice(0, 4));
      if (p.length === 6) pc6s.add(p);
    }
    if (q.areas.wijken.length || pc4s.size) {
      need([...q.areas.wijken.map((w) => this.byWijk.get(w)), ...[...pc4s].map((p) => this.byPc4.get(p))]);
    }

    if (q.weekdays.length) need([...q.weekdays.map((d) => this.byWeekday.get(d)), this.byWeekday.get(UNKNOWN_DAYS)]);

    const expertise: CompiledQuery['expertise'] = [];
    for (const term of q.expertise) {
      const key = expertiseKey(term);
      need(this.expertiseSets(key));
      expertise.push({ key, exact: this.byExpertise.get(key) });
    }

    const structured = groups.length > 0;
    const freeText: CompiledQuery['freeText'] = [];
    const freeSets: Set<number>[] = [];
    for (const term of q.freeText.map(fold).filter((t) => t.length >= SEARCH_LIMITS.minTermLength)) {
      const sets = this.wordSets(term);
      const bits = new Uint8Array(this.docs.length);
      for (const s of sets) for (const n of s) bits[n] = 1;
      freeText.push({ term, bits });
      freeSets.push(...sets);
    }
    // Free text filters only when it is all we have ("Jansen"); next to a discipline it just ranks.
    const freeTextIsFilter = !structured && freeText.length > 0;
    if (freeTextIsFilter) need(freeSets);

    const wijkPc4s = new Set<string>();
    for (const w of q.areas.wijken) for (const p of getWijk(w)?.pc4 ?? []) wijkPc4s.add(p);

    return {
      groups,
      excludeIntakeStop: q.excludeIntakeStop,
      disciplines: new Set(q.disciplines),
      expertise,
      wijken: new Set(q.areas.wijken),
      pc4s,
      pc6s,
      wijkPc4s,
      weekdays: new Set(q.weekdays),
      dayMask: dayMask(q.weekdays),
      freeText,
      freeTextIsFilter,
      impossible,
    };
  }

  /** Calls `visit` for every doc that passes all groups and the intake filter. */
  private scan(cq: CompiledQuery, today: string, visit: (n: number, doc: Doc) => void): void {
    if (cq.impossible) return;
    const passesRest = (n: number, doc: Doc, skip: number): boolean => {
      for (let g = 0; g < cq.groups.length; g++) {
        if (g === skip) continue;
        const group = cq.groups[g]!;
        let ok = false;
        for (let s = 0; s < group.length && !ok; s++) ok = group[s]!.has(n);
        if (!ok) return false;
      }
      return !(cq.excludeIntakeStop && intakeActive(doc, today));
    };

    if (cq.groups.length === 0) {
      for (let n = 0; n < this.docs.length; n++) {
        const doc = this.docs[n];
        if (doc && passesRest(n, doc, -1)) visit(n, doc);
      }
      return;
    }

    // Smallest group drives; multi-set groups need de-duplication (a partner in two asked wijken).
    let driver = 0;
    let driverSize = Infinity;
    cq.groups.forEach((g, i) => {
      const size = g.reduce((sum, s) => sum + s.size, 0);
      if (size < driverSize) [driver, driverSize] = [i, size];
    });
    const group = cq.groups[driver]!;
    const dedupe = group.length > 1;
    const gen = dedupe ? this.nextGeneration() : 0;
    for (const set of group) {
      for (const n of set) {
        if (dedupe) {
          if (this.stamp[n] === gen) continue;
          this.stamp[n] = gen;
        }
        const doc = this.docs[n]!;
        if (passesRest(n, doc, driver)) visit(n, doc);
      }
    }
  }

  private nextGeneration(): number {
    if (this.stamp.length < this.docs.length) {
      this.stamp = new Uint32Array(Math.max(this.docs.length, this.stamp.length * 2, 1024));
      this.generation = 0;
    }
    this.generation = (this.generation + 1) >>> 0;
    if (this.generation === 0) {
      this.stamp.fill(0);
      this.generation = 1;
    }
    return this.generation;
  }

  /** Exact key, plus (for terms of 4+ letters) every key containing it: "oedeem" also finds "lymfoedeem". */
  private expertiseSets(key: string): (Set<number> | undefined)[] {
    const out: (Set<number> | undefined)[] = [this.byExpertise.get(key)];
    if (key.length >= 4) {
      for (const k of this.sortedExpertise()) if (k !== key && k.includes(key)) out.push(this.byExpertise.get(k));
    }
    return out;
  }

  /**
   * Posting sets of every word starting with the term. Two-letter terms match whole words only: "de" as
   * a prefix would pull in half the city (de Jong, De Clercqstraat, Dekker, …).
   */
  private wordSets(term: string): Set<number>[] {
    if (term.length < 3) {
      const exact = this.byWord.get(term);
      return exact ? [exact] : [];
    }
    const words = this.sortedWords();
    const out: Set<number>[] = [];
    for (let i = lowerBound(words, term); i < words.length && words[i]!.startsWith(term); i++) out.push(this.byWord.get(words[i]!)!);
    return out;
  }

  private sortedWords(): readonly string[] {
    return this.byWord.sortedKeys();
  }

  private sortedExpertise(): readonly string[] {
    return this.byExpertise.sortedKeys();
  }

  // ------------------------------------------------------------ postings maintenance

  private post(n: number, d: Doc): void {
    this.eachKey(d, (postings, key) => postings.add(key, n));
  }

  private unpost(n: number, d: Doc): void {
    this.eachKey(d, (postings, key) => postings.remove(key, n));
  }

  private eachKey(d: Doc, f: (postings: Postings, key: string) => void): void {
    for (const c of disciplineAncestors(d.discipline)) f(this.byDiscipline, c);
    if (!getDiscipline(d.discipline)) f(this.byDiscipline, d.discipline);
    for (const w of d.servedWijken) f(this.byWijk, w);
    for (const p of d.servedPc4) f(this.byPc4, p);
    if (d.workdays.length === 0) f(this.byWeekday, UNKNOWN_DAYS);
    for (const w of d.workdays) f(this.byWeekday, w);
    for (const k of d.expertiseKeys) f(this.byExpertise, k);
    for (const w of d.words) f(this.byWord, w);
  }
}


/** A wrong `today` would silently mis-rank intake stops (string comparison), so it is a bug, loudly. */
function assertDay(today: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`SearchOptions.today must be YYYY-MM-DD, got "${today}"`);
}

function clamp(v: number, lo: number, hi: number): number {
  return Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.trunc(v))) : lo;
}
