/**
 * The stable surface of the meetings feature that other features build on (meeting summaries / verslagen).
 * It lives outside both: the meetings feature implements it, summaries codes against it, and neither
 * imports the other. Kept small and free of Prisma and Teams types.
 *
 * The Teams layer hands the implementation over:
 *   const meetings = (modules.find((m) => m.name === 'meetings') as MeetingsModule).meetings;
 */
import type { Actor } from '../features/groups/types';

/** The kinds of meeting (their vocabulary and defaults are the meetings feature's, in its types.ts). */
export type MeetingType = 'FTO' | 'PaTz' | 'spiegel' | 'wijkoverleg';

export interface MeetingForSummary {
  id: string;
  groupId: string;
  groupName: string;
  type: MeetingType;
  startsAt: Date;
  endsAt: Date;
  theme: string | null;
  /** 'planned' | 'cancelled' */
  status: string;
  /**
   * Who was there: the coordinator's confirmed attendance when it exists, otherwise the people who
   * answered "Ik kom" (the best guess before the presentielijst is confirmed). Sorted by name.
   */
  attendees: { personId: string; name: string; role: string }[];
}

/**
 * Lines to show on the next FTO invitation of a group, e.g. the afspraken that are due for checking
 * ("Afspraak: PPI afbouwen na 8 weken — toetsen"). Called when an invitation card is rendered; must be
 * fast and must not throw (a failure leaves the lines out). Organisational text only.
 */
export type AgreementsProvider = (groupId: string) => Promise<string[]>;

/**
 * Whether a meeting has a verslag yet: 'draft' (opened, not posted) or 'posted'. The attendance card uses
 * it so it offers "Verslag schrijven" only when there is none (not under a form that is already open).
 */
export type SummaryState = 'none' | 'draft' | 'posted';
export type SummaryStateProvider = (meetingId: string) => Promise<SummaryState>;

export interface MeetingsPort {
  /**
   * ref = the meeting's short code as shown on cards ('FTO-7K2', any case) or its id.
   * Throws DomainError('meetings.ref.notFound') when there is no such meeting, and
   * DomainError('meetings.access.notCoordinator') when the actor does not coordinate its group (admins may).
   */
  findForSummary(ref: string, actor: Actor): Promise<MeetingForSummary>;
  /** The most recent meeting that has ended (not cancelled) in a group the actor coordinates; null if none. */
  latestEndedFor(actor: Actor): Promise<MeetingForSummary | null>;
  /** Register (or replace) the provider of afspraken for FTO invitations. */
  setAgreementsProvider(fn: AgreementsProvider | null): void;
  /** Register (or replace) who tells whether a meeting has a verslag (draft or posted). */
  setSummaryStateProvider(fn: SummaryStateProvider | null): void;
}
