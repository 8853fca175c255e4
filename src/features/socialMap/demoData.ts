/**
 * Deterministic synthetic social map for the demo seed (~400 partners) and benchmarks (100,000).
 *
 * Everything is invented: names are random combinations of common Dutch and Amsterdam first and last
 * names, organisations are generic "<discipline> <neighbourhood>" names, e-mail and websites use the
 * reserved `.example` domain, and telephone numbers have a 0 right after the area code (020-0…, 06-0…),
 * a range not handed out to subscribers, so nobody gets called by a demo. Street names are real
 * Amsterdam streets so that addresses look right in the wijk they claim to be in.
 */
import { DISCIPLINES, getDiscipline } from './disciplines';
import { dateToInstant } from './formats';
import { COMMUNICATION_CHANNELS, WEEKDAYS, type CommunicationChannel, type Partner, type Weekday } from './types';
import { WIJKEN, neighboursOf, type WijkDef } from './wijken';
import { DateTime } from 'luxon';

/** Reference "today" of the demo data; fixed so the same seed always gives the same map. */
export const DEMO_REFERENCE_DATE = '2026-11-23';

export interface DemoOptions {
  /** YYYY-MM-DD the check dates and intake-stop end dates are spread around. */
  today?: string;
}

/** Small, fast, seedable PRNG (mulberry32). Good enough for test data, not for anything secret. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_NAMES = [
  'Anna', 'Sanne', 'Lotte', 'Emma', 'Fleur', 'Iris', 'Noor', 'Eva', 'Julia', 'Marieke', 'Ingrid', 'Petra', 'Esther',
  'Fatima', 'Samira', 'Yasmina', 'Nadia', 'Aylin', 'Elif', 'Priya', 'Chantal', 'Ilse', 'Joyce', 'Naomi', 'Sophie',
  'Jan', 'Pieter', 'Thomas', 'Daan', 'Bram', 'Sander', 'Mark', 'Ruben', 'Koen', 'Jeroen', 'Mohamed', 'Youssef', 'Said',
  'Emre', 'Mehmet', 'Kofi', 'Ravi', 'Dennis', 'Stefan', 'Michiel', 'Wouter', 'Hans', 'Gerard', 'Ahmed', 'Rachid',
];
const LAST_NAMES = [
  'de Jong', 'Jansen', 'de Vries', 'van den Berg', 'van Dijk', 'Bakker', 'Janssen', 'Visser', 'Smit', 'Meijer',
  'de Boer', 'Mulder', 'de Groot', 'Bos', 'Vos', 'Peters', 'Hendriks', 'van Leeuwen', 'Dekker', 'Brouwer', 'de Wit',
  'Dijkstra', 'Smits', 'de Graaf', 'van der Meer', 'Kok', 'Jacobs', 'van der Linden', 'Vermeulen', 'van Wijk',
  'El Amrani', 'Bouzid', 'El Idrissi', 'Yilmaz', 'Kaya', 'Demir', 'Öztürk', 'Çelik', 'Pinas', 'Sedney', 'Kromodikromo',
  'Ramdin', 'Boateng', 'Mensah', 'Nguyen', 'Wong', 'Ferreira', 'Koster', 'Prins', 'Huisman', 'Postma', 'Zijlstra',
];
const COORDINATORS = ['M. Verbeek', 'S. Ouali', 'J. Hoekstra', 'R. Baldewsingh', 'L. van Rijn', 'E. Kaya'];

const STREETS: Record<string, string[]> = {
  centrum: ['Nieuwmarkt', 'Haarlemmerstraat', 'Rozengracht', 'Utrechtsestraat', 'Plantage Middenlaan', 'Elandsgracht'],
  noord: ['Van der Pekstraat', 'Buikslotermeerplein', 'Meeuwenlaan', 'Purmerweg', 'Nieuwendammerdijk', 'Waterlandplein'],
  west: ['Kinkerstraat', 'Jan Evertsenstraat', 'Van Limburg Stirumstraat', 'Spaarndammerstraat', 'De Clercqstraat'],
  'bos-en-lommer': ['Bos en Lommerweg', 'Admiraal de Ruijterweg', 'Erasmusgracht', 'Bos en Lommerplein'],
  'nieuw-west': ['Osdorpplein', 'Slotermeerlaan', 'Tussen Meer', 'Plesmanlaan', 'Burgemeester Roëllstraat'],
  slotervaart: ['Johan Huizingalaan', 'Confuciusplein', 'Louwesweg', 'Pieter Calandlaan', 'Comeniusstraat'],
  zuid: ['Van Baerlestraat', 'Beethovenstraat', 'Rijnstraat', 'Scheldestraat', 'Hoofddorpplein', 'Stadionweg'],
  'de-pijp': ['Ferdinand Bolstraat', 'Albert Cuypstraat', 'Van Woustraat', 'Sarphatipark', 'Ceintuurbaan'],
  buitenveldert: ['A.J. Ernststraat', 'Van Boshuizenstraat', 'De Cuserstraat', 'Buitenveldertselaan'],
  oost: ['Dapperstraat', 'Javastraat', 'Linnaeusstraat', 'Eerste van Swindenstraat', 'Wijttenbachstraat', 'Oosterparkstraat'],
  watergraafsmeer: ['Middenweg', 'Hugo de Vrieslaan', 'Kruislaan', 'Linnaeusparkweg', 'Christiaan Huygensplein'],
  ijburg: ['IJburglaan', 'Pampuslaan', 'Krijn Taconiskade', 'Haveneiland-Oost'],
  zuidoost: ['Bijlmerdreef', 'Ganzenhoef', 'Kraaiennest', 'Reigersbos', 'Anton de Komplein', 'Holendrechterweg'],
};

/** Relative frequency per discipline code; roughly what a GP neighbourhood's map looks like. */
const WEIGHTS: Record<string, number> = {
  fysiotherapie: 20, bekkenfysiotherapie: 3, oedeemtherapie: 2, kinderfysiotherapie: 2, geriatriefysiotherapie: 1.5,
  'manuele-therapie': 1.5, sportfysiotherapie: 1, oefentherapie: 3, logopedie: 6, dietetiek: 6, ergotherapie: 4,
  podotherapie: 3, 'poh-ggz': 5, psychologie: 3, 'basis-ggz': 4, 'gz-psycholoog': 3, wijkverpleging: 8,
  'specialist-ouderengeneeskunde': 2, apotheek: 5, verloskunde: 3, 'maatschappelijk-werk': 4, buurtteam: 2,
  'ouder-kindteam': 1, 'wmo-loket': 1, ggd: 0.5, 'casemanagement-dementie': 2, hospice: 0.5, 'palliatief-team': 1,
};

/** Disciplines whose entries are teams or venues rather than a named professional. */
const TEAMS = new Set(['wijkverpleging', 'apotheek', 'buurtteam', 'ouder-kindteam', 'wmo-loket', 'ggd', 'hospice', 'palliatief-team']);
const SEVEN_DAYS = new Set(['wijkverpleging', 'hospice', 'palliatief-team']);

const EXPERTISE_POOL: Record<string, string[]> = {
  fysiotherapie: ['nek', 'rug', 'schouder', 'knie', 'COPD', 'hartfalen', 'Parkinson', 'chronische pijn', 'sportblessures', 'valpreventie', 'dry needling', 'oncologie', 'long covid'],
  bekkenfysiotherapie: ['bekkenbodem', 'incontinentie', 'zwangerschap'],
  oedeemtherapie: ['lymfoedeem', 'oncologie', 'wondzorg'],
  kinderfysiotherapie: ['motoriek', 'kinderen'],
  geriatriefysiotherapie: ['valpreventie', 'dementie', 'Parkinson'],
  'manuele-therapie': ['nek', 'rug', 'hoofdpijn', 'duizeligheid'],
  sportfysiotherapie: ['sportblessures', 'knie', 'enkel'],
  oefentherapie: ['houding', 'rug', 'nek', 'bekkenbodem', 'COPD'],
  logopedie: ['afasie', 'slikproblemen', 'stotteren', 'taalontwikkeling', 'kinderen'],
  dietetiek: ['diabetes', 'overgewicht', 'ondervoeding', 'voedselallergie', 'nierdieet', 'hartfalen', 'eetstoornis'],
  ergotherapie: ['hulpmiddelen', 'woningaanpassing', 'dementie', 'CVA', 'reuma'],
  podotherapie: ['diabetische voet', 'steunzolen', 'reuma'],
  'poh-ggz': ['angst', 'depressie', 'burn-out', 'rouw', 'slaapproblemen', 'eenzaamheid'],
  psychologie: ['angst', 'depressie', 'trauma', 'EMDR', 'ADHD', 'autisme'],
  'basis-ggz': ['angst', 'depressie', 'burn-out', 'trauma', 'EMDR'],
  'gz-psycholoog': ['trauma', 'EMDR', 'eetstoornis', 'autisme', 'LHBTI'],
  wijkverpleging: ['wondzorg', 'stoma', 'palliatief', 'dementie', 'diabetes', 'COPD'],
  'specialist-ouderengeneeskunde': ['dementie', 'Parkinson', 'palliatief', 'ouderen'],
  apotheek: ['medicatiebeoordeling', 'baxterrollen', 'ouderen'],
  verloskunde: ['zwangerschap', 'kraamzorg'],
  'maatschappelijk-werk': ['schulden', 'huiselijk geweld', 'mantelzorg', 'eenzaamheid', 'opvoeding'],
  buurtteam: ['schulden', 'mantelzorg', 'eenzaamheid', 'huiselijk geweld'],
  'ouder-kindteam': ['opvoeding', 'jongeren', 'kinderen'],
  'wmo-loket': ['hulpmiddelen', 'woningaanpassing', 'mantelzorg'],
  ggd: ['vaccinatie', 'infectieziekten'],
  'casemanagement-dementie': ['dementie', 'mantelzorg'],
  hospice: ['palliatief', 'levenseinde'],
  'palliatief-team': ['palliatief', 'levenseinde', 'pijnbestrijding'],
};
const LANGUAGES = ['Engelstalig', 'Turkstalig', 'Arabisch', 'Berbers', 'Sranan', 'Papiaments'];

const CHANNEL_PREFERENCES: Record<string, CommunicationChannel[]> = {
  wijkverpleging: ['kis', 'telefoon', 'siilo', 'zorgmail'],
  'specialist-ouderengeneeskunde': ['siilo', 'zorgmail', 'telefoon'],
  apotheek: ['zorgmail', 'telefoon', 'siilo'],
  buurtteam: ['telefoon', 'email', 'zorgmail'],
  'palliatief-team': ['telefoon', 'siilo', 'kis'],
};
const DEFAULT_CHANNELS: CommunicationChannel[] = ['zorgdomein', 'siilo', 'zorgmail', 'telefoon', 'email', 'viplive'];

const INTAKE_NOTES = ['Vol tot nieuwe collega start', 'Alleen spoed, bel eerst', 'Wachtlijst gesloten', 'Tijdelijk minder capaciteit door ziekte'];

/** Synthetic partners; same (count, seed, today) → same partners, ids `demo-<seed>-<n>`. */
export function generatePartners(count: number, seed: number, opts: DemoOptions = {}): Partner[] {
  const rnd = createRandom(seed);
  const today = DateTime.fromISO(opts.today ?? DEMO_REFERENCE_DATE, { zone: 'Europe/Amsterdam' });
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const chance = (p: number): boolean => rnd() < p;
  const int = (lo: number, hi: number): number => lo + Math.floor(rnd() * (hi - lo + 1));
  const dayCache = new Map<number, { iso: string; instant: Date }>();
  const day = (offset: number): { iso: string; instant: Date } => {
    let d = dayCache.get(offset);
    if (!d) {
      const iso = today.plus({ days: offset }).toISODate()!;
      d = { iso, instant: dateToInstant(iso) };
      dayCache.set(offset, d);
    }
    return d;
  };
  const disciplineCodes = DISCIPLINES.map((d) => d.code).filter((c) => WEIGHTS[c]);
  const totalWeight = disciplineCodes.reduce((s, c) => s + WEIGHTS[c]!, 0);
  const pickDiscipline = (): string => {
    let r = rnd() * totalWeight;
    for (const c of disciplineCodes) if ((r -= WEIGHTS[c]!) < 0) return c;
    return disciplineCodes[0]!;
  };
  const usedNames = new Set<string>();

  const out: Partner[] = [];
  for (let i = 0; i < count; i++) {
    const discipline = pickDiscipline();
    const def = getDiscipline(discipline)!;
    const home: WijkDef = pick(WIJKEN);
    const street = pick(STREETS[home.code]!);
    const placeName = chance(0.5) ? street.replace(/(straat|weg|laan|plein|gracht|kade|dreef|park|dijk)$/i, '') : home.name;
    const team = TEAMS.has(discipline);

    let name: string;
    let organisation: string | null;
    const orgBase = `${def.nl.replace(/ \(.*\)$/, '').replace(/ \/.*$/, '')} ${placeName}`.trim();
    if (team) {
      name = `${orgBase}${chance(0.3) ? ` ${int(1, 4)}` : ''}`;
      organisation = chance(0.6) ? `Stichting ${pick(['Amstel', 'IJ', 'Noorderlicht', 'Stadshart', 'Zorgnetwerk'])}zorg` : null;
    } else {
      name = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
      organisation = chance(0.85) ? pick([orgBase, `Praktijk ${placeName}`, `${pick(['Gezondheidscentrum', 'Zorgcentrum'])} ${placeName}`]) : null;
    }
    // Name + organisation is the identity without an AGB-code: keep it unique or the CSV round trip fails.
    for (let n = 2; usedNames.has(identity(name, organisation)); n++) name = `${name.replace(/ \(\d+\)$/, '')} (${n})`;
    usedNames.add(identity(name, organisation));

    const wijken = chance(0.1) ? [] : [home.code, ...(chance(0.3) ? [pick(neighboursOf(home.code))] : [])];
    const postcodeAreas = chance(0.2) ? [...new Set([pick(home.pc4), pick(home.pc4)])].sort() : [];
    const postcode = `${pick(home.pc4)} ${postcodeLetters(rnd)}`;

    const workdays: Weekday[] = SEVEN_DAYS.has(discipline)
      ? [...WEEKDAYS]
      : chance(0.1)
        ? []
        : chance(0.4)
          ? ['ma', 'di', 'wo', 'do', 'vr']
          : WEEKDAYS.slice(0, 5).filter(() => chance(0.65));

    const hasStop = !team && chance(0.12);
    const until = hasStop && chance(0.5) ? day(int(-20, 120)).iso : null;

    const pool = EXPERTISE_POOL[discipline] ?? [];
    const expertise = [...new Set(Array.from({ length: int(0, Math.min(3, pool.length)) }, () => pick(pool)))];
    if (chance(0.12)) expertise.push(pick(LANGUAGES));

    const prefs = CHANNEL_PREFERENCES[discipline] ?? DEFAULT_CHANNELS;
    const communication = [...new Set(Array.from({ length: int(1, 3) }, () => pick(prefs)))].filter((c) =>
      (COMMUNICATION_CHANNELS as readonly string[]).includes(c),
    );

    const slug = slugify(organisation ?? name);
    const age = rnd();
    const checkedOffset = age < 0.05 ? null : age < 0.65 ? -int(0, 28) : age < 0.9 ? -int(29, 90) : -int(91, 400);
    const checked = checkedOffset === null ? null : day(checkedOffset);

    out.push({
      id: `demo-${seed}-${i}`,
      name,
      organisation,
      discipline,
      expertise,
      wijken,
      postcodeAreas,
      address: `${street} ${int(1, 250)}${chance(0.2) ? pick(['A', 'B', '-H', '-1']) : ''}`,
      city: 'Amsterdam',
      postcode,
      workdays,
      intakeStop: { active: hasStop, until, note: hasStop && chance(0.5) ? pick(INTAKE_NOTES) : null },
      waitWeeks: team ? 0 : chance(0.7) ? int(0, 12) : null,
      // A 0 after the area code is not in use for subscribers: safe to show in a demo.
      phone: chance(0.3) ? `06-0${digits(rnd, 7)}` : `020-0${digits(rnd, 6)}`,
      email: chance(0.9) ? `${team || chance(0.5) ? 'info' : slugify(name.split(' ')[0]!)}@${slug}.example` : null,
      website: chance(0.7) ? `https://www.${slug}.example` : null,
      communication,
      agb: chance(0.85) ? `${def.cod016 ?? '90'}${String(i % 1_000_000).padStart(6, '0')}` : null,
      lastCheckedAt: checked?.instant ?? null,
      lastCheckedBy: checked && chance(0.9) ? pick(COORDINATORS) : null,
    });
  }
  return out;
}

function identity(name: string, organisation: string | null): string {
  return `${name}|${organisation ?? ''}`.toLowerCase().replace(/\s+/g, '');
}

function postcodeLetters(rnd: () => number): string {
  const letters = 'ABCDEFGHJKLMNPRSTVWXZ';
  for (;;) {
    const pair = letters[Math.floor(rnd() * letters.length)]! + letters[Math.floor(rnd() * letters.length)]!;
    if (pair !== 'SA' && pair !== 'SD' && pair !== 'SS') return pair;
  }
}

function digits(rnd: () => number, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(rnd() * 10);
  return s;
}

function slugify(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40)
    .replace(/^-+|-+$/g, '');
}

/**
 * A handful of fixed demo entries so that the examples in the README and the help text find something
 * ("fysio bekkenbodem Oost zonder opnamestop", "POH GGZ Noord", "dietist Zuidoost"); the generated map
 * around them is random and might not. Synthetic names; `.example` domains; telephone numbers not in use.
 */
export function showcasePartners(today: string): Partner[] {
  const checked = DateTime.fromISO(today, { zone: 'Europe/Amsterdam' }).minus({ days: 12 }).startOf('day').toJSDate();
  const stopUntil = DateTime.fromISO(today).plus({ weeks: 6 }).toISODate()!;
  const base = {
    city: 'Amsterdam', postcodeAreas: [] as string[], email: null, website: null, agb: null,
    lastCheckedAt: checked, lastCheckedBy: 'Demo Coördinator', intakeStop: { active: false, until: null, note: null },
  };
  return [
    {
      ...base, id: 'demo-showcase-1', name: 'Lotte van den Broek', organisation: 'Bekkenpraktijk Dapperbuurt', discipline: 'bekkenfysiotherapie',
      expertise: ['bekkenbodem', 'zwangerschap', 'incontinentie'], wijken: ['oost'], address: 'Dapperstraat 12', postcode: '1093 BS',
      workdays: ['ma', 'di', 'do'], waitWeeks: 1, phone: '020-0111201', email: 'info@bekkenpraktijk-dapperbuurt.example', communication: ['zorgdomein', 'siilo', 'telefoon'], agb: '04012345',
    },
    {
      ...base, id: 'demo-showcase-2', name: 'Sem Bakker', organisation: 'Fysio Indische Buurt', discipline: 'bekkenfysiotherapie',
      expertise: ['bekkenbodem', 'prostaat'], wijken: ['oost'], address: 'Javastraat 90', postcode: '1094 HK',
      workdays: ['di', 'wo', 'vr'], waitWeeks: 4, phone: '020-0111202', communication: ['zorgmail', 'telefoon'],
      intakeStop: { active: true, until: stopUntil, note: 'vol tot na de zomer' },
    },
    {
      ...base, id: 'demo-showcase-3', name: 'Yara El Idrissi', organisation: 'Huisartsen Noord (POH-GGZ)', discipline: 'poh-ggz',
      expertise: ['angst', 'somberheid', 'jongeren'], wijken: ['noord'], address: 'Buikslotermeerplein 3', postcode: '1025 XL',
      workdays: ['ma', 'wo', 'do'], waitWeeks: 2, phone: '020-0111203', communication: ['kis', 'siilo'],
    },
    {
      ...base, id: 'demo-showcase-4', name: 'Daan Peters', organisation: 'Diëtistenpraktijk Bijlmer', discipline: 'dietetiek',
      expertise: ['diabetes', 'ondervoeding'], wijken: ['zuidoost'], address: 'Bijlmerplein 77', postcode: '1102 DB',
      workdays: ['di', 'do'], waitWeeks: 1, phone: '020-0111204', communication: ['zorgdomein', 'email'], email: 'bijlmer@dietisten.example',
    },
  ];
}
