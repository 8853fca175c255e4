/** Why an uploaded file could not be read as text (decode.ts); the imports print them with the line. */
import type { Messages } from '../i18n/types';

const SAVE_AS = { nl: 'Sla het bestand in Excel op als "CSV UTF-8 (door komma\'s gescheiden)".', en: 'Save the file in Excel as "CSV UTF-8 (comma delimited)".' };

export const csvMessages: Messages = {
  'csv.decode.workbook': {
    nl: `dit is een Excel-werkmap (.xlsx) of ander zip-bestand, geen CSV. ${SAVE_AS.nl}`,
    en: `this is an Excel workbook (.xlsx) or another zip file, not CSV. ${SAVE_AS.en}`,
  },
  'csv.decode.invalid': {
    nl: `deze regel is geen geldige {encoding}, terwijl het bestand met een {encoding}-kenmerk (BOM) begint. ${SAVE_AS.nl}`,
    en: `this line is not valid {encoding}, though the file starts with a {encoding} byte-order mark. ${SAVE_AS.en}`,
  },
  'csv.decode.mixed': {
    nl: `deze regel is geen UTF-8, terwijl andere regels met accenten dat wel zijn (twee bestanden samengevoegd?). ${SAVE_AS.nl}`,
    en: `this line is not UTF-8, though other lines with accents are (two files pasted together?). ${SAVE_AS.en}`,
  },
  'csv.decode.undefinedByte': {
    nl: `deze regel bevat byte {byte}, die in UTF-8 noch in Windows-1252 een teken is. ${SAVE_AS.nl}`,
    en: `this line holds byte {byte}, which is a character in neither UTF-8 nor Windows-1252. ${SAVE_AS.en}`,
  },
  'csv.decode.replacementChar': {
    nl: 'deze regel bevat het vervangingsteken "�": de tekst is al eens verkeerd omgezet. Herstel de letters (bijvoorbeeld "Co�rdinator" → "Coördinator") of exporteer opnieuw uit de bron.',
    en: 'this line holds the replacement character "�": the text was garbled by an earlier conversion. Repair the letters (e.g. "Co�rdinator" → "Coördinator") or export again from the source.',
  },
  'csv.decode.nul': {
    nl: `deze regel bevat een nul-teken: dit lijkt geen tekstbestand. ${SAVE_AS.nl}`,
    en: `this line holds a NUL character: this does not look like a text file. ${SAVE_AS.en}`,
  },
};
