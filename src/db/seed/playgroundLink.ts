/**
 * The demo's one automatic channel link: the Agents Playground's General channel to wijkgroep Oost, once
 * per database. Only in a database that holds the demo data, only while Oost has no channel and that
 * channel serves no other group, and never again after it was done once (unlinking it sticks).
 */
import type { Db } from '../client';
import { recordAudit } from '../../features/audit/auditLog';

const DONE = 'demo.playgroundLinked';

export async function linkPlaygroundChannel(db: Db, opts: { conversationId: string; groupSlug: string }): Promise<{ groupId: string; groupName: string } | null> {
  return db.$transaction(async (tx) => {
    const [demo, done] = await Promise.all([
      tx.auditEvent.findFirst({ where: { action: 'demo.seed' }, select: { id: true } }),
      tx.auditEvent.findFirst({ where: { action: DONE }, select: { id: true } }),
    ]);
    if (!demo || done) return null;
    const group = await tx.wijkGroup.findUnique({ where: { slug: opts.groupSlug }, select: { id: true, name: true, conversation: { select: { id: true } } } });
    const channel = await tx.conversation.findUnique({ where: { id: opts.conversationId }, select: { kind: true, wijkGroupId: true } });
    if (!group || group.conversation || !channel || channel.kind !== 'channel' || channel.wijkGroupId) return null;
    await tx.conversation.update({ where: { id: opts.conversationId }, data: { wijkGroupId: group.id } });
    const actor = { actorId: null, actorLabel: 'systeem (demo)' };
    await recordAudit(tx, { ...actor, action: 'channel.link', entityType: 'WijkGroup', entityId: group.id, details: { conversationId: opts.conversationId, previous: null } });
    await recordAudit(tx, { ...actor, action: DONE, entityType: 'WijkGroup', entityId: group.id, details: { conversationId: opts.conversationId } });
    return { groupId: group.id, groupName: group.name };
  });
}
