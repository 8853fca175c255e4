import { isElfproef, bsnDigits } from '../../../src/privacy/bsn';
import { normaliseText } from '../../../src/text/normalise';
import {
  checkPrivacy,
  checkPrivacyOfFields,
  describeFindings,
  type Finding,
  type PrivacyOptions,
} from '../../../src/privacy/privacyGuard';
import { EVAL_REFERENCE_DATE, loadSet, medianMs, realisticSummary, score } from '../../../scripts/privacy-eval';

const opts: PrivacyOptions = { referenceDate: new Date('2026-12-01T12:00:00Z') };
const check = (text: string, o: PrivacyOptions = {}): Finding[] => checkPrivacy(text, { ...opts, ...o }).findings;
const summary = (text: string): string[] => check(text).map((f) => `${f.kind}:${f.fragment}`);

describe('isElfproef', () => {
  it('accepts numbers that pass the 11-test', () => {
    expect(isElfproef('111222333')).toBe(true);
    expect(isElfproef('123456782')).toBe(true);
    expect(isElfproef('1234.56.782')).toBe(true);
    expect(isElfproef('123 456 782')).toBe(true);
  });
  it('rejects failing checksums, all zeros and non-numbers', () => {
    expect(isElfproef('123456789')).toBe(false);
    expect(isElfproef('000000000')).toBe(false);
    expect(isElfproef('12345678a')).toBe(false);
    expect(isElfproef('1234567')).toBe(false);
    expect(isElfproef('1234567890')).toBe(false);
  });
  it('reads an 8-digit number as a BSN whose leading zero was dropped', () => {
    expect(bsnDigits('12345672')).toBe('012345672');
    expect(isElfproef('12345672')).toBe(isElfproef('012345672'));
  });
});

describe('checkPrivacy: findings carry exact fragments and offsets', () => {
  it('reports "dhr. Jansen" with its offsets', () => {
    const text = 'Besproken: dhr. Jansen heeft pijn.';
    const [f, ...rest] = check(text);
    expect(rest).toEqual([]);
    expect(f).toEqual({ kind: 'patientName', fragment: 'dhr. Jansen', start: 11, end: 22, severity: 'block', confidence: 'high' });
    expect(text.slice(f!.start, f!.end)).toBe('dhr. Jansen');
  });

  it('reports name and age as separate fragments', () => {
    const text = 'Mevr. Yilmaz (83) staat op de wachtlijst.';
    expect(summary(text)).toEqual(['patientName:Mevr. Yilmaz', 'patientAge:(83)']);
    const age = check(text)[1]!;
    expect([age.start, age.end]).toEqual([13, 17]);
  });

  it('every fragment equals text.slice(start, end) and is trimmed, on every labelled text', () => {
    for (const file of ['privacy-labelled.json', 'privacy-labelled-holdout.json', 'privacy-labelled-holdout2.json']) {
      for (const item of loadSet(file)) {
        for (const f of check(item.text)) {
          expect(normaliseText(item.text).slice(f.start, f.end)).toBe(f.fragment);
          expect(f.fragment).toBe(f.fragment.trim());
          expect(f.severity).toBe('block');
        }
      }
    }
  });

  it('keeps offsets in UTF-16 units of the normalised text after emoji and decomposed characters', () => {
    const text = '👍 Patie\u0308nte Öztürk belt morgen.';
    const [f] = check(text);
    expect(f!.kind).toBe('patientName');
    expect(normaliseText(text).slice(f!.start, f!.end)).toBe('Patiënte Öztürk');
    expect(f!.fragment).toBe('Patiënte Öztürk');
  });
});

describe('checkPrivacy: BSN', () => {
  it('flags a labelled number even when the checksum fails (8 or 9 digits)', () => {
    expect(summary('bsn 123456789')).toEqual(['bsn:123456789']);
    expect(summary('BSN-nummer 23478873 klopt niet')).toEqual(['bsn:23478873']);
    expect(summary('Burgerservicenummer: 1234.56.782')).toEqual(['bsn:1234.56.782']);
  });
  it('flags a valid BSN next to patient context with high confidence', () => {
    expect(check('Pt 234836246 gebruikt tramadol.')).toMatchObject([{ kind: 'bsn', confidence: 'high' }]);
  });
  it('flags a bare elfproef-valid number with medium confidence, unless the policy requires context', () => {
    expect(check('Terugbellen over 234733299.')).toMatchObject([{ kind: 'bsn', fragment: '234733299', confidence: 'medium' }]);
    expect(check('Terugbellen over 234733299.', { flagBsnWithoutContext: false })).toEqual([]);
  });
  it('ignores numbers that fail the checksum without a BSN label', () => {
    expect(check('Ordernummer 345679231 voor de scholingsmap.')).toEqual([]);
    expect(check('Terugbellen over 345679231.')).toEqual([]);
  });
  it.each([
    ['RSIN van de stichting: 234836246.'],
    ['Factuurnummer 234978788 is betaald.'],
    ['UZI-nummer 234685785 van de praktijkpas.'],
    ['telefonische vergaderings-id: 234820408#'],
    ['Bel 234820408 #'],
    ['https://teams.microsoft.com/l/meetup-join/19%3ameeting_235374738%40thread.v2/0'],
    ['Vergaderings-id: 345 678 912 345'],
    ['Buurtteam: +31 6 1234 5678'],
    ['HAP 020-5551234, coördinator 06-12345678, 0612345678'],
    ['NL91ABNA0417164300 en NL91 ABNA 0417 1643 00'],
    ['BIG-nummer 19012345601'],
  ])('is not fooled by other numbers: %s', (text) => {
    expect(check(text)).toEqual([]);
  });
});

describe('checkPrivacy: dates of birth', () => {
  it.each([
    ['Baxterrol sinds maandag, geb. 12-03-1954.', 'geb. 12-03-1954'],
    ['geboren op 12 maart 1954 in Paramaribo', 'geboren op 12 maart 1954'],
    ['Geboortedatum: 07-11-1938, pancreascarcinoom', 'Geboortedatum: 07-11-1938'],
    ['dob 12/03/1954 - polyfarmacie', 'dob 12/03/1954'],
    ['Bespreking *14-2-1945, longcarcinoom', '*14-2-1945'],
    ['Geb. 1938, voorkeur hospice', 'Geb. 1938'],
    ['Born 12 March 1950, referred', 'Born 12 March 1950'],
    ['Medicatiereview voor de patiënt van 12-03-1948.', '12-03-1948'],
  ])('%s', (text, fragment) => {
    expect(check(text)).toMatchObject([{ kind: 'birthDate', fragment }]);
  });
  it('reads a year in parentheses after a patient name as a birth year', () => {
    expect(summary('Dhr. J.P. van der Meer (1949) is opgenomen.')).toEqual(['patientName:Dhr. J.P. van der Meer', 'birthDate:(1949)']);
  });
  it.each([
    'Vergadering 8-12-2026 om 12:30.',
    'Deadline voor de jaaragenda: 15 januari.',
    'Sinds 1 januari 2024 declareren we via de zorggroep.',
    'Welke datum: 12-01-2027 of 19-01-2027?',
    'De NHG-standaard (2023) vervangt de versie uit 2018.',
    'Patiënten geboren vóór 1950 krijgen een uitnodiging.',
    'Griepprik voor het cohort geboren in 1966 of eerder.',
    '**Datum:** 8-12-2026',
    'Versie 2.3.1 en afspraak 2024-07.',
  ])('passes ordinary dates: %s', (text) => {
    expect(check(text)).toEqual([]);
  });
  it('treats a full date as a birth date only when it is at least 18 years before the reference date', () => {
    expect(check('Datum: 1-12-2008', { referenceDate: new Date('2026-12-01') })).toMatchObject([{ kind: 'birthDate' }]);
    expect(check('Datum: 1-12-2009', { referenceDate: new Date('2026-12-01') })).toEqual([]);
  });
});

describe('checkPrivacy: patient names versus colleagues', () => {
  it.each([
    ['Mw. De Vries krijgt wijkverpleging.', 'Mw. De Vries'],
    ['Gesprek met mevrouw El Amrani.', 'mevrouw El Amrani'],
    ['Zorg voor mw. van den Berg.', 'mw. van den Berg'],
    ['Meneer Pietersen is overleden.', 'Meneer Pietersen'],
    ['Actie: dhr. Bakker belt patiënt Jansen.', 'patiënt Jansen'],
    ['Pt. K. weigert de pomp.', 'Pt. K.'],
    ['Wie kent mevrouw Martina Hoekstra?', 'mevrouw Martina Hoekstra'],
    ['Familie van mw. Groenewegen vraagt naar euthanasie.', 'mw. Groenewegen'],
  ])('%s', (text, fragment) => {
    expect(check(text)).toMatchObject([{ kind: 'patientName', fragment }]);
  });
  it.each([
    'dr. Bakker licht de NHG-standaard M84 toe.',
    'Huisarts Jansen en apotheker De Vries bereiden het FTO voor.',
    'Aanwezig: dhr. Bakker, mw. El Amrani, mw. dr. Visser, dhr. Smit (apotheker).',
    'Voorzitter: mw. De Graaf; notulist: dhr. Yılmaz.',
    'Apotheker mw. Öztürk presenteert de cijfers.',
    'Actie: mw. Jansen (POH-GGZ) stuurt de update rond.',
    'Nieuwe deelnemer: wijkverpleegkundige mevrouw El Amrani van Buurtzorg Oost.',
    'Mevrouw de voorzitter dankt iedereen.',
    'Accreditatie: 2 pt. Aangevraagd bij GAIA.',
    'Schrijf patiënt X of patiënt A, nooit een naam.',
    'Verslaglegging door mevrouw Van Dam.',
  ])('passes colleagues and placeholders: %s', (text) => {
    expect(check(text)).toEqual([]);
  });
  it('does not excuse a colleague-looking line when an age follows the name', () => {
    expect(summary('Aanwezig: mw. Hendriks (87)')).toEqual(['patientName:mw. Hendriks', 'patientAge:(87)']);
  });
});

describe('checkPrivacy: ages and addresses', () => {
  it.each([
    ['Casus: een 84-jarige patiënte met hartfalen.', '84-jarige patiënte'],
    ['mw. 84 jaar, valt vaak.', 'mw. 84 jaar'],
    ['Een alleenstaande vrouw van 91 uit de Pijp.', 'vrouw van 91'],
    ['De 102-jarige uit de Indische buurt.', '102-jarige'],
  ])('flags an age tied to one person: %s', (text, fragment) => {
    expect(check(text)).toMatchObject([{ kind: 'patientAge', fragment }]);
  });
  it.each([
    'Geen oxazepam bij nieuwe patiënten ouder dan 75 jaar.',
    'Valpreventie bij 75-plussers.',
    'Kinderen tot 12 jaar via het OKT.',
    'We vieren het 25-jarige bestaan van de wijkgroep.',
    'Gemiddelde leeftijd van de besproken patiënten: 81 jaar.',
  ])('passes population ages: %s', (text) => {
    expect(check(text)).toEqual([]);
  });
  it('flags a home address and extends the fragment over the street name and postcode', () => {
    expect(summary('Huisbezoek bij dhr. Smit, Burg. de Vlugtlaan 123-2, 1063 BT Amsterdam.')).toEqual([
      'patientName:dhr. Smit',
      'address:Burg. de Vlugtlaan 123-2, 1063 BT Amsterdam',
    ]);
    expect(summary('Meneer woont op de Vondelstraat 41-1.')).toEqual(['address:Vondelstraat 41-1']);
    expect(summary('Javastraat 45 huis: sleutelkluis aanwezig.')).toEqual(['address:Javastraat 45 huis']);
    expect(summary('Graag een huisbezoek op 1092 AB 14.')).toEqual(['address:1092 AB 14']);
  });
  it('passes the address of a practice or venue, and postcodes without a house number', () => {
    expect(check('Locatie: Gezondheidscentrum Oost, Lindeboomstraat 14.')).toEqual([]);
    expect(check('Fysiotherapie De Brug, Van Baerlestraat 30, heeft een patiëntenstop.')).toEqual([]);
    expect(check('De wijk omvat de postcodes 1092 AB tot en met 1098 ZZ.')).toEqual([]);
  });
  it('does not read ordinary words and dates after a word ending in a street suffix as an address', () => {
    expect(check('Vergadering 12 maart en de arbeidsmarkt 2026, loopbaan 3 keer besproken.')).toEqual([]);
  });
});

describe('checkPrivacy: hard negatives from the issue', () => {
  it.each([
    'Apotheek Zuid (AGB 06012345) neemt de baxterrol mee.',
    'KvK-nummer van de coöperatie: 34123456.',
    'Bel 020-5551234, 06-12345678 of +31 6 1234 5678.',
    'IBAN NL91 ABNA 0417 1643 00.',
    'Metoprolol 50 mg 2dd; ATC C07AB02; 12% zonder indicatie.',
    'NHG-standaard M84, overleg om 12.30 uur, ma 8 dec.',
    'Bereikbaar via info@apotheekzuid.nl.',
  ])('%s', (text) => {
    expect(check(text)).toEqual([]);
  });
});

describe('describeFindings and checkPrivacyOfFields', () => {
  it('writes one short Dutch or English line per finding', () => {
    const findings = check('dhr. Jansen, BSN 123456782, geb. 12-03-1954, Kerkstraat 12');
    expect(describeFindings(findings, 'nl')).toEqual([
      '«dhr. Jansen» lijkt een patiëntnaam',
      '«123456782» lijkt een BSN (burgerservicenummer)',
      '«geb. 12-03-1954» lijkt een geboortedatum',
      '«Kerkstraat 12» lijkt een adres met huisnummer',
    ]);
    expect(describeFindings(findings.slice(0, 1), 'en')).toEqual(['«dhr. Jansen» looks like a patient name']);
  });
  it('shortens long fragments and flattens line breaks', () => {
    const [line] = describeFindings([
      { kind: 'address', fragment: `Kerkstraat 12,\n${'x'.repeat(80)}`, start: 0, end: 0, severity: 'block', confidence: 'high' },
    ]);
    expect(line).toMatch(/^«Kerkstraat 12, x+…» lijkt een adres met huisnummer$/);
  });
  it('checks every field of a poll and says where each fragment is', () => {
    const found = checkPrivacyOfFields({ question: 'Wie neemt mw. Kaya over?', 'option.1': 'Dr. Bakker', 'option.2': 'Ik' }, opts);
    expect(found).toMatchObject([{ field: 'question', kind: 'patientName', fragment: 'mw. Kaya' }]);
  });
});

describe('checkPrivacy: linear time on adversarial input', () => {
  const KB100 = 100 * 1024;
  const fill = (unit: string): string => unit.repeat(Math.ceil(KB100 / unit.length)).slice(0, KB100);
  it.each([
    ['digits', fill('1')],
    ['grouped digits', fill('123 ')],
    ['spaces', fill(' ')],
    ['letters', fill('a')],
    ['one long street-like word', `${fill('a')}straat 12`],
    ['honorifics without names', fill('dhr. ')],
    ['honorific names', fill('dhr. Jansen ')],
    ['initials', fill('mw. J. ')],
    ['tussenvoegsels', fill('mw. van de ')],
    ['birth keywords', fill('geb. ')],
    ['birth keyword then spaces', `geb.${fill(' ')}`],
    ['dates', fill('12-03-1954 ')],
    ['streets', fill('Kerkstraat 1 ')],
    ['ages', fill('84-jarige ')],
    ['line breaks', fill('Aanwezig: mw. X\n')],
    ['postcodes', fill('1092 AB ')],
    ['asterisks and dots', fill('*.')],
    ['url', `https://${fill('a')}`],
  ])('%s: 100 KB in well under a second', (_name, text) => {
    const t0 = performance.now();
    checkPrivacy(text, opts);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('labelled sets (figures printed by scripts/privacy-eval.ts)', () => {
  // Floors are the counts reached when these tests were written: a change that adds a false positive
  // or a false negative fails here and has to be argued for, not absorbed silently.
  it.each([
    ['privacy-labelled.json', 1, 1],
    ['privacy-labelled-holdout.json', 0, 2],
    ['privacy-labelled-holdout2.json', 4, 3],
  ])('%s stays at or below %i false positives and %i false negatives', (file, maxFp, maxFn) => {
    const s = score(loadSet(file));
    expect(s.fp).toBeLessThanOrEqual(maxFp);
    expect(s.fn).toBeLessThanOrEqual(maxFn);
  });
  it('keeps precision and recall on all sets together at or above 0.95 and 0.94', () => {
    const all = ['privacy-labelled.json', 'privacy-labelled-holdout.json', 'privacy-labelled-holdout2.json'].flatMap(loadSet);
    expect(all.length).toBeGreaterThanOrEqual(120);
    const s = score(all);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThanOrEqual(0.94);
  });
  it('finds nothing in a realistic 10 KB verslag and checks it in a few milliseconds', () => {
    const text = realisticSummary();
    expect(Buffer.byteLength(text, 'utf8')).toBeLessThanOrEqual(10 * 1024);
    expect(checkPrivacy(text, { referenceDate: EVAL_REFERENCE_DATE }).findings).toEqual([]);
    expect(medianMs(() => checkPrivacy(text, { referenceDate: EVAL_REFERENCE_DATE }), 30)).toBeLessThan(50);
  });
});
