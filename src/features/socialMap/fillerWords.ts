/**
 * Words that carry no search meaning in a lookup ("zoek een fysio in de buurt"), folded. The query parser
 * skips them, and the index ignores them when it compares a query with a partner's name ("Fysio De Pijp"
 * is an exact match for "fysio de pijp": "de" counts on neither side).
 */
const FILLER = new Set(
  (
    'een de het in op voor met zoek zoeken zoekt gezocht ik we wij die wie wat welke waar is zijn er naar graag nodig heb hebben ' +
    'van en of bij te aan om ook nog wel kan kunnen wil willen iemand mijn onze deze dit dat hier daar uit tot ' +
    'patient patienten patiente client clienten meneer mevrouw dhr amsterdam wijk buurt regio omgeving stadsdeel ' +
    'zorgverlener zorgverleners hulpverlener hulpverleners behandelaar behandelaars therapeut therapeuten ' +
    'klacht klachten probleem problemen problematiek gespecialiseerd specialisatie ervaring expertise ' +
    'liefst voorkeur aub svp please a the for with near opnamestop patientenstop opname stop werkt werken werkzaam ' +
    'dag dagen adres telefoonnummer nummer contact gegevens sociale kaart hulp zorg goede goed snel snelle mogelijk ' +
    'binnen week weken wachttijd wachttijden wachtlijst wachtlijsten adressen telefoonnummers nummers kort korte bv bijvoorbeeld zonder geen praktijk s'
  ).split(' '),
);

export function isFillerWord(folded: string): boolean {
  return FILLER.has(folded);
}
