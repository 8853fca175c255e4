/**
 * Append-only audit trail: who changed what (roles, channel links, intake stops, poll closes, summaries).
 * Called inside the same transaction as the change it records, so the two cannot disagree.
 * Details hold organisational facts only — ids, codes, dates — never free text that could carry patient data.
 */
import type { Tx } from '../../db/client';

export interface AuditEntry {
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  details?: Record<string, unknown>;
}

export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: entry.actorId,
      actorLabel: entry.actorLabel,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      details: JSON.stringify(entry.details ?? {}),
    },
  });
}

export function auditActor(actor: { personId: string | null; name: string; aadObjectId?: string }): Pick<AuditEntry, 'actorId' | 'actorLabel'> {
  return { actorId: actor.personId, actorLabel: actor.name };
}
