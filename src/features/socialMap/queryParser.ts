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
import { renderMessage } from './messages';
import { fold, tidy, typoTolerance } from './text';
import { WEEKDAYS, type Weekday } from './types';
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
  /** Words not understood as anything else: matched against names, organisations and addresses. */
  freeText: string[];
  /** Dutch, one line per understood element, for display ("discipline: Fysiotherapie"). */
  understood: string[];
}

export interface ParseOptions {
  /** Extra expertise tags (e.g. from SocialMapIndex.expertiseVocabulary()) on top of the built-in list; treated as immutable (cached per array). */
  expertiseVocabulary?: Iterable<string>;
}

/** Inputs longer than this are cut: nobody types a paragraph into a lookup, and it bounds the work. */
const MAX_QUERY_LENGTH = 300;
const MAX_PHRASE_TOKENS = 5;

const WEEKDAY_WORDS: Record<string, Weekday[]> = {};
const WEEKDAY_LONG = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
WEEKDAYS.forEach((d, i) => {
  for (const w of [d, WEEKDAY_LONG[i]!, `${WEEKDAY_LONG[i]!}s`, `${WEEKDAY_LONG[i]!}en`]) WEEKDAY_WORDS[w] = [d];
});
WEEKDAY_WORDS['weekend'] = ['za', 'zo'];
WEEKDAY_WORDS['weekenden'] = ['za', 'zo'];

/** Words that carry no search meaning in a lookup. Folded. */
const FILLER = new Set(
  (
    'een de het in op voor met zoek zoeken zoekt gezocht ik we wij die wie wat welke waar is zijn er naar graag nodig heb hebben ' +
    'van en of bij te aan om ook nog wel kan kunnen wil willen iemand mijn onze deze dit dat hier daar uit tot ' +
    'patient patienten patiente client clienten meneer mevrouw dhr amsterdam wijk buurt regio omgeving stadsdeel ' +
    'zorgverlener zorgverleners hulpverlener hulpverleners behandelaar behandelaars therapeut therapeuten ' +
    'klacht klachten probleem problemen problematiek gespecialiseerd specialisatie ervaring expertise ' +
    'liefst voorkeur aub svp please a the for with near opnamestop patientenstop opname stop werkt werken werkzaam ' +
    'dag dagen adres telefoonnummer nummer contact gegevens sociale kaart hulp zorg goede goed snel snelle mogelijk ' +
    'binnen week weken wachttijd wachtlijst kort korte bv bijvoorbeeld zonder geen praktijk s'
  ).split(' '),
);

/** Phrases meaning "only partners that take new patients". Matched on folded, space-joined tokens. */
const INTAKE_OPEN_PATTERNS: RegExp[] = [
  /\b(zonder|geen)( een)? (opnamestop|patientenstop|patienten stop|opname stop|stop)\b/g,
  /\bneemt( nog| ook| wel)?( nieuwe)? patienten aan\b/g,
  /\b(open voor |accepteert )?nieuwe patienten( aan)?\b/g,
  /\b(die )?(patienten )?aanneemt\b/g,
  /\b(nu |direct |per direct )?beschikbaar\b/g,
  /\b(heeft )?(plek|plaats|ruimte) (vrij|voor nieuwe)\b/g,
  /\bheeft (plek|ruimte)\b/g,
];

const POSTCODE_IN_TEXT = /(?<![0-9A-Za-z])([1-9][0-9]{3})(?:(\s?)([A-Za-z]{2}))?(?![0-9A-Za-z])/g;

type Hit =
  | { kind: 'discipline'; code: string }
  | { kind: 'wijk'; codes: string[] }
  | { kind: 'weekday'; days: Weekday[] }
  | { kind: 'expertise'; key: string }
  | { kind: 'filler' };

export function emptyLookupQuery(): LookupQuery {
  return { disciplines: [], expertise: [], areas: { wijken: [], postcodePrefixes: [] }, weekdays: [], excludeIntakeStop: false, freeText: [], understood: [] };
}

export function parseLookupQuery(text: string, opts: ParseOptions = {}): LookupQuery {
  const q = emptyLookupQuery();
  const corrections: string[] = [];
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

  // 2. "zonder opnamestop", "neemt nieuwe patiënten aan", "beschikbaar".
  let folded = ` ${foldedTokens(rest).join(' ')} `;
  for (const re of INTAKE_OPEN_PATTERNS) {
    folded = folded.replace(re, () => {
      q.excludeIntakeStop = true;
      return ' ';
    });
  }
  const tokens = folded.split(' ').filter((t) => t.length > 0);

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

  // 4. Typos and compounds for what is left; 5. the rest is free text.
  for (const token of leftovers) {
    if (/^[0-9]+$/.test(token) || token.length < 2) continue;
    const hit = fuzzyLookup(token, vocabulary);
    if (hit) {
      apply(q, hit);
      corrections.push(renderMessage('socialMap.understood.readAs', { word: token, as: describeHit(hit) }));
    } else {
      pushUnique(q.freeText, token);
    }
  }

  q.understood = [...describeLookupQuery(q), ...corrections];
  return q;
}

/** Lines describing a query, e.g. after a widening suggestion changed it. */
export function describeLookupQuery(q: LookupQuery, lang: 'nl' | 'en' = 'nl'): string[] {
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
  if (q.freeText.length) out.push(renderMessage('socialMap.understood.freeText', { value: q.freeText.join(' ') }, lang));
  return out;
}

/** True when the parser found nothing to search on. */
export function isEmptyLookupQuery(q: LookupQuery): boolean {
  return (
    !q.disciplines.length && !q.expertise.length && !q.areas.wijken.length && !q.areas.postcodePrefixes.length &&
    !q.weekdays.length && !q.excludeIntakeStop && !q.freeText.length
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
    if (k.length >= 2 && !FILLER.has(k)) exact.add(k);
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
  return !(FILLER.has(low) || low in WEEKDAY_WORDS || disciplinePhrases().has(low) || low === 'zo');
}

function lookupPhrase(slice: string[], vocabulary: Vocabulary, tokens: string[], at: number, len: number): Hit | null {
  const key = slice.join(' ');
  if (slice.length === 1) {
    const days = WEEKDAY_WORDS[key];
    if (days && (key !== 'zo' || zoIsSunday(tokens, at))) return { kind: 'weekday', days };
    if (key === 'zo') return { kind: 'filler' };
  }
  const discipline = disciplinePhrases().get(key) ?? (len > 1 ? disciplinePhrases().get(slice.join('')) : undefined);
  if (discipline) return { kind: 'discipline', code: discipline };
  const wijk = wijkPhrases().get(key) ?? (len > 1 ? wijkPhrases().get(slice.join('')) : undefined);
  if (wijk) return { kind: 'wijk', codes: wijk };
  if (len === 1 && FILLER.has(key)) return { kind: 'filler' };
  if (vocabulary.exact.has(key)) return { kind: 'expertise', key };
  return null;
}

/** "zo" is also the adverb ("zo snel mogelijk"): only a Sunday after "op" or in a list of weekdays. */
function zoIsSunday(tokens: string[], at: number): boolean {
  const isDay = (t: string | undefined): boolean => t !== undefined && t !== 'zo' && t in WEEKDAY_WORDS;
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
