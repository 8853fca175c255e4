/**
 * Completions of search terms (disciplines, wijken, expertise) for the compose-box message extension.
 * Kept apart from the index because it only needs the static dictionaries plus the index's tag list.
 */
import { DISCIPLINES, disciplineLabel, disciplinePhrases } from './disciplines';
import { EXPERTISE_TERMS, expertiseKey } from './expertise';
import { wijkName, wijkPhrases } from './wijken';

export interface Suggestion {
  kind: 'discipline' | 'wijk' | 'expertise' | 'partner';
  /** What to show in the list. */
  label: string;
  /** The query text after choosing this suggestion (for partners: the partner's name). */
  completion: string;
  partnerId?: string;
}

interface Term {
  key: string;
  kind: 'discipline' | 'wijk' | 'expertise';
  value: string;
  label: string;
}

const KIND_ORDER = { discipline: 0, wijk: 1, expertise: 2 } as const;
const MAX_PHRASE_TOKENS = 3;

let staticTerms: Term[] | null = null;

function terms(): Term[] {
  if (staticTerms) return staticTerms;
  const out: Term[] = [];
  for (const [key, code] of disciplinePhrases()) out.push({ key, kind: 'discipline', value: code, label: disciplineLabel(code) });
  for (const [key, codes] of wijkPhrases()) out.push({ key, kind: 'wijk', value: codes.join('+'), label: codes.map(wijkName).join(' + ') });
  const expertise = new Set([...EXPERTISE_TERMS, ...DISCIPLINES.flatMap((d) => d.impliedExpertise ?? [])].map(expertiseKey));
  for (const key of expertise) out.push({ key, kind: 'expertise', value: key, label: key });
  staticTerms = out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return staticTerms;
}

/**
 * Terms that start with the last one to three typed words ("bos en l" → Bos en Lommer), disciplines first,
 * then wijken, then expertise; within a kind the shortest name wins.
 */
export function suggestTerms(tokens: string[], indexExpertise: readonly string[], max: number): Suggestion[] {
  for (let n = Math.min(MAX_PHRASE_TOKENS, tokens.length); n >= 1; n--) {
    const prefix = tokens.slice(tokens.length - n).join(' ');
    const found: Term[] = [];
    const all = terms();
    for (let i = lowerBound(all, prefix); i < all.length && all[i]!.key.startsWith(prefix); i++) found.push(all[i]!);
    for (const key of indexExpertise) if (key.startsWith(prefix)) found.push({ key, kind: 'expertise', value: key, label: key });
    if (found.length === 0) continue;
    found.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.key.length - b.key.length || (a.key < b.key ? -1 : 1));
    const head = tokens.slice(0, tokens.length - n).join(' ');
    const seen = new Set<string>();
    const out: Suggestion[] = [];
    for (const t of found) {
      const id = `${t.kind}:${t.value}`;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push({ kind: t.kind, label: t.label, completion: head ? `${head} ${t.key}` : t.key });
      if (out.length >= max) break;
    }
    return out;
  }
  return [];
}

function lowerBound(sorted: Term[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.key < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
