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

/** close, remind, export: why this person may not, or null when they may (the creator while a coordinator, or an admin) */
export function manageRefusal(actor: Pick<Actor, 'roles' | 'personId'>, poll: Pick<PollRecord, 'creatorId' | 'creatorName'>, notCreatorCode = 'polls.manage.notAllowed'): DomainError | null {
  if (isAdmin(actor)) return null;
  if (actor.personId === null || actor.personId !== poll.creatorId) return new DomainError(notCreatorCode, { creator: poll.creatorName });
  if (!canCreatePolls(actor)) return new DomainError('polls.manage.noLongerCoordinator');
  return null;
}

export function canManagePoll(actor: Pick<Actor, 'roles' | 'personId'>, poll: Pick<PollRecord, 'creatorId' | 'creatorName'>): boolean {
  return manageRefusal(actor, poll) === null;
}

/** The groups a person may address or post to; null = every group (admins). */
export function allowedGroups(actor: Pick<Actor, 'roles'>): Set<string> | null {
  return isAdmin(actor) ? null : new Set(coordinatedGroupIds(actor));
}
