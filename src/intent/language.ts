/**
 * The language a chat message is written in, for the answers that are only conversation (a greeting,
 * thanks, small talk, help, "that is not for me"). Teams' locale says what the client is set to; a
 * colleague with a Dutch client who types "what can you do?" reads English. Only words that belong to one
 * of the two languages count ("hallo", "help", "we", "me" belong to both); when neither wins, the client's locale
 * decides. Commands and lookups are not affected: their words are Dutch in both languages.
 */
import { words } from './text';

/** The same two values as the bot's Locale (this folder imports no feature). */
export type Language = 'nl' | 'en';

const ENGLISH = new Set(
  (
    'i you your my our us it this that what how why when who where which can could would will should do does did ' +
    'are am was were have has the a an and or to with for about please thanks thank hello good morning afternoon evening ' +
    'bye goodbye see joke tell show list commands options features work works use need nice great day going there anyone someone'
  ).split(' '),
);

const DUTCH = new Set(
  (
    'ik je jij jou u jullie wij mij mijn jouw uw ons onze het de een en van voor met naar om op er wat hoe waarom ' +
    'wanneer wie waar welke kan kun kunt kunnen doe doet doen werkt werken ben bent zijn heb hebt heeft graag alsjeblieft ' +
    'alstublieft aub bedankt dank dankjewel dankuwel wel niet goedemorgen goedemiddag goedenavond goeiemorgen hoi doei tot ' +
    'ziens fijne fijn prettige dag gaat ermee vertel laat zien uitleg hulp nodig snap begrijp weet iemand daar mop grap'
  ).split(' '),
);

/** 'en' or 'nl' when the message's own words say so, otherwise the client's locale. */
export function messageLanguage(text: string, clientLocale: Language): Language {
  let en = 0;
  let nl = 0;
  for (const w of words(text.slice(0, 500))) {
    if (ENGLISH.has(w)) en++;
    else if (DUTCH.has(w)) nl++;
  }
  if (en > nl) return 'en';
  if (nl > en) return 'nl';
  return clientLocale;
}
