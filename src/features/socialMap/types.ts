/**
 * Domain types of the sociale kaart (social map). Pure data: no Teams, no Prisma.
 *
 * Field names are English except where the Dutch word is the domain term everybody uses (`wijken`).
 * The CSV layer (csvFormat.ts) maps these to the Dutch column names coordinators see.
 */

/** Dutch weekday abbreviations in week order; this order is also the canonical storage order. */
export const WEEKDAYS = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Ways a partner wants to be reached. Stored as an ordered list, preferred first, because "how do I
 * refer" is the second question after "who".
 */
export const COMMUNICATION_CHANNELS = ['zorgdomein', 'siilo', 'zorgmail', 'viplive', 'kis', 'telefoon', 'email'] as const;
export type CommunicationChannel = (typeof COMMUNICATION_CHANNELS)[number];

export interface IntakeStop {
  /** What the partner last told us. Whether it is still in force depends on `until` and today. */
  active: boolean;
  /** Last day of the stop, YYYY-MM-DD (inclusive); null = until further notice. */
  until: string | null;
  note: string | null;
}

/** A partner as it comes from an import or an edit form, before the database gives it an id. */
export interface PartnerInput {
  name: string;
  organisation: string | null;
  /**
   * Code from the built-in list (disciplineList.ts), possibly a specialisation (e.g. `bekkenfysiotherapie`),
   * or, for a care type the list does not have, the label the coordinator wrote ("Voedselbank").
   */
  discipline: string;
  /** Free tags as typed by the coordinator (trimmed, de-duplicated case-insensitively). */
  expertise: string[];
  /** Wijk codes from wijken.ts that the partner serves. */
  wijken: string[];
  /** Extra four-digit postcode areas (PC4, e.g. '1092') served beyond the wijken. */
  postcodeAreas: string[];
  address: string | null;
  city: string | null;
  /** Address postcode, normalised `1234 AB`. */
  postcode: string | null;
  workdays: Weekday[];
  intakeStop: IntakeStop;
  waitWeeks: number | null;
  /** Normalised Dutch national format, e.g. '020-1234567', '06-12345678' (see formats.ts). */
  phone: string | null;
  email: string | null;
  website: string | null;
  communication: CommunicationChannel[];
  /** Vektis AGB-code, exactly 8 digits. */
  agb: string | null;
  lastCheckedAt: Date | null;
  lastCheckedBy: string | null;
}

export interface Partner extends PartnerInput {
  id: string;
}

/** Limits; named so that validation messages, the CSV importer and the UI agree. */
export const PARTNER_LIMITS = {
  nameMax: 120,
  organisationMax: 160,
  addressMax: 160,
  cityMax: 80,
  expertiseTagMax: 60,
  /** A discipline the built-in list does not have is kept as the label the coordinator wrote. */
  disciplineLabelMax: 60,
  expertiseTagsMax: 20,
  wijkenMax: 20,
  postcodeAreasMax: 60,
  /** A PC4 range like 1091-1098 in the CSV expands to at most this many areas. */
  postcodeRangeMax: 30,
  noteMax: 300,
  checkedByMax: 120,
  emailMax: 254,
  websiteMax: 300,
  /** Two years; anything longer is a typo or means "opnamestop". */
  waitWeeksMax: 104,
} as const;

export const SEARCH_LIMITS = {
  /** Cards per page in Teams; more does not fit a carousel or a message-extension list. */
  maxLimit: 50,
  defaultLimit: 10,
  // 40 pages of 25; deeper paging means the query should be narrower, and the heap grows with offset.
  maxOffset: 1_000,
  suggestMax: 25,
  /** Free-text/prefix terms shorter than this are ignored: a single letter matches everything. */
  minTermLength: 2,
} as const;

export const CSV_LIMITS = {
  maxRows: 100_000,
  /** Every error is counted; only this many are kept, the last entry says how many more there were. */
  maxReportedErrors: 5_000,
} as const;

export const FRESHNESS = {
  /** Intake stops and waiting times change fast: remind the coordinator after four weeks. */
  staleAfterDays: 28,
  /** Shown next to "laatst gecontroleerd" on every result when older than this. */
  flagAfterDays: 90,
} as const;
