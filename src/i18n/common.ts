import type { Messages } from './types';

export const commonMessages: Messages = {
  'common.unexpected': {
    nl: 'Er ging iets mis aan onze kant. Probeer het zo nog eens; blijft het misgaan, noem dan code {ref} aan de beheerder.',
    en: 'Something went wrong on our side. Please try again; if it keeps failing, quote code {ref} to the administrator.',
  },
  'common.unknownCommand': {
    nl: 'Dat commando ken ik niet: "{word}". Typ **help** voor wat ik kan.',
    en: 'I do not know the command "{word}". Type **help** to see what I can do.',
  },
  'common.unknownAction': {
    nl: 'Deze knop werkt niet (meer). Vraag een nieuwe kaart op via het commando.',
    en: 'This button no longer works. Ask for a new card with the command.',
  },
  'common.badCardData': {
    nl: 'De gegevens van deze kaart kloppen niet: {reason}.',
    en: 'The data of this card is not valid: {reason}.',
  },
  'common.notOnRoster': {
    nl: 'Je staat nog niet in het ledenbestand van Wijkbot. Vraag je wijkcoördinator om je toe te voegen.',
    en: 'You are not on the Wijkbot roster yet. Ask your coordinator to add you.',
  },
  'common.onlyInChannel': {
    nl: 'Dit commando werkt alleen in een kanaal van een team.',
    en: 'This command only works in a team channel.',
  },
  'common.tenantRefused': {
    nl: 'Wijkbot is niet beschikbaar voor jouw organisatie.',
    en: 'Wijkbot is not available for your organisation.',
  },
  'common.error': { nl: 'Dat lukte niet', en: 'That did not work' },
  'common.done': { nl: 'Gedaan', en: 'Done' },
  'common.emptyQuery': { nl: 'Typ een zoekterm.', en: 'Type something to search for.' },
};
