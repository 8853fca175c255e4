/**
 * The audit trail of a period as CSV (`npm run audit -- export --from … --to …`), for the logging review
 * NEN 7513 asks of a system that records access and changes: who (person id and the name at the time),
 * what (action), on which object (type and id), when (Amsterdam time with offset, and UTC), and the
 * organisational details recorded with it. Read in pages, written as a stream: a year of events never
 * sits in memory whole.
 *
 * Cells a spreadsheet would run as a formula get a leading apostrophe (neutraliseCell). That is a local
 * copy of the rule until the shared CSV writer (src/csv/) lands; then this file uses that one.
 */
import { DateTime } from 'luxon';
import { stringify } from 'csv-stringify';
import type { Writable } from 'node:stream';
import type { Db } from '../../db/client';
import { recordAudit } from './auditLog';

const ZONE = 'Europe/Amsterdam';
const PAGE = 1_000;

export const AUDIT_CSV_HEADER = ['tijdstip', 'tijdstip_utc', 'actor_id', 'actor', 'actie', 'object_type', 'object_id', 'details', 'id'] as const;

export interface AuditPeriod {
  /** inclusive, the first instant of the `from` day in Amsterdam */
  from: Date;
  /** exclusive, the first instant after the `to` day in Amsterdam */
  until: Date;
  label: string;
}

/** `2026-01-01` … `2026-03-31` as Amsterdam calendar days, both included; null with a Dutch reason when invalid. */
export function parseAuditPeriod(from: string | undefined, to: string | undefined): AuditPeriod | { error: string } {
  const day = (s: string | undefined) => (s && /^\d{4}-\d{2}-\d{2}$/.test(s) ? DateTime.fromISO(s, { zone: ZONE }) : null);
  const start = day(from);
  const end = day(to);
  if (!start?.isValid) return { error: `--from ${from ?? '(ontbreekt)'} is geen datum (JJJJ-MM-DD)` };
  if (!end?.isValid) return { error: `--to ${to ?? '(ontbreekt)'} is geen datum (JJJJ-MM-DD)` };
  if (end < start) return { error: `--to ${to} ligt vóór --from ${from}` };
  return { from: start.startOf('day').toJSDate(), until: end.plus({ days: 1 }).startOf('day').toJSDate(), label: `${from}..${to}` };
}

/** Excel, LibreOffice and Google Sheets run a cell that starts with = + - @ (or tab/CR before one) as a formula. */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Writes the period's events to `out` (oldest first); resolves with the number of rows once everything is
 * written. `endOut: false` leaves `out` open (stdout must never be ended).
 */
export async function exportAuditCsv(db: Db, period: AuditPeriod, out: Writable, endOut = true): Promise<number> {
  const csv = stringify({ header: true, columns: [...AUDIT_CSV_HEADER], cast: { string: neutraliseCell } });
  const done = new Promise<void>((resolve, reject) => {
    out.on('error', reject);
    csv.on('error', reject);
    if (endOut) out.on('finish', resolve);
    else csv.on('end', resolve);
  });
  csv.pipe(out, { end: endOut });
  let rows = 0;
  let cursor: string | undefined;
  for (;;) {
    const page = await db.auditEvent.findMany({
      where: { at: { gte: period.from, lt: period.until } },
      orderBy: [{ at: 'asc' }, { id: 'asc' }],
      take: PAGE,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
    });
    for (const e of page) {
      const write = csv.write([
        DateTime.fromJSDate(e.at, { zone: ZONE }).toISO({ suppressMilliseconds: true }) ?? '',
        e.at.toISOString(),
        e.actorId ?? '',
        e.actorLabel,
        e.action,
        e.entityType,
        e.entityId,
        e.details,
        e.id,
      ]);
      if (!write) await new Promise<void>((resolve) => csv.once('drain', resolve));
      rows++;
    }
    if (page.length < PAGE) break;
    cursor = page.at(-1)!.id;
  }
  csv.end();
  await done;
  return rows;
}

/** Reading the audit trail is itself recorded (NEN 7513: access to the log is logged too). */
export async function recordAuditExport(db: Db, period: AuditPeriod, rows: number, by: string): Promise<void> {
  await db.$transaction(async (tx) => {
    await recordAudit(tx, {
      actorId: null,
      actorLabel: by,
      action: 'audit.export',
      entityType: 'AuditEvent',
      entityId: period.label,
      details: { from: period.from.toISOString(), until: period.until.toISOString(), rows },
    });
  });
}
