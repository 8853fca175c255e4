/**
 * What Wijkbot says to chat that is not a command: greetings, thanks, small talk, questions about itself,
 * and slips of a command. Short: a GP reads it between two patients.
 */
import { wordTable } from '../text/wordTable';
export const intentMessages: Record<string, { nl: string; en: string }> = {
  'intent.greeting': {
    nl: 'Hallo! Ik ben Wijkbot. Zoek een zorgpartner, bijvoorbeeld **fysio bekkenbodem Oost**, of typ **help** voor alles wat ik kan.',
    en: 'Hello! I am Wijkbot. Find a care partner, for example **fysio bekkenbodem Oost**, or type **help** for everything I can do.',
  },
  'intent.thanks': { nl: 'Graag gedaan!', en: 'You are welcome!' },
  'intent.smallTalk.howAreYou': {
    nl: 'Goed, dank je! Waarmee kan ik helpen? Zoek bijvoorbeeld **fysio Oost**, of typ **help**.',
    en: 'Fine, thank you! How can I help? Search for example **fysio Oost**, or type **help**.',
  },
  'intent.smallTalk.bye': { nl: 'Tot ziens! 👋', en: 'Bye! 👋' },
  'intent.smallTalk.wish': { nl: 'Dank je, jij ook!', en: 'Thank you, you too!' },
  'intent.smallTalk.ack': { nl: '👍', en: '👍' },
  'intent.smallTalk.laugh': { nl: '😄', en: '😄' },
  'intent.smallTalk.robot': {
    nl: 'Ik ben Wijkbot, een programma, geen mens. Ik zoek zorgpartners op de sociale kaart en help met bijeenkomsten, peilingen en verslagen. Typ **help** voor alles wat ik kan.',
    en: 'I am Wijkbot, a program, not a person. I find care partners on the social map and help with meetings, polls and summaries. Type **help** for everything I can do.',
  },
  'intent.smallTalk.joke': {
    nl: 'Grappen zijn niet mijn sterkste kant; zorgpartners zoeken wel. Probeer **fysio bekkenbodem Oost**.',
    en: 'Jokes are not my strong side; finding care partners is. Try **fysio bekkenbodem Oost**.',
  },
  'intent.smallTalk.test': { nl: 'Ik ben er! Typ **help** voor wat ik kan.', en: 'I am here! Type **help** for what I can do.' },
  'intent.other': {
    nl: 'Daar kan ik je niet mee helpen. Ik zoek zorgpartners op de sociale kaart (bijvoorbeeld **fysio bekkenbodem Oost**) en help met bijeenkomsten, peilingen en verslagen. Typ **help** voor alles wat ik kan.',
    en: 'I cannot help you with that. I find care partners on the social map (for example **fysio bekkenbodem Oost**) and help with meetings, polls and summaries. Type **help** for everything I can do.',
  },

  // A slip of a command: "Bedoel je agenda?" with a button that runs it, arguments kept.
  'intent.suggest.title': { nl: 'Bedoel je **{command}**?', en: 'Did you mean **{command}**?' },
  'intent.suggest.runs': { nl: 'De knop voert uit: {text}', en: 'The button runs: {text}' },
  'intent.suggest.tooLong': { nl: 'Typ het commando opnieuw, met **{command}** vooraan.', en: 'Type the command again, starting with **{command}**.' },
  'intent.suggest.button': { nl: 'Ja, {command}', en: 'Yes, {command}' },
  'intent.suggest.lookupInChannel': {
    nl: 'In een kanaal zoek je op de sociale kaart met **zoek** ervoor (in een persoonlijke chat met mij mag het weg).',
    en: 'In a channel, search the social map with **zoek** in front (in a personal chat with me you can leave it out).',
  },
  'intent.suggest.ran': { nl: 'Uitgevoerd: {text}', en: 'Done: {text}' },

  // "hoe werkt een peiling?": one command's help with an example.
  'intent.howTo.title': { nl: 'Zo werkt {command}', en: 'How {command} works' },
  'intent.howTo.example': { nl: 'Voorbeeld: **{example}**', en: 'Example: **{example}**' },
  'intent.howTo.notForYou': { nl: 'Dit kan een coördinator of beheerder.', en: 'A coordinator or administrator can do this.' },
  'intent.howTo.more': { nl: 'Typ **help** voor alle commando\'s.', en: 'Type **help** for all commands.' },
};

/** One typed example per command (commands are Dutch in both languages), by the command's first name. */
export const COMMAND_EXAMPLES: Readonly<Record<string, string>> = wordTable({
  help: 'help',
  'wie ben ik': 'wie ben ik',
  wijkgroepen: 'wijkgroepen',
  rol: 'rol coordinator carla@praktijk.nl Oost',
  'rol weg': 'rol weg raadslid piet@praktijk.nl',
  koppel: '@Wijkbot koppel Oost',
  ontkoppel: '@Wijkbot ontkoppel',
  zoek: 'zoek fysio bekkenbodem Oost zonder opnamestop',
  opnamestop: 'opnamestop Fysio Dapper aan tot 1 maart',
  wachttijd: 'wachttijd Fysio Dapper 3',
  gecontroleerd: 'gecontroleerd Fysio Dapper',
  peiling: 'peiling Moet de ROHA-raad maandelijks vergaderen? | Ja | Nee | Alleen digitaal',
  peilingen: 'peilingen',
  'sluit peiling': 'sluit peiling 3',
  'herinner peiling': 'herinner peiling 3',
  plan: 'plan FTO di 8 dec 12:30 Oost over antistolling',
  agenda: 'agenda Oost',
  verzet: 'verzet FTO-7K2 naar 15 dec 19:00',
  annuleer: 'annuleer FTO-7K2',
  aanwezig: 'aanwezig FTO-7K2',
  presentielijst: 'presentielijst FTO-7K2',
  presentie: 'presentie Oost 2026',
  netwerkkaart: 'netwerkkaart Oost',
  verslag: 'verslag FTO-7K2',
  'mijn acties': 'mijn acties',
  afspraken: 'afspraken Oost',
  afspraak: 'afspraak A12 getoetst',
});
