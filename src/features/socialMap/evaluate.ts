/**
 * A compiled plan applied to one partner: is it an answer, and with what score; and, for the partners an
 * answer shows, what matched. Kept apart from the compiling (queryPlan.ts) because this is the hot loop:
 * it runs for every candidate of every query, up to ~90,000 at 100,000 partners.
 */
import { NO_WAIT } from './docStore';
import { NAMED, NO_FLOOR, PARTIAL, WIJK_BIT, wijkBitOfPc4, type Plan } from './queryPlan';
import { rankKeyWith, SCORE } from './ranking';
import type { AreaMatch, SearchMatch } from './searchTypes';
import { WEEKDAYS, type Weekday } from './types';

// Module-local copies: `evaluate` runs per candidate, and a bundler may turn every imported binding into
// a getter call (tsx does), which showed as a third of the time per query.
const {
  disciplineExact: S_DISCIPLINE_EXACT, disciplineNamed: S_DISCIPLINE_NAMED, disciplineParent: S_DISCIPLINE_PARENT,
  expertiseExact: S_EXPERTISE_EXACT, expertisePartial: S_EXPERTISE_PARTIAL, areaWijk: S_AREA_WIJK, areaPostcode: S_AREA_POSTCODE,
  areaPostcodeInWijk: S_AREA_POSTCODE_IN_WIJK, areaAddress: S_AREA_ADDRESS, addressExactPc6: S_PC6, weekdayKnown: S_WEEKDAY,
  waitKnown: S_WAIT, freeText: S_FREE_TEXT, nameExact: S_NAME_EXACT, organisationExact: S_ORGANISATION_EXACT, nameAll: S_NAME_ALL,
} = SCORE;
const UNKNOWN_WAIT = NO_WAIT;
const rankKeyOf = rankKeyWith;

/**
 * Whether partner n is an answer, and its score: -1 when it is not. One pass over the partner's terms
 * collects what every check needs (this runs for every candidate of every query: up to ~90,000 at 100k
 * partners, so no allocation and no repeated loops). `viaName`: the partner came from its name alone;
 * then only the qualifiers apply, and the name must really match.
 *
 * With `plan.floor` set (a search whose page is full), the score of an answer that cannot reach the page
 * may come back too low: what its words would add is then not worked out. Whether it is an answer is
 * always exact, and its rank key stays below the floor either way.
 */
export function evaluate(plan: Plan, n: number, viaName = false): number {
  const store = plan.ix.store;
  if ((store.flags[n]! & 1) === 0) return -1;
  // qualifiers: working day (unknown days are kept, ranked lower), intake stop, waiting time
  const days = store.dayMask[n]!;
  const dayMask = plan.dayMask;
  if (dayMask && days !== 0 && (days & dayMask) === 0) return -1;
  const maxWait = plan.maxWait;
  if ((plan.excludeIntake || maxWait >= 0) && store.intakeActive(n, plan.today)) return -1;
  const wait = store.waitWeeks[n]!;
  if (maxWait >= 0 && wait !== UNKNOWN_WAIT && wait > maxWait) return -1; // unknown waits are kept

  // the subject, cheapest test first, so a rejected candidate costs little
  const discipline = plan.discipline;
  const d = store.discipline[n]!;
  const kind = discipline === null ? -1 : discipline[d]!;
  if (kind === 0 && !viaName) return -1;
  const arena = store.arena;
  const expertiseMask = plan.expertiseMask;
  let exp = 0;
  if (expertiseMask || kind === 3) {
    const at = store.termStart[n]!;
    const nExp = store.nExpertise[n]!;
    const marks = plan.ix.expertiseMarks;
    const stamps = marks.stamps;
    const values = marks.values;
    const generation = marks.generation;
    for (let i = at; i < at + nExp; i++) {
      const id = arena[i]!;
      if (stamps[id] === generation) exp |= values[id]!;
    }
  }
  if (!viaName) {
    if (kind === 3 && (exp & NAMED) === 0) return -1;
    if (expertiseMask && (exp & expertiseMask) === 0) return -1;
  }
  const area = plan.area === null ? 0 : areaScore(plan, n);
  if (!viaName && plan.area !== null && area === 0) return -1;

  // what does not depend on the words: the subject, the area and the qualifiers
  let base = area;
  if (kind === 1 || (kind === 2 && plan.impliesAsked !== null && plan.impliesAsked[d] === 1)) base += S_DISCIPLINE_EXACT;
  else if (kind === 2) base += S_DISCIPLINE_PARENT;
  else if (kind === 3 && (exp & NAMED) !== 0) base += S_DISCIPLINE_NAMED;
  if (expertiseMask) {
    const terms = plan.expertiseTerms.length;
    for (let i = 0; i < terms; i++) {
      if (exp & (1 << i)) base += S_EXPERTISE_EXACT;
      else if (exp & (1 << (PARTIAL + i))) base += S_EXPERTISE_PARTIAL;
    }
  }
  if (dayMask && (days & dayMask) !== 0) base += S_WEEKDAY;
  if (maxWait >= 0 && wait !== UNKNOWN_WAIT) base += S_WAIT;

  // words: free text, and the name bonus (only partners having every typed word can earn it)
  const freeMask = plan.freeMask;
  const tokens = plan.nameMarks !== null && plan.nameMarks[n] === plan.nameGeneration ? plan.tokens : 0;
  // a partner none of whose words is a free-text word (known from the words' postings) skips the walk
  const freeMarks = plan.freeMarks;
  const mayHaveFree = freeMask !== 0 && (freeMarks === null || freeMarks[n] === plan.freeGeneration);
  if (!tokens && !mayHaveFree) {
    if (viaName || plan.freeRequired) return -1;
    return base;
  }
  // When the words can only add to the score (not a name-only or free-text-only answer), a partner that
  // cannot reach the page even with the best they could add is answered without walking them: for "fysio"
  // at 100k, 8,000 of the 31,000 candidates have "Fysiotherapie" in their organisation, and walking their
  // words was 40% of the query.
  if (!viaName && !plan.freeRequired && plan.floor !== NO_FLOOR) {
    const nameAtMost = tokens ? nameBonusAtMost(plan, n) : 0;
    const wordsAtMost = nameAtMost + (mayHaveFree ? S_FREE_TEXT * popcount(freeMask) : 0);
    if (rankKeyOf(store.rankTail[n]!, base + wordsAtMost, false) < plan.floor) return base;
  }
  const tokenMask = plan.tokenMask;
  let words = 0;
  let nameTokens = 0;
  let nameOpen = 0; // content words of the name no typed word matched
  let nameContent = 0;
  let orgTokens = 0;
  let orgOpen = 0;
  let orgContent = 0;
  {
    const at = store.termStart[n]! + store.nExpertise[n]!;
    const marks = plan.ix.wordMarks;
    const stamps = marks.stamps;
    const values = marks.values;
    const generation = marks.generation;
    const filler = plan.filler;
    const nameEnd = at + store.nName[n]!;
    const orgEnd = nameEnd + store.nOrganisation[n]!;
    const end = orgEnd + store.nAddress[n]!;
    for (let i = at; i < end; i++) {
      const id = arena[i]!;
      const bits = stamps[id] === generation ? values[id]! : 0;
      words |= bits;
      if (i >= orgEnd || tokens === 0) continue;
      const tokenBits = bits & tokenMask;
      const content = filler[id] === 1 ? 0 : 1;
      if (i < nameEnd) {
        nameTokens |= tokenBits;
        nameContent += content;
        if (content === 1 && tokenBits === 0) nameOpen++;
      } else {
        orgTokens |= tokenBits;
        orgContent += content;
        if (content === 1 && tokenBits === 0) orgOpen++;
      }
    }
  }
  let s = 0;
  if (tokens) {
    if (nameContent > 0 && nameOpen === 0 && nameTokens === tokenMask) s = S_NAME_EXACT;
    else if (orgContent > 0 && orgOpen === 0 && orgTokens === tokenMask) s = S_ORGANISATION_EXACT;
    else if (tokens >= 2 && (nameTokens | orgTokens) === tokenMask) s = S_NAME_ALL;
  }
  if (viaName && s === 0) return -1;
  const free = words & freeMask;
  if (!viaName && plan.freeRequired && free === 0) return -1;
  if (free) s += S_FREE_TEXT * popcount(free);
  return base + s;
}

/** What the name earns (the same rule as inside `evaluate`, which inlines it): for describing a hit. */
function nameBonus(plan: Plan, n: number): number {
  if (!plan.tokens) return 0;
  const { store, wordIsFiller } = plan.ix;
  const section = (from: number, count: number): { tokens: number; exact: boolean } => {
    let tokens = 0;
    let content = 0;
    let open = 0;
    for (let i = from; i < from + count; i++) {
      const id = store.arena[i]!;
      const bits = plan.ix.wordMarks.get(id) & plan.tokenMask;
      tokens |= bits;
      if (wordIsFiller[id]) continue;
      content++;
      if (!bits) open++;
    }
    return { tokens, exact: content > 0 && open === 0 && tokens === plan.tokenMask };
  };
  const start = store.termStart[n]! + store.nExpertise[n]!;
  const name = section(start, store.nName[n]!);
  const organisation = section(start + store.nName[n]!, store.nOrganisation[n]!);
  if (name.exact) return SCORE.nameExact;
  if (organisation.exact) return SCORE.organisationExact;
  return plan.tokens >= 2 && (name.tokens | organisation.tokens) === plan.tokenMask ? SCORE.nameAll : 0;
}

/** Marks over the partner's words: name, organisation and address. */
function wordBits(plan: Plan, n: number): number {
  const { store } = plan.ix;
  const start = store.termStart[n]! + store.nExpertise[n]!;
  const end = start + store.nName[n]! + store.nOrganisation[n]! + store.nAddress[n]!;
  let bits = 0;
  for (let i = start; i < end; i++) bits |= plan.ix.wordMarks.get(store.arena[i]!);
  return bits;
}


/**
 * The largest name bonus partner n could earn, from counts alone (without walking its words), for a
 * partner having every typed word (Plan.nameMarks): the name or organisation bonus needs each of their
 * non-filler words matched by a typed word; "all typed words" needs at least two typed.
 */
export function nameBonusAtMost(plan: Plan, n: number): number {
  const store = plan.ix.store;
  const matched = plan.matchedWords === null ? 255 : plan.matchedWords[n]!;
  const inName = store.nameContent[n]!;
  const inOrganisation = store.organisationContent[n]!;
  if (inName > 0 && matched >= inName) return S_NAME_EXACT;
  if (inOrganisation > 0 && matched >= inOrganisation) return S_ORGANISATION_EXACT;
  return plan.tokens >= 2 ? S_NAME_ALL : 0;
}

/**
 * How well the partner's area fits; 0 = not in the asked area. Explicit service of the wijk ranks above a
 * declared postcode area above an address only; the exact address postcode adds a little.
 */
function areaScore(plan: Plan, n: number): number {
  const a = plan.area!;
  const store = plan.ix.store;
  let score = 0;
  if (store.explicitWijken[n]! & a.explicitMask) score = S_AREA_WIJK;
  else {
    const arena = store.arena;
    const start = store.termStart[n]! + store.nExpertise[n]! + store.nName[n]! + store.nOrganisation[n]! + store.nAddress[n]!;
    const end = start + store.nPc4[n]!;
    for (let i = start; i < end; i++) {
      const kind = a.pc4Kind[arena[i]!]!;
      if (kind === 2) score = S_AREA_POSTCODE;
      else if (kind === 1 && score < S_AREA_POSTCODE_IN_WIJK) score = S_AREA_POSTCODE_IN_WIJK;
    }
    if (score === 0 && a.pc4Kind[store.addressPc4[n]!]! > 0) score = S_AREA_ADDRESS;
    if (score === 0) return 0;
  }
  if (a.pc6s.length) {
    const pc6 = store.addressPc6[n]!;
    for (let i = 0; i < a.pc6s.length; i++) if (a.pc6s[i] === pc6) return score + S_PC6;
  }
  return score;
}

function areaMatch(plan: Plan, n: number): AreaMatch | null {
  const store = plan.ix.store;
  if (store.explicitWijken[n]! & plan.area!.explicitMask) return 'wijk';
  const declared = store.sections(n).pc4;
  if (declared.some((p) => plan.area!.pc4Kind[p]! > 0)) return 'postcodeArea';
  return plan.area!.pc4Kind[store.addressPc4[n]!]! > 0 ? 'address' : null;
}

/** What matched, for the card and the tests. */
export function describe(plan: Plan, n: number): SearchMatch {
  const { store, disciplines } = plan.ix;
  const d = store.discipline[n]!;
  const ancestors = disciplines.ancestors(d).map((id) => disciplines.code(id));
  const kind = plan.discipline?.[d] ?? 0;
  const served = store.servedWijken[n]!;
  const words = plan.freeMask ? wordBits(plan, n) : 0;
  const bonus = nameBonus(plan, n);
  return {
    disciplines: plan.askedDisciplines.filter((c) => ancestors.includes(c)),
    disciplineExact: kind === 1 || (kind === 2 && plan.impliesAsked?.[d] === 1),
    expertise: plan.expertiseTerms,
    wijken: plan.area ? plan.area.wijken.filter((w) => (served >> (WIJK_BIT.get(w) ?? 31)) & 1) : [],
    postcodes: plan.area ? plan.area.pc4s.filter((p) => servesPc4(plan, n, p)).map(String) : [],
    areaMatch: plan.area ? areaMatch(plan, n) : null,
    weekdays: WEEKDAYS.filter((_, i) => (store.dayMask[n]! & plan.dayMask & (1 << i)) !== 0) as Weekday[],
    freeText: plan.freeTerms.filter((_, j) => (words >> j) & 1),
    name: bonus === SCORE.nameExact ? 'exact' : bonus === SCORE.organisationExact ? 'organisation' : bonus === SCORE.nameAll ? 'allWords' : null,
  };
}

function servesPc4(plan: Plan, n: number, p: number): boolean {
  const store = plan.ix.store;
  const bit = wijkBitOfPc4(p);
  return (bit >= 0 && ((store.explicitWijken[n]! >> bit) & 1) === 1) || store.addressPc4[n] === p || store.sections(n).pc4.includes(p);
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x >>> 0; v; v &= v - 1) c++;
  return c;
}

