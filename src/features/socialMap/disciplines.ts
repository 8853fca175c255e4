/**
 * The controlled list of disciplines. Inspired by the Vektis COD016 care-provider types (the taxonomy
 * behind AGB-codes), with the specialisations GPs actually ask for (bekken-, oedeem-, kinderfysiotherapie…)
 * modelled as children of their parent discipline: a search for "fysio" finds the specialists too, a
 * search for "bekkenfysio" finds only them.
 *
 * Codes are stable lower-case slugs (they end up in the database); labels are for people.
 */
import { distance } from 'fastest-levenshtein';
import { phraseKey, typoTolerance } from './text';

export interface DisciplineDef {
  code: string;
  nl: string;
  en: string;
  parent: string | null;
  /** Names, abbreviations and person nouns GPs type. Matched folded (no case, no diacritics). */
  synonyms: string[];
  /**
   * Expertise words a specialisation implies: a bekkenfysiotherapeut is found by "bekkenbodem" even when
   * the coordinator never typed that tag.
   */
  impliedExpertise?: string[];
  /**
   * First two AGB digits seen for this care type. Illustrative only (not officially documented, see
   * domain.md); used by the demo generator, never for validation.
   */
  agbPrefix?: string;
}

export const DISCIPLINES: readonly DisciplineDef[] = [
  {
    code: 'fysiotherapie', nl: 'Fysiotherapie', en: 'Physiotherapy', parent: null, agbPrefix: '04',
    synonyms: ['fysio', 'fysiotherapeut', 'fysiotherapeuten', 'fysiopraktijk', 'fysiotherapiepraktijk', 'physio', 'physiotherapy', 'physiotherapist'],
  },
  {
    code: 'bekkenfysiotherapie', nl: 'Bekkenfysiotherapie', en: 'Pelvic physiotherapy', parent: 'fysiotherapie', agbPrefix: '04',
    synonyms: ['bekkenfysio', 'bekkenfysiotherapeut', 'bekkentherapeut', 'bekkentherapie', 'pelvic physiotherapy'],
    impliedExpertise: ['bekkenbodem', 'bekken', 'incontinentie'],
  },
  {
    code: 'oedeemtherapie', nl: 'Oedeemtherapie', en: 'Oedema therapy', parent: 'fysiotherapie', agbPrefix: '04',
    synonyms: ['oedeemfysio', 'oedeemfysiotherapie', 'oedeemfysiotherapeut', 'oedeemtherapeut', 'lymfoedeemtherapie', 'lymfoedeemtherapeut'],
    impliedExpertise: ['oedeem', 'lymfoedeem'],
  },
  {
    code: 'kinderfysiotherapie', nl: 'Kinderfysiotherapie', en: 'Paediatric physiotherapy', parent: 'fysiotherapie', agbPrefix: '04',
    synonyms: ['kinderfysio', 'kinderfysiotherapeut'],
    impliedExpertise: ['kinderen', 'motoriek'],
  },
  {
    code: 'geriatriefysiotherapie', nl: 'Geriatriefysiotherapie', en: 'Geriatric physiotherapy', parent: 'fysiotherapie', agbPrefix: '04',
    synonyms: ['geriatriefysio', 'geriatriefysiotherapeut', 'ouderenfysio', 'ouderenfysiotherapie'],
    impliedExpertise: ['ouderen', 'valpreventie'],
  },
  {
    code: 'manuele-therapie', nl: 'Manuele therapie', en: 'Manual therapy', parent: 'fysiotherapie', agbPrefix: '04',
    synonyms: ['manueel therapeut', 'manuele therapeut', 'manueeltherapeut', 'manual therapy'],
    impliedExpertise: ['nek', 'rug'],
  },
  {
    code: 'sportfysiotherapie', nl: 'Sportfysiotherapie', en: 'Sports physiotherapy', parent: 'fysiotherapie', agbPrefix: '04',
    synonyms: ['sportfysio', 'sportfysiotherapeut'],
    impliedExpertise: ['sport', 'sportblessures'],
  },
  {
    code: 'oefentherapie', nl: 'Oefentherapie (Cesar/Mensendieck)', en: 'Exercise therapy (Cesar/Mensendieck)', parent: null,
    synonyms: ['oefentherapeut', 'oefentherapeuten', 'cesar', 'mensendieck', 'oefentherapie cesar', 'oefentherapie mensendieck'],
  },
  {
    code: 'logopedie', nl: 'Logopedie', en: 'Speech therapy', parent: null,
    synonyms: ['logo', 'logopedist', 'logopediste', 'logopedisten', 'speech therapy'],
  },
  {
    code: 'dietetiek', nl: 'Diëtetiek', en: 'Dietetics', parent: null,
    synonyms: ['dietist', 'dietiste', 'dietisten', 'dieet', 'dietetics', 'dietitian'],
  },
  {
    code: 'ergotherapie', nl: 'Ergotherapie', en: 'Occupational therapy', parent: null,
    synonyms: ['ergo', 'ergotherapeut', 'ergotherapeuten', 'occupational therapy'],
  },
  {
    code: 'podotherapie', nl: 'Podotherapie', en: 'Podiatry', parent: null,
    synonyms: ['podo', 'podotherapeut', 'podotherapeuten', 'podiatry'],
  },
  {
    code: 'poh-ggz', nl: 'POH-GGZ', en: 'Mental health practice nurse (POH-GGZ)', parent: null,
    synonyms: ['pohggz', 'poh ggz', 'praktijkondersteuner ggz', 'praktijkondersteuner geestelijke gezondheidszorg'],
  },
  {
    code: 'psychologie', nl: 'Psycholoog', en: 'Psychologist', parent: null,
    synonyms: ['psych', 'psycholoog', 'psychologen', 'psychologie', 'psychologist', 'psychotherapeut', 'psychotherapie'],
  },
  {
    code: 'basis-ggz', nl: 'Psycholoog basis-GGZ', en: 'Psychologist (basic mental health care)', parent: 'psychologie',
    synonyms: ['basisggz', 'basis ggz', 'gb ggz', 'gbggz', 'generalistische basis ggz', 'basispsycholoog', 'eerstelijnspsycholoog'],
  },
  {
    code: 'gz-psycholoog', nl: 'GZ-psycholoog', en: 'Healthcare psychologist (GZ)', parent: 'psychologie',
    synonyms: ['gz psycholoog', 'gzpsycholoog', 'gz psychologen', 'gezondheidszorgpsycholoog'],
  },
  {
    code: 'wijkverpleging', nl: 'Wijkverpleging / thuiszorg', en: 'District nursing / home care', parent: null,
    synonyms: ['wv', 'wijkverpleegkundige', 'wijkverpleegkundigen', 'wijkverpleging', 'thuiszorg', 'wijkzorg', 'district nurse', 'home care'],
  },
  {
    code: 'specialist-ouderengeneeskunde', nl: 'Specialist ouderengeneeskunde', en: 'Elderly care physician', parent: null,
    synonyms: ['so', 'specialist ouderengeneeskunde', 'ouderengeneeskunde', 'specialist oudergeneeskunde', 'elderly care physician'],
  },
  {
    code: 'apotheek', nl: 'Apotheek', en: 'Pharmacy', parent: null, agbPrefix: '02',
    synonyms: ['apotheker', 'apothekers', 'pharmacy', 'pharmacist'],
  },
  {
    code: 'verloskunde', nl: 'Verloskunde', en: 'Midwifery', parent: null,
    synonyms: ['verloskundige', 'verloskundigen', 'verloskundigenpraktijk', 'midwife', 'midwifery'],
  },
  {
    code: 'maatschappelijk-werk', nl: 'Maatschappelijk werk', en: 'Social work', parent: null,
    synonyms: ['mw', 'amw', 'maatschappelijk werker', 'maatschappelijk werkers', 'algemeen maatschappelijk werk', 'social work', 'social worker'],
  },
  {
    code: 'buurtteam', nl: 'Buurtteam / wijkteam', en: 'Neighbourhood team (social care)', parent: null,
    synonyms: ['wijkteam', 'buurtteams', 'sociaal wijkteam', 'sociaal buurtteam', 'neighbourhood team'],
  },
  {
    code: 'ouder-kindteam', nl: 'Ouder- en kindteam', en: 'Parent and child team', parent: null,
    synonyms: ['okt', 'ouder en kindteam', 'ouder kind team', 'ouderkindteam'],
  },
  {
    code: 'wmo-loket', nl: 'Wmo-loket', en: 'Social support desk (Wmo)', parent: null,
    synonyms: ['wmo', 'wmo loket', 'wmoloket', 'loket zorg'],
  },
  {
    code: 'ggd', nl: 'GGD', en: 'Public health service (GGD)', parent: null,
    synonyms: ['gemeentelijke gezondheidsdienst', 'public health service'],
  },
  {
    code: 'casemanagement-dementie', nl: 'Casemanagement dementie', en: 'Dementia case management', parent: null,
    synonyms: ['casemanager', 'casemanager dementie', 'casemanagers dementie', 'casemanagement', 'cmd', 'dementia case manager'],
    impliedExpertise: ['dementie'],
  },
  {
    code: 'hospice', nl: 'Hospice', en: 'Hospice', parent: null,
    synonyms: ['hospices', 'bijna thuis huis', 'bijnathuishuis'],
    impliedExpertise: ['palliatief'],
  },
  {
    code: 'palliatief-team', nl: 'Palliatief team', en: 'Palliative care team', parent: null,
    synonyms: ['palliatief team', 'palliatieve zorg', 'consulent palliatieve zorg', 'palliative care team'],
    impliedExpertise: ['palliatief'],
  },
];

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
  const exact = BY_NAME.get(key) ?? BY_NAME.get(key.replace(/ /g, ''));
  if (exact) return { code: exact, via: 'exact', distance: 0 };
  const compact = key.replace(/ /g, '');
  const best = closest(compact, typoTolerance(compact.length));
  return best ? { code: best.code, via: 'fuzzy', distance: best.distance } : null;
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
