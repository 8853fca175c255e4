/**
 * Who may do what with a klankbord poll. Checked server-side on every command, card action and export
 * download, with the roles as they are now (card data and old export links never decide):
 *
 * - create, edit and publish a draft: a coordinator (of any wijkgroep) or an admin;
 * - close, remind and export a published poll: its creator while they are still a coordinator, or an admin.
 *   Creating a poll took the coordinator role, so managing it does too: a creator who lost the role since
 *   is refused with the reason (not the generic "only the creator"), and an admin can still act, so no
 *   poll is left without anyone who can close it.
 */
import { DomainError } from '../errors';
import { isAdmin, type Actor } from '../groups/types';
import type { PollRecord } from './types';

type Who = Pick<Actor, 'roles' | 'personId'>;

export function canCreatePoll(actor: Who): boolean {
  return Boolean(actor.personId) && (isAdmin(actor) || actor.roles.some((r) => r.role === 'coordinator'));
}

/** Why this person may not manage the poll, or null when they may. */
export function manageRefusal(actor: Who, poll: Pick<PollRecord, 'creatorId' | 'creatorName'>, notCreatorCode = 'polls.manage.notAllowed'): DomainError | null {
  if (isAdmin(actor)) return null;
  if (actor.personId === null || actor.personId !== poll.creatorId) return new DomainError(notCreatorCode, { creator: poll.creatorName });
  if (!canCreatePoll(actor)) return new DomainError('polls.manage.noLongerCoordinator');
  return null;
}

export function canManagePoll(actor: Who, poll: Pick<PollRecord, 'creatorId' | 'creatorName'>): boolean {
  return manageRefusal(actor, poll) === null;
}
