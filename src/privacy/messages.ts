/** The privacy guard's own sentence, for every feature that posts free text through it. */
import type { Messages } from '../i18n/types';

export const privacyMessages: Messages = {
  // The guard as a gate (guardText.ts): lists the fragments; shown to the author only.
  'privacy.blocked': {
    nl: 'Niet geplaatst: dit lijkt patiëntgegevens te bevatten. Haal weg: {fragments}.',
    en: 'Not posted: this seems to contain patient data. Remove: {fragments}.',
  },
};
