/**
 * What the meetings use-cases hand back to their callers (the Teams handlers and the cards): kept apart
 * from service.ts so the service holds only the rules.
 */
import type { DraftPlan, PlannedOccurrence, Problem } from './drafts';
import type { RescheduleTarget } from './planCommand';
import type { GroupInfo, MeetingRecord } from './repository';
import type { MeetingWarning } from './types';

export interface DraftView {
  id: string;
  status: 'open' | 'confirmed' | 'discarded';
  plan: DraftPlan;
  occurrences: (PlannedOccurrence & { conflicts: MeetingRecord[] })[];
  /** everything the coordinator should see before confirming, parser remarks and fresh calendar checks */
  warnings: MeetingWarning[];
  /** groups the coordinator may plan for (the card's choice list) */
  groups: GroupInfo[];
}

export type ConfirmOutcome =
  | { kind: 'created'; meetings: MeetingRecord[] }
  | { kind: 'already'; meetings: MeetingRecord[] }
  /** `changed`: the coordinator's edits were taken over and the card is shown again, checked, to confirm */
  | { kind: 'review'; draft: DraftView; problems: Problem[]; changed?: boolean };

export type RsvpOutcome = 'recorded' | 'changed' | 'unchanged';

export interface ReschedulePlan {
  meeting: MeetingRecord;
  target: RescheduleTarget & { startsAt: Date };
  endsAt: Date;
  warnings: MeetingWarning[];
}

export interface ChangeResult {
  changed: boolean;
  meeting: MeetingRecord;
  /** people who answered "Ik kom" (they get a personal message) */
  yesPersonIds: string[];
}
