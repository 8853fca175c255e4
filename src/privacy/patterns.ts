/**
 * The privacy guard's vocabulary: Dutch honorifics, patient and person nouns, roles and organisations that
 * mark a colleague, date shapes, BSN and record-number shapes, street suffixes and address cues, built into
 * the regexes the detectors in privacyGuard.ts run. Every regex is linear-time (see privacyGuard.ts).
 */
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
export const PERSON_NOUNS = [
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
export const ROLE_BEFORE_RE = new RegExp(
  `${NB}${ROLE}(?:[ \\t]{1,2}\\p{Ll}[\\p{L}\\p{M}-]{0,20}){0,2}[ \\t]{0,2}[:,(–-]?[ \\t]{0,2}$`,
  'u',
);
/** "mw. Jansen (POH-GGZ)", "dhr. Bakker, huisarts", "mevrouw El Amrani van Buurtzorg Oost". */
export const ROLE_AFTER_RE = new RegExp(
  `^(?:[ \\t]{0,2}[,(–-][ \\t]{0,2}|[ \\t]{1,2}(?:van|namens|bij|uit)[ \\t]{1,2}(?:(?:de|het)[ \\t]{1,2})?)(?:${ROLE}|${ORG})${NA}`,
  'u',
);
/** "gecontroleerd door mw. Visser", "Verslaglegging door mevrouw Van Dam": organisational work is done by colleagues. */
export const ORG_WORK_BY_RE =
  /(?<![\p{L}])(?:gecontroleerd|nagekeken|bijgewerkt|verslaglegging|notulen|genotuleerd|voorbereid|gepresenteerd|ingeleid|georganiseerd|voorgezeten|verzorgd|opgesteld|geschreven|ondertekend|goedgekeurd|verstuurd|rondgestuurd|ingebracht)(?:[ \t][^\n.;:]{1,25})?[ \t]{1,2}door[ \t]{1,2}$/iu;
/** "nieuwe aanmeldingen voor de klankbordgroep: mw. Kok, dhr. Bos en …": a membership list. Not "aanmelding":
 *  "aanmelding register: mevrouw X" is a patient entering the palliative register. */
export const MEMBERSHIP_LIST_RE =
  /(?<![\p{L}])(?:klankbordgroep|werkgroep|commissie|bestuur|raad|leden|deelnemers|sprekers|stuurgroep|redactie|toetsgroep)(?![\p{L}])[^:\n]{0,40}:[^:;!?\n]{0,80}$/iu;
/** Attendance, roles and action-owner lines name colleagues. */
export const COLLEAGUE_LINE_RE = new RegExp(
  '^[ \\t]{0,4}(?:[-*•·>][ \\t]{0,2})?(?:\\*\\*|__)?' +
    '(?:aanwezig(?:en)?|afwezig|afgemeld|afmeldingen|met kennisgeving|notulist|notulen|voorzitter|' +
    'secretaris|presentielijst|gast(?:en)?|gastspreker|spreker(?:s)?|inleider|actie(?:s|houder|houders|punt|punten)?|' +
    'contactpersoon|namens|deelnemers|verslag(?:legging)?|cc|attendees|present|absent|apologies|chair|minutes|' +
    'owner|actions?|wie)' +
    `${NA}[^:\\n]{0,40}:`,
  'iu',
);

/** Capitalised words that follow a trigger without being a name. */
export const NOT_A_NAME = new Set(
  (
    'de het een en of in op met van voor naar bij uit is was wordt werd heeft had kan moet zal wil die dat deze dit ' +
    'er ze zij hij we wij ik u ook maar als om tot na niet geen wel nog al zo dan toen want omdat hier daar wie wat ' +
    'waar hoe zie graag vanuit over onder tijdens na portal actie besluit afspraak nb dr drs prof ir mr ing dokter ' +
    'heer mevrouw meneer patiënt patiënte pt van der den ter ten te la le du da dos el al ben bin ibn ' +
    'januari februari maart april mei juni juli augustus september oktober november december ' +
    'maandag dinsdag woensdag donderdag vrijdag zaterdag zondag'
  ).split(' '),
);
export const PLACEHOLDER_NAMES = new Set(['x', 'y', 'z', 'x.', 'y.', 'z.', 'n.n.', 'nn', 'xx', 'xxx', 'nn.']);

// ---------------------------------------------------------------------------------------------------
// Detector regexes (global scans; per-match work is bounded).

export const NAME_TRIGGER_RE = new RegExp(`${NB}(?:(${HONORIFIC})|(${PATIENT_NOUN}))(?![\\p{L}\\p{M}\\p{N}_])[ \\t]{1,3}`, 'gu');
export const NAME_RE = new RegExp(`(?:${INITIALS})?${TUSSEN}${SURNAME}|${INITIALS}`, 'uy');
export const SECOND_NAME_RE = new RegExp(`[ \\t]{1,2}(${TUSSEN}${SURNAME})`, 'uy');
export const NAME_PAREN_RE = new RegExp(
  `[ \\t]?\\((?:(\\d{1,3})(?:[ \\t]?(?:jaar|jr\\.?|j\\.?))?(?:[ \\t]oud)?|(${YEAR})|(?:geb\\.?|\\*)[ \\t]?[^()\\n]{1,20})\\)`,
  'uy',
);
/** "dhr. Pietersen, 84 jaar", "Mevr. Yıldız, 79, COPD", "Mevrouw Pinas is 88 en …". */
export const NAME_COMMA_AGE_RE = new RegExp(
  `(?:,[ \\t]{0,2}|[ \\t]{1,2}is[ \\t]{1,2})(\\d{1,3})(?:[ \\t]?(?:jaar|jr\\.?|j\\.)(?:[ \\t]oud)?${NA}|(?=[ \\t]?[,;)]|[ \\t](?:en|geworden)${NA}))`,
  'uy',
);

export const JARIGE_RE = new RegExp(`${NB}(\\d{1,3})[ \\t]?-?[ \\t]?jarige?${NA}`, 'gu');
export const NEXT_WORD_RE = /[ \t,]{1,3}([\p{L}\p{M}.-]{1,30})/uy;
/** "mw. 84 jaar", "man, 67 jaar", "patiënte van 92 met …": without "jaar" only after "van", so "patiënt 1:" passes. */
const AGE_UNIT = `[ \\t]?(?:jaar|jr\\.?|j\\.)(?:[ \\t]oud)?${NA}`;
export const NOUN_AGE_RE = new RegExp(
  `${NB}(?:${HONORIFIC}|${PATIENT_NOUN}|${PERSON_NOUN})(?:` +
    `[ \\t]{1,2}van[ \\t]{1,2}(\\d{1,3})(?:${AGE_UNIT}|(?=[ \\t]?[,.;:)!?]|[ \\t](?:met|die|uit|en|is|heeft|wordt|was|had|in|op)${NA}))` +
    `|[ \\t]{0,2},?[ \\t]{0,2}(\\d{1,3})${AGE_UNIT}` +
    `|[ \\t]{0,2}\\((\\d{1,3})(?:[ \\t]?(?:jaar|jr\\.?|j\\.?))?(?:[ \\t]oud)?\\))`,
  'gu',
);

export const BIRTH_KEYWORD_RE = new RegExp(
  `${NB}(?:${words(['geboortedatum', 'geb\\.?[ \\t]?datum', 'geb\\.[ \\t]?dat\\.?', 'geboren', 'geb\\.', 'date of birth', 'born'])}|GEBOORTEDATUM|[Gg]eb(?=[ \\t]{0,2}\\d)|[Dd]\\.[Oo]\\.[Bb]\\.?|DOB|[Dd]ob)` +
    `[ \\t]{0,3}(?:[:=][ \\t]{0,3}|(?:op|in|on)[ \\t]{1,3})?(${DATE}|${YEAR})${NA}`,
  'gu',
);
/** "geboren in 1966 of eerder": a cohort, not a person. */
export const COHORT_AFTER_RE = /^[ \t]{1,3}(?:of|en)[ \t]{1,3}(?:eerder|later|ouder|jonger|daarna|daarvoor|na|voor)(?![\p{L}])/u;
export const COHORT_BEFORE_RE =
  /(?<![\p{L}])(?:cohort|iedereen|allen|alle|patiënten|patienten|mensen|personen|vrouwen|mannen|kinderen|ouderen)(?![\p{L}])[^.;:\n]{0,15}$/iu;
export const STAR_DATE_RE = new RegExp(`(?<![*\\p{L}\\p{N}])\\*[ \\t]?(${DATE})(?![*\\p{N}])`, 'gu');
export const ANY_DATE_RE = new RegExp(`${NB}(?:${DATE}|${ISO_DATE})${NA}`, 'gu');

export const BSN_RE =
  /(?<![\p{L}\p{N}_])(?<!\p{N}[ .-])(?<![+€$][ \t]?)(\d{9}|\d{3}([ .-])\d{3}\2\d{3}|\d{4}([ .])\d{2}\3\d{3}|\d{8})(?!\p{N})(?![ .-]\p{N})/gu;
export const BSN_KEYWORD_RE = /(?<![\p{L}])(?:bsn|burger[ \t-]?service[ \t-]?(?:nummer|nr)|sofi[ \t-]?(?:nummer|nr)|sofinummer)/iu;
export const PATIENT_CONTEXT_RE = new RegExp(
  `${NB}(?:${HONORIFIC}|${PATIENT_NOUN}|[Gg]eb\\.?|[Gg]eboren|[Gg]eboortedatum)${NA}`,
  'u',
);
/** Labels of numbers that share the 9-digit shape (RSIN even shares the 11-test). */
export const OTHER_NUMBER_RE =
  /(?:factuur|order|bestel|kenmerk|referentie|ref\.|ticket|zaak|vergader|conference|meeting|inbel|pin|code|wachtwoord|iban|rekening|kvk|agb|big|uzi|ura|rsin|btw|vestigingsnummer|registratie|lidnummer|artikel|versie|postbus|klantnummer)/iu;
export const URL_RE = /(?:https?:\/\/|www\.)[^\s<>"]{1,2000}/giu;

export const RECORD_RE = new RegExp(
  `(?<![\\p{L}])(?:pati${E}nt(?:en)?[ \\t-]?(?:nummer|nr\\.?|id)|pat\\.?[ \\t]?nr\\.?|patnr\\.?|dossier[ \\t-]?(?:nummer|nr\\.?)|` +
    `his[ \\t-]?(?:nummer|nr\\.?)|zis[ \\t-]?(?:nummer|nr\\.?)|ziekenhuis[ \\t-]?(?:nummer|nr\\.?)|polis[ \\t-]?(?:nummer|nr\\.?)|` +
    `verzekerden[ \\t-]?(?:nummer|nr\\.?)|mrn)[ \\t]{0,3}[:#]?[ \\t]{0,3}((?:[a-z]{1,3}-?)?\\d[\\d./-]{2,14}\\d)(?![\\p{L}\\p{N}])`,
  'giu',
);

/** Street suffixes that are safe even in lowercase chat ("kerkstraat 12"). */
export const STREET_SUFFIXES_SAFE = ['straat', 'laan', 'plein', 'gracht', 'kade', 'dijk', 'singel', 'dreef', 'steeg', 'plantsoen', 'burgwal', 'boulevard', 'allee', 'hofje'];
/** Suffixes that also end ordinary words (vergadering, loopbaan, arbeidsmarkt): only capitalised. */
export const STREET_SUFFIXES_RISKY = ['hof', 'weg', 'pad', 'park', 'markt', 'baan', 'ring', 'wal', 'erf', 'kanaal', 'haven', 'oever', 'veld', 'dam', 'straatweg'];
export const STREET_CANDIDATE_RE =
  /(?<![\p{L}\p{M}\p{N}_])([\p{L}\p{M}'’-]{4,40})[ \t]{1,2}(\d{1,5})(?![\p{N}]|[.:/]\d|-\d{1,2}[-/.]\d|[ \t]?(?:%|mg|uur|min|jaar|keer|x\b|euro|€))/gu;
export const HOUSE_ADDITION_RE =
  /(?:[ \t]?-[ \t]?(?:\d{1,4}|[A-Za-z]{1,3})(?![\p{L}\p{N}])|[ \t]?[A-Za-z](?![\p{L}\p{N}])|[ \t](?:huis|hs|bg|sous|I{1,3}|IV|bis|zw|rd|boven|beneden|[1-9](?:e|ste|de|hg)|hg)(?![\p{L}\p{N}]))/uy;
export const POSTCODE_AFTER_RE = /,?[ \t]{1,2}[1-9]\d{3}[ \t]?(?!SA|SD|SS)[A-Z]{2}(?![\p{L}])(?:,?[ \t]{1,2}\p{Lu}[\p{L}\p{M}-]{1,30})?/uy;
export const POSTCODE_HOUSE_RE =
  /(?<![\p{L}\p{N}])[1-9]\d{3}[ \t]?(?!SA|SD|SS)[A-Z]{2}(?:[ \t]{1,2}|[ \t]?-[ \t]?)\d{1,5}(?![\p{N}\p{L}]|[ \t]?[A-Z]{2}(?![\p{L}])|[.:]\d)/gu;
export const STREET_PREFIX_WORDS = new Set(
  (
    'burg. burgem. dr. prof. mr. st. gen. pr. kon. ds. jhr. pres. sint 1e 2e 3e eerste tweede derde nieuwe oude korte ' +
    'lange hoge lage noord zuid oost west prins prinses koningin koning'
  ).split(' '),
);
export const LOWER_TUSSEN = new Set(['van', 'de', 'der', 'den', "'t", '’t', 'ter', 'ten', 'het', 'la', 'le']);
/** Organisation or venue nearby: a professional or meeting address. Substrings, so compounds match. */
export const ORG_ADDRESS_CUE_RE =
  /(?:praktijk|apotheek|centrum|gezondheids|buurthuis|huisartsenpost|ziekenhuis|kliniek|kantoor|zaal|locatie|bezoekadres|postadres|vestiging|buurtteam|wijkteam|ggd|fysio|hospice|hotel|café|cafe|restaurant|bibliotheek|school|stichting|b\.v\.|verhuist|gevestigd|spreekuur|trombosedienst|laboratorium|polikliniek|(?<![\p{L}])(?:hap|gc|okt)(?![\p{L}]))/iu;
/** A person lives there: wins over organisation cues. */
export const RESIDENCE_CUE_RE = new RegExp(
  `(?:woont|wonend|woonachtig|woonadres|thuisadres|huisadres|huisbezoek|bij (?:haar|hem) thuis|sleutelkluis|${NB}(?:${HONORIFIC}|${PATIENT_NOUN})${NA})`,
  'u',
);

