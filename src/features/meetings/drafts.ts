/**
 * The confirmation step: what `plan ...` understood is kept as a draft, shown on an editable card, and
 * only turned into meetings when the coordinator confirms the card as it is. Pure: no database.
 *
 * When the coordinator edits a field and presses "Bevestigen", the edit is saved and the card comes back
 * with fresh warnings (holiday, past, conflicts) for the new values: nothing is created from values the
 * coordinator has not seen checked.
 */
import { parseIsoDate, toHhMm, toIsoDate, type LocalTime } from '../../dates/calendar';
import { buildMeetingStart } from '../../dates/dutchDates';
import { MAX_DURATION_MINUTES, MIN_DURATION_MINUTES } from './planCommand';
import { MEETING_TYPES, type MeetingType, type MeetingWarning, type UnderstoodItem } from './types';

export interface DraftOccurrence {
  localDate: string; // YYYY-MM-DD, Amsterdam
  localTime: string; // HH:mm, Amsterdam
}

export interface DraftPlan {
  type: MeetingType;
  groupId: string | null;
  durationMinutes: number;
  theme: string | null;
  location: string | null;
  onlineUrl: string | null;
  occurrences: DraftOccurrence[];
  series: boolean;
  /** what the parser understood, shown until the coordinator edits the card */
  understood: UnderstoodItem[];
  /** parser remarks that are not calendar checks (weekday mismatch, ignored words ...); cleared on edit */
  parseWarnings: MeetingWarning[];
  edited: boolean;
}

export interface DraftForm {
  type?: string;
  groupId?: string;
  date?: string;
  time?: string;
  duration?: string;
  theme?: string;
  location?: string;
  onlineUrl?: string;
}

export interface Problem {
  code: string;
  params?: Record<string, string | number>;
}

/** Warnings that are recomputed from the final values on every render (so they are never stale). */
export const CALENDAR_WARNING_CODES = new Set([
  'meetings.date.holiday',
  'meetings.date.weekend',
  'meetings.date.past',
  'meetings.time.dstGap',
  'meetings.time.dstAmbiguous',
  'meetings.series.datesNeedAttention',
]);

export const MAX_THEME_LENGTH = 200;
export const MAX_LOCATION_LENGTH = 200;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

export function draftFormFrom(data: Record<string, unknown>): DraftForm {
  return {
    type: str(data.type),
    groupId: str(data.groupId),
    date: str(data.date),
    time: str(data.time),
    duration: str(data.duration),
    theme: str(data.theme),
    location: str(data.location),
    onlineUrl: str(data.onlineUrl),
  };
}

export function parseFormTime(text: string): LocalTime | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(text.trim());
  if (!m) return undefined;
  const time = { hour: Number(m[1]), minute: Number(m[2]) };
  return time.hour < 24 && time.minute < 60 ? time : undefined;
}

const cleanText = (v: string | undefined, max: number): string | null => {
  const s = (v ?? '').replace(/\s+/g, ' ').trim();
  return s ? s.slice(0, max) : null;
};

/**
 * The draft with the card's inputs applied. Fields the card did not send keep their value. Problems
 * (an impossible date, a duration out of range, a link that is not http(s), a group that is not the
 * coordinator's or does not exist) leave the plan unchanged.
 */
export function applyForm(
  plan: DraftPlan,
  form: DraftForm,
  allowedGroupIds: ReadonlySet<string> | null,
  /** the groups that exist, when allowedGroupIds is null (an admin): a made-up group id is a problem */
  knownGroupIds?: ReadonlySet<string>,
): { plan: DraftPlan; problems: Problem[]; changed: boolean } {
  const problems: Problem[] = [];
  const next: DraftPlan = { ...plan, occurrences: plan.occurrences.map((o) => ({ ...o })) };

  if (form.type !== undefined && form.type !== '') {
    if (!(MEETING_TYPES as readonly string[]).includes(form.type)) problems.push({ code: 'meetings.form.badType' });
    else next.type = form.type as MeetingType;
  }
  if (form.groupId !== undefined && form.groupId !== '') {
    if (allowedGroupIds && !allowedGroupIds.has(form.groupId)) problems.push({ code: 'meetings.form.groupNotYours' });
    else if (knownGroupIds && !knownGroupIds.has(form.groupId)) problems.push({ code: 'meetings.form.unknownGroup' });
    else next.groupId = form.groupId;
  }
  if (form.time !== undefined && form.time !== '') {
    const time = parseFormTime(form.time);
    if (!time) problems.push({ code: 'meetings.form.badTime', params: { input: form.time } });
    else for (const o of next.occurrences) o.localTime = toHhMm(time);
  }
  if (!plan.series && form.date !== undefined && form.date !== '') {
    const date = parseIsoDate(form.date.trim());
    if (!date) problems.push({ code: 'meetings.form.badDate', params: { input: form.date } });
    else next.occurrences[0].localDate = toIsoDate(date);
  }
  if (form.duration !== undefined && form.duration !== '') {
    const minutes = Number(form.duration);
    if (!Number.isInteger(minutes) || minutes < MIN_DURATION_MINUTES || minutes > MAX_DURATION_MINUTES) {
      problems.push({ code: 'meetings.duration.invalid', params: { input: form.duration, min: MIN_DURATION_MINUTES, max: MAX_DURATION_MINUTES } });
    } else next.durationMinutes = minutes;
  }
  if (form.theme !== undefined) next.theme = cleanText(form.theme, MAX_THEME_LENGTH);
  if (form.location !== undefined) next.location = cleanText(form.location, MAX_LOCATION_LENGTH);
  if (form.onlineUrl !== undefined) {
    const url = (form.onlineUrl ?? '').trim();
    if (url && !/^https:\/\/[^\s<>"]+$/i.test(url)) problems.push({ code: 'meetings.form.badUrl' });
    else next.onlineUrl = url || null;
  }
  if (problems.length) return { plan, problems, changed: false };
  const changed = !sameMeetingFields(plan, next);
  if (changed) {
    next.edited = true;
    next.parseWarnings = [];
  }
  return { plan: next, problems, changed };
}

export function sameMeetingFields(a: DraftPlan, b: DraftPlan): boolean {
  return (
    a.type === b.type &&
    a.groupId === b.groupId &&
    a.durationMinutes === b.durationMinutes &&
    a.theme === b.theme &&
    a.location === b.location &&
    a.onlineUrl === b.onlineUrl &&
    a.occurrences.length === b.occurrences.length &&
    a.occurrences.every((o, i) => o.localDate === b.occurrences[i].localDate && o.localTime === b.occurrences[i].localTime)
  );
}

export interface PlannedOccurrence extends DraftOccurrence {
  startsAt: Date;
  endsAt: Date;
  /** calendar checks of this date: holiday, weekend, past, clock change */
  warnings: MeetingWarning[];
}

/** The instants of the draft's meetings (Amsterdam wall clock → UTC), each with its calendar checks. */
export function plannedOccurrences(plan: DraftPlan, now: Date): PlannedOccurrence[] {
  return plan.occurrences.map((o) => {
    const date = parseIsoDate(o.localDate)!;
    const time = parseFormTime(o.localTime)!;
    const built = buildMeetingStart(date, time, now);
    return {
      localDate: o.localDate,
      localTime: toHhMm(built.time),
      startsAt: built.startsAt,
      endsAt: new Date(built.startsAt.getTime() + plan.durationMinutes * 60_000),
      warnings: built.warnings,
    };
  });
}
