/**
 * Meeting vocabulary shared by the parser, the scheduler and the cards: which meeting types exist, what
 * coordinators type to name them, how long they last by default and whom they invite.
 */

import type { MeetingType } from '../../ports/meetingsPort';
import { wordTable } from '../../text/wordTable';

export type { MeetingType };

export const MEETING_TYPES: readonly MeetingType[] = ['FTO', 'PaTz', 'spiegel', 'wijkoverleg'];

export type Role = 'huisarts' | 'coordinator' | 'raadslid' | 'apotheker' | 'wijkverpleegkundige' | 'admin';

export const ALL_ROLES: readonly Role[] = ['huisarts', 'coordinator', 'raadslid', 'apotheker', 'wijkverpleegkundige', 'admin'];

/**
 * Words coordinators type for each type (lower case, without diacritics). Kept to the words that are
 * unambiguous in a `plan ...` command: "overleg" alone means the group's general meeting, because FTO and
 * PaTz are always named explicitly in the jaaragenda.
 */
export const MEETING_TYPE_ALIASES: Readonly<Record<string, MeetingType>> = wordTable({
  fto: 'FTO',
  farmaco: 'FTO',
  patz: 'PaTz',
  palliatief: 'PaTz',
  spiegel: 'spiegel',
  spiegelbijeenkomst: 'spiegel',
  wijkoverleg: 'wijkoverleg',
  overleg: 'wijkoverleg',
});

/** FTO: the usual evening session (theme, prescribing data, agreements) runs 1.5 h in the ROHA year plans. */
export const FTO_DEFAULT_MINUTES = 90;
/** PaTz: patz.nu describes 6 meetings a year of 1 to 1.5 h; we plan the upper bound so nobody is cut off. */
export const PATZ_DEFAULT_MINUTES = 90;
/** Spiegelbijeenkomst: comparing one's own care data with colleagues' needs time for discussion: 2 h. */
export const SPIEGEL_DEFAULT_MINUTES = 120;
/** Wijkoverleg: the general group meeting, often with a partner as guest, is typically 1.5 h. */
export const WIJKOVERLEG_DEFAULT_MINUTES = 90;

export const DEFAULT_DURATION_MINUTES: Readonly<Record<MeetingType, number>> = {
  FTO: FTO_DEFAULT_MINUTES,
  PaTz: PATZ_DEFAULT_MINUTES,
  spiegel: SPIEGEL_DEFAULT_MINUTES,
  wijkoverleg: WIJKOVERLEG_DEFAULT_MINUTES,
};

/**
 * Who gets the invitation. FTO needs GPs plus at least one pharmacist (the insurers' minimum); PaTz brings
 * GPs and district nurses together, and the coordinator is invited because they chair or support the
 * chair; a spiegelbijeenkomst is GPs only (they discuss their own care data); the wijkoverleg is for
 * everyone in the group.
 */
export const INVITED_ROLES: Readonly<Record<MeetingType, readonly Role[]>> = {
  FTO: ['huisarts', 'apotheker'],
  PaTz: ['huisarts', 'wijkverpleegkundige', 'coordinator'],
  spiegel: ['huisarts'],
  wijkoverleg: ALL_ROLES,
};

/** Long names for display in "what I understood" lines. */
export const MEETING_TYPE_LABELS: Readonly<Record<MeetingType, { nl: string; en: string }>> = {
  FTO: { nl: 'FTO (farmacotherapeutisch overleg)', en: 'FTO (pharmacotherapy meeting)' },
  PaTz: { nl: 'PaTz (palliatieve thuiszorg)', en: 'PaTz (palliative home care)' },
  spiegel: { nl: 'spiegelbijeenkomst', en: 'peer-comparison meeting (spiegelbijeenkomst)' },
  wijkoverleg: { nl: 'wijkoverleg', en: 'group meeting (wijkoverleg)' },
};

/** Parser remarks and "what I understood" lines come from the shared date parser (src/dates). */
export type { DateWarning as MeetingWarning, UnderstoodItem } from '../../dates/types';
