/** Klankbord polls: the domain's own types and limits. Pure: no Teams or Prisma types. */

/** 2–10 options (the issue); more does not fit a card people read on a phone. */
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 10;
export const MAX_QUESTION_CHARS = 300;
export const MAX_OPTION_CHARS = 80;
export const MAX_COMMENT_CHARS = 500;
/** A deadline closer than this is a typo, not a poll anyone can answer. */
export const MIN_DEADLINE_AHEAD_MS = 5 * 60_000;
/** Klankbord rounds run for days or weeks; a year out is a typo in the year. */
export const MAX_DEADLINE_AHEAD_MS = 180 * 24 * 3_600_000;
/** Teams shows a user-specific view to at most 60 listed users (User-Specific-Views docs). */
export const MAX_REFRESH_USERS = 60;
/** Single-choice named polls get one button per option up to this many; beyond, a choice list fits better. */
export const MAX_BUTTON_OPTIONS = 5;
/** Feedback shown on the final card; the rest is in the CSV export (keeps the card well under 80 KB). */
export const MAX_COMMENTS_ON_CARD = 40;
/** Votes and feedback are organisational data we do not need forever (domain.md, retention): one year after closing. */
export const RETENTION_AFTER_CLOSE_MS = 365 * 24 * 3_600_000;
/** An export link is for downloading now, not for forwarding. */
export const EXPORT_LINK_TTL_MS = 15 * 60_000;

export type PollStatus = 'draft' | 'publishing' | 'open' | 'closed';
export type Audience = 'raad' | 'groups' | 'all';

/** Where the poll card is posted: the conversation the draft was made in, or a wijkgroep's linked channel. */
export type Target = { kind: 'here' } | { kind: 'group'; groupId: string };

export interface PollSettings {
  question: string;
  options: string[];
  multiple: boolean;
  anonymous: boolean;
  /** results on the card while voting; forced false for anonymous polls */
  resultsLive: boolean;
  feedback: boolean;
  deadline: Date | null;
  audience: Audience;
  audienceGroupIds: string[];
  target: Target;
}

export interface PollRecord extends PollSettings {
  id: number;
  status: PollStatus;
  creatorId: string;
  creatorName: string;
  locale: 'nl' | 'en';
  draftConversationId: string;
  conversationId: string | null;
  messageId: string | null;
  eligibleCount: number;
  changes: number;
  result: FrozenResult | null;
  publishedAt: Date | null;
  closedAt: Date | null;
  closedBy: string | null;
}

/** Counts per option in option order. */
export type Counts = number[];

/** What is frozen into the poll row (and the audit trail) at close: the result no one edits afterwards. */
export interface FrozenResult {
  counts: Counts;
  voters: number;
  eligible: number;
}

export interface Comment {
  /** null for anonymous polls */
  author: string | null;
  text: string;
}

/** Everything a card needs about the poll at one moment. */
export interface PollSnapshot {
  poll: PollRecord;
  counts: Counts;
  voters: number;
  comments: Comment[];
}

/** The acting voter's own ballot, as far as the server may know it. */
export type MyBallot =
  | { kind: 'none' }
  /** named: the choices are known and can be changed or withdrawn */
  | { kind: 'named'; choices: number[]; comment: string | null }
  /** anonymous: the server knows THAT you voted, never WHAT */
  | { kind: 'anonymous' };

export function parseTarget(raw: string): Target {
  return raw.startsWith('group:') ? { kind: 'group', groupId: raw.slice('group:'.length) } : { kind: 'here' };
}

export function formatTarget(target: Target): string {
  return target.kind === 'group' ? `group:${target.groupId}` : 'here';
}
