/**
 * Lookups over the built-in list of disciplines (disciplineList.ts): names and abbreviations → codes,
 * typo tolerance, parents and children. A partner's discipline is a code from that list, or, for a care
 * type the list does not have, the label the coordinator wrote (see `normaliseDiscipline`).
 */
import { distance } from 'fastest-levenshtein';
import { DISCIPLINES, type DisciplineDef } from './disciplineList';
import { phraseKey, typoTolerance } from './text';

export { DISCIPLINES, type DisciplineDef } from './disciplineList';

const BY_CODE = new Map(DISCIPLINES.map((d) => [d.code, d]));

/** Every way a discipline can be written, folded, both with and without spaces ("poh ggz" and "pohggz"). */
const BY_NAME = new Map<string, string>();
for (const d of DISCIPLINES) {
  for (const name of [d.code, d.nl, d.en, ...d.synonyms]) {
    const key = phraseKey(name);
    if (!BY_NAME.has(key)) BY_NAME.set(key, d.code);
    const compact = key.replace(/ /g, '');
    if (!BY_NAME.has(compact)) BY_NAME.set(compact, d.code);
  }
}
const FUZZY_KEYS = [...BY_NAME.keys()].filter((k) => !k.includes(' ') && k.length >= 4);
/** Names that are one word in their own right (not the squashed form of a phrase), for prefix completion. */
const SINGLE_WORDS = new Map<string, string>();
for (const d of DISCIPLINES) {
  for (const name of [d.code, d.nl, d.en, ...d.synonyms]) {
    const key = phraseKey(name);
    if (!key.includes(' ') && !SINGLE_WORDS.has(key)) SINGLE_WORDS.set(key, d.code);
  }
}

export function getDiscipline(code: string): DisciplineDef | undefined {
  return BY_CODE.get(code);
}

export function disciplineLabel(code: string, lang: 'nl' | 'en' = 'nl'): string {
  return BY_CODE.get(code)?.[lang] ?? code;
}

/** The code itself followed by its parents, nearest first. */
export function disciplineAncestors(code: string): string[] {
  const out: string[] = [];
  for (let d = BY_CODE.get(code); d; d = d.parent ? BY_CODE.get(d.parent) : undefined) out.push(d.code);
  return out;
}

export function disciplineChildren(code: string): string[] {
  return DISCIPLINES.filter((d) => d.parent === code).map((d) => d.code);
}

/** All names the query parser should recognise as a phrase, folded; value is the code. */
export function disciplinePhrases(): ReadonlyMap<string, string> {
  return BY_NAME;
}

/** The shortest one-word discipline name starting with `prefix` (5+ letters): "fysiothera", "logop". */
export function completeDiscipline(prefix: string): string | null {
  if (prefix.length < 5) return null;
  let best: string | null = null;
  for (const k of SINGLE_WORDS.keys()) if (k.startsWith(prefix) && (!best || k.length < best.length)) best = k;
  return best ? SINGLE_WORDS.get(best)! : null;
}

export interface DisciplineMatch {
  code: string;
  /** 'exact': a known name or abbreviation; 'fuzzy': within typo tolerance of one. */
  via: 'exact' | 'fuzzy';
  distance: number;
}

/**
 * A word or phrase to a discipline code: exact names, abbreviations and person nouns first, then typos
 * ("fysiotherapuet") within a tolerance that grows with word length. Null when nothing is close enough.
 */
export function resolveDiscipline(word: string): DisciplineMatch | null {
  const key = phraseKey(word);
  if (!key) return null;
  const exact = exactByKey(key);
  if (exact) return { code: exact, via: 'exact', distance: 0 };
  const compact = key.replace(/ /g, '');
  const best = closest(compact, typoTolerance(compact.length));
  return best ? { code: best.code, via: 'fuzzy', distance: best.distance } : null;
}

/**
 * The discipline a word or phrase names exactly ("fysio", "logopedist"), without the typo search of
 * resolveDiscipline: for the index and the query plan, which ask this of every word and want no guesses.
 */
export function exactDiscipline(word: string): string | undefined {
  const key = phraseKey(word);
  return key ? exactByKey(key) : undefined;
}

function exactByKey(key: string): string | undefined {
  return BY_NAME.get(key) ?? BY_NAME.get(key.replace(/ /g, ''));
}

/**
 * A looser guess for "bedoelde u …?" in error messages: a third of the word may be wrong, or the text may
 * contain a known name ("fysiotherapie (bekken)"). Never use it to accept input silently.
 */
export function suggestDiscipline(word: string): string | null {
  const key = phraseKey(word);
  if (!key) return null;
  const resolved = resolveDiscipline(word);
  if (resolved) return resolved.code;
  // Word order: "fysiotherapie (bekken)" is "bekkenfysiotherapie".
  const words = key.split(' ');
  if (words.length === 2 || words.length === 3) {
    for (const order of permutations(words)) {
      const hit = BY_NAME.get(order.join(''));
      if (hit) return hit;
    }
  }
  const compact = key.replace(/ /g, '');
  const loose = closest(compact, Math.max(typoTolerance(compact.length), Math.ceil(compact.length / 3)));
  if (loose) return loose.code;
  // Longest known name contained in the text wins ("bekkenfysiotherapie" over "fysio").
  let found: { code: string; len: number } | null = null;
  for (const k of FUZZY_KEYS) {
    if (k.length >= 4 && compact.includes(k) && (!found || k.length > found.len)) found = { code: BY_NAME.get(k)!, len: k.length };
  }
  return found?.code ?? null;
}

function permutations(words: string[]): string[][] {
  if (words.length <= 1) return [words];
  return words.flatMap((w, i) => permutations([...words.slice(0, i), ...words.slice(i + 1)]).map((rest) => [w, ...rest]));
}

function closest(compact: string, maxDistance: number): { code: string; distance: number } | null {
  if (maxDistance <= 0) return null;
  let best: { code: string; distance: number } | null = null;
  for (const k of FUZZY_KEYS) {
    if (Math.abs(k.length - compact.length) > maxDistance) continue;
    const d = distance(compact, k);
    if (d <= maxDistance && (!best || d < best.distance)) best = { code: BY_NAME.get(k)!, distance: d };
  }
  return best;
}

/** Exposed for tests and the UI (discipline picker). */
export function isDisciplineCode(code: string): boolean {
  return BY_CODE.has(code);
}

/**
 * The discipline to use for a stored value: a known code stays; a label written before the list knew it
 * ("huisartsenpost" imported as a label, later added to the list) becomes that code; any other label stays
 * the label, so a partner with a care type no list holds is still found and shown by what was written.
 */
export function normaliseDiscipline(stored: string): string {
  if (BY_CODE.has(stored)) return stored;
  const key = phraseKey(stored);
  return BY_NAME.get(key) ?? BY_NAME.get(key.replace(/ /g, '')) ?? stored;
}

/**
 * For a label the list does not know: a known discipline it plainly is, written differently ("fysiotherapie
 * (bekken)" is bekkenfysiotherapie; "Huisartsenpraktijk Noord" names a huisarts), or null. Stricter than
 * suggestDiscipline, which may guess from a few shared letters: this goes in a warning that is otherwise
 * accepted, so a far-fetched guess would only confuse.
 */
export function suggestForLabel(label: string): string | null {
  const words = phraseKey(label).split(' ').filter(Boolean);
  if (words.length === 2 || words.length === 3) {
    for (const order of permutations(words)) {
      const hit = BY_NAME.get(order.join(''));
      if (hit) return hit;
    }
  }
  for (const w of words) if (w.length >= 4 && BY_NAME.has(w)) return BY_NAME.get(w)!;
  return null;
}
