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
 * Policy decisions (measured on test/unit/summaries/privacy-labelled*.json by scripts/privacy-eval.ts):
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

export type FindingKind = 'bsn' | 'birthDate' | 'patientName' | 'patientAge' | 'address' | 'recordNumber';

export interface Finding {
  kind: FindingKind;
  /** Exactly `text.slice(start, end)`. */
  fragment: string;
  /** UTF-16 offsets into the checked text, end exclusive, so the UI can highlight or cut the fragment. */
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
// Building blocks. JS `\b` is ASCII-only, so word boundaries are written with Unicode lookarounds.

const NB = '(?<![\\p{L}\\p{M}\\p{N}_])';
const NA = '(?![\\p{L}\\p{M}\\p{N}_])';
/** ë typed precomposed, decomposed (macOS) or without the diaeresis. */
const E = '(?:ë|e\\u0308|e)';

/** "[Hh]uisarts": first letter either case, rest as written, so acronyms elsewhere can stay case-sensitive. */
const cap = (w: string): string => `[${w[0]!.toUpperCase()}${w[0]!.toLowerCase()}]${w.slice(1)}`;
const words = (list: readonly string[]): string => list.map(cap).join('|');

const HONORIFIC = `(?:${words(['dhr\\.?', 'mw\\.?', 'mevr\\.?', 'mevrouw', 'meneer', 'mnr\\.?', 'mej\\.?', 'mejuffrouw'])}|DHR\\.?|MEVR\\.?|[Dd]e [Hh]eer)`;
const PATIENT_NOUN = `(?:[Pp]ati${E}nte?|[Pp]t\\.?|[Pp]at\\.|[Cc]li${E}nte?)`;
/** Singular nouns for one person; plurals (patiënten, vrouwen, 75-plussers) describe populations. */
const PERSON_NOUNS = [
  'man', 'vrouw', 'heer', 'dame', 'meneer', 'mevrouw', 'jongen', 'meisje', 'kind', 'baby', 'zuigeling',
  'peuter', 'kleuter', 'puber', 'tiener', 'jongere', 'oudere', 'weduwe', 'weduwnaar', 'moeder', 'vader',
  'zoon', 'dochter', 'bewoner', 'bewoonster', 'zwangere', 'patiënt', 'patiënte', 'patient', 'patiente',
  'cliënt', 'cliënte', 'client', 'cliente', 'pt', 'pt.', 'alleenstaande',
];
const PERSON_NOUN = `(?:${words(PERSON_NOUNS.map((w) => w.replace('.', '\\.')))})`;

const INITIALS = '(?:\\p{Lu}\\.[ \\t]?){1,4}';
const TUSSEN = `(?:(?:${words(['van', 'von', 'de', 'der', 'den', 'te', 'ter', 'ten', 'la', 'le', 'du', 'da', 'dos', 'el', 'al', 'ben', 'bin', 'ibn'])}|'t|’t|[Ii]n 't)[ \\t]){0,3}`;
const SURNAME = "\\p{Lu}[\\p{L}\\p{M}'’]+(?:-[\\p{L}\\p{M}'’]+){0,3}";

const MONTHS =
  'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|' +
  'january|february|march|may|june|july|october|' +
  'jan|febr|feb|mrt|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const MONTH_NUM = '(?:0?[1-9]|1[0-2])';
const NUM_DATE = `${DAY}[-/.]${MONTH_NUM}[-/.](?:\\d{4}|\\d{2})`;
const WORD_DATE = `${DAY}[ \\t]{1,2}(?:${words(MONTHS.split('|'))})\\.?[ \\t]{1,2}(?:\\d{4}|['’]\\d{2})`;
const ISO_DATE = '(?:19|20)\\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])';
const DATE = `(?:${NUM_DATE}|${WORD_DATE})`;
const YEAR = '(?:19|20)\\d{2}';

// Roles and organisations that mark an honorific name as a colleague rather than a patient.
const ROLE_WORDS = [
  'huisarts', 'huisartsen', 'apotheker', 'apothekers', 'apothekersassistente', 'arts', 'dokter', 'collega',
  'wijkverpleegkundige', 'verpleegkundige', 'verpleegkundig specialist', 'praktijkondersteuner',
  'praktijkmanager', 'praktijkverpleegkundige', 'assistente', 'doktersassistente', 'fysiotherapeut',
  'fysio', 'oefentherapeut', 'logopedist', 'diëtist', 'dietist', 'ergotherapeut', 'podotherapeut',
  'psycholoog', 'gz-psycholoog', 'psychiater', 'geriater', 'specialist', 'kaderarts', 'consulent',
  'casemanager', 'coördinator', 'coordinator', 'wijkcoördinator', 'wijkcoordinator', 'voorzitter',
  'notulist', 'secretaris', 'penningmeester', 'manager', 'directeur', 'bestuurder', 'medewerker',
  'maatschappelijk werker', 'ouderenadviseur', 'spreker', 'gastspreker', 'inleider', 'docent', 'adviseur',
  'beleidsmedewerker', 'verloskundige', 'jeugdarts', 'jeugdverpleegkundige', 'scen-arts', 'sociaal werker',
  'mantelzorgconsulent', 'trainer', 'haio', 'aios', 'anios', 'waarnemer', 'opvolger',
];
const ROLE_ACRONYMS = ['POH-GGZ', 'POH-S', 'POH', 'SO', 'HA', 'WV', 'MW', 'EKC', 'AIOS', 'HAIO', 'GGZ', 'SCEN'];
const ORG_WORDS = [
  'apotheek', 'praktijk', 'huisartsenpraktijk', 'gezondheidscentrum', 'huisartsenpost', 'buurtteam',
  'wijkteam', 'buurtzorg', 'thuiszorg', 'wijkverpleging', 'zorggroep', 'gemeente', 'ouder- en kindteam',
  'palliatief team', 'palliatief advies team', 'fysiotherapie', 'fysiopraktijk', 'wmo-loket', 'roha',
];
const ORG_ACRONYMS = ['GGD', 'HAP', 'OKT', 'GC', 'ROHA', 'GGZ', 'NHG', 'LHV'];
const ROLE = `(?:${words(ROLE_WORDS)}|${ROLE_ACRONYMS.join('|')})`;
const ORG = `(?:${words(ORG_WORDS)}|${ORG_ACRONYMS.join('|')})`;

/** "huisarts dhr. Bakker", "Consulent palliatieve zorg (mw. Hendriks)": a role shortly before the honorific. */
const ROLE_BEFORE_RE = new RegExp(
  `${NB}${ROLE}(?:[ \\t]{1,2}\\p{Ll}[\\p{L}\\p{M}-]{0,20}){0,2}[ \\t]{0,2}[:,(–-]?[ \\t]{0,2}$`,
  'u',
);
/** "mw. Jansen (POH-GGZ)", "dhr. Bakker, huisarts", "mevrouw El Amrani van Buurtzorg Oost". */
const ROLE_AFTER_RE = new RegExp(
  `^(?:[ \\t]{0,2}[,(–-][ \\t]{0,2}|[ \\t]{1,2}(?:van|namens|bij|uit)[ \\t]{1,2}(?:(?:de|het)[ \\t]{1,2})?)(?:${ROLE}|${ORG})${NA}`,
  'u',
);
/** "gecontroleerd door mw. Visser", "Verslaglegging door mevrouw Van Dam": organisational work is done by colleagues. */
const ORG_WORK_BY_RE =
  /(?<![\p{L}])(?:gecontroleerd|nagekeken|bijgewerkt|verslaglegging|notulen|genotuleerd|voorbereid|gepresenteerd|ingeleid|georganiseerd|voorgezeten|verzorgd|opgesteld|geschreven|ondertekend|goedgekeurd|verstuurd|rondgestuurd|ingebracht)(?:[ \t][^\n.;:]{1,25})?[ \t]{1,2}door[ \t]{1,2}$/iu;
/** "nieuwe aanmeldingen voor de klankbordgroep: mw. Kok, dhr. Bos en …": a membership list. Not "aanmelding":
 *  "aanmelding register: mevrouw X" is a patient entering the palliative register. */
const MEMBERSHIP_LIST_RE =
  /(?<![\p{L}])(?:klankbordgroep|werkgroep|commissie|bestuur|raad|leden|deelnemers|sprekers|stuurgroep|redactie|toetsgroep)(?![\p{L}])[^:\n]{0,40}:[^:;!?\n]{0,80}$/iu;
/** Attendance, roles and action-owner lines name colleagues. */
const COLLEAGUE_LINE_RE = new RegExp(
  '^[ \\t]{0,4}(?:[-*•·>][ \\t]{0,2})?(?:\\*\\*|__)?' +
    '(?:aanwezig(?:en)?|afwezig|afgemeld|afmeldingen|met kennisgeving|notulist|notulen|voorzitter|' +
    'secretaris|presentielijst|gast(?:en)?|gastspreker|spreker(?:s)?|inleider|actie(?:s|houder|houders|punt|punten)?|' +
    'contactpersoon|namens|deelnemers|verslag(?:legging)?|cc|attendees|present|absent|apologies|chair|minutes|' +
    'owner|actions?|wie)' +
    `${NA}[^:\\n]{0,40}:`,
  'iu',
);

/** Capitalised words that follow a trigger without being a name. */
const NOT_A_NAME = new Set(
  (
    'de het een en of in op met van voor naar bij uit is was wordt werd heeft had kan moet zal wil die dat deze dit ' +
    'er ze zij hij we wij ik u ook maar als om tot na niet geen wel nog al zo dan toen want omdat hier daar wie wat ' +
    'waar hoe zie graag vanuit over onder tijdens na portal actie besluit afspraak nb dr drs prof ir mr ing dokter ' +
    'heer mevrouw meneer patiënt patiënte pt van der den ter ten te la le du da dos el al ben bin ibn ' +
    'januari februari maart april mei juni juli augustus september oktober november december ' +
    'maandag dinsdag woensdag donderdag vrijdag zaterdag zondag'
  ).split(' '),
);
const PLACEHOLDER_NAMES = new Set(['x', 'y', 'z', 'x.', 'y.', 'z.', 'n.n.', 'nn', 'xx', 'xxx', 'nn.']);

// ---------------------------------------------------------------------------------------------------
// Detector regexes (global scans; per-match work is bounded).

const NAME_TRIGGER_RE = new RegExp(`${NB}(?:(${HONORIFIC})|(${PATIENT_NOUN}))(?![\\p{L}\\p{M}\\p{N}_])[ \\t]{1,3}`, 'gu');
const NAME_RE = new RegExp(`(?:${INITIALS})?${TUSSEN}${SURNAME}|${INITIALS}`, 'uy');
const SECOND_NAME_RE = new RegExp(`[ \\t]{1,2}(${TUSSEN}${SURNAME})`, 'uy');
const NAME_PAREN_RE = new RegExp(
  `[ \\t]?\\((?:(\\d{1,3})(?:[ \\t]?(?:jaar|jr\\.?|j\\.?))?(?:[ \\t]oud)?|(${YEAR})|(?:geb\\.?|\\*)[ \\t]?[^()\\n]{1,20})\\)`,
  'uy',
);
/** "dhr. Pietersen, 84 jaar", "Mevr. Yıldız, 79, COPD", "Mevrouw Pinas is 88 en …". */
const NAME_COMMA_AGE_RE = new RegExp(
  `(?:,[ \\t]{0,2}|[ \\t]{1,2}is[ \\t]{1,2})(\\d{1,3})(?:[ \\t]?(?:jaar|jr\\.?|j\\.)(?:[ \\t]oud)?${NA}|(?=[ \\t]?[,;)]|[ \\t](?:en|geworden)${NA}))`,
  'uy',
);

const JARIGE_RE = new RegExp(`${NB}(\\d{1,3})[ \\t]?-?[ \\t]?jarige?${NA}`, 'gu');
const NEXT_WORD_RE = /[ \t,]{1,3}([\p{L}\p{M}.-]{1,30})/uy;
/** "mw. 84 jaar", "man, 67 jaar", "patiënte van 92 met …": without "jaar" only after "van", so "patiënt 1:" passes. */
const AGE_UNIT = `[ \\t]?(?:jaar|jr\\.?|j\\.)(?:[ \\t]oud)?${NA}`;
const NOUN_AGE_RE = new RegExp(
  `${NB}(?:${HONORIFIC}|${PATIENT_NOUN}|${PERSON_NOUN})(?:` +
    `[ \\t]{1,2}van[ \\t]{1,2}(\\d{1,3})(?:${AGE_UNIT}|(?=[ \\t]?[,.;:)!?]|[ \\t](?:met|die|uit|en|is|heeft|wordt|was|had|in|op)${NA}))` +
    `|[ \\t]{0,2},?[ \\t]{0,2}(\\d{1,3})${AGE_UNIT}` +
    `|[ \\t]{0,2}\\((\\d{1,3})(?:[ \\t]?(?:jaar|jr\\.?|j\\.?))?(?:[ \\t]oud)?\\))`,
  'gu',
);

const BIRTH_KEYWORD_RE = new RegExp(
  `${NB}(?:${words(['geboortedatum', 'geb\\.?[ \\t]?datum', 'geb\\.[ \\t]?dat\\.?', 'geboren', 'geb\\.', 'date of birth', 'born'])}|GEBOORTEDATUM|[Gg]eb(?=[ \\t]{0,2}\\d)|[Dd]\\.[Oo]\\.[Bb]\\.?|DOB|[Dd]ob)` +
    `[ \\t]{0,3}(?:[:=][ \\t]{0,3}|(?:op|in|on)[ \\t]{1,3})?(${DATE}|${YEAR})${NA}`,
  'gu',
);
/** "geboren in 1966 of eerder": a cohort, not a person. */
const COHORT_AFTER_RE = /^[ \t]{1,3}(?:of|en)[ \t]{1,3}(?:eerder|later|ouder|jonger|daarna|daarvoor|na|voor)(?![\p{L}])/u;
const COHORT_BEFORE_RE =
  /(?<![\p{L}])(?:cohort|iedereen|allen|alle|patiënten|patienten|mensen|personen|vrouwen|mannen|kinderen|ouderen)(?![\p{L}])[^.;:\n]{0,15}$/iu;
const STAR_DATE_RE = new RegExp(`(?<![*\\p{L}\\p{N}])\\*[ \\t]?(${DATE})(?![*\\p{N}])`, 'gu');
const ANY_DATE_RE = new RegExp(`${NB}(?:${DATE}|${ISO_DATE})${NA}`, 'gu');

const BSN_RE =
  /(?<![\p{L}\p{N}_])(?<!\p{N}[ .-])(?<![+€$][ \t]?)(\d{9}|\d{3}([ .-])\d{3}\2\d{3}|\d{4}([ .])\d{2}\3\d{3}|\d{8})(?!\p{N})(?![ .-]\p{N})/gu;
const BSN_KEYWORD_RE = /(?<![\p{L}])(?:bsn|burger[ \t-]?service[ \t-]?(?:nummer|nr)|sofi[ \t-]?(?:nummer|nr)|sofinummer)/iu;
const PATIENT_CONTEXT_RE = new RegExp(
  `${NB}(?:${HONORIFIC}|${PATIENT_NOUN}|[Gg]eb\\.?|[Gg]eboren|[Gg]eboortedatum)${NA}`,
  'u',
);
/** Labels of numbers that share the 9-digit shape (RSIN even shares the 11-test). */
const OTHER_NUMBER_RE =
  /(?:factuur|order|bestel|kenmerk|referentie|ref\.|ticket|zaak|vergader|conference|meeting|inbel|pin|code|wachtwoord|iban|rekening|kvk|agb|big|uzi|ura|rsin|btw|vestigingsnummer|registratie|lidnummer|artikel|versie|postbus|klantnummer)/iu;
const URL_RE = /(?:https?:\/\/|www\.)[^\s<>"]{1,2000}/giu;

const RECORD_RE = new RegExp(
  `(?<![\\p{L}])(?:pati${E}nt(?:en)?[ \\t-]?(?:nummer|nr\\.?|id)|pat\\.?[ \\t]?nr\\.?|patnr\\.?|dossier[ \\t-]?(?:nummer|nr\\.?)|` +
    `his[ \\t-]?(?:nummer|nr\\.?)|zis[ \\t-]?(?:nummer|nr\\.?)|ziekenhuis[ \\t-]?(?:nummer|nr\\.?)|polis[ \\t-]?(?:nummer|nr\\.?)|` +
    `verzekerden[ \\t-]?(?:nummer|nr\\.?)|mrn)[ \\t]{0,3}[:#]?[ \\t]{0,3}((?:[a-z]{1,3}-?)?\\d[\\d./-]{2,14}\\d)(?![\\p{L}\\p{N}])`,
  'giu',
);

/** Street suffixes that are safe even in lowercase chat ("kerkstraat 12"). */
const STREET_SUFFIXES_SAFE = ['straat', 'laan', 'plein', 'gracht', 'kade', 'dijk', 'singel', 'dreef', 'steeg', 'plantsoen', 'burgwal', 'boulevard', 'allee', 'hofje'];
/** Suffixes that also end ordinary words (vergadering, loopbaan, arbeidsmarkt): only capitalised. */
const STREET_SUFFIXES_RISKY = ['hof', 'weg', 'pad', 'park', 'markt', 'baan', 'ring', 'wal', 'erf', 'kanaal', 'haven', 'oever', 'veld', 'dam', 'straatweg'];
const STREET_CANDIDATE_RE =
  /(?<![\p{L}\p{M}\p{N}_])([\p{L}\p{M}'’-]{4,40})[ \t]{1,2}(\d{1,5})(?![\p{N}]|[.:/]\d|-\d{1,2}[-/.]\d|[ \t]?(?:%|mg|uur|min|jaar|keer|x\b|euro|€))/gu;
const HOUSE_ADDITION_RE =
  /(?:[ \t]?-[ \t]?(?:\d{1,4}|[A-Za-z]{1,3})(?![\p{L}\p{N}])|[ \t]?[A-Za-z](?![\p{L}\p{N}])|[ \t](?:huis|hs|bg|sous|I{1,3}|IV|bis|zw|rd|boven|beneden|[1-9](?:e|ste|de|hg)|hg)(?![\p{L}\p{N}]))/uy;
const POSTCODE_AFTER_RE = /,?[ \t]{1,2}[1-9]\d{3}[ \t]?(?!SA|SD|SS)[A-Z]{2}(?![\p{L}])(?:,?[ \t]{1,2}\p{Lu}[\p{L}\p{M}-]{1,30})?/uy;
const POSTCODE_HOUSE_RE =
  /(?<![\p{L}\p{N}])[1-9]\d{3}[ \t]?(?!SA|SD|SS)[A-Z]{2}(?:[ \t]{1,2}|[ \t]?-[ \t]?)\d{1,5}(?![\p{N}\p{L}]|[ \t]?[A-Z]{2}(?![\p{L}])|[.:]\d)/gu;
const STREET_PREFIX_WORDS = new Set(
  (
    'burg. burgem. dr. prof. mr. st. gen. pr. kon. ds. jhr. pres. sint 1e 2e 3e eerste tweede derde nieuwe oude korte ' +
    'lange hoge lage noord zuid oost west prins prinses koningin koning'
  ).split(' '),
);
const LOWER_TUSSEN = new Set(['van', 'de', 'der', 'den', "'t", '’t', 'ter', 'ten', 'het', 'la', 'le']);
/** Organisation or venue nearby: a professional or meeting address. Substrings, so compounds match. */
const ORG_ADDRESS_CUE_RE =
  /(?:praktijk|apotheek|centrum|gezondheids|buurthuis|huisartsenpost|ziekenhuis|kliniek|kantoor|zaal|locatie|bezoekadres|postadres|vestiging|buurtteam|wijkteam|ggd|fysio|hospice|hotel|café|cafe|restaurant|bibliotheek|school|stichting|b\.v\.|verhuist|gevestigd|spreekuur|trombosedienst|laboratorium|polikliniek|(?<![\p{L}])(?:hap|gc|okt)(?![\p{L}]))/iu;
/** A person lives there: wins over organisation cues. */
const RESIDENCE_CUE_RE = new RegExp(
  `(?:woont|wonend|woonachtig|woonadres|thuisadres|huisadres|huisbezoek|bij (?:haar|hem) thuis|sleutelkluis|${NB}(?:${HONORIFIC}|${PATIENT_NOUN})${NA})`,
  'u',
);

// ---------------------------------------------------------------------------------------------------

export function checkPrivacy(text: string, options: PrivacyOptions = {}): PrivacyCheck {
  const ctx = new Context(text, options);
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
