/**
 * User texts of the social map, Dutch first. Domain code only ever refers to keys; the Teams layer (or
 * `renderMessage` below, for texts that are part of a domain result) turns them into sentences.
 */
import { fillPlaceholders } from './text';

export const socialMapMessages: Record<string, { nl: string; en: string }> = {
  // What the query parser understood (shown above the results).
  'socialMap.understood.discipline': { nl: 'discipline: {value}', en: 'discipline: {value}' },
  'socialMap.understood.expertise': { nl: 'expertise: {value}', en: 'expertise: {value}' },
  'socialMap.understood.wijk': { nl: 'wijk: {value}', en: 'area: {value}' },
  'socialMap.understood.postcode': { nl: 'postcode: {value}', en: 'postcode: {value}' },
  'socialMap.understood.weekday': { nl: 'werkdag: {value}', en: 'working day: {value}' },
  'socialMap.understood.noIntakeStop': { nl: 'zonder opnamestop', en: 'no intake stop' },
  'socialMap.understood.freeText': { nl: 'ook gezocht op: {value}', en: 'also searched for: {value}' },
  'socialMap.understood.readAs': { nl: '"{word}" gelezen als {as}', en: 'read "{word}" as {as}' },
  'socialMap.understood.nothing': { nl: 'Ik heb geen zoekwoorden herkend. Probeer bijvoorbeeld: fysio bekkenbodem Oost', en: 'I did not recognise any search terms. Try for example: fysio bekkenbodem Oost' },

  // Results.
  'socialMap.search.noResults': { nl: 'Niets gevonden voor deze zoekvraag.', en: 'Nothing found for this query.' },
  'socialMap.result.intakeStop': { nl: 'opnamestop', en: 'intake stop' },
  'socialMap.result.intakeStopUntil': { nl: 'opnamestop t/m {until}', en: 'intake stop until {until}' },
  'socialMap.result.waitWeeks': { nl: 'wachttijd {weeks} weken', en: 'waiting time {weeks} weeks' },
  'socialMap.result.lastChecked': { nl: 'laatst gecontroleerd {date} door {by}', en: 'last checked {date} by {by}' },
  'socialMap.result.lastCheckedNoBy': { nl: 'laatst gecontroleerd {date}', en: 'last checked {date}' },
  'socialMap.result.neverChecked': { nl: 'nog nooit gecontroleerd', en: 'never checked' },
  'socialMap.result.stale90': { nl: 'let op: al meer dan 90 dagen niet gecontroleerd', en: 'note: not checked for more than 90 days' },

  // How to widen a search without hits; {count} is the number of results the widened search gives.
  'socialMap.widen.dropWeekday': { nl: 'Zonder werkdag: {count} resultaten', en: 'Without the working day: {count} results' },
  'socialMap.widen.neighbouringWijken': { nl: 'Ook in de buurwijken ({value}): {count} resultaten', en: 'Including neighbouring areas ({value}): {count} results' },
  'socialMap.widen.dropArea': { nl: 'In heel Amsterdam (zonder wijk of postcode): {count} resultaten', en: 'All of Amsterdam (no area or postcode): {count} results' },
  'socialMap.widen.parentDiscipline': { nl: 'Alle {value}, ook zonder specialisatie: {count} resultaten', en: 'All {value}, also without specialisation: {count} results' },
  'socialMap.widen.dropExpertise': { nl: 'Zonder expertise {value}: {count} resultaten', en: 'Without expertise {value}: {count} results' },
  'socialMap.widen.includeIntakeStop': { nl: 'Ook partners met een opnamestop: {count} resultaten', en: 'Including partners with an intake stop: {count} results' },
  'socialMap.widen.dropFreeText': { nl: 'Zonder de woorden "{value}": {count} resultaten', en: 'Without the words "{value}": {count} results' },
  'socialMap.widen.disciplineOnly': { nl: 'Alle {value} in heel Amsterdam, zonder andere voorwaarden: {count} resultaten', en: 'All {value} in Amsterdam, no other conditions: {count} results' },
  'socialMap.widen.rephrase': { nl: 'Probeer minder of andere zoekwoorden, bijvoorbeeld alleen de discipline.', en: 'Try fewer or other words, for example just the discipline.' },

  // CSV import. Every reason is about one cell (or the header) of one line.
  'socialMap.csv.empty': { nl: 'Het bestand is leeg.', en: 'The file is empty.' },
  'socialMap.csv.headerMissing': { nl: 'Kolom "{column}" ontbreekt in de kopregel.', en: 'Column "{column}" is missing from the header.' },
  'socialMap.csv.headerUnknown': { nl: 'Onbekende kolom "{column}" in de kopregel.', en: 'Unknown column "{column}" in the header.' },
  'socialMap.csv.headerUnknownSuggest': { nl: 'Onbekende kolom "{column}" in de kopregel; bedoelde u {suggestion}?', en: 'Unknown column "{column}" in the header; did you mean {suggestion}?' },
  'socialMap.csv.headerDuplicate': { nl: 'Kolom "{column}" staat meer dan één keer in de kopregel.', en: 'Column "{column}" appears more than once in the header.' },
  'socialMap.csv.columnCount': { nl: 'Deze regel heeft {found} kolommen, de kopregel {expected}. Staat er een scheidingsteken te veel of te weinig?', en: 'This line has {found} columns, the header {expected}. Is there a separator too many or too few?' },
  'socialMap.csv.quoteNotClosed': { nl: 'Een aanhalingsteken (") wordt vanaf deze regel niet meer gesloten.', en: 'A quote (") opened on this line is never closed.' },
  'socialMap.csv.tooManyRows': { nl: 'Te veel regels: maximaal {max} partners per bestand.', en: 'Too many lines: at most {max} partners per file.' },
  'socialMap.csv.required': { nl: 'Dit veld is verplicht.', en: 'This field is required.' },
  'socialMap.csv.tooLong': { nl: 'Te lang: maximaal {max} tekens.', en: 'Too long: at most {max} characters.' },
  'socialMap.csv.tooMany': { nl: 'Te veel waarden: maximaal {max}.', en: 'Too many values: at most {max}.' },
  'socialMap.csv.disciplineUnknown': { nl: 'Onbekende discipline "{value}".', en: 'Unknown discipline "{value}".' },
  'socialMap.csv.disciplineUnknownSuggest': { nl: 'Onbekende discipline "{value}"; bedoelde u {suggestion}?', en: 'Unknown discipline "{value}"; did you mean {suggestion}?' },
  'socialMap.csv.wijkUnknown': { nl: '"{value}" is geen bekende wijk en geen postcodegebied (bijv. 1092 of 1091-1095).', en: '"{value}" is not a known area nor a postcode area (e.g. 1092 or 1091-1095).' },
  'socialMap.csv.wijkUnknownSuggest': { nl: '"{value}" is geen bekende wijk; bedoelde u {suggestion}?', en: '"{value}" is not a known area; did you mean {suggestion}?' },
  'socialMap.csv.postcodeFormat': { nl: 'Postcode moet de vorm 1234 AB hebben.', en: 'A postcode looks like 1234 AB.' },
  'socialMap.csv.postcodeLeadingZero': { nl: 'Een postcode begint nooit met een 0.', en: 'A Dutch postcode never starts with 0.' },
  'socialMap.csv.postcodeLetters': { nl: 'Postcodes met de letters {letters} bestaan niet.', en: 'Postcodes with the letters {letters} do not exist.' },
  'socialMap.csv.postcodeAreaFormat': { nl: 'Postcodegebied moet vier cijfers zijn (bijv. 1092) of een bereik (1091-1095).', en: 'A postcode area is four digits (e.g. 1092) or a range (1091-1095).' },
  'socialMap.csv.postcodeRange': { nl: 'Postcodebereik is omgekeerd of te groot (maximaal {max} postcodes).', en: 'Postcode range is reversed or too large (at most {max} postcodes).' },
  'socialMap.csv.weekdayUnknown': { nl: 'Onbekende werkdag "{value}"; gebruik ma;di;wo;do;vr;za;zo.', en: 'Unknown working day "{value}"; use ma;di;wo;do;vr;za;zo.' },
  'socialMap.csv.intakeStopValue': { nl: 'Opnamestop moet "ja" of "nee" zijn, niet "{value}".', en: 'Intake stop must be "ja" or "nee", not "{value}".' },
  'socialMap.csv.intakeUntilWithoutStop': { nl: 'Er is een einddatum ingevuld, maar opnamestop is "nee".', en: 'An end date is given but the intake stop is "nee".' },
  'socialMap.csv.dateFormat': { nl: 'Datum "{value}" niet herkend; gebruik JJJJ-MM-DD of DD-MM-JJJJ.', en: 'Date "{value}" not recognised; use YYYY-MM-DD or DD-MM-YYYY.' },
  'socialMap.csv.dateInvalid': { nl: 'Datum "{value}" bestaat niet.', en: 'Date "{value}" does not exist.' },
  'socialMap.csv.dateFuture': { nl: 'Datum {value} ligt in de toekomst.', en: 'Date {value} is in the future.' },
  'socialMap.csv.waitWeeks': { nl: 'Wachttijd moet een geheel aantal weken zijn, van 0 tot en met {max}.', en: 'Waiting time must be a whole number of weeks, 0 to {max}.' },
  'socialMap.csv.phoneFormat': { nl: 'Geen geldig Nederlands telefoonnummer (bijv. 020-1234567, 06-12345678 of +31 20 123 4567).', en: 'Not a valid Dutch phone number (e.g. 020-1234567, 06-12345678 or +31 20 123 4567).' },
  'socialMap.csv.phoneForeign': { nl: 'Alleen Nederlandse telefoonnummers (+31) worden ondersteund.', en: 'Only Dutch phone numbers (+31) are supported.' },
  'socialMap.csv.emailFormat': { nl: 'Geen geldig e-mailadres: "{value}".', en: 'Not a valid e-mail address: "{value}".' },
  'socialMap.csv.websiteFormat': { nl: 'Geen geldige website (bijv. https://www.praktijk.nl).', en: 'Not a valid website (e.g. https://www.praktijk.nl).' },
  'socialMap.csv.channelUnknown': { nl: 'Onbekende communicatievorm "{value}"; kies uit ZorgDomein, Siilo, ZorgMail, VIPLive, KIS, telefoon, e-mail.', en: 'Unknown way of communicating "{value}"; choose from ZorgDomein, Siilo, ZorgMail, VIPLive, KIS, telefoon, e-mail.' },
  'socialMap.csv.channelUnknownSuggest': { nl: 'Onbekende communicatievorm "{value}"; bedoelde u {suggestion}?', en: 'Unknown way of communicating "{value}"; did you mean {suggestion}?' },
  'socialMap.csv.agbFormat': { nl: 'AGB-code moet precies 8 cijfers zijn, niet "{value}".', en: 'An AGB code is exactly 8 digits, not "{value}".' },
  'socialMap.csv.agbLeadingZero': { nl: 'AGB-code "{value}" heeft 7 cijfers; Excel laat vaak de voorloopnul weg. Bedoelde u {padded}?', en: 'AGB code "{value}" has 7 digits; Excel often drops the leading zero. Did you mean {padded}?' },
  'socialMap.csv.duplicateAgb': { nl: 'Dubbele partner: dezelfde AGB-code als regel {line}.', en: 'Duplicate partner: same AGB code as line {line}.' },
  'socialMap.csv.duplicateName': { nl: 'Dubbele partner: dezelfde naam en organisatie als regel {line}.', en: 'Duplicate partner: same name and organisation as line {line}.' },
  'socialMap.csv.moreErrors': { nl: 'En nog {count} fouten die niet zijn getoond.', en: 'And {count} more errors not shown.' },

  // Coordinator overview of stale entries.
  'socialMap.stale.neverChecked': { nl: 'nog nooit gecontroleerd', en: 'never checked' },
  'socialMap.stale.notChecked': { nl: 'al {days} dagen niet gecontroleerd', en: 'not checked for {days} days' },
  'socialMap.stale.intakeStopOpen': { nl: 'opnamestop al {days} dagen niet nagevraagd', en: 'intake stop not confirmed for {days} days' },
  'socialMap.stale.intakeStopEnded': { nl: 'einddatum opnamestop ({until}) is verstreken', en: 'intake stop end date ({until}) has passed' },
  'socialMap.stale.waitTime': { nl: 'wachttijd al {days} dagen niet nagevraagd', en: 'waiting time not confirmed for {days} days' },
};

/** Render a catalogue entry. A missing key is returned as-is so it shows up in review rather than crashing. */
export function renderMessage(key: string, params: Record<string, string | number> = {}, lang: 'nl' | 'en' = 'nl'): string {
  const entry = socialMapMessages[key];
  return entry ? fillPlaceholders(entry[lang], params) : key;
}
