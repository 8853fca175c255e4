/**
 * Remembers the teams and conversations the bot has seen, with the conversation reference needed to post
 * proactively later (invitations, reminders, poll results). Stored in the database so it survives restarts.
 * A process-local cache avoids a write on every turn: a conversation is saved once per process, or when
 * its service URL changes.
 */
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { Db } from '../db/client';
import { Prisma } from '../generated/prisma/client';
import type { ConversationInfo, ConversationKind } from './featureModule';

export function conversationInfoOf(activity: Partial<Activity>): ConversationInfo {
  const conv = activity.conversation;
  const rawType = conv?.conversationType;
  const kind: ConversationKind = rawType === 'channel' ? 'channel' : rawType === 'groupChat' ? 'groupChat' : 'personal';
  const channelData = (activity.channelData ?? {}) as { team?: { id?: string }; tenant?: { id?: string } };
  return {
    id: baseConversationId(conv?.id ?? ''),
    kind,
    teamId: channelData.team?.id ?? null,
    tenantId: (channelData.tenant?.id ?? conv?.tenantId ?? '').toLowerCase(),
  };
}

/** In a channel thread the id carries ';messageid=...': posts to the channel use the bare channel id. */
export function baseConversationId(id: string): string {
  return id.split(';messageid=')[0];
}

/** How long remembered Teams ids wait before they are written together. */
const USER_FLUSH_MS = 500;

export class ConversationStore {
  private readonly seen = new Map<string, string>(); // conversation id -> what was last saved (serviceUrl, person)
  private readonly seenUsers = new Map<string, string>(); // person id -> Teams user id and serviceUrl last saved
  private readonly pendingUsers = new Map<string, { userId: string; serviceUrl: string; tenantId: string }>();
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(private readonly db: Db) {}

  async remember(context: TurnContext, personId: string | null): Promise<void> {
    const a = context.activity;
    const info = conversationInfoOf(a);
    if (!info.id || !a.serviceUrl) return;
    // a personal chat is saved again once its person becomes known (they may chat before being on the roster)
    const fingerprint = info.kind === 'personal' ? `${a.serviceUrl}|${personId ?? ''}` : a.serviceUrl;
    if (this.seen.get(info.id) === fingerprint) return;
    const channelData = (a.channelData ?? {}) as { team?: { id?: string; name?: string; aadGroupId?: string }; channel?: { name?: string } };
    const reference = TurnContext.getConversationReference(a) as ConversationReference;
    reference.conversation = { ...reference.conversation, id: info.id };
    delete reference.activityId;
    if (info.teamId) {
      await this.db.team.upsert({
        where: { id: info.teamId },
        update: { serviceUrl: a.serviceUrl, installed: true, ...(channelData.team?.name ? { name: channelData.team.name } : {}) },
        create: { id: info.teamId, name: channelData.team?.name ?? null, aadGroupId: channelData.team?.aadGroupId ?? null, tenantId: info.tenantId, serviceUrl: a.serviceUrl },
      });
    }
    // Teams sends no name for a team's General channel (its id is the team's id); rememberChannels does the same
    const general = info.kind === 'channel' && info.teamId !== null && info.id === info.teamId;
    const name = channelData.channel?.name ?? a.conversation?.name ?? (general ? 'Algemeen' : null);
    const data = {
      kind: info.kind,
      tenantId: info.tenantId,
      serviceUrl: a.serviceUrl,
      teamId: info.teamId,
      reference: JSON.stringify(reference),
      ...(name ? { name } : {}),
    };
    if (info.kind === 'personal' && personId) {
      // one personal chat per person: an older one (a reinstall gives a new id) lets go first
      await this.db.conversation.updateMany({ where: { personId, id: { not: info.id } }, data: { personId: null } });
    }
    await this.db.conversation.upsert({
      where: { id: info.id },
      update: { ...data, ...(info.kind === 'personal' && personId ? { personId } : {}) },
      create: { id: info.id, ...data, personId: info.kind === 'personal' ? personId : null },
    });
    this.seen.set(info.id, fingerprint);
  }

  /**
   * Remembers how Teams can reach this person (their 29:... id), from any activity they send: a channel
   * message or a card click is often all Wijkbot sees of someone who never opened a personal chat.
   * Written behind, in batches: a vote storm of 500 new people must not add 500 writes to its clicks,
   * and losing a batch in a crash only loses a hint that the next click gives again.
   */
  rememberUser(activity: Partial<Activity>, personId: string | null): void {
    const userId = activity.from?.id;
    if (!personId || !userId || !activity.serviceUrl || activity.channelId !== 'msteams') return;
    const fingerprint = `${userId}|${activity.serviceUrl}`;
    if (this.seenUsers.get(personId) === fingerprint) return;
    if (this.seenUsers.size > 10_000) this.seenUsers.clear();
    this.seenUsers.set(personId, fingerprint);
    this.pendingUsers.set(personId, { userId, serviceUrl: activity.serviceUrl, tenantId: conversationInfoOf(activity).tenantId });
    this.flushTimer ??= setTimeout(() => void this.flushUsers(), USER_FLUSH_MS);
    this.flushTimer.unref?.();
  }

  /**
   * The Teams ids of a team's members (its roster when Wijkbot is installed, or people joining it later),
   * for those on Wijkbot's roster: they can then be messaged personally before they ever talk to Wijkbot.
   */
  async rememberTeamMembers(activity: Partial<Activity>, members: { id: string; aadObjectId?: string }[]): Promise<number> {
    const byAad = new Map(members.filter((m) => m.aadObjectId).map((m) => [m.aadObjectId!.toLowerCase(), m.id]));
    if (!byAad.size) return 0;
    const people = await this.db.person.findMany({ where: { aadObjectId: { in: [...byAad.keys()] } }, select: { id: true, aadObjectId: true } });
    for (const p of people) this.rememberUser({ ...activity, from: { id: byAad.get(p.aadObjectId!)!, name: '' } }, p.id);
    return people.length;
  }

  /** Writes the remembered Teams ids (a statement per 200 people); also called when Wijkbot stops. */
  async flushUsers(): Promise<void> {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const batch = [...this.pendingUsers];
    this.pendingUsers.clear();
    if (!batch.length) return;
    try {
      // one statement per 200 people (upserts would cost two or three each); ON CONFLICT … excluded is
      // standard in SQLite and PostgreSQL alike
      const now = new Date();
      for (let i = 0; i < batch.length; i += 200) {
        const rows = batch.slice(i, i + 200).map(([personId, d]) => Prisma.sql`(${personId}, ${d.userId}, ${d.tenantId}, ${d.serviceUrl}, ${now})`);
        await this.db.$executeRaw`INSERT INTO "TeamsUser" ("personId", "userId", "tenantId", "serviceUrl", "updatedAt") VALUES ${Prisma.join(rows)}
          ON CONFLICT ("personId") DO UPDATE SET "userId" = excluded."userId", "tenantId" = excluded."tenantId", "serviceUrl" = excluded."serviceUrl", "updatedAt" = excluded."updatedAt"`;
      }
    } catch {
      for (const [personId] of batch) this.seenUsers.delete(personId); // try again on their next activity
    }
  }

  async teamsUserOf(personId: string): Promise<{ userId: string; tenantId: string; serviceUrl: string } | null> {
    const pending = this.pendingUsers.get(personId);
    if (pending) return pending;
    return this.db.teamsUser.findUnique({ where: { personId }, select: { userId: true, tenantId: true, serviceUrl: true } });
  }

  /** A personal chat Wijkbot started itself (Teams' createConversation): saved like one the person opened. */
  async rememberCreatedPersonal(personId: string, conversationId: string, reference: Partial<ConversationReference>): Promise<void> {
    const data = {
      kind: 'personal', tenantId: reference.conversation?.tenantId ?? '', serviceUrl: reference.serviceUrl ?? '', teamId: null,
      reference: JSON.stringify(reference),
    };
    await this.db.$transaction([
      this.db.conversation.updateMany({ where: { personId, id: { not: conversationId } }, data: { personId: null } }),
      this.db.conversation.upsert({ where: { id: conversationId }, update: { ...data, personId }, create: { id: conversationId, ...data, personId } }),
    ]);
  }

  /** When a team is set up, Teams lists its channels; remember each so it can be linked and posted to. */
  async rememberChannels(context: TurnContext, channels: { id: string; name?: string }[]): Promise<void> {
    const info = conversationInfoOf(context.activity);
    const a = context.activity;
    for (const ch of channels) {
      const base = TurnContext.getConversationReference(a) as ConversationReference;
      const reference = { ...base, conversation: { ...base.conversation, id: ch.id, conversationType: 'channel', isGroup: true } };
      delete reference.activityId;
      await this.db.conversation.upsert({
        where: { id: ch.id },
        update: { serviceUrl: a.serviceUrl, reference: JSON.stringify(reference), ...(ch.name ? { name: ch.name } : {}) },
        create: { id: ch.id, kind: 'channel', name: ch.name ?? null, tenantId: info.tenantId, serviceUrl: a.serviceUrl, teamId: info.teamId, reference: JSON.stringify(reference) },
      });
    }
  }

  /**
   * A channel Wijkbot has not heard from yet but knows about (the Agents Playground's General channel),
   * saved with a reference built from an activity of the same tenant and service, so it can be posted to.
   */
  async rememberKnownChannel(context: TurnContext, channel: { id: string; name: string; teamId: string; teamName: string }): Promise<void> {
    const a = context.activity;
    const info = conversationInfoOf(a);
    if (!a.serviceUrl) return;
    const base = TurnContext.getConversationReference(a) as ConversationReference;
    const reference = { ...base, conversation: { id: channel.id, conversationType: 'channel', isGroup: true, tenantId: info.tenantId, name: channel.name } };
    delete reference.activityId;
    delete reference.user;
    await this.db.team.upsert({
      where: { id: channel.teamId },
      update: {},
      create: { id: channel.teamId, name: channel.teamName, aadGroupId: null, tenantId: info.tenantId, serviceUrl: a.serviceUrl },
    });
    await this.db.conversation.upsert({
      where: { id: channel.id },
      update: {},
      create: { id: channel.id, kind: 'channel', name: channel.name, tenantId: info.tenantId, serviceUrl: a.serviceUrl, teamId: channel.teamId, reference: JSON.stringify(reference) },
    });
  }

  async markTeamRemoved(teamId: string): Promise<void> {
    await this.db.team.updateMany({ where: { id: teamId }, data: { installed: false } });
    for (const [id] of this.seen) this.seen.delete(id);
  }

  async referenceFor(conversationId: string): Promise<Partial<ConversationReference> | null> {
    const row = await this.db.conversation.findUnique({ where: { id: conversationId }, select: { reference: true } });
    return row ? (JSON.parse(row.reference) as Partial<ConversationReference>) : null;
  }

  async channelOfGroup(groupId: string): Promise<string | null> {
    const row = await this.db.conversation.findUnique({ where: { wijkGroupId: groupId }, select: { id: true } });
    return row?.id ?? null;
  }

  /**
   * Teams user ids (29:...) of those people Wijkbot has seen in Teams, at most `max`: a shared card's
   * `refresh.userIds` (user-specific views) wants these, not Entra ids. They come from TeamsUser (any
   * activity, a team roster) and from personal chats saved before TeamsUser existed.
   */
  async teamsUserIdsOf(personIds: string[], max: number): Promise<string[]> {
    if (!personIds.length) return [];
    const [users, convs] = await Promise.all([
      this.db.teamsUser.findMany({ where: { personId: { in: personIds } }, select: { personId: true, userId: true }, take: max }),
      this.db.conversation.findMany({ where: { personId: { in: personIds }, kind: 'personal' }, select: { personId: true, reference: true }, take: max }),
    ]);
    const byPerson = new Map<string, string>();
    for (const id of personIds) {
      const pending = this.pendingUsers.get(id);
      if (pending) byPerson.set(id, pending.userId);
    }
    for (const u of users) if (!byPerson.has(u.personId)) byPerson.set(u.personId, u.userId);
    for (const c of convs) {
      if (byPerson.has(c.personId!)) continue;
      try {
        const id = (JSON.parse(c.reference) as { user?: { id?: string } }).user?.id;
        if (id) byPerson.set(c.personId!, id);
      } catch {
        /* a reference that does not parse is skipped */
      }
    }
    return [...byPerson.values()].slice(0, max);
  }

  /**
   * Which of these people Wijkbot can message personally: they have a personal chat with it, or Teams has
   * shown their Teams id so it can start one (Proactive.sendToPerson). Two queries, whatever the number.
   */
  async reachablePeople(personIds: string[]): Promise<Set<string>> {
    const ids = [...new Set(personIds)];
    if (!ids.length) return new Set();
    const [chats, users] = await Promise.all([
      this.db.conversation.findMany({ where: { personId: { in: ids }, kind: 'personal' }, select: { personId: true } }),
      this.db.teamsUser.findMany({ where: { personId: { in: ids } }, select: { personId: true } }),
    ]);
    const reachable = new Set<string>([...chats.map((c) => c.personId!), ...users.map((u) => u.personId)]);
    for (const id of ids) if (this.pendingUsers.has(id)) reachable.add(id);
    return reachable;
  }

  async personalConversationOf(personId: string): Promise<string | null> {
    const row = await this.db.conversation.findUnique({ where: { personId }, select: { id: true } });
    return row?.id ?? null;
  }
}
