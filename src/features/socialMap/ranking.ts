/**
 * How results are ordered. Scores are coarse on purpose: equal relevance must really tie, so that "intake
 * stop below otherwise-equal entries", then the shorter waiting time, the fresher entry and the name decide
 * the order instead of noise.
 */
import type { DocStore } from './docStore';
import { fold } from './text';

export const SCORE = {
  /** The asked discipline itself, or a specialist whose specialisation is the asked expertise. */
  disciplineExact: 40,
  /** A parent-discipline partner whose expertise names the asked specialisation (fysiotherapie + sport). */
  disciplineNamed: 34,
  /** A specialist found under its asked parent discipline. */
  disciplineParent: 30,
  expertiseExact: 20,
  expertisePartial: 12,
  areaWijk: 30,
  areaPostcode: 30,
  areaPostcodeInWijk: 25,
  areaAddress: 20,
  addressExactPc6: 5,
  weekdayKnown: 5,
  waitKnown: 5,
  freeText: 10,
  /** The partner's name is what was typed ("fysio de pijp" → Fysio De Pijp): first, whatever else matched. */
  nameExact: 70,
  organisationExact: 60,
  /** Every word typed is in the name or organisation. */
  nameAll: 40,
} as const;

export interface Candidate {
  n: number;
  score: number;
  intake: boolean;
  /** score, intake stop, waiting time and freshness as one number, higher first (see rankKeyWith). */
  key: number;
}

const DAY_MS = 86_400_000;

/**
 * The order of otherwise-equal partners, packed into one number so that a broad query's ~90,000
 * candidates are mostly turned away by a single comparison with the worst kept key: higher score, then no
 * active intake stop, then the shorter waiting time (unknown last), then the more recently checked (by day).
 * The last two do not depend on the query: `rankTail` packs them once per partner (docStore.rankTail), and
 * a query only adds the score and the intake stop on top (`rankKeyWith`).
 *
 * rankTail: (127 − waiting-time rank) × 65,536 + day last checked, below RANK_TAIL_SPAN, so the score and
 * the intake bit above it decide first.
 */
export function rankTail(waitWeeks: number, checkedAt: number): number {
  const waitRank = waitWeeks < 0 ? 127 : Math.min(126, waitWeeks);
  const day = checkedAt === Number.NEGATIVE_INFINITY ? 0 : Math.max(0, Math.min(65_535, Math.floor(checkedAt / DAY_MS)));
  return (127 - waitRank) * 65_536 + day;
}

export const RANK_TAIL_SPAN = 128 * 65_536;

export function rankKeyWith(tail: number, score: number, intake: boolean): number {
  return (score * 2 + (intake ? 0 : 1)) * RANK_TAIL_SPAN + tail;
}

/** Negative when a ranks before b: the rank key, then the name, then the id (a stable order for paging). */
export function compareCandidates(store: DocStore): (a: Candidate, b: Candidate) => number {
  return (a, b) => {
    if (a.key !== b.key) return b.key - a.key;
    const ka = store.nameKey[a.n]!;
    const kb = store.nameKey[b.n]!;
    if (ka !== kb) return ka < kb ? -1 : 1;
    const na = fold(store.name(a.n));
    const nb = fold(store.name(b.n));
    if (na !== nb) return na < nb ? -1 : 1;
    const ia = store.id(a.n);
    const ib = store.id(b.n);
    return ia < ib ? -1 : ia > ib ? 1 : 0;
  };
}

/** The first four letters of the folded name as one number, so most ties never unpack a name. */
export function nameSortKey(name: string): number {
  const f = fold(name);
  let key = 0;
  for (let i = 0; i < 4; i++) key = key * 256 + Math.min(255, f.charCodeAt(i) || 0);
  return key >>> 0;
}
