/** Meeting summaries (verslagen): shapes and limits. Pure: no Teams or Prisma types. */
import type { Actor } from '../groups/types';
import type { MeetingForSummary, MeetingType } from '../../ports/meetingsPort';

export type { MeetingForSummary, MeetingType };

/**
 * The part of the meetings port (src/ports/meetingsPort.ts) summaries code against; the real
 * MeetingsService implements it. `findForSummary` takes the meeting's short code shown on cards and throws
 * a DomainError when the meeting does not exist or the actor does not coordinate its group.
 */
export interface SummaryMeetingSource {
  findForSummary(ref: string, actor: Actor): Promise<MeetingForSummary>;
  /** The actor's most recently ended meeting (as coordinator), for a bare `verslag`. */
  latestEndedFor(actor: Actor): Promise<MeetingForSummary | null>;
}

export type SummaryStatus = 'draft' | 'posting' | 'posted';

/** The four free-text fields of the form card, exactly as typed. */
export type SummaryForm = {
  summary: string;
  decisions: string;
  actions: string;
  nextMeeting: string;
};

export const FORM_FIELDS: readonly (keyof SummaryForm)[] = ['summary', 'decisions', 'actions', 'nextMeeting'];

/**
 * Card data is user input. Limits keep the form card (which echoes the text back) and the invoke payload
 * well inside Teams' ~100 KB per message; the posted verslag is split over several messages when needed.
 */
export const LIMITS = {
  summaryChars: 40_000,
  decisionLines: 100,
  decisionChars: 1_000,
  actionLines: 50,
  actionWhatChars: 500,
  /** a whole line of 'wat | wie | datum' */
  actionLineChars: 700,
  nextMeetingChars: 200,
  /** any other string in card data (ids, toggles) */
  idChars: 60,
} as const;

export interface Attendee {
  personId: string;
  name: string;
  role: string;
}

export interface SummaryRecord {
  id: string;
  meetingId: string;
  groupId: string;
  groupName: string;
  meetingType: MeetingType;
  meetingStartsAt: Date;
  meetingEndsAt: Date;
  theme: string | null;
  attendance: Attendee[];
  status: SummaryStatus;
  form: SummaryForm;
  locale: 'nl' | 'en';
  authorId: string;
  authorName: string;
  privacyOverride: boolean;
  conversationId: string | null;
  messageIds: string[];
  postedAt: Date | null;
  postedBy: string | null;
}

/** A problem with what the coordinator typed; shown on the form card, nothing typed is lost. */
export interface Problem {
  code: string;
  params?: Record<string, string | number>;
}

export interface ParsedAction {
  what: string;
  ownerId: string;
  ownerName: string;
  /** 'YYYY-MM-DD' (Amsterdam calendar day) */
  dueDate: string;
}

export interface ParsedSummary {
  summary: string;
  decisions: string[];
  actions: ParsedAction[];
  /** null when left empty */
  nextMeeting: { text: string; startsAt: Date | null; localDate: string } | null;
}

/** FTO decisions are afspraken that a later FTO checks (IVM level 4). */
export function tracksAgreements(type: MeetingType | string): boolean {
  return type === 'FTO';
}

export const agreementCode = (id: number): string => `A${id}`;
export const actionCode = (id: number): string => `#${id}`;

/** Kind of job that sends one action item's personal reminder. */
export const ACTION_REMINDER_JOB = 'summary.actionReminder';
export const actionReminderKey = (itemId: number): string => `summary.action.remind:${itemId}`;
/** Reminders go out this many days before the due date, at REMINDER_HOUR in Amsterdam. */
export const REMINDER_DAYS_BEFORE = 2;
export const REMINDER_HOUR = 9;
/** A post that neither finished nor failed this long ago died with its process; it may be retried. */
export const STALE_POSTING_MS = 2 * 60_000;
