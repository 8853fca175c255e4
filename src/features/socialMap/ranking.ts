/**
 * Per-document data of the social-map index and how a document scores against a compiled query.
 * Scores are coarse on purpose: equal relevance must really tie, so that "intake stop below otherwise-equal
 * entries" decides the order instead of noise.
 */
import { disciplineAncestors, getDiscipline } from './disciplines';
import { expertiseKey } from './expertise';
import type { AreaMatch, SearchMatch } from './searchTypes';
import { fold, tokenize } from './text';
import { SEARCH_LIMITS, WEEKDAYS, type Partner, type Weekday } from './types';
import { getWijk, wijkForPc4 } from './wijken';

export const SCORE = {
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

export const UNKNOWN_DAYS = '?';

export interface Doc {
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


/** OR-group of posting sets; a doc passes when any set has it. */
export type Group = Set<number>[];

export interface CompiledQuery {
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

// ---------------------------------------------------------------- per-document helpers

export function makeDoc(p: Partner): Doc {
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
  // a care type the list does not have is found by its label and the label's words, like a tag
  const def = getDiscipline(p.discipline);
  for (const tag of [...p.expertise, ...(def ? def.impliedExpertise ?? [] : [p.discipline])]) {
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

export function dayMask(days: readonly Weekday[]): number {
  let mask = 0;
  for (const d of days) mask |= 1 << WEEKDAYS.indexOf(d);
  return mask;
}

export function nameWords(p: Partner): string[] {
  return tokenize(`${p.name} ${p.organisation ?? ''}`);
}

/** Active = flagged and (no end date or the end date is today or later). */
export function intakeActive(doc: Doc, today: string): boolean {
  return doc.intakeActive && (doc.intakeUntil === null || doc.intakeUntil >= today);
}

/**
 * How well the partner's area fits. Written without closures or allocation per call:
 * it runs for every candidate of every area query.
 */
export function areaScore(doc: Doc, cq: CompiledQuery): number {
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

export function areaMatch(doc: Doc, cq: CompiledQuery): AreaMatch | null {
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

export function scoreDoc(n: number, doc: Doc, cq: CompiledQuery): number {
  let score = 0;
  if (cq.disciplines.size) score += disciplineExact(doc, cq) ? SCORE.disciplineExact : SCORE.disciplineParent;
  for (const e of cq.expertise) score += e.exact?.has(n) ? SCORE.expertiseExact : SCORE.expertisePartial;
  if (cq.wijken.size || cq.pc4s.size) score += areaScore(doc, cq);
  if ((cq.dayMask & doc.dayMask) !== 0) score += SCORE.weekdayKnown;
  for (const f of cq.freeText) if (f.bits[n]) score += SCORE.freeText;
  return score;
}

export function describeMatch(n: number, doc: Doc, cq: CompiledQuery): SearchMatch {
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

export interface Candidate {
  n: number;
  doc: Doc;
  score: number;
  intake: boolean;
}

/** Negative when a ranks before b. */
export function compareHits(a: Candidate, b: Candidate): number {
  if (a.score !== b.score) return b.score - a.score;
  if (a.intake !== b.intake) return a.intake ? 1 : -1;
  if (a.doc.waitWeeks !== b.doc.waitWeeks) return a.doc.waitWeeks < b.doc.waitWeeks ? -1 : 1;
  if (a.doc.checkedAt !== b.doc.checkedAt) return a.doc.checkedAt > b.doc.checkedAt ? -1 : 1;
  if (a.doc.sortName !== b.doc.sortName) return a.doc.sortName < b.doc.sortName ? -1 : 1;
  return a.doc.partner.id < b.doc.partner.id ? -1 : a.doc.partner.id > b.doc.partner.id ? 1 : 0;
}


function unique<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}
