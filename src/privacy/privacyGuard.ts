/**
 * Privacy guard: finds patient-identifying fragments in free text before Wijkbot posts it to a channel.
 *
 * Wijkbot holds organisational data only (docs/domain.md, "Privacy: what may never be in a channel").
 * Every free text the bot posts — summaries, poll questions and options, meeting themes, action items —
 * goes through `checkPrivacy` first. A finding blocks posting; the coordinator sees exactly which
 * fragments to remove and may override a false positive with an explicit confirmation (audited elsewhere).
 *
 * Pure domain logic: no Teams, Prisma or I/O. Every regex is linear-time: quantifiers are bounded, no
 * quantified group contains another unbounded quantifier, and context checks look at fixed-size windows,
 * so a 100 KB adversarial paste cannot stall the bot (see the unit tests).
 *
 * Policy decisions (measured on test/unit/privacy/privacy-labelled*.json by scripts/privacy-eval.ts):
 *  - BSN: a labelled number ("BSN", "burgerservicenummer", "sofinummer") is flagged whatever its checksum
 *    (8 or 9 digits): the intent to share a BSN is the problem, a typo does not make it harmless.
 *    A 9-digit number that passes the elfproef is flagged next to patient context (dhr./mw./patiënt/pt/
 *    geb.) with high confidence and, by default, also without any context (medium confidence), because
 *    a bare BSN pasted from the HIS is the most likely real leak and bare 9-digit numbers are rare in
 *    meeting texts. Numbers labelled as something else (factuur, RSIN, UZI, vergader-id, KvK, …), Teams
 *    dial-in codes ("…#"), digits inside longer digit groups (phone numbers, meeting ids, IBANs) and
 *    URLs are not BSNs. `flagBsnWithoutContext: false` switches to Microsoft's context-required policy.
 *  - Dates of birth: a date or year after a birth keyword (geb., geboren, geboortedatum, dob, born), a
 *    date after "*", a year in parentheses after a patient name, and any full date at least
 *    OLD_DATE_YEARS years before the reference date (meeting texts are about the recent past and the
 *    future; dates that old are about people). Population criteria ("geboren in 1966 of eerder",
 *    "patiënten geboren vóór 1950") are not birth dates of a person.
 *  - Patient names: an honorific (dhr., mw., mevr., meneer, mevrouw, de heer) or a patient noun
 *    (patiënt(e), pt., cliënt(e)) followed by a capitalised name or initials. Colleagues are normal in
 *    a summary: titles (dr., drs.) are never triggers, and an honorific name counts as a colleague when
 *    a role or organisation stands right next to it ("apotheker mw. Öztürk", "mw. Jansen (POH-GGZ)",
 *    "mevrouw El Amrani van Buurtzorg") or when it is on an attendance/roles/action line ("Aanwezig:",
 *    "Voorzitter:", "Actie:"). A patient noun is never excused, nor is a name followed by an age.
 *    Placeholders (patiënt X, patiënt A) pass.
 *  - Ages: flagged when tied to one person ("een 84-jarige patiënte", "mw. 84 jaar", "vrouw van 91",
 *    "(83)" after a name): in a small neighbourhood age + diagnosis + wijk identifies, and an
 *    organisational summary never needs it. Population criteria ("patiënten ouder dan 75",
 *    "75-plussers", "kinderen tot 12 jaar") pass.
 *  - Addresses: street + house number (and postcode + house number). A street address next to an
 *    organisation or venue cue (praktijk, apotheek, gezondheidscentrum, buurthuis, locatie, bezoekadres,
 *    …) is a professional or meeting address and passes — unless a residence cue (woont, huisbezoek,
 *    dhr./mw.) is also near, which wins. Otherwise a bare street + number is flagged (medium confidence).
 *    Postcodes without a house number (practice areas, wijk boundaries) pass.
 *  - Not findings: professional e-mail addresses, phone numbers, AGB/KvK/BIG/UZI/RSIN numbers, IBANs,
 *    ordinary dates and times, dosages, ATC codes, guideline codes, percentages.
 */
import { isElfproef } from './bsn';
import { normaliseText } from '../text/normalise';
import {
  PERSON_NOUNS, ROLE_BEFORE_RE, ROLE_AFTER_RE, ORG_WORK_BY_RE, MEMBERSHIP_LIST_RE, COLLEAGUE_LINE_RE, NOT_A_NAME,
  PLACEHOLDER_NAMES, NAME_TRIGGER_RE, NAME_RE, SECOND_NAME_RE, NAME_PAREN_RE, NAME_COMMA_AGE_RE, JARIGE_RE,
  NEXT_WORD_RE, NOUN_AGE_RE, BIRTH_KEYWORD_RE, COHORT_AFTER_RE, COHORT_BEFORE_RE, STAR_DATE_RE, ANY_DATE_RE, BSN_RE,
  BSN_KEYWORD_RE, PATIENT_CONTEXT_RE, OTHER_NUMBER_RE, URL_RE, RECORD_RE, STREET_SUFFIXES_SAFE,
  STREET_SUFFIXES_RISKY, STREET_CANDIDATE_RE, HOUSE_ADDITION_RE, POSTCODE_AFTER_RE, POSTCODE_HOUSE_RE,
  STREET_PREFIX_WORDS, LOWER_TUSSEN, ORG_ADDRESS_CUE_RE, RESIDENCE_CUE_RE,
} from './patterns';

export type FindingKind = 'bsn' | 'birthDate' | 'patientName' | 'patientAge' | 'address' | 'recordNumber';

export interface Finding {
  kind: FindingKind;
  /** Exactly `text.slice(start, end)`. */
  fragment: string;
  /** UTF-16 offsets into the checked text (normalised: see checkPrivacy), end exclusive, so the UI can highlight or cut the fragment. */
  start: number;
  end: number;
  /** Every finding blocks posting; only an explicit, audited coordinator confirmation overrides it. */
  severity: 'block';
  /** 'high' when explicit context backs the finding, 'medium' for heuristics (bare BSN, old date, bare address). */
  confidence: 'high' | 'medium';
}

export interface PrivacyCheck {
  findings: Finding[];
}

export interface PrivacyOptions {
  /** "Now" for the old-date rule; defaults to the current date. */
  referenceDate?: Date;
  /** Flag elfproef-valid 9-digit numbers without any context (default true; see the policy above). */
  flagBsnWithoutContext?: boolean;
}

/** A full date at least this many years back is treated as a date of birth. */
export const OLD_DATE_YEARS = 18;

// ---------------------------------------------------------------------------------------------------

/**
 * The findings in `text`, read in its normalised form (normalise.ts): invisible and look-alike characters
 * cannot split a BSN or a name. Offsets and fragments refer to that normalised text, which is what Wijkbot
 * stores and posts (it normalises typed text on the way in), so for stored text they are offsets into it.
 */
export function checkPrivacy(text: string, options: PrivacyOptions = {}): PrivacyCheck {
  const ctx = new Context(normaliseText(text), options);
  detectBsn(ctx);
  detectRecordNumbers(ctx);
  detectBirthDates(ctx);
  detectNames(ctx);
  detectAges(ctx);
  detectAddresses(ctx);
  return { findings: resolveOverlaps(ctx.findings) };
}

export interface FieldFinding extends Finding {
  /** Which posted field the fragment is in: 'title', 'question', 'option.2', … */
  field: string;
}

/** Checks every free-text field of something about to be posted (a poll, a card, a summary). */
export function checkPrivacyOfFields(fields: Readonly<Record<string, string>>, options: PrivacyOptions = {}): FieldFinding[] {
  const out: FieldFinding[] = [];
  for (const [field, text] of Object.entries(fields)) {
    for (const finding of checkPrivacy(text, options).findings) out.push({ ...finding, field });
  }
  return out;
}

const DESCRIPTIONS: Record<'nl' | 'en', Record<FindingKind, string>> = {
  nl: {
    bsn: 'lijkt een BSN (burgerservicenummer)',
    birthDate: 'lijkt een geboortedatum',
    patientName: 'lijkt een patiëntnaam',
    patientAge: 'noemt de leeftijd van een patiënt',
    address: 'lijkt een adres met huisnummer',
    recordNumber: 'lijkt een patiënt- of dossiernummer',
  },
  en: {
    bsn: 'looks like a BSN (citizen service number)',
    birthDate: 'looks like a date of birth',
    patientName: 'looks like a patient name',
    patientAge: "mentions a patient's age",
    address: 'looks like a street address with a house number',
    recordNumber: 'looks like a patient or record number',
  },
};

/** One short line per finding for the coordinator, e.g. "«dhr. Jansen» lijkt een patiëntnaam". */
export function describeFindings(findings: readonly Finding[], locale: 'nl' | 'en' = 'nl'): string[] {
  return findings.map((f) => `«${displayFragment(f.fragment)}» ${DESCRIPTIONS[locale][f.kind]}`);
}

function displayFragment(fragment: string): string {
  const flat = fragment.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length > 60 ? `${chars.slice(0, 59).join('')}…` : flat;
}

// ---------------------------------------------------------------------------------------------------

class Context {
  readonly findings: Finding[] = [];
  readonly referenceYear: number;
  readonly flagBsnWithoutContext: boolean;
  private lineStarts: number[] | undefined;
  private readonly colleagueLines = new Map<number, boolean>();
  private urlSpans: Array<[number, number]> | undefined;

  constructor(
    readonly text: string,
    options: PrivacyOptions,
  ) {
    this.referenceYear = (options.referenceDate ?? new Date()).getFullYear();
    this.flagBsnWithoutContext = options.flagBsnWithoutContext ?? true;
  }

  add(kind: FindingKind, start: number, end: number, confidence: Finding['confidence']): void {
    // Fragments never start or end with whitespace, so "verwijder «…»" shows exactly what to cut.
    while (start < end && /\s/.test(this.text[start]!)) start++;
    while (end > start && /\s/.test(this.text[end - 1]!)) end--;
    if (end <= start) return;
    this.findings.push({ kind, fragment: this.text.slice(start, end), start, end, severity: 'block', confidence });
  }

  /** Text before `pos` on the same line, at most `max` characters. */
  before(pos: number, max: number): string {
    return this.text.slice(Math.max(this.lineStart(pos), pos - max), pos);
  }

  /** Text from `pos` to the end of its line, at most `max` characters. */
  after(pos: number, max: number): string {
    const slice = this.text.slice(pos, pos + max);
    const nl = slice.indexOf('\n');
    return nl === -1 ? slice : slice.slice(0, nl);
  }

  lineStart(pos: number): number {
    // Binary search over precomputed line starts keeps context lookups O(log n) on one huge line.
    if (this.lineStarts === undefined) {
      this.lineStarts = [0];
      for (let i = this.text.indexOf('\n'); i !== -1; i = this.text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
    }
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return starts[lo]!;
  }

  isColleagueLine(pos: number): boolean {
    const start = this.lineStart(pos);
    let result = this.colleagueLines.get(start);
    if (result === undefined) {
      result = COLLEAGUE_LINE_RE.test(this.after(start, 80));
      this.colleagueLines.set(start, result);
    }
    return result;
  }

  inUrl(pos: number): boolean {
    if (this.urlSpans === undefined) {
      this.urlSpans = [];
      for (const m of this.text.matchAll(URL_RE)) this.urlSpans.push([m.index, m.index + m[0].length]);
    }
    // Few URLs per text; a linear scan is fine and the list is built once.
    return this.urlSpans.some(([s, e]) => pos >= s && pos < e);
  }
}

// ---------------------------------------------------------------------------------------------------

function detectBsn(ctx: Context): void {
  const { text } = ctx;
  for (const m of text.matchAll(BSN_RE)) {
    const start = m.index;
    const end = start + m[0].length;
    const digits = m[0].replace(/[ .-]/g, '');
    if (/^#/.test(text.slice(end, end + 2).trimStart())) continue; // Teams dial-in code "234820408#"
    if (ctx.inUrl(start)) continue;
    const before = text.slice(Math.max(0, start - 60), start);
    const after = text.slice(end, end + 25);
    if (BSN_KEYWORD_RE.test(before) || BSN_KEYWORD_RE.test(after)) {
      ctx.add('bsn', start, end, 'high');
      continue;
    }
    if (digits.length !== 9 || !isElfproef(digits)) continue;
    if (OTHER_NUMBER_RE.test(before.slice(-30))) continue;
    if (PATIENT_CONTEXT_RE.test(before.slice(-40)) || PATIENT_CONTEXT_RE.test(after)) {
      ctx.add('bsn', start, end, 'high');
    } else if (ctx.flagBsnWithoutContext) {
      ctx.add('bsn', start, end, 'medium');
    }
  }
}

function detectRecordNumbers(ctx: Context): void {
  for (const m of ctx.text.matchAll(RECORD_RE)) {
    if ((m[1]!.match(/\d/g) ?? []).length < 4) continue;
    ctx.add('recordNumber', m.index, m.index + m[0].length, 'high');
  }
}

function detectBirthDates(ctx: Context): void {
  const { text } = ctx;
  for (const m of text.matchAll(BIRTH_KEYWORD_RE)) {
    const end = m.index + m[0].length;
    if (COHORT_AFTER_RE.test(text.slice(end, end + 20)) || COHORT_BEFORE_RE.test(ctx.before(m.index, 40))) continue;
    ctx.add('birthDate', m.index, end, 'high');
  }
  for (const m of text.matchAll(STAR_DATE_RE)) ctx.add('birthDate', m.index, m.index + m[0].length, 'high');
  for (const m of text.matchAll(ANY_DATE_RE)) {
    const year = yearOf(m[0], ctx.referenceYear);
    if (year !== undefined && year <= ctx.referenceYear - OLD_DATE_YEARS) {
      ctx.add('birthDate', m.index, m.index + m[0].length, 'medium');
    }
  }
}

/** The year of a matched date; two-digit years pivot on the reference year ("8-12-26" is 2026, "12-3-54" 1954). */
function yearOf(date: string, referenceYear: number): number | undefined {
  const four = /(?:^|[^\d])((?:19|20)\d{2})(?:$|[^\d])/.exec(date);
  if (four) return Number(four[1]);
  const two = /['’/.-](\d{2})$/.exec(date);
  if (!two) return undefined;
  const yy = Number(two[1]);
  return yy <= (referenceYear % 100) + 1 ? 2000 + yy : 1900 + yy;
}

function detectNames(ctx: Context): void {
  const { text } = ctx;
  for (const m of text.matchAll(NAME_TRIGGER_RE)) {
    const triggerStart = m.index;
    const isHonorific = m[1] !== undefined;
    NAME_RE.lastIndex = triggerStart + m[0].length;
    const name = NAME_RE.exec(text);
    if (!name) continue;
    let nameEnd = name.index + name[0].trimEnd().length;
    const nameText = text.slice(name.index, nameEnd);
    if (!plausibleName(nameText)) continue;
    if (!isHonorific) {
      // "2 pt. Accreditatie" is points, not a patient.
      if (/^[Pp]t/.test(m[2]!) && /\p{N}[ \t]{0,2}$/u.test(ctx.before(triggerStart, 5))) continue;
    }
    if (!/^\p{Lu}\.$|\.$/u.test(nameText)) {
      // "mevrouw Martina Hoekstra": take a second name token unless it is an ordinary capitalised word.
      SECOND_NAME_RE.lastIndex = nameEnd;
      const second = SECOND_NAME_RE.exec(text);
      if (second && plausibleName(second[1]!)) nameEnd = second.index + second[0].length;
    }

    // Age or birth year right after the name: a separate finding, and proof that this is a patient.
    let extra: { kind: FindingKind; start: number; end: number } | undefined;
    NAME_PAREN_RE.lastIndex = nameEnd;
    const paren = NAME_PAREN_RE.exec(text);
    if (paren) {
      const age = paren[1] !== undefined ? Number(paren[1]) : undefined;
      if (age === undefined || age <= 120) {
        extra = { kind: age !== undefined ? 'patientAge' : 'birthDate', start: paren.index, end: paren.index + paren[0].length };
      }
    } else {
      NAME_COMMA_AGE_RE.lastIndex = nameEnd;
      const comma = NAME_COMMA_AGE_RE.exec(text);
      if (comma && Number(comma[1]) <= 120) {
        extra = { kind: 'patientAge', start: comma.index + (comma[0].startsWith(',') ? 1 : 0), end: comma.index + comma[0].length };
      }
    }

    if (isHonorific && extra === undefined && isColleague(ctx, triggerStart, nameEnd)) continue;
    ctx.add('patientName', triggerStart, nameEnd, 'high');
    if (extra) ctx.add(extra.kind, extra.start, extra.end, 'high');
  }
}

function plausibleName(name: string): boolean {
  const lower = name.toLowerCase().trim();
  if (PLACEHOLDER_NAMES.has(lower)) return false;
  const tokens = name.trim().split(/[ \t]+/);
  const last = tokens[tokens.length - 1]!;
  if (/^\p{Lu}\.$/u.test(last) || /\p{Lu}\.$/u.test(last)) return true; // initials
  if (NOT_A_NAME.has(last.toLowerCase())) return false;
  if (/^[\p{Lu}\p{N}-]{2,}$/u.test(last)) return false; // acronyms: HIS, SO, POH-GGZ
  return true;
}

function isColleague(ctx: Context, triggerStart: number, nameEnd: number): boolean {
  const before = ctx.before(triggerStart, 120);
  if (ROLE_BEFORE_RE.test(before.slice(-50)) || ORG_WORK_BY_RE.test(before.slice(-40))) return true;
  if (MEMBERSHIP_LIST_RE.test(before)) return true;
  if (ROLE_AFTER_RE.test(ctx.after(nameEnd, 60))) return true;
  return ctx.isColleagueLine(triggerStart);
}

function detectAges(ctx: Context): void {
  const { text } = ctx;
  for (const m of text.matchAll(JARIGE_RE)) {
    if (Number(m[1]) > 120) continue;
    const end = m.index + m[0].length;
    // Look at up to three following words for a singular person noun ("84-jarige alleenstaande vrouw").
    let pos = end;
    let matched: number | undefined;
    for (let i = 0; i < 3; i++) {
      NEXT_WORD_RE.lastIndex = pos;
      const w = NEXT_WORD_RE.exec(text);
      if (!w) break;
      const word = w[1]!.toLowerCase().replace(/[.,]$/, '');
      pos = w.index + w[0].length;
      if (PERSON_NOUNS.includes(word)) {
        matched = pos;
        break;
      }
    }
    if (matched !== undefined) {
      ctx.add('patientAge', m.index, matched, 'high');
      continue;
    }
    // "een 84-jarige met dementie": the noun is implied.
    const prev = /(?:^|[^\p{L}])(een|de)[ \t]{1,2}$/iu.test(ctx.before(m.index, 8));
    const next = text.slice(end, end + 6);
    if (prev && (/^[ \t]?[,.;:)]/.test(next) || /^[ \t](?:met|die|uit|in|op|zonder)(?![\p{L}])/u.test(next))) {
      ctx.add('patientAge', m.index, end, 'high');
    }
  }
  for (const m of text.matchAll(NOUN_AGE_RE)) {
    if (Number(m[1] ?? m[2] ?? m[3]) > 120) continue;
    ctx.add('patientAge', m.index, m.index + m[0].length, 'high');
  }
}

function detectAddresses(ctx: Context): void {
  const { text } = ctx;
  for (const m of text.matchAll(STREET_CANDIDATE_RE)) {
    const word = m[1]!;
    const lower = word.toLowerCase();
    const capitalised = /^\p{Lu}/u.test(word);
    const isStreet =
      STREET_SUFFIXES_SAFE.some((s) => lower.endsWith(s) && lower.length >= s.length + 2) ||
      (capitalised &&
        STREET_SUFFIXES_RISKY.some((s) => lower.endsWith(s) && lower.length >= s.length + 2) &&
        !/(?:ering|ing)$/.test(lower));
    if (!isStreet) continue;
    const number = Number(m[2]);
    if (number === 0 || (number >= 1900 && number <= 2099)) continue; // "Arbeidsmarkt 2026" is a year
    let end = m.index + m[0].length;
    HOUSE_ADDITION_RE.lastIndex = end;
    const addition = HOUSE_ADDITION_RE.exec(text);
    if (addition) end += addition[0].length;
    POSTCODE_AFTER_RE.lastIndex = end;
    const postcode = POSTCODE_AFTER_RE.exec(text);
    if (postcode) end += postcode[0].length;
    const start = streetStart(text, m.index);
    classifyAddress(ctx, start, end);
  }
  for (const m of text.matchAll(POSTCODE_HOUSE_RE)) classifyAddress(ctx, m.index, m.index + m[0].length);
}

function classifyAddress(ctx: Context, start: number, end: number): void {
  const around = `${ctx.before(start, 80)} ${ctx.after(end, 40)}`;
  if (RESIDENCE_CUE_RE.test(around)) ctx.add('address', start, end, 'high');
  else if (!ORG_ADDRESS_CUE_RE.test(around)) ctx.add('address', start, end, 'medium');
}

/** Walks back over "Burg. de", "Jan van", "1e" so the fragment holds the whole street name. */
function streetStart(text: string, anchor: number): number {
  const taken: Array<{ word: string; start: number }> = [];
  let start = anchor;
  for (let i = 0; i < 3; i++) {
    const tok = /([\p{L}\p{M}\p{N}.'’-]{1,20})[ \t]{1,2}$/u.exec(text.slice(Math.max(0, start - 25), start));
    if (!tok) break;
    const word = tok[1]!;
    const lower = word.toLowerCase();
    const ok =
      STREET_PREFIX_WORDS.has(lower) ||
      LOWER_TUSSEN.has(word) ||
      (/^\p{Lu}[\p{L}\p{M}'’-]*$/u.test(word) && !NOT_A_NAME.has(lower) && !/^\p{Lu}{2,}$/u.test(word));
    if (!ok) break;
    start -= tok[0].length;
    taken.unshift({ word, start });
  }
  // A street name does not start with a lowercase "de"/"van" that belongs to the sentence ("aan de Kerkstraat").
  while (taken.length > 0 && LOWER_TUSSEN.has(taken[0]!.word)) taken.shift();
  return taken.length > 0 ? taken[0]!.start : anchor;
}

/** Drops findings inside a larger one (e.g. an old date inside "geb. 12-03-1954"), keeps the order of the text. */
function resolveOverlaps(findings: Finding[]): Finding[] {
  // Sorted by start, longest first: a finding is contained in an earlier one exactly when the earlier
  // finding reaching furthest ends at or after it. One pass, so thousands of findings stay cheap.
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Finding[] = [];
  let widest: Finding | undefined;
  for (const f of sorted) {
    if (widest && widest.end >= f.end) {
      if (widest.kind === f.kind && f.confidence === 'high') widest.confidence = 'high';
      continue;
    }
    out.push(f);
    if (!widest || f.end > widest.end) widest = f;
  }
  return out;
}
