/**
 * Who may do what with polls, from the person's roles as they are now (checked server-side on every
 * command, card action and export download; card data and old export links never decide):
 *
 * - create, edit and publish a draft: a coordinator (of any wijkgroep) or an admin;
 * - close, remind and export a published poll: its creator while they are still a coordinator, or an admin.
 *   Creating a poll took the coordinator role, so managing it does too: a creator who lost the role since
 *   is refused with the reason (not the generic "only the creator"), and an admin can still act, so no
 *   poll is left without anyone who can close it.
 */
import { DomainError } from '../errors';
import { coordinatedGroupIds, isAdmin, type Actor } from '../groups/types';
import type { PollRecord } from './types';

/** create, edit and publish: coordinators and admins */
export function canCreatePolls(actor: Pick<Actor, 'roles' | 'personId'>): boolean {
  return Boolean(actor.personId) && (isAdmin(actor) || actor.roles.some((r) => r.role === 'coordinator'));
}

type Manager = Pick<Actor, 'roles' | 'personId'>;
type Managed = Pick<PollRecord, 'creatorId' | 'creatorName'>;

/** Why this person may not manage the poll, as which of the two reasons; null when they may. */
function refusal(actor: Manager, poll: Managed): 'notCreator' | 'noLongerCoordinator' | null {
  if (isAdmin(actor)) return null;
  if (actor.personId === null || actor.personId !== poll.creatorId) return 'notCreator';
  return canCreatePolls(actor) ? null : 'noLongerCoordinator';
}

/** close, remind, export: why this person may not, or null when they may (the creator while a coordinator, or an admin) */
export function manageRefusal(actor: Manager, poll: Managed, notCreatorCode = 'polls.manage.notAllowed'): DomainError | null {
  const why = refusal(actor, poll);
  if (why === 'notCreator') return new DomainError(notCreatorCode, { creator: poll.creatorName });
  if (why === 'noLongerCoordinator') return new DomainError('polls.manage.noLongerCoordinator');
  return null;
}

/** The same rule as a yes/no, without building an error (every vote asks, for the buttons on the voter's card). */
export function canManagePoll(actor: Manager, poll: Managed): boolean {
  return refusal(actor, poll) === null;
}

/** The groups a person may address or post to; null = every group (admins). */
export function allowedGroups(actor: Pick<Actor, 'roles'>): Set<string> | null {
  return isAdmin(actor) ? null : new Set(coordinatedGroupIds(actor));
}
