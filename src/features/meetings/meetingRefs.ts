/**
 * Which meeting a coordinator means: "FTO-7K2" (any case), "fto 7k2", the meeting id, or a description such
 * as "FTO 8 dec" / "patz 14-1", looked up among the actor's groups (an admin's: all) and required to name
 * exactly one planned meeting; otherwise a DomainError naming the candidates.
 */
import type { Db } from '../../db/client';
import { amsterdamWallClock, type LocalDate } from '../../dates/calendar';
import { buildMeetingStart, findDateTimeParts } from '../../dates/dutchDates';
import { tokenize } from '../../dates/dutchWords';
import { DomainError } from '../errors';
import { isAdmin, type Actor } from '../groups/types';
import { looksLikeId, normaliseCode } from './codes';
import * as repo from './repository';
import type { MeetingRecord } from './repository';
import { MEETING_TYPE_ALIASES } from './types';

/**
 * "FTO-7K2" (any case), the meeting id, or a description such as "FTO 8 dec" / "patz 14-1": the
 * latter is looked up among the actor's groups and must name exactly one planned meeting.
 */
export async function resolveMeetingRef(db: Db, ref: string, actor: Actor, now: Date): Promise<MeetingRecord> {
  const text = ref.trim();
  if (!text) throw new DomainError('meetings.ref.missing');
  const words = text.split(/\s+/);
  const code = normaliseCode(words[0]);
  if (code) {
    const byCode = await repo.findByCode(db, code);
    if (byCode) return byCode;
    throw new DomainError('meetings.ref.notFound', { ref: code });
  }
  // "fto 7k2": a code typed with a space; only taken when such a meeting exists ("FTO mrt" is a date)
  const spaced = words.length >= 2 ? normaliseCode(`${words[0]}-${words[1]}`) : undefined;
  const bySpaced = spaced ? await repo.findByCode(db, spaced) : null;
  if (bySpaced) return bySpaced;
  if (looksLikeId(text)) {
    const byId = await repo.findMeeting(db, text);
    if (byId) return byId;
    throw new DomainError('meetings.ref.notFound', { ref: text });
  }
  return resolveByDescription(db, text, actor, now);
}

async function resolveByDescription(db: Db, text: string, actor: Actor, now: Date): Promise<MeetingRecord> {
  const words = tokenize(text);
  const type = words.map((w) => MEETING_TYPE_ALIASES[w.norm]).find(Boolean);
  const rest = words.filter((w) => !MEETING_TYPE_ALIASES[w.norm]).map((w) => w.raw).join(' ');
  let day: LocalDate | undefined;
  try {
    day = rest ? findDateTimeParts(rest, now).date?.date : undefined;
  } catch {
    day = undefined;
  }
  if (!type && !day) throw new DomainError('meetings.ref.notFound', { ref: text.slice(0, 60) });
  const groups = isAdmin(actor) ? undefined : [...new Set(actor.roles.filter((r) => r.groupId).map((r) => r.groupId as string))];
  const where: Record<string, unknown> = { status: 'planned', ...(groups ? { groupId: { in: groups } } : {}), ...(type ? { type } : {}) };
  if (day) {
    // the Amsterdam calendar day, as instants (midnight-to-midnight in Europe/Amsterdam)
    const start = buildMeetingStart(day, { hour: 0, minute: 0 }, now).startsAt;
    const next = new Date(start.getTime() + 36 * 3600_000);
    const end = buildMeetingStart(amsterdamWallClock(next).date, { hour: 0, minute: 0 }, now).startsAt;
    where.startsAt = { gte: start, lt: end };
  } else {
    where.startsAt = { gte: new Date(now.getTime() - 24 * 3600_000) };
  }
  const rows = await db.meeting.findMany({ where, orderBy: { startsAt: 'asc' }, take: 5 });
  if (rows.length === 1) return repo.toRecord(rows[0]);
  if (!rows.length) throw new DomainError('meetings.ref.notFound', { ref: text.slice(0, 60) });
  throw new DomainError('meetings.ref.ambiguous', { ref: text.slice(0, 60), codes: rows.map((r) => r.code).join(', ') });
}
