/** Prisma reads and writes for wijkgroepen, people and memberships. */
import type { Db, Tx } from '../../db/client';
import { Prisma } from '../../generated/prisma/client';
import { GLOBAL_SCOPE, type Role, type RoleGrant } from './types';

export const personWithRoles = {
  id: true,
  name: true,
  aadObjectId: true,
  email: true,
  memberships: { select: { role: true, groupId: true, group: { select: { name: true } } } },
} as const;

export interface PersonWithRoles {
  id: string;
  name: string;
  aadObjectId: string | null;
  email: string | null;
  memberships: { role: string; groupId: string | null; group: { name: string } | null }[];
}

export function grantsOf(p: PersonWithRoles | null): RoleGrant[] {
  if (!p) return [];
  return p.memberships.map((m) => ({ role: m.role as Role, groupId: m.groupId, groupName: m.group?.name ?? null }));
}

/**
 * The actor lookup on every first click of a person: one JOIN instead of the three queries Prisma issues
 * for a nested select (it loads relations level by level), and for many people at once when a storm of
 * first clicks arrives together (GroupsService batches them). Plain portable SQL with quoted identifiers.
 */
export async function findPeopleByAad(db: Db | Tx, aadObjectIds: string[]): Promise<Map<string, PersonWithRoles>> {
  const people = new Map<string, PersonWithRoles>();
  if (!aadObjectIds.length) return people;
  const rows = await db.$queryRaw<{ id: string; name: string; aadObjectId: string; email: string | null; role: string | null; groupId: string | null; groupName: string | null }[]>`
    SELECT p."id", p."name", p."aadObjectId", p."email", m."role", m."groupId", g."name" AS "groupName"
    FROM "Person" p
    LEFT JOIN "Membership" m ON m."personId" = p."id"
    LEFT JOIN "WijkGroup" g ON g."id" = m."groupId"
    WHERE p."aadObjectId" IN (${Prisma.join(aadObjectIds)})
    ORDER BY p."aadObjectId", m."role", m."groupId"`;
  for (const r of rows) {
    let person = people.get(r.aadObjectId);
    if (!person) people.set(r.aadObjectId, (person = { id: r.id, name: r.name, email: r.email, aadObjectId: r.aadObjectId, memberships: [] }));
    if (r.role !== null) person.memberships.push({ role: r.role, groupId: r.groupId, group: r.groupName === null ? null : { name: r.groupName } });
  }
  return people;
}

export async function findPersonByAad(db: Db | Tx, aadObjectId: string): Promise<PersonWithRoles | null> {
  return (await findPeopleByAad(db, [aadObjectId])).get(aadObjectId) ?? null;
}

export function findPersonByEmail(db: Db | Tx, email: string): Promise<PersonWithRoles | null> {
  return db.person.findUnique({ where: { email: email.toLowerCase() }, select: personWithRoles });
}

export async function countPeopleAwaitingMatch(db: Db): Promise<number> {
  return db.person.count({ where: { aadObjectId: null, email: { not: null } } });
}

export function findGroupBySlug(db: Db | Tx, slug: string) {
  return db.wijkGroup.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
}

export function listGroups(db: Db) {
  return db.wijkGroup.findMany({
    orderBy: { name: 'asc' },
    select: {
      id: true, name: true, slug: true, region: true,
      conversation: { select: { id: true, name: true } },
      _count: { select: { memberships: true } },
    },
  });
}

export function scopeOf(groupId: string | null): string {
  return groupId ?? GLOBAL_SCOPE;
}

export async function upsertMembership(tx: Tx, personId: string, role: Role, groupId: string | null): Promise<boolean> {
  const scope = scopeOf(groupId);
  const existing = await tx.membership.findUnique({ where: { personId_role_scope: { personId, role, scope } }, select: { id: true } });
  if (existing) return false;
  await tx.membership.create({ data: { personId, role, groupId, scope } });
  return true;
}

export async function deleteMembership(tx: Tx, personId: string, role: Role, groupId: string | null): Promise<boolean> {
  const { count } = await tx.membership.deleteMany({ where: { personId, role, scope: scopeOf(groupId) } });
  return count > 0;
}

/** People of a wijkgroep who hold one of the given roles (for invitations, audiences, reminders). */
export function membersOfGroup(db: Db | Tx, groupId: string, roles?: readonly Role[]) {
  return db.person.findMany({
    where: { memberships: { some: { groupId, ...(roles ? { role: { in: [...roles] } } : {}) } } },
    select: { id: true, name: true, aadObjectId: true, email: true },
    orderBy: { name: 'asc' },
  });
}
