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
import { describeLookupQuery, emptyLookupQuery, isEmptyLookupQuery, type LookupQuery } from './queryParser';
import { fold, tokenize } from './text';
import { SEARCH_LIMITS, WEEKDAYS, type Partner, type Weekday } from './types';
import { getWijk, neighboursOf, wijkForPc4, wijkName } from './wijken';
import { suggestTerms, type Suggestion } from './suggestions';

export type { Suggestion } from './suggestions';

export interface SearchOptions {
  /** YYYY-MM-DD in Amsterdam; decides whether an intake stop with an end date is still active. */
  today: string;
  offset?: number;
  limit?: number;
}

export type AreaMatch = 'wijk' | 'postcodeArea' | 'address';

export interface SearchMatch {
  disciplines: string[];
  /**
   * The partner has exactly the asked discipline, or is a specialist whose specialisation is the asked
   * expertise (a bekkenfysiotherapeut for "fysio bekkenbodem"); false for "some specialisation of it".
   */
  disciplineExact: boolean;
  expertise: string[];
  wijken: string[];
  postcodes: string[];
  areaMatch: AreaMatch | null;
  weekdays: Weekday[];
  freeText: string[];
}

export interface SearchHit {
  partner: Partner;
  score: number;
  matched: SearchMatch;
  intakeStopActive: boolean;
}

export type WidenKind =
  | 'dropWeekday'
  | 'neighbouringWijken'
  | 'dropArea'
  | 'parentDiscipline'
  | 'dropExpertise'
  | 'includeIntakeStop'
  | 'dropFreeText'
  | 'disciplineOnly'
  | 'rephrase';

export interface WidenSuggestion {
  kind: WidenKind;
  /** The widened query, ready to run again; `understood` is regenerated. */
  query: LookupQuery;
  total: number;
  messageKey: string;
  params: Record<string, string | number>;
}

export interface SearchResult {
  total: number;
  results: SearchHit[];
  /** Only when total is 0: ways to widen the search, each with its own hit count, most specific first. */
  noResults?: { messageKey: string; suggestions: WidenSuggestion[] };
}

// Scores are coarse on purpose: equal relevance must really tie, so that "intake stop below otherwise-equal
// entries" decides the order instead of noise.
const SCORE = {
  disciplineExact: 40,
  disciplineParent: 30,
  expertiseExact: 20,
  expertisePartial: 12,
  areaWijk: 30,
  areaPostcode: 30,
  areaPostcodeInWijk: 25,
  areaAddress: 20,
  addressExactPc6: 5,
  weekdayKnown: 5,
  freeText: 10,
} as const;

const UNKNOWN_DAYS = '?';

interface Doc {
  partner: Partner;
  discipline: string;
  explicitWijken: string[];
  declaredPc4: string[];
  addressPc4: string | null;
  addressPc6: string | null;
  servedWijken: string[];
  servedPc4: string[];
  workdays: Weekday[];
  /** Bit i set = works on WEEKDAYS[i]; a bitmask test is what keeps weekday-only queries in budget. */
  dayMask: number;
  expertiseKeys: string[];
  /** Expertise keys that come with the partner's specialisation (bekkenfysiotherapie → bekkenbodem). */
  impliedExpertise: string[];
  words: string[];
  intakeActive: boolean;
  intakeUntil: string | null;
  waitWeeks: number;
  checkedAt: number;
  sortName: string;
}

/** key → doc numbers, with empty sets removed so vocabularies stay honest. */
class Postings {
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

/** OR-group of posting sets; a doc passes when any set has it. */
type Group = Set<number>[];

interface CompiledQuery {
  groups: Group[];
  excludeIntakeStop: boolean;
  disciplines: Set<string>;
  expertise: { key: string; exact: Set<number> | undefined }[];
  wijken: Set<string>;
  pc4s: Set<string>;
  pc6s: Set<string>;
  /** PC4s of the asked wijken, to recognise a declared PC4 inside an asked wijk. */
  wijkPc4s: Set<string>;
  weekdays: Set<Weekday>;
  dayMask: number;
  /** Per free-text term: membership bitmap over doc numbers. */
  freeText: { term: string; bits: Uint8Array }[];
  freeTextIsFilter: boolean;
  /** A query term that has no postings at all: nothing can match. */
  impossible: boolean;
}

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
    if (total === 0) out.noResults = { messageKey: 'socialMap.search.noResults', suggestions: this.widen(query, opts.today) };
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

  // ------------------------------------------------------------ widening

  private widen(q: LookupQuery, today: string): WidenSuggestion[] {
    const out: WidenSuggestion[] = [];
    const offer = (kind: WidenKind, changed: Partial<LookupQuery>, params: Record<string, string | number> = {}): void => {
      const query = withUnderstood({ ...q, ...changed });
      const total = this.count(query, today);
      if (total > 0) out.push({ kind, query, total, messageKey: `socialMap.widen.${kind}`, params: { ...params, count: total } });
    };

    if (q.weekdays.length) offer('dropWeekday', { weekdays: [] });

    const hasArea = q.areas.wijken.length > 0 || q.areas.postcodePrefixes.length > 0;
    if (hasArea) {
      const base = new Set(q.areas.wijken);
      for (const p of q.areas.postcodePrefixes) {
        const w = wijkForPc4(p.slice(0, 4));
        if (w) base.add(w);
      }
      const widened = new Set(base);
      for (const w of base) for (const nb of neighboursOf(w)) widened.add(nb);
      const added = [...widened].filter((w) => !q.areas.wijken.includes(w));
      if (added.length) {
        offer('neighbouringWijken', { areas: { wijken: [...widened], postcodePrefixes: [] } }, { value: added.map(wijkName).join(', ') });
      }
      offer('dropArea', { areas: { wijken: [], postcodePrefixes: [] } });
    }

    const roots = q.disciplines.map((c) => disciplineAncestors(c).at(-1) ?? c);
    if (roots.some((r, i) => r !== q.disciplines[i])) {
      const unique = [...new Set(roots)];
      offer('parentDiscipline', { disciplines: unique }, { value: unique.map((c) => getDiscipline(c)?.nl.toLowerCase() ?? c).join(', ') });
    }
    if (q.expertise.length) offer('dropExpertise', { expertise: [] }, { value: q.expertise.join(', ') });
    if (q.excludeIntakeStop) offer('includeIntakeStop', { excludeIntakeStop: false });
    const withoutFree = { ...q, freeText: [] };
    if (q.freeText.length && !isEmptyLookupQuery(withoutFree)) offer('dropFreeText', { freeText: [] }, { value: q.freeText.join(' ') });

    // Each single step found nothing: fall back to just the (unspecialised) discipline, anywhere.
    if (out.length === 0 && q.disciplines.length) {
      const unique = [...new Set(roots)];
      const only = { ...emptyLookupQuery(), disciplines: unique };
      if (!sameQuery(only, q)) offer('disciplineOnly', only, { value: unique.map((c) => getDiscipline(c)?.nl.toLowerCase() ?? c).join(', ') });
    }
    if (out.length === 0) out.push({ kind: 'rephrase', query: q, total: 0, messageKey: 'socialMap.widen.rephrase', params: {} });
    return out;
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

// ---------------------------------------------------------------- per-document helpers

function makeDoc(p: Partner): Doc {
  const addressPc6 = p.postcode ? p.postcode.replace(/\s+/g, '').toUpperCase() : null;
  const addressPc4 = addressPc6 ? addressPc6.slice(0, 4) : null;
  const explicitWijken = unique(p.wijken);
  const declaredPc4 = unique(p.postcodeAreas);
  // A partner serves its declared wijken and postcode areas, and always its own address.
  const servedPc4 = new Set<string>(declaredPc4);
  for (const w of explicitWijken) for (const pc of getWijk(w)?.pc4 ?? []) servedPc4.add(pc);
  if (addressPc4) servedPc4.add(addressPc4);
  const servedWijken = new Set<string>(explicitWijken);
  for (const pc of servedPc4) {
    const w = wijkForPc4(pc);
    if (w) servedWijken.add(w);
  }
  const expertiseKeys = new Set<string>();
  for (const tag of [...p.expertise, ...(getDiscipline(p.discipline)?.impliedExpertise ?? [])]) {
    const key = expertiseKey(tag);
    if (!key) continue;
    expertiseKeys.add(key);
    // Words of multi-word tags too, so "pijn" finds "chronische pijn".
    if (key.includes(' ')) for (const w of key.split(' ')) if (w.length >= 3) expertiseKeys.add(w);
  }
  const words = new Set<string>();
  for (const text of [p.name, p.organisation, p.address, p.city]) {
    if (text) for (const w of tokenize(text)) if (w.length >= SEARCH_LIMITS.minTermLength) words.add(w);
  }
  return {
    partner: p,
    discipline: p.discipline,
    explicitWijken,
    declaredPc4,
    addressPc4,
    addressPc6,
    servedWijken: [...servedWijken],
    servedPc4: [...servedPc4],
    workdays: unique(p.workdays),
    dayMask: dayMask(p.workdays),
    expertiseKeys: [...expertiseKeys],
    impliedExpertise: (getDiscipline(p.discipline)?.impliedExpertise ?? []).map(expertiseKey),
    words: [...words],
    intakeActive: p.intakeStop.active,
    intakeUntil: p.intakeStop.until,
    waitWeeks: p.waitWeeks ?? Number.POSITIVE_INFINITY,
    checkedAt: p.lastCheckedAt ? p.lastCheckedAt.getTime() : Number.NEGATIVE_INFINITY,
    sortName: fold(p.name),
  };
}

function dayMask(days: readonly Weekday[]): number {
  let mask = 0;
  for (const d of days) mask |= 1 << WEEKDAYS.indexOf(d);
  return mask;
}

function nameWords(p: Partner): string[] {
  return tokenize(`${p.name} ${p.organisation ?? ''}`);
}

/** Active = flagged and (no end date or the end date is today or later). */
function intakeActive(doc: Doc, today: string): boolean {
  return doc.intakeActive && (doc.intakeUntil === null || doc.intakeUntil >= today);
}

/**
 * How well the partner's area fits. Written without closures or allocation per call:
 * it runs for every candidate of every area query.
 */
function areaScore(doc: Doc, cq: CompiledQuery): number {
  let best = 0;
  for (let i = 0; i < doc.explicitWijken.length; i++) {
    const w = doc.explicitWijken[i]!;
    if (cq.wijken.has(w) || (cq.pc4s.size > 0 && wijkCoversAny(w, cq.pc4s))) return SCORE.areaWijk + pc6Bonus(doc, cq);
  }
  for (let i = 0; i < doc.declaredPc4.length; i++) {
    const p = doc.declaredPc4[i]!;
    if (cq.pc4s.has(p)) best = SCORE.areaPostcode;
    else if (best < SCORE.areaPostcodeInWijk && cq.wijkPc4s.has(p)) best = SCORE.areaPostcodeInWijk;
  }
  if (best === 0 && doc.addressPc4 && (cq.pc4s.has(doc.addressPc4) || cq.wijkPc4s.has(doc.addressPc4))) best = SCORE.areaAddress;
  return best + pc6Bonus(doc, cq);
}

function areaMatch(doc: Doc, cq: CompiledQuery): AreaMatch | null {
  const score = areaScore(doc, cq) - pc6Bonus(doc, cq);
  if (score === SCORE.areaWijk && doc.explicitWijken.some((w) => cq.wijken.has(w) || wijkCoversAny(w, cq.pc4s))) return 'wijk';
  if (score >= SCORE.areaPostcodeInWijk) return 'postcodeArea';
  return score > 0 ? 'address' : null;
}

function pc6Bonus(doc: Doc, cq: CompiledQuery): number {
  return doc.addressPc6 !== null && cq.pc6s.size > 0 && cq.pc6s.has(doc.addressPc6) ? SCORE.addressExactPc6 : 0;
}

function wijkCoversAny(wijk: string, pc4s: Set<string>): boolean {
  const def = getWijk(wijk);
  if (!def) return false;
  for (const p of def.pc4) if (pc4s.has(p)) return true;
  return false;
}

/**
 * Exact: the partner has the asked discipline, or is a specialist whose specialisation is the asked
 * expertise ("fysio bekkenbodem" → a bekkenfysiotherapeut is as good a fit as a tagged fysiotherapeut).
 */
function disciplineExact(doc: Doc, cq: CompiledQuery): boolean {
  if (cq.disciplines.has(doc.discipline)) return true;
  if (doc.impliedExpertise.length === 0) return false;
  for (const e of cq.expertise) if (doc.impliedExpertise.includes(e.key)) return true;
  return false;
}

function scoreDoc(n: number, doc: Doc, cq: CompiledQuery): number {
  let score = 0;
  if (cq.disciplines.size) score += disciplineExact(doc, cq) ? SCORE.disciplineExact : SCORE.disciplineParent;
  for (const e of cq.expertise) score += e.exact?.has(n) ? SCORE.expertiseExact : SCORE.expertisePartial;
  if (cq.wijken.size || cq.pc4s.size) score += areaScore(doc, cq);
  if ((cq.dayMask & doc.dayMask) !== 0) score += SCORE.weekdayKnown;
  for (const f of cq.freeText) if (f.bits[n]) score += SCORE.freeText;
  return score;
}

function describeMatch(n: number, doc: Doc, cq: CompiledQuery): SearchMatch {
  const ancestors = disciplineAncestors(doc.discipline);
  return {
    disciplines: [...cq.disciplines].filter((c) => ancestors.includes(c)),
    disciplineExact: disciplineExact(doc, cq),
    expertise: cq.expertise.map((e) => e.key),
    wijken: doc.servedWijken.filter((w) => cq.wijken.has(w)),
    postcodes: [...cq.pc4s].filter((p) => doc.servedPc4.includes(p)),
    areaMatch: cq.wijken.size || cq.pc4s.size ? areaMatch(doc, cq) : null,
    weekdays: doc.workdays.filter((d) => cq.weekdays.has(d)),
    freeText: cq.freeText.filter((f) => f.bits[n]).map((f) => f.term),
  };
}

interface Candidate {
  n: number;
  doc: Doc;
  score: number;
  intake: boolean;
}

/** Negative when a ranks before b. */
function compareHits(a: Candidate, b: Candidate): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.intake !== b.intake) return a.intake ? 1 : -1;
  if (a.doc.waitWeeks !== b.doc.waitWeeks) return a.doc.waitWeeks < b.doc.waitWeeks ? -1 : 1;
  if (a.doc.checkedAt !== b.doc.checkedAt) return a.doc.checkedAt > b.doc.checkedAt ? -1 : 1;
  if (a.doc.sortName !== b.doc.sortName) return a.doc.sortName < b.doc.sortName ? -1 : 1;
  return a.doc.partner.id < b.doc.partner.id ? -1 : a.doc.partner.id > b.doc.partner.id ? 1 : 0;
}

/** Keeps the k best items seen (max-heap on "worst first"), so ranking 90k candidates stays O(n log k). */
class TopK<T> {
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
  sorted(): T[] {
    return [...this.heap].sort(this.cmp);
  }
}

function sameQuery(a: LookupQuery, b: LookupQuery): boolean {
  const strip = (q: LookupQuery): string => JSON.stringify({ ...q, understood: [] });
  return strip(a) === strip(b);
}

function withUnderstood(q: LookupQuery): LookupQuery {
  return { ...q, understood: describeLookupQuery(q) };
}

function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function unique<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}

/** A wrong `today` would silently mis-rank intake stops (string comparison), so it is a bug, loudly. */
function assertDay(today: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`SearchOptions.today must be YYYY-MM-DD, got "${today}"`);
}

function clamp(v: number, lo: number, hi: number): number {
  return Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.trunc(v))) : lo;
}
