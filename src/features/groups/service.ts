/**
 * Use-cases for wijkgroepen, people, roles and channel links. Every write that touches more than one row
 * runs in one transaction together with its audit entry.
 */
import { distance } from 'fastest-levenshtein';
import type { Db, Tx } from '../../db/client';
import { auditActor, recordAudit } from '../audit/auditLog';
import { DomainError } from '../errors';
import * as repo from './repository';
import type { RosterRow } from './rosterCsv';
import { importRoster, type RosterImportOptions, type RosterImportResult } from './rosterImport';
import {
  canManageRole, GROUP_ROLES, isAdmin, isCoordinatorOf, roleLabel, roleParams, slugify,
  type Actor, type Locale, type Role,
} from './types';

export interface Identity {
  aadObjectId: string;
  tenantId: string;
  name: string;
  locale: Locale;
}

export interface PersonRef {
  aadObjectId?: string;
  email?: string;
  name?: string;
}

export interface GroupRef { id: string; name: string; slug: string }

export type { RosterPlan } from './rosterImport';

/**
 * Roles are read on every turn but change rarely, so resolved people are cached briefly. Every role change
 * made through this service clears the cache at once; another bot instance sharing the database sees a
 * change within ACTOR_CACHE_TTL_MS.
 */
export const ACTOR_CACHE_TTL_MS = 10_000;

type PersonLookup = { resolve: (p: repo.PersonWithRoles | null) => void; reject: (err: unknown) => void };

export class GroupsService {
  private readonly actorCache = new Map<string, { person: repo.PersonWithRoles | null; expires: number }>();
  /** first lookups waiting for the next batch query (a storm of first clicks: one query, not hundreds) */
  private pendingLookups: Map<string, PersonLookup[]> | null = null;
  /** bumped by every invalidation: a batch read before it must not refill the cache with old roles */
  private cacheGeneration = 0;

  constructor(
    private readonly db: Db,
    private readonly bootstrapAdmins: readonly string[],
    private readonly now: () => number = Date.now,
  ) {}

  private async afterRoleChange<T>(change: Promise<T>): Promise<T> {
    try {
      return await change;
    } finally {
      this.invalidateActors();
    }
  }

  /** Call after any write to people or memberships. */
  invalidateActors(): void {
    this.actorCache.clear();
    this.cacheGeneration++;
  }

  private personByAad(aad: string): Promise<repo.PersonWithRoles | null> {
    const hit = this.actorCache.get(aad);
    if (hit && hit.expires > this.now()) return Promise.resolve(hit.person);
    if (!this.pendingLookups) {
      this.pendingLookups = new Map();
      setImmediate(() => void this.lookupPending()); // whatever else arrives in this turn of the event loop joins
    }
    const waiting = this.pendingLookups;
    return new Promise((resolve, reject) => {
      const list = waiting.get(aad);
      if (list) list.push({ resolve, reject });
      else waiting.set(aad, [{ resolve, reject }]);
    });
  }

  private async lookupPending(): Promise<void> {
    const batch = this.pendingLookups!;
    this.pendingLookups = null;
    const generation = this.cacheGeneration;
    try {
      const people = await repo.findPeopleByAad(this.db, [...batch.keys()]);
      const cacheable = generation === this.cacheGeneration;
      for (const [aad, waiters] of batch) {
        const person = people.get(aad) ?? null;
        // unknown people are not cached: their e-mail match or bootstrap must be seen on the next turn
        if (person && cacheable) this.actorCache.set(aad, { person, expires: this.now() + ACTOR_CACHE_TTL_MS });
        for (const w of waiters) w.resolve(person);
      }
    } catch (err) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(err);
    }
  }

  /**
   * Who is acting: matched by Entra object id, else (once) by the e-mail Teams knows for this user when a
   * roster row was imported with only an e-mail. Bootstrap admins from ADMINS get their role on first sight.
   */
  async resolveActor(identity: Identity, lookupEmail?: () => Promise<string | undefined>): Promise<Actor> {
    const aad = identity.aadObjectId.toLowerCase();
    let person = await this.personByAad(aad);
    if (!person && lookupEmail && (await repo.countPeopleAwaitingMatch(this.db)) > 0) {
      const email = (await lookupEmail())?.toLowerCase();
      const byEmail = email ? await repo.findPersonByEmail(this.db, email) : null;
      if (byEmail && !byEmail.aadObjectId) {
        person = await this.db.$transaction(async (tx) => {
          // a person added by e-mail only (`rol huisarts x@y.nl`) carries the address as name until Teams tells us theirs
          const name = byEmail.name === byEmail.email && identity.name ? identity.name : undefined;
          await tx.person.update({ where: { id: byEmail.id }, data: { aadObjectId: aad, ...(name ? { name } : {}) } });
          await recordAudit(tx, { actorId: byEmail.id, actorLabel: byEmail.name, action: 'person.matchedByEmail', entityType: 'Person', entityId: byEmail.id });
          return repo.findPersonByAad(tx, aad);
        });
        this.invalidateActors();
      }
    }
    if (this.bootstrapAdmins.includes(aad) && !person?.memberships.some((m) => m.role === 'admin')) {
      person = await this.db.$transaction(async (tx) => {
        const p = await tx.person.upsert({ where: { aadObjectId: aad }, update: {}, create: { aadObjectId: aad, name: identity.name || 'Beheerder' }, select: { id: true, name: true } });
        if (await repo.upsertMembership(tx, p.id, 'admin', null)) {
          await recordAudit(tx, { actorId: null, actorLabel: 'systeem (ADMINS)', action: 'role.grant', entityType: 'Person', entityId: p.id, details: { role: 'admin', source: 'ADMINS' } });
        }
        return repo.findPersonByAad(tx, aad);
      });
      this.invalidateActors();
    }
    return {
      personId: person?.id ?? null,
      aadObjectId: aad,
      tenantId: identity.tenantId,
      name: person?.name ?? identity.name,
      locale: identity.locale,
      roles: repo.grantsOf(person),
    };
  }

  listGroups() {
    return repo.listGroups(this.db);
  }

  /** "Oost", "wijkgroep oost", "oost-watergraafsmeer": exact slug, then a unique prefix, else a suggestion. */
  async resolveGroup(text: string): Promise<GroupRef> {
    const slug = slugify(text);
    if (!slug) throw new DomainError('groups.groupMissing');
    const exact = await repo.findGroupBySlug(this.db, slug);
    if (exact) return exact;
    const all = await this.db.wijkGroup.findMany({ select: { id: true, name: true, slug: true } });
    const prefixed = all.filter((g) => g.slug.startsWith(slug));
    if (prefixed.length === 1) return prefixed[0];
    const closest = all
      .map((g) => ({ g, d: distance(g.slug, slug) }))
      .sort((a, b) => a.d - b.d)[0];
    const suggestion = closest && closest.d <= Math.max(2, Math.floor(slug.length / 3)) ? closest.g.name : '';
    throw new DomainError(suggestion ? 'groups.unknownGroupSuggest' : 'groups.unknownGroup', { name: text.trim(), suggestion });
  }

  async grantRole(actor: Actor, role: Role, target: PersonRef, groupText?: string): Promise<{ changed: boolean; personName: string; groupName: string | null }> {
    const group = await this.groupForRole(role, groupText);
    if (!canManageRole(actor, role, group?.id ?? null)) throw new DomainError('groups.notAllowedToGrant', roleParams(role));
    return this.afterRoleChange(this.db.$transaction(async (tx) => {
      const person = await this.findOrCreatePerson(tx, target);
      const changed = await repo.upsertMembership(tx, person.id, role, group?.id ?? null);
      if (changed) {
        await recordAudit(tx, { ...auditActor(actor), action: 'role.grant', entityType: 'Person', entityId: person.id, details: { role, groupId: group?.id ?? null } });
      }
      return { changed, personName: person.name, groupName: group?.name ?? null };
    }));
  }

  async revokeRole(actor: Actor, role: Role, target: PersonRef, groupText?: string): Promise<{ changed: boolean; personName: string; groupName: string | null }> {
    const group = await this.groupForRole(role, groupText);
    if (!canManageRole(actor, role, group?.id ?? null)) throw new DomainError('groups.notAllowedToGrant', roleParams(role));
    return this.afterRoleChange(this.db.$transaction(async (tx) => {
      const person = await this.findPerson(tx, target);
      if (!person) throw new DomainError('groups.personUnknown', { who: target.email ?? target.name ?? '?' });
      if (role === 'admin') {
        const admins = await tx.membership.count({ where: { role: 'admin' } });
        if (admins <= 1) throw new DomainError('groups.lastAdmin');
      }
      const changed = await repo.deleteMembership(tx, person.id, role, group?.id ?? null);
      if (changed) {
        await recordAudit(tx, { ...auditActor(actor), action: 'role.revoke', entityType: 'Person', entityId: person.id, details: { role, groupId: group?.id ?? null } });
      }
      return { changed, personName: person.name, groupName: group?.name ?? null };
    }));
  }

  /** Link a Teams channel (already known to the bot) to a wijkgroep; a group has one channel at a time. */
  async linkChannel(actor: Actor, conversationId: string, groupText: string): Promise<{ group: GroupRef; previousChannel: string | null }> {
    const group = await this.resolveGroup(groupText);
    if (!isCoordinatorOf(actor, group.id)) throw new DomainError('groups.notCoordinator', { group: group.name });
    return this.db.$transaction(async (tx) => {
      // A channel already serving another wijkgroep changes hands only by someone who may speak for that group.
      const current = await tx.conversation.findUnique({ where: { id: conversationId }, select: { wijkGroup: { select: { id: true, name: true } } } });
      if (current?.wijkGroup && current.wijkGroup.id !== group.id && !isCoordinatorOf(actor, current.wijkGroup.id)) {
        throw new DomainError('groups.channelLinkedToOther', { group: current.wijkGroup.name });
      }
      const previous = await tx.conversation.findUnique({ where: { wijkGroupId: group.id }, select: { id: true, name: true } });
      if (previous && previous.id !== conversationId) {
        await tx.conversation.update({ where: { id: previous.id }, data: { wijkGroupId: null } });
      }
      await tx.conversation.update({ where: { id: conversationId }, data: { wijkGroupId: group.id } });
      await recordAudit(tx, { ...auditActor(actor), action: 'channel.link', entityType: 'WijkGroup', entityId: group.id, details: { conversationId, previous: previous?.id ?? null } });
      return { group, previousChannel: previous && previous.id !== conversationId ? previous.name ?? previous.id : null };
    });
  }

  async unlinkChannel(actor: Actor, conversationId: string): Promise<GroupRef | null> {
    const conv = await this.db.conversation.findUnique({ where: { id: conversationId }, select: { wijkGroup: { select: { id: true, name: true, slug: true } } } });
    const group = conv?.wijkGroup;
    if (!group) return null;
    if (!isCoordinatorOf(actor, group.id)) throw new DomainError('groups.notCoordinator', { group: group.name });
    await this.db.$transaction(async (tx) => {
      await tx.conversation.update({ where: { id: conversationId }, data: { wijkGroupId: null } });
      await recordAudit(tx, { ...auditActor(actor), action: 'channel.unlink', entityType: 'WijkGroup', entityId: group.id, details: { conversationId } });
    });
    return group;
  }

  async groupOfConversation(conversationId: string): Promise<GroupRef | null> {
    const conv = await this.db.conversation.findUnique({ where: { id: conversationId }, select: { wijkGroup: { select: { id: true, name: true, slug: true } } } });
    return conv?.wijkGroup ?? null;
  }

  /** Applies a validated roster file in short chunks while the bot keeps answering (rosterImport.ts). */
  async importRoster(rows: RosterRow[], opts: RosterImportOptions): Promise<RosterImportResult> {
    try {
      return await importRoster(this.db, rows, opts);
    } finally {
      if (!opts.dryRun) this.invalidateActors();
    }
  }

  async exportRoster(): Promise<Omit<RosterRow, 'line'>[]> {
    const memberships = await this.db.membership.findMany({
      select: { role: true, group: { select: { name: true } }, person: { select: { name: true, email: true, aadObjectId: true } } },
      orderBy: [{ group: { name: 'asc' } }, { person: { name: 'asc' } }, { role: 'asc' }],
    });
    return memberships.map((m) => ({ groupName: m.group?.name ?? null, name: m.person.name, email: m.person.email, aadObjectId: m.person.aadObjectId, role: m.role as Role }));
  }

  private async groupForRole(role: Role, groupText?: string): Promise<GroupRef | null> {
    if (groupText) return this.resolveGroup(groupText);
    if (GROUP_ROLES.includes(role)) throw new DomainError('groups.roleNeedsGroup', roleParams(role));
    return null;
  }

  private async findPerson(tx: Tx, target: PersonRef) {
    if (target.aadObjectId) {
      const p = await repo.findPersonByAad(tx, target.aadObjectId.toLowerCase());
      if (p) return p;
    }
    if (target.email) return repo.findPersonByEmail(tx, target.email);
    return null;
  }

  private async findOrCreatePerson(tx: Tx, target: PersonRef): Promise<{ id: string; name: string }> {
    const found = await this.findPerson(tx, target);
    if (found) return found;
    if (!target.aadObjectId && !target.email) throw new DomainError('groups.personUnknown', { who: target.name ?? '?' });
    return tx.person.create({
      data: { aadObjectId: target.aadObjectId?.toLowerCase() ?? null, email: target.email?.toLowerCase() ?? null, name: target.name ?? target.email ?? 'Onbekend' },
      select: { id: true, name: true },
    });
  }
}

/** "coördinator (Oost)", "beheerder": each role as people read it. */
export function summariseGrantsFor(actor: Actor, locale: Locale = 'nl'): string[] {
  return actor.roles.map((r) => (r.groupName ? `${roleLabel(r.role, locale)} (${r.groupName})` : roleLabel(r.role, locale)));
}

export { isAdmin };
