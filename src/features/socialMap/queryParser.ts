/**
 * Dutch free text → a structured social-map query.
 *
 * "fysio bekkenbodem Oost zonder opnamestop" → discipline fysiotherapie, expertise bekkenbodem, wijk Oost,
 * no intake stops. The parser is deliberately dictionary-driven (no model, no network): a GP sees what was
 * understood (`understood`) before trusting the results, and the same text always gives the same query.
 *
 * Matching order: postcodes (need the original casing), intake-stop phrases, then the longest known
 * phrase at each position (so "Oost-Watergraafsmeer" and "Bos en Lommer" are one phrase, and "Zuidoost"
 * never yields "Oost"), then typo tolerance for what is left, then the rest is free text.
 */
import { DISCIPLINES, completeDiscipline, disciplineLabel, disciplinePhrases, resolveDiscipline } from './disciplines';
import { EXPERTISE_TERMS, expertiseKey } from './expertise';
import { isFillerWord } from './fillerWords';
import { renderMessage } from './messages';
import { fold, tidy, typoTolerance } from './text';
import { PARTNER_LIMITS, WEEKDAYS, type Weekday } from './types';
import { suggestWijk, wijkName, wijkPhrases } from './wijken';
import { distance } from 'fastest-levenshtein';

export interface LookupQuery {
  /** Discipline codes (OR). A parent code also finds its specialisations. */
  disciplines: string[];
  /** Expertise keys (AND), folded: 'bekkenbodem', 'chronische pijn'. */
  expertise: string[];
  /** OR over all of them. Postcode prefixes are 'NNNN' or 'NNNNLL' (no space). */
  areas: { wijken: string[]; postcodePrefixes: string[] };
  /** OR: works on at least one of these days. */
  weekdays: Weekday[];
  excludeIntakeStop: boolean;
  /** "wachttijd korter dan 4 weken": at most this many weeks (unknown waiting times are kept, ranked lower). */
  maxWaitWeeks: number | null;
  /** "bij mij in de buurt", "in mijn wijk": the asker's own wijkgroep, filled in by the caller (lookup.ts). */
  nearMe: boolean;
  /** Words not understood as anything else: matched against names, organisations and addresses. */
  freeText: string[];
  /**
   * Every content word typed, in order (no fillers, no phrases like "zonder opnamestop"), whatever it was
   * read as: a partner whose name is these words is what was meant ("fysio de pijp" → Fysio De Pijp).
   */
  words: string[];
  /** How typos and compounds were read ("fysiotherapuet" gelezen als Fysiotherapie). */
  corrections: string[];
  /** Dutch, one line per understood element, for display ("discipline: Fysiotherapie"), then the corrections. */
  understood: string[];
}

export interface ParseOptions {
  /** Extra expertise tags (e.g. from SocialMapIndex.expertiseVocabulary()) on top of the built-in list; treated as immutable (cached per array). */
  expertiseVocabulary?: Iterable<string>;
  /**
   * True for a word some partner's name, organisation or address has (SocialMapIndex.hasWord): such a word
   * is meant as written ("Cordaan", "Javastraat") and never read as a typo of something else.
   */
  knownWord?: (folded: string) => boolean;
}

/** Inputs longer than this are cut: nobody types a paragraph into a lookup, and it bounds the work. */
const MAX_QUERY_LENGTH = 300;
const MAX_PHRASE_TOKENS = 5;

/** A Map, not an object: a typed word such as "constructor" must not find Object.prototype's members. */
const WEEKDAY_WORDS = new Map<string, Weekday[]>();
const WEEKDAY_LONG = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
WEEKDAYS.forEach((d, i) => {
  for (const w of [d, WEEKDAY_LONG[i]!, `${WEEKDAY_LONG[i]!}s`, `${WEEKDAY_LONG[i]!}en`]) WEEKDAY_WORDS.set(w, [d]);
});
WEEKDAY_WORDS.set('weekend', ['za', 'zo']);
WEEKDAY_WORDS.set('weekenden', ['za', 'zo']);

/** Phrases meaning "only partners that take new patients". Matched on folded, space-joined tokens. */
const INTAKE_OPEN_PATTERNS: RegExp[] = [
  /\b(zonder|geen)( een)? (opnamestop|patientenstop|patienten stop|opname stop|stop)\b/g,
  /\bneemt( nog| ook| wel)?( nieuwe)? patienten aan\b/g,
  /\b(open voor |accepteert )?nieuwe patienten( aan)?\b/g,
  /\b(die )?(patienten )?aanneemt\b/g,
  /\b(nu |direct |per direct )?beschikbaar\b/g,
  /\b(heeft )?(plek|plaats|ruimte) (vrij|voor nieuwe)\b/g,
  /\b(heeft|met|nog|is er) (een )?(plek|plaats|ruimte)\b/g,
  /\b(zonder|geen) (wachtlijst|wachtlijsten)\b/g,
];

/**
 * Phrases for a waiting-time limit; the number is in the first group. "korter/minder dan 4 weken" and
 * "onder de 4 weken" mean at most 3; "binnen/max/hooguit 4 weken" and "wachttijd 4 weken" at most 4.
 */
const WAIT_PATTERNS: { re: RegExp; weeks: (n: number) => number }[] = [
  { re: /\b(?:wachttijd |wachtlijst |wachten )?(?:korter dan|minder dan|onder de|onder|kleiner dan) (\d{1,3}) ?(?:weken|week|wk|w)?\b/g, weeks: (n) => Math.max(0, n - 1) },
  { re: /\b(?:wachttijd |wachten )?(?:binnen|max|maximaal|maximum|hooguit|hoogstens|uiterlijk|niet langer dan|tot) (\d{1,3}) ?(?:weken|week|wk|w)\b/g, weeks: (n) => n },
  { re: /\bwachttijd (?:van )?(?:max |maximaal |hooguit )?(\d{1,3}) ?(?:weken|week|wk|w)?\b/g, weeks: (n) => n },
];
const NO_WAIT_PATTERN = /\b(?:zonder|geen) wachttijd\b/g;

/** Phrases for "near me": the asker's own wijkgroep. */
const NEAR_ME_PATTERNS: RegExp[] = [
  /\b(?:bij (?:mij|ons) )?in (?:de|mijn|onze|mn|eigen|de eigen) (?:buurt|wijk|omgeving|regio)\b/g,
  /\bbij (?:mij|ons) (?:in de buurt|in de wijk|om de hoek|in de omgeving)\b/g,
  /\b(?:mijn|onze) (?:eigen )?(?:wijk|buurt|wijkgroep)\b/g,
  /\bdicht ?bij(?: (?:mij|ons|huis))?\b/g,
];

const POSTCODE_IN_TEXT = /(?<![0-9A-Za-z])([1-9][0-9]{3})(?:(\s?)([A-Za-z]{2}))?(?![0-9A-Za-z])/g;

type Hit =
  | { kind: 'discipline'; code: string }
  | { kind: 'wijk'; codes: string[] }
  | { kind: 'weekday'; days: Weekday[] }
  | { kind: 'expertise'; key: string }
  | { kind: 'filler' };

export function emptyLookupQuery(): LookupQuery {
  return {
    disciplines: [], expertise: [], areas: { wijken: [], postcodePrefixes: [] }, weekdays: [], excludeIntakeStop: false,
    maxWaitWeeks: null, nearMe: false, freeText: [], words: [], corrections: [], understood: [],
  };
}

export function parseLookupQuery(text: string, opts: ParseOptions = {}): LookupQuery {
  const q = emptyLookupQuery();
  const vocabulary = buildExpertiseVocabulary(opts.expertiseVocabulary);

  // 1. Postcodes, on the original text: "1092 AB" is a postcode, "1092 op dinsdag" is PC4 + "op".
  let rest = tidy(text).slice(0, MAX_QUERY_LENGTH);
  rest = rest.replace(POSTCODE_IN_TEXT, (_whole, pc4: string, space: string | undefined, letters: string | undefined) => {
    if (letters && isPc6Letters(letters, Boolean(space))) {
      pushUnique(q.areas.postcodePrefixes, `${pc4}${letters.toUpperCase()}`);
      return ' ';
    }
    pushUnique(q.areas.postcodePrefixes, pc4);
    return letters ? ` ${letters} ` : ' ';
  });

  // 2. Phrases: "zonder opnamestop", "met plek", "wachttijd korter dan 4 weken", "bij mij in de buurt".
  rest = rest.replace(/<=|≤/g, ' max ').replace(/</g, ' korter dan ');
  let folded = ` ${foldedTokens(rest).join(' ')} `;
  for (const { re, weeks } of WAIT_PATTERNS) {
    folded = folded.replace(re, (_whole, n: string) => {
      const w = Math.min(PARTNER_LIMITS.waitWeeksMax, weeks(Number(n)));
      q.maxWaitWeeks = q.maxWaitWeeks === null ? w : Math.min(q.maxWaitWeeks, w);
      return ' ';
    });
  }
  folded = folded.replace(NO_WAIT_PATTERN, () => {
    q.maxWaitWeeks = 0;
    return ' ';
  });
  for (const re of INTAKE_OPEN_PATTERNS) {
    folded = folded.replace(re, () => {
      q.excludeIntakeStop = true;
      return ' ';
    });
  }
  for (const re of NEAR_ME_PATTERNS) {
    folded = folded.replace(re, () => {
      q.nearMe = true;
      return ' ';
    });
  }
  const tokens = folded.split(' ').filter((t) => t.length > 0);
  for (const t of tokens) if (!isFillerWord(t) && !/^[0-9]+$/.test(t) && t.length >= 2) pushUnique(q.words, t);

  // 3. Longest known phrase at each position.
  const leftovers: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let matched = false;
    for (let len = Math.min(MAX_PHRASE_TOKENS, tokens.length - i); len >= 1; len--) {
      const slice = tokens.slice(i, i + len);
      const hit = lookupPhrase(slice, vocabulary, tokens, i, len);
      if (hit) {
        apply(q, hit);
        i += len;
        matched = true;
        break;
      }
    }
    if (!matched) leftovers.push(tokens[i++]!);
  }

  // 4. What is left: a word on the map is meant as written (a name, a street); then Dutch compounds
  //    ("kinderpsycholoog", "geheugenpoli"), then typos; 5. the rest is free text.
  for (const token of leftovers) {
    if (/^[0-9]+$/.test(token) || token.length < 2) continue;
    if (opts.knownWord?.(token)) {
      pushUnique(q.freeText, token);
      continue;
    }
    const parts = decompose(token, vocabulary);
    if (parts) {
      parts.forEach((hit) => apply(q, hit));
      q.corrections.push(renderMessage('socialMap.understood.readAs', { word: token, as: parts.map(describeHit).join(' + ') }));
      continue;
    }
    const hit = fuzzyLookup(token, vocabulary);
    if (hit) {
      apply(q, hit);
      q.corrections.push(renderMessage('socialMap.understood.readAs', { word: token, as: describeHit(hit) }));
    } else {
      pushUnique(q.freeText, token);
    }
  }

  q.understood = [...describeLookupQuery(q), ...q.corrections];
  return q;
}

/**
 * Lines describing a query, e.g. after a widening suggestion changed it. `unmatched`: free-text words the
 * search found nowhere on the map, said as "niet begrepen" instead of as search terms.
 */
export function describeLookupQuery(q: LookupQuery, lang: 'nl' | 'en' = 'nl', unmatched: readonly string[] = []): string[] {
  const out: string[] = [];
  const or = lang === 'nl' ? ' of ' : ' or ';
  if (q.disciplines.length) out.push(renderMessage('socialMap.understood.discipline', { value: q.disciplines.map((c) => disciplineLabel(c, lang)).join(or) }, lang));
  if (q.expertise.length) out.push(renderMessage('socialMap.understood.expertise', { value: q.expertise.join(lang === 'nl' ? ' en ' : ' and ') }, lang));
  if (q.areas.wijken.length) out.push(renderMessage('socialMap.understood.wijk', { value: q.areas.wijken.map(wijkName).join(or) }, lang));
  if (q.areas.postcodePrefixes.length) {
    out.push(renderMessage('socialMap.understood.postcode', { value: q.areas.postcodePrefixes.map(displayPostcode).join(or) }, lang));
  }
  if (q.weekdays.length) out.push(renderMessage('socialMap.understood.weekday', { value: q.weekdays.map((d) => weekdayName(d, lang)).join(or) }, lang));
  if (q.excludeIntakeStop) out.push(renderMessage('socialMap.understood.noIntakeStop', {}, lang));
  if (q.maxWaitWeeks !== null) {
    out.push(q.maxWaitWeeks === 0 ? renderMessage('socialMap.understood.noWait', {}, lang) : renderMessage('socialMap.understood.maxWait', { weeks: q.maxWaitWeeks }, lang));
  }
  if (q.nearMe) out.push(renderMessage('socialMap.understood.nearMeUnknown', {}, lang));
  const understoodFree = q.freeText.filter((t) => !unmatched.includes(t));
  if (understoodFree.length) out.push(renderMessage('socialMap.understood.freeText', { value: understoodFree.join(' ') }, lang));
  if (unmatched.length) out.push(renderMessage('socialMap.understood.notUnderstood', { value: unmatched.join(' ') }, lang));
  return out;
}

/** True when the parser found nothing to search on. */
export function isEmptyLookupQuery(q: LookupQuery): boolean {
  return (
    !q.disciplines.length && !q.expertise.length && !q.areas.wijken.length && !q.areas.postcodePrefixes.length &&
    !q.weekdays.length && !q.excludeIntakeStop && q.maxWaitWeeks === null && !q.nearMe && !q.freeText.length
  );
}

export function weekdayName(d: Weekday, lang: 'nl' | 'en' = 'nl'): string {
  const i = WEEKDAYS.indexOf(d);
  return lang === 'nl' ? WEEKDAY_LONG[i]! : ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'][i]!;
}

function displayPostcode(p: string): string {
  return p.length === 6 ? `${p.slice(0, 4)} ${p.slice(4)}` : p;
}

// ---------------------------------------------------------------- internals

interface Vocabulary {
  exact: Set<string>;
  /** Single-word terms of 5+ letters, for compounds ("bekkenbodemklachten") and typos. */
  words: string[];
}

const BUILTIN_VOCABULARY: Vocabulary = makeVocabulary([...EXPERTISE_TERMS, ...DISCIPLINES.flatMap((d) => d.impliedExpertise ?? [])]);

function makeVocabulary(terms: Iterable<string>): Vocabulary {
  const exact = new Set<string>();
  for (const t of terms) {
    const k = expertiseKey(t);
    // Words from local tags like "kinderen met adhd" must not turn "met" into an expertise.
    if (k.length >= 2 && !isFillerWord(k)) exact.add(k);
  }
  return { exact, words: [...exact].filter((k) => !k.includes(' ') && k.length >= 5) };
}

/**
 * Callers pass the same vocabulary array for many queries (the service keeps it until the map changes):
 * building the vocabulary costs more than parsing, so it is kept per array.
 */
const VOCABULARY_CACHE = new WeakMap<object, Vocabulary>();

function buildExpertiseVocabulary(extra: Iterable<string> | undefined): Vocabulary {
  if (!extra) return BUILTIN_VOCABULARY;
  const cached = VOCABULARY_CACHE.get(extra);
  if (cached) return cached;
  const vocabulary = makeVocabulary([...BUILTIN_VOCABULARY.exact, ...extra]);
  VOCABULARY_CACHE.set(extra, vocabulary);
  return vocabulary;
}

function foldedTokens(s: string): string[] {
  return fold(s)
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 0);
}

/** Two letters after a PC4 are a postcode unless they are lower case, spaced off, and a word we know. */
function isPc6Letters(letters: string, spaced: boolean): boolean {
  const up = letters.toUpperCase();
  if (up === 'SA' || up === 'SD' || up === 'SS') return false;
  if (letters === up || !spaced) return true;
  const low = fold(letters);
  return !(isFillerWord(low) || WEEKDAY_WORDS.has(low) || disciplinePhrases().has(low) || low === 'zo');
}

function lookupPhrase(slice: string[], vocabulary: Vocabulary, tokens: string[], at: number, len: number): Hit | null {
  const key = slice.join(' ');
  if (slice.length === 1) {
    const days = WEEKDAY_WORDS.get(key);
    if (days && (key !== 'zo' || zoIsSunday(tokens, at))) return { kind: 'weekday', days };
    if (key === 'zo') return { kind: 'filler' };
  }
  const discipline = disciplinePhrases().get(key) ?? (len > 1 ? disciplinePhrases().get(slice.join('')) : undefined);
  if (discipline) return { kind: 'discipline', code: discipline };
  const wijk = wijkPhrases().get(key) ?? (len > 1 ? wijkPhrases().get(slice.join('')) : undefined);
  if (wijk) return { kind: 'wijk', codes: wijk };
  if (len === 1 && isFillerWord(key)) return { kind: 'filler' };
  if (vocabulary.exact.has(key)) return { kind: 'expertise', key };
  return null;
}

/** "zo" is also the adverb ("zo snel mogelijk"): only a Sunday after "op" or in a list of weekdays. */
function zoIsSunday(tokens: string[], at: number): boolean {
  const isDay = (t: string | undefined): boolean => t !== undefined && t !== 'zo' && WEEKDAY_WORDS.has(t);
  const before = tokens[at - 1];
  if (before === 'op' || isDay(before) || isDay(tokens[at + 1])) return true;
  return (before === 'en' || before === 'of') && isDay(tokens[at - 2]);
}

function fuzzyLookup(token: string, vocabulary: Vocabulary): Hit | null {
  if (token.length < 5) return null;
  // Compound or unfinished word: "bekkenbodemklachten" contains a known term, "bekkenbo" starts one.
  let compound: string | null = null;
  for (const w of vocabulary.words) {
    if ((token.startsWith(w) || (token.length >= 6 && w.startsWith(token))) && (!compound || w.length > compound.length)) compound = w;
  }
  if (compound) return { kind: 'expertise', key: compound };
  const discipline = resolveDiscipline(token);
  if (discipline) return { kind: 'discipline', code: discipline.code };
  // Half-typed discipline ("fysiothera", "logop").
  const completed = completeDiscipline(token);
  if (completed) return { kind: 'discipline', code: completed };
  const wijk = suggestWijk(token);
  if (wijk) return { kind: 'wijk', codes: wijk };
  const max = typoTolerance(token.length);
  let best: { key: string; d: number } | null = null;
  for (const w of vocabulary.words) {
    if (Math.abs(w.length - token.length) > max) continue;
    const d = distance(token, w);
    if (d <= max && (!best || d < best.d)) best = { key: w, d };
  }
  return best ? { kind: 'expertise', key: best.key } : null;
}

/** Endings that make a care word of what comes before ("rouwtherapeut", "relatietherapie", "valpoli"). */
const CARE_SUFFIXES = ['therapeuten', 'therapeut', 'therapie', 'deskundige', 'specialist', 'consulent', 'coach', 'begeleiding', 'begeleider', 'spreekuur'];

/**
 * A Dutch compound no list holds, read as its parts: "kinderpsycholoog" → psycholoog + kinderen,
 * "traumapsycholoog" → psycholoog + trauma, "geheugenpoli" → ziekenhuispoli + geheugen, "rouwtherapeut"
 * → rouw. The tail must be a discipline (or a care ending) and the head an expertise (as written, with the
 * linking -s- or -en-, or the start of a known term: "kinder" → kinderen). Null when it does not split.
 */
function decompose(token: string, vocabulary: Vocabulary): Hit[] | null {
  if (token.length < 7) return null;
  for (let i = 3; i <= token.length - 3; i++) {
    const tail = token.slice(i);
    const code = disciplinePhrases().get(tail);
    if (!code) continue;
    const key = expertiseStem(token.slice(0, i), vocabulary);
    if (key) return [{ kind: 'discipline', code }, { kind: 'expertise', key }];
  }
  for (const suffix of CARE_SUFFIXES) {
    if (!token.endsWith(suffix) || token.length - suffix.length < 3) continue;
    const key = expertiseStem(token.slice(0, token.length - suffix.length), vocabulary);
    if (key) return [{ kind: 'expertise', key }];
  }
  return null;
}

function expertiseStem(head: string, vocabulary: Vocabulary): string | null {
  for (const form of [head, head.replace(/s$/, ''), `${head}en`, `${head}n`, head.replace(/e$/, '')]) {
    if (form.length >= 3 && vocabulary.exact.has(form)) return form;
  }
  if (head.length < 4) return null;
  let best: string | null = null;
  for (const w of vocabulary.words) if (w.startsWith(head) && (!best || w.length < best.length)) best = w;
  return best;
}

function apply(q: LookupQuery, hit: Hit): void {
  switch (hit.kind) {
    case 'discipline':
      pushUnique(q.disciplines, hit.code);
      break;
    case 'wijk':
      for (const c of hit.codes) pushUnique(q.areas.wijken, c);
      break;
    case 'weekday':
      for (const d of hit.days) pushUnique(q.weekdays, d);
      break;
    case 'expertise':
      pushUnique(q.expertise, hit.key);
      break;
    case 'filler':
      break;
  }
}

function describeHit(hit: Hit): string {
  switch (hit.kind) {
    case 'discipline':
      return disciplineLabel(hit.code);
    case 'wijk':
      return hit.codes.map(wijkName).join(' + ');
    case 'weekday':
      return hit.days.map((d) => weekdayName(d)).join(' + ');
    case 'expertise':
      return hit.key;
    case 'filler':
      return '';
  }
}

function pushUnique<T>(list: T[], value: T): void {
  if (!list.includes(value)) list.push(value);
}
