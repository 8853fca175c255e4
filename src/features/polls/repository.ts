/** Prisma reads and writes for polls. Foundation tables (Person, Membership, Conversation) are only read. */
import type { Db, Tx } from '../../db/client';
import type { Role, RoleGrant } from '../groups/types';
import { countsFrom } from './tally';
import { formatTarget, parseTarget, type Audience, type Comment, type Counts, type FrozenResult, type PollRecord, type PollSettings, type PollStatus } from './types';

type PollRow = Awaited<ReturnType<Db['poll']['findUniqueOrThrow']>>;

export function toRecord(row: PollRow): PollRecord {
  return {
    id: row.id,
    status: row.status as PollStatus,
    question: row.question,
    options: JSON.parse(row.options) as string[],
    multiple: row.multiple,
    anonymous: row.anonymous,
    resultsLive: row.resultsLive && !row.anonymous,
    feedback: row.feedback,
    deadline: row.deadline,
    audience: row.audience as Audience,
    audienceGroupIds: JSON.parse(row.audienceGroupIds) as string[],
    target: parseTarget(row.target),
    creatorId: row.creatorId,
    creatorName: row.creatorName,
    locale: row.locale === 'en' ? 'en' : 'nl',
    draftConversationId: row.draftConversationId,
    conversationId: row.conversationId,
    messageId: row.messageId,
    eligibleCount: row.eligibleCount,
    changes: row.changes,
    result: row.result ? (JSON.parse(row.result) as FrozenResult) : null,
    publishedAt: row.publishedAt,
    closedAt: row.closedAt,
    closedBy: row.closedBy,
  };
}

export function settingsData(s: PollSettings) {
  return {
    question: s.question,
    options: JSON.stringify(s.options),
    multiple: s.multiple,
    anonymous: s.anonymous,
    resultsLive: s.resultsLive && !s.anonymous,
    feedback: s.feedback,
    deadline: s.deadline,
    audience: s.audience,
    audienceGroupIds: JSON.stringify(s.audienceGroupIds),
    target: formatTarget(s.target),
  };
}

export async function findPoll(db: Db | Tx, id: number): Promise<PollRecord | null> {
  const row = await db.poll.findUnique({ where: { id } });
  return row ? toRecord(row) : null;
}

/** Current counts: anonymous polls from their counters, named polls by counting vote rows. */
export async function currentCounts(db: Db | Tx, poll: Pick<PollRecord, 'id' | 'anonymous' | 'options'>): Promise<Counts> {
  if (poll.anonymous) {
    const rows = await db.pollTally.findMany({ where: { pollId: poll.id }, select: { option: true, count: true } });
    return countsFrom(poll.options.length, rows);
  }
  const groups = await db.pollVote.groupBy({ by: ['option'], where: { pollId: poll.id }, _count: { _all: true } });
  return countsFrom(poll.options.length, groups.map((g) => ({ option: g.option, count: g._count._all })));
}

export function countVoters(db: Db | Tx, pollId: number): Promise<number> {
  return db.pollBallot.count({ where: { pollId } });
}

/**
 * Feedback for the result card and the export. Named: with the author's current name, alphabetical.
 * Anonymous: in random-key order (the ids are random UUIDs), which is no order at all.
 */
export async function comments(db: Db | Tx, poll: Pick<PollRecord, 'id' | 'anonymous'>): Promise<Comment[]> {
  if (poll.anonymous) {
    const rows = await db.pollAnonymousComment.findMany({ where: { pollId: poll.id }, select: { text: true }, orderBy: { id: 'asc' } });
    return rows.map((r) => ({ author: null, text: r.text }));
  }
  const rows = await db.pollBallot.findMany({ where: { pollId: poll.id, comment: { not: null } }, select: { personId: true, comment: true } });
  const names = await personNames(db, rows.map((r) => r.personId!).filter(Boolean));
  return rows
    .map((r) => ({ author: names.get(r.personId ?? '') ?? '?', text: r.comment ?? '' }))
    .sort((a, b) => a.author.localeCompare(b.author, 'nl'));
}

export async function personNames(db: Db | Tx, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const people = await db.person.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(people.map((p) => [p.id, p.name]));
}

/**
 * The electorate for an audience, from the roster as it is now:
 * raad = everyone with the role raadslid; groups = anyone with a role in one of the wijkgroepen;
 * all = everyone with at least one role.
 */
export async function electorate(db: Db | Tx, audience: Audience, groupIds: string[]): Promise<string[]> {
  const where =
    audience === 'raad' ? { role: 'raadslid' } : audience === 'groups' ? { groupId: { in: groupIds } } : {};
  const rows = await db.membership.findMany({ where, select: { personId: true }, distinct: ['personId'] });
  return [...new Set(rows.map((r) => r.personId))].sort();
}

export async function groupsByIds(db: Db | Tx, ids: string[]) {
  if (!ids.length) return [];
  return db.wijkGroup.findMany({ where: { id: { in: ids } }, select: { id: true, name: true }, orderBy: { name: 'asc' } });
}

export function allGroups(db: Db | Tx) {
  return db.wijkGroup.findMany({
    select: { id: true, name: true, conversation: { select: { id: true, name: true } } },
    orderBy: { name: 'asc' },
  });
}

export async function conversationKind(db: Db | Tx, conversationId: string): Promise<string | null> {
  return (await db.conversation.findUnique({ where: { id: conversationId }, select: { kind: true } }))?.kind ?? null;
}

export async function channelOfGroup(db: Db | Tx, groupId: string): Promise<string | null> {
  const row = await db.conversation.findUnique({ where: { wijkGroupId: groupId }, select: { id: true } });
  return row?.id ?? null;
}

/** Everyone who may vote on the poll (its electorate, fixed when it was published). */
export async function electorPersonIds(db: Db | Tx, pollId: number): Promise<string[]> {
  return (await db.pollElector.findMany({ where: { pollId }, select: { personId: true } })).map((e) => e.personId);
}

/** The roles that decide managing a poll (permissions.ts), as they are now: for a link made earlier. */
export async function managingRoles(db: Db | Tx, personId: string): Promise<RoleGrant[]> {
  const rows = await db.membership.findMany({ where: { personId, role: { in: ['admin', 'coordinator'] } }, select: { role: true, groupId: true } });
  return rows.map((r) => ({ role: r.role as Role, groupId: r.groupId, groupName: null }));
}
