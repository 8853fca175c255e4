/** Who may do what with polls, from the person's roles (checked server-side on every call; card data never decides). */
import { coordinatedGroupIds, isAdmin, type Actor } from '../groups/types';
import type { PollRecord } from './types';

/** create, edit and publish: coordinators and admins */
export function canCreatePolls(actor: Pick<Actor, 'roles' | 'personId'>): boolean {
  return Boolean(actor.personId) && (isAdmin(actor) || actor.roles.some((r) => r.role === 'coordinator'));
}

/** close, remind, export: the poll's creator or an admin */
export function canManagePoll(actor: Pick<Actor, 'roles' | 'personId'>, poll: Pick<PollRecord, 'creatorId'>): boolean {
  return isAdmin(actor) || (actor.personId !== null && actor.personId === poll.creatorId);
}

/** The groups a person may address or post to; null = every group (admins). */
export function allowedGroups(actor: Pick<Actor, 'roles'>): Set<string> | null {
  return isAdmin(actor) ? null : new Set(coordinatedGroupIds(actor));
}
