/**
 * In-memory index of the social map. Budgets at 100,000 partners: a search p99 ≤ 20 ms (aim 10 ms), because
 * a message-extension query must answer Teams within 5 s including the network and card rendering; and
 * ≤ 1,500 bytes per partner all in.
 *
 * How: the partners live in a compact column-wise store (docStore.ts); every searchable property has
 * posting lists (postings.ts); a query is compiled into a plan (queryPlan.ts) whose smallest group of
 * lists drives the scan, every candidate verified against the store. Ranking keeps only the top
 * offset+limit in a bounded heap.
 *
 * A query that asks nothing is answered from one kept order (everyone.ts). Partners added together are
 * numbered side by side by discipline (storageOrder.ts), so a search reads its candidates from a few
 * stretches of memory.
 *
 * Short cuts at 100k partners, none of which may change an answer (test/unit/socialMap/
 * searchAgreesWithFullRanking.test.ts ranks every partner the slow way and compares): a candidate missing
 * from another group's lists is skipped before it is evaluated (withinOthers); words are walked only for
 * partners on the lists of the typed words (markFreeText, nameCandidates); and once the page is full, a
 * candidate that could not reach it even with the best name bonus its words allow is not compared name by
 * name (plan.floor, evaluate.ts).
 *
 * Free text uses our own prefix postings over a sorted word list, not minisearch: measured at 100k
 * partners (test/unit/socialMap/perf.manual.ts) minisearch's prefix search alone cost more than our whole
 * query, and we need exact set semantics for the filter anyway.
 *
 * Intake stops depend on today, so they are evaluated per query from the stored end date, never cached.
 */
import { Disciplines } from './disciplineTable';
import { exactDiscipline, getDiscipline } from './disciplines';
import { DocStore, NEVER_CHECKED, NO_DATE, NO_WAIT, type DocNumbers, type TermSections } from './docStore';
import { EveryoneOrder } from './everyone';
import { expertiseKey } from './expertise';
import { isFillerWord } from './fillerWords';
import { PostingList, Stamp, TermDictionary } from './postings';
import type { LookupQuery } from './queryParser';
import { describe, evaluate, nameBonusAtMost } from './evaluate';
import { asksNothing, compilePlan, dayMaskOf, Marks, pc6Number, WIJK_BIT, type IndexView, type Plan } from './queryPlan';
import { compareCandidates, nameSortKey, rankKeyWith, rankTail, type Candidate } from './ranking';
import type { SearchOptions, SearchResult } from './searchTypes';
import { inStorageOrder } from './storageOrder';
import { suggestTerms, type Suggestion } from './suggestions';
import { tokenize } from './text';
import { TopK } from './topK';
import { SEARCH_LIMITS, type Partner } from './types';
import { WIJKEN, wijkForPc4 } from './wijken';
import { widenSuggestions } from './widening';

export type { Suggestion } from './suggestions';
/** Mark the partners of another group when its lists hold at most this many times the driver's entries (bench: socialMap). */
const WITHIN_FACTOR = 8;
// a local binding: a bundler may turn each use of an imported function into a getter call (see evaluate.ts)
const evaluateDoc = evaluate;
const rankKeyOf = rankKeyWith;
export type { AreaMatch, SearchHit, SearchMatch, SearchOptions, SearchResult, WidenKind, WidenSuggestion } from './searchTypes';

/** The keys a partner is posted under, per kind; compared on every change to post and drop only the difference. */
interface Keys {
  disciplines: number[];
  wijken: number[];
  pc4s: number[];
  expertise: number[];
  words: number[];
}

export class SocialMapIndex {
  private readonly store = new DocStore();
  private readonly numberOf = new Map<string, number>();
  private readonly free: number[] = [];
  private readonly disciplines = new Disciplines();
  private readonly expertise = new TermDictionary();
  private readonly words = new TermDictionary();
  private wordIsFiller = new Uint8Array(256);
  private readonly wordsOfDiscipline = new Map<number, number[]>();
  private readonly wijkLists = WIJKEN.map(() => new PostingList());
  private readonly pc4Lists = new Map<number, PostingList>();
  private readonly seen = new Stamp();
  private readonly candidates = new Stamp();
  private readonly named = new Stamp();
  private readonly freeText = new Stamp();
  private readonly within = new Stamp();
  private readonly candidateMasks = new Marks();
  private readonly matchedWords = new Marks();
  private readonly view: IndexView;
  private readonly everyone = new EveryoneOrder(this.store);
  private vocabulary: { generation: number; terms: string[] } | null = null;

  constructor(partners: Iterable<Partner> = []) {
    const self = this;
    this.view = {
      store: this.store,
      disciplines: this.disciplines,
      expertise: this.expertise,
      words: this.words,
      get wordIsFiller() {
        return self.wordIsFiller;
      },
      wordsOfDiscipline: this.wordsOfDiscipline,
      wijkLists: this.wijkLists,
      pc4Lists: this.pc4Lists,
      expertiseMarks: new Marks(),
      wordMarks: new Marks(),
    };
    this.upsertAll(partners);
  }

  get size(): number {
    return this.numberOf.size;
  }

  /** Moves on every change to the partners, so anything derived from a search can tell it is out of date. */
  get generation(): number {
    return this.changes;
  }

  private changes = 0;

  get(id: string): Partner | undefined {
    const n = this.numberOf.get(id);
    return n === undefined ? undefined : this.store.partner(n);
  }

  /** Every partner in the index (internal order), each unpacked on the way. */
  *partners(): IterableIterator<Partner> {
    for (let n = 0; n < this.store.capacity; n++) if (this.store.isLive(n)) yield this.store.partner(n);
  }

  /** Add or replace one partner (e.g. after a coordinator changed an intake stop). */
  upsert(partner: Partner): void {
    this.changes++;
    let n = this.numberOf.get(partner.id);
    const before = n === undefined ? null : this.keysOf(n);
    if (n === undefined) {
      n = this.free.pop() ?? this.numberOf.size;
      this.numberOf.set(partner.id, n);
    }
    const { numbers, sections, keys } = this.describePartner(partner);
    this.store.set(n, partner, numbers, sections);
    this.repost(n, before, keys);
  }

  /** Add or replace many partners at once; new ones are numbered side by side by discipline (storageOrder.ts). */
  upsertAll(partners: Iterable<Partner>): void {
    for (const p of inStorageOrder(partners)) this.upsert(p);
  }

  remove(id: string): boolean {
    const n = this.numberOf.get(id);
    if (n === undefined) return false;
    this.changes++;
    const before = this.keysOf(n);
    this.store.clear(n);
    this.repost(n, before, null);
    this.numberOf.delete(id);
    this.free.push(n);
    return true;
  }

  /** Every expertise key present (tags, implied expertise, care types the list does not have), for the parser. */
  expertiseVocabulary(): string[] {
    if (this.vocabulary?.generation !== this.expertise.generation) {
      this.vocabulary = { generation: this.expertise.generation, terms: this.expertise.liveTerms() };
    }
    return this.vocabulary.terms;
  }

  /** True when some partner's name, organisation or address has exactly this (folded) word. */
  hasWord(word: string): boolean {
    return this.words.isLive(this.words.id(word));
  }

  search(query: LookupQuery, opts: SearchOptions): SearchResult {
    assertDay(opts.today);
    const offset = clamp(opts.offset ?? 0, 0, SEARCH_LIMITS.maxOffset);
    const limit = clamp(opts.limit ?? SEARCH_LIMITS.defaultLimit, 0, SEARCH_LIMITS.maxLimit);
    const plan = compilePlan(this.view, query, opts.today);
    if (asksNothing(plan)) return this.everyone.page(plan, this.changes, offset, limit);
    const heap = new TopK<Candidate>(offset + limit, compareCandidates(this.store));
    let total = 0;
    // One scratch candidate: broad queries visit ~90k partners and almost all are rejected at the heap
    // root, so allocating only for accepted ones keeps the garbage collector out of the p99.
    const scratch: Candidate = { n: 0, score: 0, intake: false, key: 0 };
    const store = this.store;
    const tails = store.rankTail;
    // below the worst kept key a candidate cannot enter the heap: most are turned away here, without the comparator
    let floor = Number.NEGATIVE_INFINITY;
    this.scan(plan, (n, score) => {
      total++;
      const intake = store.intakeActive(n, plan.today);
      const key = rankKeyOf(tails[n]!, score, intake);
      if (key < floor) return;
      scratch.n = n;
      scratch.score = score;
      scratch.intake = intake;
      scratch.key = key;
      if (heap.accepts(scratch)) {
        heap.push({ ...scratch });
        floor = heap.worst()?.key ?? Number.NEGATIVE_INFINITY;
        plan.floor = floor;
      }
    });
    const results = heap
      .sorted()
      .slice(offset)
      .map((c) => ({ partner: this.store.partner(c.n), score: c.score, matched: describe(plan, c.n), intakeStopActive: c.intake }));
    const out: SearchResult = { total, results, unmatched: plan.unmatched };
    if (total === 0) out.noResults = { messageKey: 'socialMap.search.noResults', suggestions: widenSuggestions(query, opts.today, (q, today) => this.count(q, today)) };
    return out;
  }

  /** Number of matches only; used for the widening suggestions. */
  count(query: LookupQuery, today: string): number {
    assertDay(today);
    let total = 0;
    this.scan(compilePlan(this.view, query, today), () => total++);
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
    const out = suggestTerms(tokens, this.expertiseVocabulary(), max);
    if (last.length < SEARCH_LIMITS.minTermLength) return out;
    const gen = this.seen.next(this.store.capacity);
    for (const w of this.words.withPrefix(last)) {
      const list = this.words.lists[w]!;
      for (let i = 0; i < list.length && out.length < max; i++) {
        const n = list.ids[i]!;
        if (this.seen.marks[n] === gen || !this.store.isLive(n)) continue;
        this.seen.marks[n] = gen;
        if (!this.nameHasWordStarting(n, last)) continue;
        const p = this.store.partner(n);
        out.push({ kind: 'partner', label: p.organisation ? `${p.name} — ${p.organisation}` : p.name, completion: p.name, partnerId: p.id });
      }
      if (out.length >= max) break;
    }
    return out;
  }

  // ------------------------------------------------------------ query execution

  /** Calls `visit` with the score of every partner the plan accepts, once each. */
  private scan(plan: Plan, visit: (n: number, score: number) => void): void {
    const store = this.store;
    const named = plan.tokens ? this.nameCandidates(plan) : [];
    this.markFreeText(plan);
    const gen = this.seen.next(store.capacity);
    const marks = this.seen.marks;
    // seen.marks: visited by the structured pass; accepted ones are marked again with the next value
    const accepted = gen + 1;
    this.seen.next(store.capacity);
    if (!plan.impossible) {
      if (plan.driver === null) {
        for (let n = 0; n < store.capacity; n++) {
          const s = evaluateDoc(plan, n);
          marks[n] = s >= 0 ? accepted : gen;
          if (s >= 0) visit(n, s);
        }
      } else {
        const within = this.withinOthers(plan);
        const inAll = within === null ? null : this.within.marks;
        for (const list of plan.driver) {
          const ids = list.ids;
          for (let i = 0; i < list.length; i++) {
            const n = ids[i]!;
            if (marks[n] === gen || marks[n] === accepted) continue;
            if (inAll !== null && inAll[n] !== within) continue;
            const s = evaluateDoc(plan, n);
            marks[n] = s >= 0 ? accepted : gen;
            if (s >= 0) visit(n, s);
          }
        }
      }
    }
    // Partners named by what was typed are answers whatever the structured reading made of it: they are
    // on the rarest typed word's lists, marked in nameMarks. Each is considered once (a partner can be on
    // two of those lists), so it is marked as accepted from here on, answer or not.
    const nameMarks = plan.nameMarks;
    for (const id of named) {
      const list = this.words.lists[id]!;
      for (let i = 0; i < list.length; i++) {
        const n = list.ids[i]!;
        if (nameMarks![n] !== plan.nameGeneration || marks[n] === accepted) continue;
        marks[n] = accepted;
        if (nameBonusAtMost(plan, n) === 0) continue; // "apotheek 1092": 5,000 names with Apotheek, none exactly that
        const s = evaluateDoc(plan, n, true);
        if (s >= 0) visit(n, s);
      }
    }
  }

  /**
   * "POH GGZ noord": 5,000 POH-GGZ candidates, of whom 400 work in Noord. Rather than evaluate each, the
   * partners on the lists of the other groups (the area's here) are marked first, one group after the
   * other, and only a candidate on all of them is evaluated. Marking walks the lists in order and writes one
   * number per entry, far cheaper than evaluating a candidate, so a group is used up to WITHIN_FACTOR
   * times the driver's size. Returns the mark a candidate on all used groups has; null: none was used.
   */
  private withinOthers(plan: Plan): number | null {
    let mark: number | null = null;
    for (const group of plan.others) {
      if (group.size > WITHIN_FACTOR * plan.driverSize) break; // smallest first: the rest are bigger still
      const previous = mark;
      const next = this.within.next(this.store.capacity);
      const marks = this.within.marks;
      for (const list of group.lists) {
        const ids = list.ids;
        for (let i = 0; i < list.length; i++) {
          const n = ids[i]!;
          if (previous === null || marks[n] === previous) marks[n] = next;
        }
      }
      mark = next;
    }
    return mark;
  }

  /**
   * Free text next to a discipline or expertise only ranks ("de vries fysio": every fysio, the De Vries
   * ones first), so each candidate's words were walked to find the few that have it: half the time of
   * such a query at 100,000 partners. Marking the partners on the words' posting lists first lets
   * `evaluate` skip the walk for all others; not worth it when those lists are longer than the candidates'.
   */
  private markFreeText(plan: Plan): void {
    plan.freeMarks = null;
    if (!plan.freeMask || plan.impossible) return;
    const candidates = plan.driver === null ? this.store.capacity : plan.driverSize;
    let postings = 0;
    for (const id of plan.freeWords) postings += this.words.lists[id]!.length;
    if (postings >= candidates) return;
    const gen = this.freeText.next(this.store.capacity);
    const marks = this.freeText.marks;
    for (const id of plan.freeWords) {
      const list = this.words.lists[id]!;
      for (let i = 0; i < list.length; i++) marks[list.ids[i]!] = gen;
    }
    plan.freeMarks = marks;
    plan.freeGeneration = gen;
  }

  /**
   * Marks the partners having every typed word among their words (plan.nameMarks; whether in the name
   * itself, `evaluate` checks), and counts for each how many different words of theirs a typed word matches
   * (plan.matchedWords): a name with more words than that cannot be what was typed, so `evaluate` need not
   * compare it. Returns the ids of the rarest typed word's words: every marked partner is on their lists.
   */
  private nameCandidates(plan: Plan): number[] {
    const marks = this.candidateMasks;
    marks.begin(this.store.capacity);
    const matched = this.matchedWords;
    matched.begin(this.store.capacity);
    const gen = this.candidates.next(this.store.capacity);
    // start from the rarest typed word: the candidates can only shrink
    const order = plan.tokenWords
      .map((ids, k) => ({ ids, bit: 1 << k, size: ids.reduce((s, id) => s + this.words.lists[id]!.length, 0) }))
      .sort((a, b) => a.size - b.size);
    let reached = 0;
    const counted = new Set<number>(); // one word of the map can match two typed words: count it once
    order.forEach(({ ids, bit }, rank) => {
      // nobody has the rarest typed word: nobody has them all, whatever the longer lists hold
      if (rank > 0 && reached === 0) return;
      for (const id of ids) {
        const list = this.words.lists[id]!;
        const count = counted.has(id) ? 0 : 1;
        counted.add(id);
        for (let i = 0; i < list.length; i++) {
          const n = list.ids[i]!;
          if (rank === 0) {
            if (this.candidates.marks[n] !== gen) {
              this.candidates.marks[n] = gen;
              reached++;
            }
            marks.or(n, bit);
            matched.add(n, count);
          } else if (this.candidates.marks[n] === gen) {
            marks.or(n, bit);
            matched.add(n, count);
          }
        }
      }
    });
    plan.matchedWords = matched.values;
    // the rarest word's lists once more, marking those with every word (for 'fysio' 8,000 of them: kept as
    // marks, not gathered into an array, which was most of what a lookup allocated)
    const all = order.reduce((m, o) => m | o.bit, 0);
    const nameGen = this.named.next(this.store.capacity);
    const nameMarks = this.named.marks;
    const rarest = reached > 0 ? order[0]!.ids : [];
    for (const id of rarest) {
      const list = this.words.lists[id]!;
      for (let i = 0; i < list.length; i++) {
        const n = list.ids[i]!;
        if (marks.get(n) === all) nameMarks[n] = nameGen;
      }
    }
    // tell evaluate which partners may earn the name bonus
    plan.nameMarks = nameMarks;
    plan.nameGeneration = nameGen;
    return rarest;
  }

  private nameHasWordStarting(n: number, prefix: string): boolean {
    const start = this.store.termStart[n]! + this.store.nExpertise[n]!;
    const end = start + this.store.nName[n]! + this.store.nOrganisation[n]!;
    for (let i = start; i < end; i++) if (this.words.terms[this.store.arena[i]!]!.startsWith(prefix)) return true;
    return false;
  }

  // ------------------------------------------------------------ postings maintenance

  private describePartner(p: Partner): { numbers: DocNumbers; sections: TermSections; keys: Keys } {
    const discipline = this.disciplines.intern(p.discipline);
    const explicit = new Set(p.wijken);
    const declared = [...new Set(p.postcodeAreas)].map(Number).filter((x) => x > 0);
    const pc6 = p.postcode ? p.postcode.replace(/\s+/g, '').toUpperCase() : null;
    const addressPc4 = pc6 ? Number(pc6.slice(0, 4)) : 0;
    // A partner serves its declared wijken and postcode areas, and always its own address.
    const served = new Set(explicit);
    for (const pc of [...declared, ...(addressPc4 ? [addressPc4] : [])]) {
      const w = wijkForPc4(String(pc));
      if (w) served.add(w);
    }
    const expertise = new Set<number>();
    const def = getDiscipline(p.discipline);
    // a care type the list does not have is found by its label and the label's words, like a tag
    for (const tag of [...p.expertise, ...(def ? def.impliedExpertise ?? [] : [p.discipline])]) {
      const key = expertiseKey(tag);
      if (!key) continue;
      expertise.add(this.expertise.intern(key));
      // words of multi-word tags too, so "pijn" finds "chronische pijn"
      if (key.includes(' ')) for (const w of key.split(' ')) if (w.length >= 3) expertise.add(this.expertise.intern(w));
    }
    const section = (...texts: (string | null)[]): number[] => {
      const ids = new Set<number>();
      for (const text of texts) if (text) for (const w of tokenize(text)) if (w.length >= SEARCH_LIMITS.minTermLength) ids.add(this.internWord(w));
      return [...ids];
    };
    const name = section(p.name);
    const organisation = section(p.organisation);
    const address = section(p.address, p.city);
    const wijkMask = (codes: Iterable<string>): number => {
      let mask = 0;
      for (const c of codes) {
        const bit = WIJK_BIT.get(c);
        if (bit !== undefined) mask |= 1 << bit;
      }
      return mask;
    };
    const numbers: DocNumbers = {
      discipline,
      dayMask: dayMaskOf(p.workdays),
      intakeActive: p.intakeStop.active,
      intakeUntil: p.intakeStop.until ? Number(p.intakeStop.until.replace(/-/g, '')) : NO_DATE,
      waitWeeks: p.waitWeeks ?? NO_WAIT,
      checkedAt: p.lastCheckedAt ? p.lastCheckedAt.getTime() : NEVER_CHECKED,
      servedWijken: wijkMask(served),
      explicitWijken: wijkMask(explicit),
      addressPc4,
      addressPc6: pc6 && pc6.length === 6 ? pc6Number(pc6) : 0,
      nameKey: nameSortKey(p.name),
      rankTail: rankTail(p.waitWeeks ?? NO_WAIT, p.lastCheckedAt ? p.lastCheckedAt.getTime() : NEVER_CHECKED),
      nameContentWords: name.filter((id) => this.wordIsFiller[id] !== 1).length,
      organisationContentWords: organisation.filter((id) => this.wordIsFiller[id] !== 1).length,
    };
    const sections: TermSections = { expertise: [...expertise], name, organisation, address, pc4: declared };
    const keys: Keys = {
      disciplines: [...this.disciplines.ancestors(discipline)],
      wijken: [...served].map((w) => WIJK_BIT.get(w)).filter((b): b is number => b !== undefined),
      pc4s: [...new Set([...declared, ...(addressPc4 ? [addressPc4] : [])])],
      expertise: sections.expertise,
      words: [...new Set([...name, ...organisation, ...address])],
    };
    return { numbers, sections, keys };
  }

  /** The keys document n is posted under now (read back from the store). */
  private keysOf(n: number): Keys {
    const s = this.store.sections(n);
    const served = this.store.servedWijken[n]!;
    const address = this.store.addressPc4[n]!;
    return {
      disciplines: [...this.disciplines.ancestors(this.store.discipline[n]!)],
      wijken: WIJKEN.map((_, b) => b).filter((b) => (served >> b) & 1),
      pc4s: [...new Set([...s.pc4, ...(address ? [address] : [])])],
      expertise: s.expertise,
      words: [...new Set([...s.name, ...s.organisation, ...s.address])],
    };
  }

  private repost(n: number, before: Keys | null, after: Keys | null): void {
    const diff = (old: number[] | undefined, now: number[] | undefined, add: (k: number) => void, drop: (k: number) => void): void => {
      const was = new Set(old ?? []);
      const is = new Set(now ?? []);
      for (const k of was) if (!is.has(k)) drop(k);
      for (const k of is) if (!was.has(k)) add(k);
    };
    const store = this.store;
    const seen = this.seen;
    const dropFrom = (list: PostingList, stillHas: (doc: number) => boolean): void => {
      if (list.drop()) list.compact(stillHas, seen);
    };
    diff(before?.disciplines, after?.disciplines, (d) => this.disciplines.list(d).add(n), (d) =>
      dropFrom(this.disciplines.list(d), (doc) => store.isLive(doc) && this.disciplines.ancestors(store.discipline[doc]!).includes(d)),
    );
    diff(before?.wijken, after?.wijken, (b) => this.wijkLists[b]!.add(n), (b) => dropFrom(this.wijkLists[b]!, (doc) => store.isLive(doc) && ((store.servedWijken[doc]! >> b) & 1) === 1));
    diff(before?.pc4s, after?.pc4s, (p) => this.pc4List(p).add(n), (p) =>
      dropFrom(this.pc4List(p), (doc) => store.isLive(doc) && (store.addressPc4[doc] === p || store.sections(doc).pc4.includes(p))),
    );
    diff(before?.expertise, after?.expertise, (e) => this.expertise.add(e, n), (e) => {
      if (this.expertise.drop(e)) this.expertise.lists[e]!.compact((doc) => store.isLive(doc) && store.sections(doc).expertise.includes(e), seen);
    });
    diff(before?.words, after?.words, (w) => this.words.add(w, n), (w) => {
      if (this.words.drop(w)) {
        this.words.lists[w]!.compact((doc) => {
          if (!store.isLive(doc)) return false;
          const s = store.sections(doc);
          return s.name.includes(w) || s.organisation.includes(w) || s.address.includes(w);
        }, seen);
      }
    });
  }

  private pc4List(p: number): PostingList {
    let list = this.pc4Lists.get(p);
    if (!list) this.pc4Lists.set(p, (list = new PostingList()));
    return list;
  }

  private internWord(word: string): number {
    const before = this.words.terms.length;
    const id = this.words.intern(word);
    if (id === before) {
      if (id >= this.wordIsFiller.length) {
        const filler = new Uint8Array(this.wordIsFiller.length * 2);
        filler.set(this.wordIsFiller);
        this.wordIsFiller = filler;
      }
      this.wordIsFiller[id] = isFillerWord(word) ? 1 : 0;
      // "fysiotherapie" in a name matches a typed "fysio": both name the same discipline
      const code = exactDiscipline(word);
      if (code !== undefined) {
        const d = this.disciplines.intern(code);
        const list = this.wordsOfDiscipline.get(d);
        if (list) list.push(id);
        else this.wordsOfDiscipline.set(d, [id]);
      }
    }
    return id;
  }
}

/** A wrong `today` would silently mis-rank intake stops (string comparison), so it is a bug, loudly. */
function assertDay(today: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error(`SearchOptions.today must be YYYY-MM-DD, got "${today}"`);
}

function clamp(v: number, lo: number, hi: number): number {
  return Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.trunc(v))) : lo;
}

