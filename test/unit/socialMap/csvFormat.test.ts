import { PARTNER_CSV_HEADER, parsePartnerCsv, partnerIdentityKey, sameIdentity, toPartnerCsv } from '../../../src/features/socialMap/csvFormat';
import { generatePartners } from '../../../src/features/socialMap/demoData';
import type { PartnerInput } from '../../../src/features/socialMap/types';

const HEADER = PARTNER_CSV_HEADER.join(',');

/** A row from column → value, in header order; unspecified columns empty. */
function row(values: Partial<Record<(typeof PARTNER_CSV_HEADER)[number], string>>, delimiter = ','): string {
  return PARTNER_CSV_HEADER.map((c) => {
    const v = values[c] ?? '';
    return /[",;\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
  }).join(delimiter);
}

const GOOD = {
  naam: 'Anna de Vries',
  organisatie: 'Fysiotherapie Dapper',
  discipline: 'fysio',
  expertise: 'bekkenbodem; Lymfoedeem',
  wijken: 'Oost;Watergraafsmeer;1087;1101-1102',
  postcode: '1092ab',
  adres: 'Dapperstraat 1',
  plaats: 'Amsterdam',
  werkdagen: 'di;ma;vr',
  opnamestop: 'ja;vol tot de zomer, daarna weer open',
  opnamestop_tot: '01-07-2027',
  wachttijd_weken: '6',
  telefoon: '+31 20 123 4567',
  email: 'Info@Fysio-Dapper.NL',
  website: 'www.fysio-dapper.nl',
  communicatie: 'ZorgDomein;beveiligde mail;telefoon',
  agb: '04123456',
  laatst_gecontroleerd: '02-11-2026;M. Verbeek',
};

function expectOk(text: string): PartnerInput[] {
  const r = parsePartnerCsv(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 1));
  return r.rows;
}

function errorsOf(text: string, opts = {}): { line: number; column: string; reason: string }[] {
  const r = parsePartnerCsv(text, opts);
  if (r.ok) throw new Error('expected errors');
  return r.errors.map(({ line, column, reason }) => ({ line, column, reason }));
}

describe('parsePartnerCsv: a valid file', () => {
  it('parses and normalises every field', () => {
    const [p] = expectOk(`${HEADER}\n${row(GOOD)}\n`);
    expect(p).toEqual({
      name: 'Anna de Vries',
      organisation: 'Fysiotherapie Dapper',
      discipline: 'fysiotherapie',
      expertise: ['bekkenbodem', 'Lymfoedeem'],
      wijken: ['oost', 'watergraafsmeer'],
      postcodeAreas: ['1087', '1101', '1102'],
      address: 'Dapperstraat 1',
      city: 'Amsterdam',
      postcode: '1092 AB',
      workdays: ['ma', 'di', 'vr'],
      intakeStop: { active: true, until: '2027-07-01', note: 'vol tot de zomer, daarna weer open' },
      waitWeeks: 6,
      phone: '020-1234567',
      email: 'info@fysio-dapper.nl',
      website: 'https://www.fysio-dapper.nl',
      communication: ['zorgdomein', 'zorgmail', 'telefoon'],
      agb: '04123456',
      lastCheckedAt: new Date('2026-11-01T23:00:00.000Z'),
      lastCheckedBy: 'M. Verbeek',
    });
  });

  it('accepts an Excel file: UTF-8 BOM, ";" separator, CRLF, blank and ";;;;" lines', () => {
    const text = `\uFEFF${PARTNER_CSV_HEADER.join(';')}\r\n${row(GOOD, ';')}\r\n\r\n${';'.repeat(17)}\r\n${row({ ...GOOD, naam: 'Bob', agb: '04123457' }, ';')}\r\n`;
    const rows = expectOk(text);
    expect(rows.map((r) => r.name)).toEqual(['Anna de Vries', 'Bob']);
    expect(rows[0]!.expertise).toEqual(['bekkenbodem', 'Lymfoedeem']);
  });

  it('takes columns in any order and header names in any case', () => {
    const cols = [...PARTNER_CSV_HEADER].reverse();
    const text = `${cols.map((c) => c.toUpperCase()).join(',')}\n${cols.map((c) => (c === 'naam' ? 'X' : c === 'discipline' ? 'logo' : '')).join(',')}\n`;
    expect(expectOk(text)[0]).toMatchObject({ name: 'X', discipline: 'logopedie', workdays: [], intakeStop: { active: false, until: null, note: null } });
  });

  it('reads quoted cells with commas, quotes and newlines', () => {
    const text = `${HEADER}\n${row({ ...GOOD, naam: 'Praktijk "De Brug", Oost', opnamestop: 'ja;regel 1\nregel 2' })}\n`;
    const [p] = expectOk(text);
    expect(p!.name).toBe('Praktijk "De Brug", Oost');
    expect(p!.intakeStop.note).toBe('regel 1 regel 2');
  });
});

describe('parsePartnerCsv: care types the list does not have', () => {
  it('keeps an unknown discipline as its own label with a warning per row, instead of refusing the file', () => {
    const text = [
      HEADER,
      row({ ...GOOD, naam: 'Voedselbank Oost', agb: '', discipline: 'Voedselbank' }),
      row({ ...GOOD, naam: 'Inloophuis', agb: '', discipline: 'inloophuis  GGZ' }),
      row({ ...GOOD, naam: 'HAP', agb: '', discipline: 'huisartsenpost' }),
      row({ ...GOOD, naam: 'Bekken', agb: '', discipline: 'fysiotherapie (bekken)' }),
    ].join('\n');
    const r = parsePartnerCsv(text);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.rows.map((p) => p.discipline)).toEqual(['Voedselbank', 'inloophuis GGZ', 'huisartsenpost', 'fysiotherapie (bekken)']);
    expect(r.warnings.map((w) => ({ line: w.line, column: w.column, reason: w.reason }))).toEqual([
      { line: 2, column: 'discipline', reason: 'Discipline "Voedselbank" staat niet in de lijst; opgenomen als eigen soort zorg, vindbaar op "Voedselbank".' },
      { line: 3, column: 'discipline', reason: 'Discipline "inloophuis GGZ" staat niet in de lijst; opgenomen als eigen soort zorg, vindbaar op "inloophuis GGZ".' },
      { line: 5, column: 'discipline', reason: 'Discipline "fysiotherapie (bekken)" staat niet in de lijst; opgenomen als eigen soort zorg. Bedoelde u bekkenfysiotherapie? Pas dan het bestand aan.' },
    ]);
  });

  it('round-trips a label through export and import', () => {
    const r = parsePartnerCsv(`${HEADER}\n${row({ ...GOOD, agb: '', discipline: 'Maatjesproject' })}\n`);
    if (!r.ok) throw new Error('did not parse');
    const again = parsePartnerCsv(toPartnerCsv(r.rows));
    expect(again.ok && again.rows[0]!.discipline).toBe('Maatjesproject');
  });
});

describe('parsePartnerCsv: errors', () => {
  it('a werkdag that is the name of a JavaScript object member ("constructor") is an unknown weekday, not a crash', () => {
    const text = [HEADER, row({ ...GOOD, werkdagen: 'ma;constructor' })].join('\n');
    expect(errorsOf(text)).toEqual([{ line: 2, column: 'werkdagen', reason: 'Onbekende werkdag "constructor"; gebruik ma;di;wo;do;vr;za;zo.' }]);
  });

  it('reports every bad cell with line, column and a Dutch reason, and returns no rows', () => {
    const text = [
      HEADER,
      row(GOOD),
      row({ ...GOOD, naam: 'B', agb: '4123456', postcode: '1092 SA', discipline: 'fysiotherapuet' }),
      row({ ...GOOD, naam: 'C', agb: '', email: 'info@', telefoon: '020-12345', werkdagen: 'ma;maan' }),
      row({ ...GOOD, naam: '', agb: '04999999', wijken: 'Oost;Atlantis', communicatie: 'Siilo;postduif' }),
    ].join('\n');
    const r = parsePartnerCsv(text);
    expect(r.ok).toBe(false);
    expect(errorsOf(text)).toEqual([
      { line: 3, column: 'discipline', reason: 'Onbekende discipline "fysiotherapuet"; bedoelde u fysiotherapie?' },
      { line: 3, column: 'postcode', reason: 'Postcodes met de letters SA bestaan niet.' },
      { line: 3, column: 'agb', reason: 'AGB-code "4123456" heeft 7 cijfers; Excel laat vaak de voorloopnul weg. Bedoelde u 04123456?' },
      { line: 4, column: 'werkdagen', reason: 'Onbekende werkdag "maan"; gebruik ma;di;wo;do;vr;za;zo.' },
      { line: 4, column: 'telefoon', reason: 'Geen geldig Nederlands telefoonnummer (bijv. 020-1234567, 06-12345678 of +31 20 123 4567).' },
      { line: 4, column: 'email', reason: 'Geen geldig e-mailadres: "info@".' },
      { line: 5, column: 'naam', reason: 'Dit veld is verplicht.' },
      { line: 5, column: 'wijken', reason: '"Atlantis" is geen bekende wijk en geen postcodegebied (bijv. 1092 of 1091-1095).' },
      { line: 5, column: 'communicatie', reason: 'Onbekende communicatievorm "postduif"; kies uit ZorgDomein, Siilo, ZorgMail, VIPLive, KIS, telefoon, e-mail.' },
    ]);
  });

  it('reports the starting line of a record after a multi-line cell', () => {
    const text = `${HEADER}\n${row({ ...GOOD, adres: 'Dapperstraat 1\nachteringang' })}\n${row({ ...GOOD, naam: 'B', agb: 'x' })}\n`;
    expect(errorsOf(text)).toEqual([{ line: 4, column: 'agb', reason: 'AGB-code moet precies 8 cijfers zijn, niet "x".' }]);
  });

  it('checks dates, intake stop and waiting time', () => {
    const text = [
      HEADER,
      row({ ...GOOD, opnamestop: 'misschien', opnamestop_tot: '31-02-2027' }),
      row({ ...GOOD, naam: 'B', agb: '', opnamestop: 'nee', opnamestop_tot: '2027-01-01', wachttijd_weken: '3,5' }),
      row({ ...GOOD, naam: 'C', agb: '', laatst_gecontroleerd: '2062-11-02' }),
    ].join('\n');
    expect(errorsOf(text, { today: '2026-11-23' })).toEqual([
      { line: 2, column: 'opnamestop', reason: 'Opnamestop moet "ja" of "nee" zijn, niet "misschien".' },
      { line: 2, column: 'opnamestop_tot', reason: 'Datum "31-02-2027" bestaat niet.' },
      { line: 3, column: 'opnamestop_tot', reason: 'Er is een einddatum ingevuld, maar opnamestop is "nee".' },
      { line: 3, column: 'wachttijd_weken', reason: 'Wachttijd moet een geheel aantal weken zijn, van 0 tot en met 104.' },
      { line: 4, column: 'laatst_gecontroleerd', reason: 'Datum 2062-11-02 ligt in de toekomst.' },
    ]);
  });

  it('suggests a wijk and a communication channel for typos', () => {
    const text = `${HEADER}\n${row({ ...GOOD, wijken: 'Watergraafsmer', communicatie: 'Zorgdomien' })}\n`;
    expect(errorsOf(text).map((e) => e.reason)).toEqual([
      '"Watergraafsmer" is geen bekende wijk; bedoelde u Watergraafsmeer?',
      'Onbekende communicatievorm "Zorgdomien"; bedoelde u ZorgDomein?',
    ]);
  });

  it('rejects a header with unknown, missing or repeated columns', () => {
    const cols = PARTNER_CSV_HEADER.filter((c) => c !== 'website' && c !== 'email');
    const text = `${[...cols, 'telefon', 'naam', 'kleur'].join(',')}\n`;
    expect(errorsOf(text)).toEqual([
      { line: 1, column: 'telefon', reason: 'Onbekende kolom "telefon" in de kopregel; bedoelde u telefoon?' },
      { line: 1, column: 'naam', reason: 'Kolom "naam" staat meer dan één keer in de kopregel.' },
      { line: 1, column: 'kleur', reason: 'Onbekende kolom "kleur" in de kopregel.' },
      { line: 1, column: 'email', reason: 'Kolom "email" ontbreekt in de kopregel.' },
      { line: 1, column: 'website', reason: 'Kolom "website" ontbreekt in de kopregel.' },
    ]);
  });

  it('reports lines with the wrong number of columns', () => {
    const text = `${HEADER}\n${row(GOOD)},extra\nAlleen een naam\n`;
    expect(errorsOf(text)).toEqual([
      { line: 2, column: '', reason: 'Deze regel heeft 19 kolommen, de kopregel 18. Staat er een scheidingsteken te veel of te weinig?' },
      { line: 3, column: '', reason: 'Deze regel heeft 1 kolommen, de kopregel 18. Staat er een scheidingsteken te veel of te weinig?' },
    ]);
  });

  it('reports an unclosed quote where it opens, and an empty file', () => {
    expect(errorsOf(`${HEADER}\n${row(GOOD)}\n"Open,quote\nen verder\n`)).toEqual([
      { line: 3, column: '', reason: 'Een aanhalingsteken (") wordt vanaf deze regel niet meer gesloten.' },
    ]);
    expect(errorsOf('\uFEFF  \n')).toEqual([{ line: 1, column: '', reason: 'Het bestand is leeg.' }]);
  });

  it('keeps counting after the reported maximum', () => {
    const bad = Array.from({ length: 6000 }, (_, i) => row({ ...GOOD, naam: `N${i}`, agb: 'x' }));
    const r = parsePartnerCsv([HEADER, ...bad].join('\n'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(5001);
    expect(r.errors.at(-1)!.reason).toBe('En nog 1000 fouten die niet zijn getoond.');
  });
});

describe('identity and duplicates', () => {
  it('uses the AGB-code, or else name + organisation without case or spaces', () => {
    expect(partnerIdentityKey({ agb: '04123456', name: 'A', organisation: null })).toBe('agb:04123456');
    expect(partnerIdentityKey({ agb: null, name: ' Anna  de Vries', organisation: 'Fysio Oost' })).toBe(
      partnerIdentityKey({ agb: null, name: 'anna devries', organisation: 'FYSIO  OOST ' }),
    );
  });

  it('compares name + organisation when either side lacks an AGB-code', () => {
    const withAgb = { agb: '04123456', name: 'Anna de Vries', organisation: 'Fysio Oost' };
    expect(sameIdentity(withAgb, { agb: null, name: 'ANNA DE VRIES', organisation: 'fysio oost' })).toBe(true);
    expect(sameIdentity(withAgb, { agb: '04123457', name: 'Anna de Vries', organisation: 'Fysio Oost' })).toBe(false);
    expect(sameIdentity(withAgb, { agb: '04123456', name: 'Someone else', organisation: null })).toBe(true);
  });

  it('reports the same partner twice in one file', () => {
    const text = [
      HEADER,
      row(GOOD),
      row({ ...GOOD, naam: 'Other name' }),
      row({ ...GOOD, agb: '', naam: 'Piet', organisatie: 'Praktijk X' }),
      row({ ...GOOD, agb: '', naam: ' PIET', organisatie: 'praktijk  x' }),
      row({ ...GOOD, agb: '04000001', naam: 'piet', organisatie: 'Praktijk X' }),
    ].join('\n');
    expect(errorsOf(text)).toEqual([
      { line: 3, column: 'agb', reason: 'Dubbele partner: dezelfde AGB-code als regel 2.' },
      { line: 5, column: 'naam', reason: 'Dubbele partner: dezelfde naam en organisatie als regel 4.' },
      { line: 6, column: 'naam', reason: 'Dubbele partner: dezelfde naam en organisatie als regel 4.' },
    ]);
  });
});

describe('toPartnerCsv round trip', () => {
  it('import → export → import gives equal records', () => {
    const text = [HEADER, row(GOOD), row({ ...GOOD, naam: 'B', agb: '', opnamestop: 'nee', opnamestop_tot: '', laatst_gecontroleerd: '' })].join('\n');
    const first = expectOk(text);
    const exported = toPartnerCsv(first);
    expect(exported.startsWith(`${HEADER}\r\n`)).toBe(true);
    expect(expectOk(exported)).toEqual(first);
  });

  it('is lossless for the demo data, including after Excel turns it into ";" with a BOM', () => {
    const partners = generatePartners(400, 11);
    const inputs: PartnerInput[] = partners.map(({ id: _id, ...rest }) => rest);
    const csv = toPartnerCsv(partners);
    expect(expectOk(csv)).toEqual(inputs);
    const excel = `\uFEFF${csv.replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/gm, ';')}`;
    expect(expectOk(excel)).toEqual(inputs);
  });

  it('protects against spreadsheet formulas without losing the value', () => {
    const p = { ...expectOk(`${HEADER}\n${row(GOOD)}\n`)[0]!, name: '=HYPERLINK("x")', organisation: '+praktijk', lastCheckedBy: '@jan' };
    const csv = toPartnerCsv([p]);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csv).toContain("'+praktijk");
    expect(expectOk(csv)).toEqual([p]);
  });

  it('writes dates as YYYY-MM-DD; for Excel with a BOM and semicolons, and both read back the same', () => {
    const [p] = expectOk(`${HEADER}\n${row(GOOD)}\n`);
    const csv = toPartnerCsv([p!]);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv).toContain(',2027-07-01,');
    expect(csv).toContain('2026-11-02;M. Verbeek');
    const excel = toPartnerCsv([p!], { excel: true });
    expect(excel.charCodeAt(0)).toBe(0xfeff);
    expect(excel).toContain(';2027-07-01;');
    expect(excel).toContain('"2026-11-02;M. Verbeek"');
    expect(expectOk(excel)).toEqual([p]);
  });
});
